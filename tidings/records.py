"""Typed records that flow between the pipeline stages (see docs/design.md).

Every stage takes and returns these records, so each stage can be used alone.
Offsets are Python ``str`` indices into ``Article.body`` (end exclusive) and every
span carries its text, so a record can be checked without the article.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


def to_dict(record: Any) -> dict:
    """A record (or nested records) as plain JSON-ready dicts."""
    return asdict(record)


@dataclass(slots=True)
class Page:
    """Raw input before extraction: bytes plus where they came from.

    ``meta`` carries fields already known from the container (a JSONL record's
    title/date, a WARC record's headers, an HTTP Content-Type) so that extract
    can prefer them.
    """
    source: str                      # path, URL, WARC record id, "stdin", "file.jsonl#12"
    content: bytes
    url: str | None = None
    hint: str | None = None          # "html" | "text" | None (sniff)
    meta: dict = field(default_factory=dict)
    group: str | None = None         # pages read together (same folder/WARC/site): boilerplate evidence


@dataclass(slots=True)
class Article:
    id: str                          # stable hash of the normalised content
    source: str
    url: str | None
    site: str | None
    title: str | None
    author: str | None
    published: str | None            # ISO date or datetime
    published_from: str | None       # meta, url, byline, text, banner, jsonl, ...
    language: str | None
    format: str                      # "html" | "text"
    body: str                        # paragraphs separated by a blank line
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ErrorRecord:
    """Errors are records too: printed where the record would have been."""
    source: str
    error: str
    stage: str = "read"


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    label: str                       # spaCy label: PERSON, ORG, GPE, NORP, LOC, FAC, DATE, ...
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Actor:
    """A coded actor: CAMEO/Phoenix code plus PLOVER-style separate fields."""
    code: str                        # e.g. TURGOV, USA, RUSMIL, IGOEUREEC, NATO
    country: str | None              # ISO 3166 alpha-3, None for IGOs/NGOs without one
    sector: str | None               # GOV, MIL, COP, REB, OPP, JUD, LEG, CVL, ...
    name: str | None = None          # canonical name ("Mevlut Cavusoglu", "Turkey")
    kb_id: str | None = None         # knowledge-base entry id


@dataclass(slots=True)
class ActorMention:
    text: str
    start: int
    end: int
    actor: Actor | None
    kind: str = "name"               # name, demonym, metonym, role, pronoun, agent, surname
    via: str | None = None           # how it was resolved (rule name / antecedent span)


@dataclass(slots=True)
class Speaker:
    start: int
    end: int
    text: str
    name: str | None = None
    actor: Actor | None = None


@dataclass(slots=True)
class Quote:
    id: str
    content: Span
    cue: Span | None
    speaker: Speaker | None
    direct: bool


@dataclass(slots=True)
class Place:
    name: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None       # ISO alpha-3
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Evidence:
    sentence: str
    sentence_start: int
    trigger: Span
    source: Span | None = None
    target: Span | None = None
    quote_id: str | None = None


@dataclass(slots=True)
class EventMention:
    id: str                          # hash(article id + spans + code)
    article_id: str
    source: ActorMention | None
    target: ActorMention | None
    cameo: dict                      # {code, name}
    goldstein: float | None
    quad_class: int | None           # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    plover: dict                     # {type, mode, context}
    context: dict                    # {negated, hypothetical, future, historical}
    date: str | None
    date_granularity: str | None     # day | month | year
    date_from: str | None
    place: Place | None
    confidence: float
    evidence: Evidence


@dataclass(slots=True)
class Analysis:
    """An article with everything the nlp, actors, quotes and coding stages found."""
    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

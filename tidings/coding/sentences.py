"""Sentence and clause facts the coder asks: the units it codes (sentences cut at paragraph
breaks), how deep a verb sits, which verb governs another, whether a negation is near, and
which quote holds a character."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from tidings.coding.verbs import VerbEntry
from tidings.records import Quote


def noun_chunk_ends(doc: Doc) -> dict[int, int]:
    try:
        return {nc.start: nc.end for nc in doc.noun_chunks}
    except (ValueError, NotImplementedError):
        return {}


def ends_like_sentence(sent: Span) -> bool:
    toks = [t for t in sent if not t.is_space]
    return bool(toks) and toks[-1].text in {".", "!", "?", '"', "”", "'", "’", ")", "…", ".\"", ":"}


def segments(doc: Doc):
    """Sentences, also cut at paragraph breaks (a headline without a full stop is its own unit)."""
    for sent in doc.sents:
        start = sent.start
        for t in sent:
            if t.is_space and "\n" in t.text and t.i > start:
                yield doc[start:t.i]
                start = t.i + 1
        if start < sent.end:
            yield doc[start:sent.end]


def clause_depth(tok: Token) -> int:
    d = 0
    while tok.head != tok and d < 50:
        tok = tok.head
        d += 1
    return d


def governed_by(tok: Token, coded: dict[int, str]) -> bool:
    """An infinitive/clausal complement of an already coded verb ("pledged to cooperate")."""
    t = tok
    for _ in range(3):
        if t.dep_ not in ("xcomp",) or t.head == t:
            return False
        t = t.head
        if t.i in coded:
            return True
    return False


def entry_span(sent: Span, tok: Token, e: VerbEntry) -> tuple[int, int] | None:
    doc = tok.doc
    s, end = tok.i, tok.i + 1
    for k, w in enumerate(reversed(e.before)):
        j = tok.i - 1 - k
        if j < sent.start or doc[j].lower_ != w:
            return None
        s = j
    for k, w in enumerate(e.after):
        j = tok.i + 1 + k
        if j >= sent.end or doc[j].lower_ != w:
            return None
        end = j + 1
    return s, end


def cooperative(code: str) -> bool:
    c = code.split(":")[0] or code.split(":")[-1]
    return c[:2].isdigit() and 3 <= int(c[:2]) <= 8


def inside_xcomp(verb: Token, i: int) -> bool:
    t = verb.doc[i]
    while t.head != t and t != verb:
        if t.dep_ == "xcomp" and t.head == verb:
            return True
        t = t.head
    return False


def has_neg_near(t: Token) -> bool:
    return any(c.dep_ == "neg" for c in t.head.children) or any(c.dep_ == "neg" for c in t.children)


def quote_of(quotes: list[Quote], char: int) -> str | None:
    for q in quotes:
        if q.content.start <= char < q.content.end:
            return q.id
    return None

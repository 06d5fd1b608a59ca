"""Sentence and clause facts the coder asks: the units it codes (sentences cut at paragraph
breaks), how deep a verb sits, which verb governs another, whether a negation is near, and
which quote holds a character."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from tidings.coding.verbs import VerbEntry
from tidings.intervals import Intervals
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


class QuoteAt:
    """The id of the quote whose content holds a character offset (the first such in list
    order), from an interval index: asked for every verb of saying and every event, on a page
    that may hold thousands of quotations."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self.spans = Intervals((q.content.start, q.content.end, i) for i, q in enumerate(quotes))

    def __call__(self, char: int) -> str | None:
        hits = [i for _, _, i in self.spans.overlapping(char, char + 1)]
        return self.quotes[min(hits)].id if hits else None


class StartIndex:
    """Items of a list whose start position falls in [lo, hi), in list order, found by bisection
    (per sentence, instead of a scan of every mention or event of the document)."""

    def __init__(self, items: list, start: Callable[[object], int]) -> None:
        self.items = items
        self.order = sorted((start(x), i) for i, x in enumerate(items))

    def starting_in(self, lo: int, hi: int) -> list:
        a, b = bisect_left(self.order, (lo,)), bisect_left(self.order, (hi,))
        return [self.items[i] for i in sorted(i for _, i in self.order[a:b])]

"""Facts about a quotation in its text and parse that every stage asks: whether a char lies in
one, whether it ends a quoted sentence, fills a paragraph, or is a short name inside the
narration ('on ABC's "This Week"'), and the char and token helpers these share."""
from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span as TokenSpan, Token

from tidings.nlp.quotes.marks import QuotedRun


QUOTE_MARK_CHARS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"


GAP_PUNCT = set(" \t\n\r\u00a0,;:\u2014\u2013-")


MIN_CONTINUATION_WORDS = 4  # a cue-less quotation shorter than this is a scare quote, not speech


def gap_is_punct(text: str, a: int, b: int) -> bool:
    return a <= b and all(ch in GAP_PUNCT for ch in text[a:b])


SPEAKER_WORD_POS = ("DET", "ADJ", "PROPN", "NOUN", "PRON", "NUM", "PART")


def token_at(doc: Doc, text: str, starts: list[int], pos: int) -> int | None:
    """The first token starting at or after char ``pos`` (None: a line break comes first)."""
    i = bisect.bisect_left(starts, pos)
    while i < len(doc) and doc[i].is_space:
        if "\n" in doc[i].text:
            return None
        i += 1
    if i >= len(doc) or "\n" in text[pos:doc[i].idx]:
        return None
    return i


def run_at(runs, starts, pos: int):
    """The quotation holding char ``pos`` (``runs`` in text order, ``starts`` their starts), or None."""
    k = bisect.bisect_right(starts, pos) - 1
    return runs[k] if k >= 0 and runs[k].start <= pos < runs[k].end else None


def in_run(runs, starts, pos: int) -> bool:
    return run_at(runs, starts, pos) is not None


def quote_lookup(runs: list[QuotedRun]):
    """``in_quote(char offset) -> bool`` over the quotations ``runs`` (in text order)."""
    starts = [r.start for r in runs]
    return lambda pos: in_run(runs, starts, pos)


NAMEISH = ("PROPN", "NOUN", "PRON")


def outside_attachments(span: TokenSpan) -> list[Token]:
    """The words of a quotation that the parser hung on a word outside it: where it attaches."""
    return [t for t in span if not t.is_punct and not span.start <= t.head.i < span.end]


def last_inside(text: str, r: QuotedRun) -> str:
    """The last character inside a quotation's marks ('"Savage," she said' -> ','), or ''."""
    return text[r.start:r.end].rstrip(QUOTE_MARK_CHARS + " ")[-1:]


def ends_quote_sentence(text: str, r: QuotedRun) -> bool:
    """'"Savage," she said': the quotation ends in , ? or ! inside its marks, as a quoted
    sentence before its cue does."""
    return last_inside(text, r) in (",", "?", "!")


def quoted_sentence(text: str, r: QuotedRun) -> bool:
    """'"Everybody sues, right?"': a short quotation that is a whole sentence of its own (a capital
    after the opening mark, an end mark before the closing one, a sentence ended before it) is
    speech, not a scare quote."""
    inner = text[r.start:r.end].strip(QUOTE_MARK_CHARS + " ")
    before = text[max(0, r.start - 3):r.start].strip()
    return (r.closed and inner[:1].isupper() and inner[-1:] in (".", "?", "!")
            and (not before or before[-1:] in ".!?"))


MAX_NAME_WORDS = 6     # a quoted show, slogan or term ('"Fox and Friends,"') is this short


def named_in_narration(doc: Doc, r: QuotedRun) -> bool:
    """'Speaking on ABC's "This Week," Carson said ...', 'As for his mangling of "Hamas," Levine
    found ...': a short quotation that a preposition or a possessive before it governs is a name
    inside the narration that opens the sentence, not the words of the cue after it."""
    span = doc.char_span(r.start, r.end, alignment_mode="expand")
    if span is None or span.start == 0 or sum(t.is_alpha for t in span) > MAX_NAME_WORDS:
        return False
    prev = doc[span.start - 1]
    while prev.is_space:
        if "\n" in prev.text or prev.i == 0:
            return False
        prev = doc[prev.i - 1]
    return prev.pos_ == "ADP" or prev.tag_ == "POS"


def within_run(content: tuple[int, int] | None, r: QuotedRun) -> bool:
    """No clause found, or the clause is the quotation itself (not a clause quoting a fragment)."""
    return content is None or (content[0] >= r.start - 1 and content[1] <= r.end + 2)


def same_paragraph(text: str, a: int, b: int) -> bool:
    return "\n" not in text[a:b]


def cover_runs(runs, starts, s: int, e: int) -> tuple[int, int]:
    """Grow a clause span so that no quotation is cut in half by it."""
    k = bisect.bisect_right(starts, e) - 1
    while k >= 0 and runs[k].end > s:
        r = runs[k]
        if r.start < s < r.end or r.start < e < r.end:
            s, e = min(s, r.start), max(e, r.end)
        k -= 1
    return s, e


def whole_paragraph(text: str, r: QuotedRun, para: tuple[int, int]) -> bool:
    """A paragraph that is nothing but a quotation ('"And Mexico will pay for the wall!"')."""
    return r.start == para[0] and para[1] - r.end <= 2

"""``Found``: an attribution as the rule and model stages hand it on (char spans of content and
cue, token span of the speaker), how strong its cue is (``KIND_RANK``), and what the stages ask
of one: where its cue stands, how far it reaches, whether it is narration set in a report."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from tidings.intervals import Intervals
from tidings.nlp.quotes.marks import QuotedRun


KIND_RANK = {"speech": 0, "clausal": 0, "direct": 0, "phrase": 1, "licensed": 2, "belief": 3, "evidence": 4,
             "learned": 5}


@dataclass(slots=True)
class Found:
    start: int
    end: int
    cue: tuple[int, int] | None          # char span
    speaker: tuple[int, int, int] | None  # token start, end, head
    direct: bool
    rank: int
    runs: list[QuotedRun] = field(default_factory=list)
    clausal: bool = True                 # content is a quotation or a reported clause
    how: str = "frame"                   # which rule found it (a feature of the quote filter)


def char_offsets(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    words = doc[span[0]:span[1]]
    return words.start_char, words.end_char


def cue_words(doc: Doc, f: Found):
    """The tokens of an attribution's cue (None when it has no cue or the chars match none)."""
    return None if f.cue is None else doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")


def cue_root(doc: Doc, f: Found) -> Token | None:
    """The syntactic head of an attribution's cue, or None when it has no cue tokens."""
    words = cue_words(doc, f)
    return words.root if words is not None and len(words) else None


def unclaimed_runs(runs: list[QuotedRun], found: list[Found]) -> list[QuotedRun]:
    """The closed quotations no attribution found so far overlaps."""
    covered = Intervals((f.start, f.end, f) for f in found)
    return [r for r in runs if r.closed and not covered.overlapping(r.start, r.end)]


def reach_of(f: Found) -> int:
    return max(f.end, f.cue[1]) if f.cue else f.end


def verbatim(inside: list[QuotedRun], s: int, e: int) -> bool:
    """A content span that is (nearly) all quotation is a direct quote."""
    return sum(r.end - r.start for r in inside) >= 0.9 * (e - s)


def quoted_chars(f: Found) -> int:
    return sum(r.end - r.start for r in f.runs) if f.runs else f.end - f.start


def cue_after_content(f: Found) -> bool:
    """'Yet X is a "change agent," Y said.': the cue follows the content, as in a direct quote."""
    return f.cue is not None and f.end <= f.cue[0]


# what opens a clause of narration inside a report ('..., as the heckler yelled: "..."')
_NARRATION_MARKS = frozenset(("as", "while", "when", "whereupon"))


def narration_start(doc: Doc, f: Found) -> int | None:
    """'Cruz said as the heckler yelled: "You suck!"', '..., to which O'Malley interjected: "..."':
    a quotation given to a speech cue heading a clause of narration (an 'as'/'when' clause, a
    'which' clause) set inside someone's report is the heckler's words, not the report's.
    Returns where that clause starts (a char offset), or None for any other attribution."""
    if not f.direct or f.cue is None or f.speaker is None or not f.runs or f.start < f.cue[1]:
        return None
    cue = cue_root(doc, f)
    if cue is None or cue.dep_ not in ("advcl", "relcl"):
        return None
    if (any(c.dep_ == "mark" and c.lower_ in _NARRATION_MARKS for c in cue.children)
            or any(w.lower_ == "which" for w in doc[cue.left_edge.i:cue.i])):
        return cue.left_edge.idx
    return None

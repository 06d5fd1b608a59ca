"""Quoted passages found from quotation marks alone, in any common style.

Double marks ("..." “...” «...» „...“) open top-level quotations; single marks
('...' ‘...’) do too where no double quotation surrounds them (British style), but only
when they pair up within a paragraph, because ’ and ' are mostly apostrophes.
A paragraph that ends inside a quotation continues it when the next paragraph opens with
a mark of the same family (the newspaper convention for multi-paragraph quotes); an
opening mark that is never closed runs to the end of its paragraph.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tidings.intervals import Intervals


_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")

DOUBLE_OPEN = "\u201c\u00ab\u201e\u201f"      # “ « „ ‟
DOUBLE_CLOSE = "\u201d\u00bb"                  # ” »  (“ closes a „ quotation)
SINGLE_OPEN = "\u2018\u2039"                   # ‘ ‹
SINGLE_CLOSE = "\u2019\u203a"                  # ’ ›
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "\"'"
# two apostrophes are one double mark (''...'': the New York Times' archive and LaTeX-style text),
# and so are two curly single marks ('a “question’’ that ...': a double mark typed as two singles)
_MARK_RE = re.compile("''|\u2019\u2019|\u2018\u2018|[" + re.escape(ALL_MARKS) + "]")
_DOUBLED = ("''", "\u2019\u2019", "\u2018\u2018")
# zero-width and direction marks pasted from social media ('\u202a”Sorry ...')
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff"
# an HTML-like tag pasted with the article ('<tweet author="@kim" date="May 2">'): its attribute values are
# no one's words
_MARKUP_TAG = re.compile(r"<[A-Za-z][\w-]*\s[^<>]{0,300}>")
_OPEN_CONTEXT = set(" \t\n([{\u2014\u2013-/" + DOUBLE_OPEN + SINGLE_OPEN + "\"'")


@dataclass(frozen=True, slots=True)
class QuotedRun:
    start: int                         # offset of the opening mark
    end: int                           # offset after the closing mark (or the paragraph end)
    pieces: tuple[tuple[int, int], ...]  # one (start, end) per paragraph the quotation spans
    closed: bool
    family: str                        # "double" | "single"

    def words(self, text: str) -> int:
        return len(text[self.start:self.end].split())


def runs_within(runs: list[QuotedRun], starts: list[int], s: int, e: int) -> list[QuotedRun]:
    """The quotations lying wholly inside [s, e); ``starts`` are the runs' starts, in order."""
    return [r for r in runs[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)] if r.end <= e]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs (blank-line separated), whitespace trimmed."""
    out, pos = [], 0
    for m in _PARAGRAPH.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    trimmed = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def _role(text: str, i: int, para_start: int, para_end: int) -> tuple[str, str] | None:
    """(family, role) of the mark at i: role is open, close or either; None = not a quotation mark."""
    ch = text[i]
    width = 2 if text[i:i + 2] in _DOUBLED else 1
    if width == 2:
        ch = '"'
    j = i - 1
    while j > para_start and text[j] in _INVISIBLE:
        j -= 1      # a direction mark or zero-width space before the mark is no character
    prev = text[j] if j >= para_start and text[j] not in _INVISIBLE else " "
    nxt = text[i + width] if i + width < para_end else " "
    open_ctx = prev in _OPEN_CONTEXT
    if ch == "\u201c" and not open_ctx and (nxt.isspace() or nxt in ".,;:!?)]["):
        # '"It's unusual,“ said X', 'called them “rapists“ while ...': a mistyped closing mark (an
        # opening mark stands before a word, never right after one with a space or stop next)
        return ("double", "close")
    if ch == "\u201d" and open_ctx and prev not in DOUBLE_OPEN + SINGLE_OPEN + "\"'" and nxt.isalnum():
        return ("double", "either")  # '”Sorry, Sarah,” posted X': a mistyped opening mark
    if ch in DOUBLE_OPEN:
        return ("double", "either") if ch == "\u201c" else ("double", "open")
    if ch in DOUBLE_CLOSE:
        return ("double", "close")
    if ch == '"':
        if open_ctx and not nxt.isspace():
            return ("double", "open")
        if not open_ctx and (nxt.isspace() or not nxt.isalnum()):
            return ("double", "close")
        return ("double", "either")
    # single marks: an apostrophe inside a word (don't, Armenia's) is never a quotation mark
    if prev.isalnum() and nxt.isalnum():
        return None
    if ch in SINGLE_OPEN + "'\u2019" and _elided_year(text, i + width, para_end):
        return None     # 'said in ‘08 that', 'the '80s': an apostrophe for the century, no quotation
    if ch in "'\u2019" and _detached_clitic(text, i + width, para_end):
        return None     # 'the Jairan ’s transponder': a possessive the source set off by a space
    if ch == "\u2019" and prev.isspace() and nxt.isspace():
        return ("single", "close")   # '‘We are very concerned ’ In a statement': a right mark set off by spaces
    if ch in SINGLE_OPEN or ch in "'\u2019":
        if open_ctx and nxt.isalnum() or ch in SINGLE_OPEN:
            return ("single", "open")
        if not prev.isspace() and not nxt.isalnum():
            return ("single", "close")
        return None
    if ch in SINGLE_CLOSE:
        return ("single", "close")
    return None


_CLITICS = ("s", "re", "ll", "ve", "d", "m", "t")


def _detached_clitic(text: str, i: int, end: int) -> bool:
    """'s, 're, 'll, ... at i followed by no letter: the end of a word, not a quotation's start."""
    for c in _CLITICS:
        k = i + len(c)
        if text[i:k].lower() == c and k <= end and (k == end or not text[k].isalnum()):
            return True
    return False


def _elided_year(text: str, i: int, end: int) -> bool:
    """Two digits at i and no third (‘08, '80s): a year with its century left out."""
    return i + 2 <= end and text[i:i + 2].isdigit() and (i + 2 == end or not text[i + 2].isalnum()
                                                          or text[i + 2:i + 4] in ("s", "s ", "s,", "s.", "s)"))


def find_quoted_runs(text: str) -> list[QuotedRun]:
    """Top-level quotations in ``text``, in order, with multi-paragraph continuation."""
    runs: list[QuotedRun] = []
    paras = paragraphs(text)
    tags = _markup_tags(text)
    carry: _Open | None = None
    for n, (p_start, p_end) in enumerate(paras):
        marks = [(m.start(), *role, m.end() - m.start()) for m in _MARK_RE.finditer(text, p_start, p_end)
                 if not tags.overlapping(m.start(), m.start() + 1) and (role := _role(text, m.start(), p_start, p_end))]
        i = 0
        cur: _Open | None = None
        if carry is not None:
            if marks and marks[0][0] == p_start and marks[0][1] == carry.family and marks[0][2] != "close":
                cur, i = carry, 1
                cur.piece_start = p_start
            elif carry.family == "double":
                runs.append(carry.run(None))
            carry = None
        while True:
            cur = _scan(text, marks, i, cur, runs)
            if cur is None:
                break
            cur.pieces.append((cur.piece_start, p_end))
            nxt = paras[n + 1][0] if n + 1 < len(paras) else None
            continues = (nxt is not None and (role := _role(text, nxt, nxt, paras[n + 1][1])) is not None
                         and role[0] == cur.family and role[1] != "close")
            if continues or cur.family == "double":
                carry = cur
                break
            # an unpaired single mark was an apostrophe after all: rescan the rest of the paragraph
            i = next(k for k, mk in enumerate(marks) if mk[0] == cur.opener) + 1
            cur = None
            if i >= len(marks):
                break
    if carry is not None:
        runs.append(carry.run(None))
    return runs


def _markup_tags(text: str) -> Intervals:
    """The markup tags with attributes: '<a href="x.com">' quotes nobody."""
    return Intervals((*m.span(), None) for m in _MARKUP_TAG.finditer(text)) if "<" in text else Intervals()


class _Open:
    """A quotation opened and not yet closed (possibly over several paragraphs)."""
    __slots__ = ("start", "family", "style", "pieces", "piece_start", "opener")

    def __init__(self, pos: int, family: str, style: str):
        self.start = self.piece_start = self.opener = pos
        self.family, self.style = family, style
        self.pieces: list[tuple[int, int]] = []

    def closes(self, ch: str, role: str) -> bool:
        if self.style == "\u201e":                       # „...“ or „...”
            return ch in "\u201c\u201d\""
        if self.style == "\u00ab":
            return ch == "\u00bb"
        if ch == "\u201c":                               # “ opens (English style)
            return role == "close"
        return role in ("close", "either")

    def run(self, end: int | None) -> QuotedRun:
        if end is not None:
            pieces = tuple(self.pieces) + ((self.piece_start, end),)
            return QuotedRun(self.start, end, pieces, True, self.family)
        return QuotedRun(self.start, self.pieces[-1][1], tuple(self.pieces), False, self.family)


def _scan(text: str, marks: list, i: int, cur: _Open | None, runs: list[QuotedRun]) -> _Open | None:
    """Pair marks[i:] within a paragraph; returns the quotation left open at its end."""
    inner = 0                         # quotations of the same marks open inside the current one
    for k in range(i, len(marks)):
        pos, fam, role, width = marks[k]
        ch = '"' if width == 2 else text[pos]
        if cur is None:
            if role in ("open", "either"):
                cur = _Open(pos, fam, ch)
            continue
        if fam != cur.family:
            continue                  # the other family nests inside this quotation
        if cur.closes(ch, role):
            if inner:
                inner -= 1
                continue
            runs.append(cur.run(pos + width))
            cur = None
        elif fam == "double" and role in ("open", "either"):
            if inner or _nests(text, marks, k, cur):
                inner += 1
                continue
            # a new opening mark while one is open: the first quotation was never closed
            cur.pieces.append((cur.piece_start, _rstrip(text, cur.piece_start, pos)))
            runs.append(cur.run(None))
            cur = _Open(pos, fam, ch)
    return cur


def _nests(text: str, marks: list, k: int, cur: _Open) -> bool:
    """'Kim tweeted: “People here wear “Vote Roe” shirts. Ouch.”': an opening mark inside an open
    quotation nests a quotation of the same marks when the paragraph closes both (a quoted
    tweet quoting a slogan); otherwise the first quotation was never closed."""
    if not (marks[k][2] == "open" or text[marks[k][0]] == "\u201c" and cur.style == "\u201c"):
        return False
    depth = 2
    for pos, fam, role, width in marks[k + 1:]:
        if fam != cur.family:
            continue
        ch = '"' if width == 2 else text[pos]
        if cur.closes(ch, role):
            depth -= 1
            if depth == 0:
                return True
        elif role in ("open", "either"):
            depth += 1
    return False


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end

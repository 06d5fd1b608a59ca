"""Split a page dumped as plain text into ordered text units (one per line or table cell).

Text renderers (lynx, w3m, html2text...) lay out HTML tables as side-by-side columns padded with
spaces, so one physical line can hold the article paragraph *and* a sidebar teaser. We find such
padded regions, cut them at vertical gutters (>= 2 blank columns on every row) and read them
column by column, which restores the reading order of each column. Every unit keeps its list
marker, indentation and the blank lines around it: these are the layout clues the classifier uses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# lynx/w3m/html2text bullets and numbered items; "o" and "+" are lynx's nested-list bullets
_MARKER_RE = re.compile(r"^(?:[*+•·▪►»›◦■□‣o\-–—]|\d{1,3}[.)]|\[\d{1,3}\]|#)\s+(?=\S)")
_SPLIT_RE = re.compile(r"\s{3,}")
_MIN_REGION_WIDTH = 40
_WORD_RUN_RE = re.compile(r"\S+(?: \S+)*")
# a "line" this long is a flattened page or a whole article in one table cell: read it by sentences
_LONG_LINE = 1200
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])[\"'”’)\]]?\s+(?=[\"'“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Unit:
    text: str            # stripped text without the list marker
    marker: str          # list marker ("*", "1.", ...) or ""
    indent: int          # column where the unit starts (after table splitting: within the page)
    line: int            # physical line number in the dump (0-based)
    column: int          # table column index (0 outside padded tables)
    blank_before: bool   # a blank line (or region edge) separates it from the previous unit
    in_table: bool       # comes from a padded multi-column region


def _regions(lines: list[str]) -> list[tuple[int, int]]:
    """Runs of >= 3 consecutive lines padded to the same width: rendered table rows."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(lines)
    while i < n:
        w = len(lines[i])
        if w < _MIN_REGION_WIDTH:
            i += 1
            continue
        j = i + 1
        while j < n and abs(len(lines[j]) - w) <= 2:
            j += 1
        if j - i >= 3:
            padded = sum(1 for k in range(i, j) if len(lines[k]) - len(lines[k].rstrip()) >= 2)
            if padded * 2 >= j - i:
                out.append((i, j))
                i = j
                continue
        i += 1
    return out


def _gutters(rows: list[str]) -> list[int]:
    """Start columns of table columns: positions right after a >= 2-wide all-blank vertical strip."""
    width = max(len(r) for r in rows)
    occupied = bytearray(width)
    for r in rows:
        for m in _WORD_RUN_RE.finditer(r):
            occupied[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    starts = [0]
    first = next((x for x in range(width) if occupied[x]), width)
    x = first
    while x < width:
        if not occupied[x]:
            y = x
            while y < width and not occupied[y]:
                y += 1
            if y < width and y - x >= 2:
                starts.append(y)
            x = y
        else:
            x += 1
    return starts


def _split_marker(s: str) -> tuple[str, str]:
    m = _MARKER_RE.match(s)
    if not m:
        return "", s
    return m.group(0).strip(), s[m.end():]


def _pieces(text: str, offset: int) -> list[tuple[int, str]]:
    """A cell can still hold several renderer-separated items ("Home   News   Sport")."""
    out = []
    pos = 0
    for part in _SPLIT_RE.split(text):
        k = text.find(part, pos)
        if part.strip():
            lead = len(part) - len(part.lstrip())
            out.append((offset + k + lead, part.strip()))
        pos = k + len(part)
    return out


_ABBREV_END_RE = re.compile(r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Cmdr|Adm|Prof|Rev|Jr|Sr|No|"
                            r"Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|[A-Z]|(?:[A-Z]\.)+[A-Z])\.$")


def _sentences(text: str) -> list[str]:
    out, pos = [], 0
    for m in _SENTENCE_SPLIT_RE.finditer(text):
        end = m.start() + len(m.group(0).rstrip())
        part = text[pos:end].strip()
        if part:
            out.append(part)
        pos = m.end()
    rest = text[pos:].strip()
    if rest:
        out.append(rest)
    merged: list[str] = []
    for part in out:
        # "Mr." / "Gen." / "U.S." end abbreviations, not sentences
        if merged and _ABBREV_END_RE.search(merged[-1]):
            merged[-1] += " " + part
        else:
            merged.append(part)
    return merged


def split_units(text: str) -> list[Unit]:
    lines = text.expandtabs(8).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [ln.replace("\xa0", " ").rstrip("\n") for ln in lines]
    units: list[Unit] = []
    blank = True

    def emit(s: str, indent: int, line: int, col: int, in_table: bool) -> None:
        nonlocal blank
        for x, piece in _pieces(s, indent):
            marker, body = _split_marker(piece)
            body = body.strip()
            if not body or not any(c.isalnum() for c in body):
                continue
            parts = _sentences(body) if len(body) > _LONG_LINE else [body]
            for k, part in enumerate(parts):
                units.append(Unit(part, marker if k == 0 else "", x, line, col, blank, in_table))
                blank = False

    regions = _regions(lines)
    ri = 0
    i = 0
    while i < len(lines):
        if ri < len(regions) and regions[ri][0] == i:
            a, b = regions[ri]
            rows = lines[a:b]
            starts = _gutters(rows)
            if len(starts) > 1:
                bounds = starts[1:] + [max(len(r) for r in rows) + 1]
                for c, (x0, x1) in enumerate(zip(starts, bounds)):
                    blank = True
                    for k, r in enumerate(rows):
                        cell = r[x0:x1]
                        if cell.strip():
                            emit(cell, x0, a + k, c, True)
                        else:
                            blank = True
                blank = True
                i = b
                ri += 1
                continue
            ri += 1
        ln = lines[i]
        if ln.strip():
            emit(ln, 0, i, 0, False)
        else:
            blank = True
        i += 1
    return units

"""Lines that repeat across several pages of one site: menus, footers, teasers, newsletter boxes.

A line seen on two different articles of the same site is almost never article text. Two copies
of the *same* article (a re-crawl, an updated version) would make every sentence "repeat", so
pages that share most of their long lines are counted once.
"""
from __future__ import annotations

import re

from .textlines import split_units

_WS_RE = re.compile(r"\s+")
_LONG_WORDS = 8


def normalise_line(s: str) -> str:
    return _WS_RE.sub(" ", s).strip()


def repeated_lines(texts: list[str], min_pages: int = 2) -> frozenset[str]:
    """Unit texts (as ``textlines.split_units`` gives them) found on >= ``min_pages`` distinct articles."""
    if min_pages < 1:
        raise ValueError(f"min_pages must be >= 1, got {min_pages}")
    pages: list[set[str]] = []
    long_sets: list[set[str]] = []
    for text in texts:
        lines = {normalise_line(u.text) for u in split_units(text or "")}
        longs = {s for s in lines if len(s.split()) >= _LONG_WORDS}
        duplicate = False
        for seen in long_sets:
            if longs and len(longs & seen) > 0.5 * min(len(longs), len(seen)):
                duplicate = True
                break
        if duplicate:
            continue
        pages.append(lines)
        long_sets.append(longs)
    counts: dict[str, int] = {}
    for lines in pages:
        for s in lines:
            counts[s] = counts.get(s, 0) + 1
    return frozenset(s for s, c in counts.items() if c >= min_pages)

"""Char (or token) intervals with overlap queries: which attributions a span runs into, which
actor mentions a speaker overlaps, which quotation holds a word; used by every layer that
would otherwise compare each item of a page with all the others."""
from __future__ import annotations

import bisect


class Intervals:
    """Char intervals with overlap queries in O(log n + hits) for intervals of bounded length."""

    def __init__(self, items=()):
        self._items: list[tuple[int, int, object]] = [(s, e, obj) for s, e, obj in sorted(items, key=lambda t: t[0])]
        self._starts: list[int] = [it[0] for it in self._items]
        self._longest = max((e - s for s, e, _ in self._items), default=0)

    def add(self, s: int, e: int, obj) -> None:
        k = bisect.bisect_right(self._starts, s)
        self._starts.insert(k, s)
        self._items.insert(k, (s, e, obj))
        self._longest = max(self._longest, e - s)

    def overlapping(self, s: int, e: int):
        lo = bisect.bisect_left(self._starts, s - self._longest)
        hi = bisect.bisect_left(self._starts, e)
        return [it for it in self._items[lo:hi] if it[1] > s]

    def items(self):
        return list(self._items)

"""Matching PETRARCH-style verb patterns against a sentence around a verb.

Linear matching over lower-cased tokens, as TABARI did, because the patterns were written
for it: words before ``*`` are searched leftwards from the verb, words after it rightwards;
``A_B`` chunks must be contiguous, gaps are allowed between chunks. Actor slots (``$``, ``+``,
``%``) match an actor mention starting at that position (after an optional determiner).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from tidings.coding.verbs import Element, Pattern, word_matches

_DETS = {"the", "a", "an", "its", "their", "his", "her"}


@dataclass(slots=True)
class Context:
    """A sentence prepared for matching: tokens and where actor mentions start."""
    words: list[str]                              # lower-cased token texts of the sentence
    mention_at: dict[int, tuple[int, list[int]]]  # start -> (end, mention ids)
    compound_at: dict[int, tuple[int, list[int]]] # start -> (end, mention ids) of "A, B and C"
    chunk_end: dict[int, int]                     # noun-chunk start -> end
    synsets: dict


@dataclass(slots=True)
class Match:
    pattern: Pattern
    roles: dict[str, list[int]] = field(default_factory=dict)   # source/target/compound -> mention ids


def _element_at(ctx: Context, el: Element, q: int, roles: dict) -> int:
    w = ctx.words
    if q >= len(w):
        return -1
    if el.kind == "word":
        return q + 1 if word_matches(el.value, el.exact, w[q]) else -1
    if el.kind == "synset":
        best = -1
        for phrase in ctx.synsets.get(el.value, ()):
            j = q
            for pw, exact in phrase:
                if j < len(w) and word_matches(pw, exact, w[j]):
                    j += 1
                else:
                    j = -1
                    break
            if j > best:
                best = j
        return best
    if el.kind == "skip":
        return ctx.chunk_end.get(q, q + 1)
    if el.kind in ("source", "target", "compound"):
        qq = q + 1 if w[q] in _DETS and q + 1 < len(w) else q
        table = ctx.compound_at if el.kind == "compound" else ctx.mention_at
        for start in (q, qq):
            if start in table:
                end, ids = table[start]
                roles.setdefault(el.kind, []).extend(ids)
                return end
        return -1
    return -1


def _chunk_at(ctx: Context, chunk, q: int, roles: dict) -> int:
    j = q
    for el in chunk:
        j = _element_at(ctx, el, j, roles)
        if j < 0:
            return -1
    return j


def _match_forward(ctx, chunks, start, stop, adjacent, roles) -> bool:
    pos = start
    for n, chunk in enumerate(chunks):
        found = False
        last = pos if (n == 0 and adjacent) else stop - 1
        for q in range(pos, min(last, stop - 1) + 1):
            trial: dict = {}
            j = _chunk_at(ctx, chunk, q, trial)
            if 0 <= j <= stop:
                for k, v in trial.items():
                    roles.setdefault(k, []).extend(v)
                pos = j
                found = True
                break
        if not found:
            return False
    return True


def _match_backward(ctx, chunks, start, stop, adjacent, roles) -> bool:
    """Chunks must lie in [start, stop), in order, the last one ending nearest the verb."""
    end = stop
    for n, chunk in enumerate(reversed(chunks)):
        found = False
        for q in range(end - 1, start - 1, -1):
            trial: dict = {}
            j = _chunk_at(ctx, chunk, q, trial)
            if j < 0 or j > end:
                continue
            if n == 0 and adjacent and j != stop:
                continue
            for k, v in trial.items():
                roles.setdefault(k, []).extend(v)
            end = q
            found = True
            break
        if not found:
            return False
    return True


def match(ctx: Context, pattern: Pattern, verb_start: int, verb_end: int,
          lo: int = 0, hi: int | None = None) -> Match | None:
    """Match ``pattern`` around the verb occupying [verb_start, verb_end) of the sentence."""
    hi = len(ctx.words) if hi is None else hi
    roles: dict[str, list[int]] = {}
    if pattern.pre and not _match_backward(ctx, pattern.pre, lo, verb_start, pattern.pre_adjacent, roles):
        return None
    if pattern.post and not _match_forward(ctx, pattern.post, verb_end, hi, pattern.post_adjacent, roles):
        return None
    return Match(pattern, roles)


def best_match(ctx: Context, patterns, verb_start: int, verb_end: int, lo=0, hi=None) -> Match | None:
    """The most specific matching pattern (most elements), the earlier one on ties."""
    best: Match | None = None
    for p in patterns:
        m = match(ctx, p, verb_start, verb_end, lo, hi)
        if m and (best is None or p.size > best.pattern.size):
            best = m
    return best

"""Matching PETRARCH-style verb patterns against a sentence around a verb.

Linear matching over lower-cased tokens, as TABARI did, because the patterns were written
for it: words before ``*`` are searched leftwards from the verb, words after it rightwards;
``A_B`` chunks must be contiguous, gaps are allowed between chunks. Actor slots (``$``, ``+``,
``%``) match an actor mention starting at that position (after an optional determiner).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from tidings.coding.verbs import Element, Pattern, word_matches

MAX_FIRST_GAP = 8
MAX_GAP = 8
_DETS = {"the", "a", "an", "its", "their", "his", "her"}


@dataclass(slots=True)
class Context:
    """A sentence prepared for matching: tokens and where actor mentions start."""
    words: list[str]                              # lower-cased token texts of the sentence
    mention_at: dict[int, tuple[int, list[int]]]  # start -> (end, mention ids)
    compound_at: dict[int, tuple[int, list[int]]] # start -> (end, mention ids) of "A, B and C"
    chunk_end: dict[int, int]                     # noun-chunk start -> end
    synsets: dict
    _present: dict = field(default_factory=dict)  # (word, exact) -> occurs in the sentence?

    def positions(self, word: str, exact: bool) -> list[int]:
        """Token indices where ``word`` matches, ascending (cached per sentence)."""
        key = ("pos", word, exact)
        hit = self._present.get(key)
        if hit is None:
            idx = self._present.get("index")
            if idx is None:
                idx = {}
                for i, w in enumerate(self.words):
                    for b in base_forms(w):
                        idx.setdefault(b, []).append(i)
                self._present["index"] = idx
            hit = sorted({i for i in idx.get(word, ()) if word_matches(word, exact, self.words[i])})
            self._present[key] = hit
        return hit

    def synset_ends(self, name: str) -> dict[int, int]:
        """Start -> longest end of the synset's phrases in this sentence (cached)."""
        key = ("syn", name)
        hit = self._present.get(key)
        if hit is None:
            hit = {}
            for phrase in self.synsets.get(name, ()):
                if not phrase:
                    continue
                w0, ex0 = phrase[0]
                if not self.has_word(w0, ex0):
                    continue
                for q in self.positions(w0, ex0):
                    j = q + 1
                    for pw, exact in phrase[1:]:
                        if j < len(self.words) and word_matches(pw, exact, self.words[j]):
                            j += 1
                        else:
                            j = -1
                            break
                    if j > hit.get(q, -1):
                        hit[q] = j
            self._present[key] = hit
        return hit

    def has_word(self, word: str, exact: bool) -> bool:
        """Could ``word`` match some token of the sentence (a superset test, see word_matches)?"""
        if "exact" not in self._present:   # other keys (an empty synset's) may be cached first
            self._present["exact"] = set(self.words)
            self._present["base"] = {b for w in self.words for b in base_forms(w)}
        if word in self._present["exact"]:
            return True
        return not exact and len(word) >= 3 and word in self._present["base"]


@dataclass(slots=True)
class Match:
    pattern: Pattern
    roles: dict[str, list[int]] = field(default_factory=dict)   # source/target/compound -> mention ids


def base_forms(token: str) -> tuple[str, ...]:
    """Words that ``token`` could be an inflection of (the inverse of word_matches' suffixes)."""
    out = [token]
    for suf in ("s", "d", "es", "ed", "'s", "ing"):
        if token.endswith(suf):
            out.append(token[: -len(suf)])
    if token.endswith("ies"):
        out.append(token[:-3] + "y")
    if token.endswith("ing"):
        out.append(token[:-3] + "e")
    return tuple(out)


def _element_at(ctx: Context, el: Element, q: int, roles: dict) -> int:
    w = ctx.words
    if q >= len(w):
        return -1
    if el.kind == "word":
        return q + 1 if word_matches(el.value, el.exact, w[q]) else -1
    if el.kind == "synset":
        return ctx.synset_ends(el.value).get(q, -1)
    if el.kind == "skip":
        if callable(ctx.chunk_end):
            ctx.chunk_end = ctx.chunk_end()
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
        # a pattern word far from the verb belongs to another clause ("plans to ... end the war")
        last = pos if (n == 0 and adjacent) else min(stop - 1, pos + (MAX_FIRST_GAP if n == 0 else MAX_GAP))
        first = chunk[0]
        if first.kind == "word":
            qs = [q for q in ctx.positions(first.value, first.exact) if pos <= q <= min(last, stop - 1)]
        elif first.kind == "synset":
            qs = sorted(q for q in ctx.synset_ends(first.value) if pos <= q <= min(last, stop - 1))
        else:
            qs = range(pos, min(last, stop - 1) + 1)
        for q in qs:
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
        first = chunk[0]
        if first.kind == "word":
            qs = [q for q in reversed(ctx.positions(first.value, first.exact)) if start <= q <= end - 1]
        elif first.kind == "synset":
            qs = sorted((q for q in ctx.synset_ends(first.value) if start <= q <= end - 1), reverse=True)
        else:
            qs = range(end - 1, start - 1, -1)
        for q in qs:
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
    # cheap rejection first: every literal word of the pattern must occur in the sentence
    for word, exact in pattern.literals:
        if not ctx.has_word(word, exact):
            return None
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
        if best is not None and p.size <= best.pattern.size:
            continue        # could only tie or lose: not worth matching
        m = match(ctx, p, verb_start, verb_end, lo, hi)
        if m and (best is None or p.size > best.pattern.size):
            best = m
    return best

"""Reports into events: which event mentions describe the same happening.

The rule (docs/store.md has the long form):

1. Blocking: mentions are only compared within a *cluster key*: source actor, target actor (country,
   or the full code for actors without one), PLOVER type (CAMEO root when there is none) and whether
   the mention is factual (not negated, hypothetical or future).
2. Segments: within a key, mentions sorted by (day, id) split wherever two consecutive days are more
   than ``window`` days apart. No event spans such a gap, so a segment is clustered alone; adding a
   mention only re-clusters its segment.
3. Greedy anchored clustering in (day, id) order: a mention joins the open cluster whose first mention
   (anchor) is at most ``window`` days earlier and with which it scores best (max over the cluster's
   members) if that score >= ``min_score``; otherwise it starts a new cluster. An event therefore spans
   at most ``window`` days, and a daily recurring interaction does not chain into one endless event.
4. Score = 0.6 * date closeness + 0.2 * same full codes and CAMEO code + 0.2 * max(place agreement,
   evidence overlap); two known, different places veto the link.

Everything depends only on the set of mentions, never on the order they arrived in.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from tidings.ids import stable_id

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_STOP = frozenset("""the and for that with from this have has had was were are not but its his her their
they them said says will would could should been also after over into about than more most which who
whom what when where while there here other some such only very just one two three new""".split())


@dataclass(frozen=True, slots=True)
class Point:
    """What clustering needs to know about one mention."""
    id: str
    day: str | None                 # ISO date, None when nothing dates the report
    src_code: str | None
    tgt_code: str | None
    cameo_code: str | None
    place_name: str | None
    place_country: str | None
    words: frozenset[str]           # content words of the evidence sentence


def evidence_words(sentence: str) -> frozenset[str]:
    return frozenset(w for w in (m.group(0).lower() for m in _WORD.finditer(sentence or ""))
                     if w not in _STOP)


def actor_key(code: str | None, country: str | None) -> str:
    return country or code or "-"


def cluster_key(src_code: str | None, src_country: str | None, tgt_code: str | None,
                tgt_country: str | None, plover_type: str | None, cameo_code: str | None,
                factual: bool) -> str:
    kind = (plover_type or "").upper() or ("cameo" + (cameo_code or "")[:2])
    return "|".join((actor_key(src_code, src_country), actor_key(tgt_code, tgt_country), kind,
                     "f" if factual else "h"))


def _ordinal(day: str) -> int:
    return date.fromisoformat(day[:10]).toordinal()


def _place_agreement(a: Point, b: Point) -> float | None:
    """1 same place, 0.5 unknown on a side, None = both known and different (a veto)."""
    if a.place_name and b.place_name:
        if a.place_name.casefold() == b.place_name.casefold():
            return 1.0
        if a.place_country and a.place_country == b.place_country:
            return 0.5   # two names in one country: maybe a city and its district
        return None
    if a.place_country and b.place_country and a.place_country != b.place_country:
        return None
    return 0.5


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def score(a: Point, b: Point, window: int) -> float:
    """How likely two mentions of one cluster key report the same happening (0..1)."""
    place = _place_agreement(a, b)
    if place is None:
        return 0.0
    if a.day and b.day:
        gap = abs(_ordinal(a.day) - _ordinal(b.day))
        if gap > window:
            return 0.0
        closeness = 1.0 - gap / (window + 1)
    else:
        closeness = 0.0
    same_codes = 1.0 if (a.src_code, a.tgt_code, a.cameo_code) == (b.src_code, b.tgt_code, b.cameo_code) else 0.0
    return 0.6 * closeness + 0.2 * same_codes + 0.2 * max(place, _overlap(a.words, b.words))


def segments(days: Iterable[str], window: int) -> list[tuple[str, str]]:
    """(first, last) day of each run of days with no gap larger than ``window``."""
    out: list[tuple[str, str]] = []
    prev_ord = None
    for d in sorted(set(days)):
        o = _ordinal(d)
        if prev_ord is not None and o - prev_ord <= window:
            out[-1] = (out[-1][0], d)
        else:
            out.append((d, d))
        prev_ord = o
    return out


def cluster(points: Sequence[Point], window: int, min_score: float) -> list[list[str]]:
    """Clusters (lists of mention ids, the anchor first) of one cluster key's points."""
    dated = sorted((p for p in points if p.day), key=lambda p: (p.day, p.id))
    clusters: list[list[Point]] = []
    open_: list[list[Point]] = []
    for p in dated:
        po = _ordinal(p.day)
        open_ = [c for c in open_ if po - _ordinal(c[0].day) <= window]
        best, best_score = None, min_score
        for c in open_:
            s = max(score(p, m, window) for m in c)
            # strict '>' keeps the earliest-opened cluster on ties: deterministic
            if s > best_score or (best is None and s >= min_score):
                best, best_score = c, s
        if best is None:
            best = [p]
            clusters.append(best)
            open_.append(best)
        else:
            best.append(p)
    # undated reports cannot be placed in time: each is its own event
    clusters.extend([p] for p in sorted((p for p in points if not p.day), key=lambda p: p.id))
    return [[p.id for p in c] for c in clusters]


def event_id(anchor_mention_id: str) -> str:
    return stable_id("event", anchor_mention_id)

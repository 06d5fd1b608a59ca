"""Which stretch of text an attribution covers: the rules' span or a near alternative.

The cue rules fix a content span from the parse and the quotation marks. On PolNeAR train, a
quarter of their misses on quotations are spans that overlap what the annotators marked, but too
little: a quotation where the whole reported sentence was meant, a split quote joined (or not), a
clause around a quoted fragment, a fragment without its clause. For each attribution a handful of
alternatives is built from the text alone (to the end or from the start of the sentence, on to the
next quotation, the first quotation only, the quotations only, to the end of the line), and
gradient-boosted trees (trained by ``scripts/train_quotes.py`` on PolNeAR train only) score each.
The best alternative replaces the rules' span when it clears the model's threshold and runs into
no other attribution.
"""
from __future__ import annotations

import bisect
import math
import re

import numpy as np
from spacy.tokens import Doc

from tidings.extract.treemodel import TreeModel
from tidings.nlp.quotes.candidates import HOWS, shipped_model
from tidings.nlp.quotes.frame import QUOTE_MARKS
from tidings.intervals import Intervals
from tidings.nlp.quotes.lexicon import CueLexicon
from tidings.nlp.quotes.marks import QuotedRun, runs_within
from tidings.nlp.quotes.syntax import token_starts


MODEL_FILE = "quote_spans.json"
ALTERNATIVES = ("sentence_end", "next_quotation", "first_quotation", "sentence_start", "line_end",
                "quotations_only")
# the alternatives that grow a span outwards over narration (they must not swallow its own cue)
GROWING = frozenset(ALTERNATIVES.index(a) for a in ("sentence_end", "sentence_start", "line_end"))
HOW_KINDS = HOWS + ("learned",)
MAX_REACH = 400          # chars an alternative may add on either side
_CLOSERS = "\"'\u201d\u2019)"     # what may close a sentence after its stop
_SENTENCE_END = re.compile(rf"[.!?][{re.escape(_CLOSERS)}]*(?=\s|$)")
_SENTENCE_BREAK = re.compile(rf"[.!?][{re.escape(_CLOSERS)}]*\s+|\n\s*")

FEATURES = (
    tuple(f"alt_{a}" for a in ALTERNATIVES)
    + tuple(f"how_{h}" for h in HOW_KINDS)
    + ("direct", "runs", "rank", "log_len", "log_alt_len", "log_ratio", "log_added", "log_removed",
       "quoted_frac", "alt_quoted_frac", "added_quoted_frac", "cue_in_alt", "cue_in_span", "speaker_in_alt",
       "cue_before", "added_sentence_ends", "added_cue_verbs", "added_tokens", "alt_newline",
       "ends_in_mark", "ends_comma_mark", "after_comma", "after_period", "after_letter", "after_mark",
       "starts_sentence", "has_speaker")
)


def load_span_model() -> TreeModel | None:
    return shipped_model(MODEL_FILE)


def alternatives(text: str, runs: list[QuotedRun], starts: list[int], start: int,
                 end: int) -> list[tuple[int, int, int]]:
    """(alternative index, start, end) for a content span, each different from it and nonempty.
    ``starts`` are the quotations' starts, in order."""
    out: list[tuple[int, int, int]] = []
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    # a span that already ends a sentence ('... "arbitrary."') has no further end to reach: the
    # search starts at its last stop, behind its closing marks, not at the next sentence's
    tail = end
    while tail > start and text[tail - 1] in _CLOSERS:
        tail -= 1
    m = _SENTENCE_END.search(text, max(start, tail - 1), min(line_end, end + MAX_REACH))
    if m is not None:
        # a bare full stop ends the sentence, not what was said (a closing mark keeps it inside)
        out.append((0, start, m.start() if m.group() == "." else m.end()))
    k = bisect.bisect_left(starts, end)
    if k < len(runs) and runs[k].start - end <= MAX_REACH and "\n\n" not in text[end:runs[k].start]:
        out.append((1, start, runs[k].end))
    inside = runs_within(runs, starts, start, end)
    if inside:
        out.append((2, inside[0].start, inside[0].end))
        out.append((5, inside[0].start, inside[-1].end))
    lo = max(0, start - MAX_REACH)
    breaks = [b.end() for b in _SENTENCE_BREAK.finditer(text, lo, start)]
    if breaks:
        out.append((3, breaks[-1], end))
    if line_end - end <= MAX_REACH:
        e = line_end
        while e > end and text[e - 1].isspace():
            e -= 1
        if e > end and text[e - 1] == ".":
            e -= 1
        out.append((4, start, e))
    seen = {(start, end)}
    uniq = []
    for a, s, e in out:
        if s < e and (s, e) not in seen:
            seen.add((s, e))
            uniq.append((a, s, e))
    return uniq


def _quoted(runs: list[QuotedRun], starts: list[int], s: int, e: int) -> int:
    """Chars of [s, e) inside quotations."""
    n = 0
    for r in runs[max(0, bisect.bisect_right(starts, s) - 1):bisect.bisect_left(starts, e)]:
        n += max(0, min(e, r.end) - max(s, r.start))
    return n


def span_rows(doc: Doc, text: str, runs: list[QuotedRun], found, lex: CueLexicon):
    """For every attribution, its alternatives clear of the other attributions: a list of
    (attribution index, start, end) and the feature matrix (one row each)."""
    starts = [r.start for r in runs]
    tok_starts = token_starts(doc)
    spans = Intervals((f.start, f.end, i) for i, f in enumerate(found))

    def clear(i: int, s: int, e: int) -> bool:
        return all(j == i or swallows(doc, found[i], found[j], s, e) for _, _, j in spans.overlapping(s, e))

    def tokens(s: int, e: int):
        return doc[bisect.bisect_left(tok_starts, s):bisect.bisect_left(tok_starts, e)]

    keys, rows = [], []
    for i, f in enumerate(found):
        if f.how == "orphan":
            continue        # a bare quotation: no alternative was learned for it
        n = f.end - f.start
        q = _quoted(runs, starts, f.start, f.end)
        sp = None
        if f.speaker is not None:
            name = doc[f.speaker[0]:f.speaker[1]]
            sp = (name.start_char, name.end_char)
        inner = text[f.start:f.end].rstrip()
        after = text[f.end:f.end + 1]
        before = text[max(0, f.start - 3):f.start].strip()
        common = (
            [1.0 if f.how == h else 0.0 for h in HOW_KINDS]
            + [float(f.direct), float(len(f.runs)), float(f.rank), math.log1p(n)])
        for a, s, e in alternatives(text, runs, starts, f.start, f.end):
            if not clear(i, s, e):
                continue
            if a in GROWING and f.cue is not None and not (f.start <= f.cue[0] < f.end) and s <= f.cue[0] < e:
                continue    # grown over its own cue: the content is what was said, not the saying
            m = e - s
            added = max(0, f.start - s) + max(0, e - f.end)
            removed = max(0, s - f.start) + max(0, f.end - e)
            added_q = (_quoted(runs, starts, s, min(e, f.start)) if s < f.start else 0) + \
                      (_quoted(runs, starts, max(s, f.end), e) if e > f.end else 0)
            added_text = (text[s:f.start] if s < f.start else "") + (text[f.end:e] if e > f.end else "")
            added_toks = (list(tokens(s, f.start)) if s < f.start else []) + \
                         (list(tokens(f.end, e)) if e > f.end else [])
            row = (
                [1.0 if a == k else 0.0 for k in range(len(ALTERNATIVES))]
                + common
                + [math.log1p(m), math.log((m + 1) / (n + 1)), math.log1p(added), math.log1p(removed),
                   q / n if n else 0.0, _quoted(runs, starts, s, e) / m if m else 0.0,
                   added_q / added if added else 0.0,
                   float(f.cue is not None and s <= f.cue[0] < e),
                   float(f.cue is not None and f.start <= f.cue[0] < f.end),
                   float(sp is not None and s <= sp[0] < e),
                   float(f.cue is not None and f.cue[0] < f.start),
                   float(len(_SENTENCE_END.findall(added_text))),
                   float(sum(1 for t in added_toks if t.pos_ in ("VERB", "AUX")
                             and lex.verb_kind(t.lemma_.lower()) is not None)),
                   float(len(added_toks)), float("\n" in text[s:e]),
                   float(inner[-1:] in QUOTE_MARKS or inner[-1:] in "'\u2019"),
                   float(len(inner) > 1 and inner[-2] == "," and inner[-1] in QUOTE_MARKS),
                   float(after == ","), float(after == "."), float(after.isalpha()),
                   float(after in QUOTE_MARKS), float(not before or before[-1] in ".!?"),
                   float(sp is not None)])
            keys.append((i, s, e))
            rows.append(row)
    x = np.asarray(rows, dtype=np.float64) if rows else np.zeros((0, len(FEATURES)))
    return keys, x


# attributions of a bare quotation that a reported clause grown over it takes in
SWALLOWABLE = frozenset(("orphan", "licensed"))


def swallows(doc: Doc, f, g, s: int, e: int) -> bool:
    """'He said he intends to ..., to put together "the strongest ..."': the parser ended the
    reported clause early and the quotation at its end was attributed alone; the clause grown to
    [s, e) takes it in."""
    return (not f.direct and g.direct and g.how in SWALLOWABLE and s <= g.start and g.end <= e
            and (g.cue is None or g.cue[0] < g.start)       # a tag after it ('"...," beamed X') is its own
            and not _named_in_growth(doc, f, g, s, e))


def _named_in_growth(doc: Doc, f, g, s: int, e: int) -> bool:
    """'After Brown criticized Clinton, Hillary shot back, "..."': the quotation's own speaker,
    named in the stretch the clause would grow over, starts a clause of its own (a pronoun there,
    'so he can put together "..."', most often is the clause's own speaker again)."""
    if g.speaker is None:
        return False
    head = doc[g.speaker[2]]
    at = doc[g.speaker[0]].idx
    return head.pos_ in ("PROPN", "NOUN") and s <= at < e and not f.start <= at < f.end


def swallowed(doc: Doc, found, chosen: dict[int, tuple[int, int]]) -> set[int]:
    """The attributions the chosen spans take in (they are dropped)."""
    out = set()
    for i, (s, e) in chosen.items():
        out.update(j for j, g in enumerate(found)
                   if j != i and j not in chosen and swallows(doc, found[i], g, s, e))
    return out


def choose(keys, p: np.ndarray, threshold: float) -> dict[int, tuple[int, int]]:
    """The best alternative of each attribution that clears ``threshold``; alternatives taken in
    probability order, none overlapping one taken before."""
    chosen: dict[int, tuple[int, int]] = {}
    taken = Intervals()
    for k in np.argsort(-p, kind="stable"):
        if p[k] < threshold:
            break
        i, s, e = keys[k]
        if i in chosen or taken.overlapping(s, e):
            continue
        chosen[i] = (s, e)
        taken.add(s, e, i)
    return chosen

"""Choose the article body from two extractors' opinions (trafilatura and readability).

The two tools fail on different pages: trafilatura tends to keep too much around the article
(teasers, link lists, bylines, comments), readability sometimes picks the wrong container or
nothing. Neither is trusted alone. Their paragraphs are merged into one sequence in page order
(paragraphs matched by shared word trigrams; a paragraph of one tool that holds several of the
other's is cut at them), each labelled by whether both tools kept it, and scored:

* kept by both: evidence for the body (+ its words), unless it is a short non-sentence (a byline
  or share bar both kept), which costs a little;
* kept by one: prose (a long, sentence-like, link-poor paragraph) counts for the body, less so when
  the tools otherwise agree (then one-sided prose is mostly comments or a neighbouring story);
  anything else (short lines, link lists, captions) costs its words plus a fixed penalty.

An article body is one contiguous stretch of the page, so the body is the highest-scoring
contiguous run of the merged sequence (maximum subarray). From it are dropped: one-sided chrome
lines, everything from a comments/related-stories heading on (``data/html_markers.yaml``), short
non-sentence lines at either end (bylines, datelines, credits), and the headline.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from tidings.extract.html_blocks import Block

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…:;)\"'”’»。！？」』）]\s*$")
_SENTENCE_STOP = re.compile(r"[.!?。！？](?:\s|$)")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")

# Weights of the run score (words of a paragraph times the weight); see the module docstring.
BOTH = 1.0
ONE_PROSE = 0.6
ONE_CHROME = -1.0
BOTH_FRAGMENT_PENALTY = 3.0
CHROME_PENALTY = 10.0         # words; so a run of short chrome lines is never free
PROSE_MIN_WORDS = 12
LONG_WORDS = 40               # a paragraph this long is prose even without a closing full stop ...
WORDS_PER_SENTENCE = 80       # ... if it has sentences (not a run of menu items or headlines)
MAX_LINK_DENSITY = 0.35
AGREEMENT = 0.5              # share of the smaller output both tools kept, above which they "agree"
ONE_PROSE_AGREED = 0.1
MIN_WORDS_BEFORE_CUT = 40
EDGE_MAX_WORDS = 10
SHARED_MIN = 0.6              # share of a paragraph's word trigrams found in the other tool's output


@dataclass(slots=True)
class Para:
    text: str
    words: int
    both: bool
    prose: bool
    block: Block


def select_body(trafilatura: list[Block], readability: list[Block], title: str | None = None) -> list[str]:
    """The body paragraphs (texts) chosen from the two candidates."""
    if not trafilatura or not readability:
        # no second opinion: keep the one candidate, minus what is chrome by its own look
        only = [_para(b, False) for b in trafilatura or readability]
        kept = [p for p in only if p.prose or not _chrome(p)]
        return _drop_headline([p.text for p in _trim(_cut_at_section_opener(kept))], title)
    merged = merge(trafilatura, readability)
    prose_weight = _one_sided_prose_weight(merged, trafilatura, readability)
    start, end = _best_run([_score(p, prose_weight) for p in merged])
    run = [p for p in merged[start:end] if p.both or p.prose or not _chrome(p)]
    run = _trim(_cut_at_section_opener(run))
    chosen = _drop_headline([p.text for p in run], title)
    if not chosen:
        # nothing looks like an article: keep the sentences the tools found, else what trafilatura
        # (the anchor) kept, rather than nothing
        chosen = ([p.text for p in merged if p.prose or _sentence(p)]
                  or _drop_headline([b.text for b in trafilatura], title))
    return chosen


def merge(a: list[Block], b: list[Block]) -> list[Para]:
    """A's paragraphs in page order with B's missing ones inserted after their B predecessor."""
    words_a = [_WORD.findall(x.text.lower()) for x in a]
    words_b = [_WORD.findall(x.text.lower()) for x in b]
    grams_a = [_grams(w) for w in words_a]
    grams_b = [_grams(w) for w in words_b]
    set_a = _gram_set(words_a, grams_a, grams_b)
    set_b = _gram_set(words_b, grams_b, grams_a)
    a_paras = [_para(x, _shared(g, set_b)) for x, g in zip(a, grams_a)]
    b_shared = [_shared(g, set_a) for g in grams_b]
    # where each shared B paragraph sits in A, so that B-only ones can be placed after it
    a_index = _locate(grams_a, grams_b, b_shared)
    inserts: dict[int, list[Para]] = {}
    inside: dict[int, list[Block]] = {}      # shared B paragraphs, by the A paragraph holding them
    anchor = -1
    for i, x in enumerate(b):
        if b_shared[i]:
            anchor = a_index.get(i, anchor)
            if anchor >= 0:
                inside.setdefault(anchor, []).append(x)
        else:
            inserts.setdefault(anchor, []).append(_para(x, False))
    out: list[Para] = list(inserts.get(-1, []))
    for i, p in enumerate(a_paras):
        parts = inside.get(i, [])
        split = _split(p, parts) if len(parts) >= 2 else None
        out.extend(split or [p])
        out.extend(inserts.get(i, []))
    return out


def _split(p: Para, parts: list[Block]) -> list[Para] | None:
    """A's paragraph cut at the paragraphs of B it holds (A ran several blocks into one): B's
    pieces count as kept by both, the rest as A's alone. None if a piece is not found in order."""
    text = p.text
    out: list[Para] = []
    pos = 0
    for part in parts:
        at = text.find(part.text, pos)
        if at < 0:
            return None
        if text[pos:at].strip():
            out.append(_para(Block(text[pos:at].strip(), p.block.kind), False))
        out.append(_para(part, True))
        pos = at + len(part.text)
    if text[pos:].strip():
        out.append(_para(Block(text[pos:].strip(), p.block.kind), False))
    return out


def _para(block: Block, both: bool) -> Para:
    n = count_words(block.text)
    prose = (n >= PROSE_MIN_WORDS and block.kind not in ("caption", "heading")
             and block.link_density <= MAX_LINK_DENSITY
             and (bool(_SENTENCE_END.search(block.text))
                  or n >= LONG_WORDS and len(_SENTENCE_STOP.findall(block.text)) * WORDS_PER_SENTENCE >= n))
    return Para(block.text, n, both, prose, block)


def _one_sided_prose_weight(merged: list[Para], a: list[Block], b: list[Block]) -> float:
    """How much one tool's prose counts when the other did not keep it.

    When the tools agree on most of the smaller output, each has a real opinion of where the
    article is, and prose only one of them kept is more likely comments or a neighbouring story;
    when they hardly agree, one of them missed the article and its prose is the best evidence.
    """
    shared = sum(p.words for p in merged if p.both)
    smaller = min(_words(a), _words(b))
    agreement = shared / smaller if smaller else 0.0
    return ONE_PROSE if agreement < AGREEMENT else ONE_PROSE_AGREED


def _words(blocks: list[Block]) -> int:
    return sum(count_words(b.text) for b in blocks)


@lru_cache(maxsize=4096)   # each paragraph is counted for itself and again in its tool's total
def count_words(text: str) -> int:
    """Words of a paragraph; in scripts written without spaces (Chinese, Japanese) two characters
    count as a word, so that length rules mean the same in every language."""
    n = len(_WORD.findall(text))
    cjk = len(_CJK.findall(text))
    return n + cjk // 2 if cjk else n


def _score(p: Para, prose_weight: float = ONE_PROSE) -> float:
    if p.both:
        # both tools keep some chrome too (bylines, share bars): short lines that are not sentences
        # only count when they are between body paragraphs
        return BOTH * p.words if p.prose or _sentence(p) else -BOTH_FRAGMENT_PENALTY
    if p.prose:
        return prose_weight * p.words
    return ONE_CHROME * p.words - CHROME_PENALTY


def _sentence(p: Para) -> bool:
    return p.words >= 3 and bool(_SENTENCE_END.search(p.text))


def _cut_at_section_opener(run: list[Para]) -> list[Para]:
    """End the body where a comments / related-stories section starts (after some body text)."""
    seen = 0
    for i, p in enumerate(run):
        if seen >= MIN_WORDS_BEFORE_CUT and p.words <= 8 and _section_opener().fullmatch(p.text.strip(" .:-|»>")):
            return run[:i]
        seen += p.words
    return run


def _trim(run: list[Para]) -> list[Para]:
    """Drop short non-sentence lines (bylines, datelines, credits) at both ends of the body."""
    def edge(p: Para) -> bool:
        return not p.prose and p.words < EDGE_MAX_WORDS and not _SENTENCE_END.search(p.text)
    start, end = 0, len(run)
    while start < end and edge(run[start]):
        start += 1
    while end > start and edge(run[end - 1]):
        end -= 1
    return run[start:end]


@lru_cache(maxsize=1)
def _section_opener() -> re.Pattern:
    text = resources.files("tidings.extract.data").joinpath("html_markers.yaml").read_text(encoding="utf-8")
    patterns = yaml.safe_load(text)["section_openers"]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


def _chrome(p: Para) -> bool:
    return p.block.kind == "caption" or p.block.link_density > 0.5 or p.words < 4


def _best_run(scores: list[float]) -> tuple[int, int]:
    """Start and end (exclusive) of the maximum-sum contiguous run (Kadane)."""
    best, best_span = float("-inf"), (0, 0)
    cur, cur_start = 0.0, 0
    for i, s in enumerate(scores):
        if cur <= 0:
            cur, cur_start = s, i
        else:
            cur += s
        if cur > best:
            best, best_span = cur, (cur_start, i + 1)
    return best_span


def _grams(w: list[str]) -> list[tuple[str, ...]]:
    """Word trigrams of a paragraph's (lower-cased) words; a shorter paragraph is its one gram."""
    if len(w) < 3:
        return [tuple(w)] if w else []
    return list(zip(w, w[1:], w[2:]))


def _gram_set(words: list[list[str]], grams: list[list[tuple[str, ...]]],
              other_grams: list[list[tuple[str, ...]]]) -> set[tuple[str, ...]]:
    """The blocks' word trigrams (``grams``), plus those of the other output's one- and two-word
    lines (``other_grams``) that the blocks have as words in a row, so that such lines can be
    matched. Only those: making every word and word pair of both outputs a tuple took a third of
    the selection's time."""
    out: set[tuple[str, ...]] = set().union(*grams)
    short = {g[0] for g in other_grams if g and len(g[0]) < 3}
    if short:
        found = set().union(*words) if any(len(g) == 1 for g in short) else set()
        if any(len(g) == 2 for g in short):
            for w in words:
                found.update(zip(w, w[1:]))
        out.update(g for g in short if (g[0] if len(g) == 1 else g) in found)
    return out


def _shared(g: list[tuple[str, ...]], other: set[tuple[str, ...]]) -> bool:
    if not g or not other:
        return False
    if len(g[0]) < 3:
        # one or two words: matched when the other output has them in a row
        return g[0] in other
    return sum(map(other.__contains__, g)) >= SHARED_MIN * len(g)


def _locate(grams_a: list[list[tuple[str, ...]]], grams_b: list[list[tuple[str, ...]]],
            b_shared: list[bool]) -> dict[int, int]:
    """For each shared B paragraph, the index of the A paragraph sharing most trigrams with it."""
    index: dict[tuple[str, ...], int] = {}
    for i in range(len(grams_a) - 1, -1, -1):      # backwards, so a gram's first paragraph wins
        index.update(dict.fromkeys(grams_a[i], i))
    out: dict[int, int] = {}
    for j, grams in enumerate(grams_b):
        if not b_shared[j]:
            continue
        votes = Counter(map(index.get, grams))
        votes.pop(None, None)
        if votes:
            out[j] = max(votes, key=lambda k: (votes[k], k))
    return out


def _drop_headline(paras: list[str], title: str | None) -> list[str]:
    """Leading paragraphs that repeat the headline are the page's title, not body."""
    if not title:
        return paras
    tk = [w.lower() for w in _WORD.findall(title)]
    while paras:
        pk = [w.lower() for w in _WORD.findall(paras[0])]
        if pk and (pk == tk or (len(pk) <= len(tk) + 3 and _overlap(pk, tk) >= 0.8)):
            paras = paras[1:]
        else:
            break
    return paras


def _overlap(a: list[str], b: list[str]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / max(1, len(sa | sb))

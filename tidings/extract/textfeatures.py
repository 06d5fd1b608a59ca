"""Layout and language features of the units of a text dump, for the body/title classifiers.

All features are general (lengths, punctuation, stopwords, list markers, position, neighbours,
distance to the page's main prose run); no site names or phrases. The same function feeds
training (``scripts/train_textdump.py``) and run time, so the two can never drift apart.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from .repetition import normalise_line
from .textlines import Unit

_WORD_RE = re.compile(r"\w+(?:['’]\w+)?", re.UNICODE)
_SENT_END_RE = re.compile(r"[.!?…][\"'”’)\]]*$")
_SENT_INNER_RE = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]?[A-Z]")
_DATE_RE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|"
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|"
    r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}:\d{2}\b",
    re.IGNORECASE)
_URL_RE = re.compile(r"https?://|www\.|<a\s|<img|\.(?:com|org|net)\b|@\w+\.", re.IGNORECASE)
_CAPTION_RE = re.compile(r"\((?:[^()]*\b(?:photo|image|picture|file|credit)\b[^()]*)\)\s*$|"
                         r"^(?:photo|image|picture)s?\b|\b(?:photo|photograph|picture|image)\s*:|"
                         r"\b(?:AP|AFP|Reuters|Getty)\s*(?:Photo|Images)\b",
                         re.IGNORECASE)
# "... 33 separatists [EPA]": an agency credit in brackets closes captions, not paragraphs
_CREDIT_END_RE = re.compile(r"[\[(][A-Z][A-Za-z]{1,5}(?:/[A-Z][\w ]{1,20})?[\])]\s*$")
# raw markup or script that leaked into the dump (ads, tracking snippets)
CODE_RE = re.compile(r"</?[a-zA-Z]+[\s>/]|\b(?:href|src|onclick|style)\s*=|document\.\w|\bfunction\s*\(|"
                     r"\bvar\s+\w+\s*=|[{};]\s*$|^\s*[{}]")
# the start of a reader-comment section: what follows is prose, but not the article
_COMMENTS_RE = re.compile(
    r"^(?:\d+\s+)?(?:reader\s+|user\s+|your\s+)?comments?\b(?:\s*\(\d+\))?|"
    r"^(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:comment|reply|response)|"
    r"^(?:have your say|join the (?:discussion|conversation)|trackbacks?|responses?\s+to)\b|"
    r"^(?:posted|comment|reply) by\b.*\d|\b(?:said|wrote)(?:\.\.\.|:)\s*$",
    re.IGNORECASE)
_BYLINE_RE = re.compile(r"^(?:by|posted by|written by|from)\s+\S", re.IGNORECASE)
_OPEN_QUOTE = "\"'“‘«"


@lru_cache(maxsize=None)
def _wordlist(name: str) -> frozenset[str]:
    text = (Path(__file__).parent / "data" / name).read_text(encoding="utf-8")
    words = []
    for line in text.splitlines():
        if not line.startswith("#"):
            words.extend(line.lower().split())
    return frozenset(words)


def _base(u: Unit, stop: frozenset[str], chrome: frozenset[str]) -> list[float]:
    t = u.text
    words = _WORD_RE.findall(t)
    nw = len(words)
    low = [w.lower() for w in words]
    nc = len(t)
    ends = 1.0 if _SENT_END_RE.search(t) else 0.0
    alpha_words = [w for w in words if w[0].isalpha()]
    na = max(len(alpha_words), 1)
    return [
        math.log1p(nc),
        math.log1p(nw),
        ends,
        1.0 if t.endswith(":") else 0.0,
        len(_SENT_INNER_RE.findall(t)) + ends,
        sum(w in stop for w in low) / max(nw, 1),
        sum(w[0].isupper() for w in alpha_words) / na,
        sum(w.isupper() and len(w) > 1 for w in alpha_words) / na,
        sum(c.isdigit() for c in t) / max(nc, 1),
        sum(not c.isalnum() and not c.isspace() for c in t) / max(nc, 1),
        t.count(",") / max(nw, 1),
        1.0 if u.marker and not u.marker[0].isdigit() else 0.0,
        1.0 if u.marker[:1].isdigit() or u.marker.startswith("[") else 0.0,
        1.0 if t[0].islower() else 0.0,
        1.0 if t[0] in _OPEN_QUOTE else 0.0,
        float(t.count("|") + t.count("»") + t.count("«") + t.count(" > ")),
        1.0 if ("©" in t or "copyright" in t.lower() or "all rights reserved" in t.lower()) else 0.0,
        1.0 if _URL_RE.search(t) else 0.0,
        1.0 if _DATE_RE.search(t) else 0.0,
        1.0 if u.blank_before else 0.0,
        1.0 if u.in_table else 0.0,
        min(u.indent, 300) / 100.0,
        float(min(u.column, 5)),
        1.0 if _BYLINE_RE.match(t) and nw <= 8 else 0.0,
        1.0 if (t.endswith("...") or t.endswith("…") or t.endswith("»") or t.lower().endswith("more")) else 0.0,
        1.0 if _CAPTION_RE.search(t) or _CREDIT_END_RE.search(t) else 0.0,
        sum(w in chrome for w in low) / max(nw, 1),
        1.0 if t[:1] in _OPEN_QUOTE and t.rstrip()[-1:] in "\"'”’" else 0.0,
        1.0 if CODE_RE.search(t) else 0.0,
    ]


BASE_NAMES = [
    "log_chars", "log_words", "ends_sentence", "ends_colon", "n_sentences", "stop_ratio", "cap_ratio",
    "upper_ratio", "digit_ratio", "punct_ratio", "comma_per_word", "bullet", "numbered", "starts_lower",
    "starts_quote", "separators", "copyright", "url", "date_like", "blank_before", "in_table", "indent",
    "column", "byline_like", "teaser_end", "caption_cue", "chrome_ratio", "quoted", "code_like",
]


def _stem(word: str) -> str:
    """Crude English stem so that "Turkey's"/"Turkey" and "sanction"/"sanctions" match."""
    word = re.sub(r"['’]s$", "", word)
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:7]


def content_words(text: str) -> set[str]:
    stop = _wordlist("stopwords_en.txt")
    return {_stem(w) for w in _WORD_RE.findall(text.lower()) if len(w) > 2 and w not in stop and not w.isdigit()}


def _prose(b: list[float]) -> bool:
    # >= 8 words (log1p(8)) and a sentence end, or a long run of words with function words in it
    if b[28] > 0:
        return False
    return (b[1] >= math.log1p(8) and b[2] > 0) or (b[1] >= math.log1p(25) and b[5] >= 0.2)


def _main_run(base: list[list[float]], units: list[Unit]) -> tuple[int, int]:
    """Maximum-sum run of units (Kadane): prose adds its words, chrome subtracts."""
    best, best_span = -1e9, (0, -1)
    cur, start = 0.0, 0
    for i, b in enumerate(base):
        nw = math.expm1(b[1])
        if _prose(b):
            s = nw
        elif b[11] or b[12]:
            s = -6.0
        else:
            s = -3.0 + min(nw, 6) * 0.3
        if cur <= 0:
            cur, start = s, i
        else:
            cur += s
        if cur > best:
            best, best_span = cur, (start, i)
    return best_span


def _segments(heading: list[float], prose: list[float]) -> tuple[list[float], list[float]]:
    """Per unit: prose units in its heading-delimited segment, and how many neighbouring segments in
    a row hold at most one paragraph. Teaser lists ("Headline / one-line summary" repeated) form long
    chains of one-paragraph segments; an article's subheadings are followed by several paragraphs."""
    n = len(heading)
    seg_id, segs = [], [[0, 0]]          # per segment: [first unit, prose count]
    for i in range(n):
        if heading[i] and i > 0 and not heading[i - 1]:
            segs.append([i, 0])
        seg_id.append(len(segs) - 1)
        segs[-1][1] += int(prose[i])
    small = [1 if c <= 1 else 0 for _, c in segs]
    chain = [0] * len(segs)
    k = 0
    while k < len(segs):
        if not small[k]:
            k += 1
            continue
        j = k
        while j < len(segs) and small[j]:
            j += 1
        for m in range(k, j):
            chain[m] = j - k
        k = j
    return ([float(min(segs[s][1], 5)) for s in seg_id], [float(min(chain[s], 6)) for s in seg_id])


def segment_roles(units: list[Unit]) -> tuple[list[float], list[float], list[float]]:
    """(heading-like, prose, prose count of the unit's segment) per unit, for the decoders."""
    stop = _wordlist("stopwords_en.txt")
    chrome = _wordlist("chrome_words_en.txt")
    base = [_base(u, stop, chrome) for u in units]
    prose = [1.0 if _prose(b) else 0.0 for b in base]
    heading = [1.0 if (b[1] <= math.log1p(12) and b[2] == 0 and b[11] + b[12] == 0) else 0.0 for b in base]
    seg_prose, _ = _segments(heading, prose)
    return heading, prose, seg_prose


def unit_features(units: list[Unit], boilerplate: frozenset[str] = frozenset()) -> np.ndarray:
    """One row per unit: own features, neighbours' features, window densities, main-run position."""
    stop = _wordlist("stopwords_en.txt")
    chrome = _wordlist("chrome_words_en.txt")
    n = len(units)
    if n == 0:
        return np.zeros((0, len(feature_names())), dtype=np.float32)
    base = [_base(u, stop, chrome) for u in units]
    prose = [1.0 if _prose(b) else 0.0 for b in base]
    words = [math.expm1(b[1]) for b in base]
    max_words = max(words) or 1.0
    counts: dict[str, int] = {}
    for u in units:
        counts[u.text] = counts.get(u.text, 0) + 1
    # headlines recur inside other lines (breadcrumbs, "Site - Headline", "Print: Headline")
    joined = "\n".join(u.text for u in units)
    inside_other = [
        float(joined.count(u.text) - counts[u.text]) if 3 <= words_i <= 25 else 0.0
        for u, words_i in zip(units, (math.expm1(b[1]) for b in base))
    ]
    a, z = _main_run(base, units)
    main_cols = [units[i].column for i in range(a, z + 1) if prose[i]] or [units[a].column]
    main_col = max(set(main_cols), key=main_cols.count)
    main_ind = [units[i].indent for i in range(a, z + 1) if prose[i]] or [units[a].indent]
    main_indent = sorted(main_ind)[len(main_ind) // 2]
    total_words = sum(words) or 1.0
    # lexical cohesion: teasers and ads talk about other things than the article
    content = [content_words(u.text) for u in units]
    vocab: dict[str, int] = {}
    for i in range(a, z + 1):
        if prose[i]:
            for w in content[i]:
                vocab[w] = vocab.get(w, 0) + 1
    own = [1 if (a <= i <= z and prose[i]) else 0 for i in range(n)]
    cohesion = [
        (sum(1 for w in c if vocab.get(w, 0) - own[i] > 0) / len(c)) if c else 0.0
        for i, c in enumerate(content)
    ]
    comment_cue = [1.0 if (len(u.text) < 80 and _COMMENTS_RE.search(u.text)) else 0.0 for u in units]
    cumc = np.cumsum([0.0] + comment_cue)
    heading = [1.0 if (b[1] <= math.log1p(12) and b[2] == 0 and b[11] + b[12] == 0) else 0.0 for b in base]
    cumh = np.cumsum([0.0] + heading)
    seg_prose, seg_chain = _segments(heading, prose)
    main_words = sum(words[a:z + 1])
    cum = np.cumsum([0.0] + prose)
    cumw = np.cumsum([0.0] + words)
    rows = []
    for i, u in enumerate(units):
        row = list(base[i])
        row += [
            i / n,
            float(counts[u.text] - 1),
            min(inside_other[i], 3.0),
            1.0 if normalise_line(u.text) in boilerplate else 0.0,
            words[i] / max_words,
            prose[i],
        ]
        for off in (-3, -2, -1, 1, 2, 3):
            j = i + off
            if 0 <= j < n:
                bj = base[j]
                row += [bj[1], bj[2], bj[11] + bj[12], prose[j], 1.0 if units[j].column == u.column else 0.0,
                        bj[26], bj[19]]
            else:
                row += [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]
        for w in (3, 8):
            lo, hi = max(0, i - w), min(n, i + w + 1)
            row += [(cum[hi] - cum[lo]) / (hi - lo), math.log1p((cumw[hi] - cumw[lo]) / (hi - lo)),
                    (cumh[hi] - cumh[lo]) / (hi - lo)]
        row += [seg_prose[i], seg_chain[i]]
        row += [comment_cue[i], min(cumc[i] - cumc[min(a, i)], 5.0), min(cumc[i] - cumc[max(0, i - 6)], 5.0)]
        row += [cohesion[i], cohesion[i - 1] if i > 0 else 0.0, cohesion[i + 1] if i + 1 < n else 0.0,
                heading[i - 1] if i > 0 else 1.0, heading[i + 1] if i + 1 < n else 1.0]
        inside = a <= i <= z
        row += [
            1.0 if inside else 0.0,
            math.log1p(a - i) if i < a else 0.0,
            math.log1p(i - z) if i > z else 0.0,
            1.0 if u.column == main_col else 0.0,
            (u.indent - main_indent) / 10.0,
            main_words / total_words,
            (i - a) / max(z - a + 1, 1),
            float(min(a - i, 10)) if i < a else -1.0,
        ]
        rows.append(row)
    return np.asarray(rows, dtype=np.float32)


@lru_cache(maxsize=1)
def feature_names() -> tuple[str, ...]:
    names = list(BASE_NAMES)
    names += ["rel_pos", "dup_count", "inside_other", "boilerplate", "words_rel_max", "prose"]
    for off in (-3, -2, -1, 1, 2, 3):
        names += [f"{k}@{off:+d}" for k in ("log_words", "ends_sentence", "marker", "prose", "same_col",
                                             "chrome_ratio", "blank_before")]
    for w in (3, 8):
        names += [f"prose_density_{w}", f"word_density_{w}", f"heading_density_{w}"]
    names += ["segment_prose", "one_paragraph_chain"]
    names += ["comment_cue", "comment_cues_since_main", "comment_cues_before_6"]
    names += ["cohesion", "cohesion@-1", "cohesion@+1", "heading@-1", "heading@+1"]
    names += ["in_main_run", "before_main", "after_main", "main_column", "indent_vs_main", "main_share",
              "pos_in_main", "units_to_main"]
    return tuple(names)

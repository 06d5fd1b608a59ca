"""Language of a text (ISO 639-1): writing system first, then a stopword profile for Latin script.

Small and dependency-free; good enough to tell which languages a news page is in. Profiles are in
``data/language_profiles.tsv``. Returns None when the text gives too little evidence.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.U)
# (language, first code point, last code point) of scripts that (nearly) name a language
_SCRIPTS = (
    ("el", 0x0370, 0x03FF), ("he", 0x0590, 0x05FF), ("ar", 0x0600, 0x06FF), ("hi", 0x0900, 0x097F),
    ("bn", 0x0980, 0x09FF), ("ta", 0x0B80, 0x0BFF), ("th", 0x0E00, 0x0E7F), ("ka", 0x10A0, 0x10FF),
    ("ko", 0xAC00, 0xD7AF), ("ja", 0x3040, 0x30FF), ("zh", 0x4E00, 0x9FFF), ("ru", 0x0400, 0x04FF),
    ("hy", 0x0530, 0x058F), ("am", 0x1200, 0x137F), ("pa", 0x0A00, 0x0A7F), ("gu", 0x0A80, 0x0AFF),
    ("or", 0x0B00, 0x0B7F), ("te", 0x0C00, 0x0C7F), ("kn", 0x0C80, 0x0CFF), ("ml", 0x0D00, 0x0D7F),
    ("si", 0x0D80, 0x0DFF), ("my", 0x1000, 0x109F), ("km", 0x1780, 0x17FF), ("lo", 0x0E80, 0x0EFF),
)
_LETTER = re.compile(r"[^\W\d_]")
_UKRAINIAN = set("іїєґ")
_PERSIAN = set("پچژگ")
_MIN_HITS = 3


@lru_cache(maxsize=1)
def _profiles() -> tuple[tuple[str, frozenset[str]], ...]:
    text = resources.files("tidings.extract").joinpath("data/language_profiles.tsv").read_text("utf-8")
    out = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            lang, words = line.split("\t", 1)
            out.append((lang.strip(), frozenset(words.split())))
    return tuple(out)


def guess_language(text: str, max_chars: int = 20000) -> str | None:
    sample = " ".join(text[:max_chars * 8].split())[:max_chars]   # dumps pad with whitespace
    script = _script_language(sample)
    if script:
        return script
    # one-letter words ("a", "o", "e", "i") are shared by many languages and are list bullets in dumps
    words = [w.lower() for w in _WORD.findall(sample) if len(w) > 1]
    if not words:
        return None
    counts = Counter(words)
    # over the words both have: a profile is longer than most pages' distinct words
    scores = {lang: sum(map(counts.__getitem__, counts.keys() & vocab)) for lang, vocab in _profiles()}
    lang, best = max(scores.items(), key=lambda kv: kv[1])
    if best < _MIN_HITS or best < 0.05 * len(words):
        return None
    return lang


def _script_language(sample: str) -> str | None:
    if sample.isascii() or not _any_script().search(sample):
        return None     # (a Latin page with accents: no script's count to take)
    letters = len(_LETTER.findall(sample))
    if not letters:
        return None
    counts = Counter({lang: len(rx.findall(sample)) for lang, rx in _script_patterns()})
    lang, n = counts.most_common(1)[0]
    if n < 0.3 * letters:
        return None
    if lang == "zh" and counts["ja"] > 0.05 * letters:
        return "ja"   # Japanese mixes kana into kanji text
    if lang == "ru" and any(c in _UKRAINIAN for c in sample):
        return "uk"
    if lang == "ar" and any(c in _PERSIAN for c in sample):
        return "fa"
    return lang


@lru_cache(maxsize=1)
def _any_script() -> re.Pattern:
    return re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for _lang, lo, hi in _SCRIPTS) + "]")


@lru_cache(maxsize=1)
def _script_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((lang, re.compile(f"[{chr(lo)}-{chr(hi)}]")) for lang, lo, hi in _SCRIPTS)

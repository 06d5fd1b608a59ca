"""The article in a page dumped as plain text with all its chrome (menus, teasers, paywall...).

Pipeline: ``textlines.split_units`` restores reading order (table columns) and cuts the dump
into units; ``textfeatures.unit_features`` describes each unit by general layout and language
features; two small gradient-boosted tree models (trained by ``scripts/train_textdump.py``,
shipped as JSON) score each unit as body and as headline; the decoders below turn the scores
into the body (the main run of body units), the headline, and from them byline and date.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import numpy as np

from tidings.settings import Settings

from .repetition import normalise_line
from .result import ExtractError, ExtractResult
from .textdates import find_published
from .textfeatures import CODE_RE, content_words, feature_names, segment_roles, unit_features
from .textlines import Unit, split_units
from .treemodel import load_model

MAX_TEASER_OVERLAP = 0.3
BODY_MODEL = "textdump_body.json"
TITLE_MODEL = "textdump_title.json"

# "Join EUobserver", "Subscribe to The Daily Star", "Welcome to Example News": chrome naming the site
_NAME = r"((?:The\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of\s+)?[A-Z][\w.&'’-]*){0,3})"
_SITE_CUE_RES = [
    re.compile(rf"^(?:join|subscribe to|sign up (?:to|for)|welcome to|support)\s+{_NAME}"
               r"(?:\s+(?:today|now|for free|free))?\s*[.!]?$"),
    re.compile(rf"^(?:join|subscribe to|sign up (?:to|for)|welcome to|support)\s+{_NAME}\s+(?:today|now)\b", re.I),
]
_SITE_STOP = {"us", "now", "today", "free", "our", "the", "a", "an", "me", "guest", "here", "in"}
_BYLINE_RE = re.compile(
    r"^(?:[Bb]y|BY|[Pp]osted [Bb]y|[Ww]ritten [Bb]y|[Ww]ords [Bb]y)\s*:?\s+"
    r"(?P<name>[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|der|da|al|bin|and|&)){0,5})"
    r"(?:\s*(?:,|\||-|–|—|/|\bin\b|\bfor\b)\s*.*)?$")


def extract_text(text: str, settings: Settings | None = None, boilerplate: frozenset[str] = frozenset(),
                 url: str | None = None) -> ExtractResult:
    """Article body, headline, site, byline and date of a text dump; ExtractError if it has none."""
    if not isinstance(text, str):
        raise ExtractError(f"text dump must be str, got {type(text).__name__}")
    if not text.strip():
        raise ExtractError("empty text dump")
    if "\x00" in text[:65536]:
        raise ExtractError("binary content in text dump (NUL bytes)")
    units = split_units(text)
    if not units:
        raise ExtractError("no text units in text dump")
    x = unit_features(units, boilerplate)
    body_p = _model(BODY_MODEL).predict_proba(x)
    title_p = _model(TITLE_MODEL).predict_proba(x)
    body_idx = body_indexes(units, body_p, boilerplate=boilerplate)
    title_i = title_index(units, title_p, body_idx)
    body_idx = [i for i in body_idx if i != title_i]
    texts = [u.text for u in units]
    published, published_from = find_published(texts, title_i, body_idx, url)
    warnings = [] if body_idx else ["no article text recognised in the text dump"]
    return ExtractResult(
        body="\n\n".join(texts[i] for i in body_idx),
        title=texts[title_i] if title_i is not None else None,
        site=find_site(units) or (urlsplit(url).hostname if url else None),
        author=find_author(units, title_i, body_idx),
        published=published,
        published_from=published_from,
        url=url,
        warnings=warnings,
    )


def _model(name: str):
    model = load_model(name)
    if model.features != feature_names():
        raise RuntimeError(f"model {name} was trained on other features; rerun scripts/train_textdump.py")
    return model


def body_indexes(units: list[Unit], p: np.ndarray, threshold: float = 0.45,
                 boilerplate: frozenset[str] = frozenset()) -> list[int]:
    """Units scored as body; a lone low-scored unit between two body units of the same column
    is kept (a short paragraph or a sentence split by an inline element). Leaked markup and lines
    repeated on other pages of the site are never body."""
    n = len(units)
    allowed = [not CODE_RE.search(u.text) and normalise_line(u.text) not in boilerplate for u in units]
    keep = [float(p[i]) >= threshold and allowed[i] for i in range(n)]
    for i in range(1, n - 1):
        if (not keep[i] and allowed[i] and keep[i - 1] and keep[i + 1] and p[i] >= threshold * 0.5
                and units[i].column == units[i - 1].column == units[i + 1].column
                and not units[i].marker):
            keep[i] = True
    return _drop_trailing_teasers(units, keep)


def _drop_trailing_teasers(units: list[Unit], keep: list[bool]) -> list[int]:
    """After the article's last multi-paragraph section, a run of "heading / one paragraph" pairs
    holding two or more kept paragraphs is a teaser list (related stories, opinion, latest news)."""
    heading, prose, seg_prose = segment_roles(units)
    kept = [i for i in range(len(units)) if keep[i]]
    if not kept:
        return kept
    last_section = max((i for i in kept if seg_prose[i] >= 2 and prose[i]), default=None)
    if last_section is None:
        return kept
    tail = [i for i in kept if i > last_section]
    # the end of the last section itself, up to the first heading after it, stays
    ref = units[last_section]
    # headings of the article's own column (a sidebar menu interleaved line by line is not one)
    first_heading = next((i for i in range(last_section + 1, len(units)) if heading[i]
                          and units[i].column == ref.column and abs(units[i].indent - ref.indent) <= 4), None)
    if first_heading is None:
        return kept
    teasers = [i for i in tail if i >= first_heading]
    teaser_prose = [i for i in teasers if prose[i]]
    if len(teaser_prose) < 2:
        return kept
    # ... and they are about something else: few of their content words occur in the article
    article = set().union(*(content_words(units[i].text) for i in kept if i < first_heading))
    overlap = [len(w & article) / len(w) for w in (content_words(units[i].text) for i in teaser_prose) if w]
    if not overlap or sum(overlap) / len(overlap) >= MAX_TEASER_OVERLAP:
        return kept
    return [i for i in kept if i not in set(teasers)]


def decode_body(units: list[Unit], p: np.ndarray, boilerplate: frozenset[str] = frozenset()) -> list[str]:
    return [units[i].text for i in body_indexes(units, p, boilerplate=boilerplate)]


def title_index(units: list[Unit], p: np.ndarray, body_idx: list[int] | None = None,
                min_p: float = 0.02) -> int | None:
    """Best-scored headline unit before the first paragraph; else a confident one anywhere."""
    if len(units) == 0:
        return None
    limit = (body_idx[0] if body_idx else len(units) - 1) + 1
    best = int(np.argmax(p[:limit]))
    if float(p[best]) >= min_p:
        return best
    anywhere = int(np.argmax(p))
    return anywhere if float(p[anywhere]) >= 0.5 else None


def decode_title(units: list[Unit], p: np.ndarray, body_p: np.ndarray | None = None) -> str | None:
    i = title_index(units, p, body_indexes(units, body_p) if body_p is not None else None)
    return units[i].text if i is not None else None


def find_site(units: list[Unit]) -> str | None:
    """A site name the dump states in its own chrome ("Join X", "Subscribe to X", "Welcome to X")."""
    votes: dict[str, int] = {}
    for u in units:
        t = u.text.strip()
        if len(t.split()) > 7:
            continue
        for rx in _SITE_CUE_RES:
            m = rx.match(t)
            if m:
                name = m.group(1).strip(" .!")
                if name.lower() not in _SITE_STOP and not name.lower().startswith(("us ", "our ")):
                    votes[name] = votes.get(name, 0) + 1
                break
    if not votes:
        return None
    return max(votes, key=lambda k: (votes[k], -len(k)))


def find_author(units: list[Unit], title_i: int | None, body_idx: list[int]) -> str | None:
    """A "By Name" line between just above the headline and the first paragraphs."""
    if not units:
        return None
    first = body_idx[0] if body_idx else (title_i or 0)
    lo = max(0, (title_i if title_i is not None else first) - 2)
    hi = min(len(units), first + 3)
    for i in range(lo, hi):
        t = units[i].text.strip()
        if len(t.split()) > 12:
            continue
        m = _BYLINE_RE.match(t)
        if m:
            name = m.group("name").strip()
            name = re.sub(r"\s+(?:and|&)$", "", name)
            return name
    return None

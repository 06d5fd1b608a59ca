"""Publication date of an HTML page, and where it was found.

htmldate is the anchor. Its fast pass (URL, header meta, JSON-LD, ``<abbr>``/``<time>``, date-like
elements) is tried first and the extensive pass (free text, dateparser) only when that finds
nothing: on the development pages the fast answer, when there is one, is the extensive one, and
the extensive pass costs up to ten times more. Both prefer the original (published) date over the
last-modified one.

``published_from`` says which markup the date matches: "json-ld" (datePublished), "meta" (a
published-time meta tag), "url", "time" (a ``<time datetime>``), else "page" (found by htmldate
elsewhere in the markup), "dateline" (a written-out date after a weekday name in the page text)
or "text" (only by the free-text search).
"""
from __future__ import annotations

import logging
import re
from copy import deepcopy
from datetime import date as Date
from functools import lru_cache
from importlib import resources

from htmldate import find_date
from lxml.etree import XPath, _Element

from tidings.extract.title import iter_json_ld

log = logging.getLogger(__name__)

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_YEAR = re.compile(r"(?:19|20)\d\d")     # the year a written-out date ends with (``_written_date_re``)
_URL_DAY = re.compile(r"(?<!\d)(\d{4})[/_.-]?(\d{2})[/_.-]?(\d{2})(?!\d)")
# meta names/properties that carry the publication time (not modification)
_PUBLISHED_META = frozenset({
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "pubdate", "publishdate", "publish-date", "publish_date", "published_time", "dc.date.issued",
    "dc.date", "dcterms.date", "dcterms.issued", "dc.date.created", "date", "sailthru.date",
    "parsely-pub-date", "article.published", "cxenseparse:recs:publishtime", "originalpublicationdate",
})


def find_html_date(html: str, url: str | None) -> tuple[str | None, str | None]:
    """(ISO date, how it was found) of the page, or (None, None)."""
    from tidings.extract.html import parse_html   # html imports this module

    return find_html_date_in_tree(parse_html(html), url)


def find_html_date_in_tree(tree: _Element, url: str | None) -> tuple[str | None, str | None]:
    """As ``find_html_date`` for an already parsed page (the tree is not modified)."""
    json_ld = list(iter_json_ld(tree))      # read by three of the steps below
    stated = _stated_published(tree, url, json_ld)
    if stated:
        return stated
    try:
        date, how = _htmldate_search(tree, url)
    except (ImportError, AttributeError, TypeError, ValueError):
        # htmldate's internals changed (or choked on this page): its public passes, one after the other
        log.debug("htmldate internals unavailable", exc_info=True)
        return _two_pass_search(tree, url)
    if how == "fast":
        return _fast_answer(tree, url, date, json_ld)
    return date, how


def _fast_answer(tree: _Element, url: str | None, date: str, json_ld: list[dict] | None = None) -> tuple[str, str]:
    json_ld = list(iter_json_ld(tree)) if json_ld is None else json_ld
    local = _local_published(tree, json_ld)
    if local and abs((Date.fromisoformat(local[0]) - Date.fromisoformat(date[:10])).days) == 1:
        # a day apart is a time zone apart: the page's own local time gives the local day
        return local
    return date, provenance(tree, url, date, json_ld)


def _htmldate_search(tree: _Element, url: str | None) -> tuple[str | None, str | None]:
    """htmldate's fast pass (as ``find_date(extensive_search=False, original_date=True)``: how
    "fast") then, when it finds nothing, ``_text_search`` on the same pruned copy of the page:
    one copy, cleaning and serialisation instead of two."""
    from htmldate import core
    from htmldate.utils import clean_html

    options = core.Extractor(False, core.get_max_date(None), core.get_min_date(None), True, "%Y-%m-%d")
    if url is None:
        link = tree.find('.//link[@rel="canonical"]')
        url = link.get("href") if link is not None else None
    found = core.extract_url_date(url, options)
    if found is None:
        found = core.examine_header(tree, options) or core.json_search(tree, options)
    if found is None:
        found = core.examine_abbr_elements(tree, options)
    if found is not None:
        return found, "fast"
    search_tree = core.discard_unwanted(clean_html(deepcopy(tree), core.CLEANING_LIST))
    found = (core.examine_elements(core.date_candidates(search_tree, False), options)
             or core.examine_elements(search_tree.xpath(".//title|.//h1"), options)
             or core.examine_time_elements(search_tree, options))
    if found is not None:
        return found, "fast"
    htmlstring = core.serialize(search_tree)
    found = (core.pattern_search(htmlstring, core.TIMESTAMP_PATTERN, options)
             or core.img_search(search_tree, options)
             or core.idiosyncrasies_search(htmlstring, options))
    if found is not None:
        return found, "fast"
    # the text search reads the page with its scripts, which the fast pass's last step drops
    page_found = core.examine_elements(core.date_candidates(search_tree, True), options)
    segments = [seg.strip() for seg in _FREE_TEXT(search_tree)]
    clean_html(search_tree, ["script", "style"])
    found = core.pattern_search(" ".join(search_tree.itertext()), core.TIMESTAMP_LOOSE_PATTERN, options)
    if found:
        return found, "fast"
    if page_found:
        return page_found, "page"
    return _search_text(segments, htmlstring, options)


def _two_pass_search(tree: _Element, url: str | None) -> tuple[str | None, str | None]:
    date = _htmldate(tree, url, extensive=False)
    if date:
        return _fast_answer(tree, url, date)
    try:
        return _text_search(tree)
    except (ImportError, AttributeError, TypeError):
        log.debug("htmldate internals unavailable", exc_info=True)
        date = _htmldate(tree, url, extensive=True)
        return (date, "text") if date else (None, None)


def _text_search(tree: _Element) -> tuple[str | None, str | None]:
    """htmldate's extensive search without its last resort, dateparser, which tries every locale
    on each text segment (up to 0.1 s a segment); written-out dates in the languages of
    ``data/month_names.tsv`` are read by a table instead."""
    from htmldate import core
    from htmldate.utils import clean_html

    options = core.Extractor(False, core.get_max_date(None), core.get_min_date(None), True, "%Y-%m-%d")
    search_tree = core.discard_unwanted(clean_html(deepcopy(tree), core.CLEANING_LIST))
    found = core.examine_elements(core.date_candidates(search_tree, True), options)
    if found:
        return found, "page"
    segments = [seg.strip() for seg in _FREE_TEXT(search_tree)]
    return _search_text(segments, core.serialize(search_tree), options)


def _search_text(segments: list[str], htmlstring: str, options) -> tuple[str | None, str | None]:
    """The free-text steps of the extensive search, on the page's text segments and markup."""
    from htmldate import core

    latest = Date.today().replace(year=Date.today().year + 1)
    reference = None
    for seg in segments:
        if core.MIN_SEGMENT_LEN < len(seg) < core.MAX_SEGMENT_LEN:
            reference = core.compare_reference(reference, seg, options)
    found = core.check_extracted_reference(reference, options)
    if found:
        return found, "text"
    dateline = next((d for d in (dateline_date(seg, latest) for seg in segments) if d), None)
    if dateline:
        return dateline, "dateline"
    found = core.search_page(htmlstring, options)
    if not found or found.endswith("-01-01"):
        # the page search fell back to a bare year (Jan 1): a written-out full date is better evidence
        found = next((w for w in (written_date(seg, latest) for seg in segments) if w), found)
    return (found, "text") if found else (None, None)


def written_date(text: str, latest: Date | None = None) -> str | None:
    """The first written-out date in ``text`` ("15 de abril de 2020", "15. März 2020", "April 15, 2020")."""
    if not _YEAR.search(text):      # the cheap part of the pattern first: most texts have no year
        return None
    for m in _written_date_re().finditer(text):
        g = m.groupdict()
        day, month_name, year = (g["d1"], g["m1"], g["y1"]) if g["d1"] else (g["d2"], g["m2"], g["y2"])
        month = _month_numbers().get(month_name.lower().rstrip("."))
        try:
            d = Date(int(year), month or 0, int(day))
        except ValueError:
            continue
        if 1995 <= d.year and (latest is None or d <= latest):
            return d.isoformat()
    return None


# plain strings (lxml's default "smart" strings each remember their element, which is not needed)
_FREE_TEXT = XPath(".//*[self::div or self::h2 or self::h3 or self::h4 or self::li or self::p or self::span "
                   "or self::time or self::ul or self::td or self::font or self::b]/text()", smart_strings=False)


@lru_cache(maxsize=1)
def _name_table() -> tuple[tuple[str, int], ...]:
    """(name, month number) rows of data/month_names.tsv; weekdays have month 0."""
    table = resources.files("tidings.extract.data").joinpath("month_names.tsv").read_text(encoding="utf-8")
    rows = []
    for line in table.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        _lang, month, names = line.split("\t")
        rows.extend((name.strip(), int(month)) for name in names.split(","))
    return tuple(rows)


@lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    out: dict[str, int] = {}
    for name, month in _name_table():
        if month:
            out.setdefault(name, month)
    return out


@lru_cache(maxsize=1)
def _weekday_re() -> re.Pattern:
    names = "|".join(sorted((re.escape(n) for n, m in _name_table() if m == 0), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{names})\.?,?\s*$", re.I)


def dateline_date(text: str, latest: Date | None = None) -> str | None:
    """A written-out date right after a weekday name ("Miércoles, 15 de abril de 2020")."""
    if not _YEAR.search(text):
        return None
    for m in _written_date_re().finditer(text):
        if _weekday_re().search(text[max(0, m.start() - 20):m.start()]):
            return written_date(m.group(0), latest)
    return None


@lru_cache(maxsize=1)
def _written_date_re() -> re.Pattern:
    names = "|".join(sorted((re.escape(n) for n in _month_numbers()), key=len, reverse=True))
    return re.compile(
        rf"(?<!\w)(?:(?P<d1>[0-3]?\d)(?:\.|st|nd|rd|th|er|º)?\s*(?:de\s+|of\s+)?(?P<m1>{names})\.?,?\s*"
        rf"(?:de\s+|del\s+|,\s*)?(?P<y1>(?:19|20)\d\d)"
        rf"|(?P<m2>{names})\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d))(?!\d)",
        re.I)


def provenance(tree: _Element, url: str | None, date: str, json_ld: list[dict] | None = None) -> str:
    """Which kind of markup states ``date`` (an ISO day), checked from the most explicit
    (``json_ld``: the page's JSON-LD objects, when already read)."""
    day = date[:10]
    for obj in iter_json_ld(tree) if json_ld is None else json_ld:
        if _day_of(obj.get("datePublished")) == day:
            return "json-ld"
    for m in tree.iterfind(".//meta"):
        name = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        if name in _PUBLISHED_META and _day_of(m.get("content")) == day:
            return "meta"
    if url:
        for y, mo, d in _URL_DAY.findall(url):
            if f"{y}-{mo}-{d}" == day:
                return "url"
    for t in tree.iterfind(".//time"):
        if _day_of(t.get("datetime")) == day:
            return "time"
    return "page"


_LOCAL_TIMESTAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?([+-]\d{2}):?(\d{2})$")


def _local_published(tree: _Element, json_ld: list[dict]) -> tuple[str, str] | None:
    """The day of a published timestamp stated with a non-UTC offset (JSON-LD first, then meta)."""
    candidates = [(obj.get("datePublished"), "json-ld") for obj in json_ld]
    for m in tree.iterfind(".//meta"):
        name = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        if name in _PUBLISHED_META:
            candidates.append((m.get("content"), "meta"))
    for value, how in candidates:
        if isinstance(value, str):
            m = _LOCAL_TIMESTAMP.match(value.strip())
            if m and (m.group(2), m.group(3)) not in (("+00", "00"), ("-00", "00")):
                return m.group(1), how
    return None


def _stated_published(tree: _Element, url: str | None,
                      json_ld: list[dict] | None = None) -> tuple[str, str] | None:
    """The day the page's JSON-LD ``datePublished`` and published-time meta tags all state, when
    they agree with each other and with a date in the URL; None when there is none or any doubt
    (then htmldate decides). htmldate's fast pass reads the same markup: this skips its cost."""
    days: dict[str, str] = {}
    for obj in iter_json_ld(tree) if json_ld is None else json_ld:
        value = obj.get("datePublished")
        if value is not None:
            days.setdefault(_day_of(value) or "?", "json-ld")
    for m in tree.iterfind(".//meta"):
        name = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        if name in _PUBLISHED_META:
            days.setdefault(_day_of(m.get("content")) or "?", "meta")
    if len(days) != 1:
        return None
    day, how = next(iter(days.items()))
    if day == "?":
        return None
    if url:
        url_days = {f"{y}-{mo}-{d}" for y, mo, d in _URL_DAY.findall(url)}
        if url_days and url_days != {day}:
            return None
    try:
        parsed = Date.fromisoformat(day)
    except ValueError:
        return None
    if not 1995 <= parsed.year or parsed > Date.today():
        return None
    return day, how


def _day_of(value) -> str | None:
    if not isinstance(value, str):
        return None
    m = _ISO_DAY.match(value.strip())
    return "-".join(m.groups()) if m else None


def _htmldate(tree: _Element, url: str | None, extensive: bool) -> str | None:
    try:
        return find_date(tree, url=url, extensive_search=extensive, original_date=True)
    except Exception:   # a library bug on one odd page is no date, not a lost page
        log.debug("htmldate failed", exc_info=True)
        return None

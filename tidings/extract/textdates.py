"""The article's own date in a page dumped as text.

Dumps carry several dates: the site's banner with the day of the scrape at the top, the
article's dateline/byline next to the headline, dates of teasers, dates inside the story. The
order of trust:

1. ``byline``: a full date between the headline and the first paragraph, or a short
   "Published/Posted/Updated ..." line before the end of the story.
   ``url``: a day written in the article's URL (/2008/01/09/).
2. ``text-weekday-anchor``: the story anchors itself with a weekday and a day without a year
   ("said on Tuesday (29 December)", "Tuesday, Dec. 29"): the latest such day, not after the
   reference date (the latest full date outside the story, e.g. the banner), that falls on that
   weekday.
3. ``dateline``: a full date just above the headline (but not the page's first two lines).
4. ``text``: a full date in the first paragraphs of the story ("... on January 9, 2008 ...").
5. ``banner``: a full date at the top of the page, which is often only the day of the scrape.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
       r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WD = r"(?P<wd>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"

# full dates: "January 9, 2008", "9 January 2008", "19th Mar 2024", "Dec 30 2007", "2008-01-09"
_FULL_RES = [
    re.compile(rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
]
# numeric d/m/y or m/d/y: used only when the day is unambiguous (> 12) or both readings agree
_NUMERIC_RE = re.compile(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<year>(?:19|20)\d\d)\b")
# weekday anchors without a year: "Tuesday (29 December)", "Tuesday, Dec. 29", "Tuesday 29 December"
_ANCHOR_RES = [
    re.compile(rf"\b{_WD}\s*[(,]?\s*{_DAY}\s+{_MON}(?!\S*\s*,?\s*(?:19|20)\d\d)", re.I),
    re.compile(rf"\b{_WD}\s*[(,]?\s*{_MON}\s+{_DAY}\b(?!\s*,?\s*(?:19|20)\d\d)", re.I),
]
_PUBLISHED_CUE_RE = re.compile(r"\b(?:published|posted|updated|last modified|dated?)\b", re.I)


@dataclass(frozen=True, slots=True)
class FoundDate:
    value: date
    unit: int          # index of the unit holding it
    start: int         # character offset in that unit


def _mk(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def full_dates(text: str, reference: date | None = None) -> list[tuple[int, date]]:
    """(offset, date) of every complete date in ``text``; an ambiguous 11/1/2008 takes the reading
    closest before ``reference`` (the page's other dates), else is skipped."""
    out: list[tuple[int, date]] = []
    taken: list[tuple[int, int]] = []
    for rx in _FULL_RES:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            g = m.groupdict()
            month = _MONTHS[g["mon"][:3].lower()] if g.get("mon") else int(g["month"])
            d = _mk(int(g["year"]), month, int(g["day"]))
            if d:
                out.append((m.start(), d))
                taken.append((m.start(), m.end()))
    for m in _NUMERIC_RE.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("year"))
        dm, md = _mk(y, b, a), _mk(y, a, b)
        d = dm if md is None or dm == md else md if dm is None else None
        if d is None and reference is not None:
            before = [x for x in (dm, md) if x <= reference]
            d = max(before) if before else None
        if d:
            out.append((m.start(), d))
    return sorted(out, key=lambda t: t[0])


def weekday_anchors(text: str) -> list[tuple[int, int, int, int]]:
    """(offset, weekday 0-6, month, day) of weekday-anchored days without a year."""
    out = []
    for rx in _ANCHOR_RES:
        for m in rx.finditer(text):
            wd = next(i for i, w in enumerate(_WEEKDAYS) if w.startswith(m.group("wd")[:3].lower()))
            month = _MONTHS[m.group("mon")[:3].lower()]
            day = int(m.group("day"))
            if 1 <= day <= 31:
                out.append((m.start(), wd, month, day))
    return out


def resolve_anchor(weekday: int, month: int, day: int, reference: date, max_years: int = 30) -> date | None:
    """Latest date not after ``reference`` with this month and day that falls on ``weekday``."""
    for year in range(reference.year, reference.year - max_years - 1, -1):
        d = _mk(year, month, day)
        if d and d <= reference and d.weekday() == weekday:
            return d
    return None


_URL_DATE_RES = [
    re.compile(r"/(?P<year>(?:19|20)\d\d)[/_-](?P<month>[01]?\d)[/_-](?P<day>[0-3]?\d)(?:/|[_-]|\.\w+$|$)"),
    re.compile(r"(?<![\d])(?P<year>(?:19|20)\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)(?:[0-2]\d[0-5]\d[0-5]\d)?(?![\d])"),
]


def url_date(url: str | None) -> date | None:
    """A day written in the article's URL (/2008/01/09/, -20080109-), a common CMS habit."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.I)
    for rx in _URL_DATE_RES:
        m = rx.search(path)
        if m:
            d = _mk(int(m.group("year")), int(m.group("month")), int(m.group("day")))
            if d and d <= date.today() + timedelta(days=1):
                return d
    return None


def find_published(units: list[str], title_index: int | None, body_indexes: list[int],
                   url: str | None = None) -> tuple[str | None, str | None]:
    """(ISO date, how it was found) for a dump split into unit texts, or (None, None)."""
    from_url = url_date(url)
    if not units:
        return (from_url.isoformat(), "url") if from_url else (None, None)
    body_set = set(body_indexes)
    first_body = body_indexes[0] if body_indexes else (title_index + 1 if title_index is not None else 0)
    last_body = body_indexes[-1] if body_indexes else len(units) - 1
    top = title_index if title_index is not None and title_index < first_body else first_body

    latest_ok = date.today() + timedelta(days=1)
    found: list[FoundDate] = []
    for reference in (None, "second pass"):
        if reference is not None:
            # ambiguous numeric dates are read against the latest unambiguous one
            reference = max((f.value for f in found if f.value <= latest_ok), default=None)
            if reference is None:
                break
            found = []
        for i, t in enumerate(units):
            if len(t.split()) > 40 and i not in body_set:
                continue   # long teasers and footers: their dates are other stories'
            for off, d in full_dates(t, reference):
                found.append(FoundDate(d, i, off))
    found = [f for f in found if f.value <= latest_ok]
    outside = [f for f in found if f.unit not in body_set]

    # 1. dateline/byline between the headline and the first paragraph, or a "Published ..." line
    below = [f for f in outside if top < f.unit < first_body + 1 and len(units[f.unit].split()) <= 25]
    if not below:
        below = [f for f in outside if _PUBLISHED_CUE_RE.search(units[f.unit]) and f.unit < last_body
                 and len(units[f.unit].split()) <= 25]
    if below:
        return below[0].value.isoformat(), "byline"

    if from_url:
        return from_url.isoformat(), "url"

    # 2. the story anchors itself: "on Tuesday (29 December)"; reference = latest date outside it
    reference = max((f.value for f in outside), default=None) or max((f.value for f in found), default=None)
    if reference is not None:
        for i in body_indexes or range(len(units)):
            for _, wd, month, day in weekday_anchors(units[i]):
                d = resolve_anchor(wd, month, day, reference)
                if d:
                    return d.isoformat(), "text-weekday-anchor"

    # dates far older than the page's latest are history the story mentions, not its own day
    if reference is not None:
        found = [f for f in found if (reference - f.value).days <= 730]
        outside = [f for f in found if f.unit not in body_set]

    # 3. a date right above the headline (dateline placed before it)
    # (the first two units of the page are the site's banner, not the article's header)
    above = [f for f in outside if max(top - 3, 2) <= f.unit <= top and len(units[f.unit].split()) <= 25]
    # 4. a full date in the first paragraphs of the story
    early = [f for f in found if f.unit in body_indexes[:3]]
    if above:
        return above[-1].value.isoformat(), "dateline"
    if early:
        return early[0].value.isoformat(), "text"
    # 5. the page banner: a date at the very top, often only the day of the scrape
    banner = [f for f in outside if f.unit < max(top, 1) + 1]
    if banner:
        return banner[0].value.isoformat(), "banner"
    return None, None

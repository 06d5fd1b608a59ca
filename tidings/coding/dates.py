"""When an event happened: date phrases attached to the trigger, resolved against the article date.

Handles "on Tuesday", "yesterday", "today", "last week/month/year", "next month",
"in December", "29 December", "December 29, 2020", "(29 December)", "in 2019". The date
comes from the trigger's own clause only; without one the article date is used
(``date_from = "article"``). Granularity is day, week, month or year.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Token

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday",
                                         "saturday", "sunday"])}


@dataclass(frozen=True, slots=True)
class EventDate:
    date: str | None
    granularity: str | None
    source: str             # explicit | relative | article | none


def _parse_iso(d: str | None) -> date | None:
    if not d:
        return None
    try:
        return date.fromisoformat(d[:10])
    except ValueError:
        return None


_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(MONTHS) + r")\.?(?:,?\s+(\d{4}))?\b", re.I)
_MONTH_DAY = re.compile(r"\b(" + "|".join(MONTHS) + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b", re.I)
_MONTH_YEAR = re.compile(r"\b(" + "|".join(MONTHS) + r")\.?(?:\s+(?:of\s+)?(\d{4}))?\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def resolve_phrase(text: str, ref: date, past: bool = True) -> EventDate | None:
    """A date phrase -> EventDate relative to ``ref`` (the article date)."""
    t = re.sub(r"^(?:on|in|during|since|by|until|from|early|late|mid|the)[\s-]+", "", text.lower().strip())
    t = re.sub(r"^(?:early|late|mid|the)[\s-]+", "", t)
    if t in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return EventDate(ref.isoformat(), "day", "relative")
    if t in ("yesterday", "last night"):
        return EventDate((ref - timedelta(days=1)).isoformat(), "day", "relative")
    if t == "tomorrow":
        return EventDate((ref + timedelta(days=1)).isoformat(), "day", "relative")
    m = re.fullmatch(r"(last|next|this)\s+(week|month|year)", t)
    if m:
        step = {"last": -1, "next": 1, "this": 0}[m.group(1)]
        if m.group(2) == "week":
            d = ref + timedelta(weeks=step)
            monday = d - timedelta(days=d.weekday())
            return EventDate(monday.isoformat(), "week", "relative")
        if m.group(2) == "month":
            y, mo = ref.year, ref.month + step
            y, mo = (y - 1, 12) if mo == 0 else (y + 1, 1) if mo == 13 else (y, mo)
            return EventDate(f"{y:04d}-{mo:02d}", "month", "relative")
        return EventDate(f"{ref.year + step:04d}", "year", "relative")
    m = re.fullmatch(r"(?:(last|next|this)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)", t)
    if m:
        wd = WEEKDAYS[m.group(2)]
        if m.group(1) == "next" or (not past and m.group(1) != "last"):
            delta = (wd - ref.weekday()) % 7 or (7 if m.group(1) == "next" else 0)
            d = ref + timedelta(days=delta)
        else:
            delta = (ref.weekday() - wd) % 7
            if m.group(1) == "last" and delta == 0:
                delta = 7
            d = ref - timedelta(days=delta)
        return EventDate(d.isoformat(), "day", "relative")
    for rx, order in ((_DAY_MONTH, "dm"), (_MONTH_DAY, "md")):
        m = rx.search(t)
        if m:
            day, mon = (m.group(1), m.group(2)) if order == "dm" else (m.group(2), m.group(1))
            mon_n = MONTHS[mon.lower().rstrip(".")]
            year = int(m.group(3)) if m.group(3) else _year_for(ref, mon_n, past)
            try:
                return EventDate(date(year, mon_n, int(day)).isoformat(), "day",
                                 "explicit" if m.group(3) else "relative")
            except ValueError:
                return None
    m = _MONTH_YEAR.fullmatch(t)
    if m and (m.group(1).lower() != "may" or m.group(2)):
        mon_n = MONTHS[m.group(1).lower().rstrip(".")]
        year = int(m.group(2)) if m.group(2) else _year_for(ref, mon_n, past)
        return EventDate(f"{year:04d}-{mon_n:02d}", "month", "explicit" if m.group(2) else "relative")
    m = _YEAR.fullmatch(t) or (_YEAR.search(t) if t.startswith(("in ", "since ")) else None)
    if m:
        return EventDate(m.group(1), "year", "explicit")
    return None


def _year_for(ref: date, month: int, past: bool) -> int:
    """A month without a year: the nearest one in the past (or future for future events)."""
    if past:
        return ref.year if month <= ref.month else ref.year - 1
    return ref.year if month >= ref.month else ref.year + 1


_DATE_PREPS = {"on", "in", "during", "since", "last", "next", "this", "by", "until"}


def date_tokens(trigger: Token) -> list[list[Token]]:
    """Candidate date phrases governed by the trigger (not by a subordinate clause)."""
    out = []
    for c in trigger.children:
        if c.dep_ in ("npadvmod", "tmod", "obl:tmod") or (c.ent_type_ == "DATE" and c.dep_ != "prep"):
            out.append(list(c.subtree))
        elif c.dep_ == "prep" and c.lower_ in _DATE_PREPS:
            for g in c.children:
                if g.ent_type_ in ("DATE", "TIME") or g.lower_ in MONTHS or g.lower_ in WEEKDAYS:
                    out.append([t for t in g.subtree])
        elif c.dep_ == "appos" or (c.dep_ == "punct" and c.text == "("):
            continue
    # "(29 December)" right after a date word: take the explicit one
    return out


def event_date(trigger: Token, article_date: str | None, future: bool = False) -> EventDate:
    ref = _parse_iso(article_date)
    if ref is None:
        return EventDate(None, None, "none")
    best: EventDate | None = None
    for toks in date_tokens(trigger):
        text = " ".join(t.text for t in toks if t.text not in ("(", ")"))
        # prefer an explicit day inside the phrase ("Tuesday (29 December)")
        for cand in (text, *[t.text for t in toks]):
            r = resolve_phrase(cand, ref, past=not future)
            if r and (best is None or _rank(r) > _rank(best)):
                best = r
        inner = _DAY_MONTH.search(text) or _MONTH_DAY.search(text)
        if inner:
            r = resolve_phrase(inner.group(0), ref, past=not future)
            if r and (best is None or _rank(r) >= _rank(best)):
                best = r
    if best:
        return best
    return EventDate(ref.isoformat(), "day", "article")


def _rank(d: EventDate) -> int:
    return {"day": 3, "week": 2, "month": 1, "year": 0}.get(d.granularity or "", -1)


def is_historical(d: EventDate, article_date: str | None, days: int = 60) -> bool:
    """An event dated well before the article (more than ``days`` before its start)."""
    ref = _parse_iso(article_date)
    if ref is None or d.date is None or d.source == "article":
        return False
    s = d.date
    try:
        if d.granularity == "year":
            end = date(int(s[:4]), 12, 31)
        elif d.granularity == "month":
            y, m = int(s[:4]), int(s[5:7])
            end = (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1))
        else:
            end = date.fromisoformat(s[:10]) + (timedelta(days=6) if d.granularity == "week" else timedelta(0))
    except ValueError:
        return False
    return (ref - end).days > days

"""Event dates resolved against the article date."""
from __future__ import annotations

from datetime import date

import pytest

from tidings.coding.dates import EventDate, is_historical, resolve_phrase

REF = date(2020, 12, 29)   # a Tuesday


@pytest.mark.parametrize("phrase,expected", [
    ("on Tuesday", ("2020-12-29", "day")),
    ("Monday", ("2020-12-28", "day")),
    ("last Tuesday", ("2020-12-22", "day")),
    ("yesterday", ("2020-12-28", "day")),
    ("today", ("2020-12-29", "day")),
    ("last week", ("2020-12-21", "week")),
    ("next month", ("2021-01", "month")),
    ("last year", ("2019", "year")),
    ("in December", ("2020-12", "month")),
    ("in March", ("2020-03", "month")),
    ("29 December", ("2020-12-29", "day")),
    ("December 29, 2019", ("2019-12-29", "day")),
    ("in May 2019", ("2019-05", "month")),
    ("in 2016", ("2016", "year")),
])
def test_resolve_phrase(phrase, expected):
    r = resolve_phrase(phrase, REF)
    assert (r.date, r.granularity) == expected


def test_future_weekday_and_month():
    assert resolve_phrase("Friday", REF, past=False).date == "2021-01-01"
    assert resolve_phrase("in March", REF, past=False).date == "2021-03"


def test_unresolvable():
    assert resolve_phrase("soon", REF) is None


def test_historical():
    assert is_historical(EventDate("2016", "year", "explicit"), "2020-12-29")
    assert not is_historical(EventDate("2020-12", "month", "relative"), "2020-12-29")
    assert not is_historical(EventDate("2020-12-28", "day", "article"), "2020-12-29")

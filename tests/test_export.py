"""Exports re-read and checked field by field: GDELT 2.0 columns, PLOVER keys, CSV, Parquet by month."""
from __future__ import annotations

import csv
import json

import pytest

from test_store_fixtures import batch, meeting_reports
from tidings.store import EventFilters, Store
from tidings.store.export import GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, export, gdelt_id


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "s.db"
    with Store(path) as s:
        for a in meeting_reports() + batch(12):
            s.add(a)
        yield s


def _meeting(store):
    return store.events(EventFilters(source="TUR", target="RUS", type="CONSULT", until="2020-12-31"))[0]


def test_gdelt_event_table_columns_and_values(store, tmp_path):
    out = tmp_path / "tidings.export.CSV"
    res = export(store, "gdelt", out)
    assert res["events"] == store.count_events() and res["mentions"] == store.count_events(mentions=True)
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(GDELT_EVENT_COLUMNS) == 61 and all(len(r) == 61 for r in rows)
    assert GDELT_EVENT_COLUMNS[:5] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    assert GDELT_EVENT_COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                          "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_EVENT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    ev = _meeting(store)
    row = dict(zip(GDELT_EVENT_COLUMNS, next(r for r in rows if r[0] == str(gdelt_id(ev["id"])))))
    assert row["Day"] == "20201229" and row["MonthYear"] == "202012" and row["Year"] == "2020"
    assert row["FractionDate"] == "2020.9945"      # year + (day of year - 1) / 365
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("TURGOV", "TUR", "GOV")
    assert (row["Actor2Code"], row["Actor2CountryCode"], row["Actor2Name"]) == ("RUSGOV", "RUS", "Russian government")
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"], row["QuadClass"]) == ("040", "040", "04", "1")
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("3", "3", "3")
    assert row["GoldsteinScale"] == "1.0" and row["IsRootEvent"] == "1"
    assert (row["ActionGeo_Type"], row["ActionGeo_FullName"], row["ActionGeo_CountryCode"]) == ("4", "Ankara", "TUR")
    assert row["DATEADDED"] == "20201229100000" and row["SOURCEURL"] == "https://news-one.example/erdogan-putin"
    mentions = [dict(zip(GDELT_MENTION_COLUMNS, line.split("\t")))
                for line in (tmp_path / "tidings.mentions.CSV").read_text(encoding="utf-8").splitlines()]
    assert all(len(m) == len(GDELT_MENTION_COLUMNS) for m in mentions)
    mine = [m for m in mentions if m["GlobalEventID"] == row["GlobalEventID"]]
    assert len(mine) == 3
    for m in mine:
        art = store.article(m["ArticleID"])
        s, e = int(m["SentenceStart"]), int(m["SentenceEnd"])
        assert art["body"][s:e] == m["SentenceText"]
        assert art["body"][int(m["ActionCharOffset"]):int(m["ActionCharEnd"])] in ("met", "talks")
        assert m["MentionIdentifier"] == art["url"] and m["MentionType"] == "1"
        assert m["SentenceID"] == "1" and m["MentionDocLen"] == str(len(art["body"]))   # lead sentences


def test_gdelt_header_option(store, tmp_path):
    export(store, "gdelt", tmp_path / "g.tsv", header=True)
    assert (tmp_path / "g.tsv").read_text().splitlines()[0].split("\t") == list(GDELT_EVENT_COLUMNS)
    assert (tmp_path / "g.mentions.tsv").read_text().splitlines()[0].split("\t") == list(GDELT_MENTION_COLUMNS)


def test_plover_jsonl_records(store, tmp_path):
    out = tmp_path / "events.jsonl"
    export(store, "plover", out)
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == store.count_events()
    for r in recs:   # the manual's required fields
        assert {"id", "date", "actor", "event"} <= r.keys()
    ev = _meeting(store)
    r = next(x for x in recs if x["id"] == ev["id"])
    assert r["date"] == "2020-12-29" and r["enddate"] == "2020-12-30"
    assert r["actor"] == [{"code": "TUR", "sector": "GOV", "entity_text": "Erdogan",
                           "identifier_text": "Turkish government", "actor_code": "TURGOV"}]
    assert r["recipient"][0]["code"] == "RUS" and r["recipient"][0]["sector"] == "GOV"
    assert r["event"] == ["CONSULT"] and r["quad_code"] == 1 and r["event_scale"] == 1.0
    assert r["event_loc"]["resolved_place"] == "Ankara" and r["event_loc"]["country_code"] == "TUR"
    assert sorted(r["event_text"]) == ["met", "met", "talks"]
    assert r["n_articles"] == 3 and len(r["mentions"]) == 3
    assert r["cite_info"]["url"] == "https://news-one.example/erdogan-putin"


def test_csv_and_parquet_by_month(store, tmp_path):
    import pyarrow.dataset as ds

    res = export(store, "csv", tmp_path / "e.csv")
    rows = list(csv.DictReader(open(tmp_path / "e.csv", encoding="utf-8")))
    assert len(rows) == res["events"] == store.count_events()
    ev = _meeting(store)
    row = next(r for r in rows if r["id"] == ev["id"])
    assert (row["n_articles"], row["cameo_code"], row["place_name"]) == ("3", "040", "Ankara")
    export(store, "csv", tmp_path / "m.csv", mentions=True)
    assert len(list(csv.DictReader(open(tmp_path / "m.csv")))) == store.count_events(mentions=True)

    out = tmp_path / "pq"
    export(store, "parquet", out)
    months = sorted(p.name for p in out.iterdir())
    assert months == ["month=2020-12", "month=2021-01", "month=2021-02"]
    table = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    assert table.num_rows == store.count_events()
    got = {r["id"]: r for r in table.to_pylist()}
    assert got[ev["id"]]["n_mentions"] == 3 and got[ev["id"]]["month"] == "2020-12"
    export(store, "parquet", out)       # re-export replaces, never doubles
    assert ds.dataset(out, format="parquet", partitioning="hive").to_table().num_rows == store.count_events()

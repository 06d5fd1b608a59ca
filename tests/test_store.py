"""The store's Python API on hand-built records: identity, idempotency, versions, clustering, queries."""
from __future__ import annotations

import random
import sqlite3
from dataclasses import replace

import pytest

from test_store_fixtures import article, analysis, batch, dump, event, meeting_reports
from tidings.settings import Settings
from tidings.store import SCHEMA_VERSION, EventFilters, SchemaError, Store


@pytest.fixture()
def meeting_store(tmp_path):
    with Store(tmp_path / "t.db") as s:
        for a in meeting_reports():
            s.add(a)
        yield s


def test_three_reports_of_one_meeting_are_one_event(meeting_store):
    evs = meeting_store.events(EventFilters(source="TUR", target="RUS"))
    assert len(evs) == 1
    ev = evs[0]
    assert (ev["n_mentions"], ev["n_articles"], ev["n_sources"]) == (3, 3, 3)
    assert ev["date"] == "2020-12-29" and ev["date_end"] == "2020-12-30"
    assert ev["first_seen"] == "2020-12-29T10:00:00" and ev["last_seen"] == "2020-12-30T15:00:00"
    assert ev["src_code"] == "TURGOV" and ev["tgt_code"] == "RUSGOV"   # the most frequent full codes
    assert ev["cameo_code"] == "040" and ev["plover_type"] == "CONSULT" and ev["quad_class"] == 1
    assert ev["place_name"] == "Ankara"
    detail = meeting_store.event(ev["id"])
    assert len(detail["mentions"]) == 3
    assert {m["article"]["site"] for m in detail["mentions"]} == {"News One", "Wire Two", "Daily Three"}
    first = detail["mentions"][0]
    body = meeting_store.article(first["article_id"])["body"]
    assert body[first["trigger_start"]:first["trigger_end"]] == first["trigger_text"]
    assert body[first["sentence_start"]:first["sentence_start"] + len(first["sentence"])] == first["sentence"]
    # the visit (RUS -> TUR) and the accusation are other events
    assert meeting_store.count_events() == 3
    assert meeting_store.count_events(mentions=True) == 5


def test_add_is_idempotent_and_versions_link(tmp_path):
    db = tmp_path / "t.db"
    with Store(db) as s:
        results = [s.add(a) for a in meeting_reports()]
        assert [r.status for r in results] == ["added"] * 3
        before = dump(db)
        assert [s.add(a).status for a in meeting_reports()] == ["skipped"] * 3
        assert dump(db) == before
        old = meeting_reports()[0]
        new_art = article(old.article.title, old.article.body + " Updated: the talks ended.",
                          old.article.url, old.article.site, old.article.published)
        r = s.add(analysis(new_art, []))
        assert (r.status, r.previous_id) == ("version", old.article.id)
        a = s.article(new_art.id)
        assert a["version"] == 2 and a["previous_id"] == old.article.id
        assert [v["id"] for v in a["versions"]] == [old.article.id, new_art.id]


def test_clusters_do_not_depend_on_ingest_order(tmp_path):
    items = meeting_reports() + batch(40)
    with Store(tmp_path / "a.db") as s:
        for a in items:
            s.add(a)
    shuffled = items[:]
    random.Random(7).shuffle(shuffled)
    with Store(tmp_path / "b.db") as s:
        for a in shuffled:
            s.add(a)
    da, db_ = dump(tmp_path / "a.db"), dump(tmp_path / "b.db")
    # article versions aside (none here), every table is identical
    for table in ("events", "mentions", "actor_totals", "dyad_totals"):
        assert da[table] == db_[table], table


def test_window_bounds_events_and_places_veto(tmp_path):
    base = article("x", "Turkish officials met Russian officials in Ankara. Later more.", "https://a.example/1",
                   "A", "2021-03-01")
    far = article("y", "Turkish officials met Russian officials in Ankara again. Later more.",
                  "https://b.example/2", "B", "2021-03-09")
    other_place = article("z", "Turkish officials met Russian officials in Sochi. Later more.",
                          "https://c.example/3", "C", "2021-03-01")
    with Store(tmp_path / "t.db", settings=Settings(cluster_window_days=3)) as s:
        s.add(analysis(base, [event(base, base.body.split(". ")[0] + ".", "TURGOV", "Turkish officials",
                                    "RUSGOV", "Russian officials", "met", "040", place="Ankara")]))
        s.add(analysis(far, [event(far, far.body.split(". ")[0] + ".", "TURGOV", "Turkish officials",
                                   "RUSGOV", "Russian officials", "met", "040", place="Ankara")]))
        s.add(analysis(other_place, [event(other_place, other_place.body.split(". ")[0] + ".", "TURGOV",
                                           "Turkish officials", "RUSGOV", "Russian officials", "met", "040",
                                           place="Sochi")]))
        assert s.count_events() == 3


def test_hypothetical_events_are_hidden_by_default(tmp_path):
    art = article("h", "Turkey may attack Ukrainian troops soon. Nothing else.", None, None, "2021-01-05")
    ev = event(art, "Turkey may attack Ukrainian troops soon.", "TUR", "Turkey", "UKRMIL", "Ukrainian troops",
               "attack", "190", hypothetical=True)
    with Store(tmp_path / "t.db") as s:
        s.add(analysis(art, [ev]))
        assert s.events() == []
        rows = s.events(EventFilters(include_hypothetical=True))
        assert len(rows) == 1 and rows[0]["factual"] == 0
        assert rows[0]["n_articles"] == 1 and rows[0]["n_sources"] == 1


def test_event_filters(meeting_store):
    s = meeting_store
    ids = lambda f: sorted(e["cameo_code"] for e in s.events(f))  # noqa: E731
    assert ids(EventFilters(actor="RUS")) == ["040", "042", "112"]
    assert ids(EventFilters(actor="USA")) == ["112"]
    assert ids(EventFilters(source="TURGOV")) == ["040"]
    assert ids(EventFilters(source="RUS", target="TUR")) == ["042"]
    assert ids(EventFilters(type="consult")) == ["040", "042"]
    assert ids(EventFilters(cameo="04")) == ["040", "042"]
    assert ids(EventFilters(cameo="11")) == ["112"]
    assert ids(EventFilters(since="2020-12-30")) == ["112"]
    assert ids(EventFilters(until="2020-12-29")) == ["040", "042"]
    assert ids(EventFilters(place="ankara")) == ["040"]
    assert ids(EventFilters(place="TUR")) == ["040"]
    assert ids(EventFilters(min_confidence=0.9)) == []
    assert ids(EventFilters(q="aggression")) == ["040", "112"]   # article 3 reports both
    assert ids(EventFilters(actor="Russia")) == ["042", "112"]   # by canonical name
    # hostile values are data, never SQL
    assert ids(EventFilters(actor="TUR' OR 1=1 --", type="x\" OR 1")) == []
    ms = s.events(EventFilters(type="CONSULT"), mentions=True)
    assert len(ms) == 4 and all(m["article"]["title"] for m in ms)
    assert s.count_events(EventFilters(type="CONSULT"), mentions=True) == 4
    page1 = s.events(limit=2, offset=0)
    page2 = s.events(limit=2, offset=2)
    assert len(page1) == 2 and len(page2) == 1 and not {e["id"] for e in page1} & {e["id"] for e in page2}


def test_dyad_both_directions(meeting_store):
    d = meeting_store.dyad("TUR", "RUS", by="day")
    assert d["totals"]["a->b"]["n"] == 1 and d["totals"]["b->a"]["n"] == 1
    assert d["totals"]["a->b"]["quad"] == {"1": 1, "2": 0, "3": 0, "4": 0}
    assert [(p["period"], p["direction"]) for p in d["series"]] == [("2020-12-29", "a->b"),
                                                                   ("2020-12-29", "b->a")]
    assert d["totals"]["b->a"]["goldstein"] == 1.9
    m = meeting_store.dyad("TURGOV", "RUSGOV", by="month", mentions=True)
    assert m["totals"]["a->b"]["n"] == 3 and m["series"][0]["period"] == "2020-12"
    w = meeting_store.dyad("TUR", "RUS", by="week")
    assert w["series"][0]["period"] == "2020-12-28"     # the Monday of that week
    with pytest.raises(ValueError):
        meeting_store.dyad("TUR", "RUS", by="fortnight")


def test_actors_quotes_search_show_overview(meeting_store):
    s = meeting_store
    top = s.actors(top=3)
    assert top[0]["code"] in ("RUS", "RUSGOV", "TUR", "TURGOV") and top[0]["n"] >= 1
    assert sum(a["n"] for a in s.actors(top=50)) == 2 * s.count_events()
    qs = s.quotes(speaker="erdogan")
    assert len(qs) == 1 and qs[0]["content"]["text"] == "discussed the S-400 deal"
    assert qs[0]["speaker"]["code"] == "TURGOV"
    assert s.quotes(speaker="TURGOV") == qs and s.quotes(speaker="nobody") == []
    hits = s.search("S-400")
    assert len(hits) == 1 and hits[0]["title"] == "Erdogan hosts Putin"
    assert s.search('"unbalanced AND (') == []
    ev = s.events(EventFilters(type="ACCUSE"))[0]
    assert s.show(ev["id"])["kind"] == "event"
    shown = s.show(ev["article"]["id"] if "article" in ev else s.event(ev["id"])["mentions"][0]["article_id"])
    assert shown["kind"] == "article" and len(shown["events"]) == 2 and shown["entities"]
    assert s.show("nope") is None
    ov = s.overview()
    assert (ov["articles"], ov["events"], ov["mentions"], ov["sites"]) == (3, 3, 5, 3)
    assert ov["top_dyads"][0]["n"] == 1 and ov["first_date"] == "2020-12-29"
    assert [(p["code"], p["out"], p["in"]) for p in s.partners("TUR")] == [("RUS", 0, 1), ("RUSGOV", 1, 0)]


def test_running_totals_match_a_full_scan(tmp_path):
    with Store(tmp_path / "t.db") as s:
        for a in meeting_reports() + batch(60):
            s.add(a)
        fast = s.actors(top=100)                                   # from actor_totals
        scan = s.actors(top=100, filters=EventFilters(min_confidence=0.0))   # GROUP BY over events
        assert fast == scan and len(fast) == 7
        top = s.overview()["top_dyads"]
        for d in top:
            assert d["n"] == s.count_events(EventFilters(source=d["a"], target=d["b"]))
        before = dump(tmp_path / "t.db")
        s.rebuild_totals()
        assert dump(tmp_path / "t.db") == before


def test_v1_store_is_migrated(tmp_path):
    from tidings.store.schema import MIGRATIONS
    db = tmp_path / "old.db"
    with Store(db) as s:
        for a in meeting_reports():
            s.add(a)
        want = s.actors(top=10)
    c = sqlite3.connect(db)
    c.executescript("DROP TABLE actor_totals; DROP TABLE dyad_totals; DELETE FROM schema_version WHERE version > 1;")
    c.close()
    with Store(db) as s:                                           # upgrades v1 -> current, filling totals
        assert s.overview()["schema_version"] == SCHEMA_VERSION == len(MIGRATIONS)
        assert s.actors(top=10) == want


def test_reader_while_writer(tmp_path):
    db = tmp_path / "t.db"
    writer = Store(db)
    writer.add(meeting_reports()[0])
    reader = Store(db, readonly=True)
    writer.conn.execute("BEGIN IMMEDIATE")       # a long ingest transaction in progress...
    writer.conn.execute("DELETE FROM events")
    assert reader.count_events() == 1            # ...does not block or leak into readers (WAL)
    writer.conn.execute("ROLLBACK")
    reader.close()
    writer.close()


def test_schema_version_and_newer_store_refused(tmp_path):
    db = tmp_path / "t.db"
    Store(db).close()
    c = sqlite3.connect(db)
    assert c.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    c.execute("INSERT INTO schema_version VALUES (?, 'future')", (SCHEMA_VERSION + 1,))
    c.commit()
    c.close()
    with pytest.raises(SchemaError):
        Store(db)


def test_analysis_round_trips_through_json_records(tmp_path):
    from test_store_fixtures import write_jsonl
    import json
    from tidings.store.rows import analysis_from_dict
    items = meeting_reports()
    path = write_jsonl(tmp_path / "r.jsonl", items)
    back = [analysis_from_dict(json.loads(line)) for line in path.read_text().splitlines()]
    assert back == [replace(a) for a in items]


def test_bad_dates_do_not_break_clustering(tmp_path):
    art = article("d", "Turkish officials met Russian officials. More text.", None, None, "2021-02-30T10:00")
    ev = event(art, "Turkish officials met Russian officials.", "TURGOV", "Turkish officials", "RUSGOV",
               "Russian officials", "met", "040", date="2021-99-01")
    with Store(tmp_path / "t.db") as s:
        assert s.add(analysis(art, [ev])).status == "added"
        (row,) = s.events(EventFilters(include_hypothetical=True))
        assert row["date"] is None and row["n_mentions"] == 1

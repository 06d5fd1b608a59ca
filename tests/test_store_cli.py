"""The query commands over a store of hand-built records: events, dyad, actors, quotes, show, export."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from test_store_fixtures import batch, meeting_reports
from tidings.cli import main
from tidings.store import EventFilters, Store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "s.db"
    with Store(path) as s:
        for a in meeting_reports() + batch(9):
            s.add(a)
    return str(path)


def cli(*args: str) -> str:
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.stdout


def test_events_formats_and_filters(db):
    rows = json.loads(cli("events", "--db", db, "--format", "json", "--source", "TUR", "--target", "RUS",
                          "--until", "2020-12-31"))
    assert len(rows) == 1 and rows[0]["n_articles"] == 3 and rows[0]["cameo_code"] == "040"
    table = cli("events", "--db", db, "--type", "CONSULT", "--since", "2020-12-01", "--until", "2020-12-31")
    lines = table.splitlines()
    assert lines[0].split()[:5] == ["id", "date", "src_code", "cameo_code", "tgt_code"]
    assert len(lines) == 3 and "TURGOV" in table and "RUS" in table
    rows = list(csv.DictReader(io.StringIO(cli("events", "--db", db, "--format", "csv", "--cameo", "11"))))
    assert [r["cameo_code"] for r in rows] == ["112"] and rows[0]["src_country"] == "USA"
    ms = [json.loads(x) for x in cli("events", "--db", db, "--format", "jsonl", "--mentions", "--type", "CONSULT",
                                     "--until", "2020-12-31").splitlines()]
    assert len(ms) == 4 and all(m["sentence"] for m in ms)
    hyp = json.loads(cli("events", "--db", db, "--format", "json", "--include-hypothetical", "--limit", "0"))
    assert len(hyp) > len(json.loads(cli("events", "--db", db, "--format", "json", "--limit", "0")))
    ev = cli("events", "--db", db, "--order", "mentions_desc", "--limit", "1", "--evidence")
    assert "3 mentions in 3 articles from 3 sources" in ev and "{met}" in ev


def test_dyad_actors_quotes(db):
    d = json.loads(cli("dyad", "TUR", "RUS", "--db", db, "--by", "day", "--until", "2020-12-31", "--format", "json"))
    assert d["totals"]["a->b"]["n"] == 1 and d["totals"]["b->a"]["n"] == 1
    table = cli("dyad", "TUR", "RUS", "--db", db, "--by", "month", "--until", "2020-12-31")
    assert "2020-12" in table and "TUR->RUS" in table and "RUS->TUR" in table
    top = json.loads(cli("dyad", "--db", db, "--format", "json"))
    assert top[0]["n"] >= top[-1]["n"] and {"a", "b", "n", "goldstein"} <= top[0].keys()
    acts = json.loads(cli("actors", "--db", db, "--top", "3", "--format", "json"))
    assert len(acts) == 3 and acts[0]["n"] >= acts[1]["n"] >= acts[2]["n"]
    q = json.loads(cli("quotes", "--db", db, "--speaker", "Erdogan", "--format", "json"))
    assert len(q) == 1 and q[0]["speaker"]["name"] == "Recep Tayyip Erdogan"


def test_show_event_and_article(db):
    with Store(db, readonly=True) as s:
        ev = s.events(EventFilters(source="TUR", target="RUS", until="2020-12-31"))[0]
        art_id = s.event(ev["id"])["mentions"][0]["article_id"]
    out = cli("show", ev["id"], "--db", db)
    assert out.startswith(f"event {ev['id']}  2020-12-29..2020-12-30")
    assert "[Turkish President Erdogan] {met} <Russian President Putin> in Ankara on Tuesday." in out
    art = cli("show", art_id, "--db", db)
    assert art.startswith(f"article {art_id}") and "Erdogan hosts Putin" in art
    assert json.loads(cli("show", ev["id"], "--db", db, "--format", "json"))["kind"] == "event"
    res = CliRunner().invoke(main, ["show", "nope", "--db", db])
    assert res.exit_code == 1 and "no event, mention or article" in res.output


def test_export_command_and_missing_store(db, tmp_path):
    out = json.loads(cli("export", "--db", db, "--format", "plover", "--out", str(tmp_path / "p.jsonl"),
                         "--type", "CONSULT"))
    assert out["events"] == len((tmp_path / "p.jsonl").read_text().splitlines()) > 0
    res = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 1 and "no store at" in res.output


def test_evidence_marks_nest_and_touch():
    from tidings.cli.store import _mark
    assert _mark("A met B.", 10, [(10, 11, "src"), (12, 15, "trigger"), (16, 17, "tgt")]) == "[A] {met} <B>."
    assert _mark("AB", 0, [(0, 1, "src"), (1, 2, "trigger"), (0, 2, "tgt")]) == "<[A]{B}>"
    assert _mark("x", 0, [(None, None, "src"), (5, 9, "tgt")]) == "x"      # missing or outside: ignored

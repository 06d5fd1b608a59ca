"""The JSON API over a real SQLite store: every endpoint and filter, pagination bounds, 422s, tokens."""
from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from tidings.web import create_app
from webdata import MEETING, build_store


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("api") / "api.db")


@pytest.fixture(scope="module")
def client(built):
    with TestClient(create_app(built.path, token="")) as c:
        yield c


def ids(res) -> set[str]:
    return {e["id"] for e in res.json()["items"]}


def event_id_of(client, **filters) -> str:
    items = client.get("/api/events", params=filters).json()["items"]
    assert len(items) == 1, items
    return items[0]["id"]


# -- overview ---------------------------------------------------------------------------------------------

def test_overview_counts_and_top_dyads(client):
    o = client.get("/api/overview").json()
    assert o["counts"] == {"articles": 5, "events": 4, "events_all": 5, "mentions": 7, "sources": 3,
                           "quotes": 3, "errors": 0}
    assert (o["first_date"], o["last_date"]) == ("2020-10-11", "2020-12-29")
    assert [(d["a"]["code"], d["b"]["code"], d["events"]) for d in o["top_dyads"]] == [
        ("TUR", "RUS", 2), ("RUS", "TUR", 1), ("USA", "TUR", 1)]
    assert o["top_actors"][0]["code"] == "TURGOV" and o["top_actors"][0]["events"] == 4
    recent = o["recent_events"][0]
    assert recent["date"] == "2020-12-29" and recent["n_articles"] == 3
    assert recent["evidence"]["sentence"] == MEETING
    assert recent["evidence"]["trigger"]["text"] == "met"


# -- events and every filter --------------------------------------------------------------------------------

def test_events_default_lists_factual_events_newest_first(client):
    r = client.get("/api/events").json()
    assert r["total"] == 4 and r["counts"] == "events"
    assert [e["date"] for e in r["items"]] == ["2020-12-29", "2020-11-20", "2020-10-12", "2020-10-11"]
    first = r["items"][0]
    assert first["source"] == {"code": "TURGOV", "country": "TUR", "name": "Turkish government"}
    assert first["cameo"] == {"code": "040", "name": "Consult"}
    assert first["plover"]["type"] == "CONSULT" and first["quad_class"] == 1 and first["goldstein"] == 1.0
    assert (first["n_mentions"], first["n_articles"], first["n_sources"]) == (3, 3, 3)
    ev = first["evidence"]
    assert ev["sentence"][ev["trigger"]["start"] - ev["sentence_start"]:][:3] == "met"


@pytest.mark.parametrize("params, expected", [
    ({"actor": "RUS"}, {"040", "112", "190"}),
    ({"actor": "RUSMIL"}, {"190"}),
    ({"actor": "Russian military"}, {"190"}),
    ({"source": "TURGOV"}, {"040", "190"}),
    ({"source": "TUR", "target": "RUS"}, {"040", "190"}),
    ({"target": "TUR"}, {"112", "061"}),
    ({"type": "consult"}, {"040"}),
    ({"type": "ASSAULT"}, {"190"}),
    ({"cameo": "19"}, {"190"}),
    ({"cameo": "0"}, {"040", "061"}),
    ({"since": "2020-11-01"}, {"040", "061"}),
    ({"until": "2020-10-11"}, {"190"}),
    ({"since": "2020-10", "until": "2020-10"}, {"112", "190"}),
    ({"since": "2020-11-20", "until": "2020-11-20"}, {"061"}),
    ({"place": "moscow"}, {"040"}),
    ({"place": "Idlib"}, {"112"}),
    ({"include_hypothetical": "true"}, {"040", "061", "057", "112", "190"}),
    ({"include_hypothetical": "true", "type": "AGREE"}, {"057"}),
    ({"type": "AGREE"}, set()),
    ({"min_confidence": "0.85"}, {"112"}),
    ({"min_confidence": "0.6"}, {"040", "061", "112", "190"}),
    ({"quad_class": "4"}, {"190"}),
    ({"q": "Idlib ceasefire"}, {"112", "190"}),
])
def test_event_filters(client, params, expected):
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    assert {e["cameo"]["code"] for e in body["items"]} == expected
    assert body["total"] == len(expected)


def test_event_filter_by_article(client, built):
    r = client.get("/api/events", params={"article_id": built.articles["idlib"].id, "include_hypothetical": "true"})
    assert {e["cameo"]["code"] for e in r.json()["items"]} == {"057", "112", "190"}


def test_events_as_mentions(client, built):
    r = client.get("/api/events", params={"mentions": "true"}).json()
    assert r["counts"] == "mentions" and r["total"] == 6
    meeting = [m for m in r["items"] if m["cameo"]["code"] == "040"]
    assert len(meeting) == 3 and len({m["article_id"] for m in meeting}) == 3
    assert len({m["event_id"] for m in meeting}) == 1
    m = meeting[0]
    assert m["evidence"]["source"]["text"] == "Turkish Foreign Minister Mevlut Cavusoglu"
    assert m["evidence"]["target"]["text"] == "Russian Foreign Minister Sergey Lavrov"
    assert m["context"] == {"negated": False, "hypothetical": False, "future": False, "historical": False}
    assert m["article"]["site"] in {"example-news.org", "daily-wire.example", "world-report.example"}


# -- pagination bounds ------------------------------------------------------------------------------------------

def test_pagination_pages_through_every_event_once(client):
    seen = []
    for offset in (0, 2, 4):
        r = client.get("/api/events", params={"limit": 2, "offset": offset}).json()
        assert r["total"] == 4 and r["limit"] == 2 and r["offset"] == offset
        seen += [e["id"] for e in r["items"]]
    assert len(seen) == 4 and len(set(seen)) == 4
    assert client.get("/api/events", params={"limit": 2, "offset": 3}).json()["items"][0]["date"] == "2020-10-11"


@pytest.mark.parametrize("params, name", [
    ({"limit": 0}, "limit"), ({"limit": 501}, "limit"), ({"limit": "ten"}, "limit"),
    ({"offset": -1}, "offset"), ({"offset": 1_000_001}, "offset"),
])
def test_pagination_out_of_bounds_is_422(client, params, name):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    assert r.json()["error"].startswith(f"invalid parameter: {name}:")


def test_limit_at_the_bounds_is_accepted(client):
    assert client.get("/api/events", params={"limit": 1}).json()["items"].__len__() == 1
    assert client.get("/api/events", params={"limit": 500}).status_code == 200
    assert client.get("/api/events", params={"offset": 1_000_000}).json()["items"] == []


# -- bad parameters -> 422 with a message naming them --------------------------------------------------------------

@pytest.mark.parametrize("path, params, message", [
    ("/api/events", {"since": "2020-13-01"}, "since: '2020-13-01' is not a valid date"),
    ("/api/events", {"since": "yesterday"}, "since: 'yesterday' is not a date"),
    ("/api/events", {"until": "2020-02-30"}, "until: '2020-02-30' is not a valid date"),
    ("/api/events", {"since": "2020-12-01", "until": "2020-11-01"}, "since (2020-12-01) is after until (2020-11-01)"),
    ("/api/events", {"cameo": "04a"}, "invalid parameter: cameo:"),
    ("/api/events", {"type": "<script>"}, "invalid parameter: type:"),
    ("/api/events", {"min_confidence": "2"}, "invalid parameter: min_confidence:"),
    ("/api/events", {"quad_class": "5"}, "invalid parameter: quad_class:"),
    ("/api/events", {"include_hypothetical": "perhaps"}, "invalid parameter: include_hypothetical:"),
    ("/api/events", {"actor": "x" * 121}, "invalid parameter: actor:"),
    ("/api/dyad", {"a": "TUR", "b": "RUS", "by": "fortnight"}, "invalid parameter: by:"),
    ("/api/dyad", {"a": "TUR"}, "invalid parameter: b: Field required"),
    ("/api/search", {"q": ""}, "invalid parameter: q:"),
    ("/api/search", {"q": "   "}, "q: give at least one word"),
    ("/api/actors", {"top": 0}, "invalid parameter: top:"),
    ("/api/quotes", {"limit": 1000}, "invalid parameter: limit:"),
    ("/api/events.csv", {"since": "soon"}, "since: 'soon' is not a date"),
])
def test_bad_parameters_are_422_with_a_message(client, path, params, message):
    r = client.get(path, params=params)
    assert r.status_code == 422, r.text
    assert message in r.json()["error"]


def test_bad_ids_are_422_and_unknown_ids_404(client):
    assert client.get("/api/events/not%20an%20id").status_code == 422
    r = client.get("/api/events/0123456789abcdef")
    assert r.status_code == 404 and r.json()["error"] == "no event '0123456789abcdef'"
    assert client.get("/api/articles/0123456789abcdef").status_code == 404
    assert client.get("/api/actors/ZZZGOV").json()["error"] == "no events with actor 'ZZZGOV'"


# -- one event with its evidence ----------------------------------------------------------------------------------

def test_event_detail_shows_every_mention_in_its_passage(client, built):
    eid = event_id_of(client, type="CONSULT")
    ev = client.get(f"/api/events/{eid}").json()
    assert (ev["n_mentions"], ev["n_articles"], ev["n_sources"]) == (3, 3, 3)
    assert ev["first_seen"].startswith("2020-12-29") and ev["place"]["name"] == "Moscow"
    assert {m["article"]["id"] for m in ev["mentions"]} == {built.articles[f"meeting{i}"].id for i in range(3)}
    for m in ev["mentions"]:
        p, e = m["passage"], m["evidence"]
        body = built.articles[next(k for k, a in built.articles.items() if a.id == m["article_id"])].body
        assert p["text"] == body[p["start"]:p["end"]]
        assert p["text"].startswith(MEETING) and "\n\n" not in p["text"]     # the sentence's paragraph
        for span, text in ((e["trigger"], "met"), (e["source"], "Turkish Foreign Minister Mevlut Cavusoglu"),
                           (e["target"], "Russian Foreign Minister Sergey Lavrov")):
            assert span["text"] == text and body[span["start"]:span["end"]] == text


def test_event_detail_by_mention_id_gives_its_event(client, built):
    eid = event_id_of(client, type="CONSULT")
    r = client.get(f"/api/events/{built.mentions['meeting1'].id}")
    assert r.status_code == 200 and r.json()["id"] == eid


# -- CSV ----------------------------------------------------------------------------------------------------------

def test_events_csv_has_the_filtered_events(client):
    r = client.get("/api/events.csv", params={"actor": "RUS"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="tidings-events.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert sorted(x["cameo_code"] for x in rows) == ["040", "112", "190"]
    meeting = next(x for x in rows if x["cameo_code"] == "040")
    assert (meeting["src_code"], meeting["tgt_code"], meeting["n_articles"]) == ("TURGOV", "RUSGOV", "3")


def test_mentions_csv_carries_sentences_and_articles(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events.csv", params={"mentions": "true"}).text)))
    assert len(rows) == 6
    assert sum(x["sentence"] == MEETING for x in rows) == 3
    assert all(x["article_url"].startswith("https://") for x in rows)


# -- articles, actors, dyads, quotes, search -------------------------------------------------------------------------

def test_articles_list_and_detail(client, built):
    items = client.get("/api/articles", params={"limit": 10}).json()["items"]
    assert len(items) == 5 and items[0]["published"] == "2020-12-29"
    assert [a["id"] for a in client.get("/api/articles", params={"site": "daily-wire.example"}).json()["items"]] \
        == [built.articles["meeting1"].id, built.articles["trade"].id]
    art = built.articles["idlib"]
    r = client.get(f"/api/articles/{art.id}").json()
    assert r["article"]["body"] == art.body and r["article"]["url"] == art.url
    assert [(e["label"], e["text"]) for e in r["entities"]] == [("GPE", "Idlib"), ("GPE", "Ankara")]
    assert sorted(e["evidence"]["trigger"]["text"] for e in r["events"]) == ["accused", "sign", "struck"]
    assert next(e for e in r["events"] if e["cameo"]["code"] == "057")["context"]["hypothetical"] is True
    q = client.get(f"/api/articles/{built.articles['meeting0'].id}").json()["quotes"][0]
    assert q["content"]["text"] == "We have agreed on the next steps," and q["speaker"]["name"] == "Lavrov"


def test_actors_top(client):
    items = client.get("/api/actors", params={"top": 2}).json()["items"]
    assert [(a["code"], a["n"], a["as_source"], a["as_target"]) for a in items] == [
        ("TURGOV", 4, 2, 2), ("RUSGOV", 2, 1, 1)]


def test_actor_network_and_partners(client):
    r = client.get("/api/actors/TURGOV").json()
    assert r["actor"] == {"code": "TURGOV", "name": "Turkish government", "country": "TUR", "sector": None}
    assert (r["n_events"], r["as_source"], r["as_target"]) == (4, 2, 2)
    assert [(p["code"], p["events"], p["out"], p["in"], p["goldstein"]) for p in r["partners"]] == [
        ("RUSGOV", 2, 1, 1, -0.5), ("RUSMIL", 1, 1, 0, -10.0), ("USAGOV", 1, 0, 1, 6.4)]
    assert [(e["source"], e["target"], e["events"]) for e in r["edges"]] == [
        ("TURGOV", "RUSGOV", 2), ("TURGOV", "RUSMIL", 1), ("TURGOV", "USAGOV", 1)]
    assert len(r["events"]) == 4
    assert client.get("/api/actors/TUR", params={"top": 1}).json()["partners"][0]["code"] == "RUSGOV"


def test_dyad_by_week_both_directions_on_one_gap_free_axis(client):
    d = client.get("/api/dyad", params={"a": "TUR", "b": "RUS", "by": "week"}).json()
    assert d["by"] == "week" and len(d["ab"]) == len(d["ba"]) == 13      # 2020-10-05 .. 2020-12-28
    assert d["ab"][0] == {"period": "2020-10-05", "start": "2020-10-05", "end": "2020-10-11", "n": 1,
                          "counts": {"1": 0, "2": 0, "3": 0, "4": 1}, "goldstein": -10.0}
    assert d["ba"][1]["period"] == "2020-10-12" and d["ba"][1]["counts"]["3"] == 1
    assert d["ab"][-1]["counts"]["1"] == 1 and d["ab"][5]["n"] == 0 and d["ab"][5]["goldstein"] is None
    assert d["totals"]["ab"]["n"] == 2 and d["totals"]["ab"]["goldstein"] == -4.5
    assert d["totals"]["ba"]["n"] == 1


def test_dyad_by_month_and_with_filters(client):
    d = client.get("/api/dyad", params={"a": "TUR", "b": "RUS", "by": "month"}).json()
    assert [(p["period"], p["start"], p["end"], p["n"]) for p in d["ab"]] == [
        ("2020-10", "2020-10-01", "2020-10-31", 1), ("2020-11", "2020-11-01", "2020-11-30", 0),
        ("2020-12", "2020-12-01", "2020-12-31", 1)]
    d = client.get("/api/dyad", params={"a": "TUR", "b": "RUS", "by": "month", "include_hypothetical": "true",
                                        "type": "AGREE"}).json()
    assert [(p["period"], p["counts"]["1"]) for p in d["ab"]] == [("2020-10", 1)]
    assert client.get("/api/dyad", params={"a": "TUR", "b": "RUS", "by": "day", "mentions": "true"}
                      ).json()["totals"]["ab"]["n"] == 4                 # three reports of the meeting + the strike


def test_dyad_drill_down_lists_the_events_of_a_point(client):
    p = client.get("/api/dyad", params={"a": "TUR", "b": "RUS", "by": "week"}).json()["ab"][0]
    r = client.get("/api/events", params={"source": "TUR", "target": "RUS", "since": p["start"], "until": p["end"]})
    assert [e["cameo"]["code"] for e in r.json()["items"]] == ["190"]


def test_quotes_by_speaker(client):
    r = client.get("/api/quotes", params={"speaker": "lavrov"}).json()
    assert len(r["items"]) == 3 and r["items"][0]["content"]["text"] == "We have agreed on the next steps,"
    assert len(client.get("/api/quotes", params={"speaker": "RUSGOV"}).json()["items"]) == 3
    assert client.get("/api/quotes", params={"speaker": "Nobody"}).json()["items"] == []
    assert len(client.get("/api/quotes").json()["items"]) == 3


def test_search(client, built):
    r = client.get("/api/search", params={"q": "ceasefire Idlib"}).json()
    assert [a["id"] for a in r["items"]] == [built.articles["idlib"].id]
    assert "[" in r["items"][0]["snippet"]
    # FTS syntax in user text is taken as words, never an SQL/FTS error
    assert client.get("/api/search", params={"q": 'steel" OR (NEAR'}).status_code == 200
    assert client.get("/api/search", params={"q": "nothing-matches-this"}).json()["items"] == []


# -- docs, pages, headers ----------------------------------------------------------------------------------------

def test_openapi_lists_every_read_endpoint_and_no_write_without_token(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert set(paths) == {"/api/overview", "/api/events", "/api/events.csv", "/api/events/{event_id}",
                          "/api/articles", "/api/articles/{article_id}", "/api/actors", "/api/actors/{code}",
                          "/api/dyad", "/api/quotes", "/api/search"}
    assert client.post("/ingest", json={"urls": ["https://example.org/"]}).status_code in (404, 405)
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui-bundle.js" in docs.text


@pytest.mark.parametrize("path", ["/", "/events", "/events/abc", "/dyad?a=TUR&b=RUS", "/actors/TURGOV",
                                  "/articles/abc", "/search?q=x", "/docs", "/api/overview",
                                  "/static/js/common.js"])
def test_every_response_carries_a_strict_csp(client, path):
    r = client.get(path)
    assert r.status_code == 200
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "object-src 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_pages_have_no_inline_script_or_handler(client):
    import re
    for path in ["/", "/events", "/events/abc", "/dyad", "/actors/TURGOV", "/articles/abc", "/search", "/docs"]:
        html = client.get(path).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
        assert not re.search(r"\son[a-z]+\s*=", html), path
        assert "style=" not in html and "<style" not in html, path


def test_page_ids_from_the_url_are_escaped(client):
    r = client.get('/actors/"><img src=x onerror=alert(1)>')
    assert r.status_code == 200
    assert "<img src=x" not in r.text and 'data-code="&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"' in r.text


def test_unknown_pages_are_404_pages(client):
    r = client.get("/no/such/page")
    assert r.status_code == 404 and "<h1>Not found</h1>" in r.text
    assert client.get("/api/nothing").json() == {"error": "Not Found", "detail": "Not Found"}


def test_vendored_libraries_ship_with_their_licenses(client):
    for f in ("chart.umd.min.js", "cytoscape.min.js", "swagger-ui-bundle.js", "LICENSE.chart.js.md",
              "LICENSE.cytoscape.txt", "LICENSE.swagger-ui.txt"):
        assert client.get(f"/static/vendor/{f}").status_code == 200, f


# -- the write endpoint and its token -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def writable(tmp_path_factory):
    path = tmp_path_factory.mktemp("write") / "write.db"
    with TestClient(create_app(path, token="s3cret-token")) as c:
        yield c


def test_ingest_needs_the_token(writable):
    page = {"pages": [{"content": "<html><body><p>Hello.</p></body></html>"}]}
    r = writable.post("/ingest", json=page)
    assert r.status_code == 401 and "needs a token" in r.json()["error"]
    assert r.headers["www-authenticate"] == "Bearer"
    assert writable.post("/ingest", json=page, headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert writable.post("/ingest", json=page, headers={"X-Tidings-Token": "s3cret-token-x"}).status_code == 403
    # authorised but malformed: validated after the token
    r = writable.post("/ingest", json={}, headers={"Authorization": "Bearer s3cret-token"})
    assert r.status_code == 422 and "give 'pages' or 'urls'" in r.json()["error"]
    r = writable.post("/ingest", json={"urls": ["javascript:alert(1)"]}, headers={"X-Tidings-Token": "s3cret-token"})
    assert r.status_code == 422 and "urls.0" in r.json()["error"]
    assert "/ingest" in writable.get("/openapi.json").json()["paths"]
    r = writable.post("/ingest", content=b"{}", headers={"Authorization": "Bearer s3cret-token",
                                                         "Content-Type": "application/json",
                                                         "Content-Length": str(65 * 1024 * 1024)})
    assert r.status_code == 413


def test_token_from_environment(tmp_path, monkeypatch, built):
    monkeypatch.setenv("TIDINGS_TOKEN", "from-env")
    with TestClient(create_app(built.path)) as c:
        assert c.post("/ingest", json={"urls": []}).status_code == 401
        assert c.post("/ingest", json={"urls": []}, headers={"Authorization": "Bearer from-env"}).status_code == 422


def test_counts_follow_new_data_from_another_writer(tmp_path):
    """The per-thread count cache is dropped when another connection commits (an ingest)."""
    from tidings.store import Store
    from webdata import make_analysis, make_article, make_event
    built = build_store(tmp_path / "grow.db")
    with TestClient(create_app(built.path)) as c:
        assert [c.get("/api/events", params={"actor": "USA"}).json()["total"] for _ in range(4)] == [1] * 4
        art = make_article("More trade", "Washington will cooperate with Ankara on ships.", None, None, "2021-02-01")
        with Store(built.path) as st:
            st.add(make_analysis(art, [make_event(art, art.body, "USAGOV", "Washington", "TURGOV", "Ankara",
                                                  "cooperate", "061")]))
        assert [c.get("/api/events", params={"actor": "USA"}).json()["total"] for _ in range(4)] == [2] * 4


def test_missing_store_without_token_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no store at"):
        create_app(tmp_path / "missing.db", token="")


@pytest.mark.slow
def test_ingest_with_the_token_runs_the_pipeline_into_the_store(writable):
    body = ("Turkish Foreign Minister Mevlut Cavusoglu met Russian Foreign Minister Sergey Lavrov in Moscow on "
            "Tuesday, the Turkish foreign ministry said. The two ministers discussed the delivery of the S-400 "
            "missile system and the situation in Syria.")
    page = {"url": "https://example.org/2020/12/29/talks", "title": "Turkey and Russia talk",
            "published": "2020-12-29", "format": "text", "clean": True, "content": body}
    auth = {"Authorization": "Bearer s3cret-token"}
    r = writable.post("/ingest", json={"pages": [page]}, headers=auth)
    assert r.status_code == 200, r.text
    out = r.json()
    assert len(out["added"]) == 1 and out["errors"] == []
    art = writable.get(f"/api/articles/{out['added'][0]}").json()["article"]
    assert art["title"] == "Turkey and Russia talk" and art["body"].startswith("Turkish Foreign Minister")
    again = writable.post("/ingest", json={"pages": [page]}, headers=auth).json()
    assert again["skipped"] == out["added"] and again["added"] == []


def test_passage_is_whole_sentences_around_the_evidence():
    from tidings.web.api import passage
    sents, body, pos = [], "", 0
    for i in range(10):
        s = f"Sentence number {i} says something rather long about the talks."
        sents.append({"start": pos, "end": pos + len(s), "text": s})
        body += s + " "
        pos += len(s) + 1
    body = body.rstrip() + "\n\nNext paragraph."
    p = passage(body, sents, sents[5]["start"], sents[5]["end"])
    assert p["text"] == " ".join(s["text"] for s in sents[3:8]) and p["start"] == sents[3]["start"]
    p = passage(body, sents, sents[0]["start"], sents[0]["end"])
    assert p["text"] == " ".join(s["text"] for s in sents[0:3])
    assert passage(body, sents, sents[5]["start"], sents[5]["end"], around=0)["text"] == sents[5]["text"]
    # without a sentence table: the paragraph, or a cut at spaces when it is too long
    long_body = " ".join(f"word{i}" for i in range(1000))
    start = long_body.index("word500")
    p = passage(long_body, [], start, start + 7)
    assert len(p["text"]) <= 1500 and p["text"].startswith("word") and not p["text"].endswith(" ")
    assert "word500" in p["text"]

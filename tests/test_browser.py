"""The dashboard in a real browser: Playwright driving Debian's Chromium against a real uvicorn server.

Two stores: one built from hand-made records (every string known, so assertions are exact) and one
ingested from the bundled samples with `tidings ingest` (assertions derived from the API, which
tests/test_api.py checks exactly). Screenshots go to artifacts/screenshots/.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from webdata import (MEETING, SCREENSHOTS, LiveServer, PageProblems, build_store,
                     skip_without_chromium)

skip_without_chromium()

from playwright.sync_api import expect  # noqa: E402

from tidings.web import create_app  # noqa: E402

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[1]
SAMPLES_TIMEOUT = int(os.environ.get("TIDINGS_TEST_INGEST_TIMEOUT", "420"))


@pytest.fixture(scope="module")
def records_site(tmp_path_factory):
    built = build_store(tmp_path_factory.mktemp("browser") / "records.db")
    with LiveServer(create_app(built.path)) as srv:
        yield srv, built


@pytest.fixture(scope="module")
def samples_site(tmp_path_factory):
    """The bundled samples through the whole pipeline with `tidings ingest` into a fresh store."""
    db = tmp_path_factory.mktemp("browser") / "samples.db"
    cmd = [sys.executable, "-c", "from tidings.cli import main; main()", "ingest", str(REPO / "samples"), "--db", str(db), "--json",
           "--no-progress"]
    try:
        proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=SAMPLES_TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.skip(f"`tidings ingest samples/` took longer than {SAMPLES_TIMEOUT}s")
    if not db.exists():
        pytest.skip(f"`tidings ingest samples/` made no store (exit {proc.returncode}): {proc.stderr[-500:]}")
    with LiveServer(create_app(db)) as srv:
        yield srv


def new_page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    return page, PageProblems(page)


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def api(page, path: str) -> dict:
    return page.evaluate("p => fetch(p).then(r => r.json())", path)


def click_first_bar(page) -> dict:
    """Click the first period with events on the A->B chart (else B->A); returns that point's label."""
    point = page.evaluate("""() => {
        for (const id of ["chart-ab", "chart-ba"]) {
            const chart = Chart.getChart(document.getElementById(id));
            const data = chart.data.datasets.slice(0, 4);
            const idx = chart.data.labels.findIndex((_, i) => data.some(d => d.data[i] > 0));
            if (idx < 0) continue;
            const box = chart.canvas.getBoundingClientRect();
            const x = chart.scales.x.getPixelForValue(idx);
            const y = (chart.chartArea.top + chart.chartArea.bottom) / 2;
            return {id, label: chart.data.labels[idx], x: box.left + x, y: box.top + y};
        }
        return null;
    }""")
    assert point, "no period with events on either chart"
    page.mouse.click(point["x"], point["y"])
    return point


def walk_overview_to_article(page, base: str, name: str) -> dict:
    """overview -> a dyad -> an event behind a bar -> the article of its first evidence; returns what was seen."""
    page.goto(base + "/")
    link = page.locator("#dyads a.dyad-link").first
    expect(link).to_be_visible()
    shot(page, f"{name}-1-overview")
    link.click()

    page.wait_for_url(re.compile(r"/dyad\?"))
    expect(page.locator("#chart-ab")).to_have_attribute("data-points", re.compile(r"^[1-9]"))
    point = click_first_bar(page)
    expect(page.locator("#drill")).to_be_visible()
    expect(page.locator("#drill-title")).to_contain_text(point["label"])
    first_event = page.locator("#drill-events tbody tr a[href^='/events/']").first
    expect(first_event).to_be_visible()
    shot(page, f"{name}-2-dyad")
    first_event.click()

    page.wait_for_url(re.compile(r"/events/[0-9a-f]+$"))
    event_id = page.url.rsplit("/", 1)[1]
    ev = api(page, f"/api/events/{event_id}")
    first = page.locator(".evidence-item").first
    expect(first).to_be_visible()
    expect(page.locator(".evidence-item")).to_have_count(len(ev["mentions"]))
    m = ev["mentions"][0]
    evidence = m["evidence"]
    expect(first.locator("mark.hl-trigger").first).to_have_text(evidence["trigger"]["text"])
    if evidence["source"]:
        expect(first.locator("mark.hl-source").first).to_have_text(evidence["source"]["text"])
    if evidence["target"]:
        expect(first.locator("mark.hl-target").first).to_have_text(evidence["target"]["text"])
    expect(first.locator(".passage")).to_contain_text(evidence["sentence"])
    shot(page, f"{name}-3-event")
    first.locator("a.article-link").click()

    page.wait_for_url(re.compile(r"/articles/[0-9a-f]+#at-\d+$"))
    focus = page.locator("#body p.focus")
    expect(focus).to_be_visible()
    expect(focus).to_contain_text(evidence["sentence"])
    triggers = focus.locator("mark.hl-trigger")
    assert evidence["trigger"]["text"] in triggers.all_text_contents()
    shot(page, f"{name}-4-article")
    return {"event": ev, "mention": m}


# -- the hand-built store: exact texts -------------------------------------------------------------------------

def test_click_through_overview_dyad_event_article(browser, records_site):
    srv, built = records_site
    page, problems = new_page(browser)
    seen = walk_overview_to_article(page, srv.url, "records")
    # the first dyad is TUR->RUS; its first week holds the drone strike
    ev, m = seen["event"], seen["mention"]
    assert ev["cameo"]["code"] == "190"
    assert m["evidence"]["sentence"] == "Turkish drones struck Russian positions near the border."
    focus = page.locator("#body p.focus")
    expect(focus.locator("mark.hl-trigger")).to_have_text(["accused", "struck", "sign"])
    assert page.locator("#facts a[href^='https://']").get_attribute("href") == built.articles["idlib"].url
    assert problems.items == []


def test_event_page_shows_all_three_reports_with_highlights(browser, records_site):
    srv, built = records_site
    page, problems = new_page(browser)
    page.goto(srv.url + "/events?type=CONSULT")
    row_link = page.locator("#events tbody a[href^='/events/']").first
    expect(row_link).to_be_visible()
    row_link.click()
    items = page.locator(".evidence-item")
    expect(items).to_have_count(3)
    for i in range(3):
        item = items.nth(i)
        expect(item.locator("mark.hl-source")).to_have_text("Turkish Foreign Minister Mevlut Cavusoglu")
        expect(item.locator("mark.hl-trigger")).to_have_text("met")
        expect(item.locator("mark.hl-target")).to_have_text("Russian Foreign Minister Sergey Lavrov")
        # the sentence is shown inside its paragraph of the article
        expect(item.locator(".passage")).to_have_text(MEETING + " The two ministers discussed the S-400 delivery schedule.")
    sites = sorted(t.split(" · ")[1] for t in items.locator(".meta").all_inner_texts())
    assert sites == ["daily-wire.example", "example-news.org", "world-report.example"]
    expect(page.locator("#facts")).to_contain_text("3 mentions in 3 articles from 3 sources")
    records = page.locator(".actor-record")
    expect(records).to_have_count(2)
    expect(records.nth(0)).to_contain_text("Turkish government")
    expect(records.nth(0)).to_contain_text("4 (2 as source, 2 as target)")
    expect(records.nth(1)).to_contain_text("Russian government")
    shot(page, "records-event-three-reports")
    assert problems.items == []


def test_events_page_filters_paginates_and_downloads_csv(browser, records_site):
    srv, _ = records_site
    page, problems = new_page(browser)
    page.goto(srv.url + "/events")
    expect(page.locator("#status")).to_have_text("4 events match.")
    page.fill("input[name=actor]", "RUS")
    page.check("input[name=include_hypothetical]")
    page.click("#filters button[type=submit]")
    page.wait_for_url(re.compile(r"actor=RUS"))
    expect(page.locator("#status")).to_have_text("4 events match.")
    expect(page.locator("#events tbody tr")).to_have_count(4)
    expect(page.locator("input[name=actor]")).to_have_value("RUS")
    expect(page.locator("#events tbody .tag.warn")).to_have_text(["hypothetical"])
    with page.expect_download() as dl:
        page.click("#csv")
    text = Path(dl.value.path()).read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("id,date,date_end,src_code")
    assert len(text.strip().splitlines()) == 5
    shot(page, "records-events-filtered")
    page.goto(srv.url + "/events?since=2020-10-01&until=2020-10-31&min_confidence=0.75")
    expect(page.locator("#status")).to_have_text("1 events match.")
    page.goto(srv.url + "/events?limit=2")            # the page size is fixed; offsets page through
    page.goto(srv.url + "/events?offset=2")
    expect(page.locator("#range")).to_have_text("3–4 of 4")
    expect(page.locator("#prev")).to_have_attribute("href", "/events")
    expect(page.locator("#next")).to_have_attribute("aria-disabled", "true")
    page.goto(srv.url + "/events?since=not-a-date")
    expect(page.locator("#status")).to_have_text("Error: since: 'not-a-date' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    assert [p for p in problems.items if "422" not in p] == []


def test_actor_page_network_and_partners(browser, records_site):
    srv, _ = records_site
    page, problems = new_page(browser)
    page.goto(srv.url + "/actors/TURGOV")
    net = page.locator("#network")
    expect(net).to_have_attribute("data-edges", "3")
    expect(net).to_have_attribute("data-nodes", "4")
    expect(net.locator("canvas").first).to_be_visible()
    expect(page.locator("#partners tbody tr")).to_have_count(3)
    expect(page.locator("#partners tbody tr").first).to_contain_text("RUSGOV")
    colours = page.evaluate("""() => {
        const cy = document.getElementById('network')._cyreg.cy;
        return Object.fromEntries(cy.edges().map(e => [e.target().id(), [e.data('colour'), e.data('width')]]));
    }""")
    assert colours["RUSMIL"][0] == "rgb(179,38,30)"          # Goldstein -10: full conflict red
    assert colours["USAGOV"][0].startswith("rgb(") and colours["RUSGOV"][1] > colours["USAGOV"][1]
    shot(page, "records-actor")
    assert problems.items == []


def test_dyad_by_month_both_directions(browser, records_site):
    srv, _ = records_site
    page, problems = new_page(browser)
    page.goto(srv.url + "/dyad?a=TUR&b=RUS&by=month")
    expect(page.locator("#chart-ab")).to_have_attribute("data-points", "3")
    expect(page.locator("#chart-ba")).to_have_attribute("data-points", "3")
    expect(page.locator("#ba-title")).to_have_text("RUS → TUR")
    labels = page.evaluate("() => Chart.getChart(document.getElementById('chart-ba')).data.labels")
    assert labels == ["2020-10", "2020-11", "2020-12"]
    shot(page, "records-dyad-month")
    assert problems.items == []


def test_search_and_quotes(browser, records_site):
    srv, built = records_site
    page, problems = new_page(browser)
    page.goto(srv.url + "/search?q=ceasefire&speaker=Lavrov")
    expect(page.locator("#results li a")).to_have_text(["Tensions rise over Idlib"])
    expect(page.locator("#quotes li .quote-text")).to_have_count(3)
    expect(page.locator("#quotes li .quote-text").first).to_have_text("\u201cWe have agreed on the next steps,\u201d")
    shot(page, "records-search")
    assert problems.items == []


def test_docs_page_renders_under_the_csp(browser, records_site):
    srv, _ = records_site
    page, problems = new_page(browser)
    page.goto(srv.url + "/docs")
    expect(page.locator(".opblock-summary-path").first).to_be_visible(timeout=15000)
    assert page.locator(".opblock-summary-path").count() == 11
    shot(page, "records-docs")
    assert [p for p in problems.items if "Content Security Policy" in p or "pageerror" in p] == []


# -- the bundled samples through the whole pipeline --------------------------------------------------------------

@pytest.mark.slow
def test_samples_every_page_loads_and_clicks_through(browser, samples_site):
    srv = samples_site
    page, problems = new_page(browser)
    page.goto(srv.url + "/")
    overview = api(page, "/api/overview")
    if not overview["top_dyads"]:
        pytest.skip(f"the samples gave no dyad between two countries: {json.dumps(overview['counts'])}")
    seen = walk_overview_to_article(page, srv.url, "samples")
    a = api(page, f"/api/articles/{seen['mention']['article_id']}")
    expect(page.locator("#headline")).to_have_text(a["article"]["title"] or "(untitled article)")
    if a["entities"]:
        expect(page.locator("#body mark.hl-entity").first).to_be_visible()
    top = overview["top_dyads"][0]
    for name, path in [("events", "/events"), ("actor", f"/actors/{overview['top_actors'][0]['code']}"),
                       ("search", "/search?q=minister"),
                       ("dyad-month", f"/dyad?a={top['a']['code']}&b={top['b']['code']}&by=month")]:
        page.goto(srv.url + path)
        page.wait_for_load_state("networkidle")
        assert page.locator(".status.error").count() == 0, (path, page.locator(".status.error").all_inner_texts())
        shot(page, f"samples-{name}")
    expect(page.locator("#chart-ab")).to_have_attribute("data-points", re.compile(r"^[1-9]"))
    assert problems.items == []

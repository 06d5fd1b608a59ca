"""Hostile text in the store never runs in the dashboard and shows literally.

Article titles, bodies, quotes, actor names and URLs are attacker-controlled. A store is filled
with `<script>`, `<img onerror>`, `<svg onload>` and `javascript:` payloads that would set
``window.__xss``; every page is loaded in Chromium, and the flag must stay unset, no element or
handler from the payloads may exist in the DOM, and the payload text must be shown as text.
"""
from __future__ import annotations

import pytest

from webdata import (LiveServer, PageProblems, find, make_analysis, make_article,
                     make_event, make_quote, skip_without_chromium)

skip_without_chromium()

from playwright.sync_api import expect  # noqa: E402

from tidings.records import Actor, Entity  # noqa: E402
from tidings.web import create_app  # noqa: E402

pytestmark = pytest.mark.browser

TITLE = "<script>window.__xss='title'</script>Talks <img src=x onerror=\"window.__xss='title-img'\">"
IMG = "<img src=x onerror=\"window.__xss='body'\">"
SCRIPT = "<script>window.__xss='body-script'</script>"
JS_URL = "javascript:window.__xss='url'"
QUOTE = "<svg onload=\"window.__xss='quote'\"> we will meet again <a href=\"javascript:window.__xss='qa'\">now</a>"
SENTENCE = f"Turkish Foreign Minister Mevlut Cavusoglu met Russian Foreign Minister Sergey Lavrov {IMG} in Moscow."
BODY = (f"{SENTENCE} {SCRIPT} Officials said the talks went well.\n\n"
        f"\"{QUOTE},\" Lavrov said after the talks. See {JS_URL} for more.")
EVIL_NAME = "Evil <img src=x onerror=\"window.__xss='actor'\"> Ministry"


def hostile_analysis():
    art = make_article(TITLE, BODY, JS_URL, "evil.example", "2021-01-05")
    ev = make_event(art, SENTENCE, "TURGOV", "Turkish Foreign Minister Mevlut Cavusoglu", "RUSGOV",
                    "Russian Foreign Minister Sergey Lavrov", "met", "040")
    ev.source.actor = Actor("TURGOV", "TUR", "GOV", EVIL_NAME)
    q = make_quote(art, QUOTE + ",", "Lavrov", "said", "RUSGOV")
    a = make_analysis(art, [ev], [q], [("PERSON", "Sergey Lavrov"), ("GPE", "Moscow")])
    s, e = find(BODY, IMG)
    a.entities.append(Entity("ORG", s, e, IMG))
    return a


HOSTILE_HTML = """<!doctype html><html><head><title>&lt;script&gt;window.__xss='html-title'&lt;/script&gt; Minister talks</title>
<meta property="og:title" content="&lt;img src=x onerror=&quot;window.__xss='og'&quot;&gt; Minister talks"></head>
<body><article><h1>&lt;img src=x onerror="window.__xss='h1'"&gt; Minister talks</h1>
<p>Turkish Foreign Minister Mevlut Cavusoglu met Russian Foreign Minister Sergey Lavrov in Moscow on Tuesday,
the ministry said. &lt;script&gt;window.__xss='html-body'&lt;/script&gt; The two ministers discussed the delivery of
the S-400 missile system and the situation in Syria at length.</p>
<p>"We will not accept &lt;img src=x onerror="window.__xss='html-quote'"&gt; any delay," Lavrov told reporters after
the meeting, adding that javascript:window.__xss='html-js' was not a plan.</p>
<p>Cavusoglu said Turkey would continue to work with Russia on the delivery of the missile system next year.</p>
</article></body></html>"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from tidings.store import Store
    path = tmp_path_factory.mktemp("xss") / "xss.db"
    with Store(path) as st:
        st.add(hostile_analysis())
    with LiveServer(create_app(path, token="xss-test-token")) as srv:
        yield srv


INJECTED = """() => {
    const on = [...document.querySelectorAll('*')].filter(n => [...n.attributes].some(a => a.name.startsWith('on')));
    const scripts = [...document.scripts].filter(s => !s.src || !s.src.startsWith(location.origin + '/static/'));
    return {
        flag: window.__xss === undefined ? null : String(window.__xss),
        handlers: on.map(n => n.outerHTML.slice(0, 80)),
        scripts: scripts.map(s => s.outerHTML.slice(0, 80)),
        imgs: document.querySelectorAll('img, svg:not(.swagger-ui svg), iframe, object, embed').length,
        jsLinks: [...document.querySelectorAll('a[href]')].filter(a => !/^https?:/.test(a.href)).map(a => a.href),
    };
}"""


def assert_clean(page, where: str) -> None:
    page.wait_for_load_state("networkidle")
    page.mouse.move(300, 300)
    page.mouse.move(600, 500)
    got = page.evaluate(INJECTED)
    assert got == {"flag": None, "handlers": [], "scripts": [], "imgs": 0, "jsLinks": []}, where


def test_no_payload_runs_and_the_text_shows_literally(browser, site):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems = PageProblems(page)
    base = site.url
    page.goto(base + "/")
    row = page.locator("#recent tbody tr").first
    expect(row).to_contain_text(IMG)
    assert_clean(page, "overview")

    page.goto(base + "/events")
    expect(page.locator("#events tbody tr").first.locator("td.evidence")).to_have_text(SENTENCE)
    assert_clean(page, "events")
    event_href = page.locator("#events tbody a[href^='/events/']").first.get_attribute("href")

    page.goto(base + event_href)
    item = page.locator(".evidence-item").first
    expect(item.locator(".passage")).to_contain_text(SENTENCE + " " + SCRIPT)
    expect(item.locator(".article-link")).to_have_text(TITLE)
    expect(item.locator(".meta")).to_contain_text(JS_URL)          # shown as text, not as a link
    expect(page.locator(".actor-record").first).to_contain_text(EVIL_NAME)
    assert_clean(page, "event")
    article_href = item.locator(".article-link").get_attribute("href")

    page.goto(base + article_href)
    expect(page.locator("#headline")).to_have_text(TITLE)
    expect(page).to_have_title(TITLE + " · tidings")
    body = page.locator("#body")
    expect(body).to_contain_text(SENTENCE)
    expect(body).to_contain_text(QUOTE)
    expect(body.locator("mark.hl-entity", has_text=IMG)).to_have_count(1)
    expect(body.locator("mark.hl-quote").first).to_contain_text("<svg onload=")
    expect(page.locator("#facts")).to_contain_text(JS_URL)
    expect(page.locator("#article-quotes .quote-text")).to_have_text(["\u201c" + QUOTE + ",\u201d"])
    assert_clean(page, "article")

    page.goto(base + "/actors/TURGOV")
    expect(page.locator("#headline")).to_have_text("TURGOV · " + EVIL_NAME)
    assert_clean(page, "actor")

    page.goto(base + "/search?q=window+xss&speaker=Lavrov")
    expect(page.locator("#results li a").first).to_have_text(TITLE)
    expect(page.locator("#quotes li .quote-text")).to_have_text(["\u201c" + QUOTE + ",\u201d"])
    assert_clean(page, "search")

    page.goto(base + "/dyad?a=TUR&b=RUS&by=week")
    page.locator("#chart-ab[data-points]").wait_for(state="attached")
    assert_clean(page, "dyad")

    # ids and parameters from the URL are hostile too
    page.goto(base + "/dyad?a=" + "%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D1%3E" + "&b=RUS")
    expect(page.locator("#headline")).to_contain_text("<img src=x onerror=window.__xss=1>")
    assert_clean(page, "dyad from url")
    page.goto(base + "/actors/%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D1%3E")
    assert_clean(page, "actor from url")
    assert [p for p in problems.items if "404" not in p] == []


@pytest.mark.slow
def test_hostile_page_through_the_real_pipeline(browser, site):
    """A hostile HTML page ingested with POST /ingest (extract, spaCy, quotes, coder, store)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems = PageProblems(page)
    res = page.request.post(site.url + "/ingest", headers={"Authorization": "Bearer xss-test-token"},
                            data={"pages": [{"content": HOSTILE_HTML, "url": "https://evil.example/talks",
                                             "format": "html", "published": "2021-01-06"}]})
    assert res.status == 200, res.text()
    out = res.json()
    assert len(out["added"]) == 1, out
    art = page.request.get(site.url + f"/api/articles/{out['added'][0]}").json()
    assert "<script>window.__xss='html-body'</script>" in art["article"]["body"]
    page.goto(site.url + f"/articles/{out['added'][0]}")
    expect(page.locator("#body")).to_contain_text("<script>window.__xss='html-body'</script>")
    expect(page.locator("#body")).to_contain_text("<img src=x onerror=\"window.__xss='html-quote'\">")
    expect(page.locator("#headline")).to_contain_text("Minister talks")
    assert_clean(page, "ingested article")
    page.goto(site.url + "/search?q=minister+talks")
    expect(page.locator("#results li").first).to_be_visible()
    assert_clean(page, "search ingested")
    page.goto(site.url + "/events?include_hypothetical=true")
    assert_clean(page, "events ingested")
    assert [p for p in problems.items if "404" not in p] == []

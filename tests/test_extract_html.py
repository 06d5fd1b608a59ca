"""HTML article path: body from two extractors' opinions, headline without site suffix, metadata."""
from __future__ import annotations

import json
import re
import statistics
import sys

import pytest

from tidings.extract import extract
from tidings.extract.html import extract_html, parse_html
from tidings.extract.html_blocks import Block, blocks_of
from tidings.extract.html_select import select_body
from tidings.extract.result import ExtractError
from tidings.extract.title import headline, page_metadata
from tidings.records import Page
from tidings.settings import Settings

WORD = re.compile(r"\w+")
SETTINGS = Settings()

# L3S-GN1 pages of different sites (from every 7th page of the set)
SAMPLE = {
    "087f7e09-127b-4637-a436-139e0aa00217": "Murph's Turf: Performance enhancers not just for athletes",
    "0cb28c3b-4bc4-445e-ad3f-f16eb15d3956": "Apple updates MacPros and Xserves, doubles performance.",
    "10abe0fd-d700-41a5-932c-6252b9c65b7e": "Wrong-way driver halted",
    "16a1fc25-accc-4451-ae8a-b6e1d378eef3": "Riley unlikely to return as NBA Heat coach: report",
    "1a2a4da8-8307-4d2b-b3d4-8762a4ee443e": "Choi three-shot winner over Sabbatini in Sony",
    "29721ba8-332a-436e-87d4-ff3c017bc2ef": "Gang member taunts police in video",
    "02841370-c748-4afe-93c7-1c40436f37b6": "Aussies need doubles win at Hopman Cup",
    "3810ea2e-4d86-4ec2-908c-143f3832cdff": "Say Hello To the World's Cheapest Car - The $2,500 Nano",
    "3a247e29-59e7-4384-be98-543a9e4de6cc": "NHL roundup: Sunday's action on the ice",
}


@pytest.fixture(scope="module")
def l3s(shared_dir):
    folder = shared_dir / "dev" / "extract" / "l3s-gn1"
    gold = {}
    for line in (folder / "gold.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        gold[row["id"]] = row
    return folder, gold


def _read(folder, row):
    path = folder / f"{row['id']}.html"
    return extract(Page(source=str(path), content=path.read_bytes(), url=row["url"], hint="html"), SETTINGS)


@pytest.mark.parametrize("page_id", sorted(SAMPLE))
def test_dev_page_body_and_title(l3s, page_id):
    folder, gold = l3s
    row = gold[page_id]
    art = _read(folder, row)
    assert art.title == SAMPLE[page_id]
    assert art.format == "html"
    body_words, gold_words = WORD.findall(art.body), WORD.findall(row["body"])
    # starts with the gold's first words (no headline, byline, date line before it) ...
    assert body_words[:8] == gold_words[:8]
    # ... and ends with its last words (no comments, related links, footer after it)
    assert body_words[-8:] == gold_words[-8:]
    assert art.title not in art.body.split("\n\n")[0]
    assert art.published and re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", art.published)
    assert art.published_from in {"json-ld", "meta", "url", "time", "page", "text"}


def test_dev_sample_mean_f1(l3s, shared_dir):
    """Every 20th page of L3S-GN1: mean token F1 as the project's scorer computes it."""
    sys.path.insert(0, str(shared_dir / "bench"))
    from extract_score import prf

    folder, gold = l3s
    rows = list(gold.values())[::20]
    scores = []
    for row in rows:
        try:
            body = _read(folder, row).body
        except ExtractError:
            body = ""
        scores.append(prf(row["body"], body)[2])
    assert statistics.mean(scores) >= 0.90
    assert sum(f < 0.5 for f in scores) <= 2


# ---------------------------------------------------------------- handcrafted pages

ARTICLE = """<html lang="en-GB"><head><title>{title}</title>{head}</head><body>
<div id="nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></div>
<div class="article"><h1>Ministers agree on a new border deal</h1>
<p class="byline">By Jane Doe</p>
<p>The ministers of both countries agreed on Tuesday to reopen the border crossings that were closed
last spring, officials said after a meeting that lasted most of the night.</p>
<p>The agreement allows trucks carrying food and medicine to pass without inspection delays, and it
sets up a joint commission that will meet every month to settle disputes.</p>
<p>"This is a good day for the people who live on both sides of the border," the foreign minister
told reporters outside the building, adding that more talks would follow in June.</p>
<p>Opposition leaders criticised the deal, saying parliament had not been consulted and that the
commission would have no power to enforce its decisions on either government.</p>
</div>
<div class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Border closed after protests</a></li><li><a href="/b">Trade talks stall again</a></li>
<li><a href="/c">Minister visits capital</a></li></ul></div>
<div id="comments"><h3>Comments</h3>
<p>I think this deal is a disgrace and the government should be ashamed of what it has signed today.</p>
<p>Finally some good news from the region, let us hope it lasts longer than the last agreement did.</p>
</div>
<div id="footer"><p>Copyright 2024 Example News. All rights reserved.</p>
<p><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a></p></div>
</body></html>"""


def _page(title="Ministers agree on a new border deal | Example News", head=""):
    return ARTICLE.format(title=title, head=head)


def test_handcrafted_article_body():
    res = extract_html(_page(), "https://www.example-news.com/world/2024/03/05/border-deal", SETTINGS)
    paras = res.body.split("\n\n")
    assert paras[0].startswith("The ministers of both countries agreed on Tuesday")
    assert paras[-1].startswith("Opposition leaders criticised the deal")
    assert len(paras) == 4
    for chrome in ("Home", "Related stories", "Border closed after protests", "disgrace", "Copyright",
                   "By Jane Doe", "Ministers agree on a new border deal"):
        assert chrome not in res.body
    assert res.title == "Ministers agree on a new border deal"
    assert res.site == "example-news.com"
    assert res.language == "en"
    assert res.published == "2024-03-05" and res.published_from == "url"


def test_title_suffix_cut_by_og_site_name():
    head = '<meta property="og:site_name" content="Example News">'
    res = extract_html(_page(head=head), None, SETTINGS)
    assert res.title == "Ministers agree on a new border deal"
    assert res.site == "Example News"


def test_title_prefers_og_title_and_strips_it():
    head = ('<meta property="og:title" content="Border deal agreed - Example News">'
            '<meta property="og:site_name" content="Example News">')
    assert extract_html(_page(head=head), None, SETTINGS).title == "Border deal agreed"


def test_json_ld_headline_author_and_canonical():
    head = ('<link rel="canonical" href="/world/border-deal">'
            '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
            ' "headline": "Ministers agree border deal", "author": {"@type": "Person", "name": "Jane Doe"},'
            ' "datePublished": "2024-03-05T21:10:00+01:00"}</script>')
    res = extract_html(_page(title="Example News", head=head), "https://example-news.com/x?id=1", SETTINGS)
    assert res.title == "Ministers agree border deal"
    assert res.author == "Jane Doe"
    assert res.url == "https://example-news.com/world/border-deal"
    assert (res.published, res.published_from) == ("2024-03-05", "json-ld")


@pytest.mark.parametrize("html_title, site, host, expected", [
    ("Ministers agree on a new border deal | Example News", "Example News", None,
     "Ministers agree on a new border deal"),
    ("Example News - Ministers agree on a new border deal", None, "example-news.com",
     "Ministers agree on a new border deal"),
    ("Turkey and Russia confirm arms deal - BBC News", None, "bbc.co.uk", "Turkey and Russia confirm arms deal"),
    ("EUobserver / Turkey and Russia confirm arms deal, in Nato headache", "EUobserver", None,
     "Turkey and Russia confirm arms deal, in Nato headache"),
    ("Police: man arrested after crash on A1", None, "example.com", "Police: man arrested after crash on A1"),
    ("Economy - Budget: the minister - a profile", None, "paper.de", "Economy - Budget: the minister - a profile"),
])
def test_headline_from_title(html_title, site, host, expected):
    assert headline(None, None, [], html_title, site, host) == expected


def test_h1_inside_title_wins_over_logo_h1():
    assert headline(None, None, ["Example", "Storm hits the coast"], "Example | Storm hits the coast",
                    None, "example.com") == "Storm hits the coast"


def test_runaway_title_is_closed():
    html = ("<html><head><title>Broken page<script>var x = 1;</script></head><body>"
            "<p>" + "A sentence of the article that is long enough to count as body text. " * 4 + "</p>"
            "</body></html>")
    tree = parse_html(html)
    meta = page_metadata(tree, None)
    assert meta.title == "Broken page"
    assert "long enough" in extract_html(html, None, SETTINGS).body


def test_unparseable_page_is_an_error():
    with pytest.raises(ExtractError):
        extract_html("", None, SETTINGS)


def test_blocks_split_at_block_tags_not_inline_ones():
    tree = parse_html("<div><p>One <b>bold</b> <a href='#'>link</a> here.</p><ul><li>item</li></ul>tail<br>end</div>")
    blocks = blocks_of(tree)
    assert [b.text for b in blocks] == ["One bold link here.", "item", "tail end"]
    assert blocks[0].link_chars == 4 and blocks[1].kind == "item"


def test_select_drops_one_sided_chrome_and_keeps_agreed_body():
    body = [Block(f"Paragraph {i} of the story says something long enough to be prose in the article.")
            for i in range(4)]
    teaser = [Block("More news", "heading"), Block("Read this", "item", 9)]
    chosen = select_body(teaser + body + teaser, body, "A headline")
    assert chosen == [b.text for b in body]


def test_select_without_second_opinion_keeps_prose():
    body = [Block("The only extractor that found anything kept this paragraph, which is prose enough."),
            Block("Share this", "item", 10)]
    assert select_body(body, []) == [body[0].text]


def test_select_cuts_a_run_on_paragraph_at_the_other_tools_paragraphs():
    p1 = "The council voted on Monday to close the old bridge for repairs that will last a year."
    p2 = "Drivers will have to use the ring road, which adds about twenty minutes to the trip."
    blob = Block(f"Home News Sport World {p1} {p2} Share this story Email")
    assert select_body([blob], [Block(p1), Block(p2)]) == [p1, p2]

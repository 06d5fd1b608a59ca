"""Publication dates of HTML pages: htmldate as anchor, published over modified, local days, text dates."""
from __future__ import annotations

import json

import pytest

from tidings.extract.dates import find_html_date, written_date


def _ld(obj: str) -> str:
    return f'<script type="application/ld+json">{obj}</script>'


def test_json_ld_published_not_modified():
    html = ("<html><head>" + _ld('{"@type": "NewsArticle", "dateModified": "2021-05-09T10:00:00+02:00", '
                                 '"datePublished": "2021-05-03T08:00:00+02:00"}')
            + "</head><body><p>x</p></body></html>")
    assert find_html_date(html, None) == ("2021-05-03", "json-ld")


def test_meta_published_not_modified():
    html = ('<html><head><meta property="article:modified_time" content="2022-02-10T10:00:00Z">'
            '<meta property="article:published_time" content="2022-02-01T09:00:00Z"></head>'
            "<body><p>text</p></body></html>")
    assert find_html_date(html, None) == ("2022-02-01", "meta")


def test_time_element_in_article_header():
    html = ('<html><body><article><header><h1>Title</h1><time datetime="2019-11-20T14:00:00">20 Nov</time>'
            "</header><p>Body text of the article.</p></article></body></html>")
    assert find_html_date(html, None) == ("2019-11-20", "time")


def test_date_in_url():
    html = "<html><body><p>No date anywhere in this page.</p></body></html>"
    assert find_html_date(html, "https://example.com/news/2018/07/04/story.html") == ("2018-07-04", "url")


def test_no_date_at_all():
    assert find_html_date("<html><body><p>No date anywhere in this page.</p></body></html>", None) == (None, None)


def test_local_offset_gives_the_local_day():
    # the meta tag says 23:59 UTC on the 24th; the page's own time (UTC+2) is 01:59 on the 25th
    html = ('<html><head><meta property="article:published_time" content="2020-12-24T23:59:50+00:00">'
            + _ld('{"@type": "NewsArticle", "datePublished": "2020-12-25T01:59:50+02:00"}')
            + "</head><body><p>x</p></body></html>")
    assert find_html_date(html, None) == ("2020-12-25", "json-ld")



def _stated(html: str, url: str | None = None):
    from tidings.extract.dates import _stated_published
    from tidings.extract.html import parse_html

    return _stated_published(parse_html(html), url)


_AGREED = ('<html><head><meta property="article:published_time" content="2021-05-03T06:00:00Z">'
           + _ld('{"@type": "NewsArticle", "datePublished": "2021-05-03T08:00:00+02:00"}')
           + "</head><body><p>x</p></body></html>")


def test_markup_that_agrees_is_read_without_htmldate():
    assert _stated(_AGREED) == ("2021-05-03", "json-ld")
    assert find_html_date(_AGREED, None) == ("2021-05-03", "json-ld")


def test_markup_in_doubt_is_left_to_htmldate():
    # another day in the URL, an unreadable value, no published markup: no shortcut
    assert _stated(_AGREED, "https://example.com/2021/05/04/story.html") is None
    assert _stated('<html><head><meta name="date" content="May 3, 2021"></head><body><p>x</p></body></html>') is None
    assert _stated("<html><body><p>x</p></body></html>") is None
    assert _stated(_AGREED, "https://example.com/2021/05/03/story.html") == ("2021-05-03", "json-ld")

@pytest.mark.parametrize("text, day, how", [
    ('<div class="fecha">Miércoles, 15 de abril de 2020</div>', "2020-04-15", "dateline"),
    ("<div><span>Veröffentlicht am 7. Juni 2020</span></div>", "2020-06-07", "text"),
    ("<div><span>Publié le 1er mai 2019</span></div>", "2019-05-01", "text"),
    ("<div><span>15 августа 2016, 13:43</span></div>", "2016-08-15", "text"),
])
def test_written_out_date_in_page_text(text, day, how):
    html = f"<html><body>{text}<p>Der Text des Artikels ist hier zu lesen und lang genug.</p></body></html>"
    assert find_html_date(html, None) == (day, how)


def test_weekday_dateline_beats_other_written_dates():
    html = ("<html><body><div>Lo más leído: 2 de abril de 2020</div><div>Sábado, 4 de abril de 2020</div>"
            "<p>El texto de la noticia es largo y habla de muchas cosas.</p></body></html>")
    assert find_html_date(html, None) == ("2020-04-04", "dateline")


@pytest.mark.parametrize("text, expected", [
    ("posted on March 3rd, 2021 by the editor", "2021-03-03"),
    ("Dec 30 2007", "2007-12-30"),
    ("am 31. Februar 2020", None),          # no such day
    ("im Jahr 2020", None),
])
def test_written_date(text, expected):
    assert written_date(text) == expected


# dates dev pages of different sites and languages, with the day their gold gives
DEV_SAMPLE = ["d0001", "d0003", "d0005", "d0077", "d0195", "d0301", "d0501", "d0701", "d0901"]


def test_dev_pages(shared_dir):
    folder = shared_dir / "dev" / "dates"
    gold = {}
    for line in (folder / "gold.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        gold[row["id"]] = row
    from tidings.extract import extract
    from tidings.records import Page
    from tidings.settings import Settings

    right = 0
    for pid in DEV_SAMPLE:
        row = gold[pid]
        art = extract(Page(source=pid, content=(folder / f"{pid}.html").read_bytes(), url=row["url"],
                           hint="html"), Settings())
        right += (art.published or "")[:10] == row["date"]
        assert art.published is None or art.published_from is not None
    assert right >= len(DEV_SAMPLE) - 2

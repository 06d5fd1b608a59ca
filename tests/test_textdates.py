"""Dates of text dumps: full dates, weekday anchors resolved against the banner, order of trust."""
from __future__ import annotations

from datetime import date

from tidings.extract.textdates import find_published, full_dates, resolve_anchor, weekday_anchors


def test_full_date_formats():
    text = "Wednesday, January 09, 2008 | 19th Mar 2024 | Dec 30 2007 | 2008-01-15 | 11/1/2008 | 25/12/2007"
    assert [d for _, d in full_dates(text)] == [
        date(2008, 1, 9), date(2024, 3, 19), date(2007, 12, 30), date(2008, 1, 15), date(2007, 12, 25)]


def test_weekday_anchor_resolves_to_latest_matching_day_not_after_reference():
    anchors = weekday_anchors('Lavrov said on Tuesday (29 December), referring to the deal.')
    assert anchors == [(15, 1, 12, 29)]
    assert resolve_anchor(1, 12, 29, date(2024, 3, 19)) == date(2020, 12, 29)
    # the reference day itself counts
    assert resolve_anchor(1, 12, 29, date(2020, 12, 29)) == date(2020, 12, 29)


def test_anchor_forms_and_years_excluded():
    assert weekday_anchors("Tuesday, Dec. 29")[0][1:] == (1, 12, 29)
    assert weekday_anchors("on Friday 4 January")[0][1:] == (4, 1, 4)
    # a full date is not an anchor
    assert weekday_anchors("Tuesday, December 29, 2020") == []


def test_anchor_beats_banner():
    units = ["Tuesday", "19th Mar 2024", "Headline of the story", "Photo caption",
             "The minister said on Tuesday (29 December) that talks would go on.",
             "Talks will continue next year, officials said."]
    assert find_published(units, 2, [4, 5]) == ("2020-12-29", "text-weekday-anchor")


def test_byline_between_headline_and_body_beats_banner():
    units = ["Tuesday, January 15, 2008 Weather: Hi: 7C", "Menu", "Chelsea hoping to sign a striker",
             "Wednesday, January 09, 2008", "Chelsea are hoping to complete the signing this week.",
             "Bolton have already rejected a bid, on Tuesday, Jan. 8."]
    assert find_published(units, 2, [4, 5]) == ("2008-01-09", "byline")


def test_published_cue_line():
    units = ["Home", "Story title here", "By Jane Doe", "The first paragraph of the story is here.",
             "The second paragraph is here too.", "Delhi, January 12, 2008",
             "First Published: 11:47 IST(11/1/2008)",
             "Related stories"]
    assert find_published(units, 1, [3, 4, 7]) == ("2008-01-11", "byline")


def test_banner_only():
    units = ["Monday, March 3, 2008", "Site menu", "Headline", "Text of the story without dates."]
    assert find_published(units, 2, [3]) == ("2008-03-03", "banner")


def test_no_date():
    assert find_published(["Headline", "A story with no date at all."], 0, [1]) == (None, None)
    assert find_published([], None, []) == (None, None)


def test_url_date_and_its_rank():
    from tidings.extract.textdates import url_date
    assert url_date("https://x.example/news/2008/01/09/story.html") == date(2008, 1, 9)
    assert url_date("http://x.example/story/20071229085406tsop.nb/top") == date(2007, 12, 29)
    assert url_date("https://x.example/article3322353.ece") is None
    units = ["Monday, March 3, 2008", "Menu", "Headline", "Text of the story without dates."]
    assert find_published(units, 2, [3], "https://x.example/2008/02/28/headline") == ("2008-02-28", "url")
    # a byline in the page still wins over the URL
    units = ["Headline", "January 9, 2008", "The story."]
    assert find_published(units, 0, [2], "https://x.example/2008/01/08/x") == ("2008-01-09", "byline")

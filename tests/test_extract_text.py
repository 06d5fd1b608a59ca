"""Text-dump extraction: layout splitting, repeated lines, chrome of every kind, dev-set dumps."""
from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from tidings.extract.repetition import repeated_lines
from tidings.extract.result import ExtractError
from tidings.extract.text import extract_text, find_author, find_site
from tidings.extract.textlines import split_units
from tidings.settings import Settings

SETTINGS = Settings()

ARTICLE = [
    "The government announced on Monday a new plan to cut emissions from heavy industry by a third "
    "before the end of the decade, officials said.",
    "The plan, which still needs the approval of parliament, would tax coal used in steel plants and "
    "give subsidies to companies that switch to hydrogen.",
    "\"We cannot wait any longer,\" the environment minister told reporters in the capital, adding that "
    "the measures had been discussed with unions and employers for months.",
    "Opposition parties said the plan was too expensive and would cost thousands of jobs in the north "
    "of the country, where most of the plants are located.",
    "Industry groups asked for more time to adapt, saying the technology needed to replace coal was not "
    "yet available at a reasonable cost.",
    "Parliament is expected to vote on the proposal in the spring.",
]
HEADLINE = "Government unveils plan to cut industrial emissions"


def _dump(*chrome_before: str, chrome_after: tuple[str, ...] = (), inside: tuple[str, ...] = ()) -> str:
    body = list(ARTICLE)
    for k, block in enumerate(inside):
        body.insert(2 + k, block)
    parts = list(chrome_before) + [HEADLINE] + body + list(chrome_after)
    return "\n\n".join(parts) + "\n"


def _body_lines(result) -> list[str]:
    return result.body.split("\n\n") if result.body else []


def _assert_clean(result, *chrome: str) -> None:
    lines = _body_lines(result)
    for sentence in ARTICLE:
        assert sentence in lines, f"lost article sentence: {sentence[:50]}"
    for c in chrome:
        for piece in c.splitlines():
            piece = re.sub(r"^\s*(?:[*+•o-]|\d+\.)\s+", "", piece).strip()
            if len(piece) > 3:
                assert piece not in result.body, f"chrome kept: {piece}"


# ---------------------------------------------------------------- layout

def test_split_units_markers_and_blank_lines():
    units = split_units("  Home\n\n    * News\n    * Sport\n  1. First item\n\nText line.")
    assert [(u.text, u.marker, u.blank_before) for u in units] == [
        ("Home", "", True), ("News", "*", True), ("Sport", "*", False), ("First item", "1.", False),
        ("Text line.", "", True)]


def test_split_units_reads_padded_table_column_by_column():
    left = ["Story headline here", "", "First paragraph of the story, long enough.", "",
            "Second paragraph of the story."]
    right = ["Most read", "Teaser one", "Teaser two", "Teaser three", ""]
    width = max(map(len, left)) + 2
    rows = [(a.ljust(width) + b).ljust(width + 20) for a, b in zip(left, right)]
    texts = [u.text for u in split_units("\n".join(rows))]
    assert texts == left[:1] + [left[2], left[4]] + right[:4]


def test_split_units_cuts_flattened_page_into_sentences():
    long_line = " ".join(["Menu Home News Sport"] + ARTICLE * 2)
    units = split_units(long_line)
    assert len(units) > 10
    assert ARTICLE[1] in [u.text for u in units]


# ---------------------------------------------------------------- repetition

def test_repeated_lines_across_pages_of_a_site():
    a = _dump("Home | News | Sport", "Subscribe to our newsletter", chrome_after=("Terms of use",))
    b = "Home | News | Sport\n\nOther headline\n\nA different story about the budget, officials said " \
        "on Friday in a statement.\n\nTerms of use\n"
    rep = repeated_lines([a, b])
    assert {"Home | News | Sport", "Terms of use"} <= rep
    assert ARTICLE[0] not in rep


def test_repeated_lines_ignores_copies_of_the_same_article():
    a = _dump("Home")
    assert ARTICLE[0] not in repeated_lines([a, a.replace("Home", "Start"), _dump("Start")])
    with pytest.raises(ValueError):
        repeated_lines([a], min_pages=0)


def test_repeated_lines_drop_site_teaser_from_body():
    teaser = "Ten things you did not know about the city council budget for next year"
    a = _dump("Home", inside=(teaser,))
    b = "Home\n\nAnother headline\n\n" + teaser + "\n\nSomething else happened on Sunday in the " \
        "north, police said in a statement.\n"
    assert teaser in repeated_lines([a, b])
    result = extract_text(a, SETTINGS, repeated_lines([a, b]))
    assert teaser not in result.body


# ---------------------------------------------------------------- chrome of each kind

CHROME = {
    "menu": ("  * Home\n  * World\n  * Business\n  * Sport\n  * Technology\n  * Opinion",),
    "bullets_and_share": ("Share this article\n\n  * Email\n  * Print\n  * Facebook\n  * Twitter",),
    "date_banner": ("Wednesday, 12 March 2025", "Weather: 12C Cloudy"),
}


@pytest.mark.parametrize("kind", sorted(CHROME))
def test_chrome_before_the_headline(kind):
    result = extract_text(_dump(*CHROME[kind]), SETTINGS)
    _assert_clean(result, *CHROME[kind])
    assert result.title == HEADLINE


TRAILING = {
    "related": "Related articles\n\n  * Minister resigns after row over budget\n"
               "  * Storm leaves thousands without power\n  * Markets fall for a third day",
    "latest_news": "Latest News\n\n  1. Minister resigns after row over budget\n  2. Storm leaves thousands "
                   "without power\n  3. Markets fall for a third day\n  4. New stadium opens",
    "newsletter": "Sign up for our daily newsletter\n\nEnter your email address\n\nSubscribe",
    "sponsored": "Sponsored content\n\n  1. Acme CorpDiscover our new range of products\n"
                 "  2. Globex BankSave more with our online accounts",
    "footer": "  * About us\n  * Contact\n  * Privacy Policy\n  * Terms & Conditions\n\n"
              "© 2025 Example Media Ltd. All rights reserved.",
}


@pytest.mark.parametrize("kind", sorted(TRAILING))
def test_chrome_after_the_article(kind):
    result = extract_text(_dump("Home", chrome_after=(TRAILING[kind],)), SETTINGS)
    _assert_clean(result, TRAILING[kind])


INSIDE = {
    "paywall": ("Read and decide\n\nJoin Example News today\n\nGet the news that really matters\n\n"
                "... or subscribe as a group"),
    "advert": "Advertisement",
}


@pytest.mark.parametrize("kind", sorted(INSIDE))
def test_chrome_inside_the_article(kind):
    result = extract_text(_dump("Home", inside=(INSIDE[kind],)), SETTINGS)
    _assert_clean(result, INSIDE[kind])


def test_photo_caption_and_byline():
    text = _dump("Home", "  • The minister at a press conference (Photo: Reuters)", "By Jane Doe and John Roe")
    # the caption and byline come before the headline here; move them below it
    text = text.replace(HEADLINE + "\n\n", "").replace("Home\n\n", "Home\n\n" + HEADLINE + "\n\n")
    result = extract_text(text, SETTINGS)
    _assert_clean(result, "The minister at a press conference (Photo: Reuters)", "By Jane Doe and John Roe")
    assert result.author == "Jane Doe and John Roe"
    assert result.title == HEADLINE


def test_site_from_chrome_and_url():
    units = split_units("Join Example Times today\n\nSome text.\n\nSubscribe to Example Times")
    assert find_site(units) == "Example Times"
    assert find_site(split_units("Welcome Guest\n\nJoin us")) is None
    result = extract_text(_dump("Home"), SETTINGS, url="https://news.example.org/a/1")
    assert result.site == "news.example.org"


def test_author_needs_a_name():
    units = split_units("Headline\n\nBy agreement, the two sides met.\n\nBy Maria Lopez, Reuters")
    assert find_author(units, 0, [1]) == "Maria Lopez"


@pytest.mark.parametrize("bad", ["", "   \n\n  ", "abc\x00def"])
def test_bad_input_raises_extract_error(bad):
    with pytest.raises(ExtractError):
        extract_text(bad, SETTINGS)


def test_non_str_input():
    with pytest.raises(ExtractError, match="bytes"):
        extract_text(b"bytes", SETTINGS)   # type: ignore[arg-type]


# ---------------------------------------------------------------- dev dumps (L3S-GN1)

def _f1(gold: str, pred: str) -> float:
    g, p = Counter(re.findall(r"\w+", gold)), Counter(re.findall(r"\w+", pred))
    tp = sum(min(c, p[k]) for k, c in g.items())
    if not tp:
        return 0.0
    return 2 * tp / (sum(g.values()) + sum(p.values()))


@pytest.fixture(scope="module")
def l3s_text(shared_dir):
    folder = shared_dir / "dev/extract/l3s-gn1-text"
    gold = [json.loads(line) for line in (folder / "gold.jsonl").open(encoding="utf-8") if line.strip()]
    return folder, {g["id"]: g for g in gold}


DEV_SAMPLE = {
    # id prefix: (first words of the body, a sentence that must be in the body, title)
    "022b482d": ("Chelsea are hoping to complete the signing of Nicolas Anelka",
                 "Bolton have already rejected a Chelsea bid for the Frenchman",
                 "Chelsea hoping to sign Anelka before weekend"),
    "7b47de5a": ("Sir Edmund Hillary, who became a mountaineering legend",
                 "The duo spent only 15 minutes at the summit.",
                 None),
    "25b4dd4b": ("WASHINGTON (AP) — The Supreme Court appeared ready Wednesday",
                 "Justice Samuel Alito, who appeared more sympathetic to Indiana's case,",
                 "Court seems to back Indiana voter ID law"),
    "01f31bbb": ("MANILA, Nov. 24 (Xinhua) -- Philippine President Gloria Macapagal Arroyo",
                 "The Philippines was hit by a series of strong typhoons",
                 "Philippine president orders evacuations owing to typhoon"),
}


@pytest.mark.parametrize("prefix", sorted(DEV_SAMPLE))
def test_dev_dumps(l3s_text, prefix):
    folder, gold = l3s_text
    pid = next(k for k in gold if k.startswith(prefix))
    result = extract_text((folder / f"{pid}.txt").read_text(encoding="utf-8"), SETTINGS, url=gold[pid]["url"])
    start, sentence, title = DEV_SAMPLE[prefix]
    assert result.body.startswith(start)
    assert sentence in result.body
    if title:
        assert result.title == title
    assert _f1(gold[pid]["body"], result.body) >= 0.9


def test_dev_dump_chrome_left_out(l3s_text):
    folder, gold = l3s_text
    pid = next(k for k in gold if k.startswith("022b482d"))
    result = extract_text((folder / f"{pid}.txt").read_text(encoding="utf-8"), SETTINGS)
    for chrome in ("Email Article", "Most Read", "More articles in Soccer", "Liam Neeson", "Sitemap"):
        assert chrome not in result.body
    assert result.published == "2008-01-09" and result.published_from == "byline"


def test_dev_dump_byline_and_dateline(l3s_text):
    folder, gold = l3s_text
    pid = next(k for k in gold if k.startswith("25b4dd4b"))
    result = extract_text((folder / f"{pid}.txt").read_text(encoding="utf-8"), SETTINGS)
    assert (result.author, result.published, result.published_from) == ("MARK SHERMAN", "2008-01-10", "byline")

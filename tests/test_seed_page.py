"""The seed page (EUobserver dump with all its chrome) read by the text-dump extractor."""
from __future__ import annotations

from pathlib import Path

import pytest

from tidings.extract.text import extract_text
from tidings.settings import Settings

REPO = Path(__file__).resolve().parents[1]
CANDIDATES = [REPO / "samples" / "seed-page.txt", REPO.parent / "shared" / "samples" / "seed-page.txt"]


@pytest.fixture(scope="module")
def seed():
    path = next((p for p in CANDIDATES if p.is_file()), None)
    if path is None:
        pytest.skip("seed page not found")
    return extract_text(path.read_text(encoding="utf-8"), Settings())


def test_title_site_date(seed):
    assert seed.title == "Turkey and Russia confirm arms deal, in Nato headache"
    assert seed.site == "EUobserver"
    assert seed.published == "2020-12-29"
    assert seed.published_from == "text-weekday-anchor"


def test_body_span(seed):
    assert seed.body.startswith("Turkey and Russia have pledged to go further on military cooperation")
    assert seed.body.endswith("\"The aim of this cooperation is not only for vaccine supply but ... for this "
                              "vaccine to be produced in Turkey as well,\" Çavuşoğlu said.")
    paragraphs = seed.body.split("\n\n")
    assert len(paragraphs) == 25
    # L3S gold convention: body = article text incl. its subheadings, without headline and captions
    assert "Turkey in Azerbaijan" in paragraphs
    assert "Read and decide" not in seed.body


@pytest.mark.parametrize("chrome", [
    "Tuesday\n", "19th Mar 2024", "Turkey had wanted to buy US 'Patriot'",           # banner, caption
    "Join EUobserver", "Get the EU news that really matters", "Instant access to all articles",
    "subscribe as a group",                                                         # paywall prompt
    "Turkey urges boycott of French products", "Erdoğan has become the first",      # related teaser
    "Opinion", "Why Russia politics threaten European security", "Navalny",         # opinion teasers
    "Latest News", "Europol", "Israeli-settler blacklist",                          # latest news
    "Stakeholders", "Nordic Council", "UNOPS", "World Bank",                        # sponsored lists
    "EU news that matters", "Join us",                                              # footer
])
def test_no_chrome(seed, chrome):
    assert chrome not in seed.body

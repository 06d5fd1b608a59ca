"""A single mark before a two-digit year (‘08, the '80s: the century left out) is an apostrophe,
not an opening quotation mark (tidings.nlp.quotes.marks._elided_year): it must not open a quotation
that pairs with a closing single mark later on and swallows the narration between."""
from __future__ import annotations

from tidings.nlp.quotes.marks import find_quoted_runs
from tidings.nlp.quotes import find_quotes


def _runs(text):
    return [text[r.start:r.end] for r in find_quoted_runs(text)]


def test_elided_year_opens_no_quotation():
    text = ("The mayor said in ‘08 that the plan would fail. “It leaves the ‘small guy’ behind,” "
            "she said.")
    assert _runs(text) == ["“It leaves the ‘small guy’ behind,”"]


def test_decades_are_no_quotations():
    text = "He grew up in the ‘70s and '80s, long before the ‘big sort’ began."
    assert _runs(text) == ["‘big sort’"]


def test_quoted_words_after_a_year_still_open():
    assert _runs("It was the 'New Deal' of '34, he wrote.") == ["'New Deal'"]


def test_quote_after_an_elided_year_keeps_its_span(nlp):
    text = ("Rep. Jane Roe said in ‘08 that voters were ready for change. “People are tired of the ‘same old’ "
            "politics,” she said.")
    quotes = [(q.content.text, q.speaker.text if q.speaker else None) for q in find_quotes(nlp(text), learned=False)]
    assert ("“People are tired of the ‘same old’ politics,”", "she") in quotes

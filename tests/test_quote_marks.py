"""Every quotation-mark style, and marks that quote nobody (apostrophes, marks in markup)."""
from __future__ import annotations

import pytest

from quote_rows import only, quotes_of
from tidings.nlp.quotes.marks import find_quoted_runs


# --- quotation-mark styles ---------------------------------------------------------------------

@pytest.mark.parametrize("opening,closing", [
    ('"', '"'), ("\u201c", "\u201d"), ("\u00ab", "\u00bb"), ("\u201e", "\u201c"), ("\u2018", "\u2019"), ("'", "'"),
])
def test_every_quotation_style(nlp, opening, closing):
    quoted = f"{opening}We will not give up on our intentions,{closing}"
    text = f"{quoted} Anna Berg said."
    q = only(quotes_of(nlp, text))
    assert (q.content.text, q.speaker.text, q.direct) == (quoted, "Anna Berg", True)


def test_a_mistyped_closing_mark_after_a_word():
    # an opening mark stands before the first quoted word, so “ after a word and before a space closes
    text = "Kim called the plan “reckless“ on Monday and left. “We are done,” Roe said."
    assert [text[r.start:r.end] for r in find_quoted_runs(text)] == ["“reckless“", "“We are done,”"]


def test_a_quotation_nested_in_the_same_marks():
    # an opening mark inside an open quotation nests one when the paragraph closes both
    text = "Kim tweeted: “People here wear “Vote Roe” shirts. Ouch.” Then she left."
    assert [text[r.start:r.end] for r in find_quoted_runs(text)] == ["“People here wear “Vote Roe” shirts. Ouch.”"]


def test_marks_inside_a_markup_tag_quote_nobody():
    # attribute values of a pasted tag are markup, not anyone's words
    text = '<tweet author="@kimroe" date="May 2, 2016">We won.</tweet> "It was close," Roe said.'
    assert [text[r.start:r.end] for r in find_quoted_runs(text)] == ['"It was close,"']


def test_apostrophes_are_not_quotation_marks():
    text = "Armenia's army isn't the students' union, and that's 'fine' they said."
    assert [text[r.start:r.end] for r in find_quoted_runs(text)] == ["'fine'"]


def test_a_possessive_set_off_by_a_space_is_no_opening_mark():
    # 'the Jairan ’s transponder' (a space the source put before the apostrophe) opened a
    # 'quotation' that ran to the next stray mark thousands of characters on
    text = "The Jairan ’s transponder was off, and officials said 'nothing was wrong' with it."
    assert [text[r.start:r.end] for r in find_quoted_runs(text)] == ["'nothing was wrong'"]


def test_a_right_mark_set_off_by_spaces_closes():
    text = ("‘We are very concerned ’ In a statement, the agency said it would act. ‘We need to closely "
            "monitor’ the situation, she said.")
    assert [text[r.start:r.end] for r in find_quoted_runs(text)] == [
        "‘We are very concerned ’", "‘We need to closely monitor’"]

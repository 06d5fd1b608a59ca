"""A scare quote that opens a cue's object, the object running on past it, is part of that object:
the whole object is the content, not the quoted fragment (tidings/nlp/quotes/attach.py, ``_quote_opens_object``)."""
from __future__ import annotations

from quote_rows import rows as found


def test_quoted_modifier_of_the_object_gives_the_whole_object(nlp):
    text = 'On the same day, the governor continued to portray "illegal" migrants as violent criminals.'
    assert found(nlp, text) == [('"illegal" migrants as violent criminals', "the governor")]


def test_quoted_adjective_before_the_object_noun_gives_the_whole_object(nlp):
    text = 'She denounced "reckless" spending by the city council.'
    assert found(nlp, text) == [('"reckless" spending by the city council', "She")]


def test_quoted_noun_with_an_of_phrase_gives_the_whole_object(nlp):
    text = 'The mayor praised "hundreds" of volunteers from the neighborhood.'
    assert found(nlp, text) == [('"hundreds" of volunteers from the neighborhood', "The mayor")]


def test_quoted_noun_with_a_relative_clause_gives_the_whole_object(nlp):
    text = 'The senator criticized "one or two cases" where the funds may have been misused.'
    assert found(nlp, text) == [('"one or two cases" where the funds may have been misused', "The senator")]


def test_setting_after_a_quoted_object_stays_out(nlp):
    text = 'He promised "a big, beautiful wall" at the rally in Ohio.'
    assert found(nlp, text) == [('"a big, beautiful wall"', "He")]

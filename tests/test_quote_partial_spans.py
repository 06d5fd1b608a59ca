"""Partial (scare) quotes inside reported speech: the reported clause around the quoted words is
the content, cut where the parser hung narration or a second report inside it (tidings/nlp/quotes/cues.py)."""
from __future__ import annotations

from quote_rows import rows as found


def test_that_clause_misparsed_as_relative_is_what_was_said(nlp):
    # the parser makes 'that' the object of a relative clause on 'debate' that has its own object
    text = ('Ohio Gov. Pat Moore, a Democratic contender, predicted at the most recent party debate that '
            'Democrats will take "every seat" if Smith wins the Republican nomination.')
    assert found(nlp, text) == [('Democrats will take "every seat" if Smith wins the Republican nomination',
                                 "Ohio Gov. Pat Moore, a Democratic contender")]


def test_before_claiming_is_the_speakers_second_report(nlp):
    text = ('Mayor Tom Hale said the new bridge has "saved us hours" on weekdays before claiming that '
            'the old ferry was "a total waste of money."')
    assert found(nlp, text) == [('the new bridge has "saved us hours" on weekdays', "Mayor Tom Hale"),
                                ('the old ferry was "a total waste of money."', "Mayor Tom Hale")]


def test_participle_after_closing_comma_is_narration(nlp):
    text = 'On Twitter, Lopez called the senator a "coward," linking to an article about his missed votes.'
    assert found(nlp, text) == [('the senator a "coward,"', "Lopez")]


def test_participle_after_closing_comma_ends_an_according_to_clause(nlp):
    text = 'According to several fans, the coach was "furious," sparking rumors about his future at the club.'
    assert found(nlp, text) == [('the coach was "furious,"', "several fans")]


def test_gloss_on_the_noun_a_quoted_name_qualifies_is_not_said(nlp):
    # the parser hangs 'another moment' on 'words', of which the quoted name is an apposition
    text = 'Later, the mayor declined to say the words "budget crisis," another moment quickly seized upon by critics.'
    assert found(nlp, text) == [('to say the words "budget crisis,"', "the mayor")]


def test_lowercase_quotation_before_a_closing_tag_completes_its_clause(nlp):
    # the parser hangs 'commented' inside the quotation; the quoted words finish the clause
    text = 'She would be a better mayor than Smith "no matter what," one reader commented.'
    assert found(nlp, text) == [('She would be a better mayor than Smith "no matter what,"', "one reader")]


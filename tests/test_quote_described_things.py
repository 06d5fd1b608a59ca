"""A quotation in a relative clause describing a thing (a common noun naming no entity) is not
the thing's words: the speaker is whoever speaks in the clause above the noun
(tidings.nlp.quotes.licensed._described_thing). Sentences written for the rule; exact spans."""
from __future__ import annotations

from quote_rows import rows_both as found


def test_clause_on_a_thing_takes_the_speaker_above(nlp):
    text = 'The mayor compared the tax to old laws that served "the public good."'
    assert found(nlp, text) == [('"the public good."', "served", "The mayor", True)]


def test_where_clause_on_a_thing_takes_the_speaker_above(nlp):
    text = ('The senator compared the vote to old campaigns where workers were obligated to '
            '"stand up and be counted."')
    assert found(nlp, text) == [('to "stand up and be counted."', "obligated", "The senator", False)]

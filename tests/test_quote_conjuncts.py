"""A reported clause ending in a quotation, joined by a bare 'and' to a second quotation: the
second is a second conjunct of the same report, its content and speaker (continuations.join_quoted_conjuncts).
Sentences written for the rule; exact spans."""
from __future__ import annotations

from quote_rows import rows_both as found


def test_second_quoted_conjunct_continues_the_report(nlp):
    text = ('Asked by a reporter about her pension, the mayor said that her family "had nothing left after the '
            'strike," and "borrowed money from neighbors to pay for school."')
    assert found(nlp, text) == [('her family "had nothing left after the strike," and "borrowed money from '
                                 'neighbors to pay for school."', "said", "the mayor", False)]


def test_quotation_with_a_tag_of_its_own_is_not_joined(nlp):
    text = ('The mayor said that her family "had nothing left after the strike," and "we borrowed money from '
            'our neighbors," her husband added.')
    assert found(nlp, text) == [('her family "had nothing left after the strike,"', "said", "The mayor", False),
                                ('"we borrowed money from our neighbors,"', "added", "her husband", True)]

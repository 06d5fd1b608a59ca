"""A reported clause ending in a quotation, joined by a bare 'and' to a second quotation: the
second is a second conjunct of the same report, its content and speaker (quotes._join_quoted_conjuncts).
Sentences written for the rule; exact spans."""
from __future__ import annotations

from tidings.nlp.quotes import find_quotes


def found(nlp, text):
    """(content, cue, speaker, direct) of each quote, the same by the rules alone and with the models."""
    doc = nlp(text)
    out = [[(q.content.text, q.cue.text if q.cue else None, q.speaker.text if q.speaker else None, q.direct)
            for q in find_quotes(doc, learned=learned)] for learned in (False, True)]
    assert out[0] == out[1], out
    return out[0]


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

"""A setting is not what was said: an opening prepositional phrase before a closing tag's comma
(clauses.py, ``_said_before_tag``), and a quoted sentence closed by a full stop before an
infinitive cue (attach.py, ``_infinitive_after_stop``). Found auditing the quotes stored from the
sample pages; sentences written for the rules, exact spans."""
from __future__ import annotations

from quote_rows import rows_both

FIELDS = ("content", "cue", "speaker")


def test_an_opening_prepositional_phrase_is_no_content(nlp):
    text = ("In conversations at China’s annual political meetings that wrapped up in Beijing this week, retired "
            "international basketball star Yao Ming, called for some limits on internet access for young people "
            "in China.")
    assert rows_both(nlp, text, FIELDS) == [
        ("for some limits on internet access for young people in China", "called",
         "retired international basketball star Yao Ming")]


def test_a_closed_quoted_sentence_is_no_words_of_an_infinitive_after_it(nlp):
    text = ("Last week, in response to a request for updates on the detainees, an ICE spokesperson declined "
            "comment “due to pending litigation.” ICE and DHS have repeatedly declined to respond to questions "
            "about the detainees.")
    assert rows_both(nlp, text, FIELDS) == [
        ("comment “due to pending litigation.”", "declined", "an ICE spokesperson"),
        ("to respond to questions about the detainees", "have repeatedly declined", "ICE and DHS")]

"""A report quoting words of its own, set in the narration between two quotations of one direct
quote, stands beside that quote (quotes.py, ``_in_narration_gap``)."""
from __future__ import annotations

from tidings.nlp.quotes import find_quotes


def found(nlp, text):
    """(content, speaker) of each quote, checking offsets on the way."""
    out = []
    for q in find_quotes(nlp(text)):
        for s in (q.content, q.speaker):
            if s is not None:
                assert text[s.start:s.end] == s.text
        out.append((q.content.text, q.speaker.text if q.speaker else None))
    return out


def test_report_between_joined_quotations_stands(nlp):
    text = ('"Everything. Everything is on the table," Carson told the AP on Wednesday after hinting that '
            '"personnel changes" could come. "Every single thing is on the table. I am looking carefully."')
    assert found(nlp, text) == [
        ('"Everything. Everything is on the table," Carson told the AP on Wednesday after hinting that '
         '"personnel changes" could come. "Every single thing is on the table. I am looking carefully."', "Carson"),
        ('"personnel changes" could come', "Carson")]


def test_tag_setting_with_a_quoted_title_is_no_report(nlp):
    text = ('"We were at three percent in the polls," Sanders said in an interview aired Monday on "New Day." '
            '"No money in the campaign, no volunteers, no political organization."')
    assert [c for c, _ in found(nlp, text)] == [
        '"We were at three percent in the polls," Sanders said in an interview aired Monday on "New Day." '
        '"No money in the campaign, no volunteers, no political organization."']

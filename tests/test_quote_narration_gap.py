"""A report quoting words of its own, set in the narration between two quotations of one direct
quote, stands beside that quote (tidings/nlp/quotes/dedupe.py, ``_in_narration_gap``)."""
from __future__ import annotations

from quote_rows import rows as found


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

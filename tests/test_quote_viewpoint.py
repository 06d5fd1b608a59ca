"""'To X, C': a sentence opened by 'To' and a person gives that person's view (tidings.nlp.quotes.cues
``_in_the_eyes_of``), with exact spans; openings that name no person attribute nothing."""
from __future__ import annotations

from quote_rows import rows


def _rules(nlp, text):
    return rows(nlp, text, learned=False, fields=("content", "cue", "speaker"))


def test_to_a_named_person_gives_their_view(nlp):
    text = 'To Sharp, Trump is the \u201ckind-hearted and caring\u201d man who saved her family farm.'
    assert _rules(nlp, text) == [
        ('Trump is the \u201ckind-hearted and caring\u201d man who saved her family farm', "To", "Sharp")]


def test_to_a_group_gives_its_view(nlp):
    text = 'To many, Santilli is a provocateur and a "mouthpiece" for the militia.'
    assert _rules(nlp, text) == [('Santilli is a provocateur and a "mouthpiece" for the militia', "To", "many")]


def test_to_date_and_to_his_credit_attribute_nothing(nlp):
    for text in ('To date, the plan has cost "millions" of dollars.', 'To his credit, Roe has been "honest" about it.'):
        assert not any(cue == "To" for _, cue, _ in _rules(nlp, text)), text

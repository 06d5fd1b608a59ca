"""Token columns (tidings/nlp/columns.py) and the scans that narrow their tokens with them: the
narrowing must never change what a scan finds."""
from __future__ import annotations

import pytest

from tidings.nlp.columns import Columns, columns
from tidings.nlp.quotes import cues, trailing
from tidings.nlp.quotes.lexicon import load_lexicon

TEXTS = [
    'The Charter affirms: "We stand together." According to Jane Roe, a spokeswoman, the plan will fail.',
    'To her, the vote was "a farce," she said, adding that Roe is sure that he will win, before claiming '
    'that the polls lie. Reported Jones: "Nothing."',
    '"It will cost a lot," Roe said about the campaign, which critics called "a waste" - a plan that '
    'many see as weak. As The Times reported, the mayor made clear he would run, though aides cast him as tired.',
    "Officials pointed out that the deal, cited by the ministry, is done; the minister's statement that it "
    "was signed came after protesters, shouting slogans, marched to the palace.",
]


@pytest.fixture(scope="module")
def docs(nlp):
    return [nlp(t) for t in TEXTS]


def test_columns_hold_each_tokens_attributes(docs):
    for doc in docs:
        c = columns(doc)
        assert c.pos.tolist() == [t.pos for t in doc]
        assert c.tag.tolist() == [t.tag for t in doc]
        assert c.dep.tolist() == [t.dep for t in doc]
        assert c.lower_in({"the", "said"}).tolist() == [t.lower_ in ("the", "said") for t in doc]
        assert c.lemma_lower(lambda w: w.startswith("s")).tolist() == [t.lemma_.lower().startswith("s") for t in doc]
        assert c.dep_in(("nsubj",)).tolist() == [t.dep_ == "nsubj" for t in doc]
        assert c.pos_in(("VERB", "AUX")).tolist() == [t.pos_ in ("VERB", "AUX") for t in doc]
        assert columns(doc) is c          # read once


def test_an_empty_doc_has_empty_columns(nlp):
    c = columns(nlp(""))
    assert c.where(c.pos_in(("VERB",))) == []


@pytest.mark.parametrize("module,scan,narrowing", [(cues, "verb_frames", "_frame_words"),
                                                    (trailing, "trailing_cues", "_trailing_words")])
def test_quote_scans_are_the_same_as_from_every_token(docs, monkeypatch, module, scan, narrowing):
    lex = load_lexicon()
    narrowed = [getattr(module, scan)(doc, lex) for doc in docs]
    assert any(narrowed)
    monkeypatch.setattr(module, narrowing, lambda doc, lex: list(range(len(doc))))
    assert [getattr(module, scan)(doc, lex) for doc in docs] == narrowed


def test_texts_map_each_tokens_text(docs):
    for doc in docs:
        assert columns(doc).texts(str.upper) == [t.text.upper() for t in doc]


def test_words_of_letters_are_counted_between_tokens(docs):
    for doc in docs:
        a = columns(doc).alpha_between()
        assert [a[s.end] - a[s.start] for s in doc.sents] == [sum(t.is_alpha for t in s) for s in doc.sents]


def test_lower_forms_tags_and_memos(docs):
    for doc in docs:
        c = columns(doc)
        assert c.lowers() == [t.lower_ for t in doc]
        assert c.tag_test(lambda t: t.startswith("VB")).tolist() == [t.tag_.startswith("VB") for t in doc]
        assert c.memo("n", lambda c: [len(c.doc)]) is c.memo("n", lambda c: [])


def test_the_coders_verb_candidates_come_from_every_verbal_word(docs):
    from tidings.coding.coder import _verbal_words
    for doc in docs:
        assert _verbal_words(columns(doc)) == [
            t.i for t in doc if t.is_alpha and (t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB")
                                                or t.dep_ == "ROOT")]


def test_heads_and_the_tokens_they_head(docs):
    for doc in docs:
        c = columns(doc)
        assert c.head.tolist() == [t.head.i for t in doc]
        subj = c.dep_in(("nsubj", "nsubjpass"))
        assert c.where(c.heads_of(subj, left=True)) == sorted(
            {t.head.i for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.head.i > t.i})


def test_quote_candidates_are_the_same_as_from_every_token(docs, monkeypatch):
    import numpy as np

    from tidings.nlp.quotes import candidates as cand
    nothing_quoted = lambda i: False      # noqa: E731
    narrowed = [cand.candidates(doc, nothing_quoted) for doc in docs]
    assert any(narrowed)
    monkeypatch.setattr(Columns, "heads_of", lambda self, mask, left=False: np.ones(len(self.head), dtype=bool))
    assert [cand.candidates(doc, nothing_quoted) for doc in docs] == narrowed

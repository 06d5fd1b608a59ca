"""The cached attribute ruler and lemmatizer (tidings.nlp.fastpipes) give the stock components' output."""
from __future__ import annotations

import json

import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, TAG

from tidings.nlp.fastpipes import _IndexedList
from tidings.nlp.parse import PARAGRAPH_BREAKS, installed_model, split_glued_quotes

ATTRS = [ORTH, LEMMA, POS, TAG, MORPH, DEP, HEAD, ENT_IOB, ENT_TYPE]


@pytest.fixture(scope="module")
def stock():
    """The same model with spaCy's own components (and tidings' tokenizer and paragraph rule)."""
    nlp = spacy.load(installed_model(""))
    split_glued_quotes(nlp)
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


def test_same_annotations_as_the_stock_pipeline(nlp, stock, repo_dir):
    lines = (repo_dir / "samples" / "voa" / "voa_stories.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines[:25]]
    texts.append((repo_dir / "samples" / "seed-page.txt").read_text(encoding="utf-8"))
    # words the lemmatizer rules must handle: irregular forms, plurals, comparatives, unknown words
    texts.append("The geese were flying; mice ran. She had been better, the best of the worst, "
                 "whose children's feet hurt. Blorfing zorgs quickly outflanked the wugs.")
    for fast_doc, stock_doc in zip(nlp.pipe(texts), stock.pipe(texts)):
        assert (fast_doc.to_array(ATTRS) == stock_doc.to_array(ATTRS)).all()
        assert [t.lemma_ for t in fast_doc] == [t.lemma_ for t in stock_doc]


def test_lemmas_of_irregular_and_unknown_words(nlp):
    doc = nlp("The geese were flying while the mice ran and blorfing zorgs outflanked them.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["geese"] == "goose"
    assert lemmas["mice"] == "mouse"
    assert lemmas["were"] == "be"
    assert lemmas["ran"] == "run"
    assert lemmas["outflanked"] == "outflank"


def test_indexed_list_is_still_a_list():
    words = _IndexedList(["treaty", "border"])
    assert "border" in words and "army" not in words
    assert isinstance(words, list) and list(words) == ["treaty", "border"]

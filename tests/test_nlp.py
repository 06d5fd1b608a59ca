"""NLP layer: model choice, sentences/entities with exact char offsets, batching, guards."""
from __future__ import annotations

import pytest

from tidings.nlp.parse import (doc_entities, doc_sentences, guard_length, installed_model, load_nlp,
                               parse_many)
from tidings.settings import SPACY_MODELS, Settings


def test_default_model_is_first_installed_and_cached(nlp):
    assert installed_model("") in SPACY_MODELS
    assert load_nlp(Settings()) is nlp
    assert installed_model("my_model") == "my_model"


def test_unknown_model_is_a_clear_error():
    from tidings.nlp.parse import ModelNotFound
    with pytest.raises(ModelNotFound, match="no_such_model"):
        load_nlp(Settings(spacy_model="no_such_model"))


def test_sentences_and_entities_have_offsets_into_the_text(nlp):
    text = "Turkey in Azerbaijan\n\nTurkey's defence ministry said it would send 35 officers to Aghdam."
    doc = nlp(text)
    sents = doc_sentences(doc)
    # a line break always ends a sentence: the heading is not parsed into the next sentence
    assert [(s.start, s.end) for s in sents] == [(0, 20), (22, len(text))]
    assert all(text[s.start:s.end] == s.text for s in sents)
    ents = doc_entities(doc)
    assert ents and all(text[e.start:e.end] == e.text for e in ents)
    assert ("Turkey", 0, 6) in {(e.text, e.start, e.end) for e in ents}


def test_parse_many_keeps_order_and_survives_bad_texts(nlp):
    docs = list(parse_many(nlp, ["First text.", "", None, "Third text here."], batch_size=2))
    assert [d.text for d in docs] == ["First text.", "", "", "Third text here."]
    assert doc_sentences(docs[1]) == [] and doc_entities(docs[1]) == []


def test_guard_length_cuts_at_a_paragraph_boundary():
    text = ("a" * 60 + "\n\n") * 20
    cut = guard_length(text, 200)
    assert len(cut) <= 200 and cut.endswith("a") and text.startswith(cut)
    assert guard_length("short", 200) == "short"
    assert len(guard_length("x" * 500, 100)) == 100      # no boundary at all: hard cut

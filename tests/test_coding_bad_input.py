"""Bad input for the event coder: no crash, no invented events."""
from __future__ import annotations

import pytest

from tidings.coding import EventCoder, DictionaryError, load_dictionaries
from tidings.nlp.parse import load_nlp
from tests.test_coding import toy_coder


@pytest.fixture(scope="module")
def coder(tmp_path_factory):
    return toy_coder(tmp_path_factory.mktemp("dicts"))


def code(coder, text):
    return coder.code(load_nlp()(text), article_id="bad", article_date="2020-12-29")


@pytest.mark.parametrize("text", [
    "",
    "   \n\n  ",
    "Turkey. Russia. Armenia.",                                   # no verbs
    "Turkey Russia Armenia Azerbaijan France Iran",
    "Country | Sanctions | Talks\nTurkey | Russia | Armenia\nFrance | Iran | US",   # flattened table
    "1. Turkey\n2. Russia attacks\n3. Armenia talks\n4. France",  # flattened list
])
def test_no_events_from_verbless_or_list_text(coder, text):
    assert code(coder, text) == []


def test_300_token_sentence_is_not_coded(coder):
    text = " , ".join(["Turkey criticised Russia and Armenia attacked Azerbaijan"] * 40) + "."
    assert len(load_nlp()(text)) > 300
    assert code(coder, text) == []


def test_unclosed_quote(coder):
    events = code(coder, '"Turkey will never accept this, Cavusoglu said. Russia criticised France.')
    assert all(e.evidence.sentence for e in events)
    assert ("RUS", "FRA") in {(e.source.actor.code, e.target.actor.code) for e in events}


def test_missing_dictionary_directory_is_a_clear_error(tmp_path):
    with pytest.raises(DictionaryError, match="not found"):
        load_dictionaries(tmp_path / "nope")
    with pytest.raises(DictionaryError, match="no PETRARCH dictionaries"):
        load_dictionaries(tmp_path)


def test_default_coder_without_actors_codes_nothing():
    doc = load_nlp()("Russia accused Turkey of violating the ceasefire.")
    assert EventCoder().code(doc, article_id="x", article_date=None, actors=None) == []


def test_doc_without_parse_is_a_clear_error(coder):
    import spacy
    doc = spacy.blank("en")("Russia accused Turkey.")
    with pytest.raises(ValueError, match="needs a dependency parse"):
        coder.code(doc, article_id="noparse", article_date=None)

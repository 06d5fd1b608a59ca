"""A quotation inside a phrase of the narration ('wearing a 'Keep Our Farms Open' cap': a slogan, a
name) does not continue the direct quote before it (tidings.nlp.quotes.continuations._modifies_next_noun): the
quote ends at its own closing mark. Checked end to end on the default model, rules only and with
the learned models, and on a hand-built parse."""
from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

from tidings.nlp.quotes.marks import find_quoted_runs
from quote_rows import rows as _quotes
from tidings.nlp.quotes.continuations import _modifies_next_noun


def test_slogan_on_a_sign_in_the_tag_is_no_continuation(nlp):
    # the parser hangs the slogan's words on 'sign'
    text = ("“Can we win this?” asked a student, who was holding a 'Vote For Change Now' sign, "
            "as the crowd cheered.")
    for learned in (False, True):
        assert ("“Can we win this?”", "a student") in _quotes(nlp, text, learned)


def test_slogan_misparsed_as_verbs_is_no_continuation(nlp):
    # the parser reads 'Keep' as a verb; the determiner before and the noun after still close the phrase
    text = ("“Where is the money?” asked the farmer, who was wearing a 'Keep Our Farms Open' cap "
            "and said he drove two hours to get there.")
    for learned in (False, True):
        assert ("“Where is the money?”", "the farmer") in _quotes(nlp, text, learned)


def test_quoted_sentence_after_the_tag_still_continues(nlp):
    text = "“We did it,” the coach said after the game. “Now we go home and rest before the final.”"
    assert _quotes(nlp, text, False) == [(text, "the coach")]


_VOCAB = English().vocab


def test_hand_parse_words_hung_on_the_next_noun():
    # 'She wore two 'Made In Ohio' hats.': no determiner before it, so the parse decides
    words = ["She", "wore", "two", "'", "Made", "In", "Ohio", "'", "hats", "."]
    heads = [1, 1, 8, 8, 8, 4, 5, 8, 1, 1]
    deps = ["nsubj", "ROOT", "nummod", "punct", "compound", "prep", "pobj", "punct", "dobj", "punct"]
    pos = ["PRON", "VERB", "NUM", "PUNCT", "VERB", "ADP", "PROPN", "PUNCT", "NOUN", "PUNCT"]
    tags = ["PRP", "VBD", "CD", "``", "VBN", "IN", "NNP", "''", "NNS", "."]
    doc = Doc(_VOCAB, words=words, spaces=[True, True, True, False, True, True, False, True, False, False],
              heads=heads, deps=deps, pos=pos, tags=tags)
    (run,) = find_quoted_runs(doc.text)
    assert doc.text[run.start:run.end] == "'Made In Ohio'"
    assert _modifies_next_noun(doc, run)


def test_hand_parse_quoted_object_is_no_modifier():
    # 'She opposes "arbitrary pay freezes" and left.': the quotation is the verb's object
    words = ["She", "opposes", '"', "arbitrary", "pay", "freezes", '"', "and", "left", "."]
    heads = [1, 1, 5, 5, 5, 1, 5, 1, 1, 1]
    deps = ["nsubj", "ROOT", "punct", "amod", "compound", "dobj", "punct", "cc", "conj", "punct"]
    pos = ["PRON", "VERB", "PUNCT", "ADJ", "NOUN", "NOUN", "PUNCT", "CCONJ", "VERB", "PUNCT"]
    tags = ["PRP", "VBZ", "``", "JJ", "NN", "NNS", "''", "CC", "VBD", "."]
    doc = Doc(_VOCAB, words=words, spaces=[True, True, False, True, True, False, True, True, False, False],
              heads=heads, deps=deps, pos=pos, tags=tags)
    (run,) = find_quoted_runs(doc.text)
    assert not _modifies_next_noun(doc, run)

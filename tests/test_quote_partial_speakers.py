"""Speakers of partial quotes (a quoted phrase inside a reported clause) where the small parser
goes astray: a passive's 'by' agent hung on the quoted name, a comma participle split off as a
sentence of its own, an 'and'-joined participle hung on the clause another one reports, a
document made a participle's subject, a noun of saying's clause hung on a setting, and the
'for' object of a noun of urging. Sentences written for each rule; exact spans."""
from __future__ import annotations

from spacy.tokens import Doc

from tidings.nlp.quotes.lexicon import load_lexicon
from tidings.nlp.quotes.subjects import speaker_of
from quote_rows import rows_both as found


def test_passive_agent_hung_on_the_quoted_name(nlp):
    text = ("The tax plan \u2014 widely labeled as a \u201cdisaster\u201d by economists \u2014 "
            "seems unlikely to pass the Senate.")
    assert found(nlp, text) == [("as a \u201cdisaster\u201d", "widely labeled", "economists", False)]


def test_and_joined_participle_speaks_for_the_first_participle(nlp):
    text = ("She escalated her criticism on Monday, telling NBC that the senator is a \u201cliar\u201d and "
            "questioning how he has \u201cgotten away with not paying his taxes.\u201d")
    quotes = found(nlp, text)
    assert ("how he has \u201cgotten away with not paying his taxes.\u201d", "questioning", "She", False) in quotes


def test_document_made_subject_of_participle_speaks_for_its_holder(nlp):
    text = "Outside the court, the students will hold signs reading: \u201cJustice now!\u201d"
    assert found(nlp, text) == [("\u201cJustice now!\u201d", "reading", "the students", True)]


def test_noun_of_saying_clause_after_a_setting(nlp):
    text = ('The senator drew criticism over her claim during the hearing that "the agency has lied to us" '
            'about the costs.')
    assert found(nlp, text) == [('"the agency has lied to us" about the costs', "claim", "her", False)]


def test_object_of_a_call_for_is_what_its_owner_urged(nlp):
    text = 'Her popularity rose after his call for "a complete overhaul" of the tax code.'
    assert found(nlp, text) == [('"a complete overhaul" of the tax code', "call", "his", False)]


def test_comma_participle_split_off_as_a_sentence(nlp):
    # the parse the small model gives 'X trashed Y on NBC's "Today," calling it ...' at times:
    # a second sentence from the opening mark, headed by the participle, with the quoted
    # programme as its subject
    words = ["Frank", "Doyle", "trashed", "Wilson", "on", "\u201c", "Today", ",", "\u201d", "calling", "it", "a",
             "\u201c", "farce", "\u201d", "."]
    heads = [1, 2, 2, 2, 2, 6, 9, 6, 6, 9, 9, 13, 13, 9, 13, 9]
    deps = ["compound", "nsubj", "ROOT", "dobj", "prep", "punct", "nsubj", "punct", "punct", "ROOT", "dobj", "det",
            "punct", "oprd", "punct", "punct"]
    tags = ["NNP", "NNP", "VBD", "NNP", "IN", "``", "NNP", ",", "''", "VBG", "PRP", "DT", "``", "NN", "''", "."]
    pos = ["PROPN", "PROPN", "VERB", "PROPN", "ADP", "PUNCT", "PROPN", "PUNCT", "PUNCT", "VERB", "PRON", "DET",
           "PUNCT", "NOUN", "PUNCT", "PUNCT"]
    lemmas = ["Frank", "Doyle", "trash", "Wilson", "on", "\u201c", "Today", ",", "\u201d", "call", "it", "a", "\u201c",
              "farce", "\u201d", "."]
    spaces = [True, True, True, True, True, False, False, False, True, True, True, True, False, False, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    assert [s.start for s in doc.sents] == [0, 5]
    assert speaker_of(doc[9], load_lexicon().media).text == "Doyle"


def test_participle_after_a_coordinated_clause_speaks_for_its_subject(nlp):
    text = 'The mayor spoke first and the governor answered, saying the state had been "left behind" for years.'
    assert found(nlp, text) == [('the state had been "left behind" for years', "saying", "the governor", False)]
    text = ('The house is the cottage my wife and I rented for the summer, thinking it would be a quiet '
            '"retreat from the city."')
    assert found(nlp, text) == [('it would be a quiet "retreat from the city."', "thinking", "I", False)]


def test_noun_of_saying_clause_after_a_setting_hung_on_the_verb(nlp):
    text = ('The group ran ads in Ohio using his remarks at a town hall that "nobody will pay more taxes" '
            'under his plan.')
    assert ('"nobody will pay more taxes" under his plan', "remarks", "his", False) in found(nlp, text)


def test_last_verb_of_a_series_hung_into_an_adverbial_clause(nlp):
    text = ('The senator mocked his rivals, talked over them as they answered questions and assured voters '
            'that taxes would "go down" next year.')
    assert ('taxes would "go down" next year', "assured", "The senator", False) in found(nlp, text)


def test_verbs_coordinated_inside_a_leading_adverbial_clause_keep_its_subject(nlp):
    text = 'Some in the crowd cheered, and when Roe thanked Ohio and said it was "good to be back," a woman laughed.'
    assert ('it was "good to be back,"', "said", "Roe", False) in found(nlp, text, same=False)

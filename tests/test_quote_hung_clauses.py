"""A noun of saying in a prepositional phrase whose that-clause the parser hung on a verb above
it: the clause is still the noun's owner's words (tidings.nlp.quotes.nouns._that_clause_hung_above).
Sentences written for the rule; exact spans."""
from __future__ import annotations

from spacy.tokens import Doc

from tidings.nlp.quotes.nouns import _that_clause_hung_above
from quote_rows import rows_both as found


def test_clause_of_a_noun_in_a_prepositional_phrase_hung_on_the_main_verb(nlp):
    text = ('The miners are unlikely to give the senator their votes after her remark that, "We are going to '
            'close every mine in this county."')
    assert found(nlp, text) == [('"We are going to close every mine in this county."', "remark", "her", True)]


def _doc(nlp, dep_of_noun: str) -> Doc:
    # 'They rejected his claim that taxes rose .' with the clause hung on the verb, the noun of
    # saying its object ('dobj') or, as if after a preposition, 'pobj'
    words = ["They", "rejected", "his", "claim", "that", "taxes", "rose", "."]
    heads = [1, 1, 3, 1, 6, 6, 1, 1]
    deps = ["nsubj", "ROOT", "poss", dep_of_noun, "mark", "nsubj", "ccomp", "punct"]
    pos = ["PRON", "VERB", "PRON", "NOUN", "SCONJ", "NOUN", "VERB", "PUNCT"]
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_clause_after_an_object_is_left_to_the_verb(nlp):
    # 'The university rejected Exxon's accusation that C': PolNeAR gives C to the rejecter
    assert _that_clause_hung_above(_doc(nlp, "dobj")[3]) is None
    assert _that_clause_hung_above(_doc(nlp, "pobj")[3]).text == "rose"

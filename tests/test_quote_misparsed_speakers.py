"""Speakers (and contents) found through parser errors the small English model makes around a cue
(tidings.nlp.quotes.subjects and .cues): a subject taken for the root noun or for part of the
object's noun phrase (the cue verb read as its modifier), a name taken for a modal or an adverb, a
subject shared by coordinated verbs hung on a subjectless first conjunct, a closing tag
(', he said.') cut off as a sentence of its own. Rules are checked end to end on a sentence the
model misparses that way where one was found, and on hand-built parses so the tests do not hang
on the model's mood."""
from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

from tidings.nlp.quotes.subjects import speaker_of
from quote_rows import rows
from tidings.nlp.quotes import find_quotes


def _rules(nlp, text):
    return rows(nlp, text, learned=False, fields=("content", "cue", "speaker"))


_VOCAB = English().vocab    # English lexical attributes (is_alpha, ...), no model


def _parse(words, spaces, heads, deps, tags, pos, ents=None, lemmas=None, starts=(0,)):
    """A parse given by hand: heads are token indices (a root points at itself), ``starts`` the
    tokens that open a sentence."""
    return Doc(_VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, pos=pos,
               lemmas=lemmas or [w.lower() for w in words], sent_starts=[i in starts for i in range(len(words))],
               ents=ents)


# --- end to end ------------------------------------------------------------------------------

def test_comma_participle_on_a_subject_taken_for_the_root_noun(nlp):
    text = ('Trump defended eminent domain, calling the seizure of private land for public use an '
            '"absolute necessity" for the state to build roads.')
    assert ('the seizure of private land for public use an "absolute necessity" for the state to build roads',
            "calling", "Trump") in _rules(nlp, text)


def test_name_taken_for_a_modal_speaks(nlp):
    text = ('Citing the flood as a wake-up call for the town and its \u201cdreams about building on the '
            'river,\u201d Will urged the council to act on the levee.')
    assert ('the flood as a wake-up call for the town and its \u201cdreams about building on the river,\u201d',
            "Citing", "Will") in _rules(nlp, text)


# --- on hand-built parses ------------------------------------------------------------------------

def test_root_noun_participle_parse():
    # Roe(ROOT) defended(amod>domain) domain(dobj>Roe) ,(punct) calling(advcl>Roe) it(dobj) a(det) "(punct) sham(oprd) "(punct)
    doc = _parse(["Roe", "defended", "domain", ",", "calling", "it", "a", '"', "sham", '"'],
                 [True, True, False, True, True, True, True, False, False, False],
                 [0, 2, 0, 0, 0, 4, 8, 8, 4, 8],
                 ["ROOT", "amod", "dobj", "punct", "advcl", "dobj", "det", "punct", "oprd", "punct"],
                 ["NNP", "VBN", "NN", ",", "VBG", "PRP", "DT", "``", "NN", "''"],
                 ["PROPN", "VERB", "NOUN", "PUNCT", "VERB", "PRON", "DET", "PUNCT", "NOUN", "PUNCT"])
    assert speaker_of(doc[4]).text == "Roe"


def test_root_noun_participle_needs_the_verb_taken_for_a_modifier():
    # 'Roe, calling it a sham': no verb after the noun, so the noun is a heading, not a subject
    doc = _parse(["Roe", ",", "calling", "it", "a", "sham"],
                 [False, True, True, True, True, False],
                 [0, 0, 0, 2, 5, 2],
                 ["ROOT", "punct", "advcl", "dobj", "det", "oprd"],
                 ["NNP", ",", "VBG", "PRP", "DT", "NN"],
                 ["PROPN", "PUNCT", "VERB", "PRON", "DET", "NOUN"])
    assert speaker_of(doc[2]) is None


def test_proper_noun_taken_for_an_adverb_speaks():
    # Black(amod) Lives(compound) Matter(advmod>issued) issued(ROOT) a statement saying(acl>statement) it(nsubj) left(ccomp)
    doc = _parse(["Black", "Lives", "Matter", "issued", "a", "statement", "saying", "it", "left"],
                 [True, True, True, True, True, True, True, True, False],
                 [1, 2, 3, 3, 5, 3, 5, 8, 6],
                 ["amod", "compound", "advmod", "ROOT", "det", "dobj", "acl", "nsubj", "ccomp"],
                 ["JJ", "NNS", "NNP", "VBD", "DT", "NN", "VBG", "PRP", "VBD"],
                 ["ADJ", "NOUN", "PROPN", "VERB", "DET", "NOUN", "VERB", "PRON", "VERB"],
                 lemmas=["black", "life", "matter", "issue", "a", "statement", "say", "it", "leave"])
    assert speaker_of(doc[6], frozenset(("statement",))).text == "Matter"


def test_day_taken_for_an_adverb_does_not_speak():
    # 'Then Tuesday issued a statement saying ...': a date before the verb is its time, not its subject
    doc = _parse(["Then", "Tuesday", "issued", "a", "statement", "saying", "it", "left"],
                 [True, True, True, True, True, True, True, False],
                 [2, 2, 2, 4, 2, 4, 7, 5],
                 ["advmod", "advmod", "ROOT", "det", "dobj", "acl", "nsubj", "ccomp"],
                 ["RB", "NNP", "VBD", "DT", "NN", "VBG", "PRP", "VBD"],
                 ["ADV", "PROPN", "VERB", "DET", "NOUN", "VERB", "PRON", "VERB"],
                 ents=["O", "B-DATE", "O", "O", "O", "O", "O", "O"],
                 lemmas=["then", "tuesday", "issue", "a", "statement", "say", "it", "leave"])
    assert speaker_of(doc[5], frozenset(("statement",))) is None


def test_subjectless_conjunct_shares_the_subject_of_the_conjunct_before_it():
    # politicizing(ROOT) it , Roe(nsubj>cast) cast(conj>politicizing) blame , and emphasized(conj>politicizing) risks
    doc = _parse(["politicizing", "it", ",", "Roe", "cast", "blame", ",", "and", "emphasized", "risks"],
                 [True, False, True, True, True, False, True, True, True, False],
                 [0, 0, 0, 4, 0, 4, 4, 0, 0, 8],
                 ["ROOT", "dobj", "punct", "nsubj", "conj", "dobj", "punct", "cc", "conj", "dobj"],
                 ["VBG", "PRP", ",", "NNP", "VBD", "NN", ",", "CC", "VBD", "NNS"],
                 ["VERB", "PRON", "PUNCT", "PROPN", "VERB", "NOUN", "PUNCT", "CCONJ", "VERB", "NOUN"])
    assert speaker_of(doc[8]).text == "Roe"


def test_conjunct_keeps_its_first_conjuncts_subject():
    # 'Lee spoke, Roe cast blame, and emphasized risks' with 'spoke' holding a subject: the parse's
    # own inheritance (the first conjunct's subject) stands
    doc = _parse(["Lee", "spoke", ",", "Roe", "cast", "blame", ",", "and", "emphasized", "risks"],
                 [True, False, True, True, True, False, True, True, True, False],
                 [1, 1, 1, 4, 1, 4, 4, 1, 1, 8],
                 ["nsubj", "ROOT", "punct", "nsubj", "conj", "dobj", "punct", "cc", "conj", "dobj"],
                 ["NNP", "VBD", ",", "NNP", "VBD", "NN", ",", "CC", "VBD", "NNS"],
                 ["PROPN", "VERB", "PUNCT", "PROPN", "VERB", "NOUN", "PUNCT", "CCONJ", "VERB", "NOUN"])
    assert speaker_of(doc[8]).text == "Lee"


def test_modal_name_parse():
    # Citing(advcl>urged) it , Will(aux>urged) urged(ROOT) us
    doc = _parse(["Citing", "it", ",", "Will", "urged", "us"],
                 [True, False, True, True, True, False],
                 [4, 0, 4, 4, 4, 4],
                 ["advcl", "dobj", "punct", "aux", "ROOT", "dobj"],
                 ["VBG", "PRP", ",", "MD", "VBD", "PRP"],
                 ["VERB", "PRON", "PUNCT", "AUX", "VERB", "PRON"])
    assert speaker_of(doc[0]).text == "Will"
    assert speaker_of(doc[4]).text == "Will"


def test_tag_cut_off_as_a_sentence_of_its_own_reports_the_sentence_before():
    # [Debtors struggle , even with a " good " job] [, he said .]: two roots, the second sentence
    # opening with the comma
    words = ["Debtors", "struggle", ",", "even", "with", "a", '"', "good", '"', "job", ",", "he", "said", "."]
    doc = _parse(words,
                 [True, False, True, True, True, True, False, False, True, False, True, True, False, False],
                 [1, 1, 1, 4, 1, 9, 9, 9, 9, 4, 12, 12, 12, 12],
                 ["nsubj", "ROOT", "punct", "advmod", "prep", "det", "punct", "amod", "punct", "pobj",
                  "punct", "nsubj", "ROOT", "punct"],
                 ["NNS", "VBP", ",", "RB", "IN", "DT", "``", "JJ", "''", "NN", ",", "PRP", "VBD", "."],
                 ["NOUN", "VERB", "PUNCT", "ADV", "ADP", "DET", "PUNCT", "ADJ", "PUNCT", "NOUN", "PUNCT", "PRON",
                  "VERB", "PUNCT"],
                 lemmas=["debtor", "struggle", ",", "even", "with", "a", '"', "good", '"', "job", ",", "he", "say",
                         "."], starts=(0, 10))
    assert [(q.content.text, q.cue.text, q.speaker.text) for q in find_quotes(doc, learned=False)] == [
        ('Debtors struggle, even with a "good" job', "said", "he")]


def test_name_cue_and_object_read_as_one_noun_phrase(nlp):
    text = ('In March, Trump blasted Disney for its \u201coutrageous practices\u201d in requiring workers to train '
            'their replacements.')
    assert _rules(nlp, text) == [
        ('Disney for its \u201coutrageous practices\u201d in requiring workers to train their replacements', "blasted",
         "Trump")]


def test_name_cue_and_object_parse_and_a_verb_that_is_no_cue():
    # Jo(compound>Cruz) Roe(compound>Cruz) accused(amod>Cruz) Cruz(ROOT) of(prep) lying(pcomp)
    words = ["Jo", "Roe", "accused", "Cruz", "of", "lying"]
    args = ([True, True, True, True, True, False], [3, 3, 3, 3, 3, 4],
            ["compound", "compound", "amod", "ROOT", "prep", "pcomp"], ["NNP", "NNP", "VBN", "NNP", "IN", "VBG"],
            ["PROPN", "PROPN", "VERB", "PROPN", "ADP", "VERB"])
    doc = _parse(words, *args, lemmas=["jo", "roe", "accuse", "cruz", "of", "lie"])
    assert [(q.content.text, q.cue.text, q.speaker.text) for q in find_quotes(doc, learned=False)] == [
        ("Cruz of lying", "accused", "Jo Roe")]
    built = _parse(["Jo", "Roe", "built", "Cruz", "of", "lying"], *args,
                   lemmas=["jo", "roe", "build", "cruz", "of", "lie"])
    assert find_quotes(built, learned=False) == []


def test_a_speaker_phrase_the_parser_headed_in_the_dateline_starts_after_it(nlp):
    # the small model makes 'York' the head of 'New York (AFP) – Vice President Joe Biden'
    text = ("Biden, stumping for Clinton, trashes Trump.\n\nNew York (AFP) – Vice President Joe Biden on "
            "Monday hit the campaign trail, accusing Trump of endangering the lives of US troops.")
    quotes = find_quotes(nlp(text), None, "2016-08-15")
    assert [(q.speaker.text, q.speaker.name) for q in quotes] == [("Vice President Joe Biden", "Joe Biden")]

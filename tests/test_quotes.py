"""Quotes with their speakers (tidings.nlp.quotes): exact spans on sentences written for each
rule (one rule per sentence), and the checks on the lexicon and the learned speakers. The
seed article, the quotation-mark styles, bad input and the rules mined from PolNeAR train have
files of their own (test_quote_*.py)."""
from __future__ import annotations

import pytest

from quote_rows import only, quotes_of, spans
from tidings.nlp.quotes import find_quotes
from tidings.nlp.quotes.lexicon import load_lexicon, parse_lexicon


# --- one rule per sentence ---------------------------------------------------------------------

def test_direct_quote_then_speaker(nlp):
    text = '"The deal is done," Maria Lopez said.'
    q = only(quotes_of(nlp, text))
    assert spans(text, q) == ('"The deal is done,"', "said", "Maria Lopez", "Maria Lopez", True)
    assert (q.content.start, q.content.end) == (0, 19)


def test_speaker_then_colon_quote(nlp):
    text = 'The mayor, Maria Lopez, told reporters: "We will rebuild the bridge."'
    q = only(quotes_of(nlp, text))
    assert spans(text, q)[:3] == ('"We will rebuild the bridge."', "told", "The mayor, Maria Lopez")
    assert q.direct


def test_split_quote_is_one_quote(nlp):
    text = 'John Smith arrived late. "This is bad," he said, "and it will get worse."'
    q = only(quotes_of(nlp, text))
    assert spans(text, q) == ('"This is bad," he said, "and it will get worse."', "said", "he", "John Smith", True)


def test_pronoun_speaker_takes_last_person_who_spoke(nlp):
    text = ('"Prices will fall," Anna Berg said on Monday.\n\n'
            'She added that the central bank would act soon.')
    qs = quotes_of(nlp, text)
    assert [spans(text, q) for q in qs] == [
        ('"Prices will fall,"', "said", "Anna Berg", "Anna Berg", True),
        ("the central bank would act soon", "added", "She", "Anna Berg", False),
    ]


def test_surname_speaker_gets_full_name(nlp):
    text = ('Foreign minister Sergei Lavrov met his Turkish counterpart.\n\n'
            '"Our relations are strategic," Lavrov said.')
    q = only(quotes_of(nlp, text))
    assert (q.speaker.text, q.speaker.name) == ("Lavrov", "Sergei Lavrov")


def test_passive_cue_agent_speaks(nlp):
    text = "It was announced by the foreign ministry that the talks had failed."
    q = only(quotes_of(nlp, text))
    assert spans(text, q) == ("the talks had failed", "was announced", "the foreign ministry",
                              "the foreign ministry", False)


def test_quoted_as_saying(nlp):
    text = "Lavrov was quoted as saying that the deal was done."
    q = only(quotes_of(nlp, text))
    assert spans(text, q)[:3] == ("the deal was done", "saying", "Lavrov")


def test_according_to_at_start_and_end(nlp):
    text = "According to the ministry, 35 officers will be sent. The talks failed, according to two diplomats."
    qs = quotes_of(nlp, text)
    assert [spans(text, q)[:3] for q in qs] == [
        ("35 officers will be sent", "According to", "the ministry"),
        ("The talks failed", "according to", "two diplomats"),
    ]


def test_said_that_and_told_reporters(nlp):
    text = "The president told reporters he would veto the bill. Senator Jane Doe said that she disagreed."
    qs = quotes_of(nlp, text)
    assert [spans(text, q)[:3] for q in qs] == [
        ("he would veto the bill", "told", "The president"),
        ("she disagreed", "said", "Senator Jane Doe"),
    ]


def test_clause_then_said_without_quotation_marks(nlp):
    text = "The economy will recover next year, the finance minister said."
    q = only(quotes_of(nlp, text))
    assert spans(text, q)[:3] == ("The economy will recover next year", "said", "the finance minister")
    assert not q.direct


def test_multi_paragraph_quote(nlp):
    text = ('Maria Lopez said: "We will rebuild the bridge.\n\n'
            '"And we will build it better than before."\n\n'
            'The work starts in May.')
    q = only(quotes_of(nlp, text))
    assert q.content.text == '"We will rebuild the bridge.\n\n"And we will build it better than before."'
    assert (q.speaker.text, q.direct) == ("Maria Lopez", True)


def test_continuation_quote_in_same_paragraph_joins_the_quote(nlp):
    text = ('"We will not give up," Anna Berg said. "We have worked on this for ten years."\n\n'
            'The vote is on Monday.\n\n'
            '"This paragraph has no cue and follows narration: it is left unattributed."')
    q = only(quotes_of(nlp, text))
    assert spans(text, q) == ('"We will not give up," Anna Berg said. "We have worked on this for ten years."',
                              "said", "Anna Berg", "Anna Berg", True)


def test_quote_after_long_narration_is_the_same_speakers_own_quote(nlp):
    # too much narration between to join them in one span, but the later quoted sentence is
    # still Ruiz's, as an attribution of its own
    text = ('"The road is finally finished and open to everyone," said Tomas Ruiz, a retired judge who '
            'chaired the county commission for twelve years and now teaches law at the state university '
            'in the capital. "People asked for it."')
    quotes = find_quotes(nlp(text), learned=False)
    assert [(q.content.text, q.speaker and q.speaker.text.split(",")[0], q.direct) for q in quotes] == [
        ('"The road is finally finished and open to everyone,"', "Tomas Ruiz", True),
        ('"People asked for it."', "Tomas Ruiz", True)]


def test_quote_only_paragraph_continues_the_previous_paragraphs_quote(nlp):
    # PolNeAR joins a cue-less paragraph that is nothing but a quotation to the direct quote
    # ending the paragraph before ('"A!" he said to a cheer.\n\n"B."': one attribution)
    text = ('"We will not give up," Anna Berg said to loud applause.\n\n'
            '"We have worked on this for ten years."')
    q = only(quotes_of(nlp, text))
    assert spans(text, q) == (text, "said", "Anna Berg", "Anna Berg", True)


def test_partial_quote_content_is_the_reported_clause(nlp):
    text = 'Senator Jane Doe said the plan was "a disaster for farmers" and must be withdrawn.'
    q = only(quotes_of(nlp, text))
    assert spans(text, q)[:3] == ('the plan was "a disaster for farmers" and must be withdrawn', "said",
                                  "Senator Jane Doe")
    assert not q.direct


def test_quoted_names_are_not_quotes(nlp):
    text = "The crowd watched 'Saturday Night Live' on a large screen."
    assert quotes_of(nlp, text) == []


def test_speaker_scorer_sentences_match_spacy(nlp):
    from tidings.nlp.quotes.candidates import CuePriors
    from tidings.nlp.quotes.speaker_model import SpeakerScorer
    doc = nlp('He left. "We will win," Smith said on Monday. The crowd cheered.')
    sc = SpeakerScorer(doc, lambda pos: False, [(0, len(doc.text))], CuePriors({}, {}, 0.05), load_lexicon())
    assert sc.sent_start == [t.sent.start for t in doc]
    assert sc.sent_end == {s.start: s.end for s in doc.sents}


def test_a_learned_attribution_speaker_is_the_name_without_the_marks_around_it(nlp):
    # the model's candidates take the subject's whole subtree; the parser hangs the closing mark of
    # a show's name before it on the subject, and a relative clause brings its comma
    text = ('On "Face the Nation," Sen. Jane Roe (Vt.), who lost the primary to Smith, identified rising '
            'rents as one of the reasons that voters should back the plan.')
    doc = nlp(text)
    assert "identified" not in [q.cue.text for q in find_quotes(doc, learned=False) if q.cue]
    got = {spans(text, q)[2] for q in find_quotes(doc) if q.cue and q.cue.text == "identified"}
    assert got == {"Sen. Jane Roe (Vt.), who lost the primary to Smith"}


def test_a_signature_dash_glued_to_the_name_is_not_the_speaker(nlp):
    text = ('The race is close.\n\n"The polls are wrong about the suburbs and they will be wrong again."\n\n'
            '-Jane Roe\n\nOthers disagree.')
    q = only(find_quotes(nlp(text), learned=False))
    assert spans(text, q)[2:] == ("Jane Roe", "Jane Roe", True)


def test_lexicon_is_readable_and_checked():
    lex = load_lexicon()
    assert lex.verb_kind("say") == "speech" and lex.verb_kind("believe") == "belief"
    assert "according to" in lex.phrases and "statement" in lex.nouns
    with pytest.raises(ValueError, match="line.tsv:2"):
        parse_lexicon("say\tspeech\nshout\tloud\n", "line.tsv")


def test_a_share_names_itself_not_the_share_before_it(nlp):
    # a role phrase takes the name of the last speaker who carried its words; a number makes
    # '91 percent of them' a share of its own, not the '65 percent' that spoke before
    text = ('Sixty-five percent of the teachers said they "feel supported." In the meantime, there is one area '
            'in which students already score high: 91 percent of them reported “sometimes or always feeling '
            'happy,” a full six points higher than the global average.')
    names = [(q.speaker.text, q.speaker.name) for q in quotes_of(nlp, text)]
    assert names == [("Sixty-five percent of the teachers", "Sixty-five percent"), ("91 percent of them", "91 percent")]


def test_an_actor_inside_the_speakers_phrase_codes_but_does_not_name_the_speaker(nlp):
    # 'Malawi' in 'director of Malawi's ... services' gives the code; the name is the person's
    from tidings.actors import ActorResolver, load_kb
    text = ("Lucy Mtilatila, director of Malawi’s Department of Climate Change and Meteorological Services, told "
            "VOA that the cyclone had moved to Mozambique.")
    doc = nlp(text)
    res = ActorResolver(load_kb()).resolve(doc, "2025-03-10")
    [q] = find_quotes(doc, res, "2025-03-10")
    assert (q.speaker.name, q.speaker.actor.code) == ("Lucy Mtilatila", "MWI")


def test_a_pronoun_speaker_is_the_unknown_person_the_actors_layer_linked_it_to(nlp):
    # 'A Qiang' (tagged GPE, in no table) is described by a 'who' clause: the actors layer links the
    # 'he' after it to him, and the speaker is named after him, not after the last speaker (Xu)
    from tidings.actors import ActorResolver, load_kb
    text = ('"The internet helps them deal with stress," Xu told VOA. Despite previous momentum, A Qiang, who used '
            'to work in the Chinese media industry, thinks the proposals are just talk. The real way forward, he '
            'argues, is by lessening burdens on minors offline.')
    doc = nlp(text)
    res = ActorResolver(load_kb()).resolve(doc, "2025-03-14")
    names = {q.speaker.text: q.speaker.name for q in find_quotes(doc, res, "2025-03-14") if q.speaker}
    assert names["Xu"] == "Xu" and names["he"] == "A Qiang"

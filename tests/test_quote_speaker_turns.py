"""Quotations whose speaker changes at a tag (tidings.nlp.quotes): a quotation tagged right after
it inside a dashed aside, a tag whose subject the parser carried over an earlier quotation, a
new speaker joined to a tag before a cue-less quotation, and a colon after a tag's participle
clause. Sentences made up for each rule; exact content and speaker spans."""
from __future__ import annotations

import pytest

from quote_rows import rows as _pairs, with_actors
from tidings.nlp.quotes import find_quotes


@pytest.mark.parametrize("learned", [False, True])
def test_dashed_aside_leaves_the_quotation_to_its_tag(nlp, learned):
    # _dash_closes_aside / _tag_cue_after: 'denies' stands in an aside the dash closes
    text = ("If the rumors are true — as many analysts suspect, but the ministry flatly denies — "
            "“why would anyone sign that deal?” asked Moreno, now a lecturer at a law school. "
            "“It makes no sense to me.”")
    assert _pairs(nlp, text, learned) == [
        ("“why would anyone sign that deal?” asked Moreno, now a lecturer at a law school. "
         "“It makes no sense to me.”", "Moreno")]


@pytest.mark.parametrize("learned", [False, True])
def test_tag_after_a_quotation_has_its_own_subject(nlp, learned):
    # the parser hangs 'joked' on 'shouted' and gives it the shouter for a subject
    text = ("When a woman in the front row shouted, “Smith,” Garcia joked, again using an exaggerated "
            "Texas accent, “Amen, sister! Come on up and get saved!”")
    assert _pairs(nlp, text, learned) == [
        ("“Smith,”", "a woman in the front row"),
        ("“Amen, sister! Come on up and get saved!”", "Garcia")]


@pytest.mark.parametrize("learned", [False, True])
def test_new_speaker_joined_to_a_tag_takes_the_next_quotation(nlp, learned):
    # _other_speaker_between: 'and her brother cut in.' hands the floor over
    text = ("“Bring the blue folder,” Lindqvist said, and her brother cut in. “Don’t forget the old "
            "photographs -- we have kept them since the war. They belong to all of us.”")
    assert _pairs(nlp, text, learned) == [
        ("“Bring the blue folder,”", "Lindqvist"),
        ("“Don’t forget the old photographs -- we have kept them since the war. They belong to all of us.”",
         "her brother")]


def test_same_speaker_goes_on_after_a_tag(nlp):
    # no clause with a subject of its own between: the quotation continues the tag's speaker
    text = "“Bring the blue folder,” Lindqvist said, and smiled. “Don’t forget the old photographs either.”"
    assert _pairs(nlp, text, False) == [
        ("“Bring the blue folder,” Lindqvist said, and smiled. “Don’t forget the old photographs either.”",
         "Lindqvist")]


@pytest.mark.parametrize("text, cue", [
    # the relative clause's subject is not the speaker, nor is 'putting ... into' a cue
    ("“Building the new bridge took years of planning,” said Okafor, explaining he worked more closely "
     "with Brandt, who was responsible for cleaning up county data and putting it into the state file: "
     "“Brandt is superb with numbers. He is a very careful engineer.”", "explaining"),
    ("“The plan was always risky,” said Delgado, adding that he had warned Novak, who ran the budget "
     "office: “Novak never listened to anyone. He still does not.”", "adding"),
])
def test_colon_after_a_participle_of_the_tag(nlp, text, cue):
    # participle_colon_quotes: the participle's subject is the tag's speaker
    quotes = find_quotes(nlp(text), learned=False)
    last = quotes[-1]
    assert last.content.text == text[text.rindex(": ") + 2:]
    assert last.speaker is not None and last.speaker.text == text.split("said ")[1].split(",")[0]
    assert last.cue is not None and last.cue.text == cue


def test_put_it_is_still_a_cue(nlp):
    text = "As one senator put it, “This bill is dead on arrival.”"
    quotes = find_quotes(nlp(text), learned=False)
    assert [(q.content.text, q.speaker.text, q.cue.text) for q in quotes] == [
        ("“This bill is dead on arrival.”", "one senator", "put")]


def test_participle_sentence_goes_on_with_the_speaker_before(nlp):
    # lend_fragment_speakers: 'Adding, "..."' alone is a sentence without a subject
    text = ("Later, Ortega stated of the audit that the final report “was not good.” Adding, “Now, as with "
            "every audit, what they find is never that bad.”")
    quotes = find_quotes(nlp(text), learned=False)
    assert [(q.content.text, q.speaker.text if q.speaker else None) for q in quotes][-1] == (
        "“Now, as with every audit, what they find is never that bad.”", "Ortega")


def test_a_plural_role_is_not_the_one_person_met_before_with_that_role(nlp):
    text = ('Federal prosecutor Jacob Gutwillig spoke first. Prosecutors said they would present '
            '"substantial electronic communications" during the trial.')
    [q], _ = with_actors(nlp, text, "2025-03-12")
    assert (q.speaker.text, q.speaker.name) == ("Prosecutors", "Prosecutors")


def test_a_named_storm_is_nobody_a_pronoun_means(nlp):
    text = ('Cyclone Jude hit Mozambique on Monday. Guy Taylor, a UNICEF spokesperson, spoke to reporters. '
            '"The floods are still a concern," she said.')
    [q], res = with_actors(nlp, text, "2025-03-12")
    assert not [m for m in res.mentions if "Jude" in m.text]       # the tagger calls it a PERSON
    assert q.speaker.name == "Guy Taylor"


def test_a_document_speaks_for_its_owner(nlp):
    text = ("National Security Adviser Robert O'Brien spoke on Monday. O'Brien's remarks suggest the Trump "
            "administration is leaving a door open for diplomacy. Trump's statement said the talks would go on.")
    quotes, _ = with_actors(nlp, text, "2019-12-12")
    assert [(q.speaker.text, q.speaker.name) for q in quotes] == [
        ("O'Brien's remarks", "Robert O'Brien"), ("Trump's statement", "Donald Trump")]

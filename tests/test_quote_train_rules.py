"""Rules added from the PolNeAR train miss analysis, one sentence (written for the rule) each."""
from __future__ import annotations

import pytest

from quote_rows import only, quotes_of, spans
from tidings.nlp.quotes import find_quotes
from tidings.nlp.quotes.marks import find_quoted_runs


# --- rules added while tuning on PolNeAR train ---------------------------------------------------

def test_colon_hands_the_quotation_to_the_clause_before_it(nlp):
    text = 'The mayor defended the budget on Monday: "We cannot spend money we do not have."'
    q = only(quotes_of(nlp, text))
    assert spans(text, q)[:3] + (q.direct,) == ('"We cannot spend money we do not have."', "defended",
                                                "The mayor", True)


def test_inverted_cue_without_parsed_subject_takes_the_name_next_to_it(nlp):
    text = '"We are ready for the vote," screenwriter Tom Reed wrote on Twitter.'
    q = only(quotes_of(nlp, text))
    assert spans(text, q)[:3] == ('"We are ready for the vote,"', "wrote", "screenwriter Tom Reed")


def test_quoted_name_in_opening_narration_is_no_quote(nlp):
    # a short quotation that a preposition or a possessive governs is a name in the narration that
    # opens the sentence (a show, a title), not the words of the tag after it
    quotes = find_quotes(nlp('Speaking Sunday on the radio\'s "Morning Show," Jones said the plan would fail.'),
                         learned=False)
    assert [(q.content.text, q.speaker and q.speaker.text) for q in quotes] == [("the plan would fail", "Jones")]
    quotes = find_quotes(nlp("Jane Roe, star of television\u2019s \u201cMain Street,\u201d thanked the mayor for "
                             "\u201ckeeping every library in the county open.\u201d"), learned=False)
    assert [q.content.text for q in quotes] == ["the mayor for \u201ckeeping every library in the county open.\u201d"]
    assert "Jane Roe" in quotes[0].speaker.text


def test_quoted_paragraph_after_a_reported_clause_is_its_own_quote(nlp):
    text = 'Her friends have mocked the plan, Anna Berg said.\n\n"But it is our plan, and we love it!"'
    first, second = quotes_of(nlp, text)
    assert spans(text, first)[:3] == ("Her friends have mocked the plan", "said", "Anna Berg")
    assert spans(text, second)[:3] + (second.direct,) == ('"But it is our plan, and we love it!"', "said",
                                                          "Anna Berg", True)


def test_colon_lines_with_a_tally_are_not_quotes(nlp):
    text = "Smith: 46.\n\nSmith: We will win the election next week."
    q = only(quotes_of(nlp, text))
    content, cue, speaker = spans(text, q)[:3]
    assert (content.rstrip("."), cue, speaker) == ("We will win the election next week", ":", "Smith")


def test_quoted_paragraph_signed_by_the_next_one(nlp):
    text = ('The debate went on.\n\n"I went to Wall Street before the crash and told them to stop."\n\n'
            '- Hillary Clinton.\n\nShe tends to overstate it.')
    q = only(quotes_of(nlp, text))
    assert spans(text, q)[:3] + (q.direct,) == (
        '"I went to Wall Street before the crash and told them to stop."', "-", "Hillary Clinton", True)


@pytest.mark.parametrize("text,expected", [
    ('As the senator put it, "nobody reads these bills before the vote."',
     ('"nobody reads these bills before the vote."', "put", "the senator")),
    # the one told stands between the cue and the quotation
    ('As one employee told Palo Alto Weekly, "Nobody here knew the plant would close."',
     ('"Nobody here knew the plant would close."', "told", "one employee")),
    # 'Trump' is tagged as a verb in the tag after the quotation
    ('The debate turned sharp.\n"Jeb wants to be a tough guy tonight," Trump shot back.',
     ('"Jeb wants to be a tough guy tonight,"', "shot", "Trump")),
])
def test_quotation_next_to_its_tag(nlp, text, expected):
    q = only(quotes_of(nlp, text))
    assert spans(text, q)[:3] == expected and q.direct


# --- rules added from the PolNeAR train miss analysis -----------------------------------------

def test_quotation_tagged_by_any_verb(nlp):
    text = 'The council met on Monday.\n\n"Quiet," the mayor demanded, as the crowd kept shouting.'
    q = only(quotes_of(nlp, text))
    assert spans(text, q)[:3] == ('"Quiet,"', "demanded", "the mayor")
    assert q.direct


def test_statement_participle_speaks_for_its_issuer(nlp):
    text = "The union issued a statement saying the strike would end on Friday."
    q = only(quotes_of(nlp, text))
    assert spans(text, q)[:3] == ("the strike would end on Friday", "saying", "The union")


def test_naming_verb_reports_object_and_name(nlp):
    text = 'Senator Jane Ortiz called the plan "a disaster."'
    q = only(quotes_of(nlp, text))
    assert spans(text, q)[:3] == ('the plan "a disaster."', "called", "Senator Jane Ortiz")


def test_left_mark_typed_as_closing_mark(nlp):
    text = "\u201cIt is unusual,\u201c said Larry Noble, an attorney."
    q = only(quotes_of(nlp, text))
    assert q.content.text == "\u201cIt is unusual,\u201c" and q.speaker.text.startswith("Larry Noble")


def test_quotation_signed_on_its_own_line(nlp):
    text = ("Readers wrote in after the debate.\n"
            "\u201cHe does not speak for the people of my town at all.\u201d \u2015 Maria Lopez.\n"
            "\u201cWe will remember this in November, every one of us.\u201d\u2015 Daniel Ortiz, Denver\n")
    first, second = quotes_of(nlp, text)
    assert spans(text, first)[:3] + (first.direct,) == (
        "\u201cHe does not speak for the people of my town at all.\u201d", "\u2015", "Maria Lopez", True)
    assert spans(text, second)[:3] == (
        "\u201cWe will remember this in November, every one of us.\u201d", "\u2015", "Daniel Ortiz")


def test_signature_paragraph_names_the_speaker_before_its_comma(nlp):
    text = ('The convention hall was loud.\n\n"The whole idea of a rigged vote needs to stop right now."\n\n'
            '- Michelle Marks, Philadelphia.')
    q = only(quotes_of(nlp, text))
    assert spans(text, q)[2] == "Michelle Marks"


def test_comma_participle_speaks_for_the_main_clause(nlp):
    # the parser hangs 'saying' on the clause inside 'the notion that ...'
    text = ("Carson rejected the notion that the episode should be water under the bridge, saying that "
            "he would \"fix it\" if he found something rotten.")
    q = only([q for q in quotes_of(nlp, text) if q.cue.text == "saying"])
    assert spans(text, q)[:3] == ('he would "fix it" if he found something rotten', "saying", "Carson")


def test_sign_speaks_for_whoever_holds_it(nlp):
    text = 'At the rally, a retired teacher hoisted a sign that read "Four more years for the mayor!"'
    q = only(quotes_of(nlp, text))
    assert spans(text, q)[:3] == ('"Four more years for the mayor!"', "read", "a retired teacher")


@pytest.mark.parametrize("text,speaker,cue", [
    ('"Our challenge was how to tackle those problems in a progressive way," From said.', "From", "said"),
    ('"Nobody expected the vote to be this close," Will wrote.', "Will", "wrote"),
])
def test_name_the_tagger_took_for_another_word(nlp, text, speaker, cue):
    # 'From' tagged as a preposition, 'Will' as a modal: next to a cue and capitalised, they are names
    q = only(quotes_of(nlp, text))
    assert spans(text, q)[1:3] == (cue, speaker) and q.direct


def test_name_the_tagger_took_for_an_adverb_is_the_subject(nlp):
    # 'Skelly' is parsed as an adverb of 'called', and the cue has no subject
    text = 'Skelly called Braynard \u201ca real smart guy.\u201d'
    q = only(quotes_of(nlp, text))
    assert spans(text, q)[1:3] == ("called", "Skelly")


def test_cue_parsed_as_a_modifier_speaks_for_the_sentence_subject(nlp):
    # no main verb in the parse: 'called' hangs on 'campaign' as in 'a play called ...'
    text = ("Stuart Stevens, who served as Mitt Romney's chief strategist during the 2012 campaign, "
            "called Trump's statements and actions on Sunday \"childish.\"")
    q = only(quotes_of(nlp, text))
    # the speaker phrase stops at the relative pronoun: the parse put the cue under the relative
    # clause's verb, which is no word of the speaker's (find.py, ``_own_words``)
    assert spans(text, q)[:4] == ('Trump\'s statements and actions on Sunday "childish."', "called",
                                  "Stuart Stevens, who", "Stuart Stevens")


@pytest.mark.parametrize("text,quote,cue,speaker", [
    # a wh-word opening the sentence is no name, even tagged as an adverb of a subjectless cue
    ('When asked why, Sembler responded in a text message: "Trump will be the nominee."',
     '"Trump will be the nominee."', "responded in a text message", "Sembler"),
    # 'And Skelly called ...': a conjunction may open the clause before the name
    ('He praised the team. And Skelly called Braynard \u201ca real smart guy.\u201d',
     None, "called", "Skelly"),
    # a party and state after the name do not cut it off from the cue
    ('While discussing the tweet, Speaker of the House Rep. Paul Ryan (R-WI) said \u201canti-Semitic images, '
     'they\u2019ve got no place in a presidential campaign.\u201d', None, "said", "Speaker of the House Rep. Paul Ryan (R-WI)"),
    # 'said retired neurosurgeon Ben Carson': a participle modifier opens the name after the cue
    ('"I\'m not going to say it is a mistake, so forget about it," said retired neurosurgeon Ben Carson, '
     'asked about his claims.', '"I\'m not going to say it is a mistake, so forget about it,"', "said",
     "retired neurosurgeon Ben Carson"),
    # 'said Wednesday, "..."': a day between cue and quotation is a setting
    ('Although there is no such overlap, a White House official who spoke anonymously said Wednesday, '
     '"Certainly there are discussions between the White House and the campaign."',
     '"Certainly there are discussions between the White House and the campaign."', "said",
     "a White House official who spoke anonymously"),
])
def test_speaker_next_to_a_cue_the_parse_left_without_subject(nlp, text, quote, cue, speaker):
    found = [q for q in quotes_of(nlp, text) if q.cue is not None and q.cue.text == cue]
    q = only(found)
    assert spans(text, q)[1:3] == (cue, speaker)
    if quote is not None:
        assert q.content.text == quote


def test_chanted_words_in_capitals_are_a_quote_not_a_title(nlp):
    text = ('Outside the arena, about 200 protesters congregated in three clusters, holding signs and '
            'chanting "Dump Trump."')
    q = only(quotes_of(nlp, text))
    assert spans(text, q)[:3] == ('"Dump Trump."', "chanting", "about 200 protesters")


def test_document_that_read_after_its_quotation(nlp):
    # 'read' after a quotation is tagged as a noun ('the editorial read')
    text = ('The editors aimed their Friday editorial at Clinton.\n'
            '\u201cIf she wants to be the next president, she should come to Louisiana,\u201d the editorial read.')
    q = only([q for q in quotes_of(nlp, text) if q.cue.text == "read"])
    assert spans(text, q)[:3] == (
        "\u201cIf she wants to be the next president, she should come to Louisiana,\u201d", "read", "the editorial")


def test_quotation_mark_glued_to_the_next_word(nlp):
    text = ('\u201cSome of the comments he has made have been so divisive,\u201dClinton said. '
            '\u201cIt concerns me.\u201d')
    assert [t.text for t in nlp("divisive,\u201dClinton")] == ["divisive", ",", "\u201d", "Clinton"]
    q = only(quotes_of(nlp, text))
    assert spans(text, q)[1:3] == ("said", "Clinton") and q.content.text.startswith("\u201cSome")


def test_that_clause_belongs_to_the_nearest_cue(nlp):
    text = ('Despite some indications that he was backing down, however, he said last month that his '
            'position on banning Muslims has "gotten bigger."')
    q = only([q for q in quotes_of(nlp, text) if "gotten" in q.content.text])
    assert q.cue.text.endswith("said") and q.speaker.start == text.index("he said")


def test_relative_clause_parsed_as_the_reported_clause(nlp):
    # 'who sits ...' is parsed as what 'said' reports, and 'said' gets no subject
    text = ('Sanders, meanwhile, who sits at zero such endorsements, said that fact speaks volumes about '
            'which candidate is "prepared to take on the establishment."')
    q = only(quotes_of(nlp, text))
    assert spans(text, q)[1:3] == ("said", "Sanders")


def test_closing_tag_the_parser_hung_inside_the_clause(nlp):
    # 'The Washington Post reported' is parsed as a modifier of 'peddling'
    text = ('In exchange, the partners received fees. During the investigation, Manafort acknowledged that '
            'the work he performed could be termed "influence peddling," The Washington Post reported in 1991.')
    found = {q.speaker.text: q for q in quotes_of(nlp, text)}
    assert found["The Washington Post"].cue.text == "reported"
    assert "influence peddling" in found["The Washington Post"].content.text


def test_nested_report_closed_by_its_own_tag(nlp):
    text = ('Grayson said Randolph \u201cwould have no chance to win,\u201d the source recalled, adding that '
            'Grayson said of his fiancee: \u201cI\u2019m going to marry her.\u201d')
    by_cue = {q.cue.text: q for q in quotes_of(nlp, text)}
    assert by_cue["recalled"].speaker.text == "the source"
    assert by_cue["recalled"].content.text.startswith("Grayson said Randolph")
    assert by_cue["adding"].speaker.text == "the source"


@pytest.mark.parametrize("text,speaker", [
    # ',” adding, “...”': the comma before the participle stands inside the closing mark
    ('To wit, Trump told Newsmax that Mitt Romney \u201chad a crazy policy of self-deportation which was '
     'maniacal,\u201d adding, \u201cHe lost all of the Latino vote.\u201d', "Trump"),
    # the parser hung 'telling' on the quotation after it
    ('Clinton seemed to be ready to riff on the incident in Iowa, telling the crowd, \u201cSome people get '
     'a little carried away, have you noticed that?\u201d', "Clinton"),
])
def test_comma_participle_before_a_quotation(nlp, text, speaker):
    q = only([q for q in quotes_of(nlp, text) if q.cue.text in ("adding", "telling")])
    assert q.speaker.text == speaker and q.direct


@pytest.mark.parametrize("text,cue,speaker", [
    # a verb conjoined to a passive shares its subject, not its agent
    ('Silverman was joined on stage by Franken and joked, "We have the best crowd in the country."',
     "joked", "Silverman"),
    # 'adding' hung on the noun 'wall': coordinated with the participle above it
    ('At the final debate, he only hinted at Donald Trump by mentioning the need for a wall on the Mexican '
     'border and adding, "I\'ve got an idea of who should build it."', "adding", "he"),
    # a participle after 'while' speaks for the clause it follows
    ('Gore insisted it was "premature" to call the race while adding, "We will look at every ballot."',
     "adding", "Gore"),
    # a participle closing a time clause with a subject of its own is that subject's
    ('The first incident came during a speech, when Sanders protesters interrupted her speech, '
     'shouting \u201cshe wins, we lose!\u201d', "shouting", "Sanders protesters"),
    # a document speaks for whoever issued it; here the participle hangs on its recipients
    ('Her campaign quickly blasted out an email to supporters stating, \u201cSpeaker Paul Ryan Joins Growing '
     'List of Conservatives Rebuking Trump.\u201d', "stating", "Her campaign"),
    ('The Washington Post recently ran a piece that noted his "health care plan would benefit affluent '
     'households more than poorer ones."', "noted", "The Washington Post"),
])
def test_speaker_of_a_cue_the_parse_hung_elsewhere(nlp, text, cue, speaker):
    q = only([q for q in quotes_of(nlp, text) if q.cue.text == cue])
    assert q.speaker.text == speaker


def test_quantifier_subject_speaks(nlp):
    text = 'Most of the vulnerable Senate Republicans have said they will "wait and see" on the nominee.'
    q = only(quotes_of(nlp, text))
    assert q.speaker.text.startswith("Most")


@pytest.mark.parametrize("text,speaker", [
    ('The mayor issued a statement, "We will rebuild every home that was lost."', "The mayor"),
    ('The governor issued the following statement: "Our thoughts are with the families."', "The governor"),
])
def test_quotation_after_a_document_someone_issued(nlp, text, speaker):
    q = only(quotes_of(nlp, text))
    assert q.speaker.text == speaker and q.direct


def test_cue_sentence_closed_by_a_stop_introduces_the_quotation(nlp):
    text = ('The campaign was asked about the poll.\nIowa State University\'s Dianne Bystrom agreed. '
            '"The numbers have not moved in a month. Voters have made up their minds."')
    q = only([q for q in quotes_of(nlp, text) if q.cue.text == "agreed"])
    assert q.speaker.text.endswith("Dianne Bystrom") and q.content.text.startswith('"The numbers')


@pytest.mark.parametrize("text,content,cue,speaker", [
    # a naming verb with its name after it says the name, not the clause hung before it
    ('For that she drew his ire - he called her "weak" on the campaign trail.',
     'her "weak" on the campaign trail', "called", "he"),
    # a second predicate the parser coordinated with the name is not part of it
    ('He called it "shameful" and called on leaders to condemn the attack.', 'it "shameful"', "called", "He"),
    # a comma relative clause naming quoted words is an attribution of its own
    ('Smith said he backed a bill on the bodies, which he called "a cartel."', '"a cartel."', "called", "he"),
    # a comma relative clause with a cue and subject of its own ends the report, quoted or not
    ('Wilcox said he was "a big advocate" of common standards, which he argued help students who move often.',
     'he was "a big advocate" of common standards', "said", "Wilcox"),
    # the reported clause's subject hung on the cue still belongs to what was said
    ('Jones, the author of "Echo Chambers," about the spread of rumors, said the days when the country '
     'had "a shared story" from newspapers are gone.',
     'the days when the country had "a shared story" from newspapers are gone', "said",
     'Jones, the author of "Echo Chambers," about the spread of rumors'),
    # to make (it) clear is to say: the clause after 'clear' is what was said
    ('The governor made clear that he would "never sign" such a law.', 'he would "never sign" such a law',
     "made clear", "The governor"),
    # a verb of complaint reports its clause like 'said'
    ('On Monday, the mayor groused to a crowd in Ohio that the paper "never treats me fairly" before leaving.',
     'the paper "never treats me fairly" before leaving', "groused", "the mayor"),
    # a participle after a comma and a setting speaks for the clause before the comma
    ('He has battled with the council over the budget, at one point calling the mayor a "liar" who was not '
     '"honorable."', 'the mayor a "liar" who was not "honorable."', "calling", "He"),
    # a naming verb with a fronted 'what' says the whole relative
    ('A third option would be what Jones called a "let a thousand flowers bloom" approach.',
     'what Jones called a "let a thousand flowers bloom" approach', "called", "Jones"),
    # 'called for X to do Y': the 'for' clause with its subject is what was asked for
    ('The union called for the mayor to resign for not calling the shooting "domestic terrorism."',
     'the mayor to resign for not calling the shooting "domestic terrorism."', "called", "The union"),
    # the reason given right after a quoted name is part of what was said
    ('The campaign called the report a "rush to judgment," because delegates can change their minds.',
     'the report a "rush to judgment," because delegates can change their minds', "called", "The campaign"),
    # a cue coordinated with the reported clause is a second predicate of the speaker
    ('Smith, a top fundraiser, says the main goal of the effort is "to disqualify Trump," but conceded that '
     'the need to shore up her numbers was growing.',
     'the main goal of the effort is "to disqualify Trump,"', "says", "Smith, a top fundraiser"),
    # a cue noun's owner may follow it with 'by' or 'from'
    ('The attacks stand out for the suggestion by the candidate that someone "ought to look into" the judge.',
     'someone "ought to look into" the judge', "suggestion", "the candidate"),
    # the closing marks hung on the main verb: the complement still holds the quotation
    ('She credited him for "an exciting campaign."', 'him for "an exciting campaign."', "credited", "She"),
    # a quantifier standing for people speaks
    ('Several said they were "very worried" about the vote.', 'they were "very worried" about the vote',
     "said", "Several"),
    # the subject hung on the phrase before it as an apposition
    ('While campaigning for his wife, Hillary Clinton, former president Bill Clinton said his wife was '
     'qualified because "the world\'s in tough shape."',
     'his wife was qualified because "the world\'s in tough shape."', "said", "former president Bill Clinton"),
    # a cue in an 'as' aside reports the clause it is set in
    ('As The Times reported, the fund "gave millions" to the campaign.',
     'the fund "gave millions" to the campaign', "reported", "The Times"),
    # the parser made the cue a clause of what it reports
    ('Instead, Trump told CNN, his policy would merely be "to go after them" if he wins the White House.',
     'his policy would merely be "to go after them" if he wins the White House', "told", "Trump"),
])
def test_partial_quotation_inside_a_misparsed_report(nlp, text, content, cue, speaker):
    found = [q for q in quotes_of(nlp, text) if q.content.text == content]
    assert spans(text, only(found))[1:3] == (cue, speaker)


def test_rules_surface_speaker_after_an_inverted_tag(nlp):
    """The cue rules alone: before a second cue, words that open with a verb are an inverted tag
    of their own ('"...," said Jo Roe, ..., reports X'); the second cue's speaker follows it."""
    from tidings.nlp.quotes.attach import _surface_speaker
    text = ('\u201cThe new rule simply tells small farmers they are no longer wanted,\u201d said Jo Roe, executive '
            'director of Farmers for Fairness, reports the Daily Bugle.')
    doc = nlp(text)
    runs = find_quoted_runs(text)
    i = next(t.i for t in doc if t.text == "reports")
    span, _ = _surface_speaker(doc, (i, i + 1), runs, [r.start for r in runs])
    assert span is not None and doc[span[0]:span[1]].text == "the Daily Bugle"


def test_a_report_ends_where_a_clause_of_narration_with_its_own_quotation_begins(nlp):
    text = 'Smith said the plan was strong and fair, to which Jones interjected: "It is just not true."'
    got = {(q.content.text, q.speaker.text) for q in find_quotes(nlp(text), learned=False)}
    assert got == {("the plan was strong and fair", "Smith"), ('"It is just not true."', "Jones")}


def test_so_called_is_no_cue_and_its_term_nobodys_words(nlp):
    # 'so-called' is the writer keeping a distance from a word: 'called' is no cue, and the quoted
    # term is no quotation for a governing verb or the speaker ranker to give anybody
    text = "Travelers must now spend ten days in a so-called \u201cCOVID hotel\u201d at their own cost."
    assert quotes_of(nlp, text) == [] and find_quotes(nlp(text), learned=False) == []
    text = 'The U.S. was giving weapons to the so-called "rebels," officials said.'
    q = only(quotes_of(nlp, text))
    assert spans(text, q)[:3] == ('The U.S. was giving weapons to the so-called "rebels,"', "said", "officials")

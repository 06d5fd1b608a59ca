"""The cue rules alone on partial quotations inside reported clauses: a table of sentences
written for each rule."""
from __future__ import annotations

import pytest

from quote_rows import assert_rules_find


@pytest.mark.parametrize("text,content,cue,speaker", [
    # an opening 'as reported by X' aside reports the clause even when its verb is one of finding
    ('As reported by the Springfield Courier, former mayor Jane Roe found both plans to be "disqualifying."',
     'former mayor Jane Roe found both plans to be "disqualifying."', "reported", "the Springfield Courier"),
    # an owner's quoted claim inside another cue's object stands beside that cue's attribution
    ('The mayor on Thursday blamed the press for making an issue out of Jane Roe\'s claim that the council "sold the '
     'bridge," saying they were nitpicking.', 'the council "sold the bridge,"', "claim", "Jane Roe"),
    # a share of those polled says what the poll found: the poll (in an 'in' phrase or heading the clause) speaks
    ('In a September Springfield Courier poll, 75 percent of voters said "most people in politics" can\'t be trusted.',
     '"most people in politics" can\'t be trusted', "said", "a September Springfield Courier poll"),
    # words opening with 'and' and holding a verb before a cue are a second predicate, not the cue's subject
    ('He pledged to be "the greatest mayor that God ever created" and cast doubt on the official jobless rate of '
     '4.9 percent, suggested that the real rate could be as high as 42 percent.',
     'to be "the greatest mayor that God ever created"', "pledged", "He"),
    # a participle conjoined to a tensed verb (here a passive) inside a participle's clause goes with that participle
    ('Roe pushed back on the claims Thursday, saying that the bill had the right parts but was sunk by voter '
     'mistrust - and arguing that he and Doe shared "almost all the same views on the budget."',
     'he and Doe shared "almost all the same views on the budget."', "arguing", "Roe"),
    # an infinitive cue hung on a noun as a relative clause is done by the subject of the noun's clause
    ('The judge pointed to a previous case to say that courts must weigh "whether the case involves issues '
     'important to the public."', 'courts must weigh "whether the case involves issues important to the public."',
     "say", "The judge"),
    # a participle used as a preposition ('following') is a setting between a cue and its 'that' clause
    ('Roe said following a vote in 2004 that she had "very serious doubts about the plan."',
     'she had "very serious doubts about the plan."', "said", "Roe"),
    # a quotation in a clause conjoined to a reported clause is the reporter's, not the inner subject's
    ('He said Roe has been "a tremendously important part of my team," and Democrats would need to "depend on '
     'her" for the final months.', 'to "depend on her" for the final months', "need", "He"),
    # a capitalised '-ed' speech verb read as part of the name after it, before a colon, is an inverted tag
    ('He spoke at length on the radio.\nStated Roe:\n"We will win this fight and we will not stop."',
     '"We will win this fight and we will not stop."', "Stated", "Roe"),
    # a clause glued to a 'told X' inside an 'after' clause is what was told, not the clause it modifies
    ('The deal comes just three days after Roe told The Daily Bugle he was "not quite there yet" on backing Doe, '
     'who faces a primary.', 'he was "not quite there yet" on backing Doe', "told", "Roe"),
    # a contrast clause with a speaker of its own is cut from the first speaker's clause
    # a cue taken for a modifier of the subject, before an 'and' hung on that subject, is its first predicate
    ('Jones, speaking on the radio, called Smith a \u201cfraud,\u201d and said his tax plan was a gift to the rich.',
     'Smith a \u201cfraud,\u201d', "called", "Jones"),
    # an '-ing' cue conjoined to a gerund inside a reported clause goes with the comma participle
    ('She has pushed back against the charges against her boss, saying he has been a pioneer in hiring women '
     'in his firm and calling him "a mentor."', 'him "a mentor."', "calling", "She"),
    # a noun after a semicolon that the parser tacked onto the clause before opens a clause of its own
    ('That decision prompted the board to call a vote in May on whether to close the library; one trustee '
     'called the plan "a betrayal of our readers."', 'the plan "a betrayal of our readers."', "called",
     "one trustee"),
    ('Jones suggested that anyone who skips the debates cannot win, while Smith said that the "stakes are '
     'too high" for the party.', "anyone who skips the debates cannot win", "suggested", "Jones"),
    # a closing 'according to' gives the source of the whole report, not a part of its clause
    ('On Friday, Jones said he was "glad to see" that the bill had passed, according to the Daily Bugle.',
     'On Friday, Jones said he was "glad to see" that the bill had passed', "according to", "the Daily Bugle"),
    # a participle with a subject of its own is inside what was said
    ('The senator said it is basically the same thing as the judge referring to herself as "a wise woman."',
     'it is basically the same thing as the judge referring to herself as "a wise woman."', "said", "The senator"),
    # a conjunct opening with a quotation mark goes on with what was said
    ('Jones said he had received offers for the painting, but "the offers were not serious at all."',
     'he had received offers for the painting, but "the offers were not serious at all."', "said", "Jones"),
    # a contracted 'has' taken for a passive 'is'
    ("Look at the mayor. He's said he gets his ideas about zoning from a speech in a novel called "
     '"The Fountainhead."', 'he gets his ideas about zoning from a speech in a novel called "The Fountainhead."',
     "said", "He"),
    # an infinitive after a verb of promising is what was promised, not a purpose
    ('Jones promised Sunday at a county fair to end "the wasteful $18 million parking program." '
     'He repeated that promise on Monday.', 'to end "the wasteful $18 million parking program."',
     "promised", "Jones"),
    # a participle cue followed by a clause the parser hung on the verb above it
    ('The former governor voiced his doubts in a radio interview with "The Hour," remarking from Maine he did '
     'not think "this is a fair process."', 'he did not think "this is a fair process."',
     "remarking", "The former governor"),
    # a clause closed by a semicolon before the cue is not what was said
    ('More than eight of 10 farmers in the valley were worried about the harvest; most said they were '
     '"very worried."', 'they were "very worried."', "said", "most"),
    # an adjective with an infinitive cue takes the subject of its copula
    ('The mayor was careful to note that the plan is "only a draft" for now.', 'the plan is "only a draft" for now',
     "note", "The mayor"),
    # the reason right after a reported clause holding a quotation is part of it
    ('Her lawyer wrote in a filing that such a request was "futile," because if there were more records, '
     'the county now holds them.',
     'such a request was "futile," because if there were more records, the county now holds them', "wrote",
     "Her lawyer"),
    # a comma relative after the quotation has closed is the writer's gloss
    ('Jones said on the radio that he would "take a look" at the bill, which would give the police more time '
     'to check records.', 'he would "take a look" at the bill', "said", "Jones"),
    # a noun phrase set off by a dash after the quotation has closed is the writer's gloss
    ('The mayor spoke hours after Jones said he was \u201cencouraged\u201d by the plan \u2014 a modest boost for '
     'the mayor since 2009.', 'he was \u201cencouraged\u201d by the plan', "said", "Jones"),
    # with a full clause after the cue, a clause the parser hung before it is the setting
    ('On the mayor\'s assertion there are engineers who agree with him, Jones said he believes "there may be a '
     'few engineers who are boasting. But the ones who know the bridge are worried."',
     'he believes "there may be a few engineers who are boasting. But the ones who know the bridge are worried."',
     "said", "Jones"),
    # a comparison the parser hung on the cue measures the quoted judgement: part of what was said
    ('Roe told a crowd on Monday that the new fee is \u201cpeanuts,\u201d compared to what farmers paid before.',
     'the new fee is \u201cpeanuts,\u201d compared to what farmers paid before', "told", "Roe"),
    # 'describe X as' with a gerund that is no verb of saying is the describer's own verdict
    ('Critics described the delay as having \u201cminimal\u201d impact on the budget.',
     'the delay as having \u201cminimal\u201d impact on the budget', "described", "Critics"),
    # a gerund after 'for' on a verb with an object is the reason for that verb's verdict
    ('Jo Roe, a former aide, ripped the mayor for acting as \u201cthe judge and the jury\u201d in his handling '
     'of the audit.', 'the mayor for acting as \u201cthe judge and the jury\u201d in his handling of the audit',
     "ripped", "Jo Roe"),
    # an 'over'/'about' phrase right after a quoted charge names what the charge is about
    ('Farm groups are crying "fraud" over the vote count and threatening to sue.',
     '"fraud" over the vote count', "crying", "Farm groups"),
    # a comma relative after the quotation has closed is the writer's gloss, with the comma inside
    # the closing mark and a preposition before the relative pronoun
    ('Lawmakers slammed the tax trick called an "inversion," in which a firm moves its home abroad.',
     'the tax trick called an "inversion,"', "slammed", "Lawmakers"),
    # a report by its sentence's main verb, ended by a full stop, is led on by the cue-less quotation after it
    ('The mayor said the town would rebuild the bridge by the spring. "Nobody will be left behind."',
     'the town would rebuild the bridge by the spring. "Nobody will be left behind."', "said", "The mayor"),
    # a cue conjoined to its sentence's main verb, whose subject it shares, leads a quotation on as well
    ('The mayor praised the new bridge and argued that the town needed a second one. "One crossing is not enough '
     'for a growing town."', 'the town needed a second one. "One crossing is not enough for a growing town."',
     "argued", "The mayor"),
    # verbs of deriding and chiding say what their object holds
    ('The mayor chided reporters for asking "silly questions" about the budget.',
     'reporters for asking "silly questions" about the budget', "chided", "The mayor"),
    # a directive is said: 'ordered' takes its object and what it is ordered to do
    ('The judge ordered the agency to release the "missing" emails by Friday.',
     'the agency to release the "missing" emails by Friday', "ordered", "The judge"),
    # 'wondered whether C' reports C
    ('Many voters wondered whether the mayor had "lost his touch" this year.',
     'whether the mayor had "lost his touch" this year', "wondered", "Many voters"),
    # a relative clause's speech verb inside another cue's object reports its own quoted words
    ('Kim Roe praised Jo Lee, who has vowed to fight the "unfair and reckless" tax.',
     'to fight the "unfair and reckless" tax', "vowed", "Jo Lee, who"),
    # but not a quotation shaped for a tag of its own (here one the rules do not read, after a triple mark)
    ("Ms. Roe described the meeting. ''I said, 'The town should not wait another year for the bridge,''' she "
     "recalled.", "the meeting", "described", "Ms. Roe"),
    # a possessed noun of saying as the subject of 'be' with a that-clause: the owner said the clause
    ('Roe\'s catch phrase in that race was that Smith "would say or do anything to win."',
     'Smith "would say or do anything to win."', "phrase", "Roe"),
    # 'referred to X as "Y"': the object of 'to' before the 'as' phrase is part of what was said
    ('The mayor has mocked a reporter and referred to the protesters as "paid agitators" in a speech.',
     'the protesters as "paid agitators"', "referred", "The mayor"),
    # an infinitive after a verb of advising and its object is what was advised, though a date stands between
    ('Roe has promoted a self-effacing approach in several recent speeches, advising Smith College graduates in '
     '2007 to "become members of the two-H club: hard work and humility," and telling another class, "Be kind."',
     'Smith College graduates in 2007 to "become members of the two-H club: hard work and humility,"',
     "advising", "Roe"),
    # an opening mark typed right after a word, before a space, closes the quotation
    ('Roe called the plan \u201cabhorrent\u201c in a tweet Sunday. A month later, he visited the border and spoke '
     'at length.', 'the plan \u201cabhorrent\u201c', "called", "Roe"),
    # a refusal is an attributed stance: the infinitive refused or declined is the content
    ('Asked about the endorsement, the campaign declined to "discuss private conversations."',
     'to "discuss private conversations."', "declined", "the campaign"),
    # a verb of regarding with an object and an 'as' phrase reports what its subject holds
    ('Critics see the plan as "a giveaway to the rich," and few expect it to pass.',
     'the plan as "a giveaway to the rich,"', "see", "Critics"),
    # a verb of depicting with an object and an 'as' phrase says what the object is
    ('Cruz has cast him as "weak on immigration" in recent weeks.', 'him as "weak on immigration"', "cast", "Cruz"),
    # a gerund cue on the object of a verb ('made a point of saying') is said by that verb's subject
    ('And he made a point of saying the club "was a place of solidarity and joy" for its members.',
     'the club "was a place of solidarity and joy" for its members', "saying", "he"),
    # the infinitive after a possessed noun of promising is what its owner promised
    ('Voters cheered his promise to be "neutral" in the talks.', 'to be "neutral" in the talks', "promise", "his"),
    # an adjective of certainty, hope or fear with a clause reports what its subject holds
    ('But loyalists were adamant that he has "no plans" to run.', 'he has "no plans" to run', "adamant", "loyalists"),
    ('The group spent the week in Iowa, confident that voters would "come home" in the end.',
     'voters would "come home" in the end', "confident", "The group"),
    # a quoted name after 'as' on a verb with an object is what the subject called the object
    ('After the vote, Roe emailed her his thanks, addressing her informally as \u201cKim\u201d and telling her '
     'to rest.',
     'her informally as \u201cKim\u201d', "addressing", "Roe"),
    # a quoted report in a relative clause inside another cue's object stands: the relative's subject said it
    ('The pastor praised the local bishop, who has publicly vowed to "stand firm" against the new rules.',
     'to "stand firm" against the new rules', "vowed", "bishop"),
    # a noun phrase after a comma right after a closed quotation is the writer's gloss, not what was said
    ('The mayor also cited the \u201cElm Street loophole,\u201d a flaw in the town\u2019s zoning code that lets '
     'builders skip reviews.',
     'the \u201cElm Street loophole,\u201d', "cited", "The mayor"),
    # a closing tag's clause the parser took for a second subject of the cue: the inverted subject speaks
    ('The closing of the mill signals "the end of an era" for the town, said Jo Roe, a historian at the state college.',
     'The closing of the mill signals "the end of an era" for the town', "said", "Jo Roe"),
    # an 'as' clause with its own subject after the closing quotation is the time of saying, not what was said
    ('The mayor says he is "proud of the work" as he faces a tough race in the fall.',
     'he is "proud of the work"', "says", "The mayor"),
]
)
def test_rules_for_partial_quotations(nlp, text, content, cue, speaker):
    """The cue rules alone: a reported clause holding (or next to) a partial quotation has the
    given extent, cue and speaker."""
    assert content is not None
    assert_rules_find(nlp, text, content, cue, speaker)

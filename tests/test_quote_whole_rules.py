"""The cue rules alone on whole quotations: a table of sentences written for each rule."""
from __future__ import annotations

import pytest

from quote_rows import assert_rules_find


@pytest.mark.parametrize("text,content,cue,speaker", [
    # an apposition before the cue may be long
    ('"It is not over," Jane Roe, a senior adviser to the mayor of Springfield, said at a forum.',
     '"It is not over,"', "said", "Jane Roe"),
    # a present-tense cue the tagger took for a noun
    ('The letter to the director is blunt. "You seem to have picked a new standard out of thin air," the two write.',
     None, "write", "the two"),
    # a subject with a prepositional phrase
    ('"Will he be the next attorney general?" a staffer in the room wondered.', None, "wondered",
     "a staffer in the room"),
    # an exclamation in capitals is words said, not a title
    ('She declared "What a Great Night!" and thanked her staff.', '"What a Great Night!"', "declared", "She"),
    # a quotation after a colon with a closing tag of its own
    ('He hinted at his plan: "We will win the state," he said.', '"We will win the state,"', "said", "he"),
    # an adjective with a determiner as the subject
    ('"Donald is an amazing leader," said the 46-year-old.', None, "said", "the 46-year-old"),
    # a quotation with a lower-case tag of its own is not reached over narration
    ('Trump did support the idea on Thursday, and the network has proof:\n\n"Should there be a database?" '
     'a reporter can be heard asking Trump.', '"Should there be a database?"', "asking", "a reporter"),
    # a speech cue in a relative clause between a verb and the clause hung on it
    ('Cruz scored his first endorsement from Mike Lee, who declared in the spin room, '
     '"I am sending the signal that it is time to unite."', None, "declared", "Mike Lee"),
    # a colon after the cue's object
    ('Clinton has since apologized for what happened: "I should have used two accounts. I take full responsibility."',
     None, "apologized", "Clinton"),
    # a possessed noun of saying
    ('Mitt Romney\'s "47 percent" comment was nearly as dismissive.', '"47 percent"', "comment", "Mitt Romney"),
    ('Clinton\'s response was: "Is the store in Ohio or in Wisconsin?"', None, "response", "Clinton"),
    # a writer presenting a quotation
    ('Here\'s Clinton in December 1992: "Our new direction must rest on an understanding of new realities."',
     None, ":", "Clinton"),
    # a right double mark opening a quotation
    ('\u202a\u201dSorry Sarah, you should have said it differently!\u201d posted Jane Roe.', None, "posted",
     "Jane Roe"),
    # the attribution whose cue closes the paragraph before
    ('Her friends have mocked his campaign, calling him "an orange buffoon," Susan said as she turned around.\n\n'
     '"But he is our orange buffoon, and we love him!"', '"But he is our orange buffoon, and we love him!"', "said",
     "Susan"),
    # transcript labels
    ('Rep. Trey Gowdy (R-S.C.):"I have not heard anyone cite that figure. Who told you that?"', None, ":",
     "Rep. Trey Gowdy"),
    ('Former secretary of state Jane Roe:"We learned that from the department and its analysis of the files."',
     None, ":", "Former secretary of state Jane Roe"),
    # a participle aside made the main verb
    ('But Sen. Richard J. Durbin (D-Ill.), noting the size of Sanders\'s following, said, "Let me tell you, '
     'he\'s got a heck of an email list."', None, "said", "Durbin"),
    # a pronoun of number after an inverted cue
    ('Skywriters filled the skies with messages. "America is great! Trump is disgusting," read one.', None, "read",
     "one"),
    # verbs of loud or sharp saying next to a quotation
    ('The senator snapped, "That is not what I said, and you know it."', None, "snapped", "The senator"),
    # a roundup line names its source after the dash, whatever cue the headline has
    ('Pollsters agree - Carl Bialik: "One of the biggest lessons was a simple one: keep on contacting '
     'voters as late as possible."', None, ":", "Carl Bialik"),
    # 'That said,'
    ('At a rally she described him as kind. (That said, she also noted, "When you attack him, he will punch back.")',
     None, "noted", "she"),
    # a quotation closed by a full stop is not the words of a cue with its own object in the next sentence
    ('"We lost the vote," she said. "We will win the next one." She noted a planned rally on Friday.',
     '"We lost the vote," she said. "We will win the next one."', "said", "she"),
    ('"It will cost a lot," Roe said about the campaign. "It is what we face." He went on to say:\n'
     '"None of them will help us."', '"It will cost a lot," Roe said about the campaign. "It is what we face."', "said",
     "Roe"),
    # an opening mark after a cue starts what it says: the cue is no closing tag with a setting
    ('Asked whether she would run again, Roe said, "Probably."', '"Probably."', "said", "Roe"),
    # a short parenthesis after the one told does not part the cue from its quotation
    ('As the mayor told the Springfield Courier (SC), "We will rebuild the bridge by the spring."',
     '"We will rebuild the bridge by the spring."', "told", "the mayor"),
    # a noun-tagged closing cue whose subject has a hyphenated word and a place after it
    ('"We will fight for every family in this state," a voice-over in the ad states.', None, "states",
     "a voice-over in the ad"),
    # a speech verb the tagger read as a plural noun ('Clause 7 states:') is still the cue
    ('The charter was signed in 1990. Clause 7 states: "Each town shall keep its own records."',
     '"Each town shall keep its own records."', "states", "Clause 7"),
    # a participle conjoined after another participle's reported clause shares that participle's subject
    ('Democrats were quick to respond, with Jane Roe posting that it was a "disgrace" for the city and asking, '
     '"Who will pay for this?"', '"Who will pay for this?"', "asking", "Jane Roe"),
    # the noun after a participle following a quotation is its object, not an inverted speaker
    ('When Smith said the town would sue, the mayor fired back forcefully: "If they sue us in a court here, '
     'they are going to lose," referencing the large number of local voters.',
     '"If they sue us in a court here, they are going to lose,"', "fired", "the mayor"),
    # a comma participle after a 'where' clause with a subject of its own describes that subject
    ('Roe spoke just down the road from the old casino, now owned by investor Jim Doe, where about 40 strikers '
     'had gathered on Monday morning, chanting "no deal, no work" after the talks failed.', '"no deal, no work"',
     "chanting", "strikers"),
    # a comma participle closing a 'who' clause on an object is that person's doing
    ('The mayor was campaigning for a retired teacher named Jo Roe, who is running for the council and who '
     'worked the room, praising "the town\'s spirit and its endless generosity" as she promised to fix the roads.',
     '"the town\'s spirit and its endless generosity"', "praising", "Jo Roe"),
    # a comma participle after an 'in which' scene (through its infinitive) describes the scene's doer
    ('The group\'s new push began with a 30-second Web ad, "Playing Boss," in which children use a toy crane to '
     'bash in a dollhouse, yelling "zoning!"', '"zoning!"', "yelling", "children"),
    # an infinitive after a verb of causing with an object is the object's doing
    ('At one point, Smith told Jones to "calm down, calm down." That prompted Brown to make a joke about golf and '
     'call Jones "very flexible," a nod to his changing views.', 'Jones "very flexible,"', "call", "Brown"),
    # a speech cue heading a 'which' or 'as' clause of narration set in someone's report has its own quotation
    ('Smith said the plan was strong and fair, to which Jones interjected: "It is just not true."',
     '"It is just not true."', "interjected", "Jones"),
    ('He said the league was in "good shape," which he called "a relief to us all."',
     '"a relief to us all."', "called", "he"),
    # a quotation reopened over a paragraph break before a tag of its own, its first paragraph tagged too,
    # is two quotes
    ('"We will win," Roe said. "The whole town is behind us.\n\n"And we will not stop now," she added.',
     '"And we will not stop now,"', "added", "she"),
    # a second name and colon after a closed quotation on a colon line opens that name's words
    ('Two senators reject the plan.\n\nRoe: "We will vote against it." Doe: "The plan is far too costly for us."',
     '"The plan is far too costly for us."', ":", "Doe"),
    # a nearer cue with a colon between a cue and the clause hung on it introduces that clause
    ('"There is a young man having some problems," the mayor said as the protester yelled: "Go home now!"',
     '"Go home now!"', "yelled", "the protester"),
    # a quotation set off by a comma or colon after its cue is words said, even short and in capitals
    ('Roe tried to laugh it off by interjecting, \u201cOnly Kim Lee.\u201d But the host pressed on.',
     '\u201cOnly Kim Lee.\u201d', "interjecting", "Roe"),
    # two curly single marks typed for a double one close the quotation ('a “question’’ that ...')
    ('The moderator opened with a \u201cquestion\u2019\u2019 that stung.\n\n\u201cYou have called women awful '
     'names,\u201d Roe charged.', '\u201cYou have called women awful names,\u201d', "charged", "Roe"),
    # a roundup line's colon may be followed by a no-break space before the quotation
    ('VOTER TURNOUT IN IOWA STAYS FLAT - Jane P. Roe: \u00a0\u201cAt long last the contests have started, and we '
     'now have a first glimpse at turnout.\u201d [Blog.]\n\nNext item here.', None, ":", "Jane P. Roe"),
    # a presented excerpt left open (cut off) still runs to the end of its paragraph
    ('What that means for the race - More from Roe: \u201cThe partisanship of the state is a starting point, but '
     'the size of the state matters as much as\n\nNext item here.',
     '\u201cThe partisanship of the state is a starting point, but the size of the state matters as much as',
     ":", "Roe"),
    # 'Transcript as follows:' as the paragraph before a quoted one presents the document's words
    ('The senator spoke to the crowd on Monday night.\n\nTranscript as follows:\n\n"Tonight we arrived in '
     'Cleveland, and we went to a restaurant to grab a quick meal."\n\nFollow us online.', None, ":", "Transcript"),
    # an exclamation in capitals after a cue's colon is words said, not a title
    ('"Let everybody know they are to go to the park," Roe says to Smith on camera, who responds eagerly: '
     '"Okay!"', '"Okay!"', "responds", "who"),
    # a verbless setting before the comma ('In a 1990 speech,') is no closing tag's clause
    ('In a 1990 speech, she declared:\n\n"The river belongs to all of us."', '"The river belongs to all of us."',
     "declared", "she"),
]
)
def test_rules_for_whole_quotations(nlp, text, content, cue, speaker):
    """The cue rules alone (the learned layer may re-decide an isolated sentence): the quotation
    (when given) is found with its cue and speaker."""
    assert_rules_find(nlp, text, content, cue, speaker)

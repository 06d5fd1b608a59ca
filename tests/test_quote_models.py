"""The trained parts of the quotes layer: shipped models match their code, and what they add.

The models are trained by scripts/train_quotes.py on PolNeAR train; the sentences here are our own.
"""
from __future__ import annotations

import json

import numpy as np
import pytest

from tidings.extract.treemodel import TreeModel, load_model_from
from tidings.nlp.quotes import candidates as ql
from tidings.nlp.quotes import speaker_model as qs
from tidings.nlp.quotes import spans as qsp
from tidings.nlp.quotes.marks import find_quoted_runs
from tidings.nlp.quotes import find_quotes


def quotes_of(nlp, text):
    return [(q.content.text, q.speaker.text if q.speaker else None, q.cue.text if q.cue else None)
            for q in find_quotes(nlp(text))]


@pytest.mark.parametrize("loader,features", [
    (ql.load_candidate_model, ql.FEATURES),
    (ql.load_filter_model, ql.FILTER_FEATURES),
    (qs.load_speaker_model, qs.SPEAKER_FEATURES),
    (qs.load_orphan_model, qs.ORPHAN_FEATURES),
    (qsp.load_span_model, qsp.FEATURES),
])
def test_shipped_models_read_the_features_the_code_computes(loader, features):
    # a feature added or reordered in code without retraining would silently scramble the trees
    model = loader()
    assert model is not None
    assert model.features == tuple(features)
    assert 0.0 <= model.threshold <= 1.0


def test_cue_priors_rank_speech_verbs_above_ordinary_verbs():
    priors = ql.load_priors()
    say, _ = priors.rate(priors.lemma_dep, ("say", "ccomp"))
    eat, _ = priors.rate(priors.lemma_dep, ("eat", "dobj"))
    assert say > 0.5 > eat


def test_priors_round_trip_through_their_tsv_format():
    priors = ql.load_priors()
    again = ql.parse_priors(ql.format_priors(priors))
    assert again.lemma == priors.lemma and again.lemma_dep == priors.lemma_dep
    assert abs(again.base - priors.base) < 1e-5


def test_all_trees_walked_together_equal_one_tree_at_a_time():
    # two hand-made trees over two features
    data = {"features": ["a", "b"], "baseline": -0.5, "threshold": 0.5, "trees": [
        {"feature": [0, 0, 0], "threshold": [1.0, 0, 0], "left": [1, 0, 0], "right": [2, 0, 0],
         "value": [0, -1.0, 2.0], "leaf": [0, 1, 1]},
        {"feature": [1, 0, 1, 0, 0], "threshold": [0.5, 0, 2.0, 0, 0], "left": [1, 0, 3, 0, 0],
         "right": [2, 0, 4, 0, 0], "value": [0, 0.25, 0, 0.5, -0.75], "leaf": [0, 1, 0, 1, 1]},
    ]}
    trees = tuple(tuple(np.asarray(t[k], dtype=dt) for k, dt in (
        ("feature", np.int64), ("threshold", float), ("left", np.int64), ("right", np.int64),
        ("value", float), ("leaf", bool))) for t in data["trees"])
    model = TreeModel(tuple(data["features"]), data["baseline"], data["threshold"], trees)
    x = np.array([[0.0, 0.0], [2.0, 1.0], [2.0, 3.0], [1.0, 0.5]])
    # by hand: tree 1 gives -1 when a <= 1 else 2; tree 2 gives .25 when b <= .5, .5 when b <= 2, else -.75
    raw = -0.5 + np.array([-1 + 0.25, 2 + 0.5, 2 - 0.75, -1 + 0.25])
    assert np.allclose(model.predict_proba(x), 1 / (1 + np.exp(-raw)))


def test_model_json_loads_with_its_threshold(tmp_path):
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"features": ["a"], "baseline": 0.0, "threshold": 0.3,
                                "trees": [{"feature": [0], "threshold": [0.0], "left": [0], "right": [0],
                                           "value": [1.0], "leaf": [1]}]}))
    model = load_model_from(str(path))
    assert model.threshold == 0.3
    assert np.allclose(model.predict_proba(np.zeros((2, 1))), 1 / (1 + np.exp(-1.0)))


def test_two_apostrophes_are_one_double_quotation_mark():
    text = "He said, ''We will win.'' It's Armenia's 'scare' word."
    runs = find_quoted_runs(text)
    assert [(text[r.start:r.end], r.family) for r in runs] == [("''We will win.''", "double"), ("'scare'", "single")]


def test_split_quote_in_apostrophe_style_is_one_quote(nlp):
    text = ("''If he has killed reporters, I think that's terrible,'' Mr. Trump said. ''But this isn't like "
            "somebody that stood with a gun. He has always denied it.''")
    (content, speaker, cue), = quotes_of(nlp, text)
    assert content == text and speaker == "Mr. Trump" and cue == "said"


def test_short_quoted_sentence_after_a_quote_continues_it(nlp):
    text = '"They sue all the time," he said. "Everybody sues, right?"'
    (content, speaker, cue), = quotes_of(nlp, text)
    assert content == text and speaker == "he" and cue == "said"


def test_the_candidate_model_adds_attributions_no_cue_rule_knows(nlp):
    # 'refuse' and 'endorse' are in no hand-made cue list: the trained candidate model adds them
    assert quotes_of(nlp, "Senator Ted Cruz refused to disavow the endorsement of Lindsey Graham.") == [
        ("to disavow the endorsement of Lindsey Graham", "Senator Ted Cruz", "refused")]
    # the object alone, or the rest of its sentence when the span model prefers it (PolNeAR's
    # annotators did both): which of the two is up to the trained models
    (content, speaker, cue), = quotes_of(nlp, "Trump endorsed Paul Ryan on Friday.")
    assert content in ("Paul Ryan", "Paul Ryan on Friday") and (speaker, cue) == ("Trump", "endorsed")


def test_a_cue_already_used_is_not_given_a_second_content(nlp):
    text = 'The mayor defended the budget on Monday: "We cannot spend money we do not have."'
    (content, speaker, cue), = quotes_of(nlp, text)
    assert content == '"We cannot spend money we do not have."' and speaker == "The mayor"


def test_without_the_models_the_rules_still_run(nlp):
    doc = nlp('"We will win," Warren said.')
    quotes = find_quotes(doc, learned=False)
    assert [(q.content.text, q.speaker.text) for q in quotes] == [('"We will win,"', "Warren")]


def test_span_alternatives_are_built_from_the_text():
    text = ('Crowds gathered. The senator said crime is \u201ca serious problem\u201d but '
            '\u201cnobody wants to fix it.\u201d He left.\nNext line.')
    runs = find_quoted_runs(text)
    start = text.index("crime")
    end = text.index("\u201d") + 1                  # a clause cut after its first quotation
    # on to the next quotation is the same span as to the sentence's end here: listed once
    starts = [r.start for r in runs]
    alts = {qsp.ALTERNATIVES[a]: text[s:e] for a, s, e in qsp.alternatives(text, runs, starts, start, end)}
    assert alts == {
        "sentence_end": 'crime is \u201ca serious problem\u201d but \u201cnobody wants to fix it.\u201d',
        "first_quotation": "\u201ca serious problem\u201d",
        "sentence_start": 'The senator said crime is \u201ca serious problem\u201d',
        "line_end": 'crime is \u201ca serious problem\u201d but \u201cnobody wants to fix it.\u201d He left',
    }


def test_span_choice_takes_the_likeliest_alternative_clear_of_others():
    keys = [(0, 0, 10), (0, 0, 20), (1, 15, 30), (2, 40, 50)]
    p = np.array([0.8, 0.9, 0.85, 0.5])
    # attribution 0 takes (0, 20); attribution 1's (15, 30) overlaps it; 2 is under the threshold
    assert qsp.choose(keys, p, 0.7) == {0: (0, 20)}
    assert qsp.choose(keys, p, 0.95) == {}


def test_quotation_after_a_long_tag_goes_to_no_other_speaker(nlp):
    # no rule joins B (the tag between is long); whatever the models do with it, it is not given
    # to 'Calif.', the name nearest to it
    text = ('"They would be wrong," Michael Briggs, a spokesman for the campaign, said in an interview '
            'Sunday in Santa Monica, Calif. "The reality is that this is going to the convention."')
    quotes = quotes_of(nlp, text)
    assert quotes[0][0].startswith('"They would be wrong,"')
    assert quotes[0][1] == "Michael Briggs, a spokesman for the campaign"
    assert all(speaker.startswith("Michael Briggs") for _, speaker, _ in quotes)     # never 'Calif.'


def test_a_sentence_ended_by_its_quotation_has_no_further_end_to_reach():
    text = 'Sanders called the suspension \u201carbitrary.\u201d Hendler disagreed.'
    runs = find_quoted_runs(text)
    start, end = text.index("the"), text.index("\u201d") + 1
    alts = {qsp.ALTERNATIVES[a]: text[s:e]
            for a, s, e in qsp.alternatives(text, runs, [r.start for r in runs], start, end)}
    assert "sentence_end" not in alts       # not on into 'Hendler disagreed.'


def test_a_clause_grown_over_a_lone_quotation_takes_it_in(nlp):
    from tidings.nlp.quotes.found import Found
    # 'He said he intends to win, so he will put together "the strongest agenda."': the parser ended
    # the reported clause at the comma and the quotation was attributed on its own
    text = ('He said he intends to win, so he will put together "the strongest agenda." '
            '"We won," Jo said. After Brown criticized Clinton, Hillary shot back, "I chose my work."')
    doc = nlp(text)

    def found(content, cue, speaker, direct, how):
        s, e = text.index(content), text.index(content) + len(content)
        c = text.index(cue)
        name = doc.char_span(text.index(speaker), text.index(speaker) + len(speaker))
        return Found(s, e, (c, c + len(cue)), (name.start, name.end, name.start), direct, 0, [], how=how)

    clause = found("he intends to win", "said", "He", False, "frame")
    lone = found('"the strongest agenda."', "put", "he will", True, "licensed")
    tagged = found('"We won,"', "said", "Jo", True, "tagged")
    end = lone.end + 1
    assert qsp.swallows(doc, clause, lone, clause.start, end)
    assert not qsp.swallows(doc, clause, lone, clause.start, lone.end - 5)      # not all of it inside
    assert not qsp.swallows(doc, clause, tagged, clause.start, tagged.end + 1)  # its own tag follows it
    assert not qsp.swallows(doc, lone, clause, 0, end)                          # a direct quote takes nothing in
    assert qsp.swallowed(doc, [clause, lone, tagged], {0: (clause.start, end)}) == {1}
    # a span chosen for itself stays
    assert qsp.swallowed(doc, [clause, lone, tagged], {0: (clause.start, end), 1: (lone.start, lone.end)}) == set()
    # 'After Brown criticized Clinton, Hillary shot back, "..."': the quotation's own speaker, named
    # in the stretch the clause would grow over, opens a clause of its own
    criticized = found("Clinton, Hillary", "criticized", "Brown", False, "frame")
    criticized.end = criticized.start + len("Clinton")
    shot = found('"I chose my work."', "shot", "Hillary", True, "licensed")
    assert not qsp.swallows(doc, criticized, shot, criticized.start, len(text))

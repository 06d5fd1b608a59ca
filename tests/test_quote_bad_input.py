"""Bad input: empty and degenerate text, unbalanced marks, a 1 MB paragraph, a run-on sentence."""
from __future__ import annotations

import time

import pytest

from quote_rows import quotes_of
from tidings.nlp.quotes import find_quotes
from tidings.nlp.quotes.lexicon import load_lexicon
from tidings.nlp.quotes.marks import find_quoted_runs


# --- bad input -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "   \n\n  ", "....", '"', '""', "\u201c\u201d\u00ab",
                                  "The end of the story"])
def test_degenerate_text_gives_no_quotes(nlp, text):
    assert find_quotes(nlp(text)) == []


def test_unbalanced_quotation_mark_runs_to_paragraph_end(nlp):
    text = '"We will win this election, Anna Berg said.\n\nThe count starts at noon.'
    qs = quotes_of(nlp, text)
    assert [q.content.text for q in qs if q.direct] in ([], ['"We will win this election, Anna Berg said.'])
    runs = find_quoted_runs(text)
    assert [(r.start, r.end, r.closed) for r in runs] == [(0, 43, False)]


def test_one_megabyte_paragraph_without_parse(nlp):
    # a 1 MB single paragraph of quotes and apostrophes: quotation pairing stays linear
    unit = '"It\'s fine," she said, and \u2018the plan\u2019 isn\'t over. '
    text = unit * (1_000_000 // len(unit))
    t0 = time.perf_counter()
    runs = find_quoted_runs(text)
    assert len(runs) == 2 * (1_000_000 // len(unit))
    doc = nlp.make_doc(text)            # tokens only: no parse, no entities
    assert find_quotes(doc) == []
    assert time.perf_counter() - t0 < 30


def test_run_on_sentence_gives_no_frames_but_quotes_still_run(nlp):
    # hostile text the parser cannot split: its clauses nest a thousand deep, so no frame is read
    # from it (that cost grew with the cube of its length); the rest of the layer still runs
    from tidings.nlp.quotes.cues import verb_frames
    from tidings.nlp.quotes.frame import MAX_SENTENCE_TOKENS
    doc = nlp('word "quoted" said Smith, ' * 200)
    run_on = max(doc.sents, key=len)
    assert len(run_on) > MAX_SENTENCE_TOKENS
    frames = verb_frames(doc, load_lexicon())
    assert frames and not [f for f in frames if run_on.start <= f.cue[0] < run_on.end]
    assert all(doc.text[q.content.start:q.content.end] == q.content.text for q in find_quotes(doc))
    normal = nlp('"We will win," Smith said.')
    assert [f.lemma for f in verb_frames(normal, load_lexicon())] == ["say"]

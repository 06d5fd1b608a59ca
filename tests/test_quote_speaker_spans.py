"""A speaker span holds the speaker's words only (tidings/nlp/quotes/find.py, ``_own_words``): a
phrase read off the surface before a cue stops at the subject of the clause the cue hangs from,
keeps a relative pronoun with its noun, and never starts inside a quotation. Sentences written
for the rule; exact spans."""
from __future__ import annotations

from quote_rows import rows_both

FIELDS = ("content", "cue", "speaker")


def test_the_clause_a_cue_hangs_from_is_not_the_speaker(nlp):
    text = 'Trump gestured as if to stop the ruckus, then leaned in and boomed: “Let’s defeat her in November.”'
    assert rows_both(nlp, text, FIELDS) == [("“Let’s defeat her in November.”", "boomed", "Trump")]


def test_a_relative_pronoun_keeps_its_noun_and_drops_its_clause(nlp):
    text = ('The network fired Schilling, who had worked there since 2010 and most recently called the '
            'decision "a disgrace."')
    assert rows_both(nlp, text, FIELDS) == [('the decision "a disgrace."', "recently called", "Schilling, who")]


def test_a_participle_cue_takes_the_subject_of_the_sentence(nlp):
    text = ("I had to spend the weekend figuring out how to attack a friend without saying, “This is the most "
            "retarded argument I’ve ever read.”")
    said = [r for r in rows_both(nlp, text, FIELDS) if r[1] == "saying"]
    assert said == [("“This is the most retarded argument I’ve ever read.”", "saying", "I")]


def test_a_speaker_never_starts_inside_the_quotation_before_it(nlp):
    text = ("Roe campaigns for Senator Jones, who faces a hard race.\n\n“That’s a legitimate concern, because "
            "they’re very passionate and very principled,” Roe, 69, told MSNBC Monday when asked about concerns "
            "that supporters would not back Smith if he loses.\n\nShe left.")
    rows = rows_both(nlp, text, FIELDS)
    assert rows[0] == ("“That’s a legitimate concern, because they’re very passionate and very principled,”",
                       "told", "Roe, 69")
    assert {speaker for _, _, speaker in rows} == {"Roe, 69"}

"""The ``Frame`` record (cue, speaker and reported clause as token spans) and the span helpers
every reader of cues shares: a span's trimmed ends, the cue's own words, and where a clause
stops before a nested report."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tidings.nlp.quotes.lexicon import CueLexicon
from tidings.nlp.quotes.mentions import mistagged_name, name_as_adverb
from tidings.nlp.quotes.syntax import SUBJECTS


QUOTE_MARKS = set("\"\u201c\u201d\u00ab\u00bb\u201e")
SPEAKER_POS = ("NOUN", "PROPN", "PRON", "NUM", "X")
# a 'sentence' longer than this is a run-on the parser could not split (hostile or broken text):
# its clauses nest thousands deep, so reading frames from it costs time quadratic in its length
# and tells nothing. The longest sentence of PolNeAR's 1,013 articles has 223 tokens.
MAX_SENTENCE_TOKENS = 1000


@dataclass(slots=True)
class Frame:
    cue: tuple[int, int]                 # token span [start, end) of the cue words
    speaker: tuple[int, int] | None      # token span of the speaker mention
    speaker_head: int | None             # token index of the speaker's head word
    content: tuple[int, int] | None      # token span of the reported clause (None: look for a quotation)
    kind: str                            # speech, belief, evidence, phrase
    lemma: str
    clausal: bool = True                 # content is a reported clause (not just the verb's object)


def trim_span(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """Drop punctuation, spaces and a leading conjunction/'that' from a token span's ends."""
    while s < e and (doc[s].is_punct or doc[s].is_space or doc[s].dep_ in ("cc", "mark")
                     and doc[s].lower_ in ("and", "but", "that", "or")
                     or doc[s].dep_ == "mark" and doc[s].lower_ == "for"):    # 'called for X to go'
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space) and doc[e - 1].text not in "\"”»“’'":
        e -= 1
    return s, e


def cue_extent(doc: Doc, verb: Token, lex: CueLexicon) -> tuple[int, int]:
    """The cue words: the verb with its auxiliaries, negation, particles ('pointed out')."""
    s = e = verb.i
    for c in verb.children:
        if c.dep_ in ("aux", "auxpass", "neg", "prt", "advmod") and abs(c.i - verb.i) <= 3:
            if c.dep_ == "advmod" and c.i > verb.i:
                continue
            if c.dep_ == "aux" and mistagged_name(c, ("aux",)):
                continue        # '"...," Will wrote': the columnist, not a modal
            if c.dep_ == "advmod" and name_as_adverb(c, verb):
                continue        # 'Skelly called Braynard "..."': the speaker, not an adverb
            s, e = min(s, c.i), max(e, c.i)
    # "said in a statement": a nominal cue right after the verb joins it
    for c in verb.children:
        if c.dep_ == "prep" and c.i == e + 1 and c.lower_ == "in":
            obj = [g for g in c.children if g.dep_ == "pobj"]
            if obj and obj[0].lemma_.lower() in lex.nouns:
                e = max(e, obj[0].i)
    # keep the cue contiguous and on the verb's side: 'why, Sembler responded' starts at the verb
    for t in doc[s:verb.i]:
        if t.is_punct or t.dep_ in SUBJECTS:
            s = t.i + 1
    return s, e + 1


def cut_nested(clause: Token, trailing: list[int]) -> int:
    """End of a clause's span, stopping before a trailing attribution of its own
    ('he has won, claiming that ...': the claim is a second attribution)."""
    end = clause.right_edge.i + 1
    doc = clause.doc
    for i in trailing[bisect.bisect_right(trailing, clause.i):bisect.bisect_left(trailing, end)]:
        if clause.is_ancestor(doc[i]):
            end = min(end, doc[i].left_edge.i)
            while (end - 1 > clause.i and doc[end - 1].dep_ == "cc" and doc[end - 1].head.i == doc[i].head.i
                   and doc[i].tag_ != "VBG"):
                end -= 1    # '..., but claiming': the conjunction goes with what it joins
    return end

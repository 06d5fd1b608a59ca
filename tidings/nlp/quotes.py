"""Quotes with their speakers: ``find_quotes(doc, actors=None, date=None) -> list[Quote]``.

Two sources of evidence are joined:
  - quotation marks (quote_marks.py): verbatim passages, in any style, across paragraphs;
  - attribution frames from the dependency parse (quote_cues.py): cue verb, speaker (found by
    quote_subjects.py), clause.
A frame whose cue stands right after a quotation (`"...," X said`) or right before one
(`X said: "..."`) takes that quotation as its content (direct quote); one with a quotation on
both sides (`"...," he said, "..."`) is ONE quote whose content runs from the first opening
mark to the last closing mark. Other frames report their clause (indirect quote), with any
scare quotes inside it as part of the content (the PolNeAR convention: the content is the
whole reported clause, not the quoted fragment). A quotation with no cue of its own later in
the paragraph of a direct quote continues it. A quotation that no speech cue claims is still
attributed when a verb with a speaker governs it (quote_licensed.py: '"...," beamed X').
Attributions nested in another one's clause belong to the outer one (PolNeAR is univocal).

Speakers are named by quote_speakers.py: the actors layer when given (``ResolvedActors``),
light in-document rules otherwise, so quotes work without the actors layer.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Container
from dataclasses import dataclass, field

import numpy as np

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan   # records.Span is the character span of the output

from tidings.ids import stable_id
from tidings.nlp.intervals import Intervals
from tidings.nlp.quote_cues import SAYING_NOUNS, Frame, verb_frames
from tidings.nlp.quote_learned import keep_mask, load_priors, scored_candidates, select
from tidings.nlp.quote_lexicon import CueLexicon, load_lexicon
from tidings.nlp.quote_licensed import is_title, licensed_frames
from tidings.nlp.quote_marks import QuotedRun, find_quoted_runs, paragraphs, runs_within
from tidings.nlp.quote_speaker_model import (SpeakerScorer, load_orphan_model, load_speaker_model,
                                             orphan_features)
from tidings.nlp.quote_spans import choose, load_span_model, span_rows, swallowed
from tidings.nlp.quote_speakers import DASHES, SpeakerNamer
from tidings.nlp.quote_subjects import mistagged_name, trim_np
from tidings.nlp.quote_syntax import token_starts
from tidings.records import Quote, Span


QUOTE_MARK_CHARS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"
GAP_PUNCT = set(" \t\n\r\u00a0,;:\u2014\u2013-")
MAX_LEAD_GAP = 80          # chars between "X said on Tuesday in Sochi:" and the quotation
MAX_CONTINUATION_GAP = 250  # chars of narration a continuation may skip ('" she said, as she left. "')
CROSS_PARAGRAPH = True
GAP_TO_QUOTED = 1.0  # narration chars per quoted char a one-span continuation may cover (train)
MIN_CONTINUATION_WORDS = 4  # a cue-less quotation shorter than this is a scare quote, not speech
KIND_RANK = {"speech": 0, "clausal": 0, "direct": 0, "phrase": 1, "licensed": 2, "belief": 3, "evidence": 4,
             "learned": 5}


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    cue: tuple[int, int] | None          # char span
    speaker: tuple[int, int, int] | None  # token start, end, head
    direct: bool
    rank: int
    runs: list[QuotedRun] = field(default_factory=list)
    clausal: bool = True                 # content is a quotation or a reported clause
    how: str = "frame"                   # which rule found it (a feature of the quote filter)


def find_quotes(doc: Doc, actors=None, date: str | None = None,
                lexicon: CueLexicon | None = None, learned: bool = True) -> list[Quote]:
    """Quotes of a parsed document, in text order; offsets are char offsets into ``doc.text``.

    ``actors`` is a ``tidings.actors.ResolvedActors`` for ``doc`` (or None); ``date`` is the
    article date (ISO), kept for date-aware speaker resolution done by the actors layer.
    """
    text = doc.text
    if not text.strip() or len(doc) == 0:
        return []
    lex = lexicon or load_lexicon()
    runs = quoted_runs(doc, lex, text)
    found = rule_attributions(doc, runs, lex, text)
    if learned:
        in_quote = quote_lookup(runs)
        found = _learned(doc, text, runs, in_quote, found, lex)
        found = _orphan_quotes(doc, text, runs, in_quote, found, lex)
        found = _respan(doc, text, runs, found, lex)
    namer = SpeakerNamer(doc, actors)
    doc_key = stable_id("doc", len(text), text[:2000], text[-2000:])
    quotes = []
    for f in sorted(found, key=lambda f: f.start):
        speaker = None
        if f.speaker is not None:
            # whatever found it, a mention ends at its words: a learned candidate's subject subtree
            # may hold the closing mark before it ('On "Face the Nation," Sen. X'), some rule
            # speakers a relative clause's comma after it ('Jane Roe, 58,' is 'Jane Roe, 58')
            s, e = trim_np(doc, f.speaker[0], f.speaker[1])
            speaker = namer.speaker(*((s, e, f.speaker[2]) if s <= f.speaker[2] < e else f.speaker))
        cue = Span(f.cue[0], f.cue[1], text[f.cue[0]:f.cue[1]]) if f.cue else None
        qid = stable_id("quote", doc_key, f.start, f.end,
                        speaker.start if speaker else "", speaker.end if speaker else "")
        quotes.append(Quote(id=qid, content=Span(f.start, f.end, text[f.start:f.end]), cue=cue,
                            speaker=speaker, direct=f.direct))
    return quotes


def quoted_runs(doc: Doc, lex: CueLexicon, text: str | None = None) -> list[QuotedRun]:
    """The document's quotations (quote_marks.py), a quotation continued over a paragraph break
    split where each of its paragraphs has a tag of its own (``_retagged``)."""
    text = doc.text if text is None else text
    runs = find_quoted_runs(text)
    if not doc.has_annotation("POS") or all(len(r.pieces) < 2 for r in runs):
        return runs
    tok_starts = token_starts(doc)
    in_quote = quote_lookup(runs)
    out: list[QuotedRun] = []
    for r in runs:
        out.extend(_retagged(doc, text, tok_starts, in_quote, r, lex))
    return out


_TAG_KINDS = ("speech", "clausal", "direct")


def _retagged(doc: Doc, text: str, tok_starts: list[int], in_quote, r: QuotedRun,
              lex: CueLexicon) -> list[QuotedRun]:
    """'"A," Rubio said. "B ¶ "C," he continued.': a quotation left open at a paragraph's end and
    reopened in the next is one speaker's words, but when it closes before a tag of its own and
    the paragraph it opened in has a tag too, the paragraphs are two quotes, each its own tag's
    (PolNeAR splits them at the break). Returns [r] or its two parts."""
    if len(r.pieces) < 2 or not r.closed or not _ends_quote_sentence(text, r):
        return [r]
    i = _token_at(doc, text, tok_starts, r.end)
    if i is None or not _tag_verb_within(doc, lex, i, i + 8, stop_at_punct=True):
        return [r]
    para_s = text.rfind("\n", 0, r.start) + 1
    lo, hi = bisect.bisect_left(tok_starts, para_s), bisect.bisect_left(tok_starts, r.start)
    # the first paragraph's tag stands outside its other quotations
    if not any(_tag_verb_within(doc, lex, k, k + 1) and not in_quote(doc[k].idx) for k in range(lo, hi)):
        return [r]
    head, tail = r.pieces[:-1], r.pieces[-1]
    return [QuotedRun(r.start, head[-1][1], head, False, r.family),
            QuotedRun(tail[0], r.end, (tail,), True, r.family)]


def _tag_verb_within(doc: Doc, lex: CueLexicon, i: int, j: int, stop_at_punct: bool = False) -> bool:
    """A verb of saying among tokens [i, j) ('he continued', 'said Smith'), up to the first
    punctuation mark when ``stop_at_punct``."""
    for t in doc[i:min(j, len(doc))]:
        if stop_at_punct and t.is_punct:
            return False
        if t.pos_ == "VERB" and lex.verb_kind(t.lemma_.lower()) in _TAG_KINDS:
            return True
    return False


def rule_attributions(doc: Doc, runs: list[QuotedRun], lex: CueLexicon, text: str | None = None) -> list[_Found]:
    """What the cue rules find, before the trained models (scripts/train_quotes.py reads these).

    ``text`` is ``doc.text``, passed along because spaCy rebuilds it from the tokens at every access."""
    text = doc.text if text is None else text
    frames = verb_frames(doc, lex) if doc.has_annotation("DEP") else []
    found = _attach(doc, text, frames, runs)
    found += _participle_colon_quotes(doc, text, runs, found)
    _lend_fragment_speakers(doc, text, found)
    found += _licensed(doc, text, runs, found, lex.media, lex.verbs)
    found += _tagged_quotes(doc, text, runs, found)
    found += _possessed_quotes(doc, text, runs, found, lex)
    found += _presented_quotes(doc, text, runs, found)
    lines, superseded = _colon_lines(doc, text, found)
    found = [f for f in found if id(f) not in superseded] + lines
    found += _signed_quotes(doc, text, runs, found)
    found = _continuations(doc, text, found, runs)
    return _join_quoted_conjuncts(text, _dedupe(doc, text, found), runs)


def _quote_between(text: str, runs: list[QuotedRun], starts: list[int], a: int, b: int) -> bool:
    """A quoted sentence ending in , ? or ! (one a tag follows) lies wholly between chars a and b
    (``a`` is a word's start, where no quotation starts)."""
    return any(_ends_quote_sentence(text, r) for r in runs_within(runs, starts, a, b))


def _put_into_words(verb: Token) -> bool:
    """'As one critic put it, ...': 'put' says something only as 'put it' with no place it is put
    into ('put it into the file', 'put his house up for sale' are placing, not saying)."""
    objects = [c.lower_ for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    place = any(c.dep_ == "prt" or c.dep_ == "prep" and c.lower_ in ("into", "onto")
                for c in verb.children)
    return objects in ([], ["it"]) and not place


def _nearer_cue_opens(doc: Doc, text: str, cues: list[int], after: int, clause_s: int) -> bool:
    """'"...," Cruz said as the heckler yelled: "You suck!"': another cue between a cue and the
    clause the parser hung on it, with only punctuation and an opening mark between that cue and
    the clause, introduces the clause: its words are the nearer cue's speaker's."""
    for c in cues[bisect.bisect_left(cues, after):bisect.bisect_left(cues, clause_s)]:
        tok = doc.char_span(c, c + 1, alignment_mode="expand")
        end = tok.end_char if tok is not None else c
        if end < clause_s and all(ch in GAP_PUNCT or ch in QUOTE_MARK_CHARS for ch in text[end:clause_s]):
            return True
    return False


def _chars(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    words = doc[span[0]:span[1]]
    return words.start_char, words.end_char


def _cue_words(doc: Doc, f: _Found):
    """The tokens of an attribution's cue (None when it has no cue or the chars match none)."""
    return None if f.cue is None else doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")


def _cue_root(doc: Doc, f: _Found) -> Token | None:
    """The syntactic head of an attribution's cue, or None when it has no cue tokens."""
    words = _cue_words(doc, f)
    return words.root if words is not None and len(words) else None


def _gap_is_punct(text: str, a: int, b: int) -> bool:
    return a <= b and all(ch in GAP_PUNCT for ch in text[a:b])


def _attach(doc: Doc, text: str, frames: list[Frame], runs: list[QuotedRun]) -> list[_Found]:
    """Each frame with its content: an adjacent quotation, else its reported clause."""
    starts = [r.start for r in runs]
    ends = [r.end for r in runs]
    claimed: set[int] = set()
    index = {(r.start, r.end): i for i, r in enumerate(runs)}
    out: list[_Found] = []
    cues = sorted(doc[f.cue[0]].idx for f in frames if f.kind in ("speech", "clausal", "direct"))
    for fr in frames:
        if fr.lemma == "put" and not _put_into_words(doc[fr.cue[0]]):
            continue    # 'putting it into the national file: "..."' places a thing, says nothing
        cue_s, cue_e = _chars(doc, fr.cue)
        k = bisect.bisect_right(starts, cue_s) - 1
        if k >= 0 and runs[k].start < cue_s < runs[k].end:
            continue            # a cue inside a quotation is part of what was quoted
        if fr.speaker_head is not None and _in_run(runs, starts, doc[fr.speaker_head].idx):
            # the parser took a word of the quotation for the speaker ('"We appreciate ... the
            # disposition ...," Lavrov said'): the speaker is the phrase next to the cue instead
            fr.speaker, fr.speaker_head = _surface_speaker(doc, fr.cue, runs, starts)
        if fr.speaker is not None and _quote_between(text, runs, starts, doc[fr.speaker[1] - 1].idx, cue_s):
            # 'When X shouted, "Cruz," Beck joked': the parser carried the first clause's subject
            # over a quoted sentence to the tag after it; the tag's subject is the name next to it
            guess = _surface_speaker(doc, fr.cue, runs, starts)
            if (guess[0] is not None and guess[0][1] <= fr.cue[0] and doc[fr.cue[0]].tag_ in ("VBD", "VBZ")
                    and not _quote_between(text, runs, starts, doc[guess[0][0]].idx, cue_s)
                    and not any(t.pos_ in ("VERB", "AUX") for t in doc[guess[0][0]:guess[0][1]])):
                fr.speaker, fr.speaker_head = guess
        content = _chars(doc, fr.content) if fr.content else None
        clause = content if fr.clausal else None   # an object ('told union workers') is no clause
        before, after, clause_s, clause_e = _neighbours(text, runs, starts, ends, doc, fr, cue_s, cue_e, cues)
        if fr.speaker is None:
            # '"...," said Skelly, explaining ...', '"...," screenwriter X wrote': the parse gave
            # the cue no subject; the name next to it speaks if a quotation is there
            guess = _surface_speaker(doc, fr.cue, runs, starts)
            if guess[0] is not None and doc[fr.cue[0]].dep_ == "amod" and fr.kind == "belief":
                # '"..." She noted a planned rally.': a participle modifying a noun is no cue,
                # and words holding their sentence's main verb are no subject of another cue
                guess = (None, None)
            if guess[0] is not None:
                saved = fr.speaker, fr.speaker_head
                fr.speaker, fr.speaker_head = guess
                nb = _neighbours(text, runs, starts, ends, doc, fr, cue_s, cue_e, cues)
                if nb[0] is None and nb[1] is None:
                    fr.speaker, fr.speaker_head = saved
                else:
                    before, after, clause_s, clause_e = nb
        if before is not None and before in claimed and after is None:
            # '"Cruz," Beck joked, again using an accent, "Amen!"': a quotation before the tag that
            # another cue took is not this one's; it may still lead into one after a setting
            after = _run_after(text, runs, starts, clause_e, None, lead_ok=True, cues=cues)
        if fr.speaker is None and doc[fr.cue[0]].tag_ == "VBG" and before is not None and after is None:
            # '... fired back: "...," referencing the crowd': a participle with no speaker after
            # a quotation leaves it to the clause that brought it in
            continue
        speaker = (fr.speaker[0], fr.speaker[1], fr.speaker_head) if fr.speaker else None
        rank = KIND_RANK.get(fr.kind, 4)
        split = (before is not None and after is not None and before not in claimed and after not in claimed
                 and _gap_is_punct(text, clause_e, runs[after].start)
                 and _same_paragraph(text, runs[before].end, runs[after].start)
                 and (_within(clause, runs[before]) or _within(clause, runs[after])))
        if (content is not None and fr.lemma not in VOICED and _only_a_title(doc, text, runs, starts, content)
                and not _introduced(text, clause_e, content[0])):
            continue    # 'discussed "Fox & Friends"': a quoted name, not quoted words
        if (after is not None and not split and _within(content, runs[after])
                and _dash_closes_aside(text, clause_e, runs[after]) and _tag_cue_after(text, runs[after], cues)):
            continue    # the quotation after the cue is its own tag's ('— "why?" asked Dunn')
        if split:
            parts = [runs[before], runs[after]]
            claimed.update((before, after))
            out.append(_Found(parts[0].start, parts[-1].end, (cue_s, cue_e), speaker, True, rank, parts))
        elif before is not None and before not in claimed and not _new_sentence_own_object(
                text, doc, fr, runs[before], cue_e, clause_e) and (_within(clause, runs[before])
                                                                 or _comma_quote(clause, runs[before], text)
                                                                 or _colon_quote(clause, runs[before], text)):
            claimed.add(before)
            r = runs[before]
            s = _completed_clause_start(doc, text, r, fr.cue)
            if s is None:
                out.append(_Found(r.start, r.end, (cue_s, cue_e), speaker, True, rank, [r]))
            else:
                out.append(_Found(s, r.end, (cue_s, cue_e), speaker, False, rank, [r]))
        elif (before is not None and before not in claimed and clause is not None and clause[0] >= cue_e
              and fr.kind in ("speech", "clausal", "direct") and _ends_quote_sentence(text, runs[before])):
            # '"Savage," she said, meaning that ...': the quotation is what was said; the clause
            # after the cue is reported on its own (PolNeAR annotates both)
            claimed.add(before)
            r = runs[before]
            out.append(_Found(r.start, r.end, (cue_s, cue_e), speaker, True, rank, [r]))
            if not _nearer_cue_opens(doc, text, cues, cue_e, clause[0]):
                s, e = _cover_runs(runs, starts, *clause)
                inside = runs_within(runs, starts, s, e)
                claimed.update(index[(r.start, r.end)] for r in inside)
                out.append(_Found(s, e, (cue_s, cue_e), speaker, False, rank, inside, clausal=fr.clausal))
        elif (after is not None and after not in claimed and fr.kind in ("speech", "clausal", "phrase", "direct")
              and _within(clause, runs[after]) and not _own_tag_after(text, runs[after], clause_e)
              and not _quote_opens_object(doc, fr, content, runs[after])):
            claimed.add(after)
            r = runs[after]
            out.append(_Found(r.start, r.end, (cue_s, cue_e), speaker, True, rank, [r]))
        elif (content is None and before is None and after is None and speaker is not None
              and fr.kind in ("speech", "clausal", "direct")
              and any(t.dep_ == "ROOT" for t in doc[fr.cue[0]:fr.cue[1]])
              and (k := _run_after_stop(text, runs, starts, clause_e)) is not None and k not in claimed):
            claimed.add(k)
            r = runs[k]
            out.append(_Found(r.start, r.end, (cue_s, cue_e), speaker, True, rank, [r]))
        elif content is not None:
            s, e = _cover_runs(runs, starts, *content)
            inside = runs_within(runs, starts, s, e)
            direct = _verbatim(inside, s, e)
            claimed.update(index[(r.start, r.end)] for r in inside)
            out.append(_Found(s, e, (cue_s, cue_e), speaker, direct, rank, inside, clausal=fr.clausal))
    return out


def _completed_clause_start(doc: Doc, text: str, r: QuotedRun, cue: tuple[int, int]) -> int | None:
    """'He would be a better president than Clinton "no matter what," one user commented': a
    quotation opening in lower case mid-sentence, before a closing tag, completes the clause it
    hangs on; that whole clause is what was said. Returns the clause's char start (None: the
    quotation stands alone)."""
    span = doc.char_span(r.start, r.end, alignment_mode="contract")
    if span is None:
        return None
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not words or not words[0].text[:1].islower():
        return None
    # after a dash or a colon the quotation is introduced, not the end of the clause before it
    if text[:r.start].rstrip()[-1:] in DASHES + ":":
        return None
    heads = [t.head for t in words if t.head.i < span.start and t.head.sent == t.sent]
    if not heads:
        return None
    clause = heads[0]
    for _ in range(8):
        if clause.pos_ in ("VERB", "AUX") or clause.head.i == clause.i:
            break
        clause = clause.head
    start = clause.left_edge
    while start.i < span.start and (start.is_punct or start.is_space):
        start = doc[start.i + 1]
    if clause.pos_ not in ("VERB", "AUX") or cue[0] <= clause.i < cue[1] or start.i >= span.start:
        return None
    # the clause runs up to the quotation: no other quotation or line break in between
    if any(ch in QUOTE_MARK_CHARS or ch == "\n" for ch in text[start.idx:r.start]):
        return None
    return start.idx


def _licensed(doc: Doc, text: str, runs: list[QuotedRun], found: list[_Found],
              media: frozenset[str] = frozenset(), cue_verbs: Container[str] = frozenset()) -> list[_Found]:
    """Quotations no cue claimed, attributed through the verb that governs them."""
    covered = Intervals((f.start, f.end, f) for f in found)
    free = [r for r in runs if not any(s <= r.start and r.end <= e for s, e, _ in covered.overlapping(r.start, r.end))]
    if not free or not doc.has_annotation("DEP"):
        return []
    out = []
    reporters = _reporters(doc, found)
    for r, fr, direct in licensed_frames(doc, text, free, media):
        cs, ce = _chars(doc, fr.cue)
        s, e = (r.start, r.end) if direct else _chars(doc, fr.content)
        if direct and doc[fr.content[1] - 1].idx >= r.end:     # a topic phrase after the quotation
            e = _chars(doc, fr.content)[1]
        speaker = (fr.speaker[0], fr.speaker[1], fr.speaker_head) if fr.speaker else None
        # a verb of saying or judging of its own ('as recalled by X') keeps its own speaker
        own = direct or fr.lemma in cue_verbs
        outer = None if own else _reporting_attribution(doc, doc[fr.cue[0]], reporters)
        if outer is not None:
            speaker = outer.speaker
        out.append(_Found(s, e, (cs, ce), speaker, direct, KIND_RANK["licensed"], [r], how="licensed"))
    return out


SPEAKER_WORD_POS = ("DET", "ADJ", "PROPN", "NOUN", "PRON", "NUM", "PART")
# 'chanting "Dump Trump."': what is chanted or shouted is words, even in capitals like a title
VOICED = frozenset(("chant", "shout", "yell", "scream", "cry", "sing", "whisper", "exclaim", "holler", "roar"))
# '"...," the editorial read.': forms the tagger takes for a noun after a quotation
# ('"...," the two write.', '"...," a voice-over states.': present tenses taken for plural nouns)
_NOUNLIKE_CUES = frozenset(("read", "reads", "write", "writes", "state", "states"))


# the links by which a clause stays inside the clause a cue reports (not relative clauses: 'the
# man who called it "a hoax"' is the man's doing)
_REPORTED_LINKS = frozenset(("ccomp", "advcl", "conj", "xcomp", "pcomp", "prep", "pobj", "acomp"))


def _reporters(doc: Doc, found: list[_Found]) -> dict[int, _Found]:
    """The attributions made by a speech cue with a speaker, by the cue's first token."""
    out = {}
    for f in found:
        if f.rank == KIND_RANK["speech"] and f.speaker is not None and f.cue is not None:
            cue = _cue_words(doc, f)
            if cue is not None:
                out.setdefault(cue.start, f)
    return out


def _reporting_attribution(doc: Doc, verb: Token, reporters: dict[int, _Found]) -> _Found | None:
    """'He said Roe has been "a great help," and the party would need to "lean on her"': a
    quotation governed by a verb that is no cue, in a clause joined (as a complement, an adverbial
    clause, a conjunct) to the clause a speech cue reports, is the reporter's words too, whoever
    the inner clause's subject is."""
    tok = verb
    for _ in range(8):
        if tok.dep_ not in _REPORTED_LINKS or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.i in reporters:
            return reporters[tok.i]
    return None


def _inword_hyphen(doc: Doc, j: int) -> bool:
    """'voice-over': a hyphen with no space on either side joins one word."""
    t = doc[j]
    return (t.text in ("-", "\u2010") and not t.whitespace_ and 0 < j < len(doc) - 1
            and not doc[j - 1].whitespace_ and doc[j - 1].is_alpha and doc[j + 1].is_alpha)


def _unclaimed(runs: list[QuotedRun], found: list[_Found]) -> list[QuotedRun]:
    """The closed quotations no attribution found so far overlaps."""
    covered = Intervals((f.start, f.end, f) for f in found)
    return [r for r in runs if r.closed and not covered.overlapping(r.start, r.end)]


def _tagged_quotes(doc: Doc, text: str, runs: list[QuotedRun], found: list[_Found]) -> list[_Found]:
    """'"Quiet," he demanded', '"...?" reacted Trump': a quoted sentence (ending in , ? or !
    inside its marks) tagged with a speaker and a past/present verb right after it is
    speech, whatever the verb and however the parser hung the tag."""
    if not runs or not doc.has_annotation("TAG"):
        return []
    tok_starts = token_starts(doc)
    out = []
    for r in _unclaimed(runs, found):
        if not _ends_quote_sentence(text, r) or _named_in_narration(doc, r):
            continue
        i = _token_at(doc, text, tok_starts, r.end)
        if i is None:
            continue
        words = []
        j = i
        while j < len(doc) and j - i < 8 and (not doc[j].is_punct or _inword_hyphen(doc, j)) and (
                doc[j].tag_ not in ("VBD", "VBZ", "VBN") or mistagged_name(doc[j])):
            words.append(doc[j])
            j += 1
        # the cue may have a setting after it ('"...," the Saudis state in a white paper.')
        m = next((m for m in range(1, len(words)) if words[m].lower_ in _NOUNLIKE_CUES
                  and (m + 1 == len(words) or words[m + 1].pos_ == "ADP")), None)
        if (m is not None and words[m - 1].pos_ in NAMEISH + ("ADJ", "NUM")
                and j < len(doc) and doc[j].is_punct):
            j = words[m].i
            words = words[:m]
            verb = doc[j]
            cue = (verb.idx, verb.idx + len(verb))
            # 'a voice-over in the ad states': a hyphen inside a word, a noun's place after it
            if all(t.pos_ in SPEAKER_WORD_POS or _inword_hyphen(doc, t.i)
                   or t.pos_ == "ADP" and k > 0 and words[k - 1].pos_ in ("NOUN", "PROPN")
                   for k, t in enumerate(words)):
                head = next((t.i - 1 for t in words[1:] if t.pos_ == "ADP"), j - 1)
                out.append(_Found(r.start, r.end, cue, (i, j, head), True, KIND_RANK["licensed"], [r], how="tagged"))
            continue
        if j >= len(doc) or doc[j].tag_ not in ("VBD", "VBZ", "VBN") or doc[j].tag_ == "VBN" and not words:
            continue
        verb = doc[j]
        if verb.pos_ != "VERB" or verb.lemma_.lower() in ("be", "have", "do", "get"):
            continue        # '"Mr. X?" I had prepared ...': an auxiliary starts narration
        if words:
            # '"...," Trump shot back': a capitalised subject the tagger took for a verb is a name
            named = [mistagged_name(t) and t.head.i == verb.i for t in words]
            # '"...?" a staffer in the room wondered': a noun with a place or source after it
            prep = next((k for k in range(1, len(words) - 1) if words[k].pos_ == "ADP"
                         and words[k - 1].pos_ in ("NOUN", "PROPN")), None)
            if (not all(t.pos_ in SPEAKER_WORD_POS or m or k == prep for k, (t, m) in enumerate(zip(words, named)))
                    or words[-1].pos_ not in NAMEISH and not named[-1]):
                continue
            if words[-1].pos_ == "PRON" and words[-1].lower_ not in ("he", "she", "they", "i", "we"):
                continue
            sp = (i, j, j - 1 if prep is None else words[prep - 1].i)
        else:
            # '"...?" reacted Trump': the name after the verb
            e = j + 1
            while e < len(doc) and e - j <= 8 and doc[e].pos_ in SPEAKER_WORD_POS:
                e += 1
            if e == j + 1 or doc[e - 1].pos_ not in ("PROPN", "NOUN"):
                continue
            sp = (j + 1, e, e - 1)
        cue = (verb.idx, verb.idx + len(verb))
        out.append(_Found(r.start, r.end, cue, sp, True, KIND_RANK["licensed"], [r], how="tagged"))
    return out


def _possessor(noun: Token) -> Token | None:
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None or poss.pos_ not in ("PROPN", "NOUN") and poss.lower_ not in ("his", "her", "their"):
        return None
    return poss


def _possessed_quotes(doc: Doc, text: str, runs: list[QuotedRun], found: list[_Found],
                      lex: CueLexicon) -> list[_Found]:
    """'Romney's "47 percent" comment', 'Clinton's response was: "..."', 'in Forbes' words,
    "..."': a quotation that a possessed noun of saying names is the possessor's words."""
    if not runs or not doc.has_annotation("DEP"):
        return []
    nouns = SAYING_NOUNS | lex.nouns
    tok_starts = token_starts(doc)
    run_starts = [x.start for x in runs]
    out = []
    for r in _unclaimed(runs, found):
        noun = None
        i = _token_at(doc, text, tok_starts, r.end)
        if i is not None and doc[i].pos_ == "NOUN" and doc[i].lemma_.lower() in nouns:
            noun = doc[i]       # 'Romney's "47 percent" comment'
        else:
            k = bisect.bisect_left(tok_starts, r.start) - 1
            while k >= 0 and doc[k].text in (":", ",") and r.start - doc[k].idx <= 3:
                k -= 1
            if k < 0 or doc[k].is_space:
                continue
            t = doc[k]
            if t.lemma_ == "be" and text[t.idx + len(t):r.start].strip() in (":", ",", ""):
                # 'her response was: "..."', 'his slogan is "..."'
                noun = next((c for c in t.children if c.dep_ == "nsubj" and c.i < t.i), None)
            elif t.lower_ == "words" and t.dep_ == "pobj" and t.head.lower_ == "in":
                noun = t        # 'in Forbes' words, "..."'
            elif t.text in ("\u2019", "'") and t.head.lower_ == "words" and t.head.dep_ == "pobj":
                noun = t.head   # 'in Forbes’ words' (the apostrophe stands alone)
        if noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns:
            continue
        owner = _possessor(noun)
        if owner is None and noun.lower_ == "words" and noun.i >= 2 and doc[noun.i - 1].text in ("\u2019", "'"):
            owner = doc[noun.i - 2]     # the parser hung a bare possessive apostrophe astray
        if owner is None and noun.i > 0 and noun.idx > r.start:
            # 'Obama's "if you like it, you can keep it" promise': the parser lost the possessive
            k = bisect.bisect_left(tok_starts, r.start) - 1
            if k > 0 and doc[k].tag_ == "POS" and doc[k - 1].pos_ == "PROPN":
                owner = doc[k - 1]
        if owner is None or _in_run(runs, run_starts, owner.idx):
            continue
        speaker = (owner.left_edge.i, owner.i + 1, owner.i)
        out.append(_Found(r.start, r.end, (noun.idx, noun.idx + len(noun)), speaker, True,
                          KIND_RANK["licensed"], [r], how="possessed"))
    return out


# 'Here's Clinton in 1992: "..."', 'From the report: "..."', 'More from Smith and Jones: "..."'
_PRESENTED = re.compile(r"(?:^|(?<=[.!?\]\n])\s*|(?<=\s[-\u2014\u2013])\s*)"
                        r"(?:Here[\u2019']s|Here is|(?:More |And )?[Ff]rom)\s+([^\n:.?!\"\u201c\u201d]{1,80}?)\s*:\s*$")
# a time or place after the name presented is the setting ('Here's Clinton in December 1992:')
_PRESENTED_SETTING = re.compile(r"\s+(?:in|on|at|during|last|this)\s.*$")


# 'Partial transcript as follows:' closing the paragraph before a quoted one
_AS_FOLLOWS = re.compile(r"(?<![^\n])([A-Z][^\n:.?!\"\u201c\u201d]{0,60}?)\s+as follows\s*:\s*$")


def _follows_line(text: str, start: int):
    """'Transcript as follows:' as the whole paragraph before a quotation that opens its own: the
    document named is whose words the quotation gives (a transcript, a statement), as 'From the
    report:' is. The match, or None."""
    line = text.rfind("\n", 0, start) + 1
    if text[line:start].strip():
        return None
    prev = text.rfind("\n", 0, len(text[:line].rstrip()))
    return _AS_FOLLOWS.search(text, prev + 1, start)


def _presented_quotes(doc: Doc, text: str, runs: list[QuotedRun], found: list[_Found]) -> list[_Found]:
    """'Here's Clinton in December 1992: "..."', 'From the report: "..."': a writer presenting
    the quotation after a colon names whose words they are."""
    out = []
    covered = Intervals((f.start, f.end, f) for f in found)
    # 'More from Roe: "The partisanship ... matters as much as' (an excerpt cut off): a
    # presented quotation left open runs to the end of its paragraph, and is still the words
    for r in (x for x in runs if not covered.overlapping(x.start, x.end)):
        line = max(text.rfind("\n", 0, r.start) + 1, r.start - 120)
        m = _PRESENTED.search(text, line, r.start)
        if m is None:
            m = _follows_line(text, r.start)
            if m is None:
                continue
        name = _PRESENTED_SETTING.sub("", m.group(1)) if m.group(0).lstrip().startswith("Here") else m.group(1)
        sp = doc.char_span(m.start(1), m.start(1) + len(name), alignment_mode="expand")
        if sp is None or not any(t.pos_ in NAMEISH for t in sp):
            continue
        if m.re is _AS_FOLLOWS and not all(t.pos_ in SPEAKER_WORD_POS for t in sp):
            continue    # 'The statement reads as follows:': a clause, not the document's name
        head = max((t for t in sp if t.pos_ in NAMEISH), key=lambda t: t.i)
        colon = text.rfind(":", m.start(1), r.start)
        out.append(_Found(r.start, r.end, (colon, colon + 1), (sp.start, sp.end, head.i), True,
                          KIND_RANK["licensed"], [r], how="presented"))
    return out


def _lend_fragment_speakers(doc: Doc, text: str, found: list[_Found]) -> None:
    """'Maher stated that the report "wasn't good." Adding, "Now, ..."': a sentence that is only a
    participle and its quotation goes on with the sentence before it; its speaker is that
    sentence's speaker (the last attribution with one, in the same paragraph). Set in place."""
    by_pos = sorted(found, key=lambda f: f.start)
    for f in by_pos:
        cue = _cue_root(doc, f)
        if (f.speaker is not None or not f.direct or cue is None or cue.tag_ != "VBG"
                or not doc[_cue_words(doc, f).start].is_sent_start):
            continue
        prev = [g for g in by_pos if g.speaker is not None and g.rank == KIND_RANK["speech"]
                and max(g.end, g.cue[1] if g.cue else g.end) <= f.cue[0]
                and _same_paragraph(text, g.start, f.cue[0])]
        if prev:
            f.speaker = prev[-1].speaker


def _participle_colon_quotes(doc: Doc, text: str, runs: list[QuotedRun], found: list[_Found]) -> list[_Found]:
    """'"...," said Skelly, explaining he worked with Roe, who ran the file: "Vito is great."': a
    participle clause hung on a tag has the tag's speaker for its subject; a quotation its colon
    introduces is that speaker's words, whoever else the clause names."""
    if not runs or not doc.has_annotation("DEP"):
        return []
    free = _unclaimed(runs, found)
    if not free:
        return []
    tags = {root.i: f for f in found
            if f.direct and f.speaker is not None and (root := _cue_root(doc, f)) is not None}
    tok_starts = token_starts(doc)
    out = []
    for r in free:
        k = bisect.bisect_left(tok_starts, r.start) - 1
        if k < 1 or doc[k].text != ":" or not _gap_is_punct(text, doc[k].idx, r.start):
            continue
        verb = doc[k - 1]
        while verb.dep_ not in ("advcl", "xcomp") or verb.tag_ != "VBG":
            if verb.head.i == verb.i:
                break
            verb = verb.head
        tag = tags.get(verb.head.i) if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp") else None
        if tag is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        out.append(_Found(r.start, r.end, (verb.idx, verb.idx + len(verb)), tag.speaker, True,
                          KIND_RANK["licensed"], [r], how="participle"))
    return out


def _token_at(doc: Doc, text: str, starts: list[int], pos: int) -> int | None:
    """The first token starting at or after char ``pos`` (None: a line break comes first)."""
    i = bisect.bisect_left(starts, pos)
    while i < len(doc) and doc[i].is_space:
        if "\n" in doc[i].text:
            return None
        i += 1
    if i >= len(doc) or "\n" in text[pos:doc[i].idx]:
        return None
    return i


_NAME_WORD = re.compile(r"^(?:[A-Z][\w.'\u2019-]*|of|at|the|and|de|van|von|al|el|bin)$")
# the gap after the colon may hold a no-break space ('Jo Roe: \u00a0"At long last ...')
_COLON_LINE = re.compile(r"^([^\n:]{1,120}?)\s*:(?:[ \t\u00a0]+|(?=[\"\u201c]))(\S[^\n]*)$", re.M)
# 'SECTION HEADLINE - Jeffrey M. Jones: "..."': the name is what follows the last dash
_LEAD_DASH = re.compile(r"^.*\s[-\u2014\u2013]\s+")
# 'Rep. Trey Gowdy (R-S.C.):': a party/state tag after the name


def _titled_name(words: list[str]) -> bool:
    """'Former secretary of state Jane Roe': a title in lower case before a name of two or more
    capitalised words (a transcript's speaker label)."""
    return (3 <= len(words) <= 9 and words[0][:1].isupper() and all(w.isalpha() for w in words[1:-3])
            and sum(1 for w in words[-3:] if _NAME_WORD.match(w) and w[:1].isupper()) >= 2
            and all(_NAME_WORD.match(w) for w in words[-2:]) and words[-1][:1].isupper())


def _colon_lines(doc: Doc, text: str, found: list[_Found]) -> tuple[list[_Found], set[int]]:
    """'TAPPER: Do you think ...', 'Warren: Trump Is a Proven Failure': a name, a colon, the words.

    Transcripts and headlines attribute this way; the name must look like one (capitalised
    words, at most six) so that 'Note: ...' style labels with lower-case words do not pass.
    Returns the new attributions and the ids of those in ``found`` that a line supersedes.
    """
    out = []
    superseded: set[int] = set()
    taken = Intervals((f.start, f.end, f) for f in found)
    for m in _COLON_LINE.finditer(text):
        raw = m.group(1)
        name = _LEAD_DASH.sub("", raw).strip()
        name = re.sub(r"\s*\([^()]{1,20}\)$", "", name)
        words = name.split()
        if not (1 <= len(words) <= 6 and all(_NAME_WORD.match(w) for w in words) or _titled_name(words)):
            continue
        if words[0].lower() in ("note", "update", "editor", "source", "photo", "video", "read", "watch",
                                "related", "correction", "a", "contributing", "byline", "breaking",
                                "pledged", "delegates", "stat"):
            continue
        ns = m.start(1) + raw.index(name)
        sp = doc.char_span(ns, ns + len(name), alignment_mode="expand")
        colon = doc.char_span(m.end(1), m.start(2), alignment_mode="expand")
        cs, ce = m.start(2), m.end(2)
        while ce > cs and text[ce - 1].isspace():
            ce -= 1
        if sp is None or colon is None or sum(w.isalpha() for w in text[cs:ce].split()) < 3:
            continue    # 'Sanders: 46.', 'Pledged: 781.': a tally, not words said
        clash = [f for _, _, f in taken.overlapping(ns, ce)]
        if clash and _LEAD_DASH.match(raw) and all(f.speaker is None or f.speaker[2] < sp.start for f in clash):
            # 'POLLS NOT WRONG, JUST EARLY - Jane Roe: "..."': a roundup line names its source
            # after the dash; a cue read in the headline before it does not speak
            superseded.update(id(f) for f in clash)
        elif clash:
            continue
        # the colon as written: the tokenizer may glue it to the name ('(R-S.C.):"I ...')
        c = text.index(":", m.end(1), m.start(2))
        for label, cue, (s, e) in _labelled_turns(doc, text, sp, (c, c + 1), (cs, ce)):
            out.append(_Found(s, e, cue, (label.start, label.end, label.end - 1), False, KIND_RANK["speech"], [],
                              how="colon"))
    return out, superseded


# '... ISIS." Bush: "The mission ...': a second label after a closed quotation on the same line
_NEXT_LABEL = re.compile(r"(?<=[.?!][\"\u201d])[ \t]+([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,2})"
                         r":[ \t]*(?=[\"\u201c])")


def _labelled_turns(doc: Doc, text: str, name, colon: tuple[int, int], content: tuple[int, int]):
    """'Clinton: "We will defeat ISIS." Bush: "The mission is to destroy ISIS."': a colon line may
    set two speakers side by side; a capitalised name and a colon right after a closed quoted
    sentence opens the next one's words, which are not the first name's. Returns (label tokens,
    colon, content) for each turn, the first label (``name``, a Span) being the line's own."""
    turns = []
    label, cue, s = name, colon, content[0]
    for m in _NEXT_LABEL.finditer(text, content[0], content[1]):
        nxt = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if nxt is None:
            continue
        turns.append((label, cue, (s, m.start())))
        label, cue, s = nxt, (m.end(1), m.end(1) + 1), m.end()
    turns.append((label, cue, (s, content[1])))
    return turns


_SIGNATURE = re.compile(rf"[{DASHES}]\s*([A-Z][^\n]{{0,60}}?)[.\s]*")
# '"..." \u2015 Carla Sanchez.': the signature on the quotation's own line
_INLINE_SIGNATURE = re.compile(rf"[ \t\u00a0]*[{DASHES}]+[ \t\u00a0]*([A-Z][^\n]{{0,60}}?)[.\s\u00a0]*(?=\n|$)")


def _signed_quotes(doc: Doc, text: str, runs: list[QuotedRun], found: list[_Found]) -> list[_Found]:
    """'"I went to Wall Street before the crash ..."' then a paragraph '- Clinton.': a quoted
    paragraph signed by the next one (fact-check and debate write-ups), or by a dash and a name
    after it on its own line ('"..." \u2015 Carla Sanchez', as in collected reader quotes)."""
    paras = paragraphs(text)
    taken = Intervals((f.start, f.end, f) for f in found)
    by_start = {r.start: r for r in runs}
    signed = []     # (quotation, start and end of the signature, where the name is)
    for (ps, pe), (ns, ne) in zip(paras, paras[1:]):
        r = by_start.get(ps)
        m = _SIGNATURE.fullmatch(text, ns, ne)
        if r is not None and m is not None and _whole_paragraph(text, r, (ps, pe)):
            signed.append((r, ns, m.start(1), m.end(1)))
    for r in runs:
        line_start = text.rfind("\n", 0, r.start) + 1
        if not r.closed or text[line_start:r.start].strip():
            continue
        m = _INLINE_SIGNATURE.match(text, r.end)
        if m is not None:
            signed.append((r, m.start(), m.start(1), m.end(1)))
    out = []
    for r, cue, ns, ne in signed:
        if r.words(text) < MIN_CONTINUATION_WORDS or taken.overlapping(r.start, r.end):
            continue
        # '- Michelle Marks, Philadelphia.': the name is what comes before a comma
        comma = text.find(",", ns, ne)
        ne = comma if comma >= 0 else ne
        words = text[ns:ne].split()
        if not (1 <= len(words) <= 6) or not all(_NAME_WORD.match(w) for w in words):
            continue
        sp = doc.char_span(ns, ne, alignment_mode="expand")
        if sp is None:
            continue
        while text[cue].isspace():
            cue += 1
        out.append(_Found(r.start, r.end, (cue, cue + 1), (sp.start, sp.end, sp.end - 1), True,
                          KIND_RANK["speech"], [r], how="signed"))
    return out


def _only_a_title(doc: Doc, text: str, runs, starts, content: tuple[int, int]) -> bool:
    k = bisect.bisect_right(starts, content[0]) - 1
    if k < 0 or runs[k].start > content[0] or runs[k].end < content[1] - 1:
        return False
    if text[runs[k].start:runs[k].end].rstrip(QUOTE_MARK_CHARS + " ")[-1:] in ("!", "?"):
        return False    # 'She declared "What a Great Night!"': an exclamation in capitals is words said
    span = doc.char_span(runs[k].start, runs[k].end, alignment_mode="expand")
    return span is not None and is_title(span)


def _introduced(text: str, clause_e: int, content_s: int) -> bool:
    """'He cut in, "Only Kim Lee."': a quotation set off by a comma or a colon right after
    its cue clause is handed to the cue as words said, even when it is short and in capitals like a
    title (a title is named in the run of the sentence: 'discussed "Fox & Friends"')."""
    gap = text[clause_e:content_s].rstrip(QUOTE_MARK_CHARS)
    return clause_e <= content_s and all(ch in GAP_PUNCT for ch in gap) and ("," in gap or ":" in gap)


def _in_run(runs, starts, pos: int) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and runs[k].start <= pos < runs[k].end


def quote_lookup(runs: list[QuotedRun]):
    """``in_quote(char offset) -> bool`` over the quotations ``runs`` (in text order)."""
    starts = [r.start for r in runs]
    return lambda pos: _in_run(runs, starts, pos)


NAMEISH = ("PROPN", "NOUN", "PRON")


def _surface_speaker(doc: Doc, cue: tuple[int, int], runs, starts):
    """'..., X said' / 'said X, ...': the words between the cue and a quotation or punctuation."""
    def ok(t):
        inword = t.text in ("-", "\u2010") and not t.whitespace_ and t.i > 0 and not doc[t.i - 1].whitespace_
        return not ((t.is_punct and not inword) or t.is_space or _in_run(runs, starts, t.idx))
    s = cue[0]
    # 'her adviser, Jake Sullivan, said:': an apposition's commas do not end the phrase, nor does
    # a party and state after a name ('Rep. Paul Ryan (R-WI) said'); an apposition may be long
    # ('"...," Jane Roe, a senior adviser to the mayor of Springfield, said': 13 tokens back)
    while s - 1 >= 0 and cue[0] - s < 14 and not doc[s].is_sent_start:
        if ok(doc[s - 1]) or doc[s - 1].text == "," and s - 2 >= 0 and ok(doc[s - 2]):
            s -= 1
        elif doc[s - 1].text == ")" and (o := _opening_paren(doc, s - 1)) is not None and o > 0 and ok(doc[o - 1]):
            s = o
        elif (o := _named_run_before(doc, runs, starts, s)) is not None and o > 0 and ok(doc[o - 1]):
            s = o       # 'Jo Roe, host of "Roe Tonight," said': a quoted name is part of the phrase
        else:
            break
    while s < cue[0] and doc[s].is_punct:
        s += 1
    # WHY: '"...," said Jo Roe, an aide, reports the Daily Bugle.': words before the cue that
    # open with a verb are an inverted tag of their own; this cue's subject follows it
    inverted = s < cue[0] and doc[s].tag_ in ("VBD", "VBZ") and doc[s].pos_ == "VERB"
    if s < cue[0] and doc[s].lower_ in ("and", "but", "or") and any(t.pos_ == "VERB" for t in doc[s:cue[0]]):
        # 'He pledged to be "..." and cast doubt on the rate, suggested that ...': a second
        # predicate before the cue is no subject
        return None, None
    if s < cue[0] and not inverted and any(t.pos_ in NAMEISH for t in doc[s:cue[0]]):
        head = max((t for t in doc[s:cue[0]] if t.pos_ in NAMEISH), key=lambda t: t.i)
        return (s, cue[0]), head.i
    if not inverted and 0 < cue[0] - s <= 3 and all(t.is_alpha and t.text[0].isupper() for t in doc[s:cue[0]]):
        return (s, cue[0]), cue[0] - 1      # '"...," Will wrote': a name the tagger took for a modal
    if doc[cue[0]].tag_ == "VBG" and doc[cue[0]].lower_ != "according":
        # WHY: only a finite cue inverts its subject ('"...," said Roe'); the noun after a
        # participle is its object ('"...," referencing the crowd'), never its speaker
        return None, None
    e = cue[1]
    # '"...," said Skelly, explaining ...': a capitalised name the tagger took for an adverb
    def name(t):
        # '"...," read one.': a pronoun of number stands for a person
        return (t.pos_ in NAMEISH or t.pos_ == "ADV" and t.is_alpha and t.text[0].isupper()
                or t.lower_ in ("one", "another") and t.i == cue[1])
    while (e < len(doc) and ok(doc[e]) and e - cue[1] < 8
           and (name(doc[e]) or doc[e].pos_ in ("ADJ", "DET") or doc[e].dep_ == "amod")):   # 'said retired X'
        e += 1
    if e > cue[1] and any(name(t) for t in doc[cue[1]:e]):
        head = max((t for t in doc[cue[1]:e] if name(t)), key=lambda t: t.i)
        return (cue[1], e), head.i
    return None, None


def _opening_paren(doc: Doc, close: int) -> int | None:
    """The '(' of a short parenthesis closed at token ``close`` ('(D-Ill.)')."""
    for i in range(close - 1, max(-1, close - 6), -1):
        if doc[i].text == "(":
            return i
        if doc[i].is_space or doc[i].text == ")":
            return None
    return None


def _run_before(text, runs, ends, clause_s, content) -> int | None:
    """The quotation that ends just before the cue clause ('"...," X said')."""
    k = bisect.bisect_right(ends, clause_s) - 1
    if k < 0 or not _gap_is_punct(text, runs[k].end, clause_s) or "\n" in text[runs[k].end:clause_s]:
        # a quotation closing a paragraph is not claimed by a cue opening the next one
        # '"...", the Turkish minister said': the comma after the mark is in the gap already;
        # but the clause may start with a conjunction/adverb we do not skip: be strict
        return None
    if not _within(content, runs[k]):
        return None
    return k


def _run_after(text, runs, starts, clause_e, content, lead_ok: bool, cues=()) -> int | None:
    """The quotation that starts just after the cue clause ('X said: "..."')."""
    k = bisect.bisect_left(starts, clause_e)
    if k >= len(runs):
        return None
    r = runs[k]
    gap = text[clause_e:r.start]
    if len(gap) > MAX_LEAD_GAP or any(ch in gap for ch in ".?!"):
        return None
    if "\n" in gap and not gap.rstrip().endswith(":"):
        return None
    if not _within(content, r):
        return None
    if not _gap_is_punct(text, clause_e, r.start) and not (lead_ok and _setting_gap(gap)):
        return None
    if not _gap_is_punct(text, clause_e, r.start):
        # 'When he described the wall, he said, "..."': a nearer cue in the gap takes it
        i = bisect.bisect_right(cues, clause_e)
        if i < len(cues) and cues[i] < r.start:
            return None
    return k


# cues whose object is the one spoken to ('told reporters', 'assured voters')
ADDRESSEE_CUES = frozenset(("tell", "ask", "assure", "remind", "warn", "inform", "urge"))


def _run_after_stop(text, runs, starts, clause_e) -> int | None:
    """'Smith said in a statement. "..."', 'Jones agreed. "..."': a cue that says nothing in its
    own sentence (whose main verb it is), closed by a full stop right after it, introduces the
    quoted sentences that close its paragraph."""
    k = bisect.bisect_left(starts, clause_e)
    if k >= len(runs):
        return None
    r = runs[k]
    gap = text[clause_e:r.start]
    if gap.strip() != "." or "\n" in gap or not text[r.start:r.end].strip(QUOTE_MARK_CHARS + " ")[:1].isupper():
        return None
    # a quotation with a tag of its own after it ('"...," Y said') is Y's: take only one that
    # ends its paragraph
    if _ends_quote_sentence(text, r) or text[r.end:r.end + 200].split("\n", 1)[0].strip():
        return None
    return k


SETTING_WORDS = {"to", "on", "in", "at", "during", "after", "before", "from", "via", "over", "with", "last",
                 "this", "earlier", "later", "yesterday", "today", "when", "while", "reporters", "journalists", "it",
                 "the", "a", "an", "his", "her", "their", "its", "simply", "then", "also", "once", "again",
                 "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tonight"}


def _setting_gap(gap: str) -> bool:
    """'told reporters on Tuesday:', 'said in a statement,': words of setting, then , or :"""
    g = gap.strip()
    if g[:1] == "," and g[-1:] == ",":
        g = g[1:]       # an aside set off by commas: 'joked, again using an accent, "..."'
    words = g.rstrip(",:\u2014\u2013-").split()
    return bool(words) and words[0].lower() in SETTING_WORDS and gap.rstrip()[-1:] in (",", ":", "\u2014")


def _comma_quote(content: tuple[int, int] | None, r: QuotedRun, text: str) -> bool:
    """'...wife: "She signed it," he told X.': the parser gave the cue the clause before the
    quotation; a quotation ending in a comma between that clause and the cue is what was said."""
    return (content is not None and content[1] <= r.start
            and text[r.start:r.end].rstrip(QUOTE_MARK_CHARS)[-1:] == ",")


def _colon_quote(content: tuple[int, int] | None, r: QuotedRun, text: str) -> bool:
    """'He hinted at his plan: "We will win," he said.': the parser gave the closing tag the
    whole sentence; the quoted sentence after the colon is what the tag attributes, the
    narration before the colon is the writer's."""
    return (content is not None and content[0] < r.start and content[1] <= r.end + 2
            and text[content[0]:r.start].rstrip()[-1:] == ":" and _ends_quote_sentence(text, r))


def _new_sentence_own_object(text: str, doc: Doc, fr: Frame, r: QuotedRun, cue_e: int, clause_e: int) -> bool:
    """'"We will win." She noted the size of the crowd.', '"..." He went on to say:': a
    quotation closed by a full stop ends its sentence; a cue in the next sentence that has an
    object of its own (not the one spoken to) or that opens a colon says something else, and
    the quotation is not its words (it continues a tag before it, if any)."""
    if text[r.start:r.end].rstrip(QUOTE_MARK_CHARS + " ")[-1:] != ".":
        return False
    if text[clause_e:clause_e + 3].lstrip(" \t")[:1] == ":":
        return True
    if fr.content is None or fr.clausal or fr.lemma in ADDRESSEE_CUES:
        return False
    return _chars(doc, fr.content)[0] >= cue_e


def _attachments(span: TokenSpan) -> list[Token]:
    """The words of a quotation that the parser hung on a word outside it: where it attaches."""
    return [t for t in span if not t.is_punct and not span.start <= t.head.i < span.end]


def _quote_opens_object(doc: Doc, fr: Frame, content: tuple[int, int] | None, r: QuotedRun) -> bool:
    """'Trump continued to portray "illegal" immigrants as violent criminals', 'testified
    "thousands" of emails had not been turned over': a quotation that opens the cue's object and
    is only a modifier of a noun after it, or a noun with a modifier after it, is a scare quote
    inside what the cue reports; the whole object is the content (the PolNeAR convention), not
    the quoted fragment. Words merely set after a quoted object ('promised "a wall" at the rally')
    do not make it a fragment, and the one told ('told "Meet the Press" ...') is no content."""
    if content is None or fr.clausal or fr.lemma in ADDRESSEE_CUES:
        return False
    if not r.start - 1 <= content[0] <= r.start + 1 or content[1] <= r.end + 2:
        return False
    span = doc.char_span(r.start, r.end, alignment_mode="contract")
    if span is None or not len(span):
        return False
    roots = _attachments(span)
    premodifier = any(span.end <= t.head.i and t.head.idx < content[1] for t in roots)
    # a clause or an 'of' phrase after a quoted noun is the noun's ('"one or two instances" where
    # ...'); other phrases after it are as often the verb's setting the parser misplaced ('at the rally')
    postmodified = any(c.i >= span.end and (c.dep_ in ("relcl", "acl") or c.dep_ == "prep" and c.lower_ == "of")
                       for t in roots for c in t.children)
    return premodifier or postmodified


def _own_tag_after(text: str, r: QuotedRun, clause_e: int) -> bool:
    """'Smith backed the idea, and the tape has proof: "Is that so?" a reporter asked.': a
    quotation reached over narration (not right after the cue's punctuation) that ends in , ?
    or ! and runs on into a lower-case tag is the tag's."""
    if _gap_is_punct(text, clause_e, r.start) or not _ends_quote_sentence(text, r):
        return False
    rest = text[r.end:r.end + 40].lstrip(" \t")
    return rest[:1].isalpha() and rest[:1].islower()


def _dash_closes_aside(text: str, clause_e: int, r: QuotedRun) -> bool:
    """'— as Moscow denies — "why ...?" asked Dunn': a dash between a cue and the quotation after
    it closes an aside the cue stands in; a comma or a colon there would hand the quotation to it."""
    gap = text[clause_e:r.start]
    return any(ch in DASHES for ch in gap) and not any(ch in ",:" for ch in gap)


# how far after a quotation's closing mark the cue of its own tag may start ('," the former senator said')
MAX_TAG_LEAD = 40


def _tag_cue_after(text: str, r: QuotedRun, cues: list[int]) -> bool:
    """'..., but Moscow denies — "why wouldn't you?" asked Dunn.': a quotation ending in , ? or !
    with a cue of saying right after it (only a name between: 'asked Dunn', 'Dunn asked') is
    that tag's, not the words of a cue before it. ``cues`` are the speech cues' char offsets."""
    if not _ends_quote_sentence(text, r):
        return False
    i = bisect.bisect_left(cues, r.end)
    if i >= len(cues) or cues[i] - r.end > MAX_TAG_LEAD:
        return False
    gap = text[r.end:cues[i]].lstrip(" \t,")
    return "\n" not in gap and not any(ch in ".,;:!?()" or ch in QUOTE_MARK_CHARS or ch in DASHES for ch in gap)


def _ends_quote_sentence(text: str, r: QuotedRun) -> bool:
    """'"Savage," she said': the quotation ends in , ? or ! inside its marks, as a quoted
    sentence before its cue does."""
    return text[r.start:r.end].rstrip(QUOTE_MARK_CHARS + " ")[-1:] in (",", "?", "!")


def _quoted_sentence(text: str, r: QuotedRun) -> bool:
    """'"Everybody sues, right?"': a short quotation that is a whole sentence of its own (a capital
    after the opening mark, an end mark before the closing one, a sentence ended before it) is
    speech, not a scare quote."""
    inner = text[r.start:r.end].strip(QUOTE_MARK_CHARS + " ")
    before = text[max(0, r.start - 3):r.start].strip()
    return (r.closed and inner[:1].isupper() and inner[-1:] in (".", "?", "!")
            and (not before or before[-1:] in ".!?"))


_SHORT_PAREN = re.compile(r"[ \t]*\([^()\n]{1,20}\)")


def _neighbours(text, runs, starts, ends, doc, fr, cue_s, cue_e, cues):
    """The quotations right before and right after a frame's cue clause, and that clause."""
    sp = _chars(doc, fr.speaker) if fr.speaker else None
    clause_s = min(cue_s, sp[0]) if sp else cue_s
    clause_e = max(cue_e, sp[1]) if sp else cue_e
    if fr.lemma in ADDRESSEE_CUES and fr.content and not fr.clausal:
        # 'As one employee told the local weekly, "..."': the one told stands between the cue
        # and the quotation (the object of 'tell' is who hears the words, not what was said)
        obj_s, obj_e = _chars(doc, fr.content)
        if cue_e <= obj_s and _gap_is_punct(text, clause_e, obj_s):
            clause_e = max(clause_e, obj_e)
            # 'told the Daily Courier (DC), "..."': a short parenthesis after the one told (an
            # abbreviation, a party) is part of the name, whether the parse kept its ')' or not
            if text[clause_e:clause_e + 1] == ")" and "(" in text[obj_s:clause_e]:
                clause_e += 1
            elif m := _SHORT_PAREN.match(text, clause_e):
                clause_e = m.end()
    if fr.content and not fr.clausal and fr.kind in ("speech", "direct"):
        # 'She apologized for the error: "I was wrong."': what the cue is about, then a colon;
        # the quotation after the colon is what was said
        obj_s, obj_e = _chars(doc, fr.content)
        if cue_e <= obj_s and text[obj_e:obj_e + 4].lstrip(" \t")[:1] == ":":
            clause_e = max(clause_e, obj_e)
    before = _run_before(text, runs, ends, clause_s, None)
    if before is not None and _named_in_narration(doc, runs[before]):
        before = None
    after = _run_after(text, runs, starts, clause_e, None, lead_ok=before is None, cues=cues)
    return before, after, clause_s, clause_e


MAX_NAME_WORDS = 6     # a quoted show, slogan or term ('"Fox and Friends,"') is this short


def _named_in_narration(doc: Doc, r: QuotedRun) -> bool:
    """'Speaking on ABC's "This Week," Carson said ...', 'As for his mangling of "Hamas," Levine
    found ...': a short quotation that a preposition or a possessive before it governs is a name
    inside the narration that opens the sentence, not the words of the cue after it."""
    span = doc.char_span(r.start, r.end, alignment_mode="expand")
    if span is None or span.start == 0 or sum(t.is_alpha for t in span) > MAX_NAME_WORDS:
        return False
    prev = doc[span.start - 1]
    while prev.is_space:
        if "\n" in prev.text or prev.i == 0:
            return False
        prev = doc[prev.i - 1]
    return prev.pos_ == "ADP" or prev.tag_ == "POS"


def _named_run_before(doc: Doc, runs, starts, i: int) -> int | None:
    """'Jo Roe, host of "Roe Tonight," said ...': a speaker's phrase runs on over a quoted name
    (``_named_in_narration``) inside it; returns the name's first token when one ends right
    before token ``i``."""
    if i <= 0:
        return None
    k = bisect.bisect_right(starts, doc[i - 1].idx) - 1
    if k < 0 or runs[k].end != doc[i - 1].idx + len(doc[i - 1]) or not _named_in_narration(doc, runs[k]):
        return None
    span = doc.char_span(runs[k].start, runs[k].end, alignment_mode="expand")
    return span.start if span is not None else None


def _within(content: tuple[int, int] | None, r: QuotedRun) -> bool:
    """No clause found, or the clause is the quotation itself (not a clause quoting a fragment)."""
    return content is None or (content[0] >= r.start - 1 and content[1] <= r.end + 2)


def _same_paragraph(text: str, a: int, b: int) -> bool:
    return "\n" not in text[a:b]


def _cover_runs(runs, starts, s: int, e: int) -> tuple[int, int]:
    """Grow a clause span so that no quotation is cut in half by it."""
    k = bisect.bisect_right(starts, e) - 1
    while k >= 0 and runs[k].end > s:
        r = runs[k]
        if r.start < s < r.end or r.start < e < r.end:
            s, e = min(s, r.start), max(e, r.end)
        k -= 1
    return s, e


def _continuations(doc: Doc, text: str, found: list[_Found], runs: list[QuotedRun]) -> list[_Found]:
    """Cue-less quotations later in the paragraph of a direct quote continue it: one
    attribution whose content runs on to the last quotation ('"A," she said. "B."'), and so does
    one right after a report by its sentence's main verb ('She said that A. "B."', ``_led_in``).

    A quoted sentence too far after the direct quote to join it in one span (a long narration
    between) is that speaker's quote of its own.

    A cue-less paragraph that is nothing but a quotation goes to the speaker of the attribution
    that ends the paragraph before: it continues a direct quote (PolNeAR joins them) and is a
    quote of its own after a reported clause. Any other cue-less quotation in a later paragraph
    is left unattributed: on PolNeAR train giving it the previous speaker was wrong more often
    than right.
    """
    found = _join_same_cue(text, found)
    used = {(r.start, r.end) for f in found for r in f.runs}
    paras = paragraphs(text)
    para_starts = [p[0] for p in paras]

    def para_of(pos: int) -> int:
        return bisect.bisect_right(para_starts, pos) - 1

    by_pos = sorted(found, key=lambda f: f.start)
    starts = [f.start for f in by_pos]
    # '"A," she told a crowd that the staff counted. "B."': a cue that has a quotation of its own
    # leads no other one in through the clause the parser gave it
    quoting = {f.cue for f in found if f.direct and f.cue}
    for r in runs:
        if (r.start, r.end) in used or r.words(text) < MIN_CONTINUATION_WORDS and not _quoted_sentence(text, r):
            continue
        k = bisect.bisect_left(starts, r.start) - 1
        p = para_of(r.start)
        prev = None
        # the nearest speaker in the paragraph, skipping narration between ('"A," he said when
        # asked about X. "B."': 'asked' is no speaker of B)
        while k >= 0 and para_of(by_pos[k].start) == p:
            f = by_pos[k]
            if (f.end <= r.start and f.speaker is not None
                    and (f.direct or _cue_after(f) or f.cue not in quoting and _led_in(doc, text, f, r))
                    and _narration_start(doc, f) is None):   # '- at which point the crowd chanted "A" - "B"'
                prev = f
                break
            k -= 1
        if prev is None and CROSS_PARAGRAPH and p > 0 and _whole_paragraph(text, r, paras[p]):
            cands = []
            while k >= 0 and para_of(by_pos[k].start) == p - 1:
                f = by_pos[k]
                if f.end <= r.start and f.speaker is not None and f.rank <= KIND_RANK["phrase"]:
                    cands.append(f)
                k -= 1
            # the outermost attribution reaching furthest, with its cue ('X have mocked Y, calling
            # him "Z," Susan said.': Susan)
            prev = max(cands, key=lambda f: (_reach(f), -f.start), default=None)
            if prev is not None:
                tail = text[_reach(prev):paras[p - 1][1]].rstrip(".!?\"\u201d ")
                if len(tail) > MAX_CONTINUATION_GAP or re.search(r"[.!?]\s", tail):
                    prev = None     # a sentence of narration after the quote ends its paragraph
            if prev is not None and prev.direct:
                prev.end = r.end
                prev.runs.append(r)
                continue
            if prev is not None:
                # after a reported clause the quoted paragraph is an attribution of its own
                found.append(_said_next(prev, r))
                continue
        if prev is None or para_of(prev.end) != p or _modifies_next_noun(doc, r):
            continue
        if (other := _other_speaker_between(doc, prev, r)) is not None:
            found.append(other)
            continue
        if (r.start - prev.end > MAX_CONTINUATION_GAP
                or r.start - prev.end > GAP_TO_QUOTED * (_quoted_chars(prev) + r.end - r.start)):
            # one span over a long narration between short quotes is mostly narration; the quoted
            # sentence is still that speaker's ('"A," said X, who ... . "B."'), as a quote of its
            # own (left to stage 3, a speaker of the narration between often took it)
            if prev.direct and _quoted_sentence(text, r):
                found.append(_said_next(prev, r))
            continue
        prev.end = r.end
        prev.runs.append(r)
    return found


def _modifies_next_noun(doc: Doc, r: QuotedRun) -> bool:
    """'asked the boy, who wore a 'Make America Great Again' hat': a quotation whose words all
    hang on a noun right after it is a modifier inside a phrase of the narration (a slogan, a
    name), not a continuation of the quote before it."""
    span = doc.char_span(r.start, r.end, alignment_mode="expand")
    if not r.closed or span is None or span.end >= len(doc):
        return False
    # ('a "Keep Farms Open" cap': the small parser often misreads the slogan's words as verbs;
    # a determiner before the quotation and a noun after it close the phrase all the same)
    if (span.start > 0 and doc[span.start - 1].tag_ in ("DT", "PRP$")
            and doc[span.end].pos_ == "NOUN" and not doc[span.end].is_punct):
        return True
    heads = {t.head for t in _attachments(span)}
    if len(heads) != 1:
        return False
    noun = heads.pop()
    # ('"Ted Cruz" campaign pins': the noun may stand a few modifiers later, its phrase holding them)
    return (noun.pos_ in ("NOUN", "PROPN") and span.end <= noun.i < span.end + 3
            and noun.left_edge.i <= span.start)


def _other_speaker_between(doc: Doc, prev: _Found, r: QuotedRun) -> _Found | None:
    """'"Tell her," Ebeling said, and her husband cut in. "Don't forget Tom."': a clause joined to
    the tag of a direct quote, with a subject of its own, that the sentence before a cue-less
    quotation ends with hands the floor to that subject: the quotation is theirs, not a
    continuation of the tag's speaker. Returns that attribution, or None."""
    cue = _cue_root(doc, prev)
    if cue is None or prev.speaker is None or not prev.direct or cue.idx < prev.start:
        return None
    for verb in cue.children:
        if verb.dep_ != "conj" or verb.pos_ != "VERB" or not prev.end <= verb.idx < r.start:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ not in ("NOUN", "PROPN") or subj.i == prev.speaker[2]:
            continue
        if doc[verb.right_edge.i].idx >= r.start or any(
                t.is_punct and t.text in ".:" and t.i < verb.right_edge.i for t in verb.subtree):
            continue
        return _Found(r.start, r.end, (verb.idx, verb.idx + len(verb)), (subj.left_edge.i, subj.i + 1, subj.i),
                      True, prev.rank, [r], how="continued")
    return None


def _said_next(prev: _Found, r: QuotedRun) -> _Found:
    """The quotation ``r`` as an attribution of its own, with the cue and speaker of ``prev``."""
    return _Found(r.start, r.end, prev.cue, prev.speaker, True, prev.rank, [r], how="continued")


def _learned(doc: Doc, text: str, runs: list[QuotedRun], in_quote, found: list[_Found],
             lex: CueLexicon) -> list[_Found]:
    """The trained models' pass (quote_learned.py): rule attributions the filter doubts are
    dropped, and candidates the rules missed are added where no rule attribution stood."""
    if not doc.has_annotation("DEP"):
        return found
    keep = keep_mask(doc, text, found, lex)
    scored = scored_candidates(doc, in_quote, lex)
    out = [f for f, k in zip(found, keep) if k]
    starts = [r.start for r in runs]
    for _, c, (s, e) in select(doc, scored, [(f.start, f.end) for f in found], [f.cue for f in found if f.cue]):
        inside = runs_within(runs, starts, s, e)
        cue = doc[c.cue]
        out.append(_Found(s, e, (cue.idx, cue.idx + len(cue)), c.speaker, _verbatim(inside, s, e),
                          KIND_RANK["learned"], inside, how="learned"))
    return out


def _respan(doc: Doc, text: str, runs: list[QuotedRun], found: list[_Found], lex: CueLexicon) -> list[_Found]:
    """Content spans the span model (quote_spans.py) prefers to the rules' ones, set in place."""
    model = load_span_model()
    if model is None or not found:
        return found
    keys, x = span_rows(doc, text, runs, found, lex)
    if not keys:
        return found
    starts = [r.start for r in runs]
    chosen = choose(keys, model.predict_proba(x), model.threshold)
    gone = swallowed(doc, found, chosen)
    for i, (s, e) in chosen.items():
        f = found[i]
        f.start, f.end, f.runs = s, e, runs_within(runs, starts, s, e)
        f.direct = _verbatim(f.runs, s, e)
    return [f for j, f in enumerate(found) if j not in gone]


def _orphan_quotes(doc: Doc, text: str, runs: list[QuotedRun], in_quote, found: list[_Found],
                   lex: CueLexicon) -> list[_Found]:
    """Quotations no attribution covers become quotes when quote_speaker_model finds a mention
    likely enough to have said them (the rules' speakers are kept: on PolNeAR train re-ranking
    them was no better)."""
    model, orphans, priors = load_speaker_model(), load_orphan_model(), load_priors()
    if model is None or orphans is None or priors is None or not runs or not doc.has_annotation("DEP"):
        return found
    free = free_quotations(doc, runs, found)
    if not free:
        return found
    scorer = SpeakerScorer(doc, in_quote, paragraphs(text), priors, lex)
    scorer.remember_rule_speakers(found)
    rows = orphan_rows(text, scorer, model, free, found)
    kept = [(r, m, x) for r, (m, x) in zip(free, rows) if m is not None]
    if not kept:
        return found
    p = orphans.predict_proba(np.vstack([x for _, _, x in kept]))
    out = list(found)
    for (r, m, _), score in zip(kept, p):
        if score >= orphans.threshold:
            out.append(orphan_found(r, m))
    return out


def free_quotations(doc: Doc, runs: list[QuotedRun], found: list[_Found]) -> list[QuotedRun]:
    """The quotations no attribution overlaps, less quoted names ('watched "Saturday Night Live"':
    a title is not words someone said)."""
    taken = Intervals((f.start, f.end, f) for f in found)
    out = []
    for r in runs:
        if taken.overlapping(r.start, r.end):
            continue
        span = doc.char_span(r.start, r.end, alignment_mode="expand")
        if span is None or not is_title(span):
            out.append(r)
    return out


def orphan_found(r: QuotedRun, mention) -> _Found:
    """The attribution of a quotation no rule claimed to the mention the speaker ranker chose."""
    return _Found(r.start, r.end, None, (mention.start, mention.end, mention.head), True, KIND_RANK["learned"],
                  [r], how="orphan")


def orphan_rows(text: str, scorer: SpeakerScorer, ranker, free: list[QuotedRun], found):
    """For each quotation: (its best-ranked mention, the orphan model's feature row), or (None, None)
    when no mention is near. ``ranker`` has ``predict_proba(rows) -> probabilities``."""
    per_run = [(r, scorer.candidates(r.start, r.end)) for r in free]
    xs = [scorer.features(r.start, r.end, True, cands) for r, cands in per_run if cands]
    if not xs:
        return [(None, None)] * len(free)
    p_all = ranker.predict_proba(np.vstack(xs))
    paras = scorer.paragraphs
    out, at, k = [], 0, 0
    for r, cands in per_run:
        if not cands:
            out.append((None, None))
            continue
        x, p = xs[k], p_all[at:at + len(cands)]
        k += 1
        at += len(cands)
        best = int(np.argmax(p))
        q = scorer.para_of(r.start)
        whole = q >= 0 and _whole_paragraph(text, r, paras[q])
        after_quote = q >= 0 and any(f.direct and paras[q][0] <= f.start and f.end <= r.start for f in found)
        out.append((cands[best], orphan_features(x, p, best, r.words(text), _quoted_sentence(text, r), whole,
                                                 after_quote)))
    return out


def _reach(f: _Found) -> int:
    return max(f.end, f.cue[1]) if f.cue else f.end


_CONJUNCT_GAP = re.compile(r"[\s,]*(?:and|or|but)\s+$")   # ', and ' between two quotations


def _join_quoted_conjuncts(text: str, found: list[_Found], runs: list[QuotedRun]) -> list[_Found]:
    """'Clinton said that her family "came out ... in debt," and "struggled to ..."': a report
    whose content ends in a quotation, joined by a bare conjunction to a quotation nothing else
    claims, goes on in it: the second quotation is a second conjunct of the same report (the
    parser often hangs it on the cue, and a speaker near it then took it)."""
    taken = Intervals((f.start, f.end, f) for f in found)
    ends = {f.end: f for f in found if f.runs and f.runs[-1].end == f.end and f.speaker is not None}
    for r in runs:
        if taken.overlapping(r.start, r.end):
            continue
        gap = _CONJUNCT_GAP.search(text[max(0, r.start - 12):r.start])
        f = ends.get(r.start - len(gap.group())) if gap else None
        if f is not None and r.words(text) >= MIN_CONTINUATION_WORDS:
            f.end = r.end
            f.runs.append(r)
            ends[r.end] = f
    return found


def _led_in(doc: Doc, text: str, f: _Found, r: QuotedRun) -> bool:
    """'Jones touted her record on jobs. "We built three plants."': a report whose cue is its
    sentence's main verb (or a verb conjoined to it: 'Jones praised X and said that Y.'), said by
    that verb's subject, ended by a full stop or a colon right before a cue-less quotation, is led
    on by it: the quotation goes on with what the subject said (PolNeAR joins them). A cue in a
    subordinate clause ('..., recalling the bill.') leads nothing, nor does any cue lead a quotation
    shaped for a tag after it ('"A," he recalled.')."""
    if f.direct or f.cue is None or f.speaker is None or f.rank != KIND_RANK["speech"] or f.cue[1] > f.start:
        return False
    gap = text[f.end:r.start]
    if gap.strip(" \t.:") or text[:r.start].rstrip()[-1:] not in (".", ":"):
        return False
    end = text[r.start:r.end].rstrip(QUOTE_MARK_CHARS + " ")[-1:]
    if end == "," or end in ("?", "!") and text[r.end:r.end + 3].lstrip(" \t")[:1].islower():
        return False    # '"A," he recalled': a quotation waiting for a tag of its own
    cue = _cue_root(doc, f)
    if cue is None:
        return False
    verb = cue.head if cue.dep_ == "conj" else cue
    if verb.dep_ != "ROOT":
        return False
    subject = doc[f.speaker[2]]
    return subject.head.i == verb.i and subject.dep_ in ("nsubj", "nsubjpass")


def _join_same_cue(text: str, found: list[_Found]) -> list[_Found]:
    """Two quotations of one paragraph given to the same cue ('"A," X said. "B."', where the
    parser hung B on 'said' too) are one split quote."""
    by_cue: dict[tuple[int, int], _Found] = {}
    out = []
    for f in sorted(found, key=lambda f: f.start):
        first = by_cue.get(f.cue) if f.cue and f.direct else None
        if (first is not None and first.end <= f.start and _same_paragraph(text, first.end, f.start)
                and first.end <= f.cue[0] < f.start):
            first.end = f.end
            first.runs.extend(f.runs)
            continue
        if f.cue and f.direct:
            by_cue[f.cue] = f
        out.append(f)
    return out


def _verbatim(inside: list[QuotedRun], s: int, e: int) -> bool:
    """A content span that is (nearly) all quotation is a direct quote."""
    return sum(r.end - r.start for r in inside) >= 0.9 * (e - s)


def _quoted_chars(f: _Found) -> int:
    return sum(r.end - r.start for r in f.runs) if f.runs else f.end - f.start


def _cue_after(f: _Found) -> bool:
    """'Yet X is a "change agent," Y said.': the cue follows the content, as in a direct quote."""
    return f.cue is not None and f.end <= f.cue[0]


def _whole_paragraph(text: str, r: QuotedRun, para: tuple[int, int]) -> bool:
    """A paragraph that is nothing but a quotation ('"And Mexico will pay for the wall!"')."""
    return r.start == para[0] and para[1] - r.end <= 2


# what opens a clause of narration inside a report ('..., as the heckler yelled: "..."')
_NARRATION_MARKS = frozenset(("as", "while", "when", "whereupon"))


def _narration_start(doc: Doc, f: _Found) -> int | None:
    """'Cruz said as the heckler yelled: "You suck!"', '..., to which O'Malley interjected: "..."':
    a quotation given to a speech cue heading a clause of narration (an 'as'/'when' clause, a
    'which' clause) set inside someone's report is the heckler's words, not the report's.
    Returns where that clause starts (a char offset), or None for any other attribution."""
    if not f.direct or f.cue is None or f.speaker is None or not f.runs or f.start < f.cue[1]:
        return None
    cue = _cue_root(doc, f)
    if cue is None or cue.dep_ not in ("advcl", "relcl"):
        return None
    if (any(c.dep_ == "mark" and c.lower_ in _NARRATION_MARKS for c in cue.children)
            or any(w.lower_ == "which" for w in doc[cue.left_edge.i:cue.i])):
        return cue.left_edge.idx
    return None


def _owned_quotation(doc: Doc, f: _Found) -> bool:
    """'blamed the media for making an issue of Trump's claim that Obama "founded ISIS"': a noun
    of saying with its owner before it, whose clause holds a quotation."""
    if not f.runs or f.cue is None or f.speaker is None:
        return False
    words = _cue_words(doc, f)
    return words is not None and len(words) == 1 and words[0].pos_ == "NOUN" and f.speaker[2] < words[0].i


def _relative_report(doc: Doc, f: _Found) -> bool:
    """'Roe praised Doe, who has vowed to "fight on"': a quotation given to a cue in a relative
    clause ('who vowed', 'in which she called for', 'when he claimed'), said after that cue."""
    if not f.runs or f.cue is None or f.speaker is None or f.start < f.cue[1]:
        return False
    cue = _cue_root(doc, f)
    if cue is None:
        return False
    return cue.dep_ == "relcl" or cue.dep_ == "advcl" and any(
        w.lower_ in ("who", "which", "whom", "when", "where") and w.i < cue.i for w in cue.subtree)


def _beside_object(f: _Found, g: _Found, beside: set[int]) -> bool:
    """WHY: an owner's quoted claim ('blamed the media for ... Trump's claim that Obama "founded
    ISIS"') or a relative clause's quoted report ('Roe praised Doe, who has vowed to "fight on"')
    inside what another cue takes as its object is the owner's or the relative's words (PolNeAR
    marks them); the object stays the other cue's, so both stand."""
    for a, b in ((f, g), (g, f)):
        if id(a) in beside and not b.clausal and not b.direct and b.start <= a.cue[0] and a.end <= b.end:
            return True
    return False


def _dedupe(doc: Doc, text: str, found: list[_Found]) -> list[_Found]:
    """One attribution per stretch of text (PolNeAR is univocal). An attribution reported
    inside another one's clause ("CNN reported that King said ...") belongs to the outer one,
    unless it is narration set in it (``_narration_start``: both stand); an owner's quoted claim
    or a relative clause's, inside another cue's object, stands too (``_beside_object``); among
    overlapping ones, direct quotes win, then speech cues, then the longer."""
    found = [f for f in found if f.direct or f.speaker is not None]
    outers = Intervals((g.start, g.end, g) for g in found
                        if g.speaker is not None and g.rank <= KIND_RANK["phrase"] and g.clausal)
    # the attributions that are narration set in a report (by id), with where that clause starts
    narrated = {id(f): at for f in found if (at := _narration_start(doc, f)) is not None}
    beside = {id(f) for f in found if _owned_quotation(doc, f) or _relative_report(doc, f)}

    def both_stand(f: _Found, g: _Found) -> bool:
        return _set_inside(f, g, narrated) or _beside_object(f, g, beside) or _in_narration_gap(f, g)

    def nested(f: _Found) -> bool:
        return f.cue is not None and id(f) not in narrated and any(
            g is not f and s <= f.cue[0] < e and not (g.cue and f.start <= g.cue[0] < f.end)
            and not _in_narration_gap(f, g)
            for s, e, g in outers.overlapping(f.cue[0], f.cue[0] + 1))

    found = sorted((f for f in found if not nested(f)), key=lambda f: (not f.direct, f.rank, f.start - f.end))
    kept = Intervals()
    for f in found:
        clash = False
        for s, e, g in kept.overlapping(f.start, f.end):
            if both_stand(f, g):
                continue
            inter = min(f.end, e) - max(f.start, s)
            if inter >= 0.5 * min(f.end - f.start, e - s):
                clash = True
                break
        if not clash and f.cue and any(not both_stand(f, g) for _, _, g in kept.overlapping(f.cue[0], f.cue[0] + 1)):
            clash = True            # f is reported inside a kept attribution
        if not clash:
            kept.add(f.start, f.end, f)
    out = [g for _, _, g in kept.items()]
    for f in out:
        for g in out:
            if id(f) in narrated and g is not f and _set_inside(f, g, narrated) and g.end <= f.end + 2:
                # '..., to which O'Malley interjected: "..."' closes the report: it ends before
                g.end = max(g.start + 1, len(text[:narrated[id(f)]].rstrip(" ,;:-\u2014\u2013")))
                g.runs = [r for r in g.runs if r.end <= g.end]
    return out


def _in_narration_gap(f: _Found, g: _Found) -> bool:
    """'"Everything is on the table," Carson told the AP after hinting that "personnel changes"
    could come. "Every single thing is."': an attribution whose cue and content lie wholly in the
    narration between two quotations of one direct quote (its tag's setting) is not reported
    inside that quote; the quote spans the narration only to join its quotations, so both stand."""
    for a, b in ((f, g), (g, f)):
        # only a reported clause quoting words of its own ('hinting that "personnel changes" could
        # come'): an unquoted one or an object in the narration is mostly the tag's setting ('told
        # reporters about the plan', 'in an interview aired on "New Day"')
        if not b.direct or len(b.runs) < 2 or a.direct or a.cue is None or not a.runs or not a.clausal:
            continue
        if a.cue == b.cue:
            continue    # the tag's own cue read a second time ('said on "This Week"') says nothing new
        lo, hi = min(a.start, a.cue[0]), max(a.end, a.cue[1])
        runs = sorted(b.runs, key=lambda r: r.start)
        if any(x.end <= lo and hi <= y.start for x, y in zip(runs, runs[1:])):
            return True
    return False


def _set_inside(f: _Found, g: _Found, narrated: Container[int]) -> bool:
    """One of f and g is narration set inside the other's content (cue and quotation)."""
    for a, b in ((f, g), (g, f)):
        if id(a) in narrated and b.start <= a.cue[0] and a.end <= b.end and b.clausal and not b.direct:
            return True
    return False

"""Quotations with no cue of their own that go on with an attribution before them: later
quotations in the paragraph of a direct quote ('"A," she said. "B."'), a quoted paragraph after
one, a quotation led in by a report ('She said that A. "B."'), a second quoted conjunct
('"came out ... in debt," and "struggled to ..."'); and the ones that do not (a slogan
modifying a noun, a quotation after another speaker cut in)."""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from tidings.nlp.quotes.found import (KIND_RANK, Found, cue_after_content, cue_root, narration_start, quoted_chars,
                                      reach_of)
from tidings.intervals import Intervals
from tidings.nlp.quotes.marks import QuotedRun, paragraphs
from tidings.nlp.quotes.quotations import (MIN_CONTINUATION_WORDS, last_inside, outside_attachments, quoted_sentence,
                                           same_paragraph, whole_paragraph)


MAX_CONTINUATION_GAP = 250  # chars of narration a continuation may skip ('" she said, as she left. "')


CROSS_PARAGRAPH = True


GAP_TO_QUOTED = 1.0  # narration chars per quoted char a one-span continuation may cover (train)


def continue_quotes(doc: Doc, text: str, found: list[Found], runs: list[QuotedRun]) -> list[Found]:
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
        if (r.start, r.end) in used or r.words(text) < MIN_CONTINUATION_WORDS and not quoted_sentence(text, r):
            continue
        k = bisect.bisect_left(starts, r.start) - 1
        p = para_of(r.start)
        prev = None
        # the nearest speaker in the paragraph, skipping narration between ('"A," he said when
        # asked about X. "B."': 'asked' is no speaker of B)
        while k >= 0 and para_of(by_pos[k].start) == p:
            f = by_pos[k]
            if (f.end <= r.start and f.speaker is not None
                    and (f.direct or cue_after_content(f) or f.cue not in quoting and _led_in(doc, text, f, r))
                    and narration_start(doc, f) is None):   # '- at which point the crowd chanted "A" - "B"'
                prev = f
                break
            k -= 1
        if prev is None and CROSS_PARAGRAPH and p > 0 and whole_paragraph(text, r, paras[p]):
            cands = []
            while k >= 0 and para_of(by_pos[k].start) == p - 1:
                f = by_pos[k]
                if f.end <= r.start and f.speaker is not None and f.rank <= KIND_RANK["phrase"]:
                    cands.append(f)
                k -= 1
            # the outermost attribution reaching furthest, with its cue ('X have mocked Y, calling
            # him "Z," Susan said.': Susan)
            prev = max(cands, key=lambda f: (reach_of(f), -f.start), default=None)
            if prev is not None:
                tail = text[reach_of(prev):paras[p - 1][1]].rstrip(".!?\"\u201d ")
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
                or r.start - prev.end > GAP_TO_QUOTED * (quoted_chars(prev) + r.end - r.start)):
            # one span over a long narration between short quotes is mostly narration; the quoted
            # sentence is still that speaker's ('"A," said X, who ... . "B."'), as a quote of its
            # own (left to stage 3, a speaker of the narration between often took it)
            if prev.direct and quoted_sentence(text, r):
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
    heads = {t.head for t in outside_attachments(span)}
    if len(heads) != 1:
        return False
    noun = heads.pop()
    # ('"Ted Cruz" campaign pins': the noun may stand a few modifiers later, its phrase holding them)
    return (noun.pos_ in ("NOUN", "PROPN") and span.end <= noun.i < span.end + 3
            and noun.left_edge.i <= span.start)


def _other_speaker_between(doc: Doc, prev: Found, r: QuotedRun) -> Found | None:
    """'"Tell her," Ebeling said, and her husband cut in. "Don't forget Tom."': a clause joined to
    the tag of a direct quote, with a subject of its own, that the sentence before a cue-less
    quotation ends with hands the floor to that subject: the quotation is theirs, not a
    continuation of the tag's speaker. Returns that attribution, or None."""
    cue = cue_root(doc, prev)
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
        return Found(r.start, r.end, (verb.idx, verb.idx + len(verb)), (subj.left_edge.i, subj.i + 1, subj.i),
                      True, prev.rank, [r], how="continued")
    return None


def _said_next(prev: Found, r: QuotedRun) -> Found:
    """The quotation ``r`` as an attribution of its own, with the cue and speaker of ``prev``."""
    return Found(r.start, r.end, prev.cue, prev.speaker, True, prev.rank, [r], how="continued")


_CONJUNCT_GAP = re.compile(r"[\s,]*(?:and|or|but)\s+$")   # ', and ' between two quotations


def join_quoted_conjuncts(text: str, found: list[Found], runs: list[QuotedRun]) -> list[Found]:
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


def _led_in(doc: Doc, text: str, f: Found, r: QuotedRun) -> bool:
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
    end = last_inside(text, r)
    if end == "," or end in ("?", "!") and text[r.end:r.end + 3].lstrip(" \t")[:1].islower():
        return False    # '"A," he recalled': a quotation waiting for a tag of its own
    cue = cue_root(doc, f)
    if cue is None:
        return False
    verb = cue.head if cue.dep_ == "conj" else cue
    if verb.dep_ != "ROOT":
        return False
    subject = doc[f.speaker[2]]
    return subject.head.i == verb.i and subject.dep_ in ("nsubj", "nsubjpass")


def _join_same_cue(text: str, found: list[Found]) -> list[Found]:
    """Two quotations of one paragraph given to the same cue ('"A," X said. "B."', where the
    parser hung B on 'said' too) are one split quote."""
    by_cue: dict[tuple[int, int], Found] = {}
    out = []
    for f in sorted(found, key=lambda f: f.start):
        first = by_cue.get(f.cue) if f.cue and f.direct else None
        if (first is not None and first.end <= f.start and same_paragraph(text, first.end, f.start)
                and first.end <= f.cue[0] < f.start):
            first.end = f.end
            first.runs.extend(f.runs)
            continue
        if f.cue and f.direct:
            by_cue[f.cue] = f
        out.append(f)
    return out

"""Frames to contents: each cue frame (cues.py) takes the quotation right before or after its
clause ('"...," X said', 'X said: "..."', both for a split quote), else its reported clause.

Most of this module is about which quotation is next to a cue: the gap between them (only
punctuation, or a setting: 'told reporters on Tuesday:'), quotations a nearer cue or a tag of
their own takes, quoted titles that are named, not said, and the speaker a misparsed tag leaves
to be read off the words next to its cue (``_surface_speaker``)."""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

from tidings.nlp.quotes.found import KIND_RANK, Found, char_offsets, verbatim
from tidings.nlp.quotes.frame import Frame
from tidings.nlp.quotes.licensed import is_title
from tidings.nlp.quotes.marks import QuotedRun, runs_within
from tidings.nlp.quotes.quotations import (GAP_PUNCT, NAMEISH, QUOTE_MARK_CHARS, cover_runs, ends_quote_sentence,
                                           gap_is_punct, in_run, last_inside, named_in_narration, outside_attachments,
                                           same_paragraph, within_run)
from tidings.nlp.quotes.speakers import DASHES


MAX_LEAD_GAP = 80          # chars between "X said on Tuesday in Sochi:" and the quotation


def _quote_between(text: str, runs: list[QuotedRun], starts: list[int], a: int, b: int) -> bool:
    """A quoted sentence ending in , ? or ! (one a tag follows) lies wholly between chars a and b
    (``a`` is a word's start, where no quotation starts)."""
    return any(ends_quote_sentence(text, r) for r in runs_within(runs, starts, a, b))


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


def attach_frames(doc: Doc, text: str, frames: list[Frame], runs: list[QuotedRun]) -> list[Found]:
    """Each frame with its content: an adjacent quotation, else its reported clause."""
    starts = [r.start for r in runs]
    ends = [r.end for r in runs]
    claimed: set[int] = set()
    index = {(r.start, r.end): i for i, r in enumerate(runs)}
    out: list[Found] = []
    cues = sorted(doc[f.cue[0]].idx for f in frames if f.kind in ("speech", "clausal", "direct"))
    for fr in frames:
        if fr.lemma == "put" and not _put_into_words(doc[fr.cue[0]]):
            continue    # 'putting it into the national file: "..."' places a thing, says nothing
        cue_s, cue_e = char_offsets(doc, fr.cue)
        k = bisect.bisect_right(starts, cue_s) - 1
        if k >= 0 and runs[k].start < cue_s < runs[k].end:
            continue            # a cue inside a quotation is part of what was quoted
        if fr.speaker_head is not None and in_run(runs, starts, doc[fr.speaker_head].idx):
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
        content = char_offsets(doc, fr.content) if fr.content else None
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
                 and gap_is_punct(text, clause_e, runs[after].start)
                 and same_paragraph(text, runs[before].end, runs[after].start)
                 and (within_run(clause, runs[before]) or within_run(clause, runs[after])))
        if (content is not None and fr.lemma not in VOICED and _only_a_title(doc, text, runs, starts, content)
                and not _introduced(text, clause_e, content[0])):
            continue    # 'discussed "Fox & Friends"': a quoted name, not quoted words
        if (after is not None and not split and within_run(content, runs[after])
                and _dash_closes_aside(text, clause_e, runs[after]) and _tag_cue_after(text, runs[after], cues)):
            continue    # the quotation after the cue is its own tag's ('— "why?" asked Dunn')
        if split:
            parts = [runs[before], runs[after]]
            claimed.update((before, after))
            out.append(Found(parts[0].start, parts[-1].end, (cue_s, cue_e), speaker, True, rank, parts))
        elif before is not None and before not in claimed and not _new_sentence_own_object(
                text, doc, fr, runs[before], cue_e, clause_e) and not _infinitive_after_stop(
                doc, text, fr, runs[before]) and (within_run(clause, runs[before])
                                                                 or _comma_quote(clause, runs[before], text)
                                                                 or _colon_quote(clause, runs[before], text)):
            claimed.add(before)
            r = runs[before]
            s = _completed_clause_start(doc, text, r, fr.cue)
            if s is None:
                out.append(Found(r.start, r.end, (cue_s, cue_e), speaker, True, rank, [r]))
            else:
                out.append(Found(s, r.end, (cue_s, cue_e), speaker, False, rank, [r]))
        elif (before is not None and before not in claimed and clause is not None and clause[0] >= cue_e
              and fr.kind in ("speech", "clausal", "direct") and ends_quote_sentence(text, runs[before])):
            # '"Savage," she said, meaning that ...': the quotation is what was said; the clause
            # after the cue is reported on its own (PolNeAR annotates both)
            claimed.add(before)
            r = runs[before]
            out.append(Found(r.start, r.end, (cue_s, cue_e), speaker, True, rank, [r]))
            if not _nearer_cue_opens(doc, text, cues, cue_e, clause[0]):
                s, e = cover_runs(runs, starts, *clause)
                inside = runs_within(runs, starts, s, e)
                claimed.update(index[(r.start, r.end)] for r in inside)
                out.append(Found(s, e, (cue_s, cue_e), speaker, False, rank, inside, clausal=fr.clausal))
        elif (after is not None and after not in claimed and fr.kind in ("speech", "clausal", "phrase", "direct")
              and within_run(clause, runs[after]) and not _own_tag_after(text, runs[after], clause_e)
              and not _quote_opens_object(doc, fr, content, runs[after])):
            claimed.add(after)
            r = runs[after]
            out.append(Found(r.start, r.end, (cue_s, cue_e), speaker, True, rank, [r]))
        elif (content is None and before is None and after is None and speaker is not None
              and fr.kind in ("speech", "clausal", "direct")
              and any(t.dep_ == "ROOT" for t in doc[fr.cue[0]:fr.cue[1]])
              and (k := _run_after_stop(text, runs, starts, clause_e)) is not None and k not in claimed):
            claimed.add(k)
            r = runs[k]
            out.append(Found(r.start, r.end, (cue_s, cue_e), speaker, True, rank, [r]))
        elif content is not None:
            s, e = cover_runs(runs, starts, *content)
            inside = runs_within(runs, starts, s, e)
            direct = verbatim(inside, s, e)
            claimed.update(index[(r.start, r.end)] for r in inside)
            out.append(Found(s, e, (cue_s, cue_e), speaker, direct, rank, inside, clausal=fr.clausal))
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


# 'chanting "Dump Trump."': what is chanted or shouted is words, even in capitals like a title
VOICED = frozenset(("chant", "shout", "yell", "scream", "cry", "sing", "whisper", "exclaim", "holler", "roar"))


def _only_a_title(doc: Doc, text: str, runs, starts, content: tuple[int, int]) -> bool:
    k = bisect.bisect_right(starts, content[0]) - 1
    if k < 0 or runs[k].start > content[0] or runs[k].end < content[1] - 1:
        return False
    if last_inside(text, runs[k]) in ("!", "?"):
        return False    # 'She declared "What a Great Night!"': an exclamation in capitals is words said
    span = doc.char_span(runs[k].start, runs[k].end, alignment_mode="expand")
    return span is not None and is_title(span)


def _introduced(text: str, clause_e: int, content_s: int) -> bool:
    """'He cut in, "Only Kim Lee."': a quotation set off by a comma or a colon right after
    its cue clause is handed to the cue as words said, even when it is short and in capitals like a
    title (a title is named in the run of the sentence: 'discussed "Fox & Friends"')."""
    gap = text[clause_e:content_s].rstrip(QUOTE_MARK_CHARS)
    return clause_e <= content_s and all(ch in GAP_PUNCT for ch in gap) and ("," in gap or ":" in gap)


def _surface_speaker(doc: Doc, cue: tuple[int, int], runs, starts):
    """'..., X said' / 'said X, ...': the words between the cue and a quotation or punctuation."""
    def ok(t):
        inword = t.text in ("-", "\u2010") and not t.whitespace_ and t.i > 0 and not doc[t.i - 1].whitespace_
        return not ((t.is_punct and not inword) or t.is_space or in_run(runs, starts, t.idx))
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
    if k < 0 or not gap_is_punct(text, runs[k].end, clause_s) or "\n" in text[runs[k].end:clause_s]:
        # a quotation closing a paragraph is not claimed by a cue opening the next one
        # '"...", the Turkish minister said': the comma after the mark is in the gap already;
        # but the clause may start with a conjunction/adverb we do not skip: be strict
        return None
    if not within_run(content, runs[k]):
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
    if not within_run(content, r):
        return None
    if not gap_is_punct(text, clause_e, r.start) and not (lead_ok and _setting_gap(gap)):
        return None
    if not gap_is_punct(text, clause_e, r.start):
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
    if ends_quote_sentence(text, r) or text[r.end:r.end + 200].split("\n", 1)[0].strip():
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
            and text[content[0]:r.start].rstrip()[-1:] == ":" and ends_quote_sentence(text, r))


def _new_sentence_own_object(text: str, doc: Doc, fr: Frame, r: QuotedRun, cue_e: int, clause_e: int) -> bool:
    """'"We will win." She noted the size of the crowd.', '"..." He went on to say:': a
    quotation closed by a full stop ends its sentence; a cue in the next sentence that has an
    object of its own (not the one spoken to) or that opens a colon says something else, and
    the quotation is not its words (it continues a tag before it, if any)."""
    if last_inside(text, r) != ".":
        return False
    if text[clause_e:clause_e + 3].lstrip(" \t")[:1] == ":":
        return True
    if fr.content is None or fr.clausal or fr.lemma in ADDRESSEE_CUES:
        return False
    return char_offsets(doc, fr.content)[0] >= cue_e



def _infinitive_after_stop(doc: Doc, text: str, fr: Frame, r: QuotedRun) -> bool:
    """'... declined comment "due to pending litigation." ICE and DHS have declined to respond to
    questions': a quoted sentence closed by a full stop is no tag's words when the cue after it is
    an infinitive ('to respond'): a closing tag is a finite verb ('"...." X said')."""
    cue = doc[fr.cue[0]:fr.cue[1]].root
    return (last_inside(text, r) == "." and cue.tag_ == "VB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children))

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
    roots = outside_attachments(span)
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
    if gap_is_punct(text, clause_e, r.start) or not ends_quote_sentence(text, r):
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
    if not ends_quote_sentence(text, r):
        return False
    i = bisect.bisect_left(cues, r.end)
    if i >= len(cues) or cues[i] - r.end > MAX_TAG_LEAD:
        return False
    gap = text[r.end:cues[i]].lstrip(" \t,")
    return "\n" not in gap and not any(ch in ".,;:!?()" or ch in QUOTE_MARK_CHARS or ch in DASHES for ch in gap)


_SHORT_PAREN = re.compile(r"[ \t]*\([^()\n]{1,20}\)")


def _neighbours(text, runs, starts, ends, doc, fr, cue_s, cue_e, cues):
    """The quotations right before and right after a frame's cue clause, and that clause."""
    sp = char_offsets(doc, fr.speaker) if fr.speaker else None
    clause_s = min(cue_s, sp[0]) if sp else cue_s
    clause_e = max(cue_e, sp[1]) if sp else cue_e
    if fr.lemma in ADDRESSEE_CUES and fr.content and not fr.clausal:
        # 'As one employee told the local weekly, "..."': the one told stands between the cue
        # and the quotation (the object of 'tell' is who hears the words, not what was said)
        obj_s, obj_e = char_offsets(doc, fr.content)
        if cue_e <= obj_s and gap_is_punct(text, clause_e, obj_s):
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
        obj_s, obj_e = char_offsets(doc, fr.content)
        if cue_e <= obj_s and text[obj_e:obj_e + 4].lstrip(" \t")[:1] == ":":
            clause_e = max(clause_e, obj_e)
    before = _run_before(text, runs, ends, clause_s, None)
    if before is not None and named_in_narration(doc, runs[before]):
        before = None
    after = _run_after(text, runs, starts, clause_e, None, lead_ok=before is None, cues=cues)
    return before, after, clause_s, clause_e


def _named_run_before(doc: Doc, runs, starts, i: int) -> int | None:
    """'Jo Roe, host of "Roe Tonight," said ...': a speaker's phrase runs on over a quoted name
    (``named_in_narration``) inside it; returns the name's first token when one ends right
    before token ``i``."""
    if i <= 0:
        return None
    k = bisect.bisect_right(starts, doc[i - 1].idx) - 1
    if k < 0 or runs[k].end != doc[i - 1].idx + len(doc[i - 1]) or not named_in_narration(doc, runs[k]):
        return None
    span = doc.char_span(runs[k].start, runs[k].end, alignment_mode="expand")
    return span.start if span is not None else None

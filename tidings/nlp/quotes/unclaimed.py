"""Quotations no cue frame claimed, attributed from other evidence in the sentence: the verb
that governs them ('"...," beamed X'), a tag right after them ('"Quiet," he demanded'), a
possessed noun of saying ('Romney's "47 percent" comment'), a writer presenting them ('Here's
Clinton in 1992: "..."'), a participle clause hung on a tag ('..., explaining: "..."'), and a
subject-less participle sentence going on with the speaker before it ('Adding, "..."')."""
from __future__ import annotations

import bisect
import re
from collections.abc import Container

from spacy.tokens import Doc, Token

from tidings.nlp.parse import inword_hyphen
from tidings.nlp.quotes.cues import SAYING_NOUNS
from tidings.nlp.quotes.found import KIND_RANK, Found, char_offsets, cue_root, cue_words, unclaimed_runs
from tidings.intervals import Intervals
from tidings.nlp.quotes.lexicon import CueLexicon
from tidings.nlp.quotes.licensed import licensed_frames
from tidings.nlp.quotes.marks import QuotedRun
from tidings.nlp.quotes.mentions import mistagged_name
from tidings.nlp.quotes.quotations import (NAMEISH, SPEAKER_WORD_POS, ends_quote_sentence, gap_is_punct, in_run,
                                           named_in_narration, same_paragraph, token_at)
from tidings.nlp.quotes.syntax import token_starts


def licensed_quotes(doc: Doc, text: str, runs: list[QuotedRun], found: list[Found],
              media: frozenset[str] = frozenset(), cue_verbs: Container[str] = frozenset()) -> list[Found]:
    """Quotations no cue claimed, attributed through the verb that governs them."""
    covered = Intervals((f.start, f.end, f) for f in found)
    free = [r for r in runs if not any(s <= r.start and r.end <= e for s, e, _ in covered.overlapping(r.start, r.end))]
    if not free or not doc.has_annotation("DEP"):
        return []
    out = []
    reporters = _reporters(doc, found)
    for r, fr, direct in licensed_frames(doc, text, free, media):
        cs, ce = char_offsets(doc, fr.cue)
        s, e = (r.start, r.end) if direct else char_offsets(doc, fr.content)
        if direct and doc[fr.content[1] - 1].idx >= r.end:     # a topic phrase after the quotation
            e = char_offsets(doc, fr.content)[1]
        speaker = (fr.speaker[0], fr.speaker[1], fr.speaker_head) if fr.speaker else None
        # a verb of saying or judging of its own ('as recalled by X') keeps its own speaker
        own = direct or fr.lemma in cue_verbs
        outer = None if own else _reporting_attribution(doc, doc[fr.cue[0]], reporters)
        if outer is not None:
            speaker = outer.speaker
        out.append(Found(s, e, (cs, ce), speaker, direct, KIND_RANK["licensed"], [r], how="licensed"))
    return out


# '"...," the editorial read.': forms the tagger takes for a noun after a quotation
# ('"...," the two write.', '"...," a voice-over states.': present tenses taken for plural nouns)
_NOUNLIKE_CUES = frozenset(("read", "reads", "write", "writes", "state", "states"))


# the links by which a clause stays inside the clause a cue reports (not relative clauses: 'the
# man who called it "a hoax"' is the man's doing)
_REPORTED_LINKS = frozenset(("ccomp", "advcl", "conj", "xcomp", "pcomp", "prep", "pobj", "acomp"))


def _reporters(doc: Doc, found: list[Found]) -> dict[int, Found]:
    """The attributions made by a speech cue with a speaker, by the cue's first token."""
    out = {}
    for f in found:
        if f.rank == KIND_RANK["speech"] and f.speaker is not None and f.cue is not None:
            cue = cue_words(doc, f)
            if cue is not None:
                out.setdefault(cue.start, f)
    return out


def _reporting_attribution(doc: Doc, verb: Token, reporters: dict[int, Found]) -> Found | None:
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


def tagged_quotes(doc: Doc, text: str, runs: list[QuotedRun], found: list[Found]) -> list[Found]:
    """'"Quiet," he demanded', '"...?" reacted Trump': a quoted sentence (ending in , ? or !
    inside its marks) tagged with a speaker and a past/present verb right after it is
    speech, whatever the verb and however the parser hung the tag."""
    if not runs or not doc.has_annotation("TAG"):
        return []
    tok_starts = token_starts(doc)
    out = []
    for r in unclaimed_runs(runs, found):
        if not ends_quote_sentence(text, r) or named_in_narration(doc, r):
            continue
        i = token_at(doc, text, tok_starts, r.end)
        if i is None:
            continue
        words = []
        j = i
        while j < len(doc) and j - i < 8 and (not doc[j].is_punct or inword_hyphen(doc, j)) and (
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
            if all(t.pos_ in SPEAKER_WORD_POS or inword_hyphen(doc, t.i)
                   or t.pos_ == "ADP" and k > 0 and words[k - 1].pos_ in ("NOUN", "PROPN")
                   for k, t in enumerate(words)):
                head = next((t.i - 1 for t in words[1:] if t.pos_ == "ADP"), j - 1)
                out.append(Found(r.start, r.end, cue, (i, j, head), True, KIND_RANK["licensed"], [r], how="tagged"))
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
        out.append(Found(r.start, r.end, cue, sp, True, KIND_RANK["licensed"], [r], how="tagged"))
    return out


def _possessor(noun: Token) -> Token | None:
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None or poss.pos_ not in ("PROPN", "NOUN") and poss.lower_ not in ("his", "her", "their"):
        return None
    return poss


def possessed_quotes(doc: Doc, text: str, runs: list[QuotedRun], found: list[Found],
                      lex: CueLexicon) -> list[Found]:
    """'Romney's "47 percent" comment', 'Clinton's response was: "..."', 'in Forbes' words,
    "..."': a quotation that a possessed noun of saying names is the possessor's words."""
    if not runs or not doc.has_annotation("DEP"):
        return []
    nouns = SAYING_NOUNS | lex.nouns
    tok_starts = token_starts(doc)
    run_starts = [x.start for x in runs]
    out = []
    for r in unclaimed_runs(runs, found):
        noun = None
        i = token_at(doc, text, tok_starts, r.end)
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
        if owner is None or in_run(runs, run_starts, owner.idx):
            continue
        speaker = (owner.left_edge.i, owner.i + 1, owner.i)
        out.append(Found(r.start, r.end, (noun.idx, noun.idx + len(noun)), speaker, True,
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


def presented_quotes(doc: Doc, text: str, runs: list[QuotedRun], found: list[Found]) -> list[Found]:
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
        out.append(Found(r.start, r.end, (colon, colon + 1), (sp.start, sp.end, head.i), True,
                          KIND_RANK["licensed"], [r], how="presented"))
    return out


def lend_fragment_speakers(doc: Doc, text: str, found: list[Found]) -> None:
    """'Maher stated that the report "wasn't good." Adding, "Now, ..."': a sentence that is only a
    participle and its quotation goes on with the sentence before it; its speaker is that
    sentence's speaker (the last attribution with one, in the same paragraph). Set in place."""
    by_pos = sorted(found, key=lambda f: f.start)
    for f in by_pos:
        cue = cue_root(doc, f)
        if (f.speaker is not None or not f.direct or cue is None or cue.tag_ != "VBG"
                or not doc[cue_words(doc, f).start].is_sent_start):
            continue
        prev = [g for g in by_pos if g.speaker is not None and g.rank == KIND_RANK["speech"]
                and max(g.end, g.cue[1] if g.cue else g.end) <= f.cue[0]
                and same_paragraph(text, g.start, f.cue[0])]
        if prev:
            f.speaker = prev[-1].speaker


def participle_colon_quotes(doc: Doc, text: str, runs: list[QuotedRun], found: list[Found]) -> list[Found]:
    """'"...," said Skelly, explaining he worked with Roe, who ran the file: "Vito is great."': a
    participle clause hung on a tag has the tag's speaker for its subject; a quotation its colon
    introduces is that speaker's words, whoever else the clause names."""
    if not runs or not doc.has_annotation("DEP"):
        return []
    free = unclaimed_runs(runs, found)
    if not free:
        return []
    tags = {root.i: f for f in found
            if f.direct and f.speaker is not None and (root := cue_root(doc, f)) is not None}
    tok_starts = token_starts(doc)
    out = []
    for r in free:
        k = bisect.bisect_left(tok_starts, r.start) - 1
        if k < 1 or doc[k].text != ":" or not gap_is_punct(text, doc[k].idx, r.start):
            continue
        verb = doc[k - 1]
        while verb.dep_ not in ("advcl", "xcomp") or verb.tag_ != "VBG":
            if verb.head.i == verb.i:
                break
            verb = verb.head
        tag = tags.get(verb.head.i) if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp") else None
        if tag is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        out.append(Found(r.start, r.end, (verb.idx, verb.idx + len(verb)), tag.speaker, True,
                          KIND_RANK["licensed"], [r], how="participle"))
    return out

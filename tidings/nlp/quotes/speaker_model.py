"""Who said a quotation: mentions around it ranked by a trained model.

The cue rules name a speaker from one dependency path; they go wrong where the parse does
('"...," said X, a spokesman' hung on the wrong verb), where the speaker sits a sentence away
('X took the stage. "..."') and where no cue exists at all. Here every mention near a
quotation (noun phrases, names, personal pronouns in its paragraph and the one before) is a
candidate, scored by gradient-boosted trees (``scripts/train_quotes.py``, PolNeAR train only)
from general features: is it the subject of a verb and how often that verb is a cue, which side
of the quotation it is on and how far, what kind of mention it is, whether it spoke just before.
A quotation no rule attributed becomes a quote when a second model, reading the best
candidate's features, how far ahead of the others it is and what the quotation looks like
(a whole sentence, a whole paragraph, after another quote), clears its threshold.
"""
from __future__ import annotations

import bisect
import math
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc

from tidings.extract.treemodel import TreeModel
from tidings.nlp.quotes.candidates import PERSONAL, CuePriors, shipped_model
from tidings.nlp.quotes.lexicon import CueLexicon


MODEL_FILE = "quote_speakers.json"
ORPHAN_FILE = "quote_orphans.json"
MENTION_POS = ("PROPN", "NOUN", "PRON")
NO_SPEAKER_PRON = {"it", "this", "that", "what", "which", "who", "there", "something", "anything",
                   "everything", "nothing", "one", "itself", "me", "us", "him", "her", "them", "you"}
WINDOW = 600          # chars on each side of the quotation where a speaker is looked for
SPEAKER_FEATURES = (
    "is_subject", "is_agent", "verb_prior", "verb_log_count", "verb_lex",
    "after", "log_gap", "same_paragraph", "previous_paragraph", "same_sentence", "rank_on_side",
    "ent_person", "ent_org", "ent_gpe", "personal_pron", "propn", "noun", "log_len",
    "spoke_before", "named_before", "quote_direct", "log_quote_len",
    "in_apposition", "sentence_has_speech_verb", "is_prep_object", "ent_time_or_number",
    "last_speaker_mention",
)
# entities that cannot speak ('said on Thursday', 'a rise of 4 percent')
UNSPEAKING = ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY")
ORPHAN_FEATURES = SPEAKER_FEATURES + ("best_p", "margin", "run_words", "run_sentence", "whole_paragraph",
                                      "after_quote_in_paragraph")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int      # token span
    end: int
    head: int


def load_speaker_model() -> TreeModel | None:
    return shipped_model(MODEL_FILE)


def load_orphan_model() -> TreeModel | None:
    return shipped_model(ORPHAN_FILE)


def mentions(doc: Doc, in_quote) -> list[Mention]:
    """Noun phrases, names and personal pronouns outside quotations, one per head word, in order."""
    by_head: dict[int, Mention] = {}
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG", "GPE", "NORP") and not in_quote(ent.start_char) and not _address_part(ent):
            by_head[ent.root.i] = Mention(ent.start, ent.end, ent.root.i)
    for chunk in doc.noun_chunks:
        root = chunk.root
        if in_quote(chunk.start_char) or root.pos_ not in MENTION_POS:
            continue
        if root.pos_ == "PRON" and (root.lower_ in NO_SPEAKER_PRON or root.lower_ not in PERSONAL):
            continue
        if root.i not in by_head or chunk.end - chunk.start > by_head[root.i].end - by_head[root.i].start:
            by_head[root.i] = Mention(chunk.start, chunk.end, root.i)
    return [by_head[i] for i in sorted(by_head)]


def _address_part(ent) -> bool:
    """'in Santa Monica, Calif.': a place after a place and a comma is the rest of an address (a
    state, a country), the setting of the saying, never its speaker."""
    doc = ent.doc
    return (ent.label_ == "GPE" and ent.start >= 2 and doc[ent.start - 1].text == ","
            and doc[ent.start - 2].ent_type_ == "GPE")


class SpeakerScorer:
    """Scores speaker candidates for the quotations of one document."""

    def __init__(self, doc: Doc, in_quote, paragraphs: list[tuple[int, int]], priors: CuePriors,
                 lex: CueLexicon):
        self.doc, self.priors, self.lex = doc, priors, lex
        self.mentions = mentions(doc, in_quote)
        self.starts = [doc[m.start].idx for m in self.mentions]
        self.paragraphs = paragraphs
        self.para_starts = [p[0] for p in paragraphs]
        self.spoke: list[tuple[int, str]] = []   # (char, head word) of the rules' speakers, in order
        self.spoke_at: list[tuple[int, int]] = []  # (char, head token) of the same, in order
        self._speech: dict[int, bool] = {}        # sentence start -> has a verb of saying
        # sentence of each token, found once: Token.sent walks to the sentence's ends, which in a
        # run-on 'sentence' of thousands of words makes every candidate cost its whole length
        self.sent_end: dict[int, int] = {}        # sentence start -> end (token indices)
        self.sent_start: list[int] = [0] * len(doc)
        for sent in doc.sents:
            self.sent_end[sent.start] = sent.end
            self.sent_start[sent.start:sent.end] = [sent.start] * len(sent)

    def para_of(self, pos: int) -> int:
        return bisect.bisect_right(self.para_starts, pos) - 1

    def candidates(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self.starts, start - WINDOW)
        hi = bisect.bisect_left(self.starts, end + WINDOW)
        p = self.para_of(start)
        pe = self.para_of(end)
        out = []
        for m in self.mentions[lo:hi]:
            c = self.doc[m.start].idx
            if start <= c < end:
                continue
            mp = self.para_of(c)
            if mp < p - 1 or mp > pe:
                continue
            out.append(m)
        return out

    def features(self, start: int, end: int, direct: bool, cands: list[Mention]) -> np.ndarray:
        """One row per candidate mention of the quotation at [start, end). The rules' own choice
        and cue are left out on purpose: the ranker learns who speaks from the context alone, as it
        must for a quotation no rule attributed."""
        doc = self.doc
        x = np.zeros((len(cands), len(SPEAKER_FEATURES)), dtype=np.float64)
        col = {n: i for i, n in enumerate(SPEAKER_FEATURES)}
        p = self.para_of(start)
        sent_s = doc.char_span(start, end, alignment_mode="expand")
        content_sents = set(self.sent_start[sent_s.start:sent_s.end]) if sent_s is not None else set()
        side_rank: dict[tuple[bool, int], int] = {}
        before = sorted((m for m in cands if doc[m.start].idx < start), key=lambda m: -m.start)
        after = sorted((m for m in cands if doc[m.start].idx >= end), key=lambda m: m.start)
        for k, m in enumerate(before):
            side_rank[(False, m.head)] = k
        for k, m in enumerate(after):
            side_rank[(True, m.head)] = k
        for row, m in enumerate(cands):
            f = x[row]
            h = doc[m.head]
            mention = doc[m.start:m.end]
            c, ce = mention.start_char, mention.end_char
            is_after = c >= end
            verb = h.head if h.dep_ in ("nsubj", "nsubjpass") else None
            if h.dep_ == "pobj" and h.head.dep_ == "agent":
                verb = h.head.head
                f[col["is_agent"]] = 1
            if h.dep_ == "appos" and h.head.dep_ in ("nsubj", "nsubjpass"):
                verb = h.head.head
                f[col["in_apposition"]] = 1
            if verb is not None:
                f[col["is_subject"]] = h.dep_ in ("nsubj", "nsubjpass")
                lemma = verb.lemma_.lower()
                f[col["verb_prior"]], f[col["verb_log_count"]] = self.priors.rate(self.priors.lemma, lemma)
                f[col["verb_lex"]] = self.lex.verb_kind(lemma) is not None
            f[col["after"]] = is_after
            gap = c - end if is_after else start - ce
            f[col["log_gap"]] = math.log1p(max(0, gap))
            mp = self.para_of(c)
            f[col["same_paragraph"]] = mp == p
            f[col["previous_paragraph"]] = mp == p - 1
            f[col["same_sentence"]] = self.sent_start[h.i] in content_sents
            f[col["rank_on_side"]] = side_rank.get((is_after, m.head), 9)
            ent = h.ent_type_
            f[col["ent_person"]] = ent == "PERSON"
            f[col["ent_org"]] = ent == "ORG"
            f[col["ent_gpe"]] = ent in ("GPE", "NORP")
            f[col["personal_pron"]] = h.pos_ == "PRON"
            f[col["propn"]] = h.pos_ == "PROPN"
            f[col["noun"]] = h.pos_ == "NOUN"
            f[col["log_len"]] = math.log1p(m.end - m.start)
            k = bisect.bisect_left(self.spoke, (start, ""))
            earlier = [w for _, w in self.spoke[max(0, k - 5):k]]
            f[col["spoke_before"]] = h.lower_ in earlier
            f[col["named_before"]] = bool(earlier) and earlier[-1] == h.lower_
            # the very mention that spoke the quotation before ('"A," Briggs said in X, Calif. "B."')
            f[col["last_speaker_mention"]] = k > 0 and self.spoke_at[k - 1][1] == m.head
            f[col["quote_direct"]] = direct
            f[col["log_quote_len"]] = math.log1p(end - start)
            f[col["sentence_has_speech_verb"]] = self._speech_sentence(self.sent_start[h.i])
            # 'said at an event in Iowa. "..."': a place or a day after a preposition is the setting
            f[col["is_prep_object"]] = h.dep_ == "pobj" and h.head.dep_ != "agent"
            f[col["ent_time_or_number"]] = ent in UNSPEAKING
        return x

    def _speech_sentence(self, start: int) -> bool:
        """Whether the sentence starting at token ``start`` has a verb of saying."""
        hit = self._speech.get(start)
        if hit is None:
            hit = self._speech[start] = any(
                t.pos_ == "VERB" and self.lex.verb_kind(t.lemma_.lower()) in ("speech", "direct", "clausal")
                for t in self.doc[start:self.sent_end[start]])
        return hit

    def remember_rule_speakers(self, found) -> None:
        """The rules' speakers (quotes.Found) in text order: who has been speaking so far."""
        self.spoke = sorted((f.start, self.doc[f.speaker[2]].lower_) for f in found if f.speaker is not None)
        self.spoke_at = sorted((f.start, f.speaker[2]) for f in found if f.speaker is not None)


def orphan_features(speaker_x: np.ndarray, p: np.ndarray, best: int, run_words: int, sentence: bool,
                    whole_paragraph: bool, after_quote: bool) -> np.ndarray:
    """The best candidate's features plus how sure the ranking is and what the quotation looks like."""
    second = np.partition(p, -2)[-2] if len(p) > 1 else 0.0
    extra = np.array([p[best], p[best] - second, math.log1p(run_words), sentence, whole_paragraph, after_quote])
    return np.concatenate([speaker_x[best], extra])[None, :]

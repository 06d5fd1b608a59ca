"""The order of the quote stages: ``find_quotes(doc, actors=None, date=None) -> list[Quote]``.

Two sources of evidence are joined:
  - quotation marks (marks.py): verbatim passages, in any style, across paragraphs;
  - attribution frames from the dependency parse (cues.py): cue verb, speaker (found by
    subjects.py), clause.
A frame whose cue stands right after a quotation (`"...," X said`) or right before one
(`X said: "..."`) takes that quotation as its content (direct quote); one with a quotation on
both sides (`"...," he said, "..."`) is ONE quote whose content runs from the first opening
mark to the last closing mark (attach.py). Other frames report their clause (indirect quote),
with any scare quotes inside it as part of the content (the PolNeAR convention: the content is
the whole reported clause, not the quoted fragment). Quotations no frame claimed are attributed
from other evidence: a verb with a speaker governing them ('"...," beamed X'), a tag after
them, a possessed noun of saying, a presenting colon (unclaimed.py), a transcript label or a
signature (layout.py). A quotation with no cue of its own later in the paragraph of a direct
quote continues it (continuations.py). Attributions nested in another one's clause belong to
the outer one (dedupe.py: PolNeAR is univocal). The trained models then drop, add and re-cut
attributions (trained.py).

Speakers are named by speakers.py: the actors layer when given (``ResolvedActors``),
light in-document rules otherwise, so quotes work without the actors layer.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Doc

from tidings.ids import stable_id
from tidings.nlp.parse import dateline_tokens
from tidings.nlp.quotes.attach import attach_frames
from tidings.nlp.quotes.continuations import continue_quotes, join_quoted_conjuncts
from tidings.nlp.quotes.cues import verb_frames
from tidings.nlp.quotes.dedupe import dedupe_attributions
from tidings.nlp.quotes.found import Found, cue_root
from tidings.nlp.quotes.layout import colon_lines, signed_quotes
from tidings.nlp.quotes.lexicon import CueLexicon, load_lexicon
from tidings.nlp.quotes.marks import QuotedRun, find_quoted_runs
from tidings.nlp.quotes.mentions import relative_head, trim_np
from tidings.nlp.quotes.quotations import ends_quote_sentence, in_run, quote_lookup, run_at, token_at
from tidings.nlp.quotes.speakers import SpeakerNamer
from tidings.nlp.quotes.syntax import token_starts
from tidings.nlp.quotes.trained import add_learned, add_orphans, respan
from tidings.nlp.quotes.unclaimed import (lend_fragment_speakers, licensed_quotes, participle_colon_quotes,
                                          possessed_quotes, presented_quotes, tagged_quotes)
from tidings.records import Quote, Span


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
        found = add_learned(doc, text, runs, in_quote, found, lex)
        found = add_orphans(doc, text, runs, in_quote, found, lex)
        found = respan(doc, text, runs, found, lex)
    namer = SpeakerNamer(doc, actors)
    run_starts = [r.start for r in runs]
    doc_key = stable_id("doc", len(text), text[:2000], text[-2000:])
    quotes = []
    for f in sorted(found, key=lambda f: f.start):
        speaker = None
        if f.speaker is not None:
            # whatever found it, a mention ends at its words: a learned candidate's subject subtree
            # may hold the closing mark before it ('On "Face the Nation," Sen. X'), some rule
            # speakers a relative clause's comma after it ('Jane Roe, 58,' is 'Jane Roe, 58')
            s, e, head = _own_words(doc, f, runs, run_starts)
            s, e = trim_np(doc, s, e)
            speaker = namer.speaker(*((s, e, head) if s <= head < e else f.speaker))
        cue = Span(f.cue[0], f.cue[1], text[f.cue[0]:f.cue[1]]) if f.cue else None
        qid = stable_id("quote", doc_key, f.start, f.end,
                        speaker.start if speaker else "", speaker.end if speaker else "")
        quotes.append(Quote(id=qid, content=Span(f.start, f.end, text[f.start:f.end]), cue=cue,
                            speaker=speaker, direct=f.direct))
    return quotes


def quoted_runs(doc: Doc, lex: CueLexicon, text: str | None = None) -> list[QuotedRun]:
    """The document's quotations (marks.py), a quotation continued over a paragraph break
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
    if len(r.pieces) < 2 or not r.closed or not ends_quote_sentence(text, r):
        return [r]
    i = token_at(doc, text, tok_starts, r.end)
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


def rule_attributions(doc: Doc, runs: list[QuotedRun], lex: CueLexicon, text: str | None = None) -> list[Found]:
    """What the cue rules find, before the trained models (scripts/train_quotes.py reads these).

    ``text`` is ``doc.text``, passed along because spaCy rebuilds it from the tokens at every access."""
    text = doc.text if text is None else text
    frames = verb_frames(doc, lex) if doc.has_annotation("DEP") else []
    found = attach_frames(doc, text, frames, runs)
    found += participle_colon_quotes(doc, text, runs, found)
    lend_fragment_speakers(doc, text, found)
    found += licensed_quotes(doc, text, runs, found, lex.media, lex.verbs)
    found += tagged_quotes(doc, text, runs, found)
    found += possessed_quotes(doc, text, runs, found, lex)
    found += presented_quotes(doc, text, runs, found)
    lines, superseded = colon_lines(doc, text, found)
    found = [f for f in found if id(f) not in superseded] + lines
    found += signed_quotes(doc, text, runs, found)
    found = continue_quotes(doc, text, found, runs)
    return join_quoted_conjuncts(text, dedupe_attributions(doc, text, found), runs)


def _own_words(doc: Doc, f: Found, runs: list[QuotedRun], starts: list[int]) -> tuple[int, int, int]:
    """The speaker's tokens (start, end, head) without words that are not the speaker's: a
    speaker phrase read off the surface may run over the clause the cue hangs from ('Trump
    gestured ..., then leaned in and boomed'); the speaker is that clause's subject. A phrase
    starting inside a quotation starts after it, and one starting in a dateline after that."""
    s, e, head = f.speaker
    cue = cue_root(doc, f)
    if cue is not None:
        above = {t.i for t in cue.ancestors}
        for verb in (t for t in doc[s:e] if t.i in above and t.pos_ in ("VERB", "AUX")):
            clause = verb.head if verb.dep_ == "conj" else verb
            subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or not s <= subj.i < e or in_run(runs, starts, subj.idx):
                continue
            noun = relative_head(subj)
            if noun is not subj and s <= noun.i:
                # 'the Daily Beast, which ran an article on him': the noun and its relative pronoun
                # (PolNeAR marks the pronoun; the noun names the speaker)
                s, e, head = max(s, noun.left_edge.i), subj.i + 1, noun.i
            else:
                s, e, head = max(s, subj.left_edge.i), min(e, subj.right_edge.i + 1), subj.i
            break
    dateline = dateline_tokens(doc)
    if s in dateline:
        # 'New York (AFP) – Vice President Joe Biden', where the parser made the dateline's city the
        # head: the speaker is the phrase after the dateline
        rest = next((i for i in range(s, e) if i not in dateline and not doc[i].is_space), None)
        if rest is not None:
            s = rest
            if head < s:
                head = doc[s:e].root.i
    inside = run_at(runs, starts, doc[s].idx)
    if inside is not None and inside.end <= doc[head].idx:
        while s < head and doc[s].idx < inside.end:
            s += 1
    return s, e, head

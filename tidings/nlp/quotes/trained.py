"""The trained stages applied to the rules' attributions: the filter and candidate model
(candidates.py) drop doubtful ones and add ones the rules missed, the speaker models
(speaker_model.py) attribute quotations still free, and the span model (spans.py) re-cuts
contents. Each is skipped when its model file is absent."""
from __future__ import annotations

import numpy as np
from spacy.tokens import Doc

from tidings.nlp.quotes.candidates import keep_mask, load_priors, scored_candidates, select
from tidings.nlp.quotes.found import KIND_RANK, Found, verbatim
from tidings.intervals import Intervals
from tidings.nlp.quotes.lexicon import CueLexicon
from tidings.nlp.quotes.licensed import is_title
from tidings.nlp.quotes.marks import QuotedRun, paragraphs, runs_within
from tidings.nlp.quotes.quotations import quoted_sentence, whole_paragraph
from tidings.nlp.quotes.spans import choose, load_span_model, span_rows, swallowed
from tidings.nlp.quotes.speaker_model import SpeakerScorer, load_orphan_model, load_speaker_model, orphan_features
from tidings.nlp.quotes.syntax import after_so_called


def add_learned(doc: Doc, text: str, runs: list[QuotedRun], in_quote, found: list[Found],
             lex: CueLexicon) -> list[Found]:
    """The trained models' pass (candidates.py): rule attributions the filter doubts are
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
        out.append(Found(s, e, (cue.idx, cue.idx + len(cue)), c.speaker, verbatim(inside, s, e),
                          KIND_RANK["learned"], inside, how="learned"))
    return out


def respan(doc: Doc, text: str, runs: list[QuotedRun], found: list[Found], lex: CueLexicon) -> list[Found]:
    """Content spans the span model (spans.py) prefers to the rules' ones, set in place."""
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
        f.direct = verbatim(f.runs, s, e)
    return [f for j, f in enumerate(found) if j not in gone]


def add_orphans(doc: Doc, text: str, runs: list[QuotedRun], in_quote, found: list[Found],
                   lex: CueLexicon) -> list[Found]:
    """Quotations no attribution covers become quotes when speaker_model.py finds a mention
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


def free_quotations(doc: Doc, runs: list[QuotedRun], found: list[Found]) -> list[QuotedRun]:
    """The quotations no attribution overlaps, less quoted names ('watched "Saturday Night Live"':
    a title is not words someone said) and terms held at a distance ('the so-called "rebels"')."""
    taken = Intervals((f.start, f.end, f) for f in found)
    out = []
    for r in runs:
        if taken.overlapping(r.start, r.end):
            continue
        span = doc.char_span(r.start, r.end, alignment_mode="expand")
        if span is None or not (is_title(span) or after_so_called(span)):
            out.append(r)
    return out


def orphan_found(r: QuotedRun, mention) -> Found:
    """The attribution of a quotation no rule claimed to the mention the speaker ranker chose."""
    return Found(r.start, r.end, None, (mention.start, mention.end, mention.head), True, KIND_RANK["learned"],
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
        whole = q >= 0 and whole_paragraph(text, r, paras[q])
        after_quote = q >= 0 and any(f.direct and paras[q][0] <= f.start and f.end <= r.start for f in found)
        out.append((cands[best], orphan_features(x, p, best, r.words(text), quoted_sentence(text, r), whole,
                                                 after_quote)))
    return out

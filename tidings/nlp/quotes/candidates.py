"""Attributions the cue rules do not know, proposed from the parse and kept by a trained model.

News attributes far more than speech: "X refused to disavow Y", "X is confident that C",
"X endorsed Y", "X pointed to C". No hand-made lexicon lists them all, so every predicate
(verb, adjective or noun) with a subject and a complement after it becomes a candidate: the
subject is the source, the complement the content, the predicate the cue. Gradient-boosted
trees (trained by ``scripts/train_quotes.py`` on the PolNeAR train split only) score each
candidate from general features: how often its predicate lemma was a cue in training (a
learned lexicon, ``data/cue_priors.tsv``), the complement's relation, who the subject is,
tense, negation and lengths. Candidates above the model's threshold that do not overlap an
attribution the rules found are added, best first.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.tokens import Doc, Token

from tidings.extract.treemodel import TreeModel, load_model_from
from tidings.nlp.columns import columns
from tidings.nlp.quotes.frame import QUOTE_MARKS
from tidings.nlp.quotes.lexicon import CueLexicon
from tidings.nlp.quotes.mentions import relative_head


MODEL_FILE = "quote_candidates.json"
PRIORS_FILE = "cue_priors.tsv"
COMPLEMENT_DEPS = ("ccomp", "xcomp", "dobj", "prep", "attr", "acomp", "advcl")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "poss")
PREDICATE_POS = ("VERB", "AUX", "ADJ", "NOUN")
PREPS = ("about", "for", "on", "to", "of", "with", "against", "as", "in", "at", "over")
TAGS = ("VBG", "VBN", "VBD", "VBZ", "VBP", "VB", "JJ", "NN")
LEX_KINDS = ("speech", "belief", "evidence", "clausal", "direct", "noun")
PERSONAL = {"he", "she", "they", "i", "we", "you"}
SMOOTH = 5.0        # pseudo-counts pulling a rare lemma's prior towards the base rate

FEATURES = (
    ("prior_lemma_dep", "prior_lemma", "log_count_lemma_dep", "log_count_lemma")
    + tuple(f"lex_{k}" for k in LEX_KINDS)
    + tuple(f"dep_{d}" for d in COMPLEMENT_DEPS)
    + tuple(f"pos_{p}" for p in PREDICATE_POS)
    + tuple(f"tag_{t}" for t in TAGS)
    + ("subj_person", "subj_org", "subj_gpe", "subj_personal_pron", "subj_other_pron", "subj_propn",
       "subj_dep_nsubj", "subj_dep_nsubjpass", "subj_dep_poss")
    + tuple(f"prep_{p}" for p in PREPS)
    + ("log_content_len", "log_speaker_len", "content_that", "content_to", "content_quoted",
       "content_has_subject", "predicate_is_root", "negated", "modal", "subject_distance",
       "has_ccomp_sibling")
)


@dataclass(frozen=True, slots=True)
class Candidate:
    cue: int                          # token index of the predicate
    speaker: tuple[int, int, int]     # token start, end, head
    content: tuple[int, int]          # token span [start, end)
    dep: str                          # the complement's relation to the predicate
    prep: str = ""                    # the preposition for dep == "prep"


@dataclass(frozen=True)
class CuePriors:
    """How often a predicate lemma (with a complement relation) was an attribution cue in training."""
    lemma_dep: dict[tuple[str, str], tuple[int, int]]   # (lemma, dep) -> (seen, cue)
    lemma: dict[str, tuple[int, int]]
    base: float

    def rate(self, table: dict, key) -> tuple[float, float]:
        seen, cue = table.get(key, (0, 0))
        return (cue + SMOOTH * self.base) / (seen + SMOOTH), math.log1p(seen)


def parse_priors(text: str) -> CuePriors:
    """``lemma<TAB>dep<TAB>seen<TAB>cue`` lines; dep "*" is the lemma's total."""
    lemma_dep: dict[tuple[str, str], tuple[int, int]] = {}
    lemma: dict[str, tuple[int, int]] = {}
    base = 0.05
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            if line.startswith("# base"):
                base = float(line.split()[-1])
            continue
        lem, dep, seen, cue = line.split("\t")
        if dep == "*":
            lemma[lem] = (int(seen), int(cue))
        else:
            lemma_dep[(lem, dep)] = (int(seen), int(cue))
    return CuePriors(lemma_dep, lemma, base)


def format_priors(priors: CuePriors) -> str:
    lines = ["# predicate lemma, complement relation ('*' = all), times seen with a subject and that",
             "# complement in PolNeAR train, times it was an annotated attribution cue (scripts/train_quotes.py)",
             f"# base {priors.base:.5f}"]
    for lem, (seen, cue) in sorted(priors.lemma.items()):
        lines.append(f"{lem}\t*\t{seen}\t{cue}")
    for (lem, dep), (seen, cue) in sorted(priors.lemma_dep.items()):
        lines.append(f"{lem}\t{dep}\t{seen}\t{cue}")
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def load_priors() -> CuePriors | None:
    try:
        text = resources.files("tidings.nlp.quotes").joinpath(f"data/{PRIORS_FILE}").read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return parse_priors(text)


@lru_cache(maxsize=None)
def shipped_model(name: str) -> TreeModel | None:
    """A model of tidings/nlp/quotes/models (None when it has not been trained). Read once per
    process, like the priors: the stages ask for their model on every document."""
    path = resources.files("tidings.nlp.quotes").joinpath(f"models/{name}")
    return load_model_from(str(path)) if path.is_file() else None


def load_candidate_model() -> TreeModel | None:
    return shipped_model(MODEL_FILE)


def candidates(doc: Doc, in_quote) -> list[Candidate]:
    """Every predicate with a subject before it and a complement after it, outside quotations.

    ``in_quote(char_offset) -> bool`` says whether a position is inside a quotation (words
    inside a quotation are what was quoted, not narration).
    """
    out = []
    c = columns(doc)
    # only a predicate with a subject before it can be one (the test below, read from columns)
    for i in c.where(c.pos_in(PREDICATE_POS) & c.heads_of(c.dep_in(SUBJECT_DEPS), left=True)):
        v = doc[i]
        if in_quote(v.idx):
            continue
        subjects = [c for c in v.children if c.dep_ in SUBJECT_DEPS and c.i < v.i]
        if not subjects:
            continue
        s = relative_head(subjects[-1])
        speaker = (s.left_edge.i, s.right_edge.i + 1, s.i)
        if speaker[0] <= v.i < speaker[1]:
            speaker = (s.i, s.i + 1, s.i)
        for c in v.children:
            if c.dep_ not in COMPLEMENT_DEPS or c.i < v.i:
                continue
            prep = ""
            start = c.left_edge.i
            if c.dep_ == "prep":
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if not objs:
                    continue
                prep = c.lower_
                start = objs[0].left_edge.i
            end = c.right_edge.i + 1
            while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in QUOTE_MARKS
                                   or doc[end - 1].is_space):
                end -= 1
            if end <= start:
                continue
            out.append(Candidate(v.i, speaker, (start, end), c.dep_, prep))
    return out


def featurize(doc: Doc, cands: list[Candidate], priors: CuePriors, lex: CueLexicon) -> np.ndarray:
    x = np.zeros((len(cands), len(FEATURES)), dtype=np.float64)
    col = {name: i for i, name in enumerate(FEATURES)}
    for row, c in enumerate(cands):
        v = doc[c.cue]
        lemma = v.lemma_.lower()
        f = x[row]
        f[col["prior_lemma_dep"]], f[col["log_count_lemma_dep"]] = priors.rate(priors.lemma_dep, (lemma, c.dep))
        f[col["prior_lemma"]], f[col["log_count_lemma"]] = priors.rate(priors.lemma, lemma)
        kind = lex.verb_kind(lemma) or ("noun" if lemma in lex.nouns else None)
        if kind in LEX_KINDS:
            f[col[f"lex_{kind}"]] = 1
        f[col[f"dep_{c.dep}"]] = 1
        f[col[f"pos_{v.pos_}"]] = 1
        tag = v.tag_ if v.tag_ in TAGS else ("NN" if v.tag_.startswith("NN") else "")
        if tag:
            f[col[f"tag_{tag}"]] = 1
        s = doc[c.speaker[2]]
        ent = s.ent_type_
        f[col["subj_person"]] = ent == "PERSON"
        f[col["subj_org"]] = ent == "ORG"
        f[col["subj_gpe"]] = ent in ("GPE", "NORP")
        f[col["subj_personal_pron"]] = s.pos_ == "PRON" and s.lower_ in PERSONAL
        f[col["subj_other_pron"]] = s.pos_ == "PRON" and s.lower_ not in PERSONAL
        f[col["subj_propn"]] = s.pos_ == "PROPN"
        sdep = next((d.dep_ for d in v.children if d.dep_ in SUBJECT_DEPS and d.i < v.i), "nsubj")
        f[col[f"subj_dep_{sdep}"]] = 1
        if c.prep in PREPS:
            f[col[f"prep_{c.prep}"]] = 1
        cs, ce = c.content
        f[col["log_content_len"]] = math.log1p(ce - cs)
        f[col["log_speaker_len"]] = math.log1p(c.speaker[1] - c.speaker[0])
        f[col["content_that"]] = doc[cs].lower_ in ("that", "if", "whether")
        f[col["content_to"]] = doc[cs].lower_ == "to"
        f[col["content_quoted"]] = any(t.text in QUOTE_MARKS or t.text == "''" for t in doc[cs:ce])
        f[col["content_has_subject"]] = any(t.dep_ in ("nsubj", "nsubjpass") and cs <= t.i < ce
                                            for t in doc[cs:min(ce, cs + 12)])
        f[col["predicate_is_root"]] = v.dep_ == "ROOT"
        f[col["negated"]] = any(d.dep_ == "neg" for d in v.children)
        f[col["modal"]] = any(d.tag_ == "MD" for d in v.children)
        f[col["subject_distance"]] = math.log1p(c.cue - c.speaker[2])
        f[col["has_ccomp_sibling"]] = any(d.dep_ == "ccomp" for d in v.children) and c.dep != "ccomp"
    return x


def scored_candidates(doc: Doc, in_quote, lex: CueLexicon) -> list[tuple[float, Candidate]]:
    """(probability, candidate) above the model's threshold, best first; [] without a model."""
    model, priors = load_candidate_model(), load_priors()
    if model is None or priors is None:
        return []
    cands = candidates(doc, in_quote)
    if not cands:
        return []
    p = model.predict_proba(featurize(doc, cands, priors, lex))
    keep = [(float(pi), c) for pi, c in zip(p, cands) if pi >= model.threshold]
    return sorted(keep, key=lambda pc: -pc[0])


def select(doc: Doc, scored: list[tuple[float, Candidate]], taken: list[tuple[int, int]],
           cues: list[tuple[int, int]] = ()) -> list[tuple[float, Candidate, tuple[int, int]]]:
    """Greedy, best first: a candidate is kept when neither its content nor its cue overlaps a
    span already taken (the rules' attributions, then kept candidates) and its cue is no other
    attribution's cue (PolNeAR is univocal: a word plays one part in one attribution).
    Returns char spans."""
    spans = sorted(taken)
    cue_spans = list(cues)
    out = []
    for p, c in scored:
        content = doc[c.content[0]:c.content[1]]
        s, e = content.start_char, content.end_char
        cue = doc[c.cue].idx
        if any(a < e and s < b or a <= cue < b for a, b in spans) or any(a <= cue < b for a, b in cue_spans):
            continue
        spans.append((s, e))
        cue_spans.append((cue, cue + len(doc[c.cue])))
        out.append((p, c, (s, e)))
    return out


# ---- the filter: how likely a rule attribution is right (content and speaker) ----------------

FILTER_FILE = "quote_filter.json"
HOWS = ("frame", "licensed", "tagged", "colon", "signed", "continued")
SPEAKER_KINDS = ("none", "personal_pron", "other_pron", "PERSON", "ORG", "GPE", "PROPN", "NOUN")
FILTER_FEATURES = (
    ("prior_lemma", "log_count_lemma", "rank", "direct", "clausal", "runs", "quoted_share",
     "log_content_chars", "log_speaker_chars", "log_speaker_gap", "speaker_before",
     "cue_before", "cue_after", "cue_inside", "no_cue", "paragraph_start", "whole_paragraph",
     "sentence_end")
    + tuple(f"how_{h}" for h in HOWS)
    + tuple(f"lex_{k}" for k in LEX_KINDS)
    + tuple(f"tag_{t}" for t in TAGS)
    + tuple(f"speaker_{k}" for k in SPEAKER_KINDS)
)


def load_filter_model() -> TreeModel | None:
    return shipped_model(FILTER_FILE)


def _speaker_kind(tok: Token | None) -> str:
    if tok is None:
        return "none"
    if tok.pos_ == "PRON":
        return "personal_pron" if tok.lower_ in PERSONAL else "other_pron"
    if tok.ent_type_ in ("PERSON", "ORG"):
        return tok.ent_type_
    if tok.ent_type_ in ("GPE", "NORP"):
        return "GPE"
    return "PROPN" if tok.pos_ == "PROPN" else "NOUN"


def filter_features(doc: Doc, text: str, found, priors: CuePriors, lex: CueLexicon) -> np.ndarray:
    """One row per rule attribution (quotes.Found: start, end, cue, speaker, direct, rank, runs, how)."""
    x = np.zeros((len(found), len(FILTER_FEATURES)), dtype=np.float64)
    col = {name: i for i, name in enumerate(FILTER_FEATURES)}
    for row, f in enumerate(found):
        r = x[row]
        length = max(1, f.end - f.start)
        r[col["rank"]] = f.rank
        r[col["direct"]] = f.direct
        r[col["clausal"]] = f.clausal
        r[col["runs"]] = len(f.runs)
        r[col["quoted_share"]] = sum(q.end - q.start for q in f.runs) / length
        r[col["log_content_chars"]] = math.log1p(length)
        r[col[f"how_{f.how}" if f.how in HOWS else "how_frame"]] = 1
        if f.cue:
            span = doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")
            tok = next((t for t in span if t.pos_ == "VERB"), span.root) if span is not None and len(span) else None
            if tok is not None:
                lemma = tok.lemma_.lower()
                r[col["prior_lemma"]], r[col["log_count_lemma"]] = priors.rate(priors.lemma, lemma)
                kind = lex.verb_kind(lemma) or ("noun" if lemma in lex.nouns else None)
                if kind in LEX_KINDS:
                    r[col[f"lex_{kind}"]] = 1
                tag = tok.tag_ if tok.tag_ in TAGS else ("NN" if tok.tag_.startswith("NN") else "")
                if tag:
                    r[col[f"tag_{tag}"]] = 1
            r[col["cue_before"]] = f.cue[1] <= f.start
            r[col["cue_after"]] = f.cue[0] >= f.end
            r[col["cue_inside"]] = f.start < f.cue[0] < f.end
        else:
            r[col["no_cue"]] = 1
            r[col["prior_lemma"]] = priors.base
        head = None
        if f.speaker is not None:
            s, e, h = f.speaker
            head = doc[h]
            name = doc[s:e]
            sc, ec = name.start_char, name.end_char
            r[col["log_speaker_chars"]] = math.log1p(ec - sc)
            gap = f.start - ec if ec <= f.start else sc - f.end if sc >= f.end else 0
            r[col["log_speaker_gap"]] = math.log1p(max(0, gap))
            r[col["speaker_before"]] = ec <= f.start
        r[col[f"speaker_{_speaker_kind(head)}"]] = 1
        before = text[max(0, f.start - 2):f.start]
        r[col["paragraph_start"]] = f.start == 0 or "\n" in before
        after = text[f.end:f.end + 2]
        r[col["whole_paragraph"]] = r[col["paragraph_start"]] and (f.end >= len(text) or "\n" in after)
        r[col["sentence_end"]] = text[max(f.start, f.end - 3):f.end].rstrip("\"'\u201d\u2019 ")[-1:] in (".", "!", "?")
    return x


def keep_mask(doc: Doc, text: str, found, lex: CueLexicon) -> list[bool]:
    """Which rule attributions the filter keeps (all of them without a trained filter)."""
    model, priors = load_filter_model(), load_priors()
    if model is None or priors is None or not found:
        return [True] * len(found)
    p = model.predict_proba(filter_features(doc, text, found, priors, lex))
    return [bool(pi >= model.threshold) for pi in p]

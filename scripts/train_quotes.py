#!/usr/bin/env python3
"""Train the attribution candidate model of tidings.nlp.quotes.candidates on PolNeAR train.

    python scripts/train_quotes.py [--train ../shared/dev/quotes/polnear_train.jsonl]
                                   [--cache build/polnear_train.spacy] [--folds 5]

Only the train split is read. Steps:
  1. parse the articles (cached as a DocBin: parsing is most of the time);
  2. run the cue rules (find_quotes without the model) and list every candidate
     (predicate + subject + complement) that does not overlap what the rules found;
  3. label a candidate positive when its content matches a gold content (Dice >= .5, as the
     scorer matches) and its subject overlaps that attribution's source;
  4. cue priors (how often a lemma, with a complement relation, is a gold cue) are counted
     out of fold for training rows, so that the trees do not learn from their own labels;
  5. article-grouped cross-validation picks the probability thresholds with the best direct-quote
     recall of rules + model within --f1-slack of the best attribution F1 (scored by
     ../shared/bench/quote_score.py's own code);
  6. the final trees (all of train) go to tidings/nlp/quotes/models/quote_candidates.json and the
     priors to tidings/nlp/quotes/data/cue_priors.tsv;
  7. the span model (tidings/nlp/quotes/spans.py) learns which near alternative of a content span to take,
     then the speaker ranker and the orphan-quotation model are trained on top.
Needs the ``train`` extra (scikit-learn). CPU only, a few minutes (most of it parsing).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sklearn.ensemble import HistGradientBoostingClassifier  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

from tidings.extract.treemodel import load_model_from, to_json  # noqa: E402
from tidings.nlp.parse import load_nlp  # noqa: E402
from tidings.nlp.quotes import candidates as ql  # noqa: E402
from tidings.nlp.quotes import spans as qsp  # noqa: E402
from tidings.nlp.quotes import speaker_model as qs  # noqa: E402
from tidings.nlp.quotes.find import quoted_runs, rule_attributions  # noqa: E402
from tidings.nlp.quotes.lexicon import load_lexicon  # noqa: E402
from tidings.nlp.quotes.marks import paragraphs  # noqa: E402
from tidings.nlp.quotes.quotations import quote_lookup  # noqa: E402
from tidings.nlp.quotes.trained import add_learned, free_quotations, orphan_found, orphan_rows  # noqa: E402
from tidings.settings import Settings  # noqa: E402

SHARED = REPO.parent / "shared"
THRESHOLDS = [round(0.2 + 0.025 * i, 3) for i in range(21)]
ORPHAN_THRESHOLDS = [0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5]
SPAN_THRESHOLDS = [round(0.3 + 0.05 * i, 2) for i in range(14)]
KEEP_THRESHOLDS = [0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4]


def load_scorer():
    sys.path.insert(0, str(SHARED / "bench"))
    import quote_score   # the judge's own matching, so the threshold is chosen for the real metric
    return quote_score


def f1_and_direct(scorer, pred: dict, gold: dict) -> tuple[float, float, int]:
    """Attribution F1, direct-quote recall and the number of predictions, as the judge scores them."""
    cnt = scorer.score(pred, gold)
    _, _, f1 = scorer.prf(cnt["attrib_tp"], cnt["pred_n"], cnt["gold_src_n"])
    return f1, cnt["direct_tp"] / cnt["direct_n"] if cnt["direct_n"] else 0.0, cnt["pred_n"]


def sweep(evaluate, thresholds, what: str) -> dict:
    """``evaluate(threshold) -> (F1, direct recall)`` for no model (None) and each threshold, printed."""
    results = {thr: evaluate(thr) for thr in [None] + list(thresholds)}
    for thr, (f1, direct) in results.items():
        print(f"  {what} >= {thr}: attrib F1 {f1:.4f}, direct recall {direct:.4f}", file=sys.stderr)
    return results


def char_range(doc, start: int, end: int) -> range:
    """The characters of tokens [start, end)."""
    span = doc[start:end]
    return range(span.start_char, span.end_char)


def charset(spans) -> set[int]:
    out: set[int] = set()
    for s, e in spans:
        out.update(range(s, e))
    return out


def spans_of(part) -> list[tuple[int, int]]:
    return [tuple(sp) for item in (part or []) for sp in item.get("spans", [])]


def gold_sets(rec) -> list[tuple[set[int], set[int], set[int]]]:
    """(content, source, cue) characters of each gold attribution that has a content."""
    return [(charset(spans_of(a.get("content"))), charset(spans_of(a.get("source"))), charset(spans_of(a.get("cue"))))
            for a in rec.get("attributions", []) if spans_of(a.get("content"))]


def dice(a: set[int], b: set[int]) -> float:
    """The scorer's overlap of two character sets (a content matches at >= .5)."""
    inter = len(a & b)
    return 2 * inter / (len(a) + len(b)) if inter else 0.0


def attributed(golds, content: set[int], speaker: set[int]) -> bool:
    """Whether a prediction matches a gold content whose source its speaker overlaps."""
    return any(dice(gc, content) >= 0.5 and gs & speaker for gc, gs, _ in golds)


def model_attributions(docs, lex) -> list[tuple[str, list, object, list]]:
    """Per document (text, quotations, in-quote lookup, attributions) after the rules and the
    filter and candidate models just written: what the span and speaker stages learn on."""
    for fn in (load_model_from, ql.load_priors):   # the models just written, not the ones cached
        fn.cache_clear()
    out = []
    for doc in docs:
        text = doc.text
        runs = quoted_runs(doc, lex, text)
        in_quote = quote_lookup(runs)
        out.append((text, runs, in_quote,
                    add_learned(doc, text, runs, in_quote, rule_attributions(doc, runs, lex, text), lex)))
    return out


def parse(records, nlp, cache: Path | None):
    if cache and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(records) and all(d.text == r["text"] for d, r in zip(docs, records)):
            return docs
    docs = list(nlp.pipe((r["text"] for r in records), batch_size=32))
    if cache:
        cache.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=docs).to_disk(cache)
    return docs


def document_rows(doc, rec, lex):
    """The rules' attributions with their labels, and the candidates clear of them with theirs."""
    runs = quoted_runs(doc, lex)
    in_quote = quote_lookup(runs)
    found = rule_attributions(doc, runs, lex)
    taken = [(f.start, f.end) for f in found]
    cues = [f.cue for f in found if f.cue]
    golds = gold_sets(rec)

    rule_quotes, rule_labels = [], []
    for f in found:
        sc = char_range(doc, *f.speaker[:2]) if f.speaker else range(0)
        rule_quotes.append({"content": {"start": f.start, "end": f.end},
                            "speaker": {"start": sc.start, "end": sc.stop} if sc else {}})
        rule_labels.append(attributed(golds, set(range(f.start, f.end)), set(sc)))
    cands = ql.candidates(doc, in_quote)
    free, free_labels, cue_hits = [], [], []
    for c in cands:
        pc = set(char_range(doc, *c.content))
        v = doc[c.cue]
        cue_hits.append((c, any(len(gc & pc) and v.idx in gcue for gc, _, gcue in golds)))
        # the runtime keeps only candidates clear of the rules' attributions: train on the same rows
        if ql.select(doc, [(1.0, c)], taken, cues):
            free.append(c)
            free_labels.append(attributed(golds, pc, set(char_range(doc, *c.speaker[:2]))))
    return {"text": doc.text, "found": found, "rule_quotes": rule_quotes, "rule_labels": rule_labels,
            "taken": taken, "cues": cues, "free": free, "free_labels": free_labels, "cue_hits": cue_hits}


def count_priors(items) -> ql.CuePriors:
    """items: (lemma, dep, was_cue) for every candidate of the documents counted."""
    ld, lm = Counter(), Counter()
    ldc, lmc = Counter(), Counter()
    total = hits = 0
    for lemma, dep, cue in items:
        ld[(lemma, dep)] += 1
        lm[lemma] += 1
        total += 1
        if cue:
            ldc[(lemma, dep)] += 1
            lmc[lemma] += 1
            hits += 1
    return ql.CuePriors({k: (n, ldc[k]) for k, n in ld.items()}, {k: (n, lmc[k]) for k, n in lm.items()},
                        hits / total if total else 0.05)


def direct_first(results: dict, floor: float):
    """The key of ``results`` (key -> (F1, direct recall, ...)) with the best direct-quote recall
    among those whose F1 reaches ``floor``, ties to the better F1: direct quotes are what users
    come for, F1 is the bound."""
    return max((k for k, v in results.items() if v[0] >= floor), key=lambda k: (results[k][1], results[k][0]))


def folds_by_article(records, folds: int) -> np.ndarray:
    """The fold of each record, one fold per article: PolNeAR gives some articles to several
    annotators ('<article>_<annotator>' ids), and an article seen in training would flatter its
    own out-of-fold score."""
    article: dict[str, int] = {}
    return np.asarray([article.setdefault(r["id"].rsplit("_", 1)[0], len(article)) % folds for r in records])


def fit(x, y, seed=0):
    clf = HistGradientBoostingClassifier(max_iter=150, learning_rate=0.08, max_leaf_nodes=31,
                                         min_samples_leaf=40, l2_regularization=1.0, random_state=seed)
    clf.fit(x, y)
    return clf


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, default=SHARED / "dev" / "quotes" / "polnear_train.jsonl")
    ap.add_argument("--cache", type=Path, default=REPO / "build" / "polnear_train.spacy")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--model", help="spaCy model (default: the project's setting)")
    ap.add_argument("--f1-slack", type=float, default=0.01,
                    help="attribution F1 the filter, candidate and speaker stages may each give up for direct-quote recall")
    ap.add_argument("--speakers-only", action="store_true", help="keep the candidate, filter and span models")
    ap.add_argument("--spans-only", action="store_true", help="keep the candidate and filter models")
    a = ap.parse_args()
    t0 = time.time()
    records = [json.loads(line) for line in a.train.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = load_nlp(Settings.from_env(spacy_model=a.model or None))
    docs = parse(records, nlp, a.cache)
    print(f"parsed {len(docs)} documents in {time.time() - t0:.0f}s", file=sys.stderr)
    lex = load_lexicon()
    if a.speakers_only or a.spans_only:
        found = model_attributions(docs, lex)
        orphans = speaker_stage(docs, records, found, lex, a.folds, load_scorer(), t0, a.f1_slack)
        if a.spans_only:
            span_stage(docs, records, with_orphans(found, orphans), lex, a.folds, load_scorer(), t0)
        return
    per_doc = [document_rows(doc, rec, lex) for doc, rec in zip(docs, records)]
    print(f"rule attributions: {sum(len(d['found']) for d in per_doc)}, "
          f"right {sum(sum(d['rule_labels']) for d in per_doc)}; "
          f"candidates clear of them: {sum(len(d['free']) for d in per_doc)}, right "
          f"{sum(sum(d['free_labels']) for d in per_doc)}", file=sys.stderr)

    def prior_items(idx):
        return [(docs[i][c.cue].lemma_.lower(), c.dep, hit) for i in idx for c, hit in per_doc[i]["cue_hits"]]

    def rows(idx, priors_for):
        """Feature matrices of candidates and of rule attributions, priors out of fold."""
        cx, cy, fx, fy = [], [], [], []
        for i in idx:
            pri = priors_for(i)
            d = per_doc[i]
            if d["free"]:
                cx.append(ql.featurize(docs[i], d["free"], pri, lex))
                cy.extend(d["free_labels"])
            if d["found"]:
                fx.append(ql.filter_features(docs[i], d["text"], d["found"], pri, lex))
                fy.extend(d["rule_labels"])
        return np.vstack(cx), np.asarray(cy), np.vstack(fx), np.asarray(fy)

    def nested_priors(train_idx):
        """Priors for each training document from the training documents of other inner folds."""
        cache = {}
        for j in range(a.folds):
            inner = [i for i in train_idx if fold_of[i] != j]
            cache[j] = count_priors(prior_items(inner))
        return lambda i: cache[fold_of[i]]

    fold_of = folds_by_article(records, a.folds)
    scorer = load_scorer()
    gold = {r["id"]: r for r in records}
    cand_p: list[list[tuple[float, object]]] = [[] for _ in docs]
    keep_p: list[np.ndarray] = [np.zeros(0) for _ in docs]
    for k in range(a.folds):
        train_idx = [i for i in range(len(docs)) if fold_of[i] != k]
        test_idx = [i for i in range(len(docs)) if fold_of[i] == k]
        cx, cy, fx, fy = rows(train_idx, nested_priors(train_idx))
        cand_clf, filt_clf = fit(cx, cy), fit(fx, fy)
        pri = count_priors(prior_items(train_idx))
        for i in test_idx:
            d = per_doc[i]
            if d["free"]:
                p = cand_clf.predict_proba(ql.featurize(docs[i], d["free"], pri, lex))[:, 1]
                cand_p[i] = sorted(zip(p.tolist(), d["free"]), key=lambda pc: -pc[0])
            if d["found"]:
                keep_p[i] = filt_clf.predict_proba(ql.filter_features(docs[i], d["text"], d["found"], pri, lex))[:, 1]
        print(f"fold {k + 1}/{a.folds} done ({time.time() - t0:.0f}s)", file=sys.stderr)

    # greedy selection in probability order: the picks above a threshold are a prefix
    picks = [ql.select(doc, cand_p[i], per_doc[i]["taken"], per_doc[i]["cues"]) for i, doc in enumerate(docs)]

    def evaluate(keep_thr: float, cand_thr: float | None):
        pred = {}
        for i, (doc, rec) in enumerate(zip(docs, records)):
            d = per_doc[i]
            quotes = [q for q, p in zip(d["rule_quotes"], keep_p[i]) if p >= keep_thr]
            if cand_thr is not None:
                for p, c, (s, e) in picks[i]:
                    if p < cand_thr:
                        break
                    sp = doc[c.speaker[0]:c.speaker[1]]
                    quotes.append({"content": {"start": s, "end": e},
                                   "speaker": {"start": sp.start_char, "end": sp.end_char}})
            pred[rec["id"]] = {"quotes": quotes}
        return f1_and_direct(scorer, pred, gold)

    base = evaluate(0.0, None)
    print(f"  rules only: attrib F1 {base[0]:.4f}, direct recall {base[1]:.4f}", file=sys.stderr)
    results = {}
    for keep_thr in KEEP_THRESHOLDS:
        for cand_thr in THRESHOLDS:
            results[(keep_thr, cand_thr)] = evaluate(keep_thr, cand_thr)
        best_c = max(THRESHOLDS, key=lambda t: results[(keep_thr, t)][0])
        f1, direct, n = results[(keep_thr, best_c)]
        print(f"  filter {keep_thr:.2f}, candidates {best_c:.3f}: attrib F1 {f1:.4f}, direct recall {direct:.4f}, "
              f"predictions {n}", file=sys.stderr)
    # as in the speaker stage: the best direct recall within f1_slack of the best F1 (the filter
    # mostly drops direct quotes it doubts)
    keep_thr, cand_thr = direct_first(results, max(v[0] for v in results.values()) - a.f1_slack)
    f1, direct, _ = results[(keep_thr, cand_thr)]
    print(f"cross-validated: rules {base[0]:.4f} -> with the models {f1:.4f} (direct recall {base[1]:.4f} -> "
          f"{direct:.4f}) at filter {keep_thr}, candidates {cand_thr}", file=sys.stderr)

    # final: priors from all of train; trees on nested out-of-fold priors (as in cross-validation)
    everything = list(range(len(docs)))
    cx, cy, fx, fy = rows(everything, nested_priors(everything))
    priors = count_priors(prior_items(everything))
    model_dir = REPO / "tidings" / "nlp" / "quotes" / "models"
    model_dir.mkdir(exist_ok=True)
    note = (f"PolNeAR train ({len(docs)} articles); cross-validated attribution F1 {base[0]:.4f} -> {f1:.4f}, "
            f"direct recall {base[1]:.4f} -> {direct:.4f}")
    for name, features, (x, y), thr in ((ql.MODEL_FILE, ql.FEATURES, (cx, cy), cand_thr),
                                         (ql.FILTER_FILE, ql.FILTER_FEATURES, (fx, fy), keep_thr)):
        out = to_json(fit(x, y), features, thr)
        out["trained_on"] = note
        (model_dir / name).write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    (REPO / "tidings" / "nlp" / "quotes" / "data" / ql.PRIORS_FILE).write_text(ql.format_priors(priors), encoding="utf-8")
    print(f"wrote models/{ql.MODEL_FILE}, models/{ql.FILTER_FILE}, data/{ql.PRIORS_FILE} "
          f"({time.time() - t0:.0f}s)", file=sys.stderr)
    found = model_attributions(docs, lex)
    orphans = speaker_stage(docs, records, found, lex, a.folds, scorer, t0, a.f1_slack)
    span_stage(docs, records, with_orphans(found, orphans), lex, a.folds, scorer, t0)


def with_orphans(per_doc, orphans):
    """The attributions the span model meets at run time: after the orphan quotations were added
    (out of fold here, as the orphan model's threshold was chosen)."""
    return [(text, runs, in_quote, found + extra) for (text, runs, in_quote, found), extra in zip(per_doc, orphans)]


def span_stage(docs, records, per_doc, lex, folds: int, scorer, t0: float) -> None:
    """Train the content-span model (tidings/nlp/quotes/spans.py) on the attributions of the models just written.

    An alternative span is right when it matches a gold content (the scorer's Dice >= .5) whose
    source the attribution's speaker overlaps. The threshold is the one that, out of fold, gives
    the best direct-quote recall without lowering attribution F1."""
    gold = {r["id"]: r for r in records}
    state = []
    for doc, rec, (text, runs, _, found) in zip(docs, records, per_doc):
        keys, x = qsp.span_rows(doc, text, runs, found, lex)
        golds = gold_sets(rec)
        speakers = [set(char_range(doc, *f.speaker[:2])) if f.speaker else set() for f in found]

        def right(i: int, s: int, e: int) -> bool:
            return attributed(golds, set(range(s, e)), speakers[i])

        y = np.asarray([right(i, s, e) for i, s, e in keys], dtype=bool)
        now = [right(i, f.start, f.end) for i, f in enumerate(found)]
        # only where the alternative and the rules' span disagree does the choice matter
        differ = np.asarray([y[k] != now[i] for k, (i, _, _) in enumerate(keys)], dtype=bool)
        state.append({"found": found, "keys": keys, "x": x, "y": y, "differ": differ, "speakers": speakers})
    print(f"span stage: {sum(len(d['keys']) for d in state)} alternatives, "
          f"{sum(int(d['differ'].sum()) for d in state)} right where the rules' span is wrong or the reverse, "
          f"{sum(int((d['y'] & d['differ']).sum()) for d in state)} of them better ({time.time() - t0:.0f}s)",
          file=sys.stderr)
    fold_of = folds_by_article(records, folds)
    p_oof = [np.zeros(len(d["keys"])) for d in state]
    for k in range(folds):
        tr = [d for i, d in enumerate(state) if fold_of[i] != k and d["differ"].any()]
        clf = fit(np.vstack([d["x"][d["differ"]] for d in tr]), np.concatenate([d["y"][d["differ"]] for d in tr]))
        for i in (i for i in range(len(docs)) if fold_of[i] == k):
            if len(state[i]["keys"]):
                p_oof[i] = clf.predict_proba(state[i]["x"])[:, 1]

    def evaluate(thr: float | None):
        pred = {}
        for i, (doc, rec) in enumerate(zip(docs, records)):
            d = state[i]
            spans = {j: (f.start, f.end) for j, f in enumerate(d["found"])}
            gone = set()
            if thr is not None:
                chosen = qsp.choose(d["keys"], p_oof[i], thr)
                spans.update(chosen)
                gone = qsp.swallowed(doc, d["found"], chosen)
            quotes = []
            for j, f in enumerate(d["found"]):
                if j in gone:
                    continue
                sp = d["speakers"][j]
                quotes.append({"content": {"start": spans[j][0], "end": spans[j][1]},
                               "speaker": {"start": min(sp), "end": max(sp) + 1} if sp else {}})
            pred[rec["id"]] = {"quotes": quotes}
        return f1_and_direct(scorer, pred, gold)[:2]

    results = sweep(evaluate, SPAN_THRESHOLDS, "span alternatives")
    thr = direct_first(results, results[None][0])
    f1, direct = results[thr]
    print(f"cross-validated: span threshold {thr}: attrib F1 {f1:.4f}, direct recall {direct:.4f}", file=sys.stderr)
    with_rows = [d for d in state if d["differ"].any()]
    out = to_json(fit(np.vstack([d["x"][d["differ"]] for d in with_rows]),
                      np.concatenate([d["y"][d["differ"]] for d in with_rows])),
                  qsp.FEATURES, thr if thr is not None else 1.01)
    out["trained_on"] = (f"PolNeAR train ({len(docs)} articles); cross-validated attribution F1 "
                         f"{results[None][0]:.4f} -> {f1:.4f}, direct recall {results[None][1]:.4f} -> {direct:.4f}")
    model_dir = REPO / "tidings" / "nlp" / "quotes" / "models"
    (model_dir / qsp.MODEL_FILE).write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote models/{qsp.MODEL_FILE} ({time.time() - t0:.0f}s)", file=sys.stderr)


class _Proba:
    """A fitted scikit-learn classifier with the run-time TreeModel's predict_proba."""

    def __init__(self, clf):
        self.clf = clf

    def predict_proba(self, x):
        return self.clf.predict_proba(x)[:, 1]


def speaker_stage(docs, records, per_doc, lex, folds: int, scorer, t0: float, f1_slack: float) -> list[list]:
    """Train the speaker ranker and the orphan-quotation model on top of the models just written.
    Returns, per document, the orphan quotations the cross-validated models keep."""
    priors = ql.load_priors()
    gold = {r["id"]: r for r in records}
    state = []       # per document: found, scorer, speaker rows, orphan runs
    for doc, rec, (text, runs, in_quote, found) in zip(docs, records, per_doc):
        sc = qs.SpeakerScorer(doc, in_quote, paragraphs(text), priors, lex)
        sc.remember_rule_speakers(found)
        golds = gold_sets(rec)

        def gold_source(s: int, e: int) -> set[int] | None:
            pc = set(range(s, e))
            best, src = 0.0, None
            for gc, gs, _ in golds:
                d = dice(gc, pc)
                if d >= 0.5 and d > best:
                    best, src = d, gs
            return src

        rows = []
        for fi, f in enumerate(found):
            src = gold_source(f.start, f.end)
            cands = sc.candidates(f.start, f.end)
            if not cands:
                continue
            x = sc.features(f.start, f.end, f.direct, cands)
            y = [bool(src) and bool(src & set(char_range(doc, m.start, m.end))) for m in cands]
            rows.append((fi, cands, x, np.asarray(y)))
        free_runs = [(r, gold_source(r.start, r.end)) for r in free_quotations(doc, runs, found)]
        state.append({"found": found, "scorer": sc, "rows": rows, "runs": free_runs})
    print(f"speaker stage: {sum(len(d['rows']) for d in state)} quotes to rank, "
          f"{sum(len(d['runs']) for d in state)} quotations no attribution covers ({time.time() - t0:.0f}s)",
          file=sys.stderr)

    def fit_ranker(idx):
        xs = [x for i in idx for _, _, x, y in state[i]["rows"] if y.any()]
        ys = [y for i in idx for _, _, x, y in state[i]["rows"] if y.any()]
        return fit(np.vstack(xs), np.concatenate(ys))

    fold_of = folds_by_article(records, folds)
    orphan_rows_ = [[] for _ in docs]         # (features, label, run, mention)
    for k in range(folds):
        ranker = _Proba(fit_ranker([i for i in range(len(docs)) if fold_of[i] != k]))
        for i in (i for i in range(len(docs)) if fold_of[i] == k):
            d, doc = state[i], docs[i]
            free = [r for r, _ in d["runs"]]
            rows = orphan_rows(doc.text, d["scorer"], ranker, free, d["found"])
            for (r, src), (m, ox) in zip(d["runs"], rows):
                if m is None:
                    continue
                ms = set(char_range(doc, m.start, m.end))
                orphan_rows_[i].append((ox, bool(src) and bool(src & ms), r, m))
    orphan_p = [np.zeros(len(orphan_rows_[i])) for i in range(len(docs))]
    for k in range(folds):
        tr = [row for i in range(len(docs)) if fold_of[i] != k for row in orphan_rows_[i]]
        clf = fit(np.vstack([r[0] for r in tr]), np.asarray([r[1] for r in tr]))
        for i in (i for i in range(len(docs)) if fold_of[i] == k):
            if orphan_rows_[i]:
                orphan_p[i] = clf.predict_proba(np.vstack([r[0] for r in orphan_rows_[i]]))[:, 1]
    print(f"folds done ({time.time() - t0:.0f}s)", file=sys.stderr)

    def chars(doc, m):
        cr = char_range(doc, m[0], m[1])
        return {"start": cr.start, "end": cr.stop}

    def evaluate(thr: float | None):
        pred = {}
        for i, (doc, rec) in enumerate(zip(docs, records)):
            quotes = [{"content": {"start": f.start, "end": f.end},
                       "speaker": chars(doc, f.speaker) if f.speaker else {}} for f in state[i]["found"]]
            if thr is not None:
                for (ox, _, r, m), p in zip(orphan_rows_[i], orphan_p[i]):
                    if p >= thr:
                        quotes.append({"content": {"start": r.start, "end": r.end},
                                       "speaker": chars(doc, (m.start, m.end))})
            pred[rec["id"]] = {"quotes": quotes}
        return f1_and_direct(scorer, pred, gold)[:2]

    results = sweep(evaluate, ORPHAN_THRESHOLDS, "orphan quotations")
    thr = direct_first(results, max(v[0] for v in results.values()) - f1_slack)
    f1, direct = results[thr]
    print(f"cross-validated: orphan threshold {thr}: attrib F1 {f1:.4f}, direct recall {direct:.4f}", file=sys.stderr)
    model_dir = REPO / "tidings" / "nlp" / "quotes" / "models"
    note = f"PolNeAR train ({len(docs)} articles); cross-validated attribution F1 {f1:.4f}, direct recall {direct:.4f}"
    ranker = fit_ranker(range(len(docs)))
    out = to_json(ranker, qs.SPEAKER_FEATURES, 0.0)
    out["trained_on"] = note
    (model_dir / qs.MODEL_FILE).write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    rows = [row for rs in orphan_rows_ for row in rs]
    out = to_json(fit(np.vstack([r[0] for r in rows]), np.asarray([r[1] for r in rows])), qs.ORPHAN_FEATURES,
                  thr if thr is not None else 1.01)
    out["trained_on"] = note
    (model_dir / qs.ORPHAN_FILE).write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote models/{qs.MODEL_FILE}, models/{qs.ORPHAN_FILE} ({time.time() - t0:.0f}s)", file=sys.stderr)
    if thr is None:
        return [[] for _ in docs]
    return [[orphan_found(r, m) for (_, _, r, m), p in zip(orphan_rows_[i], orphan_p[i]) if p >= thr]
            for i in range(len(docs))]


if __name__ == "__main__":
    main()

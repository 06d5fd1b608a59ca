#!/usr/bin/env python3
"""Train the text-dump unit classifiers (body and headline) and report page-grouped CV scores.

Data preparation: each dump in DIR (default ../shared/dev/extract/l3s-gn1-text) is split into units
(``tidings.extract.textlines``); a unit is labelled *body* when its token sequence occurs in the
gold body (short units only when the units on both sides are body too, so that "Home" is not
body just because the word occurs in the article), *title* when it matches the gold title.

Evaluation: k-fold cross-validation grouped by page (no page is scored by a model that saw it);
page bodies of the held-out folds are rebuilt with the same decoder as run time and scored with
the project's bench metric (token bag F1). Then one model is fitted on all pages and saved as
JSON under tidings/extract/models/.

Usage: python scripts/train_textdump.py [--data DIR] [--folds 5] [--no-save] [--pred-dir OUT]
Runs on CPU in about a minute.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tidings.extract import text as textmod  # noqa: E402
from tidings.extract.repetition import repeated_lines  # noqa: E402
from tidings.extract.textfeatures import feature_names, unit_features  # noqa: E402
from tidings.extract.textlines import split_units  # noqa: E402
from tidings.extract.treemodel import MODEL_DIR, to_json  # noqa: E402

SHARED = ROOT.parent / "shared"
TOKEN_RE = re.compile(r"\w+")


def norm_tokens(s: str) -> list[str]:
    # the gold replaced non-ASCII characters by "?", so compare on that alphabet
    return TOKEN_RE.findall("".join(c if ord(c) < 128 else "?" for c in s))


def label_units(units, gold_body: str, gold_title: str) -> tuple[np.ndarray, np.ndarray]:
    gold_toks = norm_tokens(gold_body)
    gold = " " + " ".join(gold_toks) + " "
    grams = {tuple(gold_toks[i:i + 4]) for i in range(len(gold_toks) - 3)}
    gold_lines = {" ".join(norm_tokens(x)) for x in gold_body.split("\n") if x.strip()}
    title = " ".join(norm_tokens(gold_title or ""))
    unit_toks = [norm_tokens(u.text) for u in units]
    toks = [" ".join(t) for t in unit_toks]
    body = np.zeros(len(units), dtype=np.int8)
    inside = []
    for i, (t, ut) in enumerate(zip(toks, unit_toks)):
        inside.append(bool(t) and (" " + t + " ") in gold)
        if len(ut) >= 4:
            # share of the unit's tokens covered by a 4-gram of the gold body
            covered = [False] * len(ut)
            for k in range(len(ut) - 3):
                if tuple(ut[k:k + 4]) in grams:
                    for j in range(k, k + 4):
                        covered[j] = True
            if sum(covered) >= 0.6 * len(ut):
                body[i] = 1
        elif t in gold_lines:
            body[i] = 1
    for i, t in enumerate(toks):
        if inside[i] and not body[i]:
            prev_ok = i > 0 and body[i - 1] == 1
            next_ok = i + 1 < len(toks) and body[i + 1] == 1
            if prev_ok and next_ok:
                body[i] = 1
    tl = np.array([1 if title and (t == title) else 0 for t in toks], dtype=np.int8)
    if title and not tl.any():
        # headline sharing its line with other words ("Site - Headline"): best covering unit
        for i, t in enumerate(toks):
            if title in t and len(t.split()) <= len(title.split()) + 6:
                tl[i] = 1
                break
    return body, tl


def load_pages(data: Path):
    gold = {}
    for line in (data / "gold.jsonl").open(encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            gold[r["id"]] = r
    return gold


def page_f1(gold_body: str, pred: str) -> float:
    g, p = Counter(TOKEN_RE.findall(gold_body)), Counter(TOKEN_RE.findall(pred))
    ng, np_ = sum(g.values()), sum(p.values())
    if ng == 0 and np_ == 0:
        return 1.0
    tp = sum(min(c, p[k]) for k, c in g.items())
    if tp == 0:
        return 0.0
    P, R = tp / np_, tp / ng
    return 2 * P * R / (P + R)


def fit(x, y, seed=0):
    clf = HistGradientBoostingClassifier(max_iter=120, learning_rate=0.1, max_leaf_nodes=31,
                                         min_samples_leaf=20, l2_regularization=1.0, random_state=seed)
    clf.fit(x, y)
    return clf


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=SHARED / "dev/extract/l3s-gn1-text")
    ap.add_argument("--folds", type=int, default=5, help="0 = no cross-validation")
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--save-scores", type=Path, help="keep the CV unit scores (.npz) to tune decoders")
    ap.add_argument("--pred-dir", type=Path, help="write CV predictions <id>.txt here")
    ap.add_argument("--group-by-host", action="store_true",
                    help="also give each page the repeated lines of its host's other pages")
    a = ap.parse_args()

    gold = load_pages(a.data)
    ids = sorted(gold)
    texts = {pid: (a.data / f"{pid}.txt").read_text(encoding="utf-8", errors="replace") for pid in ids}
    boiler = {pid: frozenset() for pid in ids}
    if a.group_by_host:
        by_host = defaultdict(list)
        for pid in ids:
            by_host[urlsplit(gold[pid].get("url") or "").hostname or pid].append(pid)
        for host, group in by_host.items():
            if len(group) > 1:
                rep = repeated_lines([texts[p] for p in group])
                for p in group:
                    boiler[p] = rep

    t0 = time.time()
    X, YB, YT, G, page_units = [], [], [], [], {}
    for gi, pid in enumerate(ids):
        units = split_units(texts[pid])
        page_units[pid] = units
        if not units:
            continue
        x = unit_features(units, boiler[pid])
        yb, yt = label_units(units, gold[pid]["body"], gold[pid].get("title") or "")
        X.append(x)
        YB.append(yb)
        YT.append(yt)
        G.append(np.full(len(units), gi))
    X, YB, YT, G = np.vstack(X), np.concatenate(YB), np.concatenate(YT), np.concatenate(G)
    print(f"{len(ids)} pages, {len(X)} units, {YB.mean():.3f} body, {int(YT.sum())} title units, "
          f"features {time.time() - t0:.1f}s", file=sys.stderr)

    if a.folds > 1:
        cross_validate(a, ids, gold, page_units, X, YB, YT, G, boiler)
    if not a.no_save:
        MODEL_DIR.mkdir(exist_ok=True)
        names = feature_names()
        for name, y in (("textdump_body.json", YB), ("textdump_title.json", YT)):
            clf = fit(X, y)
            (MODEL_DIR / name).write_text(json.dumps(to_json(clf, names, 0.5), separators=(",", ":")),
                                          encoding="utf-8")
        print(f"saved models to {MODEL_DIR}", file=sys.stderr)


def cross_validate(a, ids, gold, page_units, X, YB, YT, G, boiler) -> None:
    """Page-grouped k-fold: every page is decoded from scores of a model that never saw it."""
    pb = np.zeros(len(X))
    pt = np.zeros(len(X))
    for tr, te in GroupKFold(n_splits=a.folds).split(X, YB, G):
        pb[te] = fit(X[tr], YB[tr]).predict_proba(X[te])[:, 1]
        pt[te] = fit(X[tr], YT[tr]).predict_proba(X[te])[:, 1]
    if a.save_scores:
        np.savez_compressed(a.save_scores, pb=pb, pt=pt, G=G)
    f1s, title_ok = [], []
    if a.pred_dir:
        a.pred_dir.mkdir(parents=True, exist_ok=True)
    for gi, pid in enumerate(ids):
        units = page_units[pid]
        mask = G == gi
        body_units = textmod.decode_body(units, pb[mask], boiler[pid]) if units else []
        body = "\n\n".join(body_units)
        title = textmod.decode_title(units, pt[mask], pb[mask]) if units else None
        f1s.append(page_f1(gold[pid]["body"], body))
        title_ok.append(" ".join(norm_tokens(title or "")).lower() ==
                        " ".join(norm_tokens(gold[pid].get("title") or "")).lower())
        if a.pred_dir:
            (a.pred_dir / f"{pid}.txt").write_text(body, encoding="utf-8")
    print(f"CV ({a.folds}-fold by page): mean F1 {statistics.mean(f1s):.4f}  median "
          f"{statistics.median(f1s):.4f}  F1<.5 {sum(f < .5 for f in f1s) / len(f1s):.3f}  "
          f"title exact {statistics.mean(title_ok):.3f}")
    alone = [f for f, pid in zip(f1s, ids) if not boiler[pid]]
    if len(alone) < len(f1s):
        print(f"  pages without repeated-line evidence: n={len(alone)} mean F1 {statistics.mean(alone):.4f}; "
              f"with: n={len(f1s) - len(alone)} mean F1 "
              f"{statistics.mean(f for f, pid in zip(f1s, ids) if boiler[pid]):.4f}")


if __name__ == "__main__":
    main()

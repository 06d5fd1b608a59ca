"""Run-time evaluator for the gradient-boosted trees trained by ``scripts/train_textdump.py``.

The model ships as JSON (node arrays per tree), so reading a page needs numpy only, not the
scikit-learn version it was trained with, and the file stays small and diffable.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_DIR = Path(__file__).parent / "models"


@dataclass(frozen=True)
class TreeModel:
    features: tuple[str, ...]
    baseline: float
    threshold: float
    trees: tuple[tuple[np.ndarray, ...], ...]   # (feature, threshold, left, right, value, is_leaf)

    def __post_init__(self) -> None:
        # all trees as one node table, walked together: one numpy step per tree level instead of
        # one per level of every tree (the models score a handful of rows at a time)
        sizes = [len(t[0]) for t in self.trees]
        offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
        feat, thr, left, right, value, leaf = (np.concatenate([t[k] for t in self.trees]) if self.trees
                                               else np.zeros(0) for k in range(6))
        shift = np.repeat(offsets, sizes)
        object.__setattr__(self, "_flat", (feat.astype(np.int64), thr.astype(np.float64),
                                           (left + shift).astype(np.int64), (right + shift).astype(np.int64),
                                           value.astype(np.float64), leaf.astype(bool), offsets))

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        if x.shape[0] == 0:
            return np.zeros(0)
        feat, thr, left, right, value, leaf, roots = self._flat
        n, n_trees = x.shape[0], roots.size
        # one (row, tree) walker per pair, stepped together; a walker drops out at its leaf, so
        # each step costs the walkers still going, not every pair down to the deepest tree
        node = np.tile(roots, n)
        row = np.repeat(np.arange(n), n_trees)
        active = np.flatnonzero(~leaf[node])
        while active.size:
            at = node[active]
            step = np.where(x[row[active], feat[at]] <= thr[at], left[at], right[at])
            node[active] = step
            active = active[~leaf[step]]
        raw = self.baseline + value[node].reshape(n, n_trees).sum(axis=1)
        return 1.0 / (1.0 + np.exp(-raw))


def to_json(clf, features: tuple[str, ...], threshold: float) -> dict:
    """Serialise a fitted binary ``HistGradientBoostingClassifier``."""
    trees = []
    for (pred,) in clf._predictors:
        nodes = pred.nodes
        trees.append({
            "feature": nodes["feature_idx"].tolist(),
            "threshold": [float(t) for t in nodes["num_threshold"]],
            "left": nodes["left"].tolist(),
            "right": nodes["right"].tolist(),
            "value": [round(float(v), 6) for v in nodes["value"]],
            "leaf": nodes["is_leaf"].astype(int).tolist(),
        })
    return {"features": list(features), "baseline": float(np.ravel(clf._baseline_prediction)[0]),
            "threshold": threshold, "trees": trees}


def load_model(name: str) -> TreeModel:
    return load_model_from(str(MODEL_DIR / name))     # cached there, by path


@lru_cache(maxsize=None)
def load_model_from(path: str) -> TreeModel:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    trees = tuple(
        (np.asarray(t["feature"], dtype=np.int64), np.asarray(t["threshold"], dtype=np.float64),
         np.asarray(t["left"], dtype=np.int64), np.asarray(t["right"], dtype=np.int64),
         np.asarray(t["value"], dtype=np.float64), np.asarray(t["leaf"], dtype=bool))
        for t in data["trees"])
    return TreeModel(tuple(data["features"]), float(data["baseline"]), float(data["threshold"]), trees)

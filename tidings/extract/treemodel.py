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

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        if x.shape[0] == 0:
            return np.zeros(0)
        raw = np.full(x.shape[0], self.baseline, dtype=np.float64)
        rows = np.arange(x.shape[0])
        for feat, thr, left, right, value, leaf in self.trees:
            node = np.zeros(x.shape[0], dtype=np.int64)
            while True:
                active = ~leaf[node]
                if not active.any():
                    break
                f = feat[node]
                go_left = x[rows, f] <= thr[node]
                nxt = np.where(go_left, left[node], right[node])
                node = np.where(active, nxt, node)
            raw += value[node]
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


@lru_cache(maxsize=None)
def load_model(name: str) -> TreeModel:
    return load_model_from(str(MODEL_DIR / name))


@lru_cache(maxsize=None)
def load_model_from(path: str) -> TreeModel:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    trees = tuple(
        (np.asarray(t["feature"], dtype=np.int64), np.asarray(t["threshold"], dtype=np.float64),
         np.asarray(t["left"], dtype=np.int64), np.asarray(t["right"], dtype=np.int64),
         np.asarray(t["value"], dtype=np.float64), np.asarray(t["leaf"], dtype=bool))
        for t in data["trees"])
    return TreeModel(tuple(data["features"]), float(data["baseline"]), float(data["threshold"]), trees)

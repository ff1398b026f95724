"""The logistic model that turns name-pair features into a score, and its fitting (numpy, no extra library).

The weights are data (``data/name_model.json``), written by ``benchmarks/screening_names.py
--write-model`` from
the training split of the labelled pairs and never from the held-out split. A score is
``sigmoid(bias + Σ weight·(value − mean)/scale)``; each term is that feature's contribution in the
explanation.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

MODEL_FILE = "name_model.json"


@dataclass(frozen=True)
class NameModel:
    features: tuple[str, ...]
    weights: tuple[float, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    bias: float
    threshold: float
    trained_on: str = ""

    def predict(self, values: dict[str, float]) -> tuple[float, dict[str, float]]:
        contributions = {
            f: w * (values[f] - m) / s
            for f, w, m, s in zip(self.features, self.weights, self.means, self.scales, strict=True)
        }
        z = self.bias + sum(contributions.values())
        return 1.0 / (1.0 + math.exp(-z)), contributions

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "weights": list(self.weights),
            "means": list(self.means),
            "scales": list(self.scales),
            "bias": self.bias,
            "threshold": self.threshold,
            "trained_on": self.trained_on,
        }

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_dict(), indent=1) + "\n", encoding="utf-8")


def model_from_dict(raw: dict[str, Any]) -> NameModel:
    return NameModel(
        tuple(raw["features"]),
        tuple(raw["weights"]),
        tuple(raw["means"]),
        tuple(raw["scales"]),
        float(raw["bias"]),
        float(raw["threshold"]),
        str(raw.get("trained_on", "")),
    )


@cache
def name_model() -> NameModel:
    """The shipped model."""
    text = (resources.files(__package__) / "data" / MODEL_FILE).read_text(encoding="utf-8")
    return model_from_dict(json.loads(text))


def fit(
    features: tuple[str, ...],
    rows: list[dict[str, float]],
    labels: list[bool],
    *,
    l2: float = 0.02,
    steps: int = 3000,
    rate: float = 0.3,
    trained_on: str = "",
    signs: dict[str, int] | None = None,
) -> NameModel:
    """L2-regularised logistic regression by projected gradient descent on standardised features; a
    weight whose
    feature has a sign in ``signs`` (+1/-1) is kept on that side of zero."""
    sign = np.array([(signs or {}).get(f, 0) for f in features], dtype=float)
    x = np.array([[r[f] for f in features] for r in rows], dtype=float)
    y = np.array(labels, dtype=float)
    means = x.mean(axis=0)
    scales = x.std(axis=0)
    scales[scales == 0] = 1.0
    xs = (x - means) / scales
    w = np.zeros(len(features))
    b = 0.0
    n = len(y)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(xs @ w + b)))
        grad = p - y
        w -= rate * (xs.T @ grad / n + l2 * w)
        w = np.where(sign > 0, np.maximum(w, 0.0), np.where(sign < 0, np.minimum(w, 0.0), w))
        b -= rate * grad.mean()
    return NameModel(
        features,
        tuple(float(v) for v in w),
        tuple(float(v) for v in means),
        tuple(float(v) for v in scales),
        float(b),
        0.5,
        trained_on,
    )

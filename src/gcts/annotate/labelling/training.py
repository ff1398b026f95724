"""Train the labeller from labelled paragraphs, reproducibly, and measure it by cross-validation.

The models are scikit-learn logistic regressions (lbfgs, deterministic) over the features of
:mod:`gcts.annotate.labelling.features`: one softmax over the pillars (each paragraph's gold pillars share
its weight, so the most probable pillar is the one its labels point to most) and one binary model per theme.
Folds are fixed by a hash of each paragraph's group and the seed, so the same examples and seed give the
same folds, the same models and the same file. The decision thresholds are chosen on the out-of-fold
probabilities, and the figures reported are those of the out-of-fold predictions: every paragraph is
labelled by a model that never saw it (nor its other-language versions).

Written as a plain function with a progress callback so that long retraining can run as a queued task.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from gcts.annotate import classify
from gcts.annotate.labelling import decide, features
from gcts.annotate.labelling.examples import Example
from gcts.annotate.labelling.modelfile import Head, LabelModel, text_hash
from gcts.languages import UnknownLanguage

Progress = Callable[[str], None]

FOLDS = 5
C = 2.0
_PILLAR_GRID: dict[str, tuple[float, ...]] = {"secondary": (0.25, 0.3, 0.35, 0.4, 0.5, 1.01),
                "rule_secondary": (0.0, 0.05, 0.1, 0.15, 0.2, 1.01)}
_THEME_GRID: dict[str, tuple[float, ...]] = {"threshold": (0.3, 0.4, 0.5, 0.6, 0.7, 1.01),
                                             "rule_threshold": (0.0, 0.05, 0.1, 0.2, 1.01)}


@dataclass
class Counts:
    """Micro-averaged pair counts with precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[str], pred: set[str]) -> None:
        """Count one paragraph's gold and predicted label sets."""
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    @property
    def f1(self) -> float:
        """2tp / (2tp + fp + fn)."""
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0

    def as_dict(self) -> dict[str, float]:
        """Precision, recall, F1 and counts, rounded."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Figures:
    """Cross-validated figures of a trained model, and of the rules alone on the same paragraphs."""

    examples: int = 0
    sources: dict[str, int] = field(default_factory=dict)
    pillars: dict[str, float] = field(default_factory=dict)
    themes: dict[str, float] = field(default_factory=dict)
    primary_in_gold: float = 0.0
    primary_equal: float = 0.0
    rules_pillars: dict[str, float] = field(default_factory=dict)
    rules_themes: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """Plain data (kept in the model file and printed by ``gcts labels``)."""
        return {"examples": self.examples, "sources": self.sources, "pillars": self.pillars,
                "themes": self.themes, "primary_in_gold": round(self.primary_in_gold, 4),
                "primary_equal": round(self.primary_equal, 4),
                "rules_pillars": self.rules_pillars, "rules_themes": self.rules_themes}


def fold_of(group: str, seed: int, folds: int = FOLDS) -> int:
    """The fold (0..folds-1) of a paragraph group: a hash of the seed and the group, the same everywhere."""
    return int(hashlib.sha256(f"{seed}\x00{group}".encode()).hexdigest()[:8], 16) % folds


def deduplicate(examples: Sequence[Example]) -> list[Example]:
    """One example per text: a later example (e.g. an editor's correction) replaces an earlier one."""
    seen: dict[str, Example] = {}
    for e in examples:
        seen.pop(text_hash(e.text), None)
        seen[text_hash(e.text)] = e
    return list(seen.values())


def _rule_labels(e: Example, concern: str) -> set[str]:
    try:
        return {lab.value for lab in classify.labels(e.text, e.language, concern)}
    except UnknownLanguage:
        return set()


def _targets(e: Example) -> tuple[str, ...]:
    """What the softmax learns of a paragraph: its primary pillar alone where known, else all its pillars
    sharing the paragraph's weight."""
    return (e.primary,) if e.primary else e.pillars


def _fit_softmax(x: np.ndarray, ys: list[tuple[str, ...]], labels: tuple[str, ...], seed: int
                 ) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    rows, targets, weights = [], [], []
    for i, y in enumerate(ys):
        for lab in y:
            rows.append(i)
            targets.append(labels.index(lab))
            weights.append(1.0 / len(y))
    coef = np.zeros((len(labels), x.shape[1]), dtype=np.float64)
    bias = np.full(len(labels), -30.0)
    present = sorted(set(targets))
    if len(present) == 1:
        bias[present[0]] = 0.0
        return coef, bias
    clf = LogisticRegression(C=C, max_iter=5000, random_state=seed)
    clf.fit(x[rows], np.array(targets), sample_weight=np.array(weights))
    for k, cls in enumerate(clf.classes_):
        coef[int(cls)] = clf.coef_[k]
        bias[int(cls)] = clf.intercept_[k]
    return coef, bias


def _fit_sigmoids(x: np.ndarray, ys: list[tuple[str, ...]], labels: tuple[str, ...], seed: int
                  ) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    coef = np.zeros((len(labels), x.shape[1]), dtype=np.float64)
    bias = np.full(len(labels), -30.0)
    for j, lab in enumerate(labels):
        y = np.array([lab in t for t in ys])
        if y.sum() < 2 or y.all():
            bias[j] = -30.0 if not y.any() else 30.0
            continue
        clf = LogisticRegression(C=C, max_iter=5000, random_state=seed).fit(x, y)
        coef[j], bias[j] = clf.coef_[0], clf.intercept_[0]
    return coef, bias


def _fit(kind: str, x: np.ndarray, ys: list[tuple[str, ...]], folds: np.ndarray, labels: tuple[str, ...],
         seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The full model (index 0) and the FOLDS fold models, stacked."""
    fit = _fit_softmax if kind == "softmax" else _fit_sigmoids
    coefs, biases = [], []
    for k in range(-1, FOLDS):
        keep = folds != k
        c, b = fit(x[keep], [y for y, m in zip(ys, keep, strict=True) if m], labels, seed)
        coefs.append(c)
        biases.append(b)
    return np.stack(coefs).astype(np.float32), np.stack(biases).astype(np.float32)


def _best(grid: dict[str, tuple[float, ...]], score: Callable[[dict[str, float]], float]) -> dict[str, float]:
    names = sorted(grid)
    best: tuple[float, dict[str, float]] | None = None
    for values in itertools.product(*(grid[n] for n in names)):
        s = dict(zip(names, values, strict=True))
        f = score(s)
        if best is None or f > best[0] + 1e-12:
            best = (f, s)
    assert best is not None
    return best[1]


def train(examples: Sequence[Example], seed: int = 0, settings: features.FeatureSettings | None = None,
          progress: Progress | None = None) -> tuple[LabelModel, Figures]:
    """Train the labeller on ``examples`` (deduplicated by text); return the model and its CV figures.

    The many small fits run on one BLAS thread: measured 1.8 s against 36 s with the default threads on
    the shared 2-core machine under load (a multi-threaded BLAS mostly waits for its threads here).
    """
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        return _train(examples, seed, settings, progress)


def _train(examples: Sequence[Example], seed: int, settings: features.FeatureSettings | None,
           progress: Progress | None) -> tuple[LabelModel, Figures]:
    say = progress or (lambda _msg: None)
    settings = settings or features.FeatureSettings()
    data = deduplicate(examples)
    if not any(e.pillars for e in data):
        raise ValueError("no example has a pillar label: nothing to train on")
    say(f"features of {len(data)} paragraphs")
    emb = features.embeddings([e.text for e in data])
    x = features.vectors([e.text for e in data], [e.language for e in data], settings, embedded=emb)
    folds = np.array([fold_of(e.group, seed) for e in data])
    pillar_labels, theme_labels = features.labels_of("pillars"), features.labels_of("themes")

    with_p = np.array([bool(e.pillars) and "pillars" in e.concerns for e in data])
    idx_p = np.flatnonzero(with_p)
    say(f"pillars: {len(idx_p)} paragraphs, {FOLDS} folds")
    p_coef, p_bias = _fit("softmax", x[idx_p], [_targets(data[i]) for i in idx_p], folds[idx_p],
                          pillar_labels, seed)
    idx_t = np.flatnonzero([("themes" in e.concerns) for e in data])
    say(f"themes: {len(idx_t)} paragraphs, {FOLDS} folds")
    t_coef, t_bias = _fit("sigmoid", x[idx_t], [data[i].themes for i in idx_t], folds[idx_t], theme_labels,
                          seed)

    pillar_head = Head(pillar_labels, "softmax", p_coef, p_bias)
    theme_head = Head(theme_labels, "sigmoid", t_coef, t_bias)
    oof_p = pillar_head.probabilities(x[idx_p], folds[idx_p] + 1)
    oof_t = theme_head.probabilities(x[idx_t], folds[idx_t] + 1)
    rules_p = [_rule_labels(data[i], "pillars") for i in idx_p]
    rules_t = [_rule_labels(data[i], "themes") for i in idx_t]

    def pillar_counts(s: dict[str, float]) -> Counts:
        c = Counts()
        for row, i in enumerate(idx_p):
            chosen = decide.pillar_choice(pillar_labels, oof_p[row], rules_p[row], s)
            c.add(set(data[i].pillars), {lab for lab, _ in chosen})
        return c

    def theme_counts(s: dict[str, float]) -> Counts:
        c = Counts()
        for row, i in enumerate(idx_t):
            chosen = decide.theme_choice(theme_labels, oof_t[row], rules_t[row], s)
            c.add(set(data[i].themes), {lab for lab, _ in chosen})
        return c

    pillar_head.settings = _best(_PILLAR_GRID, lambda s: pillar_counts(s).f1)
    theme_head.settings = _best(_THEME_GRID, lambda s: theme_counts(s).f1)

    rp, rt = Counts(), Counts()
    for row, i in enumerate(idx_p):
        rp.add(set(data[i].pillars), rules_p[row])
    for row, i in enumerate(idx_t):
        rt.add(set(data[i].themes), rules_t[row])
    tops = [pillar_labels[int(np.argmax(oof_p[row]))] for row in range(len(idx_p))]
    primary = [top in data[i].pillars for top, i in zip(tops, idx_p, strict=True)]
    known = [top == data[i].primary for top, i in zip(tops, idx_p, strict=True) if data[i].primary]
    figures = Figures(
        examples=len(data), sources=dict(sorted(Counter(e.source for e in data).items())),
        pillars=pillar_counts(pillar_head.settings).as_dict(),
        themes=theme_counts(theme_head.settings).as_dict(),
        primary_in_gold=float(np.mean(primary)) if primary else 0.0,
        primary_equal=float(np.mean(known)) if known else 0.0,
        rules_pillars=rp.as_dict(), rules_themes=rt.as_dict())
    meta = {
        "seed": seed, "folds": FOLDS, "C": C, "embedding": features.EMBEDDING,
        "features": {"cue_weight": settings.cue_weight, "cap": settings.cap},
        "figures": figures.as_dict(),
        "examples": [{"key": e.key, "source": e.source, "language": e.language, "fold": int(folds[i]),
                      "hash": text_hash(e.text), "group": e.group, "pillars": list(e.pillars),
                      "themes": list(e.themes)} for i, e in enumerate(data)],
    }
    say("done")
    model = LabelModel(meta=meta, heads={"pillars": pillar_head, "themes": theme_head}, neighbours=emb)
    return model, figures

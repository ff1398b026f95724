"""From label probabilities and the rules' labels to one label set per paragraph.

Pillars: the most probable pillar is the *primary* one (the pillar a drafter would file the paragraph under);
another pillar is added as secondary when the model gives it at least ``secondary``, or when the cue rules
give it and the model at least ``rule_secondary``. Themes: a theme is given when the model gives it at least
``threshold``, or the rules give it and the model at least ``rule_threshold``. The four thresholds are
chosen by cross-validation when the model is trained (:mod:`gcts.annotate.labelling.training`) and kept in
the model file, so training and annotation decide the same way.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np


def pillar_choice(labels: Sequence[str], probs: np.ndarray, rules: Collection[str],
                  settings: dict[str, float]) -> list[tuple[str, float]]:
    """(label, probability) pairs: the primary first, then the secondaries by falling probability."""
    order = sorted(range(len(labels)), key=lambda j: (-float(probs[j]), j))
    primary = order[0]
    out = [(labels[primary], float(probs[primary]))]
    for j in order[1:]:
        p = float(probs[j])
        if p >= settings["secondary"] or (labels[j] in rules and p >= settings["rule_secondary"]):
            out.append((labels[j], p))
    return out


def theme_choice(labels: Sequence[str], probs: np.ndarray, rules: Collection[str],
                 settings: dict[str, float]) -> list[tuple[str, float]]:
    """(label, probability) pairs of the themes given, in vocabulary order."""
    return [(label, float(probs[j])) for j, label in enumerate(labels)
            if probs[j] >= settings["threshold"]
            or (label in rules and probs[j] >= settings["rule_threshold"])]

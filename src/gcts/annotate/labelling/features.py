"""The features the labeller sees: a paragraph's multilingual sentence embedding and its cue-term scores.

Both work across languages. The embedding is the multilingual Universal Sentence Encoder that gcts already
ships for cross-language comparison (:mod:`gcts.compare.embeddings`), so a Chinese paragraph and its English
version land near each other. The cue scores are the summed weights of the pillar and theme cue terms of the
paragraph's language (``languages/<code>/pillars.toml``, ``themes.toml``): the labels are the same in every
language, so a French cue for pillar IV and an English one give the same feature.

Vectors are cached by text (in the process and in ``<GCTS_HOME>/cache/embeddings``): encoding is by far the
costliest step (about 3 ms a paragraph), so a document annotated once is never encoded again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from gcts.annotate import classify
from gcts.compare.embeddings import DIMENSIONS, MODEL_NAME, default_cache
from gcts.languages import UnknownLanguage
from gcts.model import PILLARS
from gcts.taxonomy import themes as theme_vocabulary

EMBEDDING = MODEL_NAME


@dataclass(frozen=True, slots=True)
class FeatureSettings:
    """How cue scores enter the vector: capped at ``cap`` and scaled to ``weight`` at most."""

    cue_weight: float = 0.5
    cap: float = 3.0


def labels_of(concern: str) -> tuple[str, ...]:
    """The label ids of ``pillars`` or ``themes``, in vocabulary order."""
    return PILLARS if concern == "pillars" else tuple(t.id for t in theme_vocabulary())


Scores = dict[str, tuple[float, list[str]]]


def rule_scores(text: str, language: str, concern: str) -> Scores:
    """The cue rules' scores of ``text`` (label -> (score, terms)); empty for a language without data."""
    try:
        return classify.scores(text, language, concern)
    except UnknownLanguage:
        return {}


def cue_vector(found: Scores, concern: str) -> np.ndarray:
    """The rule score of every label of ``concern``, in vocabulary order."""
    return np.array([found.get(label, (0.0, []))[0] for label in labels_of(concern)], dtype=np.float32)


def embeddings(texts: Sequence[str]) -> np.ndarray:
    """L2-normalised sentence embeddings (len(texts) x 512) from the shared cache."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return default_cache().vectors(list(texts))


def vectors(texts: Sequence[str], languages: Sequence[str], settings: FeatureSettings,
            embedded: np.ndarray | None = None, found: Sequence[tuple[Scores, Scores]] | None = None
            ) -> np.ndarray:
    """The feature matrix: embedding, then pillar cue scores, then theme cue scores (scaled, capped).

    ``found``: each text's (pillar, theme) :func:`rule_scores`, when the caller has them already.
    """
    emb = embeddings(texts) if embedded is None else embedded
    if found is None:
        found = [(rule_scores(t, lang, "pillars"), rule_scores(t, lang, "themes"))
                 for t, lang in zip(texts, languages, strict=True)]
    cues = np.array([np.concatenate([cue_vector(p, "pillars"), cue_vector(t, "themes")]) for p, t in found],
                    dtype=np.float32)
    cues = cues.reshape(len(texts), len(PILLARS) + len(labels_of("themes")))
    scaled = settings.cue_weight * np.minimum(cues, settings.cap) / settings.cap
    return np.hstack([emb.astype(np.float32), scaled.astype(np.float32)])

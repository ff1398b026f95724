"""Duplicates: candidates need different entities, a shared State and overlapping dates; on the shipped
labelled set, precision and recall are at least 0.9 with the library's multilingual embeddings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import pytest

from gcts.analyse import duplicates
from gcts.analyse.duplicates import Facts


def _same(texts: Sequence[str]) -> np.ndarray:
    """An encoder for which texts are identical when their first word is."""
    words = sorted({t.split()[0] for t in texts})
    out = np.zeros((len(texts), len(words)))
    for i, t in enumerate(texts):
        out[i, words.index(t.split()[0])] = 1.0
    return out


def test_only_other_entities_in_the_same_place_at_the_same_time() -> None:
    base = {"start": date(2023, 1, 1), "end": date(2023, 12, 31)}
    items = [
        Facts("a", "UNODC", "border x", frozenset({"NER"}), **base),
        Facts("b", "UNOCT", "border y", frozenset({"NER"}), **base),  # duplicate of a
        Facts("c", "UNODC", "border z", frozenset({"NER"}), **base),  # same entity as a
        Facts("d", "IOM", "border w", frozenset({"MLI"}), **base),  # elsewhere
        Facts(
            "e", "UNDP", "border v", frozenset({"NER"}), start=date(2019, 1, 1), end=date(2019, 6, 1)
        ),  # before
        Facts("f", "UNICEF", "schools", frozenset({"NER"}), **base),  # another subject
    ]
    found = {(p.a, p.b) for p in duplicates.find(items, _same)}
    assert found == {("a", "b"), ("b", "c")}
    pair = next(p for p in duplicates.find(items, _same) if (p.a, p.b) == ("a", "b"))
    assert pair.states == ("NER",) and pair.overlap_days == 364 and pair.similarity == pytest.approx(1.0)


@pytest.mark.slow
def test_precision_and_recall_on_the_labelled_set() -> None:
    precision, recall, found, labelled = duplicates.evaluate()
    assert labelled >= 12
    assert precision >= 0.9 and recall >= 0.9, (precision, recall, found)

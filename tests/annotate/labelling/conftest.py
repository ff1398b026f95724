"""Fixtures of the labeller tests: a small trained model (a fraction of the shipped labels, fast to train)."""

from __future__ import annotations

import pytest

from gcts.annotate.labelling import examples
from gcts.annotate.labelling.examples import Example
from gcts.annotate.labelling.modelfile import LabelModel
from gcts.annotate.labelling.training import train


@pytest.fixture(scope="session")
def small_set() -> list[Example]:
    """The odd-numbered operative paragraphs of the shipped label files (in both languages) and the
    preambular ones: about 120 paragraphs."""
    shipped = examples.shipped()
    return [e for e in shipped if e.part == "preamble" or int(e.pid.split(":")[1]) % 2 == 1]


@pytest.fixture(scope="session")
def small_model(small_set: list[Example]) -> LabelModel:
    """A model trained on :func:`small_set` with seed 0."""
    model, _ = train(small_set, seed=0)
    return model

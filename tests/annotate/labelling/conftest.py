"""Fixtures of the labeller tests: a small trained model (a fraction of the shipped labels, fast to train)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from gcts.annotate.labelling import examples
from gcts.annotate.labelling.examples import Example
from gcts.annotate.labelling.modelfile import LabelModel
from gcts.annotate.labelling.training import train


@pytest.fixture(scope="session")
def label_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A GCTS_HOME of its own for the session (the embedding cache is reused between tests)."""
    home = tmp_path_factory.mktemp("labels-home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GCTS_HOME", str(home))
        yield home


@pytest.fixture(scope="session")
def small_set(label_home: Path) -> list[Example]:
    """The odd-numbered operative paragraphs of the shipped label files (in both languages) and the
    preambular ones: about 120 paragraphs."""
    shipped = examples.shipped()
    return [e for e in shipped if e.part == "preamble" or int(e.pid.split(":")[1]) % 2 == 1]


@pytest.fixture(scope="session")
def small_model(small_set: list[Example]) -> LabelModel:
    """A model trained on :func:`small_set` with seed 0."""
    model, _ = train(small_set, seed=0)
    return model

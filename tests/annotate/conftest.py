"""Fixtures for annotation tests: the reference gold and a Resolution built from its texts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gcts.annotate import annotate
from gcts.annotate.evaluate import resolution_from_gold
from gcts.model import Resolution

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CORPUS = Path(__file__).resolve().parents[2] / "src" / "gcts" / "data" / "corpus"


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    """The hand-checked gold of the Chinese reference text A/72/L.62."""
    data: dict[str, Any] = json.loads((FIXTURES / "A-72-L.62.zh.gold.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="session")
def annotated(gold: dict[str, Any]) -> Resolution:
    """The reference gold's paragraphs and footnotes, annotated."""
    return annotate(resolution_from_gold(gold))

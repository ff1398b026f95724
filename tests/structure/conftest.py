"""Fixtures of the structure tests: the bundled corpus and the gold of the reference text."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "src" / "gcts" / "data" / "corpus"
GOLD = ROOT / "tests" / "fixtures" / "A-72-L.62.zh.gold.json"


def norm(text: str | None) -> str:
    """The gold's comparison rule: NFC, all whitespace deleted."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text or ""))


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def reference_text() -> str:
    return (CORPUS / "A-72-L.62.zh.txt").read_text(encoding="utf-8")


def corpus_text(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")

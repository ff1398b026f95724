"""Hostile and broken input on the whole command line: each test is a bug found by feeding gcts real files
spoiled the way users spoil them. Every failure must be one line naming the file, with a documented exit
code, and no traceback or "internal error"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.running import run

CORPUS = Path(__file__).resolve().parents[2] / "src" / "gcts" / "data" / "corpus"
ENGLISH = CORPUS / "A-RES-73-7.en.txt"


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("GCTS_HOME", str(home))
    return home


def test_english_in_utf16_without_byte_order_mark_is_read(tmp_path: Path) -> None:
    # UTF-16-LE of ASCII text is also valid UTF-8 (with a NUL after every letter): it was refused as binary.
    f = tmp_path / "en16.txt"
    f.write_bytes(ENGLISH.read_text(encoding="utf-8").encode("utf-16-le"))
    result = run("parse", str(f), "--no-annotate")
    assert result.code == 0, result.err
    assert json.loads(result.out)["heading"]["symbol"] == "A/RES/73/7"

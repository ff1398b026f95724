"""Word (.docx) files through the command line: ``parse`` of a folder, ``annotate``, ``compare`` and
``corpus add`` read a DOCX built from the corpus exactly as they read its text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.running import assert_one_line_error, run
from tests.reading.test_docx import CORPUS, REFERENCE, docx_of


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("GCTS_HOME", str(home))
    return home


def _docx(tmp_path: Path, name: str, automatic_numbers: bool = True) -> Path:
    path = tmp_path / f"{name}.docx"
    path.write_bytes(docx_of(name, automatic_numbers))
    return path


def test_annotate_reads_docx_like_text(tmp_path: Path) -> None:
    word = run("annotate", str(_docx(tmp_path, "A-RES-73-7.en")), "--json")
    text = run("annotate", str(CORPUS / "A-RES-73-7.en.txt"), "--json")
    assert word.code == 0 and text.code == 0, word.err + text.err
    from_word, from_text = json.loads(word.out), json.loads(text.out)
    assert from_word.pop("source").endswith(".docx") and from_text.pop("source").endswith(".txt")
    assert from_word == from_text


def test_compare_docx_with_its_text_finds_no_change(tmp_path: Path) -> None:
    result = run(
        "compare",
        str(CORPUS / "A-RES-73-8.en.txt"),
        str(_docx(tmp_path, "A-RES-73-8.en")),
        "--format",
        "json",
        "--no-annotate",
    )
    assert result.code == 0, result.err
    data = json.loads(result.out)
    counts = data["summary"]["counts"]
    assert counts["unchanged"] == 13 and sum(counts.values()) == 13, counts


def test_corpus_add_docx(tmp_path: Path) -> None:
    result = run("corpus", "add", str(_docx(tmp_path, REFERENCE, False)), "--symbol", "A/72/L.62")
    assert result.code == 0, result.err
    assert result.out.startswith("added A/72/L.62@zh") and "123 paragraphs" in result.out


def test_parse_finds_docx_in_a_folder(tmp_path: Path) -> None:
    _docx(tmp_path, "A-RES-73-8.en")
    out = tmp_path / "out"
    result = run("parse", str(tmp_path), "--format", "json", "-o", str(out))
    assert result.code == 0, result.err
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 1 and written[0].startswith("A-RES-73-8.en")


def test_corpus_add_of_a_broken_docx_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    assert_one_line_error(run("corpus", "add", str(bad)), 3, "bad.docx", "not a zip")

"""``gcts report``: a report written from a kept snapshot, the format taken from the file name, and clear
one-line errors for what cannot be done."""

from __future__ import annotations

from pathlib import Path

import pytest

from gcts.report import snapshot
from tests.cli.running import assert_one_line_error, run
from tests.report import reviews


@pytest.fixture(scope="module")
def snapshot_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    snap = snapshot.take({"documents": reviews.document_rows(), "mandates": reviews.mandate_rows()},
                         audience="public")
    return snapshot.save(snap, home=tmp_path_factory.mktemp("home"))


def test_a_report_from_a_snapshot_file(snapshot_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "progress.docx"
    result = run("report", "progress", "--lang", "zh", "--snapshot", str(snapshot_file), "-o", str(out))
    assert result.code == 0, result.err
    assert out.read_bytes().startswith(b"PK")
    assert snapshot_file.name.split(".")[0] in result.err  # the snapshot id is said


def test_what_is_new_as_html(snapshot_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "new.html"
    result = run("report", "whats-new", "--snapshot", str(snapshot_file), "-o", str(out), "--quiet",
                 "--document", "A/72/L.62@zh", "--document", "A/72/L.99@zh")
    assert result.code == 0, result.err
    assert "What is new in A/72/L.99" in out.read_text(encoding="utf-8")


def test_errors_are_one_line(snapshot_file: Path, tmp_path: Path) -> None:
    assert_one_line_error(run("report", "progress", "--snapshot", "0123456789abcdef", "-o",
                              str(tmp_path / "x.pdf")), 3, "no snapshot")
    assert_one_line_error(run("report", "whats-new", "--snapshot", str(snapshot_file), "-o",
                              str(tmp_path / "x.html"), "--document", "A/RES/1/1"), 3, "--document 2")
    result = run("report", "progress", "--snapshot", str(snapshot_file), "-o", str(tmp_path / "x.txt"))
    assert result.code == 2 and "--format" in result.err

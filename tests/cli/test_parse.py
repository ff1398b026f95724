"""``gcts parse`` end to end, and bad input: one clear line on standard error, a documented exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "src" / "gcts" / "data" / "corpus"
REFERENCE = CORPUS / "A-72-L.62.zh.txt"


def gcts(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", "from gcts.cli import main; main()", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


def one_line_error(proc: subprocess.CompletedProcess[bytes], code: int, words: str) -> None:
    err = proc.stderr.decode()
    assert proc.returncode == code, err
    assert "Traceback" not in err
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1 and words in lines[0], err


def test_parse_reference_to_json_with_summary(tmp_path: Path) -> None:
    out = tmp_path / "zh.json"
    proc = gcts("parse", str(REFERENCE), "--symbol", "A/72/L.62", "--no-annotate", "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert (len(doc["preamble"]), len(doc["operative"]), len(doc["footnotes"])) == (38, 85, 11)
    assert "zh, 38 preambular, 85 operative, 11 footnotes" in proc.stderr.decode()


def test_parse_reads_standard_input() -> None:
    proc = gcts("parse", "-", "--no-annotate", stdin=(CORPUS / "A-RES-73-8.en.txt").read_bytes())
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["heading"]["symbol"] == "A/RES/73/8"


def test_folder_in_batch(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("A-RES-73-7.en.txt", "A-RES-73-8.en.txt"):
        (src / name).write_bytes((CORPUS / name).read_bytes())
    proc = gcts("parse", str(src), "--no-annotate", "-o", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr.decode()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "A-RES-73-7.en.json",
        "A-RES-73-8.en.json",
    ]
    assert proc.stderr.decode().count("operative") == 2


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        (b"", 3, "empty"),
        (b"\x00\x01\x02\xff" * 300, 3, "binary"),
        (
            "第七十二届会议\n\n大会，\n\n重申其决议，\n\n回顾大会的作用，\n".encode(),
            4,
            "no operative paragraphs",
        ),
    ],
)
def test_bad_input(tmp_path: Path, content: bytes, code: int, words: str) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    one_line_error(gcts("parse", str(f)), code, words)


@pytest.mark.parametrize("encoding", ["gbk", "utf-16"])
def test_legacy_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    f = tmp_path / "ref.txt"
    text = REFERENCE.read_text(encoding="utf-8")
    f.write_bytes(text.encode(encoding, errors="ignore"))
    proc = gcts("parse", str(f), "--no-annotate")
    assert proc.returncode == 0, proc.stderr.decode()
    assert len(json.loads(proc.stdout)["operative"]) == 85


def test_truncated_document_says_what_is_missing(tmp_path: Path) -> None:
    text = (CORPUS / "A-RES-73-7.en.txt").read_text(encoding="utf-8")
    f = tmp_path / "cut.txt"
    f.write_text(text[: text.index("seventeenth session in The Hague")], encoding="utf-8")
    proc = gcts("parse", str(f), "--no-annotate")
    assert proc.returncode == 0
    quality = {q["code"]: q["message"] for q in json.loads(proc.stdout)["quality"]}
    assert "does not end with a full stop" in quality["truncated"]
    assert "no closing line" in quality["no-closing"]
    assert ", 1 warning" in proc.stderr.decode()  # the truncation; the missing closing is information


def test_fifty_megabytes_are_refused_with_a_reason(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    with f.open("wb") as fh:
        block = REFERENCE.read_bytes()
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(block)
    one_line_error(gcts("parse", str(f)), 3, "above the limit")


def test_missing_file() -> None:
    one_line_error(gcts("parse", "/nonexistent/x.txt"), 3, "no such file")


PARTIAL = CORPUS / "partial" / "A-RES-72-284.en.partial.txt"


def test_partial_first_page_with_partial_flag(tmp_path: Path) -> None:
    out = tmp_path / "p.json"
    proc = gcts("parse", str(PARTIAL), "--partial", "--no-annotate", "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert (len(doc["preamble"]), len(doc["operative"])) == (3, 0)
    assert doc["heading"]["symbol"] == "A/RES/72/284"
    codes = {q["code"]: q["message"] for q in doc["quality"]}
    assert "the text ends after preambular paragraph 3" in codes["partial"]
    assert codes["cut"].startswith("last paragraph is cut")
    assert "en, partial, 3 preambular, 0 operative" in proc.stderr.decode()


def test_partial_first_page_without_the_flag_suggests_it() -> None:
    one_line_error(gcts("parse", str(PARTIAL), "--no-annotate"), 4, "--partial")


def test_a_report_is_refused_clearly() -> None:
    proc = gcts("parse", str(CORPUS / "partial" / "A-75-729.en.partial.txt"), "--partial", "--no-annotate")
    one_line_error(proc, 4, "A/75/729 is a report, not a resolution")


def _squeezed(doc: dict[str, object]) -> list[tuple[object, ...]]:
    paras = [*doc["preamble"], *doc["operative"]]  # type: ignore[misc]
    return [(p.get("number"), p["index"], "".join(p["text"].split()), p["footnotes"]) for p in paras]


def test_parse_pdf_gives_the_paragraphs_of_its_text(tmp_path: Path) -> None:
    """`gcts parse X.pdf` and `gcts parse X.txt` (pdftotext -layout) agree under the gold's text rule."""
    docs = []
    for ext in ("pdf", "txt"):
        out = tmp_path / f"73-3.{ext}.json"
        proc = gcts("parse", str(CORPUS / f"A-RES-73-3.en.{ext}"), "--no-annotate", "-o", str(out))
        assert proc.returncode == 0, proc.stderr.decode()
        docs.append(json.loads(out.read_text(encoding="utf-8")))
    pdf, txt = docs
    assert len(pdf["preamble"]) == 2 and len(pdf["operative"]) == 53
    assert _squeezed(pdf) == _squeezed(txt)
    def notes(doc: dict[str, list[dict[str, object]]]) -> list[tuple[object, ...]]:
        return [(f["number"], f["text"], f["cited_in"]) for f in doc["footnotes"]]

    assert notes(pdf) == notes(txt)
    assert pdf["heading"] == txt["heading"]

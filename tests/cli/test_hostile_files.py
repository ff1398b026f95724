"""Hostile files on the command line (issue 10's probes): each gives one line, a documented exit code, and
no file is written on refusal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gcts.compare import compare
from gcts.compare.redline import to_html
from gcts.model import Heading, Paragraph, Resolution
from tests.cli.running import assert_one_line_error, run

CORPUS = Path(__file__).resolve().parents[2] / "src" / "gcts" / "data" / "corpus"
XSS_LANGUAGE = 'en"><script>alert(1)</script>'


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GCTS_HOME", str(tmp_path / "home"))


def _gcts_json(path: Path, **changes: object) -> Path:
    doc: dict[str, object] = {
        "schema": "gcts/1",
        "language": "en",
        "heading": {"symbol": "A/RES/1/1"},
        "preamble": [],
        "operative": [{"part": "operative", "index": 1, "number": 1, "text": "Decides to remain seized."}],
    }
    doc.update(changes)
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_utf16_xml_with_an_entity_declaration_is_refused(tmp_path: Path) -> None:
    xml = (
        '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
        "<akomaNtoso>&e;</akomaNtoso>"
    )
    for codec in ("utf-16", "utf-16-le", "utf-16-be"):
        f = tmp_path / f"{codec}.xml"
        f.write_bytes(xml.encode(codec))
        assert_one_line_error(run("parse", str(f)), 5, "DTD")


def test_a_json_integer_of_5000_digits_is_malformed_input(tmp_path: Path) -> None:
    f = tmp_path / "big.json"
    f.write_text(
        '{"schema":"gcts/1","language":"en","heading":{"session":' + "9" * 5000 + "}}", encoding="utf-8"
    )
    assert_one_line_error(run("parse", str(f)), 5, "big.json")


def test_a_language_holding_markup_is_refused_before_any_output(tmp_path: Path) -> None:
    bad = _gcts_json(tmp_path / "bad.json", language=XSS_LANGUAGE)
    good = _gcts_json(tmp_path / "good.json")
    assert_one_line_error(run("parse", str(bad), "--format", "akn"), 5, "[language]")
    out = tmp_path / "redline.html"
    result = run("compare", str(good), str(bad), "--format", "html", "-o", str(out))
    assert result.code == 5 and not out.exists(), result.err


def test_control_characters_are_malformed_input_not_a_failed_akn_output(tmp_path: Path) -> None:
    f = _gcts_json(
        tmp_path / "ctl.json",
        operative=[{"part": "operative", "index": 1, "number": 1, "text": "Decides\x01 to"}],
    )
    assert_one_line_error(run("parse", str(f), "--format", "akn"), 5, "control character")


def test_redline_escapes_the_language_even_of_a_document_not_admitted() -> None:
    def doc(text: str) -> Resolution:
        res = Resolution(language=XSS_LANGUAGE, heading=Heading(symbol="A/1"))
        res.operative = [Paragraph(part="operative", index=1, number=1, text=text)]
        return res

    page = to_html(compare(doc("Decides to act."), doc("Decides to act now.")))
    assert "<script>" not in page and "&lt;script&gt;" in page


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_output_device_is_exit_6(tmp_path: Path) -> None:
    import subprocess
    import sys

    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [
                sys.executable,
                "-c",
                "from gcts.cli import main; main()",
                "parse",
                str(_gcts_json(tmp_path / "a.json")),
            ],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    err = proc.stderr.decode()
    assert proc.returncode == 6 and "Traceback" not in err and len(err.strip().splitlines()) == 1, err


def test_pdf_and_text_copies_of_one_symbol_get_one_output_each(tmp_path: Path) -> None:
    pdf, txt = CORPUS / "A-RES-73-3.en.pdf", CORPUS / "A-RES-73-3.en.txt"
    out = tmp_path / "out"
    result = run("parse", str(pdf), str(txt), "--no-annotate", "-o", str(out))
    assert result.code == 0, result.err
    assert sorted(p.name for p in out.iterdir()) == ["A-RES-73-3.en.pdf.json", "A-RES-73-3.en.txt.json"]

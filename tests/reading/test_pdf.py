"""PDF reading: the four corpus PDFs give the same text (up to layout whitespace) and the same structure as
their ``pdftotext -layout`` texts; scanned, encrypted and broken PDFs are refused with an InputError that
names the file."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from gcts.errors import InputError
from gcts.reading.pdf import extract_text

CORPUS = resources.files("gcts") / "data" / "corpus"
PDFS = sorted(p.name for p in CORPUS.iterdir() if p.name.endswith(".pdf"))


def squeeze(text: str) -> str:
    """Text with every whitespace character deleted (the gold comparison rule, minus NFC)."""
    return re.sub(r"\s+", "", text)


def pdf_path(name: str) -> Path:
    return Path(str(CORPUS / name))


@cache
def extracted(name: str) -> str:
    """The extracted text of a corpus PDF (extracted once per test run: it takes about a second)."""
    return extract_text(pdf_path(name))


def test_corpus_has_the_four_pdfs() -> None:
    assert len(PDFS) == 4


@pytest.mark.parametrize("name", PDFS)
def test_text_matches_pdftotext_up_to_whitespace(name: str) -> None:
    text = extracted(name)
    reference = (CORPUS / name.replace(".pdf", ".txt")).read_text(encoding="utf-8")
    assert squeeze(text) == squeeze(reference)
    assert text.count("\f") == reference.count("\f") == len(PdfReader(pdf_path(name)).pages)


@pytest.mark.parametrize("name", PDFS)
def test_same_structure_as_the_text(name: str) -> None:
    from gcts.structure import parse_text

    from_pdf = parse_text(extracted(name), source=name)
    from_txt = parse_text((CORPUS / name.replace(".pdf", ".txt")).read_text(encoding="utf-8"), source=name)
    assert [(p.id, squeeze(p.text), p.footnotes) for p in from_pdf.paragraphs] == [
        (p.id, squeeze(p.text), p.footnotes) for p in from_txt.paragraphs
    ]
    assert [(p.id, [(s.label, squeeze(s.text)) for s in p.subparagraphs]) for p in from_pdf.operative] == [
        (p.id, [(s.label, squeeze(s.text)) for s in p.subparagraphs]) for p in from_txt.operative
    ]
    assert [(f.number, squeeze(f.text), f.cited_in) for f in from_pdf.footnotes] == [
        (f.number, squeeze(f.text), f.cited_in) for f in from_txt.footnotes
    ]
    assert from_pdf.heading == from_txt.heading
    assert len(from_pdf.operative) > 0


def test_load_dispatches_pdf() -> None:
    from gcts.reading import load

    res = load(pdf_path("A-RES-73-8.en.pdf"))
    assert res.language == "en" and len(res.operative) > 0


def test_footnote_markers_stay_as_bare_numbers() -> None:
    text = extracted("A-RES-73-7.en.pdf")
    assert "Rome Statute of the International Criminal Court 1\n" in text  # superscript 1 in the text
    assert re.search(r"^ +1\n +United Nations, Treaty Series, vol\. 2187", text, flags=re.M)  # note block
    assert "A/RES/73/7" in text.split("\f")[0].splitlines()[0]  # 20-pt "A" and 10-pt "/RES/73/7" joined


def test_layout_keeps_first_line_indents() -> None:
    lines = extracted("A-RES-73-7.en.pdf").splitlines()
    start = next(line for line in lines if "Recalling its resolution 72/3" in line)
    cont = next(line for line in lines if line.strip() == "resolutions,")
    assert len(start) - len(start.lstrip()) > len(cont) - len(cont.lstrip())


# --- bad PDFs ----------------------------------------------------------------------------------------------


def test_image_only_pdf_is_refused(tmp_path: Path) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("L", (400, 200), 255)
    ImageDraw.Draw(image).text((20, 80), "The General Assembly, Recalling", fill=0)
    scan = tmp_path / "scan.pdf"
    image.save(scan, "PDF")
    with pytest.raises(InputError, match="no text layer; OCR is not supported") as info:
        extract_text(scan)
    assert info.value.file == str(scan)


def test_blank_pdf_is_refused(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    blank = tmp_path / "blank.pdf"
    with blank.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(InputError, match="no text layer"):
        extract_text(blank)


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(pdf_path("A-RES-73-8.en.pdf")))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(InputError, match="encrypted") as info:
        extract_text(locked)
    assert info.value.file == str(locked)


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.7\n%broken beyond repair\n", b"\x00\x01garbage" * 50, b""],
    ids=["header-only", "garbage", "empty"],
)
def test_broken_pdf_is_refused(tmp_path: Path, content: bytes) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(content)
    with pytest.raises(InputError) as info:
        extract_text(broken)
    assert info.value.file == str(broken)


@pytest.mark.parametrize("keep", [2, 3], ids=["half", "third"])
def test_truncated_pdf_is_refused(tmp_path: Path, keep: int) -> None:
    data = pdf_path("A-RES-73-8.en.pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // keep])
    with pytest.raises(InputError, match="not a readable PDF") as info:
        extract_text(cut)
    assert info.value.file == str(cut)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        extract_text(tmp_path / "absent.pdf")

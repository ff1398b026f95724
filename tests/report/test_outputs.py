"""The three outputs of one report: HTML, PDF (pages kept as PNG in test-artifacts/report for people to look
at) and DOCX, each holding the snapshot's id, the report's Chinese words and its figures."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from gcts.report import build, render
from gcts.report.snapshot import Snapshot

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


def _pdf_text(pdf: bytes) -> str:
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def _pages(pdf: bytes, stem: Path) -> list[Path]:
    for old in stem.parent.glob(f"{stem.name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-", str(stem)], input=pdf, check=True)
    return sorted(stem.parent.glob(f"{stem.name}-*.png"))


def _fonts(pdf: bytes, tmp: Path) -> list[str]:
    """The names of the fonts embedded in ``pdf`` (poppler's pdffonts), without the subset prefix."""
    path = tmp / "fonts.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True)
    lines = done.stdout.decode("utf-8").splitlines()[2:]
    return [line.split()[0].partition("+")[2].replace("-", "") for line in lines if line.strip()]


def docx_text(data: bytes) -> str:
    """All the XML of a DOCX package's text parts (document, header, footer), joined."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "".join(
            z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")
        )


@pytest.mark.parametrize(("kind", "lang"), [("whats-new", "zh"), ("progress", "zh"), ("progress", "en")])
def test_html_pdf_and_docx(
    review_snapshot: Snapshot, artifacts: Path, tmp_path: Path, kind: str, lang: str
) -> None:
    report = build(kind, review_snapshot, lang)
    html = render(report, "html").decode("utf-8")
    pdf = render(report, "pdf")
    docx = render(report, "docx")
    (artifacts / f"{kind}.{lang}.html").write_text(html, encoding="utf-8")
    (artifacts / f"{kind}.{lang}.pdf").write_bytes(pdf)
    (artifacts / f"{kind}.{lang}.docx").write_bytes(docx)
    pdf_text, docx_xml = _pdf_text(pdf), docx_text(docx)
    for text in (html, pdf_text, docx_xml):
        assert review_snapshot.id in text
        assert report.title in text.replace("\n", "")
    assert html.count("<svg") == len(report.charts()) > 0
    assert docx_xml.count("<pic:pic") == len(report.charts())
    # every figure of every table is in each output
    for table in report.tables():
        for row in table.rows:
            for cell in row:
                assert cell.text in html
                assert cell.text in docx_xml
    pages = _pages(pdf, artifacts / f"{kind}.{lang}")
    assert pages and all(p.stat().st_size > 10_000 for p in pages)
    fonts = _fonts(pdf, tmp_path)
    assert fonts and all("Noto" in f for f in fonts)  # every font embedded is one of Debian's Noto fonts
    if lang == "zh":
        assert any("NotoSansCJK" in f for f in fonts)


def test_the_pdf_holds_chinese_text(review_snapshot: Snapshot) -> None:
    text = _pdf_text(render(build("progress", review_snapshot, "zh"), "pdf"))
    assert "战略执行进展" in text and "秘书长" in text and "逾期" in text

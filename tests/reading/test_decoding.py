"""Bytes → text: BOMs, UTF-16 without BOM, GB18030/GBK, binary and empty input, the size limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from gcts.errors import InputError, StructureError
from gcts.reading import load, load_bytes
from gcts.reading.language import detect
from gcts.reading.text import decode

CORPUS = Path(__file__).resolve().parents[2] / "src" / "gcts" / "data" / "corpus"
REFERENCE = (CORPUS / "A-72-L.62.zh.txt").read_text(encoding="utf-8")
ENGLISH = (CORPUS / "A-RES-73-7.en.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (REFERENCE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + REFERENCE.encode("utf-8"), "utf-8-sig"),
        (REFERENCE.encode("utf-16"), "utf-16"),
        (REFERENCE.encode("utf-16-le"), "utf-16-le"),
        (REFERENCE.encode("utf-16-be"), "utf-16-be"),
        (REFERENCE.encode("gb18030"), "gb18030"),
        (
            REFERENCE.replace("¹", "").replace("²", "").replace("³", "").encode("gbk", errors="ignore"),
            "gb18030",
        ),
    ],
)
def test_the_reference_text_is_read_in_every_encoding(data: bytes, encoding: str) -> None:
    text, used = decode(data)
    assert used == encoding
    assert "联合国全球反恐战略审查" in text


def test_empty_binary_and_oversized_inputs_are_refused() -> None:
    with pytest.raises(InputError, match="empty"):
        decode(b"  \n\n ")
    with pytest.raises(InputError, match="binary"):
        decode(bytes(range(256)) * 20)
    with pytest.raises(InputError, match="above the limit"):
        decode(ENGLISH.encode(), max_bytes=1000)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (REFERENCE, "zh"),
        (ENGLISH, "en"),
        (
            "L’Assemblée générale, Réaffirmant sa résolution et les principes de la Charte des Nations Unies",
            "fr",
        ),
        (
            "La Asamblea General, Reafirmando su resolución y los principios de la Carta "
            "de las Naciones Unidas",
            "es",
        ),
        ("Генеральная Ассамблея, подтверждая свою резолюцию", "ru"),
        ("إن الجمعية العامة، إذ تؤكد من جديد قرارها", "ar"),
    ],
)
def test_language_detection(text: str, lang: str) -> None:
    assert detect(text) == lang


def test_pdf_bytes_errors_name_the_original_input() -> None:
    """PDF bytes are read in memory: a broken or cut PDF is reported under the name the caller gave."""
    whole = (CORPUS / "A-RES-73-8.en.pdf").read_bytes()
    for data in (b"%PDF-1.4\nnot really a PDF\n", whole[: len(whole) // 3]):
        with pytest.raises(InputError) as err:
            load_bytes(data, source="upload/A-RES-73-8.pdf")
        assert err.value.file == "upload/A-RES-73-8.pdf"
        assert "tmp" not in str(err.value)


def test_pdf_bytes_read_like_the_file() -> None:
    res = load_bytes((CORPUS / "A-RES-73-8.en.pdf").read_bytes(), source="A-RES-73-8.en.pdf")
    assert (res.heading.symbol, len(res.preamble), len(res.operative)) == ("A/RES/73/8", 8, 5)
    assert res.preamble[0].span is not None and res.preamble[0].span.file == "A-RES-73-8.en.pdf"


def test_load_reads_a_partial_document_only_when_asked() -> None:
    first_page = CORPUS / "partial" / "A-RES-72-284.en.partial.txt"
    with pytest.raises(StructureError, match="--partial"):
        load(first_page)
    res = load(first_page, partial=True)
    assert (len(res.preamble), len(res.operative)) == (3, 0)
    assert "partial" in {q.code for q in res.quality}
    res = load_bytes(first_page.read_bytes(), source="first-page.txt", partial=True)
    assert len(res.preamble) == 3

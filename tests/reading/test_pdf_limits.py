"""Caps on PDFs (:mod:`gcts.reading.pdf_limits`): a decompression bomb, a page of thousands of lines and a
document of too many pages are refused with one clear line, quickly and without the memory they ask for."""

from __future__ import annotations

import pytest

from gcts.errors import InputError
from gcts.reading import load_bytes
from gcts.reading.pdf_limits import MAX_LINES_PER_PAGE, MAX_PAGES
from tests.reading.hostile_pdfs import bomb, many_lines, many_pages, pdf, text_page


def test_a_pdf_bomb_is_refused_before_it_is_read() -> None:
    # Its peak memory and time are measured in benchmarks/hostile.py (docs/benchmarks.md).
    with pytest.raises(InputError, match="decompresses to more than 64 MiB") as caught:
        load_bytes(bomb(200), source="bomb.pdf")
    assert caught.value.file == "bomb.pdf"


def test_a_page_of_thousands_of_lines_is_refused() -> None:
    with pytest.raises(InputError, match=f"at most {MAX_LINES_PER_PAGE} are read"):
        load_bytes(many_lines(3060), source="lines.pdf")


def test_too_many_pages_are_refused() -> None:
    with pytest.raises(InputError, match=f"at most {MAX_PAGES:,} are read"):
        load_bytes(many_pages(MAX_PAGES + 1), source="pages.pdf")


def test_an_ordinary_pdf_is_read() -> None:
    lines = ["Decides to remain seized of the matter."] * 40
    from gcts.reading.pdf import extract_text

    text = extract_text(pdf([text_page(lines, size=10)] * 3), source="ok.pdf")
    assert text.count("\f") == 3 and "remain seized" in text

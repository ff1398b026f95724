"""Real UN documents as other tools extract them (``data/corpus/real/``): counts, citations, headings.

A/RES/72/284 and A/RES/75/291 are PyMuPDF text: paragraph numbers alone on their line, justified lines cut
into one word per line, markers glued to words (``Strategy1``) or after punctuation (``Peace,2``), running
heads and footnote blocks between the lines of paragraphs, trailing spaces. 72/284 is the adopted text of
the reference draft, so its footnotes must be cited where the Chinese gold cites them.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pytest

from gcts.formats.akn import to_akn
from gcts.formats.akn_reader import read_akn
from gcts.formats.akn_schema import validate
from gcts.formats.json_format import from_json, to_json
from gcts.formats.markdown import to_markdown
from gcts.model import Resolution
from gcts.reading import load
from tests.structure.conftest import CORPUS

REAL = CORPUS / "real"
PILLARS = ["Pillar I", "Pillar II", "Pillar III", "Pillar IV"]
#: What page furniture and footnote blocks look like when they leak into a paragraph.
FURNITURE = re.compile(r"\d{2}-\d{5}|\*\d{6,}\*|_{5,}|A/RES/7\d/\d+\s*$")
#: "n/N", a page number, when n ≤ N ≤ 30 (these documents are shorter; 57/27 and 49/60 are resolutions).
PAGE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")


@cache
def _read(name: str) -> Resolution:
    return load(REAL / name)


def assert_clean(res: Resolution) -> None:
    """No paragraph holds furniture, a footnote's text or a stray marker; every footnote is cited."""
    notes = [f.text for f in res.footnotes if len(f.text) > 25]
    for p in res.paragraphs:
        assert not FURNITURE.search(p.text), (p.id, FURNITURE.search(p.text))
        assert not [m for m in PAGE.finditer(p.text) if int(m[1]) <= int(m[2]) <= 30], p.id
        assert not re.search(r"[^\d\s]\d{1,2}$|\s\d{1,2}[;,.]?$", p.text), (p.id, p.text[-40:])
        assert not any(n in p.text for n in notes), p.id
    assert all(f.cited_in for f in res.footnotes), [f.number for f in res.footnotes if not f.cited_in]
    assert not [q for q in res.quality if q.code == "footnote-uncited"]


def test_72_284_counts_and_citations_follow_the_chinese_draft(gold: dict[str, Any]) -> None:
    res = _read("A-RES-72-284.en.txt")
    assert (len(res.preamble), len(res.operative), len(res.footnotes)) == (38, 85, 11)
    assert [p.number for p in res.operative] == list(range(1, 86))
    assert {f.number: f.cited_in for f in res.footnotes} == {
        f["number"]: f["cited_in"] for f in gold["footnotes"]
    }
    assert_clean(res)
    assert res.heading.symbol == "A/RES/72/284" and res.heading.resolution_number == "72/284"
    assert not [q for q in res.quality if q.code == "heading-unrecognised"]


def test_72_284_words_of_justified_lines_are_one_line() -> None:
    res = _read("A-RES-72-284.en.txt")
    assert res.preamble[4].text.startswith(
        "Renewing its unwavering commitment to strengthening international cooperation to prevent"
    )
    style = [q for q in res.quality if q.code == "extraction-style"]
    assert style and "alone on their line" in style[0].message and "one word per line" in style[0].message


def test_72_284_markers_after_punctuation_and_glued_to_words() -> None:
    res = _read("A-RES-72-284.en.txt")
    p7 = res.paragraph("preamble:7")
    assert p7.text.endswith("Culture of Peace,") and p7.footnotes == [2]
    assert p7.footnote_refs == [(len(p7.text), 2)]
    p3 = res.paragraph("preamble:3")
    assert "implementing the Strategy and endorsed" in p3.text and p3.footnotes == [1]
    assert res.paragraph("operative:19").footnotes == [7, 8]


def test_75_291_counts_and_pillar_headings() -> None:
    res = _read("A-RES-75-291.en.txt")
    assert (len(res.preamble), len(res.operative)) == (47, 119)
    assert [p.number for p in res.operative] == list(range(1, 120))
    assert_clean(res)
    assert [(h.part, h.before) for h in res.headings] == [
        ("operative", "operative:13"),
        ("operative", "operative:26"),
        ("operative", "operative:77"),
        ("operative", "operative:101"),
    ]
    assert [h.text.split(":")[0] for h in res.headings] == PILLARS
    # split over two lines, joined into one heading, glued to no paragraph
    assert res.headings[2].text.endswith("to strengthen the role of the United Nations system in this regard")
    assert not any("Pillar" in p.text for p in res.paragraphs)
    assert res.paragraph("operative:100").text.endswith("Coordination Compact;")


def test_a_guessed_marker_is_reported() -> None:
    res = _read("A-RES-75-291.en.txt")
    guessed = [q for q in res.quality if q.code == "marker-guessed"]
    assert [q.where for q in guessed] == ["preamble:30"]
    assert res.footnote(5).cited_in == "preamble:30"


@pytest.mark.parametrize("name", ["A-RES-75-291.en.txt"])
def test_headings_written_to_json_markdown_and_akn(name: str) -> None:
    res = _read(name)
    assert from_json(to_json(res)).headings == res.headings
    md = to_markdown(res)
    assert re.findall(r"^### (Pillar [IV]+):", md, re.M) == PILLARS
    at = md.index("### Pillar I:")
    assert md.index("**12.**") < at < md.index("**13.**")
    xml = to_akn(res)
    assert validate(xml) == []
    assert xml.count("<crossHeading") == 4
    back = read_akn(xml.encode("utf-8"))
    assert [(h.text, h.before) for h in back.headings] == [(h.text, h.before) for h in res.headings]

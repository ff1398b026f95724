"""English ``pdftotext -layout`` texts of adopted resolutions; expectations read off the texts by eye."""

from __future__ import annotations

from datetime import date

import pytest

from gcts.model import Resolution
from gcts.structure import parse_text
from gcts.structure.conventions import conventions
from gcts.structure.heading import parse_heading
from gcts.structure.lines import split_lines
from tests.structure.conftest import corpus_text


def _parse(name: str) -> Resolution:
    return parse_text(corpus_text(name), source=name)


@pytest.mark.parametrize(
    ("name", "pre", "ops", "notes"),
    [
        ("A-RES-73-7.en.txt", 13, 28, 9),
        ("A-RES-73-8.en.txt", 8, 5, 1),
        ("A-RES-73-6.en.txt", 25, 14, 6),
    ],
)
def test_counts(name: str, pre: int, ops: int, notes: int) -> None:
    res = _parse(name)
    assert res.language == "en"
    assert (len(res.preamble), len(res.operative), len(res.footnotes)) == (pre, ops, notes)
    assert [p.number for p in res.operative] == list(range(1, ops + 1))


def test_heading_and_closing_of_73_7() -> None:
    h = _parse("A-RES-73-7.en.txt").heading
    assert (h.symbol, h.symbol_in_text, h.session, h.agenda_item) == ("A/RES/73/7", True, 73, "77")
    assert (h.kind, h.resolution_number, h.title) == (
        "resolution",
        "73/7",
        "Report of the International Criminal Court",
    )
    assert (h.body, h.distribution, h.issued) == ("The General Assembly", "General", date(2018, 10, 31))
    assert (h.adoption_date, h.meeting) == (date(2018, 10, 29), "28th plenary meeting")


def test_paragraph_edges_and_footnotes_of_73_7() -> None:
    res = _parse("A-RES-73-7.en.txt")
    first, last = res.preamble[0], res.operative[-1]
    assert first.text.startswith("Recalling its resolution 72/3 of 30 October 2017")
    assert first.text.endswith("previous relevant resolutions,")
    assert last.text.endswith("for consideration by the General Assembly at its seventy-fourth session.")
    assert "plenary meeting" not in last.text
    assert res.preamble[1].footnotes == [1]  # "Court 1\n reaffirms"
    assert res.paragraph("operative:2").footnotes == [1]  # cited again: "Court, 1 and calls"
    assert res.paragraph("operative:13").footnotes == [7, 8]
    assert res.footnote(1).cited_in == "preamble:2"
    assert res.footnote(2).text == "A/58/874 and A/58/874/Add.1."
    assert res.footnote(9).text.endswith("1 August 2012–31 July 2013 (S/INF/68).")
    # real numbers are not markers
    assert "including paragraph 3 of the resolution" in res.preamble[9].text
    assert "from 5 to 12 December 2018" in res.paragraph("operative:26").text
    for p in res.paragraphs:
        assert "18-18142" not in p.text and "A/RES/73/7" not in p.text and "2/5" not in p.text


def test_extraction_artefacts_of_73_7_are_repaired() -> None:
    res = _parse("A-RES-73-7.en.txt")
    assert "post-conflict societies" in res.preamble[4].text  # "post -" / "conflict"
    assert "Secretary-General to" in res.paragraph("operative:19").text  # "Secretary -General"
    assert "International Criminal Court and" in res.paragraph("operative:23").text  # "Internati onal"
    assert "seventy-fourth session" in res.operative[-1].text  # hyphen at a line end


def test_page_break_and_running_title_of_73_8() -> None:
    res = _parse("A-RES-73-8.en.txt")
    p6 = res.preamble[5]
    assert "57/11 of 12 November 2002, 58/7 of 4 November 2003" in p6.text
    assert "Necessity of ending" not in p6.text
    assert "Latin America and the Caribbean" in res.preamble[2].text  # "Amer ica"
    assert res.heading.title == (
        "Necessity of ending the economic, commercial and financial embargo imposed by "
        "the United States of America against Cuba"
    )
    assert res.operative[0].footnotes == [1]
    assert res.operative[-1].text.endswith("against Cuba”.")


def test_markers_glued_to_punctuation_and_after_years_of_73_6() -> None:
    res = _parse("A-RES-73-6.en.txt")
    assert res.preamble[4].footnotes == [2, 3, 4]  # "Development, 2 of the … 2015–2030 3 and … Agreement 4"
    assert "Reduction 2015–2030 and" in res.preamble[4].text
    assert res.preamble[21].footnotes == [1]  # "UNISPACE+50,1"
    assert res.preamble[21].text.endswith("UNISPACE+50,")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "A-RES-60-288.en.partial.txt",
            {
                "symbol": "A/RES/60/288",
                "session": 60,
                "agenda_item": "46 and 120",
                "kind": "resolution",
                "resolution_number": "60/288",
                "adoption_date": date(2006, 9, 8),
                "issued": date(2006, 9, 20),
                "title": "The United Nations Global Counter-Terrorism Strategy",
            },
        ),
        (
            "A-RES-72-284.en.partial.txt",
            {
                "symbol": "A/RES/72/284",
                "session": 72,
                "agenda_item": "118",
                "adoption_date": date(2018, 6, 26),
                "issued": date(2018, 7, 2),
                "title": "The United Nations Global Counter-Terrorism Strategy Review",
                "body": "The General Assembly",
            },
        ),
        (
            "A-72-840.zh.partial.txt",
            {
                "symbol": "A/72/840",
                "session": 72,
                "agenda_item": "118",
                "agenda_title": "联合国全球反恐战略",
                "distribution": "General",
                "issued": date(2018, 4, 20),
                "original_language": "English",
            },
        ),
        (
            "A-75-729.en.partial.txt",
            {"symbol": "A/75/729", "session": 75, "agenda_item": "123", "issued": date(2021, 1, 29)},
        ),
    ],
)
def test_partial_headings(name: str, expected: dict[str, object]) -> None:
    text = corpus_text(f"partial/{name}")
    lang = "zh" if ".zh." in name else "en"
    h = parse_heading(split_lines(text), conventions(lang)).heading
    assert {k: getattr(h, k) for k in expected} == expected


def test_running_titles_flush_left_and_right_are_furniture_in_73_3() -> None:
    res = _parse("A-RES-73-3.en.txt")
    assert (len(res.operative), len(res.footnotes)) == (53, 7)
    assert res.heading.title == (
        "Political declaration of the high-level meeting of the General Assembly "
        "on the fight against tuberculosis"
    )
    for p in res.operative:
        assert "Political declaration of the high-level" not in p.text
        assert p.text.endswith((";", "."))
    assert res.heading.meeting == "18th plenary meeting"

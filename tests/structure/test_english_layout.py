"""English ``pdftotext -layout`` texts of adopted resolutions; expectations read off the texts by eye."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gcts.model import Resolution
from gcts.structure import parse_text
from gcts.structure.conventions import conventions
from gcts.structure.furniture import MIN_RUNNING_TITLE
from gcts.structure.heading import parse_heading
from gcts.structure.layout import separate
from gcts.structure.lines import split_lines
from tests.structure.conftest import corpus_text
from tests.structure.english_edges import EDGES


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


@pytest.mark.parametrize("name", sorted(EDGES))
def test_every_paragraph_is_whole_and_clean(name: str) -> None:
    """Ids, first and last words of every paragraph, as read by eye off the four English texts."""
    res = _parse(name)
    got = [(p.id, " ".join(p.text.split()[:3]), " ".join(p.text.split()[-3:])) for p in res.paragraphs]
    assert got == EDGES[name]
    symbol = res.heading.symbol
    assert symbol
    for p in res.paragraphs:
        assert symbol not in p.text and "(E)" not in p.text and "*18" not in p.text, p.id


def test_declaration_adopted_by_73_3() -> None:
    """'Adopts … :' is preamble 1 without the declaration's title; 'We, Heads of State …' is preamble 2."""
    res = _parse("A-RES-73-3.en.txt")
    assert (len(res.preamble), len(res.operative), len(res.footnotes)) == (2, 53, 7)
    assert res.preamble[0].text.endswith("on 26 September 2018:")
    assert res.heading.annex_title == (
        "Political declaration of the high-level meeting of the General Assembly on the fight against "
        "tuberculosis\nUnited to end tuberculosis: an urgent global response to a global epidemic"
    )
    we = res.preamble[1]
    assert we.text.startswith("We, Heads of State and Government")
    assert "determinants of the epidemic and that protects" in we.text  # across the page break
    assert [p.number for p in res.operative] == list(range(1, 54))
    assert not [q for q in res.quality if q.severity != "info"]


def test_declaration_without_layout_keeps_its_structure() -> None:
    """The same text with every line flush left (no indents to tell paragraphs apart)."""
    text = corpus_text("A-RES-73-3.en.txt")
    flat = "\n".join(line.strip() for line in text.split("\n"))
    laid_out, res = _parse("A-RES-73-3.en.txt"), parse_text(flat)
    assert [p.text for p in res.paragraphs] == [p.text for p in laid_out.paragraphs]
    assert res.heading.annex_title == laid_out.heading.annex_title


@pytest.mark.parametrize("name", ["A-RES-73-3.en.txt", "A-RES-73-6.en.txt", "A-RES-73-7.en.txt"])
def test_page_heads_with_the_symbol_are_furniture_without_the_title(name: str) -> None:
    """A page's first line that carries the document's symbol at either end is a running head, whatever
    stands beside it: found without the title's help."""
    lines = split_lines(corpus_text(name))
    head = parse_heading(lines, conventions("en"))
    sep = separate(lines[head.body_start :], conventions("en"), None, head.heading.symbol)
    texts = [bl.line.text for bl in sep.body]
    assert not [t for t in texts if head.heading.symbol and head.heading.symbol in t]
    assert "on the fight against tuberculosis" not in texts


@settings(max_examples=25, deadline=None)
@given(
    short=st.text(alphabet=st.sampled_from("abcdefghij klmnop"), min_size=12, max_size=60).map(str.strip),
    left=st.booleans(),
)
def test_any_short_title_beside_the_symbol_is_a_running_head(short: str, left: bool) -> None:
    """Page heads of A/RES/73/7 get a running title the heading does not know; paragraphs do not change."""
    if len(short) < MIN_RUNNING_TITLE or "  " in short:
        short = "Report of the Court on its work"
    text = corpus_text("A-RES-73-7.en.txt")
    before = [p.text for p in parse_text(text).paragraphs]
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if line.strip() == "A/RES/73/7" and k > 5:
            lines[k] = f"A/RES/73/7{' ' * 40}{short}" if left else f"{' ' * 20}{short}{' ' * 30}A/RES/73/7"
    after = [p.text for p in parse_text("\n".join(lines)).paragraphs]
    assert after == before


def test_split_words_whose_halves_only_occur_split_are_rejoined_in_73_3() -> None:
    """"includi ng" and "planni ng": "ng" occurs only as a half of split words, so it is no word."""
    res = _parse("A-RES-73-3.en.txt")
    assert "meetings, including the Delhi End TB Summit" in res.paragraph("operative:5").text
    assert "in the planning, implementation, monitoring" in res.paragraph("operative:38").text

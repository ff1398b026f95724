"""Partial documents: first pages of resolutions (``corpus/partial``), reports refused, excerpts."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gcts.errors import StructureError
from gcts.model import Resolution
from gcts.structure import parse_text
from tests.structure.conftest import corpus_text, norm


def _partial(name: str) -> Resolution:
    return parse_text(corpus_text(f"partial/{name}"), source=name, partial=True)


def _codes(res: Resolution) -> dict[str, str]:
    return {q.code: q.message for q in res.quality}


def test_first_page_of_72_284_is_heading_and_three_preambular_paragraphs() -> None:
    res = _partial("A-RES-72-284.en.partial.txt")
    h = res.heading
    assert (h.symbol, h.resolution_number, h.adoption_date) == ("A/RES/72/284", "72/284", date(2018, 6, 26))
    assert (len(res.preamble), len(res.operative), len(res.footnotes)) == (3, 0, 0)
    edges = [(" ".join(p.text.split()[:3]), " ".join(p.text.split()[-3:])) for p in res.preamble]
    assert edges == [
        ("Reaffirming the United", "respond to changes,"),
        ("Recalling the pivotal", "of the Strategy,"),
        ("Recalling also its", "on preventing violent"),  # cut mid-sentence by the end of the page
    ]
    codes = _codes(res)
    assert "no operative paragraphs: the text ends after preambular paragraph 3" in codes["partial"]
    assert codes["cut"].startswith("last paragraph is cut: preamble:3")
    assert "EXCERPT ENDS HERE" in codes["excerpt-note"]  # the editor's note is not paragraph text
    assert "EXCERPT" not in res.preamble[-1].text
    # "… implementing the Strategy 1 and endorsed …": the marker of a footnote the excerpt does not hold
    assert res.preamble[2].footnotes == [1]
    assert "implementing the Strategy and endorsed in resolution 71/291" in res.preamble[2].text
    assert codes["marker-without-footnote"] == "marker 1 has no footnote text"


def test_first_page_of_60_288() -> None:
    res = _partial("A-RES-60-288.en.partial.txt")
    assert (len(res.preamble), len(res.operative)) == (5, 0)
    assert [p.text.split()[0] for p in res.preamble] == [
        "Guided", "Reiterating", "Reaffirming", "Recalling", "Recalling",
    ]
    assert res.preamble[2].footnotes == [1]
    assert "2005 World Summit Outcome, in particular its section on terrorism," in res.preamble[2].text
    assert res.preamble[4].text.endswith("with the purposes and principles of the United")
    assert "after preambular paragraph 5" in _codes(res)["partial"]


@pytest.mark.parametrize("name", ["A-RES-72-284.en.partial.txt", "A-RES-60-288.en.partial.txt"])
def test_without_partial_the_error_suggests_it(name: str) -> None:
    with pytest.raises(StructureError, match="--partial") as err:
        parse_text(corpus_text(f"partial/{name}"), source=name)
    assert err.value.file == name


@pytest.mark.parametrize(
    ("name", "symbol", "line"),
    [("A-72-840.zh.partial.txt", "A/72/840", 9), ("A-75-729.en.partial.txt", "A/75/729", 11)],
)
@pytest.mark.parametrize("partial", [False, True])
def test_reports_are_not_resolutions(name: str, symbol: str, line: int, partial: bool) -> None:
    with pytest.raises(StructureError, match=f"{symbol} is a report, not a resolution") as err:
        parse_text(corpus_text(f"partial/{name}"), source=name, partial=partial)
    assert err.value.line == line


def test_report_prose_without_heading_is_not_a_resolution() -> None:
    with pytest.raises(StructureError, match="not a resolution"):
        _partial("A-72-840.en.partial.txt")


@pytest.mark.parametrize(
    "name", ["A-RES-73-3.en.txt", "A-RES-73-6.en.txt", "A-RES-73-7.en.txt", "A-RES-73-8.en.txt"]
)
def test_partial_reading_of_a_whole_document_changes_nothing(name: str) -> None:
    whole, lenient = parse_text(corpus_text(name)), parse_text(corpus_text(name), partial=True)
    assert [(p.id, p.text, p.footnotes) for p in lenient.paragraphs] == [
        (p.id, p.text, p.footnotes) for p in whole.paragraphs
    ]
    assert not {"partial", "cut"} & {q.code for q in lenient.quality}


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_a_preamble_cut_anywhere_reads_as_the_whole_texts_prefix(data: st.DataObject) -> None:
    """Cut A/RES/73/7 at a random line of its preamble (the first page of an excerpt): the paragraphs read
    are those of the whole text, the last one possibly cut short, and the reading says so."""
    text = corpus_text("A-RES-73-7.en.txt")
    whole = parse_text(text)
    first, last = whole.preamble[0].span, whole.preamble[-1].span
    assert first and last
    lines = text.split("\n")
    cut = data.draw(st.integers(min_value=first.start_line, max_value=last.end_line - 1))
    res = parse_text("\n".join(lines[:cut]), partial=True)
    assert res.operative == []
    got = [p.text for p in res.preamble]
    want = [p.text for p in whole.preamble[: len(got)]]
    assert got[:-1] == want[:-1]
    assert norm(want[-1]).startswith(norm(got[-1]))  # "post -" at a cut is "post-conflict" begun
    codes = _codes(res)
    assert f"after preambular paragraph {len(got)}" in codes["partial"]
    assert ("cut" in codes) == (got[-1] != want[-1] and not got[-1].endswith(","))

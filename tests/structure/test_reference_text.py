"""The Chinese reference text A/72/L.62 against its hand-checked gold: every structural field."""

from __future__ import annotations

from typing import Any

import pytest

from gcts.model import Resolution
from gcts.structure import parse_text
from tests.structure.conftest import corpus_text, norm


def _parse() -> Resolution:
    return parse_text(corpus_text("A-72-L.62.zh.txt"), source="A-72-L.62.zh.txt", symbol="A/72/L.62")


def test_heading_matches_the_gold(gold: dict[str, Any]) -> None:
    h = _parse().heading
    want = gold["heading"]
    got = {k: getattr(h, k) for k in want}
    assert got == want


def test_counts_and_texts_match_the_gold(gold: dict[str, Any]) -> None:
    res = _parse()
    assert res.language == "zh"
    assert len(res.preamble) == len(gold["preamble"]) == 38
    assert len(res.operative) == len(gold["operative"]) == 85
    for g, p in zip(gold["preamble"], res.preamble, strict=True):
        assert (p.index, norm(p.text), p.footnotes) == (g["index"], norm(g["text"]), g["footnotes"])
    for g, p in zip(gold["operative"], res.operative, strict=True):
        assert (p.number, norm(p.text), p.footnotes) == (g["number"], norm(g["text"]), g["footnotes"])
        assert [(s.label, norm(s.text)) for s in p.subparagraphs] == [
            (s["label"], norm(s["text"])) for s in g["subparagraphs"]
        ]


def test_footnotes_match_the_gold(gold: dict[str, Any]) -> None:
    res = _parse()
    got = [(f.number, norm(f.text), f.cited_in) for f in res.footnotes]
    assert got == [(f["number"], norm(f["text"]), f["cited_in"]) for f in gold["footnotes"]]


def test_page_break_inside_a_word_is_joined_without_a_space() -> None:
    p4 = _parse().preamble[3]
    assert "应对恐怖主义能力" in p4.text
    assert "¹" not in p4.text and "A/71/858" not in p4.text


def test_paragraphs_keep_their_source_span() -> None:
    text = corpus_text("A-72-L.62.zh.txt")
    res = _parse()
    op22 = res.paragraph("operative:22")
    assert op22.span is not None
    assert (op22.span.start_line, op22.span.end_line) == (149, 157)
    assert text[op22.span.start : op22.span.end].startswith("22. 注意到")
    assert text[op22.span.start : op22.span.end].endswith("打击这些活动；")


def test_odd_endings_and_stray_latin_words_are_reported() -> None:
    codes = {(q.code, q.where) for q in _parse().quality}
    assert ("unexpected-ending", "operative:74") in codes
    assert ("unexpected-ending", "operative:80") in codes
    assert ("foreign-word", "operative:60") in codes


@pytest.mark.parametrize(
    "name",
    ["A-72-L.62.zh.txt", "A-RES-73-3.en.txt", "A-RES-73-6.en.txt", "A-RES-73-7.en.txt", "A-RES-73-8.en.txt"],
)
def test_footnote_marker_places_agree_with_the_footnotes(name: str) -> None:
    res = parse_text(corpus_text(name))
    for p in res.paragraphs:
        offsets = [o for o, _ in p.footnote_refs]
        assert offsets == sorted(offsets) and all(0 < o <= len(p.text) for o in offsets), p.id
        assert list(dict.fromkeys(n for _, n in p.footnote_refs)) == p.footnotes, p.id
        for o, _ in p.footnote_refs:  # a marker follows a word or punctuation, never a space
            assert not p.text[o - 1].isspace(), p.id


def test_superscript_markers_stand_where_printed(reference_text: str) -> None:
    res = parse_text(reference_text)
    p3 = res.paragraph("preamble:3")
    (offset, number), = p3.footnote_refs
    assert number == 1 and p3.text[:offset].endswith("的报告")
    assert p3.text[offset:].startswith("并在第")

"""The gcts/1 JSON format: the gold's fields, a lossless round trip, clear errors for foreign JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gcts.errors import FormatError
from gcts.formats import write
from gcts.formats.json_format import from_json, to_json
from gcts.model import Evidence, Label, Mandate, Reference
from gcts.structure import parse_text

CORPUS = Path(__file__).resolve().parents[2] / "src" / "gcts" / "data" / "corpus"
TEXTS = sorted(CORPUS.glob("*.txt"))


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_round_trip_is_lossless(path: Path) -> None:
    res = parse_text(path.read_text(encoding="utf-8"), source=path.name)
    assert from_json(to_json(res), source=path.name) == res


def test_round_trip_keeps_annotations() -> None:
    res = parse_text((CORPUS / "A-RES-73-8.en.txt").read_text(encoding="utf-8"))
    a = res.operative[3].annotations
    a.opening, a.function = "Requests", "request"
    a.pillars = [Label("ALL", 0.7, [Evidence("rule", "p1", ["Strategy"])])]
    a.references = [Reference("A/RES/72/4", "ga_resolution", "resolution 72/4", 3, 18)]
    a.mandates = [Mandate("secretary_general", "submit", "report", session=74)]
    back = from_json(to_json(res))
    assert back == res
    doc = json.loads(to_json(res))
    op4 = doc["operative"][3]
    assert (op4["opening"], op4["function"], op4["pillars"], op4["references"]) == (
        "Requests",
        "request",
        ["ALL"],
        ["A/RES/72/4"],
    )
    assert op4["mandates"] == [
        {"actor": "secretary_general", "deadline": None, "session": 74, "recurrence": None}
    ]
    assert doc["operative"][0]["pillars"] is None  # not annotated


def test_gold_fields_are_written() -> None:
    res = parse_text((CORPUS / "A-72-L.62.zh.txt").read_text(encoding="utf-8"), source="A-72-L.62.zh.txt")
    doc = json.loads(write(res, "json"))
    assert doc["schema"] == "gcts/1"
    assert set(doc) >= {"source", "language", "heading", "preamble", "operative", "footnotes"}
    assert set(doc["preamble"][0]) >= {
        "index",
        "text",
        "footnotes",
        "opening",
        "function",
        "themes",
        "references",
    }
    assert set(doc["operative"][0]) >= {"number", "text", "footnotes", "subparagraphs", "pillars", "mandates"}
    assert doc["footnotes"][0] | {"span": None} == {
        "number": 1,
        "text": "A/71/858。",
        "cited_in": "preamble:3",
        "span": None,
    }


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ("[1, 2]", "(root)"),
        ('{"schema": "gcts-gold/1"}', "schema"),
        ('{"schema": "gcts/1", "language": "zh"}', "(root).heading"),
        (
            '{"schema": "gcts/1", "language": "zh", "heading": {}, '
            '"preamble": [{"index": 1}], "operative": []}',
            "preamble[0].text",
        ),
        (
            '{"schema": "gcts/1", "language": "zh", "heading": {"issued": "yesterday"}, '
            '"preamble": [], "operative": []}',
            "heading.issued",
        ),
        (
            '{"schema": "gcts/1", "language": "en", "heading": {}, "operative": [], '
            '"preamble": [{"index": 1, "text": "Noting", "footnotes": [1], "footnote_refs": [[7, 1]]}]}',
            "preamble[0].footnote_refs[0]",
        ),
    ],
)
def test_foreign_json_names_the_field(data: str, field: str) -> None:
    with pytest.raises(FormatError) as err:
        from_json(data, source="x.json")
    assert err.value.field == field


def test_not_json_at_all() -> None:
    with pytest.raises(FormatError, match="not JSON"):
        from_json("{oops", source="x.json")


def test_unknown_output_format() -> None:
    res = parse_text((CORPUS / "A-RES-73-8.en.txt").read_text(encoding="utf-8"))
    with pytest.raises(FormatError, match="unknown output format"):
        write(res, "docx")


def test_footnote_marker_places_round_trip() -> None:
    res = parse_text((CORPUS / "A-RES-73-7.en.txt").read_text(encoding="utf-8"))
    doc = json.loads(to_json(res))
    assert doc["preamble"][1]["footnote_refs"] == [[72, 1]]
    assert doc["preamble"][1]["text"][:72].endswith("International Criminal Court")
    back = from_json(to_json(res))
    assert [p.footnote_refs for p in back.paragraphs] == [p.footnote_refs for p in res.paragraphs]
    assert back.paragraph("operative:13").footnote_refs == res.paragraph("operative:13").footnote_refs
    assert [n for _, n in res.paragraph("operative:13").footnote_refs] == [7, 8]

"""Akoma Ntoso (AKN4UN) writer and reader: schema-valid output, lossless and stable round trips, and
hostile or foreign XML refused with a FormatError.

Fixtures are real documents: the gold file of the reference text, and every full text of the bundled
corpus structured (and annotated) by gcts itself.
"""

from __future__ import annotations

import dataclasses
from importlib import resources
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from gcts.errors import FormatError
from gcts.formats.akn import AKN_NS, to_akn, work_iri
from gcts.formats.akn_reader import read_akn
from gcts.formats.akn_schema import validate
from gcts.formats.subdivision import cut
from gcts.model import Footnote, Heading, Paragraph, Resolution, SubParagraph
from tests.formats.gold_model import resolution_from_gold

CORPUS = resources.files("gcts") / "data" / "corpus"
FULL_TEXTS = sorted(p.name for p in CORPUS.iterdir() if p.name.endswith(".txt"))


def without_spans(value: Any) -> Any:
    """A copy of a model object with every ``span`` set to None (AKN does not carry source spans)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: without_spans(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if "span" in changes:
            changes["span"] = None
        return dataclasses.replace(value, **changes)
    if isinstance(value, list):
        return [without_spans(v) for v in value]
    return value


def structured(name: str, *, annotated: bool) -> Resolution:
    from gcts.structure import parse_text

    res = parse_text((CORPUS / name).read_text(encoding="utf-8"), source=name)
    if annotated:
        from gcts.annotate import annotate

        res = annotate(res)
    return res


def test_gold_document_validates_and_round_trips() -> None:
    res = resolution_from_gold()
    xml = to_akn(res)
    assert validate(xml) == []
    back = read_akn(xml.encode("utf-8"))
    assert back == res
    assert to_akn(back) == xml


def test_gold_document_shape_follows_akn4un() -> None:
    res = resolution_from_gold()
    root = etree.fromstring(to_akn(res).encode("utf-8"))
    ns = {"a": AKN_NS}
    statement = root.find("a:statement", ns)
    assert statement is not None and statement.get("name") == "resolution"
    assert root.find(".//a:FRBRExpression/a:FRBRlanguage", ns).get("language") == "zho"  # type: ignore[union-attr]
    assert root.find(".//a:preface//a:docNumber", ns).text == "A/72/L.62"  # type: ignore[union-attr]
    assert root.find(".//a:preamble/a:formula/a:p/a:organization", ns).text == "大会"  # type: ignore[union-attr]
    assert len(root.findall(".//a:preamble/a:container", ns)) == 38
    nums = [n.text for n in root.findall(".//a:mainBody/a:paragraph/a:num", ns)]
    assert nums == [f"{i}." for i in range(1, 86)]
    notes = root.findall(".//a:authorialNote", ns)
    assert [n.get("marker") for n in notes] == [str(i) for i in range(1, 12)]
    # footnote 1 sits in preambular paragraph 3, as its cited_in says
    assert root.find(".//a:preamble/a:container[@eId='preamble__container_3']//a:authorialNote",
                     ns).get("marker") == "1"  # type: ignore[union-attr]


@pytest.mark.parametrize("name", FULL_TEXTS)
@pytest.mark.parametrize("annotated", [False, True])
def test_corpus_documents_validate_and_round_trip(name: str, annotated: bool) -> None:
    res = structured(name, annotated=annotated)
    xml = to_akn(res)
    assert validate(xml) == [], name
    back = read_akn(xml.encode("utf-8"))
    assert back == without_spans(res)
    assert to_akn(back) == xml


def test_annotations_are_marked_up_in_place() -> None:
    res = structured("A-RES-73-7.en.txt", annotated=True)
    root = etree.fromstring(to_akn(res).encode("utf-8"))
    ns = {"a": AKN_NS}
    first = root.find(".//a:preamble/a:container", ns)
    assert first is not None
    opening = first.find(".//a:span[@class='opening']", ns)
    assert opening is not None and opening.text == res.preamble[0].annotations.opening
    refs = root.findall(".//a:ref", ns)
    assert any(r.get("href") == "https://undocs.org/A/RES/72/3" for r in refs)


def test_subparagraphs_become_points_and_come_back() -> None:
    text = "Calls upon States: (a) to act; (b) to report, in particular: (i) on ten; (ii) on two; and done"
    sub_b = SubParagraph("b", "to report, in particular: (i) on ten; (ii) on two;",
                         children=[SubParagraph("i", "on ten;"), SubParagraph("ii", "on two;")])
    para = Paragraph("operative", 1, text, number=1, subparagraphs=[SubParagraph("a", "to act;"), sub_b])
    res = Resolution("en", heading=Heading(title="T", body="The General Assembly"), operative=[para])
    xml = to_akn(res)
    assert validate(xml) == []
    root = etree.fromstring(xml.encode("utf-8"))
    points = root.findall(f".//{{{AKN_NS}}}point")
    assert [p.get("eId") for p in points] == [
        "para_1__list_1__point_a", "para_1__list_1__point_b",
        "para_1__list_1__point_b__list_1__point_i", "para_1__list_1__point_b__list_1__point_ii"]
    assert read_akn(xml.encode("utf-8")) == res


def test_work_iri_follows_un_pattern() -> None:
    from datetime import date

    res = Resolution("zh", heading=Heading(resolution_number="72/284", adoption_date=date(2018, 6, 26)))
    assert work_iri(res) == "/akn/un/statement/resolution/unga/2018-06-26/72-284"


# --- property: any document the model can hold round-trips -------------------------------------------------

_words = st.text(alphabet=st.sampled_from(list("abcdefghij 恐怖主义，；：、()")), min_size=1, max_size=40)


@st.composite
def _paragraph(draw: st.DrawFn, part: str, index: int) -> Paragraph:
    text = draw(_words).strip() or "x"
    subs: list[SubParagraph] = []
    if part == "operative" and draw(st.booleans()):
        labels = draw(st.lists(st.sampled_from(["a", "b", "c", "一", "二"]), min_size=1, max_size=3,
                               unique=True))
        pieces = [(label, draw(_words).strip() or "y") for label in labels]
        text = text + " " + " ".join(f"({label}) {body}" for label, body in pieces)
        subs = [SubParagraph(label, body) for label, body in pieces]
    number = index if part == "operative" else None
    return Paragraph(part, index, text, number=number, subparagraphs=subs)  # type: ignore[arg-type]


def _placeable(p: Paragraph) -> list[int]:
    """Offsets where a footnote marker can stand in ``p``: anywhere but inside or right after a printed
    label such as ``(a)`` (where AKN has no text to hold it)."""
    bad: set[int] = set()
    pieces = cut(p.text, p.subparagraphs) if p.subparagraphs else None
    for num_start, num_end, _ in pieces[1] if pieces else []:
        bad.update(range(num_start + 1, num_end + 1))
    return [k for k in range(len(p.text) + 1) if k not in bad]


@st.composite
def _resolution(draw: st.DrawFn) -> Resolution:
    pre = [draw(_paragraph("preamble", i)) for i in range(1, draw(st.integers(0, 3)) + 1)]
    ops = [draw(_paragraph("operative", i)) for i in range(1, draw(st.integers(1, 4)) + 1)]
    heading = Heading(title=draw(st.none() | _words), body=draw(st.none() | st.just("大会")),
                      session=draw(st.none() | st.integers(1, 80)))
    res = Resolution(draw(st.sampled_from(["zh", "en", "fr"])), heading=heading, preamble=pre, operative=ops)
    for p in res.paragraphs:  # footnote markers at random places, some citing an earlier footnote again
        offsets = sorted(draw(st.lists(st.sampled_from(_placeable(p)), max_size=3)))
        for offset in offsets:
            again = bool(res.footnotes) and draw(st.booleans())
            cited = [f.number for f in res.footnotes]
            number = draw(st.sampled_from(cited)) if again else len(cited) + 1
            if not again:
                res.footnotes.append(Footnote(number, f"Note {number}.", cited_in=p.id))
            p.footnote_refs.append((offset, number))
            if number not in p.footnotes:
                p.footnotes.append(number)
    return res


@settings(max_examples=60, deadline=None)
@given(_resolution())
def test_round_trip_property(res: Resolution) -> None:
    xml = to_akn(res)
    assert validate(xml) == []
    back = read_akn(xml.encode("utf-8"))
    assert back == res
    assert to_akn(back) == xml


# --- hostile and foreign input -----------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&lol3;</akomaNtoso>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement>&xxe;</statement></akomaNtoso>"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external-entity"])
def test_entity_tricks_are_refused(data: bytes) -> None:
    with pytest.raises(FormatError, match="entity"):
        read_akn(data, source="evil.xml")


def test_non_akn_xml_names_what_is_missing() -> None:
    with pytest.raises(FormatError, match="akomaNtoso") as info:
        read_akn(b"<html><body/></html>", source="page.xml")
    assert info.value.file == "page.xml"
    with pytest.raises(FormatError, match="statement"):
        read_akn(f'<akomaNtoso xmlns="{AKN_NS}"/>'.encode())
    with pytest.raises(FormatError, match="mainBody"):
        read_akn(f'<akomaNtoso xmlns="{AKN_NS}"><statement name="resolution"/></akomaNtoso>'.encode())


def test_malformed_xml_names_the_line() -> None:
    with pytest.raises(FormatError) as info:
        read_akn(b"<akomaNtoso>\n<statement>\n</akomaNtoso>", source="broken.xml")
    assert info.value.line is not None and info.value.file == "broken.xml"


def test_foreign_akn4un_document_is_read_from_its_markup() -> None:
    xml = f"""<akomaNtoso xmlns="{AKN_NS}"><statement name="resolution"><meta><identification source="#x">
      <FRBRExpression><FRBRlanguage language="eng"/></FRBRExpression></identification></meta>
      <preface><p><docNumber>71/4</docNumber>. <docTitle>Appointment of the Secretary-General</docTitle></p>
      </preface>
      <preamble><formula name="enactingFormula"><p>The General Assembly,</p></formula>
      <container name="recalling"><p><i class="opening">Recalling</i> its resolution 60/251,</p></container>
      </preamble>
      <mainBody><paragraph eId="para_1"><num>1. </num><content><p>Decides to act;</p></content></paragraph>
      </mainBody></statement></akomaNtoso>"""
    res = read_akn(xml.encode(), source="foreign.xml")
    assert res.language == "en" and res.source == "foreign.xml"
    assert res.heading.resolution_number == "71/4"
    assert res.heading.title == "Appointment of the Secretary-General"
    assert res.heading.body == "The General Assembly"
    assert [p.text for p in res.preamble] == ["Recalling its resolution 60/251,"]
    assert res.preamble[0].annotations.opening == "Recalling"
    assert [(p.number, p.text) for p in res.operative] == [(1, "Decides to act;")]


def test_invalid_document_reports_line_numbers() -> None:
    errors = validate(f'<akomaNtoso xmlns="{AKN_NS}"><statement/></akomaNtoso>')
    assert errors and errors[0].startswith("line 1:")


@pytest.mark.parametrize("name", ["A-72-L.62.zh.txt", "A-RES-73-7.en.txt"])
def test_json_and_akn_carry_the_same_document(name: str) -> None:
    from gcts.formats.json_format import from_json, to_json

    res = structured(name, annotated=True)
    via_json = from_json(to_json(res), source=res.source)
    assert to_akn(via_json) == to_akn(res)
    assert without_spans(read_akn(to_akn(via_json).encode("utf-8"))) == without_spans(via_json)


def test_footnotes_stand_where_their_markers_stood() -> None:
    """A/RES/73/7: the authorialNote follows "Court" inside preamble 2, not the paragraph's end."""
    from gcts.structure import parse_text

    res = parse_text((CORPUS / "A-RES-73-7.en.txt").read_text(encoding="utf-8"))
    xml = to_akn(res)
    assert validate(xml) == []
    tree = etree.fromstring(xml.encode("utf-8"))
    note = tree.find(f".//{{{AKN_NS}}}authorialNote[@marker='1']")
    assert note is not None
    parent = note.getparent()
    assert parent is not None
    assert (parent.text or "").endswith("the International Criminal Court")
    assert (note.tail or "").startswith(" reaffirms the purposes")
    assert read_akn(xml.encode("utf-8")).paragraph("preamble:2").footnote_refs == [(72, 1)]


def test_markers_without_places_go_to_the_end_and_stay_unplaced() -> None:
    """The gold (no marker offsets) keeps its notes at paragraph ends, and reads back without offsets."""
    res = resolution_from_gold()
    assert not any(p.footnote_refs for p in res.paragraphs)
    back = read_akn(to_akn(res).encode("utf-8"))
    assert [p.footnotes for p in back.paragraphs] == [p.footnotes for p in res.paragraphs]
    assert not any(p.footnote_refs for p in back.paragraphs)

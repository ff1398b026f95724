"""Word (DOCX) input: the corpus resolutions written as Word files read back to the same paragraphs and notes.

The fixtures are built from the real corpus (:mod:`tests.reading.docx_builder`): the reference draft A/72/L.62
(Chinese, checked against its gold file) and the English resolutions, with operative numbers typed and made
by Word's automatic numbering, with real Word footnotes. Bad files (not a zip, no ``word/document.xml``, an
OLE ``.doc``, a zip bomb) and random bytes or zips give :class:`InputError` or :class:`StructureError` only.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import zipfile
from functools import cache
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gcts.errors import InputError, StructureError
from gcts.model import Resolution
from gcts.reading import load, load_bytes
from gcts.reading.docx import MAX_UNCOMPRESSED, OLE_MAGIC, extract_text
from tests.cli.running import assert_one_line_error, run
from tests.reading.docx_builder import add_footnotes, build_docx

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "src" / "gcts" / "data" / "corpus"
GOLD = ROOT / "tests" / "fixtures" / "A-72-L.62.zh.gold.json"
REFERENCE = "A-72-L.62.zh"
ENGLISH = ["A-RES-73-6.en", "A-RES-73-7.en", "A-RES-73-8.en"]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@cache
def source(name: str) -> tuple[Resolution, str]:
    path = CORPUS / f"{name}.txt"
    return load(path), path.read_text(encoding="utf-8")


@cache
def docx_of(name: str, automatic_numbers: bool) -> bytes:
    res, text = source(name)
    return build_docx(res, text, automatic_numbers=automatic_numbers)


def paragraphs(res: Resolution) -> list[tuple[str, str, list[int]]]:
    return [(p.id, squeeze(p.text), p.footnotes) for p in res.paragraphs]


def footnotes(res: Resolution) -> list[tuple[int, str, str | None]]:
    return [(f.number, squeeze(f.text), f.cited_in) for f in res.footnotes]


@pytest.mark.parametrize("automatic_numbers", [False, True], ids=["typed", "word-numbering"])
def test_the_reference_draft_as_docx_matches_the_gold(automatic_numbers: bool) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    # The draft's symbol block was lost in the corpus text, so it is given, as for the text itself.
    res = load_bytes(docx_of(REFERENCE, automatic_numbers), source="A-72-L.62.zh.docx", symbol="A/72/L.62")
    assert [(p.index, squeeze(p.text), p.footnotes) for p in res.preamble] == [
        (p["index"], squeeze(p["text"]), p["footnotes"]) for p in gold["preamble"]
    ]
    assert [(p.number, squeeze(p.text), p.footnotes) for p in res.operative] == [
        (p["number"], squeeze(p["text"]), p["footnotes"]) for p in gold["operative"]
    ]
    assert footnotes(res) == [(f["number"], squeeze(f["text"]), f["cited_in"]) for f in gold["footnotes"]]
    for key, value in gold["heading"].items():
        assert getattr(res.heading, key) == value, key


@pytest.mark.parametrize("name", [REFERENCE, *ENGLISH])
@pytest.mark.parametrize("automatic_numbers", [False, True], ids=["typed", "word-numbering"])
def test_docx_reads_like_the_source_text(name: str, automatic_numbers: bool) -> None:
    original, _ = source(name)
    res = load_bytes(docx_of(name, automatic_numbers), source=f"{name}.docx")
    assert paragraphs(res) == paragraphs(original)
    assert footnotes(res) == footnotes(original)
    assert res.heading == original.heading
    assert res.language == original.language


def test_header_and_footer_are_dropped_and_numbers_are_printed() -> None:
    text = extract_text(docx_of("A-RES-73-7.en", True), source="x.docx")
    assert "running head" not in text and "*1812345*" not in text
    original, _ = source("A-RES-73-7.en")
    for p in original.operative:
        assert f"\n{p.number}. {p.text[:20]}" in text


def test_word_numbering_restarts_and_letters() -> None:
    """Numbers come from the numbering definitions: a start override, a lettered level under a decimal one."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(
        _xml(
            '<w:abstractNum w:abstractNumId="7">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
            "</w:lvl>"
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/>'
            "</w:lvl></w:abstractNum>"
        )
    )
    numbering.append(_xml('<w:num w:numId="7"><w:abstractNumId w:val="7"/></w:num>'))
    numbering.append(
        _xml(
            '<w:num w:numId="8"><w:abstractNumId w:val="7"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="40"/></w:lvlOverride></w:num>'
        )
    )
    for num_id, ilvl, text in [(7, 0, "Decides"), (7, 1, "first"), (7, 1, "second"), (7, 0, "Requests"),
                               (7, 1, "again"), (8, 0, "Restarted")]:
        p = document.add_paragraph(text)
        p._p.get_or_add_pPr().append(
            _xml(f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
        )
    out = io.BytesIO()
    document.save(out)
    lines = [x for x in extract_text(out.getvalue(), source="x.docx").splitlines() if x]
    assert lines == ["1. Decides", "(a) first", "(b) second", "2. Requests", "(a) again", "40. Restarted"]


def _xml(fragment: str) -> object:
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    return parse_xml(fragment.replace(">", f" {ns}>", 1) if "xmlns" not in fragment else fragment)


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"plain text, not a zip", "not a zip"),
        (_zip({"mimetype": b"application/vnd.oasis.opendocument.text"}), "word/document.xml"),
        (OLE_MAGIC + bytes(504), ".doc"),
        (b"PK\x03\x04" + bytes(40), "not a zip"),
    ],
    ids=["text", "zip-without-document", "ole", "truncated-zip"],
)
def test_bad_docx_is_an_input_error_naming_the_file(data: bytes, words: str) -> None:
    with pytest.raises(InputError) as info:
        load_bytes(data, source="bad.docx")
    message = str(info.value)
    assert message.startswith("bad.docx: ") and words in message and "\n" not in message


def test_a_zip_bomb_is_refused_before_it_is_inflated() -> None:
    bomb = _zip({"word/document.xml": b"<a/>", "word/media/big.bin": bytes(MAX_UNCOMPRESSED + 1)})
    assert len(bomb) < MAX_UNCOMPRESSED // 100
    with pytest.raises(InputError, match=r"bomb\.docx: unpacks to"):
        load_bytes(bomb, source="bomb.docx")


def test_a_broken_document_part_is_an_input_error() -> None:
    good = docx_of("A-RES-73-8.en", False)
    src = zipfile.ZipFile(io.BytesIO(good))
    broken = _zip({n: (b"<w:document" if n == "word/document.xml" else src.read(n)) for n in src.namelist()})
    with pytest.raises(InputError, match=r"broken\.docx: is not a readable Word document"):
        load_bytes(broken, source="broken.docx")


def test_footnote_entities_are_not_resolved() -> None:
    """The footnotes part is parsed without entity resolution: an external entity stays unread."""
    good = docx_of("A-RES-73-8.en", False)
    src = zipfile.ZipFile(io.BytesIO(good))
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE w:footnotes [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b'<w:footnote w:id="2"><w:p><w:r><w:t>before &x; after</w:t></w:r></w:p></w:footnote></w:footnotes>'
    )
    members = {n: (evil if n == "word/footnotes.xml" else src.read(n)) for n in src.namelist()}
    text = extract_text(_zip(members), source="evil.docx")
    assert text.splitlines()[-1] == "¹ before"  # the entity stays an unexpanded reference node
    assert "root:" not in text


def test_content_decides_not_the_name() -> None:
    data = docx_of("A-RES-73-8.en", False)
    res = load_bytes(data, source="upload.bin")
    assert res.heading.symbol == "A/RES/73/8"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes_named_docx_give_typed_errors(data: bytes) -> None:
    with contextlib.suppress(InputError, StructureError):
        load_bytes(data, source="random.docx")


_PART_NAMES = st.sampled_from(
    ["word/document.xml", "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
     "word/footnotes.xml", "word/numbering.xml", "word/styles.xml", "other.bin"]
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(_PART_NAMES, st.binary(max_size=300), max_size=6), st.booleans())
def test_random_zips_give_typed_errors(members: dict[str, bytes], with_real_parts: bool) -> None:
    if with_real_parts:  # start from a real package and replace some parts with junk
        src = zipfile.ZipFile(io.BytesIO(docx_of("A-RES-73-8.en", False)))
        members = {**{n: src.read(n) for n in src.namelist()}, **members}
    with contextlib.suppress(InputError, StructureError):
        load_bytes(_zip(members), source="random.docx")


def test_footnotes_part_written_by_the_builder_is_read() -> None:
    document = docx.Document()
    p = document.add_paragraph("Recalling the Charter")
    p._p.append(_xml('<w:r><w:footnoteReference w:id="5"/></w:r>'))
    p.add_run(",")
    out = io.BytesIO()
    document.save(out)
    text = extract_text(add_footnotes(out.getvalue(), {4: "Charter of the United Nations."}), source="x.docx")
    assert text.splitlines()[0] == "Recalling the Charter ¹ ,"
    assert text.splitlines()[-1] == "¹ Charter of the United Nations."


def test_cli_parses_docx(tmp_path: Path) -> None:
    path = tmp_path / "A-72-L.62.zh.docx"
    path.write_bytes(docx_of(REFERENCE, True))
    result = run("parse", str(path), "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert [squeeze(p["text"]) for p in data["operative"]] == [squeeze(p["text"]) for p in gold["operative"]]
    assert len(data["footnotes"]) == len(gold["footnotes"])


def test_cli_bad_docx_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(OLE_MAGIC + bytes(504))
    assert_one_line_error(run("parse", str(path)), 3, "old.doc", ".doc")

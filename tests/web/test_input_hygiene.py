"""Bad input is refused cleanly: invalid characters in form data, and upload types (AKN XML accepted)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from gcts.library import models as m
from gcts.web.library.views.upload import type_problem
from gcts.web.middleware import INVALID

pytestmark = pytest.mark.django_db

AKN_OF_THE_REFERENCE = "A-72-L.62.zh.akn"


@pytest.mark.parametrize("bad", ["\x00", "a\x00b", "\x07", "x\x1bx", "\ufffe"])
def test_invalid_characters_in_posted_forms_are_refused(editor: Client, stored_gold: Any, bad: str) -> None:
    response = editor.post(
        "/documents/A-72-L.62.zh/paragraphs/operative:83/correct/",
        {"function": "request", "note": f"typo {bad}"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "Request refused" in response.content.decode()
    assert not m.Correction.objects.exists()  # nothing reached the store


def test_invalid_characters_in_the_api_are_problem_details(editor: Client) -> None:
    response = editor.post("/api/documents", {"language": "zh\x00"})
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert "NUL" in response.json()["detail"]


def test_ordinary_text_passes(editor: Client, stored_gold: Any) -> None:
    response = editor.post(
        "/documents/A-72-L.62.zh/paragraphs/operative:83/correct/",
        {"function": "request", "pillars": "III", "themes": "strategy", "note": "审查\t第 83 段\r\n"},
    )
    assert response.status_code == 302


@given(st.text(max_size=30))
@settings(max_examples=200)
def test_the_invalid_set_is_exactly_the_xml_forbidden_characters(text: str) -> None:
    # XML 1.0 allows tab, LF, CR and U+0020 and up, except the two non-characters U+FFFE and U+FFFF
    # (surrogates cannot come out of decoded form data).
    forbidden = any((ord(c) < 0x20 and c not in "\t\n\r") or c in "\ufffe\uffff" for c in text)
    assert bool(INVALID.search(text)) == forbidden


def test_akn_xml_is_accepted(editor: Client, stored_gold: Any, tmp_path: Path) -> None:
    akn = editor.get("/documents/A-72-L.62.zh/download/akn/").content
    m.Document.objects.all().delete()
    upload = tmp_path / AKN_OF_THE_REFERENCE
    upload.write_bytes(akn)
    with upload.open("rb") as handle:
        response = editor.post("/upload/", {"file": handle})
    assert response.status_code == 302, response.content.decode()[:2000]
    doc = m.Document.objects.get()
    assert doc.symbol == "A/72/L.62" and doc.paragraphs.count() == stored_gold_paragraphs()


def stored_gold_paragraphs() -> int:
    from tests.web.conftest import resolution_from_gold

    res = resolution_from_gold()
    return len(res.preamble) + len(res.operative)


@pytest.mark.parametrize(
    ("name", "head", "accepted"),
    [
        ("a.txt", "联合国".encode(), True),
        ("a.txt", "\ufeff联合国".encode("utf-16"), True),
        ("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00", False),
        ("a.pdf", b"%PDF-1.7\n", True),
        ("a.pdf", b"<html>", False),
        ("a.xml", b'\xef\xbb\xbf<?xml version="1.0"?>', True),
        ("a.akn", b"\n  <akomaNtoso>", True),
        ("a.xml", b"%PDF-1.7", False),
        ("a.docx", b"PK\x03\x04", True),
        ("a.docx", b"\xd0\xcf\x11\xe0", False),
        ("a.odt", b"PK\x03\x04", False),
        ("a", b"text", False),
    ],
)
def test_upload_types(name: str, head: bytes, accepted: bool) -> None:
    assert (type_problem(name, head) is None) == accepted


def test_other_types_get_a_clear_message(editor: Client, tmp_path: Path) -> None:
    upload = tmp_path / "resolution.odt"
    upload.write_bytes(b"PK\x03\x04 open document text")
    with upload.open("rb") as handle:
        response = editor.post("/upload/", {"file": handle}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "Only text (.txt), PDF (.pdf), Word (.docx) and AKN4UN XML (.xml, .akn) files can be added." in (
        response.content.decode()
    )
    with upload.open("rb") as handle:
        api = editor.post("/api/documents", {"file": handle})
    assert api.status_code == 422 and "AKN4UN XML" in api.json()["detail"]
    assert not m.Document.objects.exists()

"""Word (.docx) uploads: the reference draft as a Word file is stored with all its paragraphs, through the
upload page and the API; a Word file that is not one gets the reader's message and nothing is stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.test import Client

from gcts.library import models as m
from gcts.reading.docx import OLE_MAGIC
from tests.reading.test_docx import GOLD, REFERENCE, docx_of

pytestmark = pytest.mark.django_db


def _gold_paragraphs() -> int:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    return len(gold["preamble"]) + len(gold["operative"])


def test_docx_upload_page(editor: Client, tmp_path: Path) -> None:
    upload = tmp_path / "A-72-L.62.zh.docx"
    upload.write_bytes(docx_of(REFERENCE, True))
    with upload.open("rb") as handle:
        response = editor.post("/upload/", {"file": handle, "symbol": "A/72/L.62"})
    assert response.status_code == 302, response.content.decode()[:2000]
    doc = m.Document.objects.get()
    assert doc.symbol == "A/72/L.62"
    assert doc.paragraphs.count() == _gold_paragraphs()


def test_docx_upload_api(editor: Client, tmp_path: Path) -> None:
    upload = tmp_path / "A-72-L.62.zh.docx"
    upload.write_bytes(docx_of(REFERENCE, False))
    with upload.open("rb") as handle:
        response = editor.post("/api/documents", {"file": handle, "symbol": "A/72/L.62"})
    assert response.status_code == 202 and response.json()["state"] == "done", response.content.decode()[
        :2000
    ]
    assert m.Document.objects.get().paragraphs.count() == _gold_paragraphs()


def test_a_doc_renamed_docx_is_refused_with_a_reason(editor: Client, tmp_path: Path) -> None:
    upload = tmp_path / "old.docx"
    upload.write_bytes(b"PK\x03\x04" + OLE_MAGIC + bytes(100))  # passes the type check, is no zip
    with upload.open("rb") as handle:
        response = editor.post("/upload/", {"file": handle}, HTTP_ACCEPT_LANGUAGE="en", follow=True)
    assert response.redirect_chain[0][0].startswith("/jobs/")  # the file is read as a job
    assert "not a zip package" in response.content.decode()
    assert not m.Document.objects.exists()

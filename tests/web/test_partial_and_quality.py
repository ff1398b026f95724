"""Partial documents are marked everywhere; the quality report is complete and in the interface language."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.utils import translation

from gcts.library.models import Document
from gcts.web.library.findings import findings, is_partial

# The findings the reader makes for the first page of A/RES/72/284 (as stored by the bundled corpus).
PARTIAL_QUALITY = [
    {"code": "excerpt-note", "severity": "info", "line": 43, "where": "line 43",
     "message": "the text ends with an editor's note, not part of the document: "
                "'[... EXCERPT ENDS HERE: para. 4 onwards not reproduced ...]'"},
    {"code": "partial", "severity": "warning", "line": None, "where": "operative",
     "message": "the text is partial: no operative paragraphs: the text ends after preambular paragraph 3"},
    {"code": "cut", "severity": "warning", "line": 42, "where": "preamble:3",
     "message": "last paragraph is cut: preamble:3 ends 'on preventing violent'"},
    {"code": "unexpected-ending", "severity": "warning", "line": 7, "where": "operative:74",
     "message": "operative paragraph 74 ends with '，'"},
]


def test_the_chinese_report_is_complete_and_leaks_no_editor_note() -> None:
    with translation.override("zh-hans"):
        shown = findings(PARTIAL_QUALITY)
    text = " ".join(f"{f.where} {f.message}" for f in shown)
    assert "EXCERPT" not in text and "editor" not in text
    assert [f.where for f in shown] == ["第 43 行", "执行部分", "序言部分第 3 段", "执行部分第 74 段"]
    assert "序言部分第 3 段" in shown[1].message and "“on preventing violent”" in shown[2].message
    assert "“，”" in shown[3].message and not any(f.english for f in shown)
    assert [f.anchor for f in shown] == ["", "", "preamble-3", "operative-74"]
    assert [f.line for f in shown] == ["", "", "第 42 行", "第 7 行"]  # never "第 43 行 (43)" twice
    assert all("第 段" not in f.where for f in shown)


def test_an_unknown_finding_keeps_its_english_words_marked_as_english() -> None:
    with translation.override("zh-hans"):
        (f,) = findings([{"code": "new-kind", "severity": "info", "where": "", "message": "something new"}])
    assert f.english and f.message == "something new" and f.severity_name != "info"


def _make_partial(doc: Any) -> None:
    Document.objects.filter(pk=doc.pk).update(quality=PARTIAL_QUALITY)


def test_a_partial_document_is_marked_in_the_library_reading_view_and_quality_report(
    client: Client, stored_gold: Any
) -> None:
    _make_partial(stored_gold)
    zh = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}
    library = client.get("/", **zh).content.decode()
    assert '<span class="badge partial"' in library
    reading = client.get(f"/documents/{stored_gold.slug}/", **zh).content.decode()
    assert 'class="notice partial"' in reading and "不是完整的文件" in reading
    assert "文本不完整：没有执行部分段落，文本止于序言部分第 3 段。" in reading
    report = client.get(f"/documents/{stored_gold.slug}/quality/", **zh).content.decode()
    assert "EXCERPT ENDS HERE" not in report and "执行部分第 段" not in report
    assert "警告" in report and ">warning<" not in report  # severities named in the interface language


def test_every_comparison_says_a_compared_document_is_partial(client: Client, stored_gold: Any) -> None:
    from gcts.library.store import store_resolution
    from tests.web.conftest import adopted_variant, resolution_from_gold

    adopted = store_resolution(adopted_variant(resolution_from_gold()))
    _make_partial(adopted)
    assert is_partial(Document.objects.get(pk=adopted.pk).quality)
    page = client.get("/compare/", {"old": stored_gold.slug, "new": adopted.slug},
                      HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'class="notice partial"' in page and "A/RES/72/284 (zh) is not the whole document" in page
    api = client.get("/api/comparisons", {"old": stored_gold.slug, "new": adopted.slug}).json()
    assert api["partial"] and api["partial"][0].startswith("A/RES/72/284 (zh) is partial: ")
    listed = {d["slug"]: d["partial"] for d in client.get("/api/documents").json()}
    assert listed[adopted.slug] and listed[stored_gold.slug] == []

"""The REST API: documents, paragraphs with annotations, search, mandates, actors; problem details on errors;
and tests generated from its own OpenAPI description (schemathesis) that must find no server error."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.contrib.auth.models import Group, User
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

pytestmark = pytest.mark.django_db


def test_openapi_description_lists_the_endpoints(client: Client) -> None:
    spec = client.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert {
        "/api/documents",
        "/api/documents/{slug}",
        "/api/search",
        "/api/comparisons",
        "/api/mandates",
        "/api/actors",
    } <= set(spec["paths"])
    assert client.get("/api/docs").status_code == 200


def test_document_with_paragraphs_and_annotations(client: Client, stored_gold: Any) -> None:
    assert [d["slug"] for d in client.get("/api/documents", {"language": "zh"}).json()] == ["A-72-L.62.zh"]
    doc = client.get("/api/documents/A-72-L.62.zh").json()
    p83 = next(p for p in doc["paragraphs"] if p["id"] == "operative:83")
    assert p83["function"] == "request"
    assert [(m["actor"], m["deadline"], m["session"]) for m in p83["mandates"]] == [
        ("secretary_general", "2019-05", 73)
    ]
    assert len(doc["paragraphs"]) == 123 and len(doc["footnotes"]) == 11


def test_search_returns_document_paragraph_and_snippet(client: Client, stored_gold: Any) -> None:
    body = client.get("/api/search", {"q": "外国恐怖主义作战人员"}).json()
    assert body["count"] > 0
    hit = body["results"][0]
    assert hit["document"] == "A-72-L.62.zh" and hit["paragraph"].startswith(("preamble:", "operative:"))
    assert "外国恐怖主义作战人员" in hit["snippet"] or all(w in hit["snippet"] for w in body["words"])


def test_errors_are_problem_details(client: Client) -> None:
    response = client.get("/api/documents/no-such-document")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404
    response = client.get("/api/search", {"limit": "many"})
    assert response.status_code == 422 and response["Content-Type"] == "application/problem+json"


def test_writes_need_an_editor(client: Client, tmp_path: Any) -> None:
    upload = tmp_path / "x.txt"
    upload.write_text("nothing", encoding="utf-8")
    with upload.open("rb") as handle:
        response = client.post("/api/documents", {"file": handle})
    assert response.status_code == 401 and response["Content-Type"] == "application/problem+json"
    User.objects.create_user("reader", password="x-reader-1")
    with upload.open("rb") as handle:
        response = client.post(
            "/api/documents", {"file": handle}, HTTP_AUTHORIZATION="Basic cmVhZGVyOngtcmVhZGVyLTE="
        )  # reader:x-reader-1
    assert response.status_code == 401


def test_an_editor_gets_a_clear_refusal_for_a_bad_file(client: Client, tmp_path: Any) -> None:
    editor = User.objects.create_user("ed", password="x-editor-1")
    editor.groups.add(Group.objects.get(name="editor"))
    bad = tmp_path / "fake.pdf"
    bad.write_bytes(b"not a pdf")
    with bad.open("rb") as handle:
        response = client.post(
            "/api/documents", {"file": handle}, HTTP_AUTHORIZATION="Basic ZWQ6eC1lZGl0b3ItMQ=="
        )  # ed:x-editor-1
    assert response.status_code == 422 and "type" in response.json()["detail"]


def _schema() -> Any:
    from gcts.web.wsgi import application

    return schemathesis.openapi.from_wsgi("/api/openapi.json", application)


schema = _schema().include(method="GET")


@pytest.fixture
def keep_test_connection() -> Iterator[None]:
    """Keep the test transaction's connection open across raw WSGI calls, as Django's own test client does.

    The WSGI handler closes "old" connections at each request's end; inside the test transaction (autocommit
    off) PostgreSQL's connection would count as unusable and be closed under the test.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_generated_requests_find_no_server_error(
    case: Any, stored_gold: Any, keep_test_connection: None
) -> None:
    case.call_and_validate(checks=[not_a_server_error])


def test_nul_characters_are_refused_before_the_database(client: Client) -> None:
    # Found by schemathesis on PostgreSQL, whose text cannot hold U+0000: it used to be a server error.
    response = client.get("/api/mandates", {"status": "a\x00b"})
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert client.get("/search/", {"q": "\x00"}).status_code == 400

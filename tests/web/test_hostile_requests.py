"""Hostile requests to the pages and the API (issue 10's probes), each kept as a test so it stays fixed."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.test import Client

from gcts.library import models as m

pytestmark = pytest.mark.django_db
XSS_LANGUAGE = 'en"><script>alert(1)</script>'
EDITOR_BASIC = "Basic ZWQ6eC1lZGl0b3ItMQ=="  # ed:x-editor-1


@pytest.fixture
def basic_editor(db: Any) -> None:
    User.objects.create_user("ed", password="x-editor-1").groups.add(Group.objects.get(name="editor"))


def _gcts_json(language: str = "en", symbol: str = "A/RES/1/1") -> bytes:
    doc = {
        "schema": "gcts/1",
        "language": language,
        "heading": {"symbol": symbol},
        "preamble": [],
        "operative": [{"part": "operative", "index": 1, "number": 1, "text": "Decides to remain seized."}],
    }
    return json.dumps(doc).encode()


def _post(client: Client, tmp_path: Path, name: str, data: bytes, **extra: Any) -> Any:
    f = tmp_path / "upload.bin"
    f.write_bytes(data)
    with f.open("rb") as handle:
        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = SimpleUploadedFile(name, handle.read())
    return client.post("/api/documents", {"file": upload}, **extra)


@pytest.mark.parametrize(
    ("language", "symbol"),
    [(XSS_LANGUAGE, "A/RES/1/1"), ("en/../x", "A/RES/1/1"), ("en", "A/RES/" + "1" * 300), ("english", "A/1")],
)
def test_bad_fields_in_an_upload_are_422_naming_the_field_and_store_nothing(
    client: Client, basic_editor: None, tmp_path: Path, language: str, symbol: str
) -> None:
    response = _post(
        client, tmp_path, "gcts.txt", _gcts_json(language, symbol), HTTP_AUTHORIZATION=EDITOR_BASIC
    )
    assert response.status_code == 202, response.content  # the file is read as a job (run at once in tests)
    job = client.get(response["Location"], HTTP_AUTHORIZATION=EDITOR_BASIC).json()
    assert job["state"] == "failed" and job["document"] is None
    assert "[language]" in job["error"] or "[heading.symbol]" in job["error"]
    assert not m.Document.objects.exists()
    assert client.get("/").status_code == 200 and client.get("/api/documents").status_code == 200


def test_a_language_given_with_the_upload_is_checked_too(
    client: Client, basic_editor: None, tmp_path: Path
) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Decides", encoding="utf-8")
    with f.open("rb") as handle:
        response = client.post(
            "/api/documents", {"file": handle, "language": "x/y"}, HTTP_AUTHORIZATION=EDITOR_BASIC
        )
    assert response.status_code == 422 and "language" in response.json()["detail"]


def test_a_270_byte_file_name_is_stored_shortened(client: Client, basic_editor: None, tmp_path: Path) -> None:
    name = "a" * 265 + ".txt"
    response = _post(client, tmp_path, name, _gcts_json(symbol=""), HTTP_AUTHORIZATION=EDITOR_BASIC)
    assert response.status_code == 202 and response.json()["state"] == "done", response.content
    doc = m.Document.objects.get()
    assert len(doc.source) <= 255 and doc.source.endswith(".txt") and len(doc.slug) <= 120


def test_the_kept_upload_stays_in_its_folder_and_is_private(
    editor: Client, tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "uploads"
    f = tmp_path / "up.txt"
    f.write_bytes(_gcts_json(symbol="A/../../etc"))
    with f.open("rb") as handle:
        response = editor.post("/upload/", {"file": handle})
    assert response.status_code == 302, response.content.decode()[:500]
    kept = list(Path(settings.MEDIA_ROOT).iterdir())
    assert len(kept) == 1 and kept[0].parent == Path(settings.MEDIA_ROOT)
    assert kept[0].stat().st_mode & 0o077 == 0


def test_writes_without_credentials_are_401_even_when_csrf_is_enforced(tmp_path: Path) -> None:
    client = Client(enforce_csrf_checks=True)
    for cookies in ({}, {"sessionid": "forged"}, {"csrftoken": "x" * 32}):
        client.cookies.clear()
        for k, v in cookies.items():
            client.cookies[k] = v
        response = _post(client, tmp_path, "a.txt", b"Decides")
        assert response.status_code == 401, (cookies, response.content)
        assert response["Content-Type"] == "application/problem+json"


def test_a_signed_in_session_without_its_csrf_token_is_403(tmp_path: Path, db: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    User.objects.create_user("ed", password="x-editor-1").groups.add(Group.objects.get(name="editor"))
    client.login(username="ed", password="x-editor-1")
    response = _post(client, tmp_path, "a.txt", b"Decides")
    assert response.status_code == 403 and response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    "query", [{"year": "²"}, {"year": "٢٠١٨"}, {"year": "9" * 50}, {"language": "x" * 500}]
)
def test_odd_filters_answer_normally(client: Client, stored_gold: Any, query: dict[str, str]) -> None:
    assert client.get("/", query).status_code == 200
    assert client.get("/api/documents", query).status_code == 200


@pytest.mark.parametrize("page", ["99999999999999999999999", "9" * 5000, "-3", "1e9"])
def test_huge_page_numbers_show_the_last_page(client: Client, stored_gold: Any, page: str) -> None:
    assert client.get("/search/", {"q": "恐怖主义", "page": page}).status_code == 200


def test_every_page_and_answer_carries_a_strict_content_security_policy(
    client: Client, stored_gold: Any
) -> None:
    for url in (
        "/",
        "/documents/A-72-L.62.zh/",
        "/search/?q=x",
        "/accounts/login/",
        "/api/documents",
        "/nope/",
    ):
        policy = client.get(url)["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, url
        assert "frame-ancestors 'none'" in policy


def test_the_pages_hold_no_inline_script_or_style(client: Client, stored_gold: Any) -> None:
    import re

    for url in ("/", "/documents/A-72-L.62.zh/", "/search/?q=%E6%81%90%E6%80%96", "/mandates/", "/compare/"):
        html = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)", html), url
        assert "<style" not in html and " style=" not in html, url
        assert not re.search(r"\son[a-z]+=", html), url


def test_search_snippets_never_cut_an_entity(client: Client, db: Any) -> None:
    from gcts.library.search import snippet

    text = "Tom & Jerry <b> say amp and lt"
    html = str(snippet(text, ["amp", "lt"]))
    assert "&amp;" in html and "&lt;b&gt;" in html and "<mark>amp</mark>" in html
    assert "&<mark>" not in html


def test_sign_in_is_throttled_after_repeated_failures(client: Client, db: Any) -> None:
    User.objects.create_user("ed", password="x-editor-1")
    for _ in range(10):
        assert client.post("/accounts/login/", {"username": "ed", "password": "wrong"}).status_code == 200
    response = client.post("/accounts/login/", {"username": "ed", "password": "x-editor-1"})
    assert response.status_code == 429 and "Retry-After" in response
    api = client.post("/api/documents", {}, HTTP_AUTHORIZATION="Basic ZWQ6eC1lZGl0b3ItMQ==")
    assert api.status_code == 429 and api["Content-Type"] == "application/problem+json"
    from django.core.cache import cache

    cache.clear()


def test_the_sqlite_file_is_made_private_before_sqlite_opens_it(tmp_path: Path) -> None:
    from gcts.store.home import private_file

    fresh = private_file(tmp_path / "gcts.sqlite3")
    old = tmp_path / "old.sqlite3"
    old.write_bytes(b"")
    old.chmod(0o644)
    private_file(old)
    assert fresh.stat().st_mode & 0o777 == 0o600 and old.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    "error", [OSError(errno.ENOSPC, "No space left on device"), OSError(errno.EROFS, "Read-only file system")]
)
def test_a_full_or_read_only_home_is_told_plainly(
    client: Client, basic_editor: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError
) -> None:
    from gcts.library import store
    from gcts.web.library import uploads

    def fail(*args: Any, **kwargs: Any) -> Any:
        raise error

    # While the job stores the document: the job fails saying so.
    monkeypatch.setattr(store, "store_resolution", fail)
    response = _post(client, tmp_path, "a.txt", _gcts_json(), HTTP_AUTHORIZATION=EDITOR_BASIC)
    assert response.status_code == 202 and "data folder" in response.json()["error"]
    # While the request keeps the file for its job: 503 problem details, no server path.
    monkeypatch.setattr(uploads, "store_input", fail)
    response = _post(client, tmp_path, "a.txt", _gcts_json(), HTTP_AUTHORIZATION=EDITOR_BASIC)
    assert response.status_code == 503 and response["Content-Type"] == "application/problem+json"
    assert (
        "data folder" in response.json()["detail"]
        and str(settings.GCTS_HOME) not in response.content.decode()
    )
    assert not m.Document.objects.exists()


def test_an_unexpected_api_error_is_problem_details_without_path_or_stack(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gcts.web.api import app

    def fail(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError(f"boom in {os.getcwd()}/secret.py")

    monkeypatch.setattr(app, "_summary", fail)
    m.Document.objects.create(slug="x.en", language="en")
    client.raise_request_exception = False
    response = client.get("/api/documents")
    assert response.status_code == 500 and response["Content-Type"] == "application/problem+json"
    assert "secret.py" not in response.content.decode() and "Traceback" not in response.content.decode()


def test_the_openapi_description_lists_every_status(client: Client) -> None:
    spec = client.get("/api/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            assert {"400", "422", "500", "503"} <= set(op["responses"]), (method, path)
            if method != "get":
                assert {"401", "403", "429"} <= set(op["responses"]), (method, path)

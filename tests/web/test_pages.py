"""The server-rendered pages, through Django's test client (no JavaScript)."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from gcts.library import models as m

pytestmark = pytest.mark.django_db


def test_library_lists_and_filters(client: Client, stored_gold: Any) -> None:
    page = client.get("/", {"language": "zh"}).content.decode()
    assert "A/72/L.62" in page and "联合国全球反恐战略审查" in page
    assert "A/72/L.62" not in client.get("/", {"language": "en"}).content.decode()
    reviews = {"kind": "draft", "year": "2018", "series": "gcts-review"}
    assert "A/72/L.62" in client.get("/", reviews).content.decode()


def test_reading_view_shows_paragraph_83_with_its_mandate(client: Client, stored_gold: Any) -> None:
    html = client.get("/documents/A-72-L.62.zh/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    start = html.index('id="operative-83"')
    section = html[start : html.index("</section>", start)]
    assert '<strong class="opening">请</strong>' in section
    assert "2019-05" in section and "Mandate" in section
    assert 'id="fn-1"' in html and 'href="#preamble-3"' in html


def test_mandate_exports(client: Client, stored_gold: Any) -> None:
    csv = client.get("/mandates.csv", HTTP_ACCEPT_LANGUAGE="en").content.decode("utf-8-sig")
    assert "A/72/L.62,operative paragraph 83,Secretary-General,requests," in csv
    ics = client.get("/mandates.ics").content.decode()
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and "DTSTART;VALUE=DATE:20190531" in ics
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))


def test_search_page_links_to_the_paragraph(client: Client, stored_gold: Any) -> None:
    html = client.get("/search/", {"q": "外国恐怖主义作战人员"}).content.decode()
    assert "/documents/A-72-L.62.zh/#operative-" in html and "<mark>" in html


def test_admin_needs_a_sign_in(client: Client) -> None:
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_upload_needs_an_editor(client: Client) -> None:
    assert client.get("/upload/").status_code == 302
    User.objects.create_user("reader", password="x-reader-1")
    client.login(username="reader", password="x-reader-1")
    assert client.get("/upload/").status_code == 403


def test_a_bad_upload_is_refused_and_nothing_is_stored(client: Client, tmp_path: Any) -> None:
    editor = User.objects.create_user("ed", password="x-editor-1")
    editor.groups.add(Group.objects.get(name="editor"))
    client.login(username="ed", password="x-editor-1")
    fake_pdf = tmp_path / "x.pdf"
    fake_pdf.write_bytes(b"this is not a PDF at all")
    with fake_pdf.open("rb") as handle:
        response = client.post("/upload/", {"file": handle})
    assert response.status_code == 400
    assert "does not match its type" in response.content.decode() or "不符" in response.content.decode()
    assert m.Document.objects.count() == 0


def test_an_editor_correction_is_kept_with_who_and_when(client: Client, stored_gold: Any) -> None:
    editor = User.objects.create_user("ed", password="x-editor-1")
    editor.groups.add(Group.objects.get(name="editor"))
    client.login(username="ed", password="x-editor-1")
    response = client.post(
        "/documents/A-72-L.62.zh/paragraphs/operative:83/correct/",
        {"function": "request", "pillars": "III,IV", "themes": "strategy,un_coordination"},
    )
    assert response.status_code == 302
    corr = m.Correction.objects.get()
    assert (corr.user, corr.field, corr.old, corr.new) == (editor, "pillars", ["III"], ["III", "IV"])
    para = m.Paragraph.objects.get(document=stored_gold, pid="operative:83")
    assert para.labels.get(kind="pillar", value="IV").method == "person"


def test_forms_carry_a_csrf_token(stored_gold: Any) -> None:
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/i18n/setlang/", {"language": "en"}).status_code == 403
    assert "csrfmiddlewaretoken" in strict.get("/").content.decode()


def test_language_switch(client: Client, stored_gold: Any) -> None:
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Resolution library" in client.get("/").content.decode()
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    assert "决议库" in client.get("/").content.decode()


def test_search_counts_and_pages(client: Client, stored_gold: Any) -> None:
    from gcts.library.search import search

    _words, qs = search("会员国")
    many = qs.count()
    assert many > 20  # more than one page of hits
    html = client.get("/search/", {"q": "会员国"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"{many} paragraphs found" in html and html.count('<a class="hit"') == 20
    second = client.get("/search/", {"q": "会员国", "page": "2"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert second.count('<a class="hit"') == min(20, many - 20) and "2 / " in second
    _words, few = search("外国恐怖主义作战人员")
    n = few.count()
    assert 0 < n <= 20
    html = client.get("/search/", {"q": "外国恐怖主义作战人员"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert html.count('<a class="hit"') == n
    assert (f"{n} paragraphs found" if n > 1 else "1 paragraph found") in html

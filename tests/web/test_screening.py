"""Screening pages and ``/api/screen``: analysts only, a run from an upload, decisions with who and when."""

from __future__ import annotations

import base64
import json

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from gcts.sanctions.models import Decision, Hit, ListSnapshot, ScreeningRun
from gcts.sanctions.store import index_of, listing_of, load_snapshot
from gcts.screening.consolidated_list import read_consolidated_list, shipped_list_path
from gcts.screening.records import Record
from gcts.screening.screen import screen_records

pytestmark = pytest.mark.django_db

CSV = (
    b"full_name,date_of_birth,nationality\nSALEK Abdulhai,1965,af\nMaja Lindqvist,1985-11-30,Sweden\n"
    b"Abdulhai Salek,1965,<script>alert(1)</script>\n"
)


def _xml() -> bytes:
    import gzip

    return gzip.decompress(shipped_list_path().read_bytes())


@pytest.fixture
def snapshot() -> ListSnapshot:
    return load_snapshot(_xml(), "UNSC-consolidated-list.xml")[0]


@pytest.fixture
def analyst() -> User:
    user = User.objects.create_user("ana", password="x-analyst-1")
    user.groups.add(Group.objects.get(name="analyst"))
    return user


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def test_store_round_trip_keeps_the_list(snapshot: ListSnapshot) -> None:
    original = read_consolidated_list(shipped_list_path())
    assert listing_of(snapshot) == original
    assert (snapshot.individuals, snapshot.entities) == (len(original.individuals), len(original.entities))
    again, new = load_snapshot(_xml(), "same.xml")
    assert not new and again.pk == snapshot.pk and ListSnapshot.objects.count() == 1


def test_hostile_list_stores_nothing() -> None:
    from gcts.errors import FormatError

    with pytest.raises(FormatError):
        load_snapshot(b'<!DOCTYPE x [<!ENTITY a "b">]><CONSOLIDATED_LIST/>', "bad.xml")
    assert ListSnapshot.objects.count() == 0


def test_pages_need_an_analyst(client: Client, snapshot: ListSnapshot) -> None:
    assert client.get("/screening/").status_code == 302
    User.objects.create_user("reader", password="x-reader-1")
    client.login(username="reader", password="x-reader-1")
    assert client.get("/screening/").status_code == 403


def test_run_review_and_decisions(client: Client, snapshot: ListSnapshot, analyst: User) -> None:
    client.login(username="ana", password="x-analyst-1")
    page = client.get("/screening/")
    assert page.status_code == 200 and "Start a screening run" in page.content.decode()
    response = client.post(
        "/screening/", {"file": SimpleUploadedFile("clients.csv", CSV), "threshold": "0.6"}
    )
    run = ScreeningRun.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/screening/runs/{run.pk}/"
    assert run.records == 3 and run.started_by == analyst
    expected = screen_records([Record(row=1, name="SALEK Abdulhai")], index_of(snapshot), 0.6)[0].hits[0]
    expected = expected.reference_number
    first = Hit.objects.get(run=run, row=1, rank=1)
    assert first.reference_number == expected
    html = client.get(f"/screening/runs/{run.pk}/").content.decode()
    assert expected in html and "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    client.post(f"/screening/hits/{first.pk}/decide/", {"verdict": "false_positive", "note": "other DOB"})
    client.post(f"/screening/hits/{first.pk}/decide/", {"verdict": "true_match", "note": "passport seen"})
    decisions = list(Decision.objects.filter(hit=first).order_by("decided_at", "id"))
    assert [(d.verdict, d.note, d.decided_by) for d in decisions] == [
        ("false_positive", "other DOB", analyst),
        ("true_match", "passport seen", analyst),
    ]
    assert first.decision == decisions[-1] and all(d.decided_at for d in decisions)
    html = client.get(f"/screening/runs/{run.pk}/").content.decode()
    assert "passport seen" in html and "Earlier decisions" in html
    assert client.post(f"/screening/hits/{first.pk}/decide/", {"verdict": "maybe"}).status_code == 302
    assert Decision.objects.filter(hit=first).count() == 2


def test_bad_upload_is_one_message(client: Client, snapshot: ListSnapshot, analyst: User) -> None:
    client.login(username="ana", password="x-analyst-1")
    bad = SimpleUploadedFile("bad.csv", b"full_name,dob\nA B,soon\n")
    page = client.post("/screening/", {"file": bad}, follow=True).content.decode()
    assert "bad.csv:1 [dob]: not a date of birth" in page and ScreeningRun.objects.count() == 0


def test_api_screen_one_record(client: Client, snapshot: ListSnapshot, analyst: User) -> None:
    body = {"name": "Abdulhai Salek", "date_of_birth": "1965", "nationality": "Afghanistan"}
    assert client.post("/api/screen", json.dumps(body), content_type="application/json").status_code == 401
    response = client.post(
        "/api/screen",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=_basic("ana", "x-analyst-1"),
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["list_date"] == str(snapshot.snapshot_date) and data["matches"]
    top = data["matches"][0]
    assert (
        set(top) == {"reference_number", "score", "name", "explanation"} and top["score"] >= data["threshold"]
    )
    assert ScreeningRun.objects.count() == 0  # one record through the API is not kept
    bad = client.post(
        "/api/screen",
        json.dumps({"name": "A", "date_of_birth": "soon"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=_basic("ana", "x-analyst-1"),
    )
    assert bad.status_code == 422 and "date_of_birth" in bad.json()["detail"]

"""The registry's pages, API and exports for every role: no restricted id, name, amount or text reaches a
person without the right; lists and totals say how many restricted records they do not show."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from gcts.registry import roles
from gcts.registry.models import AccessLog, Activity, Flow
from gcts.registry.sample import load_sample
from tests.web.registry_helpers import IDENT, filled_template, person

pytestmark = pytest.mark.django_db

SECRET_TEXT = "Review the terrorism offences of the penal code"  # Mali, owner only
SECRET_ACTIVITY = "SAMPLE-UNOCT-CTED-TA"  # visible to UN entities
PAGES = [
    "/registry/",
    "/registry/activities/",
    "/registry/recommendations/",
    "/registry/assistance/",
    "/registry/export.xml",
    "/registry/export.xlsx",
    "/api/registry/activities?limit=500",
    "/api/registry/recommendations",
    "/api/registry/export.xml",
]


@pytest.fixture
def sample(db: Any) -> None:
    load_sample()


def _client(user: Any | None) -> Client:
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


def _everything(c: Client) -> bytes:
    out = b""
    for url in PAGES:
        r = c.get(url)
        assert r.status_code == 200, url
        out += r.content
    return out


def test_every_door_hides_what_each_role_may_not_see(sample: None) -> None:
    cases = {  # who: (sees the owner-only recommendation text, sees the UN-entities activity)
        "public": (None, False, False),
        "france": ((roles.STATE_FOCAL_POINT, "FRA"), False, False),
        "mali": ((roles.STATE_FOCAL_POINT, "MLI"), True, False),
        "unodc": ((roles.ENTITY_FOCAL_POINT, "UNODC"), False, True),
        "office": ((roles.COORDINATOR, "UNOCT"), False, True),
        "admin": ((roles.ADMINISTRATOR, None), True, True),
    }
    for who, (role, sees_secret, sees_un) in cases.items():
        user = person(who, *role) if role else None
        body = _everything(_client(user))
        assert (SECRET_TEXT.encode() in body) is sees_secret, who
        assert (SECRET_ACTIVITY.encode() in body) is sees_un, who
        detail = _client(user).get(f"/registry/activities/{SECRET_ACTIVITY}/")
        assert detail.status_code == (200 if sees_un else 404), who
        api = _client(user).get(f"/api/registry/activities/{SECRET_ACTIVITY}")
        assert api.status_code == (200 if sees_un else 404), who


def test_the_public_sees_that_restricted_records_exist(sample: None) -> None:
    page = Client().get("/registry/recommendations/").content.decode()
    assert "restricted records not shown" in page and SECRET_TEXT not in page
    data = json.loads(Client().get("/api/registry/recommendations").content)
    assert data["restricted_not_shown"] >= 1 and all(SECRET_TEXT not in str(r) for r in data["results"])


def test_hidden_amounts_and_suppressed_totals_stay_hidden(sample: None) -> None:
    secret = next(f for f in Flow.objects.all() if f.field_visibility.get("value"))
    page = Client().get(f"/registry/activities/{secret.destination_activity.ref}/").content.decode()
    shown = f"{secret.value:,.0f} {secret.currency}"
    same = Flow.objects.filter(destination_activity=secret.destination_activity, value=secret.value).count()
    assert page.count(shown) == same - 1 and "not shown" in page  # the other instalments are public
    totals = json.loads(Client().get("/api/registry/totals/pillar").content)
    assert totals["restricted_records"] == 1 and totals["cells"][0][-1] is None  # the grand total
    admin = _client(person("root", roles.ADMINISTRATOR, None))
    full = json.loads(admin.get("/api/registry/totals/pillar").content)
    assert None not in full["cells"][0]


def test_restricted_readings_are_logged(sample: None) -> None:
    office = _client(person("office2", roles.COORDINATOR, "UNOCT"))
    before = AccessLog.objects.filter(ref=SECRET_ACTIVITY).count()
    office.get(f"/registry/activities/{SECRET_ACTIVITY}/")
    office.get(f"/api/registry/activities/{SECRET_ACTIVITY}")
    assert AccessLog.objects.filter(ref=SECRET_ACTIVITY).count() == before + 2


def test_import_page_all_or_nothing_then_the_activity(db: Any) -> None:
    c = _client(person("fp", roles.ENTITY_FOCAL_POINT, "UNODC"))
    bad = c.post("/registry/import/", {"file": _upload(filled_template(bad=True))})
    assert b"R004" in bad.content and b"pillars" in bad.content
    assert not Activity.objects.filter(iati_identifier=IDENT).exists()
    good = c.post("/registry/import/", {"file": _upload(filled_template(bad=False))})
    assert good.status_code == 200 and Activity.objects.filter(iati_identifier=IDENT).exists()
    assert (
        Client().post("/registry/import/", {"file": _upload(filled_template(bad=False))}).status_code == 302
    )


def test_the_form_uses_the_import_rules(db: Any) -> None:
    c = _client(person("fp2", roles.ENTITY_FOCAL_POINT, "UNODC"))
    form = {
        "identifier": "XM-DAC-41128-FORM-1",
        "title_en": "Form",
        "reporting_org": "UNODC",
        "status": "2",
        "planned_start": "2025-01-01",
        "visibility": "public",
        "pillars": "II:60",
        "countries": "MLI:100",
    }
    r = c.post("/registry/activities/new/", form)
    assert r.status_code == 200 and b"R007" in r.content
    r = c.post(
        "/registry/activities/new/", {**form, "pillars": "II:60, IV:40", "paragraphs": "A/RES/72/284 66"}
    )
    assert r.status_code == 302
    act = Activity.objects.get(iati_identifier="XM-DAC-41128-FORM-1")
    assert act.paragraph_links.get().pid == "operative:66"
    other = _client(person("fp3", roles.ENTITY_FOCAL_POINT, "UNDP"))
    assert other.get(f"/registry/activities/{act.ref}/edit/").status_code == 404  # a draft: not even seen
    assert c.post(f"/registry/activities/{act.ref}/workflow/", {"state": "submitted"}).status_code == 302
    assert c.post(f"/registry/activities/{act.ref}/workflow/", {"state": "published"}).status_code == 403
    office = _client(person("office3", roles.COORDINATOR, "UNOCT"))
    assert office.post(f"/registry/activities/{act.ref}/workflow/", {"state": "published"}).status_code == 302
    act.refresh_from_db()
    assert act.workflow == "published" and act.history.count() >= 3  # every change kept
    assert other.get(f"/registry/activities/{act.ref}/edit/").status_code == 403


def _upload(data: bytes) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("registry.xlsx", data)

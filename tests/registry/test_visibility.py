"""Confidentiality for every role against records, fields, exports and aggregates of the sample registry."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group, User

from gcts.registry import roles
from gcts.registry.aggregates import report
from gcts.registry.exporting import export_xlsx
from gcts.registry.iati_out import export_iati
from gcts.registry.models import AccessLog, Activity, Affiliation, Flow, Organisation, Recommendation
from gcts.registry.sample import load_sample
from gcts.registry.suppression import TOTAL, recomputable
from gcts.registry.visibility import ANONYMOUS, can_read, hidden_fields, restricted_count, viewer_for, visible

pytestmark = pytest.mark.django_db


def _user(name: str, group: str | None, org: str | None) -> Any:
    user = User.objects.create_user(name, password="pw-long-enough")
    if group:
        user.groups.add(Group.objects.get(name=group))
    if org:
        Affiliation.objects.create(user=user, organisation=Organisation.objects.get(ref=org))
    return viewer_for(user)


@pytest.fixture
def people(db: Any) -> dict[str, Any]:
    load_sample()
    return {
        "public": ANONYMOUS,
        "mali": _user("mali", roles.STATE_FOCAL_POINT, "MLI"),
        "france": _user("france", roles.STATE_FOCAL_POINT, "FRA"),
        "unodc": _user("unodc", roles.ENTITY_FOCAL_POINT, "UNODC"),
        "cted": _user("cted", roles.ENTITY_FOCAL_POINT, "CTED"),
        "office": _user("office", roles.COORDINATOR, "UNOCT"),
        "admin": _user("admin", roles.ADMINISTRATOR, None),
    }


CONFIDENTIAL = "SAMPLE-CTED-MLI-2023-R2"  # owner-only: the assessed State (Mali) and the assessor (CTED)
UN_ONLY = "SAMPLE-CTED-MLI-2023-R1"  # visibility un_entities, Mali consents to UN entities


EXPECTED = {  # who: (sees the owner-only item, sees the UN-entities item)
    "public": (False, False),
    "france": (False, False),
    "unodc": (False, True),
    "office": (False, True),
    "mali": (True, True),
    "cted": (True, True),
    "admin": (True, True),
}


def test_recommendations_by_role(people: dict[str, Any]) -> None:
    for who, (sees_confidential, sees_un_only) in EXPECTED.items():
        v = people[who]
        refs = set(visible(Recommendation.objects.all(), v).values_list("ref", flat=True))
        assert (CONFIDENTIAL in refs) is sees_confidential, who
        assert (UN_ONLY in refs) is sees_un_only, who
        assert can_read(v, Recommendation.objects.get(ref=CONFIDENTIAL)) is sees_confidential, who


def test_the_public_is_told_restricted_records_exist(people: dict[str, Any]) -> None:
    n = restricted_count(Recommendation.objects.all(), ANONYMOUS)
    public = visible(Recommendation.objects.all(), ANONYMOUS).count()
    assert n >= 1 and n + public == Recommendation.objects.filter(workflow="published").count()


def test_consent_narrows_visibility(people: dict[str, Any]) -> None:
    # the Philippines assessment consents to Member States only: its member_states item stays from UN entities
    item = Recommendation.objects.get(ref="SAMPLE-CTED-PHL-2022-R1")
    assert can_read(people["france"], item)
    assert not can_read(people["unodc"], item)


def test_drafts_reach_only_owners_and_coordinators(people: dict[str, Any]) -> None:
    act = Activity.objects.get(ref="SAMPLE-UNODC-CBRN")
    act.workflow = "draft"
    act.save()
    assert can_read(people["unodc"], act) and can_read(people["office"], act)
    assert not can_read(people["public"], act) and not can_read(people["mali"], act)


def test_sensitive_fields_are_hidden_and_exports_leave_them_out(people: dict[str, Any]) -> None:
    secret = (
        Flow.objects.filter(field_visibility__has_key="value").first()
        if _has_key()
        else next(f for f in Flow.objects.all() if f.field_visibility)
    )
    assert "value" in hidden_fields(ANONYMOUS, secret)
    assert hidden_fields(people["admin"], secret) == frozenset()
    data, _n = export_iati(ANONYMOUS)
    assert secret.ref.encode() not in data
    xlsx, _n = export_xlsx(ANONYMOUS)
    assert b"SAMPLE-UNOCT-CTED-TA" not in xlsx


def _has_key() -> bool:
    from django.db import connection

    return connection.vendor == "postgresql"


def test_reading_restricted_records_is_logged(people: dict[str, Any]) -> None:
    before = AccessLog.objects.count()
    export_iati(people["office"])
    assert AccessLog.objects.filter(via="export").count() > before
    assert AccessLog.objects.filter(ref="SAMPLE-UNOCT-CTED-TA").exists()


def test_aggregates_never_let_a_hidden_cell_be_recomputed(people: dict[str, Any]) -> None:
    for who in ("public", "mali", "unodc", "office", "admin"):
        for dimension in ("pillar", "group", "pillar_group"):
            r = report(dimension, people[who])
            assert recomputable(r.published.table, r.published.hidden) == set(), (who, dimension)
            for key, cell in r.published.table.cells.items():
                if 0 < cell.restricted < 3:
                    assert r.value(*key) is None, (who, dimension, key)
            if who == "admin":
                assert r.published.hidden == set() and r.restricted_records == 0
            grand = ("all", TOTAL) if dimension != "pillar_group" else (TOTAL, TOTAL)
            if who == "public":  # one restricted activity: the grand total would give it away
                assert r.restricted_records == 1 and r.value(*grand) is None, dimension

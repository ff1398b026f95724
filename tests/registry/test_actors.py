"""The reference actors: 193 Member States with UN names in six languages, regions, the five UN regional
groups with the DGACM counts, organisations with IATI or minted identifiers, dated Compact membership."""

from __future__ import annotations

from typing import Any

import pytest

from gcts.registry.models import CompactMembership, MemberState, Organisation, Region
from gcts.registry.reference import group_placement, member_state_rows, regional_groups

pytestmark = pytest.mark.django_db


def test_193_member_states_with_six_names() -> None:
    assert MemberState.objects.count() == 193
    for s in MemberState.objects.all():
        assert set(s.names) == {"ar", "zh", "en", "fr", "ru", "es"}
        assert all(s.names.values()), s.iso3
    assert MemberState.objects.get(iso3="SYR").name("en") == "Syrian Arab Republic"
    assert MemberState.objects.get(iso3="CHN").name("zh") == "中国"


def test_colloquial_names_are_aliases_only() -> None:
    syria = MemberState.objects.get(iso3="SYR")
    assert "Syria" in syria.aliases
    assert syria.name("en") != "Syria"
    assert list(MemberState.objects.named("syria")) == [syria]
    assert MemberState.objects.named("Turquie").get().iso3 == "TUR"


@pytest.mark.parametrize("code", ["AG", "APG", "EEG", "GRULAC", "WEOG"])
def test_regional_groups_have_the_published_counts(code: str) -> None:
    expected = regional_groups()["groups"][code]["expected"]
    assert MemberState.objects.in_group(code).count() == expected
    assert Region.objects.get(code=code).source.startswith("DGACM")


def test_every_state_but_the_united_states_is_a_member_of_exactly_one_group() -> None:
    placement = group_placement(member_state_rows())
    members: dict[str, list[str]] = {}
    for code, rows in placement.items():
        for iso3, role in rows:
            if role == "member":
                members.setdefault(iso3, []).append(code)
    assert "USA" not in members
    assert len(members) == 192
    assert all(len(v) == 1 for v in members.values())
    assert members["ISR"] == ["WEOG"] and members["TUR"] == ["WEOG"]
    assert ("TUR", "participant") in placement["APG"] and ("USA", "observer") in placement["WEOG"]


def test_organisations_have_iati_or_minted_ids() -> None:
    assert Organisation.objects.get(ref="UNODC").iati_id == "XM-DAC-41128"
    unoct = Organisation.objects.get(ref="UNOCT")
    assert unoct.iati_id_minted and unoct.iati_id == "GCTS-UNOCT"
    assert Organisation.objects.get(ref="NOR").iati_id == "XM-DAC-8"
    assert Organisation.objects.filter(kind=Organisation.KIND_STATE).count() == 193


def test_compact_membership_is_dated_and_unconfirmed() -> None:
    fatf = CompactMembership.objects.get(organisation__ref="FATF")
    assert fatf.start.year == 2022 and not fatf.confirmed
    assert CompactMembership.objects.filter(start__year=2018).count() >= 36


def test_reference_load_is_idempotent(django_db_blocker: Any) -> None:
    from gcts.registry.reference import load_reference

    before = (MemberState.objects.count(), Organisation.objects.count())
    load_reference()
    assert (MemberState.objects.count(), Organisation.objects.count()) == before

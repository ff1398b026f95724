"""The registry's reference data, loaded into the store once (and again after a flush): M49 regions, the
five UN regional groups, the 193 Member States and their governments, the UN, Compact and other organisations
with dated Compact membership, and the IMF rate table. Sources are in ``data/README.md``.

Idempotent: a second call adds only what is missing, so it is safe at every start and in a data migration.
"""

from __future__ import annotations

import csv
import tomllib
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from django.db import transaction

from gcts.registry.currency import IMF_SOURCE, IMF_TABLE, imf_rates

MINTED_PREFIX = "GCTS-"
M49_SOURCE = "UN Statistics Division, M49 standard (via the HDX Countries & Territories taxonomy)"


def _data(name: str) -> str:
    return (resources.files("gcts.registry") / "data" / name).read_text(encoding="utf-8")


@cache
def member_state_rows() -> tuple[dict[str, str], ...]:
    """The rows of ``member_states.csv``."""
    return tuple(csv.DictReader(_data("member_states.csv").splitlines()))


@cache
def regional_groups() -> dict[str, Any]:
    return tomllib.loads(_data("regional_groups.toml"))


@cache
def organisation_data() -> dict[str, Any]:
    return tomllib.loads(_data("organisations.toml"))


def group_placement(rows: tuple[dict[str, str], ...]) -> dict[str, list[tuple[str, str]]]:
    """Each group's (ISO3, role) list by the rules of ``regional_groups.toml`` (framework-free)."""
    data = regional_groups()
    placed: set[str] = set()
    out: dict[str, list[tuple[str, str]]] = {}
    rest_group = ""
    for code, g in data["groups"].items():
        members: list[str] = list(g.get("members", []))
        by_m49 = set(g.get("members_by_m49", []))
        members += [
            r["iso3"] for r in rows if {r["region_code"].zfill(3), r["subregion_code"].zfill(3)} & by_m49
        ]
        out[code] = [(m, "member") for m in members]
        out[code] += [(m, "participant") for m in g.get("participants", [])]
        out[code] += [(m, "observer") for m in g.get("observers", [])]
        placed.update(members)
        placed.update(g.get("observers", []))
        if g.get("rest"):
            rest_group = code
    if rest_group:
        out[rest_group] = [(r["iso3"], "member") for r in rows if r["iso3"] not in placed] + [
            x for x in out[rest_group] if x[1] != "member"
        ]
    return out


@transaction.atomic
def load_reference() -> None:
    """Write the reference data that is not in the store yet."""
    from gcts.registry.models import (
        CompactMembership,
        GroupMembership,
        MemberState,
        Organisation,
        Rate,
        RateTable,
        Region,
    )

    rows = member_state_rows()
    if MemberState.objects.count() < len(rows):
        regions: dict[str, Region] = {}
        for r in rows:
            for code_key, name_key, parent_key in (
                ("region_code", "region_name", ""),
                ("subregion_code", "subregion_name", "region_code"),
            ):
                code = r[code_key].zfill(3)
                if code not in regions:
                    regions[code], _c = Region.objects.get_or_create(
                        code=code,
                        defaults={
                            "kind": Region.KIND_M49,
                            "names": {"en": r[name_key]},
                            "parent": regions.get(r[parent_key].zfill(3)) if parent_key else None,
                            "source": M49_SOURCE,
                        },
                    )
        for r in rows:
            aliases = [a.split(":", 1)[1] for a in r["aliases"].split("|") if ":" in a]
            MemberState.objects.get_or_create(
                iso3=r["iso3"],
                defaults={
                    "iso2": r["iso2"],
                    "m49": r["m49"].zfill(3),
                    "names": {lang: r[f"name_{lang}"] for lang in ("ar", "zh", "en", "fr", "ru", "es")},
                    "formal_name": r["formal_en"],
                    "aliases": aliases,
                    "region": regions[r["region_code"].zfill(3)],
                    "subregion": regions[r["subregion_code"].zfill(3)],
                    "currency": r["currency"],
                },
            )
    groups = regional_groups()
    if not Region.objects.filter(kind=Region.KIND_GROUP).exists():
        states = {s.iso3: s for s in MemberState.objects.all()}
        for code, members in group_placement(rows).items():
            g = Region.objects.create(
                code=code,
                kind=Region.KIND_GROUP,
                names=groups["groups"][code]["names"],
                source=groups["source"],
            )
            GroupMembership.objects.bulk_create(
                GroupMembership(state=states[iso3], group=g, role=role) for iso3, role in members
            )
    orgs = organisation_data()
    if not Organisation.objects.filter(kind=Organisation.KIND_STATE).exists():
        state_ids = orgs.get("state_iati_ids", {})
        Organisation.objects.bulk_create(
            Organisation(
                ref=s.iso3,
                kind=Organisation.KIND_STATE,
                names={k: f"{v}" for k, v in s.names.items()},
                aliases=s.aliases,
                iati_id=state_ids.get(s.iso3, f"{MINTED_PREFIX}{s.iso3}"),
                iati_id_minted=s.iso3 not in state_ids,
                state=s,
            )
            for s in MemberState.objects.all()
        )
    for ref, raw in orgs["org"].items():
        org, created = Organisation.objects.get_or_create(
            ref=ref,
            defaults={
                "kind": raw["kind"],
                "names": raw["names"],
                "iati_id": raw.get("iati_id", f"{MINTED_PREFIX}{ref}"),
                "iati_id_minted": "iati_id" not in raw,
            },
        )
        compact = raw.get("compact")
        if created and compact:
            CompactMembership.objects.create(
                organisation=org,
                status=compact["status"],
                start=date.fromisoformat(compact["start"]),
                confirmed=bool(compact.get("confirmed", False)),
                source=f"{orgs['compact_source']}: {compact.get('note', '')}",
            )
    if not RateTable.objects.filter(name=IMF_TABLE).exists():
        book = imf_rates()
        table = RateTable.objects.create(name=IMF_TABLE, source=IMF_SOURCE, is_default=True)
        Rate.objects.bulk_create(
            (
                Rate(table=table, currency=c, year=y, per_usd=Decimal(r).quantize(Decimal("1e-10")))
                for c, y, r in book.rows()
            ),
            batch_size=2000,
        )

"""The registry part of a snapshot, indexed for analysis: activities with their pillar, theme and country
shares, the States with their regions and regional groups, and the flows as
:class:`gcts.registry.totals.FlowFacts`.

Reads: the snapshot tables written by ``gcts.web.dashboard.registry_tables``. Writes: a :class:`Records`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from gcts.registry.totals import FlowFacts
from gcts.report.snapshot import Row, Snapshot

PILLARS = ("I", "II", "III", "IV")
HUNDRED = Decimal(100)


def _shares(rows: list[Row], key: str) -> dict[int, dict[str, Decimal]]:
    out: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for r in rows:
        out[int(r["activity"])][str(r[key])] = Decimal(r["share"])
    return dict(out)


def _year(day: str | None) -> int | None:
    return int(day[:4]) if day else None


@dataclass
class Records:
    """Indexed registry tables of one snapshot."""

    activities: dict[int, Row]
    pillars: dict[int, dict[str, Decimal]]
    themes: dict[int, dict[str, Decimal]]
    countries: dict[int, dict[int, Decimal]]
    states: dict[int, Row]
    organisations: dict[int, Row]
    regions: dict[str, Row]
    flows: list[FlowFacts]
    flow_rows: list[Row]
    links: list[Row]
    recommendations: list[Row]
    requests: list[Row]
    offers: list[Row]
    participants: list[Row] = field(default_factory=list)
    #: Per-activity results computed once (the pillar weights of :mod:`gcts.analyse.balance`).
    memo: dict[int, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, snapshot: Snapshot) -> Records:
        """The registry tables of ``snapshot`` (empty when it holds none)."""
        countries: dict[int, dict[int, Decimal]] = defaultdict(dict)
        for c in snapshot.table("countries"):
            countries[int(c["activity"])][int(c["state"])] = Decimal(c["share"])
        flow_rows = snapshot.table("flows")
        flows = [
            FlowFacts(
                id=int(f["id"]),
                kind=str(f["kind"]),
                usd=Decimal(f["usd"]) if f["usd"] is not None else None,
                source_activity=f["source_activity"],
                destination_activity=f["destination_activity"],
                year=_year(f["date"]),
                fulfils=f["fulfils"],
            )
            for f in flow_rows
        ]
        return cls(
            activities={int(a["id"]): a for a in snapshot.table("activities")},
            pillars=_shares(snapshot.table("pillar_shares"), "pillar"),
            themes=_shares(snapshot.table("theme_shares"), "theme"),
            countries=dict(countries),
            states={int(s["id"]): s for s in snapshot.table("states")},
            organisations={int(o["id"]): o for o in snapshot.table("organisations")},
            regions={str(r["code"]): r for r in snapshot.table("regions")},
            flows=flows,
            flow_rows=flow_rows,
            links=snapshot.table("paragraph_links"),
            recommendations=snapshot.table("recommendations"),
            requests=snapshot.table("requests"),
            offers=snapshot.table("offers"),
            participants=snapshot.table("participants"),
        )

    def where(self, filters: dict[str, str]) -> Records:
        """The records of the activities matching every filter: ``pillar``, ``theme``, ``group`` (of a
        beneficiary State), ``organisation`` (reporting organisation's ref) and ``year`` (start). Flows keep
        only those touching a kept activity; money into organisations with no activity (core funding) is
        kept only without filters."""
        wanted = {k: v for k, v in filters.items() if v}
        if not wanted:
            return self
        org_ids = {o["ref"]: i for i, o in self.organisations.items()}

        def keep(a: int) -> bool:
            act = self.activities[a]
            if "pillar" in wanted and wanted["pillar"] not in self.pillars.get(a, {}):
                return False
            if "theme" in wanted and wanted["theme"] not in self.themes.get(a, {}):
                return False
            if "organisation" in wanted and act.get("reporting_org") != org_ids.get(wanted["organisation"]):
                return False
            if "year" in wanted and str(self.year(a)) != wanted["year"]:
                return False
            if "group" in wanted:
                groups = {
                    g for s in self.countries.get(a, {}) for g in self.states.get(s, {}).get("groups", [])
                }
                if wanted["group"] not in groups:
                    return False
            return True

        kept = {a for a in self.activities if keep(a)}
        rows = [
            f
            for f in self.flow_rows
            if f.get("destination_activity") in kept or f.get("source_activity") in kept
        ]
        ids = {int(f["id"]) for f in rows}
        return Records(
            activities={a: r for a, r in self.activities.items() if a in kept},
            pillars={a: v for a, v in self.pillars.items() if a in kept},
            themes={a: v for a, v in self.themes.items() if a in kept},
            countries={a: v for a, v in self.countries.items() if a in kept},
            states=self.states,
            organisations=self.organisations,
            regions=self.regions,
            flows=[f for f in self.flows if f.id in ids],
            flow_rows=rows,
            links=[x for x in self.links if x["kind"] != "activity" or int(x["record"]) in kept],
            recommendations=self.recommendations,
            requests=self.requests,
            offers=self.offers,
            participants=[p for p in self.participants if p["activity"] in kept],
        )

    @cached_property
    def scope(self) -> frozenset[int]:
        """Every activity of the snapshot: the scope of the registry's totals."""
        return frozenset(self.activities)

    def restricted(self, activity: int) -> bool:
        """Whether the snapshot's audience may not read ``activity``."""
        return bool(self.activities[activity].get("restricted"))

    def year(self, activity: int) -> int | None:
        """The year an activity starts (actual, else planned)."""
        return _year(self.activities[activity].get("start"))

    def name(self, table: str, key: Any, lang: str) -> str:
        """A State's, organisation's or region's name in ``lang`` (English, then the key, as fallback)."""
        sources: dict[str, dict[Any, Row]] = {
            "states": dict(self.states),
            "organisations": dict(self.organisations),
            "regions": dict(self.regions),
        }
        source = sources[table]
        row = source.get(key)
        if row is None:
            return str(key)
        names = row.get("names") or {}
        return str(names.get(lang) or names.get("en") or row.get("ref") or row.get("iso3") or key)

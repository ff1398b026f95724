"""Funding transparency (para 62): who funds whom and what, earmarked or not, co-funding, and how long
pledges take to be met.

- A flow's *donor* is its source organisation; its *entity* the organisation that receives it — the
  reporting organisation of the destination activity, or the destination organisation itself.
- **Earmarked** money goes to a named activity; **unearmarked** (core) money goes to an organisation with no
  activity named. Both are counted once, as the registry's totals count them (incoming, pledges apart).
- **Co-funding**: an activity with money from two or more donors; its largest donor's share says how shared
  it is.
- **Time to full funding**: for each pledge, the days from the pledge to the commitment that brings the
  commitments fulfilling it up to the pledged amount; a pledge never fully met is *outstanding*.

Reads: :class:`~gcts.analyse.records.Records`. Writes: plain dataclasses.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from gcts.analyse.records import Records

MONEY_KINDS = ("commitment", "disbursement")


@dataclass
class Line:
    """Money of one donor or entity: committed and disbursed, earmarked part, flows, restricted flows."""

    committed: Decimal = Decimal(0)
    disbursed: Decimal = Decimal(0)
    earmarked: Decimal = Decimal(0)
    flows: int = 0
    restricted: int = 0
    activities: set[int] = field(default_factory=set)


@dataclass
class Funding:
    """The funding picture of a snapshot."""

    donors: dict[int | None, Line]
    entities: dict[int | None, Line]
    bands: dict[tuple[int | None, int | None, str], Decimal]
    cofunded: dict[int, dict[int | None, Decimal]]
    pledge_days: list[int]
    outstanding: int
    pledges: int


def _entity(records: Records, row: dict[str, object]) -> int | None:
    act = row.get("destination_activity")
    if act is not None and int(act) in records.activities:  # type: ignore[call-overload]
        org = records.activities[int(act)].get("reporting_org")  # type: ignore[call-overload]
        return int(org) if org is not None else None
    dest = row.get("destination_org")
    return int(dest) if dest is not None else None  # type: ignore[call-overload]


def incoming(records: Records, row: dict[str, object]) -> bool:
    """Money entering the registry's scope from outside: an outside source, a published destination."""
    if row.get("source_activity") is not None:
        return False
    act = row.get("destination_activity")
    return act is None or int(act) in records.activities  # type: ignore[call-overload]


def funding(records: Records, *, include_restricted: bool = True) -> Funding:
    """Donor and entity lines, the donor → entity → pillar bands (committed), co-funding and pledge times."""
    from gcts.analyse.balance import pillar_weights

    donors: dict[int | None, Line] = defaultdict(Line)
    entities: dict[int | None, Line] = defaultdict(Line)
    bands: dict[tuple[int | None, int | None, str], Decimal] = defaultdict(Decimal)
    by_activity: dict[int, dict[int | None, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for f in records.flow_rows:
        if f["kind"] not in MONEY_KINDS or f["usd"] is None or not incoming(records, f):
            continue
        if f.get("restricted") and not include_restricted:
            continue
        usd = Decimal(f["usd"])
        donor = f.get("source_org")
        entity = _entity(records, f)
        act = f.get("destination_activity")
        for line in (donors[donor], entities[entity]):
            line.flows += 1
            line.restricted += 1 if f.get("restricted") else 0
            if f["kind"] == "commitment":
                line.committed += usd
                if act is not None:
                    line.earmarked += usd
            else:
                line.disbursed += usd
            if act is not None:
                line.activities.add(int(act))
        if f["kind"] == "commitment":
            if act is not None:
                by_activity[int(act)][donor] += usd
                for pillar, w in pillar_weights(records, int(act)):
                    bands[(donor, entity, str(pillar))] += usd * w
            else:
                bands[(donor, entity, "core")] += usd
    cofunded = {a: dict(d) for a, d in by_activity.items() if len([v for v in d.values() if v > 0]) >= 2}
    days, outstanding, pledges = _pledge_times(records)
    return Funding(dict(donors), dict(entities), dict(bands), cofunded, days, outstanding, pledges)


def _pledge_times(records: Records) -> tuple[list[int], int, int]:
    rows = {int(f["id"]): f for f in records.flow_rows}
    pledges = {i: f for i, f in rows.items() if f["kind"] == "pledge" and f["usd"] is not None}
    fulfilling: dict[int, list[dict[str, object]]] = defaultdict(list)
    for f in rows.values():
        if f["kind"] == "commitment" and f.get("fulfils") in pledges and f["usd"] is not None:
            fulfilling[int(f["fulfils"])].append(f)
    days: list[int] = []
    outstanding = 0
    for pid, pledge in pledges.items():
        target, got = Decimal(pledge["usd"]), Decimal(0)
        met = None
        for c in sorted(fulfilling.get(pid, []), key=lambda c: str(c["date"])):
            got += Decimal(str(c["usd"]))
            if got >= target:
                met = date.fromisoformat(str(c["date"]))
                break
        if met is None or not pledge.get("date"):
            outstanding += 1
        else:
            days.append((met - date.fromisoformat(str(pledge["date"]))).days)
    return days, outstanding, len(pledges)

"""Money totals that never count a flow twice and never count a pledge as money (framework-free).

The rules, after OCHA's Financial Tracking Service:

1. A flow is stored once, with a source and a destination (an activity of the registry, or an organisation
   outside it). The donor's disbursement and the recipient's incoming funds are one flow.
2. A total is taken over a *scope*, a set of activities. Relative to the scope a flow is **incoming** (into
   the scope from outside), **internal** (between two activities of the scope), **outgoing** (from the scope
   to outside) or **outside**. Funding totals (committed, disbursed) count incoming flows only: money passed
   on inside the scope (a trust fund's allocation to its own projects, a programme to its child activities)
   was counted when it entered. Spending counts outgoing expenditure only.
3. Pledges are promises. They never enter a money total; ``pledged`` is reported apart, and a pledge's
   outstanding part is what no commitment that fulfils it has yet covered.
4. A flow without a US-dollar amount (no rate) is not summed; it is counted in ``unconverted`` so a report
   can say so.
5. Split by pillar, theme or country, each counted flow is divided by its activity's shares with exact cents
   (:mod:`gcts.registry.shares`), so the parts always add up to the total; an activity without shares gives
   to :data:`UNATTRIBUTED`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from gcts.registry.shares import split

UNATTRIBUTED = "unattributed"
ZERO = Decimal(0)


class Boundary(StrEnum):
    INCOMING = "incoming"
    INTERNAL = "internal"
    OUTGOING = "outgoing"
    OUTSIDE = "outside"


# Which flow kinds each measure counts, and on which side of the boundary.
MEASURES: dict[str, tuple[str, Boundary]] = {
    "committed": ("commitment", Boundary.INCOMING),
    "disbursed": ("disbursement", Boundary.INCOMING),
    "spent": ("expenditure", Boundary.OUTGOING),
}
PLEDGE = "pledge"


@dataclass(frozen=True)
class FlowFacts:
    """What a total needs to know of a flow."""

    id: int
    kind: str
    usd: Decimal | None
    source_activity: int | None = None
    destination_activity: int | None = None
    year: int | None = None
    fulfils: int | None = None


def boundary(flow: FlowFacts, scope: frozenset[int] | set[int]) -> Boundary:
    """Where ``flow`` stands relative to the activities in ``scope``."""
    src = flow.source_activity in scope
    dst = flow.destination_activity in scope
    if src and dst:
        return Boundary.INTERNAL
    if dst:
        return Boundary.INCOMING
    if src:
        return Boundary.OUTGOING
    return Boundary.OUTSIDE


def attributed_activity(flow: FlowFacts, measure: str) -> int | None:
    """The activity a counted flow is attributed to: the recipient for funding, the spender for spending."""
    side = MEASURES[measure][1]
    return flow.destination_activity if side is Boundary.INCOMING else flow.source_activity


def counted(flows: Iterable[FlowFacts], scope: frozenset[int] | set[int], measure: str) -> list[FlowFacts]:
    """The flows a ``measure`` total over ``scope`` counts, each once (rules 1–3)."""
    kind, side = MEASURES[measure]
    seen: set[int] = set()
    out = []
    for f in flows:
        if f.kind != kind or f.id in seen or boundary(f, scope) is not side:
            continue
        seen.add(f.id)
        out.append(f)
    return out


@dataclass(frozen=True)
class Total:
    """A money total in US dollars with what it left out."""

    usd: Decimal
    flows: int
    unconverted: int


def total(flows: Iterable[FlowFacts], scope: frozenset[int] | set[int], measure: str) -> Total:
    """The ``measure`` total over ``scope`` (rules 1–4)."""
    rows = counted(flows, scope, measure)
    usd = sum((f.usd for f in rows if f.usd is not None), ZERO)
    return Total(usd=usd, flows=len(rows), unconverted=sum(1 for f in rows if f.usd is None))


def by_share(
    flows: Iterable[FlowFacts],
    scope: frozenset[int] | set[int],
    measure: str,
    shares: Mapping[int, Mapping[str, Decimal]],
) -> dict[str, Decimal]:
    """The ``measure`` total split by each activity's shares (pillar, theme, country …), rule 5."""
    out: dict[str, Decimal] = {}
    for f in counted(flows, scope, measure):
        if f.usd is None:
            continue
        act = attributed_activity(f, measure)
        weights = {k: v for k, v in (shares.get(act, {}) if act is not None else {}).items() if v > 0}
        parts = split(f.usd, weights) if weights else {UNATTRIBUTED: f.usd}
        for key, amount in parts.items():
            out[key] = out.get(key, ZERO) + amount
    return out


def by_year(
    flows: Iterable[FlowFacts], scope: frozenset[int] | set[int], measure: str
) -> dict[int | None, Decimal]:
    """The ``measure`` total by the flows' value-date year."""
    out: dict[int | None, Decimal] = {}
    for f in counted(flows, scope, measure):
        if f.usd is not None:
            out[f.year] = out.get(f.year, ZERO) + f.usd
    return out


def pledged(flows: Iterable[FlowFacts], scope: frozenset[int] | set[int]) -> tuple[Decimal, Decimal]:
    """(pledged, outstanding) in US dollars for pledges into ``scope``: outstanding is what the commitments
    that fulfil each pledge have not yet covered (never below zero)."""
    items = list(flows)
    pledges = {f.id: f for f in items if f.kind == PLEDGE and boundary(f, scope) is Boundary.INCOMING}
    covered: dict[int, Decimal] = {}
    for f in items:
        if f.kind == "commitment" and f.fulfils in pledges and f.usd is not None:
            covered[f.fulfils] = covered.get(f.fulfils, ZERO) + f.usd
    total_pledged = sum((p.usd for p in pledges.values() if p.usd is not None), ZERO)
    outstanding = sum(
        (max(ZERO, p.usd - covered.get(p.id, ZERO)) for p in pledges.values() if p.usd is not None), ZERO
    )
    return total_pledged, outstanding

"""Coverage and gaps: where nobody works or no money goes.

- Paragraphs of the current review with no linked activity, and with activities but no money (committed
  funding, by the registry's rules).
- Themes with no activity, and with no money.
- States whose assistance requests meet no offer: an open request is *met* when some open offer shares one of
  its themes (or its pillar) and is for that State or for any State.
- Recommendations of assessments with no assistance: answered by no activity and asked for by no request
  that an offer meets.

Reads: :class:`~gcts.analyse.records.Records` and the review's paragraph ids. Writes: plain dataclasses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from gcts.analyse.records import Records
from gcts.registry.totals import attributed_activity, counted
from gcts.report.snapshot import Row


@dataclass
class ParagraphCoverage:
    """One operative paragraph: the activities linked to it and the money they received."""

    pid: str
    activities: set[int] = field(default_factory=set)
    money: Decimal = Decimal(0)


def funded(records: Records, measure: str = "committed") -> dict[int, Decimal]:
    """The money each activity received (``measure``), by the registry's totals."""
    out: dict[int, Decimal] = defaultdict(Decimal)
    for f in counted(records.flows, records.scope, measure):
        a = attributed_activity(f, measure)
        if a is not None and f.usd is not None:
            out[a] += f.usd
    return dict(out)


def paragraphs(
    records: Records, symbols: Iterable[str], pids: Iterable[str], measure: str = "committed"
) -> list[ParagraphCoverage]:
    """Each paragraph of ``pids`` (of the review known by one of ``symbols``), its activities and money."""
    wanted = set(symbols)
    money = funded(records, measure)
    out = {pid: ParagraphCoverage(pid) for pid in pids}
    for link in records.links:
        if (
            link["kind"] == "activity"
            and link["symbol"] in wanted
            and link["pid"] in out
            and int(link["record"]) in records.activities
        ):
            out[link["pid"]].activities.add(int(link["record"]))
    for cover in out.values():
        cover.money = sum((money.get(a, Decimal(0)) for a in cover.activities), Decimal(0))
    return list(out.values())


def themes(
    records: Records, theme_ids: Iterable[str], measure: str = "committed"
) -> dict[str, tuple[int, Decimal]]:
    """Each theme: (activities serving it, money split to it by theme shares)."""
    money = funded(records, measure)
    count: dict[str, int] = defaultdict(int)
    amount: dict[str, Decimal] = defaultdict(Decimal)
    for a, shares in records.themes.items():
        if a not in records.activities:
            continue
        for theme, share in shares.items():
            if share > 0:
                count[theme] += 1
                amount[theme] += money.get(a, Decimal(0)) * share / 100
    return {t: (count.get(t, 0), amount.get(t, Decimal(0))) for t in theme_ids}


def _meets(offer: Row, request: Row) -> bool:
    if not offer.get("open"):
        return False
    if offer.get("states") and request["state"] not in offer["states"]:
        return False
    shared = set(offer.get("themes") or []) & set(request.get("themes") or [])
    return bool(shared) or bool(request.get("pillar") and request.get("pillar") == offer.get("pillar"))


def unmet_requests(records: Records) -> dict[int, list[Row]]:
    """Open requests that no open offer meets, by requesting State."""
    out: dict[int, list[Row]] = defaultdict(list)
    for req in records.requests:
        if req.get("open") and not any(_meets(o, req) for o in records.offers):
            out[int(req["state"])].append(req)
    return dict(out)


def unassisted_recommendations(records: Records) -> list[Row]:
    """Recommendations answered by no activity and asked for by no request that an offer meets."""
    met = {
        req.get("recommendation") for req in records.requests if any(_meets(o, req) for o in records.offers)
    }
    return [
        r
        for r in records.recommendations
        if not [a for a in r.get("answered_by") or [] if a in records.activities] and r["id"] not in met
    ]

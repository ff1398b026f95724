"""Money totals by pillar, regional group (and both) in the database, published through the visibility layer.

The funding of the registry as a whole (its scope is every activity) counts, per :mod:`gcts.registry.totals`,
the flows entering an activity from outside the registry (``source_activity`` empty) and the expenditure
leaving it (``destination_activity`` empty); money passed between two activities is internal and not counted
again. Pledges are never money. Amounts are the stored US dollars of the named rate table.

Each cell is split by the activities' shares (pillar, beneficiary country → regional group); what has no
share goes to ``unattributed``, so the cells always add up to the total. A cell that includes activities the
reader may not see is suppressed unless it holds at least ``threshold`` of them, with complementary
suppression (:mod:`gcts.registry.suppression`); the report says how many restricted records it counts.
The queries aggregate flows per activity first, then join the shares (fast on a million flows).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import connection

from gcts.registry import rates
from gcts.registry.models import Activity, FlowKind
from gcts.registry.shares import allocate
from gcts.registry.suppression import TOTAL, Cell, Published, Table, suppress
from gcts.registry.totals import MEASURES, UNATTRIBUTED, Boundary
from gcts.registry.visibility import Viewer, visible

PILLARS = ("I", "II", "III", "IV")
GROUPS = ("AG", "APG", "EEG", "GRULAC", "WEOG")
DIMENSIONS = ("pillar", "group", "pillar_group")
ALL = "all"
QUOTE = "'"  # a constant row expression is not grouped by (PostgreSQL refuses constants in GROUP BY)


@dataclass
class Report:
    """A published table of US-dollar totals, with the rate table it used and what it does not show."""

    measure: str
    dimension: str
    rate_table: str
    published: Published

    @property
    def restricted_records(self) -> int:
        return self.published.restricted_records

    def rows(self) -> list[Any]:
        return self.published.table.rows

    def cols(self) -> list[Any]:
        return [*self.published.table.cols, TOTAL]

    def value(self, row: Any, col: Any) -> Decimal | None:
        return self.published.value((row, col))


def _flow_cte(measure: str) -> tuple[str, list[Any]]:
    kind, side = MEASURES[measure]
    own, other = (
        ("destination_activity_id", "source_activity_id")
        if side is Boundary.INCOMING
        else ("source_activity_id", "destination_activity_id")
    )
    sql = (
        f"SELECT {own} AS a, SUM(usd) AS usd FROM registry_flow "
        f"WHERE kind = %s AND {own} IS NOT NULL AND {other} IS NULL AND usd IS NOT NULL GROUP BY {own}"
    )
    assert kind != FlowKind.PLEDGE
    return sql, [kind]


def _visible_sql(viewer: Viewer) -> tuple[str, list[Any]]:
    sql, params = visible(Activity.objects.all(), viewer).values("id").query.sql_with_params()
    return sql, list(params)


def _rows(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cur:
        cur.execute(sql, params)
        return list(cur.fetchall())


def _dec(x: Any) -> Decimal:
    return Decimal(str(x)) if x is not None else Decimal(0)


def raw_cells(
    dimension: str, measure: str, viewer: Viewer
) -> dict[tuple[str, str], tuple[Decimal, int, int]]:
    """(value, activities, restricted activities) per cell, unrounded; margins are not included."""
    fsql, fparams = _flow_cte(measure)
    vsql, vparams = _visible_sql(viewer)
    restricted = f"SUM(CASE WHEN f.a IN ({vsql}) THEN 0 ELSE 1 END)"
    head = f"WITH f AS ({fsql}) "
    joins = {
        "pillar": (
            "'all'",
            "p.pillar",
            "f.usd * p.share / 100",
            "JOIN registry_pillarshare p ON p.activity_id = f.a",
        ),
        "group": (
            "'all'",
            "r.code",
            "f.usd * c.share / 100",
            "JOIN registry_beneficiarycountry c ON c.activity_id = f.a "
            "JOIN registry_groupmembership g ON g.state_id = c.state_id AND g.role = 'member' "
            "JOIN registry_region r ON r.id = g.group_id",
        ),
        "pillar_group": (
            "p.pillar",
            "r.code",
            "f.usd * p.share * c.share / 10000",
            "JOIN registry_pillarshare p ON p.activity_id = f.a "
            "JOIN registry_beneficiarycountry c ON c.activity_id = f.a "
            "JOIN registry_groupmembership g ON g.state_id = c.state_id AND g.role = 'member' "
            "JOIN registry_region r ON r.id = g.group_id",
        ),
    }
    row_expr, col_expr, value_expr, join = joins[dimension]
    sql = (
        f"{head}SELECT {row_expr}, {col_expr}, SUM({value_expr}), COUNT(DISTINCT f.a), {restricted} "
        f"FROM f {join} GROUP BY {col_expr if row_expr.startswith(QUOTE) else f'{row_expr}, {col_expr}'}"
    )
    out = {
        (str(r), str(c)): (_dec(v), int(n), int(x or 0)) for r, c, v, n, x in _rows(sql, fparams + vparams)
    }
    # the row totals: all flows of the row's activities (by pillar for two-way, else everything)
    if dimension == "pillar_group":
        gsql = f"{head}SELECT SUM(f.usd), COUNT(*), {restricted} FROM f"
        ((gv, gn, gx),) = _rows(gsql, fparams + vparams)
        out[("__grand__", "__total__")] = (_dec(gv), int(gn or 0), int(gx or 0))
        tsql = (
            f"{head}SELECT p.pillar, SUM(f.usd * p.share / 100), COUNT(*), {restricted} FROM f "
            "JOIN registry_pillarshare p ON p.activity_id = f.a GROUP BY p.pillar"
        )
        row_totals = {str(r): (_dec(v), int(n), int(x or 0)) for r, v, n, x in _rows(tsql, fparams + vparams)}
        usql = (
            f"{head}SELECT SUM(f.usd), COUNT(*), {restricted} FROM f WHERE NOT EXISTS "
            "(SELECT 1 FROM registry_pillarshare p WHERE p.activity_id = f.a)"
        )
        ((uv, un, ux),) = _rows(usql, fparams + vparams)
        row_totals[UNATTRIBUTED] = (_dec(uv), int(un or 0), int(ux or 0))
    else:
        tsql = f"{head}SELECT SUM(f.usd), COUNT(*), {restricted} FROM f"
        ((tv, tn, tx),) = _rows(tsql, fparams + vparams)
        row_totals = {ALL: (_dec(tv), int(tn or 0), int(tx or 0))}
    for row, (value, n, x) in row_totals.items():
        attributed = sum((v for (r, _c), (v, _n, _x) in out.items() if r == row), Decimal(0))
        rest = value - attributed
        if n and rest.copy_abs() >= Decimal("0.005"):
            out[(row, UNATTRIBUTED)] = (rest, n, x)
        out.setdefault((row, "__total__"), (value, n, x))
    return out


def report(dimension: str, viewer: Viewer, measure: str = "disbursed", threshold: int = 3) -> Report:
    """The published table of ``measure`` totals by ``dimension`` for ``viewer``."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}; expected one of {', '.join(DIMENSIONS)}")
    raw = raw_cells(dimension, measure, viewer)
    rows = [*PILLARS, UNATTRIBUTED] if dimension == "pillar_group" else [ALL]
    cols = [*(GROUPS if dimension != "pillar" else PILLARS), UNATTRIBUTED]
    rows = [r for r in rows if (r, "__total__") in raw]
    inner: dict[tuple[Any, Any], Cell] = {}
    for r in rows:
        row_total = raw[(r, "__total__")][0].quantize(Decimal("0.01"))
        keys = [c for c in cols if (r, c) in raw]
        weights = [max(raw[(r, c)][0], Decimal(0)) for c in keys]
        parts = (
            allocate(row_total, weights) if sum(weights) > 0 and row_total >= 0 else [Decimal(0)] * len(keys)
        )
        for c, v in zip(keys, parts, strict=True):
            _v, n, x = raw[(r, c)]
            inner[(r, c)] = Cell(v, n, x)
    # an activity split over several cells is one record of its row's total
    margins: dict[tuple[Any, Any], tuple[int, int]] = {(r, TOTAL): raw[(r, "__total__")][1:] for r in rows}
    if dimension != "pillar_group" and rows:
        margins = {(rows[0], TOTAL): raw[(rows[0], "__total__")][1:]}
    elif ("__grand__", "__total__") in raw:
        margins[(TOTAL, TOTAL)] = raw[("__grand__", "__total__")][1:]
    table = Table.build(rows or [ALL], cols, inner, margins)
    return Report(measure, dimension, rates.default_table().name, suppress(table, threshold))

"""Analysis results as report tables: published cells (suppressed ones shown as "—"), names in the report's
language, counts with one decimal (shares of activities), money in whole US dollars, and each figure linked to
the registry's list of the activities it counts."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from decimal import Decimal
from urllib.parse import urlencode

from gcts.analyse.balance import ALL
from gcts.analyse.records import PILLARS
from gcts.registry.suppression import TOTAL, Published
from gcts.registry.totals import UNATTRIBUTED
from gcts.report import Options
from gcts.report.content import Cell, Table
from gcts.report.labels import Labels

SUPPRESSED = "—"


def column_name(key: Hashable, labels: Labels) -> str:
    """A pillar column's heading."""
    if key == TOTAL:
        return labels("total")
    if key == UNATTRIBUTED:
        return labels("unattributed")
    return labels("pillar_short", id=key)


def value_text(value: Decimal, measure: str, labels: Labels) -> str:
    """A count (one decimal when fractional) or a US-dollar amount."""
    if measure == "count":
        return labels.number(value, 0 if value == value.to_integral_value() else 1)
    return labels.money(value)


def published_table(
    key: str,
    caption: str,
    published: Published,
    measure: str,
    labels: Labels,
    options: Options,
    *,
    row_name: Callable[[Hashable], str],
    row_filter: Callable[[Hashable], dict[str, str]] = lambda r: {},
    row_heading: str = "",
) -> Table:
    """The report table of one published breakdown (rows × pillars, margins)."""
    table = published.table
    rows = list(table.rows)
    if table.two_way:
        rows.append(TOTAL)
    cols = [*table.cols, TOTAL]
    body = []
    for r in rows:
        label = (
            labels("total")
            if r == TOTAL
            else (
                labels("unattributed")
                if r == UNATTRIBUTED
                else (labels("all_activities") if r == ALL else row_name(r))
            )
        )
        line = [Cell(label)]
        for c in cols:
            value = published.value((r, c))
            query = {
                **({} if r in (TOTAL, ALL, UNATTRIBUTED) else row_filter(r)),
                **({"pillar": str(c)} if c in PILLARS else {}),
            }
            link = (
                options.link("/registry/activities/?" + urlencode(query))
                if query or (r, c) == (TOTAL, TOTAL)
                else None
            )
            if value is None:
                line.append(Cell(SUPPRESSED, None, suppressed=True, numeric=True))
            else:
                line.append(Cell(value_text(value, measure, labels), value, link=link, numeric=True))
        body.append(line)
    note = ""
    if published.hidden:
        note = labels("suppressed_note", n=labels.number(published.restricted_records))
    elif published.restricted_records:
        note = labels("restricted_note", n=labels.number(published.restricted_records))
    return Table(
        key=key,
        caption=caption,
        columns=[row_heading or labels("label_item"), *[column_name(c, labels) for c in cols]],
        rows=body,
        note=note,
    )

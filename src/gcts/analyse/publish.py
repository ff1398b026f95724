"""Tables as their reader may see them: for the public, cells that hold restricted records but fewer than
:data:`THRESHOLD` of them are suppressed, and enough other cells with them that none can be worked back out.

Small tables (up to :data:`EXACT_LIMIT` cells) go through the registry's exact method
(:func:`gcts.registry.suppression.suppress`: no hidden cell is determined by the published cells and the
margins). Larger ones (a row per State or per organisation) use the line rule: after the primary cells, any
row or column with exactly one hidden cell hides its smallest other cell, until no line has a lone hidden
cell — the exact test is cubic in the hidden cells and too slow for hundreds of them. The line rule stops
every one-equation recomputation; a recomputation that combines several lines is not excluded (documented in
decision 0021). Tables of one report are linked: a two-way table's column margins are the one-way pillar
table's cells, so they are hidden or known as there. Internal readers see every cell.
"""

from __future__ import annotations

from gcts.registry.suppression import TOTAL, Key, Published, Table, primary, suppress

THRESHOLD = 3
EXACT_LIMIT = 40


def _lines(table: Table) -> list[list[Key]]:
    lines = [[(r, c) for c in [*table.cols, TOTAL]] for r in table.rows]
    if table.two_way:
        lines += [[(r, c) for r in [*table.rows, TOTAL]] for c in [*table.cols, TOTAL]]
    return lines


def line_rule(
    table: Table,
    threshold: int = THRESHOLD,
    *,
    forced: frozenset[Key] = frozenset(),
    known: frozenset[Key] = frozenset(),
) -> Published:
    """Primary suppression, then no row or column left with a single hidden cell.

    ``forced``: cells another table of the same report hides (they are hidden here too); ``known``: cells
    another table publishes (never chosen to protect a hidden cell, since the reader has them anyway)."""
    first = primary(table, threshold) | (forced & set(table.cells))
    hidden = set(first)
    lines = _lines(table)
    changed = True
    while changed:
        changed = False
        for line in lines:
            inside = [k for k in line if k in hidden]
            if len(inside) == 1:
                others = [k for k in line if k not in hidden and k not in known]
                if not others:
                    continue
                pick = min(others, key=lambda k: (TOTAL in k, table.cells[k].value, repr(k)))
                hidden.add(pick)
                changed = True
    return Published(table=table, hidden=hidden, primary=first)


def publish(
    table: Table, audience: str, threshold: int = THRESHOLD, *, linked: Published | None = None
) -> Published:
    """``table`` for ``audience``: everything for internal readers; suppressed for the public.

    ``linked``: the one-way pillar table of the same measure, already published. A two-way table's column
    margins are that table's cells, so what it hides is hidden here and what it shows protects nothing here
    (the line rule, which can take both constraints, is used for linked tables)."""
    if audience != "public":
        return Published(table=table)
    if not any(c.restricted for c in table.cells.values()):
        return Published(table=table)
    if linked is not None and table.two_way:
        row = linked.table.rows[0]
        forced = frozenset((TOTAL, c) for (r, c) in linked.hidden if r == row)
        known = frozenset((TOTAL, c) for c in [*linked.table.cols, TOTAL] if (row, c) not in linked.hidden)
        return line_rule(table, threshold, forced=forced, known=known)
    if len(table.cells) <= EXACT_LIMIT:
        return suppress(table, threshold)
    return line_rule(table, threshold)

"""Publishing counts and sums that include restricted records without revealing them (framework-free).

A table of cells (one-way: a cell per pillar; two-way: pillar × regional group) is published with its
margins. A cell that includes restricted records the reader may not see is published only when it holds at
least ``threshold`` restricted records (primary suppression). Complementary suppression then hides further
cells until no hidden cell can be recomputed from what is published: a hidden cell is recomputable exactly
when its unit vector lies in the row space of the table's additivity equations restricted to the hidden cells
(checked with exact fractions). The greedy choice hides, for each recomputable cell, the smallest published
cell that shares an equation with it, so as little as possible is lost.

Why hand-written: the statistical disclosure packages (sdcTable, tau-argus) are R or Java programs for
national statistics offices; our tables are small (tens of cells) and the exact test is short.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

TOTAL = "*"
Key = tuple[Hashable, Hashable]


@dataclass(frozen=True)
class Cell:
    """A cell's figure, how many records it holds and how many of them the reader may not see."""

    value: Decimal
    records: int = 0
    restricted: int = 0


@dataclass
class Table:
    """Cells keyed by (row, column); margins use :data:`TOTAL` as key. One-way tables have one row."""

    rows: list[Hashable]
    cols: list[Hashable]
    cells: dict[Key, Cell]
    two_way: bool = True

    @classmethod
    def build(
        cls,
        rows: Sequence[Hashable],
        cols: Sequence[Hashable],
        inner: Mapping[Key, Cell],
        margin_counts: Mapping[Key, tuple[int, int]] | None = None,
    ) -> Table:
        """A table with its margins computed from the inner cells (missing cells are zero).

        A record split over several cells is one record in the margin, so a margin's counts are given by
        ``margin_counts`` as (records, restricted) where they are known exactly; otherwise they are the
        largest of its cells' — a lower bound, so the threshold rule errs on the side of hiding."""
        cells: dict[Key, Cell] = {}
        for r in rows:
            for c in cols:
                cells[(r, c)] = inner.get((r, c), Cell(Decimal(0)))
        two_way = len(rows) > 1
        lines: list[tuple[Key, list[Key]]] = [((r, TOTAL), [(r, c) for c in cols]) for r in rows]
        if two_way:
            lines += [((TOTAL, c), [(r, c) for r in rows]) for c in cols]
            lines.append(((TOTAL, TOTAL), [(r, c) for r in rows for c in cols]))
        for key, parts in lines:
            records, restricted = (margin_counts or {}).get(
                key, (max(cells[p].records for p in parts), max(cells[p].restricted for p in parts))
            )
            cells[key] = Cell(sum((cells[p].value for p in parts), Decimal(0)), records, restricted)
        return cls(list(rows), list(cols), cells, two_way)

    def equations(self) -> list[dict[Key, int]]:
        """The additivity equations (coefficient per cell, each summing to zero)."""
        eqs: list[dict[Key, int]] = []
        for r in self.rows:
            eq = {(r, c): 1 for c in self.cols}
            eq[(r, TOTAL)] = -1
            eqs.append(eq)
        if self.two_way:
            for c in [*self.cols, TOTAL]:
                eq = {(r, c): 1 for r in self.rows}
                eq[(TOTAL, c)] = -1
                eqs.append(eq)
        return eqs


@dataclass
class Published:
    """A table as a reader may see it: the hidden cells and how many restricted records it counts."""

    table: Table
    hidden: set[Key] = field(default_factory=set)
    primary: set[Key] = field(default_factory=set)

    def value(self, key: Key) -> Decimal | None:
        """The cell's figure, or ``None`` when it is hidden."""
        return None if key in self.hidden else self.table.cells[key].value

    @property
    def restricted_records(self) -> int:
        """Restricted records counted in the table (the "n restricted records not shown" of a report)."""
        grand = (TOTAL, TOTAL) if self.table.two_way else (self.table.rows[0], TOTAL)
        return self.table.cells[grand].restricted


def _rank(rows: list[list[Fraction]]) -> int:
    m = [r[:] for r in rows]
    rank = 0
    ncols = len(m[0]) if m else 0
    for col in range(ncols):
        pivot = next((i for i in range(rank, len(m)) if m[i][col] != 0), None)
        if pivot is None:
            continue
        m[rank], m[pivot] = m[pivot], m[rank]
        for i in range(len(m)):
            if i != rank and m[i][col] != 0:
                f = m[i][col] / m[rank][col]
                m[i] = [a - f * b for a, b in zip(m[i], m[rank], strict=True)]
        rank += 1
    return rank


def recomputable(table: Table, hidden: set[Key]) -> set[Key]:
    """The hidden cells that the published cells and the margins' equations determine exactly."""
    order = sorted(hidden, key=repr)
    if not order:
        return set()
    index = {k: i for i, k in enumerate(order)}
    matrix = []
    for eq in table.equations():
        row = [Fraction(0)] * len(order)
        for k, coef in eq.items():
            if k in index:
                row[index[k]] = Fraction(coef)
        if any(row):
            matrix.append(row)
    base = _rank(matrix) if matrix else 0
    out = set()
    for k, i in index.items():
        unit = [Fraction(0)] * len(order)
        unit[i] = Fraction(1)
        if (_rank([*matrix, unit]) if matrix else 1) == base:
            out.add(k)
    return out


def primary(table: Table, threshold: int) -> set[Key]:
    """Cells holding restricted records but fewer than ``threshold`` of them."""
    return {k for k, c in table.cells.items() if 0 < c.restricted < threshold}


def suppress(table: Table, threshold: int = 3) -> Published:
    """Primary and complementary suppression: no hidden cell can be recomputed from what is published."""
    first = primary(table, threshold)
    hidden = set(first)
    equations = table.equations()
    while True:
        exposed = recomputable(table, hidden)
        if not exposed:
            break
        target = min(exposed, key=repr)
        candidates = {k for eq in equations if target in eq for k in eq if k not in hidden}
        if not candidates:  # the target's own lines are hidden already: widen to any published cell
            candidates = set(table.cells) - hidden
        if not candidates:
            break
        pick = min(
            candidates,
            key=lambda k: (TOTAL in k, table.cells[k].value, table.cells[k].records, repr(k)),
        )
        hidden.add(pick)
    return Published(table=table, hidden=hidden, primary=first)

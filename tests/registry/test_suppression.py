"""Suppression: a hidden cell can never be recomputed from the published cells and margins.

The check here is independent of the module's exact-fraction rank test: numpy's SVD gives the null space of
the additivity equations over the hidden cells; a hidden cell is safe when some null-space direction moves it.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from gcts.registry.suppression import TOTAL, Cell, Table, suppress


def _free(table: Table, hidden: set) -> set:
    order = sorted(hidden, key=repr)
    if not order:
        return set()
    idx = {k: i for i, k in enumerate(order)}
    rows = []
    for eq in table.equations():
        row = np.zeros(len(order))
        for k, coef in eq.items():
            if k in idx:
                row[idx[k]] = coef
        rows.append(row)
    a = np.array(rows)
    _u, s, vt = np.linalg.svd(a)
    rank = int((s > 1e-9).sum())
    null = vt[rank:]
    return {k for k, i in idx.items() if null.size and np.abs(null[:, i]).max() > 1e-9}


@st.composite
def tables(draw: st.DrawFn) -> Table:
    nrows = draw(st.integers(1, 5))
    ncols = draw(st.integers(2, 6))
    rows = [f"r{i}" for i in range(nrows)]
    cols = [f"c{j}" for j in range(ncols)]
    inner = {}
    for r in rows:
        for c in cols:
            records = draw(st.integers(0, 6))
            restricted = draw(st.integers(0, records))
            inner[(r, c)] = Cell(Decimal(draw(st.integers(0, 10**6))), records, restricted)
    return Table.build(rows, cols, inner)


@settings(max_examples=80, deadline=None)
@given(tables(), st.integers(1, 5))
def test_no_hidden_cell_is_recomputable(table: Table, threshold: int) -> None:
    pub = suppress(table, threshold)
    assert pub.primary <= pub.hidden
    assert _free(table, pub.hidden) == pub.hidden
    for key, cell in table.cells.items():
        if 0 < cell.restricted < threshold:
            assert pub.value(key) is None


def test_one_hidden_pillar_takes_a_second_one_with_it() -> None:
    inner = {
        ("all", "I"): Cell(Decimal(100), 4, 0),
        ("all", "II"): Cell(Decimal(50), 1, 1),
        ("all", "III"): Cell(Decimal(30), 5, 0),
        ("all", "IV"): Cell(Decimal(70), 3, 0),
    }
    pub = suppress(Table.build(["all"], ["I", "II", "III", "IV"], inner), threshold=3)
    # the total holds the restricted record too: a reader who sees the other records could subtract them
    assert pub.hidden == {("all", "II"), ("all", TOTAL)}
    assert pub.restricted_records == 1


def test_a_published_total_makes_a_lone_hidden_cell_take_the_smallest_with_it() -> None:
    inner = {
        ("all", "I"): Cell(Decimal(100), 4, 0),
        ("all", "II"): Cell(Decimal(50), 2, 1),
        ("all", "III"): Cell(Decimal(30), 5, 0),
        ("all", "IV"): Cell(Decimal(70), 3, 3),
    }
    pub = suppress(Table.build(["all"], ["I", "II", "III", "IV"], inner), threshold=3)
    assert pub.primary == {("all", "II")}
    assert pub.hidden == {("all", "II"), ("all", "III")}  # the smallest other cell hides with it
    assert pub.value(("all", TOTAL)) == Decimal(250)
    assert pub.restricted_records == 3  # without exact margin counts: the largest cell's, a lower bound


def test_nothing_restricted_hides_nothing() -> None:
    inner = {("a", "x"): Cell(Decimal(1), 1, 0), ("a", "y"): Cell(Decimal(2), 1, 0)}
    assert suppress(Table.build(["a"], ["x", "y"], inner)).hidden == set()

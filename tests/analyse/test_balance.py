"""Properties of the pillar balance on made-up registries: every table adds up, nothing is counted twice,
counts add up to the number of activities, the index lies in [0, 1] and the same snapshot gives the same
interval."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
from hypothesis import given, settings

from gcts.analyse import balance
from gcts.analyse.records import Records
from gcts.registry.suppression import TOTAL
from gcts.registry.totals import total
from gcts.report.snapshot import Snapshot
from tests.analyse.tables import registries


@settings(max_examples=40, deadline=None)
@given(registries())
def test_tables_add_up_and_count_each_flow_once(snap: Snapshot) -> None:
    records = Records.of(snap)
    money = total(records.flows, records.scope, "committed").usd
    for dimension in balance.DIMENSIONS:
        for measure in ("count", "committed"):
            table = balance.breakdown(records, dimension, measure)
            grand = table.cells[(TOTAL, TOTAL)] if table.two_way else table.cells[(table.rows[0], TOTAL)]
            if measure == "count":
                assert grand.value == len(records.activities)
            else:
                assert grand.value == money  # the internal flow between activities 1 and 2 is not counted
            for r in table.rows:
                assert (
                    sum((table.cells[(r, c)].value for c in table.cols), Decimal(0))
                    == table.cells[(r, TOTAL)].value
                )
            if table.two_way:
                for c in table.cols:
                    column = sum((table.cells[(r, c)].value for r in table.rows), Decimal(0))
                    assert column == table.cells[(TOTAL, c)].value
            assert grand.records <= len(records.activities)
            assert grand.restricted == sum(
                1
                for a in records.activities
                if records.restricted(a)
                and (
                    measure == "count"
                    or any(f.destination_activity == a for f in records.flows if f.source_activity is None)
                )
            )


@settings(max_examples=30, deadline=None)
@given(registries())
def test_the_index_is_an_evenness_with_a_stable_interval(snap: Snapshot) -> None:
    records = Records.of(snap)
    _acts, matrix = balance.activity_matrix(records, "count")
    one, two = balance.index(matrix, seed=7), balance.index(matrix, seed=7)
    assert one == two
    if one.value is not None:
        assert -1e-9 <= one.value <= 1 + 1e-9
        assert one.low is not None and one.high is not None and one.low <= one.high + 1e-9


def test_evenness_extremes() -> None:
    assert float(balance.evenness(np.array([1.0, 1.0, 1.0, 1.0]))) == 1.0
    assert float(balance.evenness(np.array([5.0, 0.0, 0.0, 0.0]))) == 0.0
    assert np.isnan(balance.evenness(np.array([0.0, 0.0, 0.0, 0.0])))
    assert 0 < float(balance.evenness(np.array([3.0, 1.0, 0.0, 0.0]))) < 1

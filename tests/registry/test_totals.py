"""Money totals: the sum of the parts, no flow counted twice, pledges never counted (property tests)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from gcts.registry.shares import even_shares
from gcts.registry.totals import (
    UNATTRIBUTED,
    Boundary,
    FlowFacts,
    boundary,
    by_share,
    by_year,
    counted,
    pledged,
    total,
)

KINDS = ("pledge", "commitment", "disbursement", "expenditure")
activity = st.one_of(st.none(), st.integers(min_value=1, max_value=8))


@st.composite
def flows(draw: st.DrawFn) -> list[FlowFacts]:
    n = draw(st.integers(min_value=0, max_value=30))
    out = []
    for i in range(n):
        out.append(
            FlowFacts(
                id=i,
                kind=draw(st.sampled_from(KINDS)),
                usd=draw(st.one_of(st.none(), st.integers(0, 10**9).map(lambda c: Decimal(c) / 100))),
                source_activity=draw(activity),
                destination_activity=draw(activity),
                year=draw(st.integers(2015, 2026)),
            )
        )
    # the same flow seen twice (reported by both ends) must not count twice
    return out + draw(st.lists(st.sampled_from(out), max_size=5)) if out else out


scopes = st.frozensets(st.integers(min_value=1, max_value=8))


@st.composite
def pillar_shares(draw: st.DrawFn) -> dict[int, dict[str, Decimal]]:
    out = {}
    for act in range(1, 9):
        pillars = draw(st.lists(st.sampled_from(["I", "II", "III", "IV"]), unique=True, max_size=4))
        if pillars:
            out[act] = dict(zip(pillars, even_shares(len(pillars)), strict=True))
    return out


@given(flows(), scopes, st.sampled_from(["committed", "disbursed", "spent"]), pillar_shares())
def test_parts_sum_to_the_total(
    fs: list[FlowFacts], scope: frozenset[int], measure: str, shares: dict
) -> None:
    t = total(fs, scope, measure)
    parts = by_share(fs, scope, measure, shares)
    assert sum(parts.values(), Decimal(0)) == t.usd
    assert sum(by_year(fs, scope, measure).values(), Decimal(0)) == t.usd
    assert set(parts) <= {"I", "II", "III", "IV", UNATTRIBUTED}


@given(flows(), scopes, st.sampled_from(["committed", "disbursed", "spent"]))
def test_no_flow_counted_twice_and_pledges_never(
    fs: list[FlowFacts], scope: frozenset[int], measure: str
) -> None:
    rows = counted(fs, scope, measure)
    ids = [f.id for f in rows]
    assert len(ids) == len(set(ids))
    assert all(f.kind != "pledge" for f in rows)
    assert all(boundary(f, scope) is not Boundary.INTERNAL for f in rows)


@given(flows(), scopes)
def test_internal_flows_are_not_funding(fs: list[FlowFacts], scope: frozenset[int]) -> None:
    # Adding a flow between two activities of the scope never changes the scope's funding.
    before = total(fs, scope, "disbursed").usd
    if len(scope) >= 2:
        a, b = sorted(scope)[:2]
        extra = FlowFacts(
            id=10**6, kind="disbursement", usd=Decimal("5.00"), source_activity=a, destination_activity=b
        )
        assert total([*fs, extra], scope, "disbursed").usd == before


def test_a_chain_through_a_trust_fund_counts_once() -> None:
    # donor -> trust fund (1) -> project (2): funding of {1, 2} is the donor's money; of {2} the allocation
    donor = FlowFacts(1, "disbursement", Decimal("100.00"), None, 1)
    allocation = FlowFacts(2, "disbursement", Decimal("60.00"), 1, 2)
    assert total([donor, allocation], {1, 2}, "disbursed").usd == Decimal("100.00")
    assert total([donor, allocation], {2}, "disbursed").usd == Decimal("60.00")


def test_pledges_are_apart_and_outstanding_shrinks_with_commitments() -> None:
    pledge = FlowFacts(1, "pledge", Decimal("100.00"), None, 1)
    commitment = FlowFacts(2, "commitment", Decimal("40.00"), None, 1, fulfils=1)
    assert total([pledge], {1}, "committed").usd == 0
    assert pledged([pledge, commitment], {1}) == (Decimal("100.00"), Decimal("60.00"))
    over = FlowFacts(3, "commitment", Decimal("90.00"), None, 1, fulfils=1)
    assert pledged([pledge, commitment, over], {1})[1] == 0


def test_unconverted_flows_are_counted_apart() -> None:
    t = total(
        [FlowFacts(1, "commitment", None, None, 1), FlowFacts(2, "commitment", Decimal(5), None, 1)],
        {1},
        "committed",
    )
    assert (t.usd, t.flows, t.unconverted) == (Decimal(5), 2, 1)

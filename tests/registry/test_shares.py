"""Shares that sum to 100 and exact splits (property tests)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from gcts.registry.shares import allocate, even_shares, split, sums_to_100

cents = st.integers(min_value=0, max_value=10**12).map(lambda n: Decimal(n) / 100)
weights = st.lists(st.integers(min_value=0, max_value=10_000).map(Decimal), min_size=1, max_size=12).filter(
    lambda w: sum(w) > 0
)


@given(cents, weights)
def test_allocation_adds_back_to_the_total(total: Decimal, ws: list[Decimal]) -> None:
    parts = allocate(total, ws)
    assert sum(parts) == total
    assert all(p >= 0 for p in parts)
    assert all(p == 0 for p, w in zip(parts, ws, strict=True) if w == 0)
    # each part is within one cent of its exact proportion
    exact = [total * w / sum(ws) for w in ws]
    assert all(abs(p - e) < Decimal("0.01") for p, e in zip(parts, exact, strict=True))


@given(st.integers(min_value=1, max_value=200))
def test_even_shares_sum_to_100(n: int) -> None:
    shares = even_shares(n)
    assert len(shares) == n and sum(shares) == 100 and sums_to_100(shares)


def test_split_keeps_keys_and_rejects_bad_weights() -> None:
    assert split(Decimal("100.00"), {"I": Decimal(50), "III": Decimal(50)}) == {
        "I": Decimal("50.00"),
        "III": Decimal("50.00"),
    }
    assert split(Decimal("0.01"), {"a": Decimal(1), "b": Decimal(1)}) == {
        "a": Decimal("0.01"),
        "b": Decimal(0),
    }
    assert not sums_to_100([Decimal(60), Decimal(30)])
    assert not sums_to_100([])

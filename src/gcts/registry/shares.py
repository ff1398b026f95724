"""Shares that sum to 100 and amounts split by them exactly (framework-free).

An activity's pillars, themes and beneficiaries each carry percentages that must sum to 100; a total split by
such shares must give parts that add back to the total to the cent, so figures reconcile across views.
Splitting uses the largest-remainder method on whole cents.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from decimal import ROUND_FLOOR, Decimal
from typing import TypeVar

HUNDRED = Decimal(100)
CENT = Decimal("0.01")
K = TypeVar("K", bound=Hashable)


def sums_to_100(shares: Sequence[Decimal], tolerance: Decimal = Decimal("0.01")) -> bool:
    """Whether the shares (percent) sum to 100 within ``tolerance``; an empty list does not."""
    return bool(shares) and abs(sum(shares, Decimal(0)) - HUNDRED) <= tolerance


def even_shares(n: int) -> list[Decimal]:
    """``n`` shares to two decimals that sum to exactly 100 (the first ones take the odd cents)."""
    if n <= 0:
        return []
    return allocate(HUNDRED, [Decimal(1)] * n)


def allocate(total: Decimal, weights: Sequence[Decimal], quantum: Decimal = CENT) -> list[Decimal]:
    """Split ``total`` in proportion to ``weights`` into multiples of ``quantum`` that sum to ``total``
    exactly (largest remainder; ties go to the earlier weight). Zero weights get zero."""
    if not weights:
        return []
    weight_sum = sum(weights, Decimal(0))
    if weight_sum <= 0:
        raise ValueError("weights must have a positive sum")
    units = (total / quantum).to_integral_value(rounding=ROUND_FLOOR)
    if units * quantum != total:
        raise ValueError(f"total {total} is not a multiple of {quantum}")
    exact = [units * w / weight_sum for w in weights]
    floors = [e.to_integral_value(rounding=ROUND_FLOOR) for e in exact]
    left = int(units - sum(floors, Decimal(0)))
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return [f * quantum for f in floors]


def split(total: Decimal, shares: Mapping[K, Decimal], quantum: Decimal = CENT) -> dict[K, Decimal]:
    """``total`` split by the named shares (:func:`allocate`), keyed like ``shares``."""
    keys = list(shares)
    return dict(zip(keys, allocate(total, [shares[k] for k in keys], quantum), strict=True))

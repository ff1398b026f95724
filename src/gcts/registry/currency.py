"""Exchange rates and US dollars, without a framework: a named table of units per US dollar by year.

The derived amount uses the rate of the value date's year, else the nearest earlier year the table has
(rates are annual period averages); an amount whose currency the table lacks has no US-dollar amount
(``None``), which the import rules report instead of guessing.
"""

from __future__ import annotations

import csv
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from importlib import resources
from pathlib import Path

CENT = Decimal("0.01")
IMF_TABLE = "IMF annual average (IFS ENDA)"
IMF_SOURCE = "Source: International Monetary Fund (IFS, ENDA annual averages), compiled by Code for IATI"


@dataclass
class RateBook:
    """A named rate table in memory: ``rates[currency]`` is a sorted list of (year, units per US dollar)."""

    name: str
    source: str
    rates: dict[str, list[tuple[int, Decimal]]] = field(default_factory=dict)

    def add(self, currency: str, year: int, per_usd: Decimal) -> None:
        """Add a rate; the first rate given for a (currency, year) wins (a currency shared by several
        countries, like the euro, appears once per country in the IMF file)."""
        row = self.rates.setdefault(currency.upper(), [])
        if any(y == year for y, _r in row):
            return
        row.append((year, per_usd))
        row.sort()

    def rate(self, currency: str, on: date) -> Decimal | None:
        """Units of ``currency`` per US dollar for ``on`` (its year, else the nearest earlier year)."""
        code = currency.upper()
        if code == "USD":
            return Decimal(1)
        row = self.rates.get(code)
        if not row:
            return None
        i = bisect_right(row, (on.year, Decimal("Infinity")))
        return row[i - 1][1] if i else None

    def to_usd(self, value: Decimal, currency: str, on: date) -> Decimal | None:
        """``value`` in US dollars to the cent, or ``None`` when the table has no rate."""
        r = self.rate(currency, on)
        if r is None or r == 0:
            return None
        return (value / r).quantize(CENT, rounding=ROUND_HALF_EVEN)

    def rows(self) -> Iterator[tuple[str, int, Decimal]]:
        for cur, row in self.rates.items():
            for year, r in row:
                yield cur, year, r


def read_imf_csv(lines: Iterable[str], name: str = IMF_TABLE, source: str = IMF_SOURCE) -> RateBook:
    """Read the IMF annual rates file (columns Date, Rate, Currency …); unreadable rows are skipped."""
    book = RateBook(name=name, source=source)
    for row in csv.DictReader(lines):
        try:
            year = int(row["Date"][:4])
            per_usd = Decimal(row["Rate"])
        except (KeyError, ValueError, InvalidOperation, TypeError):
            continue
        cur = (row.get("Currency") or "").strip().upper()
        if len(cur) == 3 and per_usd > 0:
            book.add(cur, year, per_usd)
    return book


def imf_rates(path: Path | None = None) -> RateBook:
    """The rate table shipped with gcts (or the IMF-format file at ``path``)."""
    if path is not None:
        with path.open(encoding="utf-8") as f:
            return read_imf_csv(f)
    text = (
        resources.files("gcts.registry") / "data" / "rates" / "imf_exchangerates_A_ENDA_USD.csv"
    ).read_text(encoding="utf-8")
    return read_imf_csv(text.splitlines())

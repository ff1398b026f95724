"""The store's rate tables as :class:`~gcts.registry.currency.RateBook` objects, and US dollars derived for
budgets and flows from the default (or a named) table. Replacing the rates is loading another table and
calling :func:`reconvert`; every total names the table it used."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

from django.db import transaction

from gcts.registry.currency import RateBook, read_imf_csv
from gcts.registry.models import Budget, Flow, Rate, RateTable

Progress = Callable[[int, int, str], None]
_BOOKS: dict[tuple[int, int], RateBook] = {}


def default_table() -> RateTable:
    """The default rate table (the IMF table shipped with gcts)."""
    table = RateTable.objects.filter(is_default=True).order_by("pk").first()
    if table is None:
        raise LookupError("no default rate table is loaded")
    return table


def book(table: RateTable | None = None) -> RateBook:
    """The rates of ``table`` (default: the default table), cached per table and row count."""
    table = table or default_table()
    key = (table.pk, Rate.objects.filter(table=table).count())
    if key not in _BOOKS:
        b = RateBook(name=table.name, source=table.source)
        for cur, year, per_usd in Rate.objects.filter(table=table).values_list("currency", "year", "per_usd"):
            b.add(cur, year, per_usd)
        _BOOKS.clear()
        _BOOKS[key] = b
    return _BOOKS[key]


def convert(obj: Budget | Flow, table: RateTable | None = None, rates: RateBook | None = None) -> None:
    """Set ``obj.usd`` and ``obj.rate_table`` from its value, currency and value date (not saved)."""
    table = table or default_table()
    rates = rates or book(table)
    obj.usd = rates.to_usd(Decimal(obj.value), obj.currency, obj.value_date)
    obj.rate_table = table


@transaction.atomic
def load_table(name: str, source: str, lines: Iterable[str], *, default: bool = False) -> RateTable:
    """Store an IMF-format rate file as the table ``name`` (replacing a table of that name)."""
    rates = read_imf_csv(lines, name=name, source=source)
    RateTable.objects.filter(name=name).delete()
    if default:
        RateTable.objects.update(is_default=False)
    table = RateTable.objects.create(name=name, source=source, is_default=default)
    Rate.objects.bulk_create(Rate(table=table, currency=c, year=y, per_usd=r) for c, y, r in rates.rows())
    return table


@transaction.atomic
def reconvert(table: RateTable, progress: Progress | None = None) -> int:
    """Derive every budget's and flow's US dollars again from ``table``; the number of rows changed."""
    rates = book(table)
    budgets = list(Budget.objects.all())
    for b in budgets:
        convert(b, table, rates)
    Budget.objects.bulk_update(budgets, ["usd", "rate_table"], batch_size=2000)
    if progress:
        progress(len(budgets), len(budgets), "budgets")
    flows = list(Flow.objects.all())
    for f in flows:
        convert(f, table, rates)
    Flow.objects.bulk_update(flows, ["usd", "rate_table"], batch_size=2000)
    if progress:
        progress(len(flows), len(flows), "flows")
    return len(budgets) + len(flows)

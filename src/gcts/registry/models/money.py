# mypy: disable-error-code="var-annotated,attr-defined"
"""Money: budgets by period, and flows of money from a source to a destination (FTS-style).

Every amount keeps its original value, currency and value date; the US-dollar amount is derived from a named
rate table (:class:`RateTable`, replaceable) and the table's name travels with every total. A flow is stored
once, whoever reports it: the donor's disbursement and the recipient's incoming funds are the same flow seen
from its two ends (IATI transaction types 3 and 1). Which flows a total may count is decided by
:mod:`gcts.registry.totals` (boundaries, pledges apart).
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gcts.registry.models.activities import Activity
from gcts.registry.models.actors import Organisation
from gcts.registry.models.governance import Governed


class RateTable(models.Model):
    """A named table of exchange rates (national currency per US dollar, by year)."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    source = models.CharField(_("source"), max_length=300)
    is_default = models.BooleanField(_("default"), default=False)

    class Meta:
        verbose_name = _("rate table")
        verbose_name_plural = _("rate tables")

    def __str__(self) -> str:
        return self.name


class Rate(models.Model):
    """Units of ``currency`` per US dollar in ``year`` (annual period average)."""

    table = models.ForeignKey(
        RateTable, on_delete=models.CASCADE, related_name="rates", verbose_name=_("table")
    )
    currency = models.CharField(_("currency"), max_length=3)
    year = models.PositiveIntegerField(_("year"))
    per_usd = models.DecimalField(_("units per US dollar"), max_digits=24, decimal_places=10)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["table", "currency", "year"], name="registry_unique_rate"),
        )
        verbose_name = _("rate")
        verbose_name_plural = _("rates")

    def __str__(self) -> str:
        return f"{self.table_id} {self.currency} {self.year} {self.per_usd}"


class Money(models.Model):
    """Abstract: an original amount, its currency and value date, and the derived US-dollar amount."""

    value = models.DecimalField(_("amount"), max_digits=18, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    value_date = models.DateField(_("value date"))
    usd = models.DecimalField(
        _("amount in US dollars"), null=True, blank=True, max_digits=18, decimal_places=2
    )
    rate_table = models.ForeignKey(
        RateTable,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("rate table"),
    )

    class Meta:
        abstract = True


class BudgetType(models.TextChoices):
    ORIGINAL = "1", _("original")
    REVISED = "2", _("revised")


class Budget(Money):
    """An activity's budget for one period (IATI budget)."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="budgets", verbose_name=_("activity")
    )
    type = models.CharField(
        _("budget type"), max_length=1, choices=BudgetType.choices, default=BudgetType.ORIGINAL
    )
    status = models.CharField(_("budget status"), max_length=1, default="1", help_text=_("IATI BudgetStatus"))
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))

    class Meta:
        ordering = ("activity", "period_start")
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")

    def __str__(self) -> str:
        return f"{self.activity_id} {self.period_start}–{self.period_end} {self.value} {self.currency}"


class FlowKind(models.TextChoices):
    """What a flow is. Pledges are promises, never money until a commitment fulfils them."""

    PLEDGE = "pledge", _("pledge")
    COMMITMENT = "commitment", _("commitment")
    DISBURSEMENT = "disbursement", _("disbursement / incoming funds")
    EXPENDITURE = "expenditure", _("expenditure")


class FlowQuerySet(models.QuerySet["Flow"]):
    """Queries over flows."""

    def money(self) -> FlowQuerySet:
        """Flows that are money (everything but pledges)."""
        return self.exclude(kind=FlowKind.PLEDGE)

    def touching(self, activity: Activity) -> FlowQuerySet:
        """Flows in or out of ``activity``."""
        return self.filter(models.Q(source_activity=activity) | models.Q(destination_activity=activity))


class Flow(Governed, Money):
    """Money (or a pledge of it) going from a source (organisation and/or activity) to a destination.

    ``parent`` is the flow whose money this one passes on (a trust fund's allocation of a donor's
    contribution); ``fulfils`` is the pledge a commitment honours. ``reported_by`` is the activity whose
    record carried the flow on import (provenance only; totals never depend on it).
    """

    kind = models.CharField(_("kind"), max_length=14, choices=FlowKind.choices, db_index=True)
    source_org = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="outgoing_flows",
        verbose_name=_("source organisation"),
    )
    source_activity = models.ForeignKey(
        Activity,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="outgoing_flows",
        verbose_name=_("source activity"),
    )
    source_name = models.CharField(_("source as reported"), max_length=300, blank=True)
    destination_org = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="incoming_flows",
        verbose_name=_("destination organisation"),
    )
    destination_activity = models.ForeignKey(
        Activity,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="incoming_flows",
        verbose_name=_("destination activity"),
    )
    destination_name = models.CharField(_("destination as reported"), max_length=300, blank=True)
    transaction_date = models.DateField(_("transaction date"), null=True, blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        verbose_name=_("parent flow"),
    )
    fulfils = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fulfilled_by",
        verbose_name=_("pledge fulfilled"),
    )
    reported_by = models.ForeignKey(
        Activity,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reported_flows",
        verbose_name=_("reported by"),
    )
    description = models.CharField(_("description"), max_length=500, blank=True)
    history = HistoricalRecords(inherit=False)

    objects: ClassVar[FlowQuerySet] = FlowQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ("value_date", "id")
        indexes = (
            models.Index(fields=["kind", "destination_activity"], name="registry_flow_in"),
            models.Index(fields=["kind", "source_activity"], name="registry_flow_out"),
        )
        verbose_name = _("flow")
        verbose_name_plural = _("flows")

    def __str__(self) -> str:
        return f"{self.kind} {self.value} {self.currency} {self.value_date}"

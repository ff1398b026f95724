# mypy: disable-error-code="var-annotated"
"""Snapshots of the list (one row per entry, kept whole as JSON), screening runs, hits, decisions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ListSnapshot(models.Model):
    """One loaded file of the Consolidated List; the newest by ``generated`` is the one screened against."""

    generated = models.CharField(_("generated"), max_length=40, help_text="the file's dateGenerated")
    snapshot_date = models.DateField(_("snapshot date"), db_index=True)
    source = models.CharField(_("source"), max_length=255, help_text="file name it was loaded from")
    sha256 = models.CharField(_("sha256"), max_length=64, unique=True)
    individuals = models.PositiveIntegerField(
        _("individuals"),
    )
    entities = models.PositiveIntegerField(
        _("entities"),
    )
    loaded_at = models.DateTimeField(_("loaded at"), auto_now_add=True)

    class Meta:
        ordering = ("-generated",)

    def __str__(self) -> str:
        return f"Consolidated List of {self.snapshot_date}"


class ListedEntry(models.Model):
    """One individual or entity of a snapshot."""

    snapshot = models.ForeignKey(ListSnapshot, on_delete=models.CASCADE, related_name="entries")
    reference_number = models.CharField(_("reference number"), max_length=32)
    kind = models.CharField(
        _("kind"), max_length=12, choices=(("individual", _("individual")), ("entity", _("entity")))
    )
    primary_name = models.CharField(_("primary name"), max_length=500)
    un_list_type = models.CharField(_("un list type"), max_length=64)
    listed_on = models.CharField(_("listed on"), max_length=20, blank=True)
    data = models.JSONField(_("data"), help_text="the entry as gcts.screening.listing.ListEntry.to_dict()")

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("snapshot", "reference_number"), name="one_entry_per_ref"),
        )
        ordering = ("reference_number",)

    def __str__(self) -> str:
        return f"{self.reference_number} {self.primary_name}"


class ScreeningRun(models.Model):
    """One screening of an uploaded file (or one record through the API) against one snapshot."""

    snapshot = models.ForeignKey(ListSnapshot, on_delete=models.PROTECT, related_name="runs")
    source = models.CharField(_("source"), max_length=255)
    threshold = models.FloatField(
        _("threshold"),
    )
    records = models.PositiveIntegerField(_("records"), default=0)
    records_with_hits = models.PositiveIntegerField(_("records with hits"), default=0)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="screening_runs"
    )
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = (
            "-started_at",
            "-id",
        )

    def __str__(self) -> str:
        return f"screening of {self.source}"


class Hit(models.Model):
    """A record of a run that reached the threshold for one list entry."""

    run = models.ForeignKey(ScreeningRun, on_delete=models.CASCADE, related_name="hits")
    row = models.PositiveIntegerField(_("row"), help_text="data row of the input, from 1")
    rank = models.PositiveSmallIntegerField(_("rank"), help_text="1 for the record's best match")
    record = models.JSONField(_("record"), help_text="the screened record's fields")
    reference_number = models.CharField(_("reference number"), max_length=32)
    matched_name = models.CharField(_("matched name"), max_length=500)
    score = models.FloatField(
        _("score"),
    )
    explanation = models.TextField(
        _("explanation"),
    )

    class Meta:
        ordering = (
            "row",
            "rank",
        )

    def __str__(self) -> str:
        return f"row {self.row} ~ {self.reference_number}"

    @property
    def decision(self) -> Decision | None:
        """The latest decision on this hit (all are kept)."""
        return Decision.objects.filter(hit=self).order_by("-decided_at", "-id").first()


class Decision(models.Model):
    """An analyst's verdict on a hit, with a note; never edited, a new one supersedes it."""

    TRUE_MATCH = "true_match"
    FALSE_POSITIVE = "false_positive"
    VERDICTS = ((TRUE_MATCH, _("true match")), (FALSE_POSITIVE, _("false positive")))

    hit = models.ForeignKey(Hit, on_delete=models.CASCADE, related_name="decisions")
    verdict = models.CharField(_("verdict"), max_length=16, choices=VERDICTS)
    note = models.TextField(_("note"), blank=True, max_length=4000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="screening_decisions"
    )
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)

    class Meta:
        ordering = (
            "-decided_at",
            "-id",
        )

    def __str__(self) -> str:
        return f"{self.verdict} by {self.decided_by} on {self.hit}"

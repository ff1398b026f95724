# mypy: disable-error-code="var-annotated"
"""CTED-style assessments of a Member State and their recommendations.

An assessment belongs to the assessed State and its assessor: both are owners of its items. The State's
``consent`` says how far the items may travel for the planning of technical assistance (resolution 72/284,
para 74): an item is seen by the narrower of its own visibility and that consent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gcts.registry.models.activities import Activity
from gcts.registry.models.actors import MemberState, Organisation
from gcts.registry.models.governance import Governed, Visibility

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager


class AssessmentType(models.TextChoices):
    VISIT = "visit", _("assessment visit")
    FOLLOW_UP = "follow_up", _("follow-up visit")
    DESK = "desk", _("desk review")
    SURVEY = "survey", _("implementation survey")


class Priority(models.TextChoices):
    HIGH = "high", _("high")
    MEDIUM = "medium", _("medium")
    LOW = "low", _("low")


class Assessment(Governed):
    """An assessment of one Member State's implementation by an assessor (usually CTED)."""

    state = models.ForeignKey(
        MemberState, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("assessed State")
    )
    assessor = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="assessments_made", verbose_name=_("assessor")
    )
    date = models.DateField(_("date"))
    type = models.CharField(
        _("type"), max_length=12, choices=AssessmentType.choices, default=AssessmentType.VISIT
    )
    title = models.JSONField(_("title"), default=dict)
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    consent = models.CharField(
        _("consent of the assessed State"),
        max_length=16,
        choices=Visibility.choices,
        default=Visibility.OWNER,
        help_text=_("how far the State lets the items travel for assistance planning"),
    )
    history = HistoricalRecords(inherit=False)

    if TYPE_CHECKING:
        recommendations: RelatedManager[Recommendation]

    class Meta:
        ordering = ("-date", "ref")
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self) -> str:
        return self.ref


class Recommendation(Governed):
    """One recommendation of an assessment, with its theme, pillar, priority and paragraph links."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="recommendations", verbose_name=_("assessment")
    )
    text = models.JSONField(_("text"), default=dict)
    theme = models.CharField(_("theme"), max_length=40, blank=True, db_index=True)
    pillar = models.CharField(_("pillar"), max_length=4, blank=True, db_index=True)
    priority = models.CharField(
        _("priority"), max_length=8, choices=Priority.choices, default=Priority.MEDIUM
    )
    consent = models.CharField(
        _("consent of the assessed State"),
        max_length=16,
        choices=Visibility.choices,
        blank=True,
        help_text=_("overrides the assessment's consent for this item when set"),
    )
    answered_by = models.ManyToManyField(
        Activity, blank=True, related_name="answers", verbose_name=_("answered by activities")
    )
    history = HistoricalRecords(inherit=False)

    class Meta:
        ordering = ("assessment", "ref")
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return self.ref

    @property
    def effective_consent(self) -> str:
        """The item's consent, else its assessment's."""
        return self.consent or self.assessment.consent

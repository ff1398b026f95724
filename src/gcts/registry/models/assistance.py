# mypy: disable-error-code="var-annotated,attr-defined"
"""Requests for technical assistance (from a Member State) and offers of it, and the matches between them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gcts.registry.models.actors import MemberState, Organisation
from gcts.registry.models.governance import Governed


class AssistanceRequest(Governed):
    """A Member State asks for help on some themes (and paragraphs)."""

    state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        related_name="assistance_requests",
        verbose_name=_("requesting State"),
    )
    date = models.DateField(_("date"))
    themes = models.JSONField(_("themes"), default=list)
    pillar = models.CharField(_("pillar"), max_length=4, blank=True)
    description = models.JSONField(_("description"), default=dict)
    recommendation = models.ForeignKey(
        "registry.Recommendation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests",
        verbose_name=_("recommendation it answers"),
    )
    open = models.BooleanField(_("open"), default=True)
    history = HistoricalRecords(inherit=False)

    class Meta:
        ordering = ("-date", "ref")
        verbose_name = _("assistance request")
        verbose_name_plural = _("assistance requests")

    def __str__(self) -> str:
        return self.ref


class AssistanceOffer(Governed):
    """An organisation (or a State) offers help on some themes, to some States or to any."""

    provider = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="assistance_offers", verbose_name=_("provider")
    )
    date = models.DateField(_("date"))
    themes = models.JSONField(_("themes"), default=list)
    pillar = models.CharField(_("pillar"), max_length=4, blank=True)
    states = models.ManyToManyField(
        MemberState,
        blank=True,
        related_name="assistance_offers",
        verbose_name=_("for States"),
        help_text=_("empty: any State"),
    )
    description = models.JSONField(_("description"), default=dict)
    open = models.BooleanField(_("open"), default=True)
    history = HistoricalRecords(inherit=False)

    class Meta:
        ordering = ("-date", "ref")
        verbose_name = _("assistance offer")
        verbose_name_plural = _("assistance offers")

    def __str__(self) -> str:
        return self.ref


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")


class Match(models.Model):
    """A proposed pairing of a request and an offer, with the reasons it was proposed."""

    request = models.ForeignKey(
        AssistanceRequest, on_delete=models.CASCADE, related_name="matches", verbose_name=_("request")
    )
    offer = models.ForeignKey(
        AssistanceOffer, on_delete=models.CASCADE, related_name="matches", verbose_name=_("offer")
    )
    score = models.FloatField(_("score"))
    reasons = models.JSONField(_("reasons"), default=list)
    status = models.CharField(
        _("status"), max_length=10, choices=MatchStatus.choices, default=MatchStatus.PROPOSED
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ("-score", "id")
        constraints = (models.UniqueConstraint(fields=["request", "offer"], name="registry_unique_match"),)
        verbose_name = _("match")
        verbose_name_plural = _("matches")

    def __str__(self) -> str:
        return f"{self.request_id} ↔ {self.offer_id} ({self.score:.2f})"

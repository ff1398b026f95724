# mypy: disable-error-code="var-annotated,attr-defined"
"""Links from registry records to the resolution paragraphs they serve.

A link holds the paragraph's stable key — document symbol, language and paragraph id (``operative:66``) — and,
when the paragraph is in the library, a foreign key to it by the lazy label ``library.Paragraph``. The key
survives the library re-storing a document (the row is replaced, the key is not); when a new review is stored
the link is carried to the descendant paragraph (:mod:`gcts.registry.lineage`), marked for confirmation when
the alignment is unsure, and never dropped.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _


class LinkStatus(models.TextChoices):
    """How sure the link is."""

    CONFIRMED = "confirmed", _("confirmed")
    CARRIED = "carried", _("carried to the new review")
    TO_CONFIRM = "to_confirm", _("to be confirmed")
    UNRESOLVED = "unresolved", _("paragraph not in the library")


class ParagraphLinkQuerySet(models.QuerySet["ParagraphLink"]):
    """Queries over paragraph links."""

    def to_paragraph(self, symbol: str, pid: str) -> ParagraphLinkQuerySet:
        return self.filter(symbol=symbol, pid=pid)

    def needing_confirmation(self) -> ParagraphLinkQuerySet:
        return self.filter(status__in=(LinkStatus.TO_CONFIRM, LinkStatus.UNRESOLVED))


class ParagraphLink(models.Model):
    """One registry record (activity, recommendation, request or offer of assistance) serving a paragraph."""

    activity = models.ForeignKey(
        "registry.Activity",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="paragraph_links",
        verbose_name=_("activity"),
    )
    recommendation = models.ForeignKey(
        "registry.Recommendation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="paragraph_links",
        verbose_name=_("recommendation"),
    )
    request = models.ForeignKey(
        "registry.AssistanceRequest",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="paragraph_links",
        verbose_name=_("assistance request"),
    )
    offer = models.ForeignKey(
        "registry.AssistanceOffer",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="paragraph_links",
        verbose_name=_("assistance offer"),
    )
    symbol = models.CharField(_("document symbol"), max_length=80, db_index=True)
    language = models.CharField(_("language"), max_length=8, default="en")
    pid = models.CharField(_("paragraph id"), max_length=24, db_index=True, help_text=_("e.g. operative:66"))
    paragraph = models.ForeignKey(
        "library.Paragraph",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registry_links",
        verbose_name=_("paragraph"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=LinkStatus.choices, default=LinkStatus.CONFIRMED, db_index=True
    )
    confidence = models.FloatField(_("alignment confidence"), null=True, blank=True)
    carried_from = models.JSONField(
        _("carried from"),
        default=list,
        blank=True,
        help_text=_("earlier (symbol, paragraph id) pairs this link descends from"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects: ClassVar[ParagraphLinkQuerySet] = ParagraphLinkQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ("symbol", "pid")
        constraints = (
            models.CheckConstraint(
                condition=(
                    models.Q(
                        activity__isnull=False,
                        recommendation__isnull=True,
                        request__isnull=True,
                        offer__isnull=True,
                    )
                    | models.Q(
                        activity__isnull=True,
                        recommendation__isnull=False,
                        request__isnull=True,
                        offer__isnull=True,
                    )
                    | models.Q(
                        activity__isnull=True,
                        recommendation__isnull=True,
                        request__isnull=False,
                        offer__isnull=True,
                    )
                    | models.Q(
                        activity__isnull=True,
                        recommendation__isnull=True,
                        request__isnull=True,
                        offer__isnull=False,
                    )
                ),
                name="registry_link_has_one_owner",
            ),
        )
        verbose_name = _("paragraph link")
        verbose_name_plural = _("paragraph links")

    def __str__(self) -> str:
        return f"{self.symbol} {self.pid}"

    @property
    def paragraph_number(self) -> str:
        """The number in the paragraph id (``operative:66`` → ``66``)."""
        return self.pid.rpartition(":")[2]

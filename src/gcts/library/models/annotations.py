# mypy: disable-error-code="var-annotated"
"""Annotations of paragraphs with their provenance, and the corrections people make to them.

Every annotation row keeps how it was made (``method``: rule, model or person) and the evidence the
annotator gave, so the reading view can say why a label is there. A correction by an editor never
overwrites silently: a :class:`Correction` row keeps who changed what, when, from what to what.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

METHOD_CHOICES = (("rule", _("rule")), ("model", _("model")), ("person", _("person")))


class Label(models.Model):
    """A pillar or theme label with confidence and evidence."""

    KIND_CHOICES = (("pillar", _("pillar")), ("theme", _("theme")))

    paragraph = models.ForeignKey(
        "library.Paragraph", on_delete=models.CASCADE, related_name="labels", verbose_name=_("paragraph")
    )
    kind = models.CharField(_("kind"), max_length=8, choices=KIND_CHOICES)
    value = models.CharField(_("value"), max_length=40, db_index=True)
    confidence = models.FloatField(_("confidence"), default=1.0)
    method = models.CharField(_("method"), max_length=8, choices=METHOD_CHOICES, default="rule")
    evidence = models.JSONField(_("evidence"), default=list)

    class Meta:
        ordering = ("paragraph", "kind", "value")
        verbose_name = _("label")
        verbose_name_plural = _("labels")

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"


class Reference(models.Model):
    """A document cited by a paragraph (in its text, or in a footnote it cites)."""

    paragraph = models.ForeignKey(
        "library.Paragraph", on_delete=models.CASCADE, related_name="references", verbose_name=_("paragraph")
    )
    symbol = models.CharField(_("symbol"), max_length=80, db_index=True)
    kind = models.CharField(_("kind"), max_length=16)
    surface = models.CharField(_("as written"), max_length=255)
    start = models.IntegerField(_("start"), default=0)
    end = models.IntegerField(_("end"), default=0)
    via_footnote = models.IntegerField(_("via footnote"), null=True, blank=True)

    class Meta:
        ordering = ("paragraph", "start", "id")
        verbose_name = _("reference")
        verbose_name_plural = _("references")

    def __str__(self) -> str:
        return self.symbol


class ActorMention(models.Model):
    """A canonical actor named in a paragraph."""

    paragraph = models.ForeignKey(
        "library.Paragraph", on_delete=models.CASCADE, related_name="actors", verbose_name=_("paragraph")
    )
    actor = models.CharField(_("actor"), max_length=40, db_index=True)
    surface = models.CharField(_("as written"), max_length=255)
    start = models.IntegerField(_("start"), default=0)
    end = models.IntegerField(_("end"), default=0)
    addressed = models.BooleanField(_("addressed"), default=False)

    class Meta:
        ordering = ("paragraph", "start", "id")
        verbose_name = _("actor mention")
        verbose_name_plural = _("actor mentions")

    def __str__(self) -> str:
        return self.actor


class Mandate(models.Model):
    """A duty put on a named actor, with its deadline, session or recurrence, and its follow-up status."""

    STATUS_CHOICES = (("open", _("open")), ("in_progress", _("in progress")), ("done", _("done")))

    paragraph = models.ForeignKey(
        "library.Paragraph", on_delete=models.CASCADE, related_name="mandates", verbose_name=_("paragraph")
    )
    document = models.ForeignKey(
        "library.Document", on_delete=models.CASCADE, related_name="mandates", verbose_name=_("document")
    )
    actor = models.CharField(_("actor"), max_length=40, db_index=True)
    action = models.CharField(_("action"), max_length=255, blank=True)
    object = models.TextField(_("object"), blank=True)
    deadline = models.CharField(
        _("deadline"), max_length=10, blank=True, db_index=True, help_text=_("YYYY-MM or YYYY-MM-DD")
    )
    session = models.IntegerField(_("session"), null=True, blank=True)
    recurrence = models.CharField(_("recurrence"), max_length=20, blank=True)
    session_dates = models.JSONField(_("session dates"), null=True, blank=True)
    start = models.IntegerField(_("start"), default=0)
    end = models.IntegerField(_("end"), default=0)
    method = models.CharField(_("method"), max_length=8, choices=METHOD_CHOICES, default="rule")
    evidence = models.JSONField(_("evidence"), default=list)
    status = models.CharField(_("status"), max_length=12, choices=STATUS_CHOICES, default="open")

    if TYPE_CHECKING:
        document_id: int

    class Meta:
        ordering = ("document", "paragraph__position", "start", "id")
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")

    def __str__(self) -> str:
        return f"{self.actor}: {self.action}"


class Correction(models.Model):
    """A change a person made to an annotation: who, when, which field, from what to what, and why."""

    paragraph = models.ForeignKey(
        "library.Paragraph", on_delete=models.CASCADE, related_name="corrections", verbose_name=_("paragraph")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="gcts_corrections",
        verbose_name=_("user"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    field = models.CharField(_("field"), max_length=40)
    old = models.JSONField(_("old value"), null=True, blank=True)
    new = models.JSONField(_("new value"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ("-at",)
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self) -> str:
        return f"{self.paragraph} {self.field} @ {self.at:%Y-%m-%d %H:%M}"

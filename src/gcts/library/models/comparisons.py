# mypy: disable-error-code="var-annotated"
"""Stored comparisons of two documents (computed once, shown many times)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Comparison(models.Model):
    """The result of :func:`gcts.compare.compare` for an ordered pair of documents, with its redline."""

    old = models.ForeignKey(
        "library.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("old document")
    )
    new = models.ForeignKey(
        "library.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("new document")
    )
    result = models.JSONField(_("result"), default=dict, help_text=_("pairs, added, removed and summary"))
    redline = models.TextField(_("redline (HTML)"), blank=True)
    #: The redline with its own words in each interface language (UN code → HTML); ``redline`` is English.
    redlines = models.JSONField(_("redlines by interface language"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ("-created_at",)
        constraints = (models.UniqueConstraint(fields=["old", "new"], name="unique_comparison_pair"),)
        verbose_name = _("comparison")
        verbose_name_plural = _("comparisons")

    def __str__(self) -> str:
        return f"{self.old} → {self.new}"

# mypy: disable-error-code="var-annotated,attr-defined"
"""Who saw a restricted record, when and through which door (page, API, export, search)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessLog(models.Model):
    """One reading of one restricted record by one person."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("user"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    model = models.CharField(_("record kind"), max_length=40)
    ref = models.CharField(_("record"), max_length=120, db_index=True)
    visibility = models.CharField(_("visibility"), max_length=16)
    via = models.CharField(_("through"), max_length=20, help_text=_("page, api, export, search, aggregate"))

    class Meta:
        ordering = ("-at",)
        verbose_name = _("access to a restricted record")
        verbose_name_plural = _("accesses to restricted records")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_id} {self.model} {self.ref}"

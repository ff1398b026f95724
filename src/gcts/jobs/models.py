# mypy: disable-error-code="var-annotated"
"""A job as people see it: what it is, whose, how far it got, and how it ended.

The queue itself (which worker runs what, when) is django-tasks' table (``django_tasks_db``); this row is
gcts's own record of a job, kept after the queue's row is pruned: progress (done of total, the step's
name), the result an application shows when it is done (e.g. the stored document's slug), the one-line
error when it failed, and how often it was tried.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    """One piece of long work: queued → running → done | failed (| interrupted, then queued again)."""

    QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
    STATE_CHOICES = (
        (QUEUED, _("queued")),
        (RUNNING, _("running")),
        (DONE, _("done")),
        (FAILED, _("failed")),
    )

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=40, help_text=_("e.g. upload, import, report"))
    function = models.CharField(_("function"), max_length=200, help_text=_("dotted path of the job function"))
    arguments = models.JSONField(_("arguments"), default=dict)
    label = models.CharField(_("label"), max_length=200, blank=True, help_text=_("what people see"))
    state = models.CharField(_("state"), max_length=10, choices=STATE_CHOICES, default=QUEUED, db_index=True)
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    step = models.CharField(_("step"), max_length=200, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    time_limit = models.PositiveIntegerField(_("time limit (s)"), default=0)
    memory_limit = models.PositiveBigIntegerField(_("memory limit (bytes)"), default=0)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"{self.kind} {self.label or self.pk} ({self.state})"

    @property
    def finished(self) -> bool:
        return self.state in {self.DONE, self.FAILED}

    @property
    def percent(self) -> int | None:
        """How far the job is, 0–100, or None when its size is not known yet."""
        return min(100, self.done * 100 // self.total) if self.total else None

    def as_dict(self) -> dict[str, Any]:
        """The job's state for a page or the API (no arguments: they may hold server paths)."""
        return {
            "id": str(self.pk),
            "kind": self.kind,
            "label": self.label,
            "state": self.state,
            "done": self.done,
            "total": self.total,
            "percent": self.percent,
            "step": self.step,
            "result": self.result,
            "error": self.error,
        }

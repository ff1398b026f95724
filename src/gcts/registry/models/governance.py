# mypy: disable-error-code="var-annotated"
"""What every registry record carries: who may see it, where it stands in its workflow, who owns it.

- ``visibility``: public, Member States, UN entities, or the owner only (the owning organisation and, for
  assessment items, the assessed State); ``field_visibility`` narrows single sensitive fields further
  (e.g. ``{"amount": "owner"}``) — it can only restrict, never widen, what the record allows.
- ``workflow``: draft → submitted → published. Only published records reach readers outside the owner and the
  coordinators.
- ``synthetic``: true for the sample and generated data, so nobody mistakes it for facts.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    """Who may read a record or a field, from the widest to the narrowest audience."""

    PUBLIC = "public", _("public")
    MEMBER_STATES = "member_states", _("Member States")
    UN_ENTITIES = "un_entities", _("UN entities")
    OWNER = "owner", _("owner only")


class Workflow(models.TextChoices):
    """Where a record stands: a draft, submitted for review, or published."""

    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    PUBLISHED = "published", _("published")


WORKFLOW_STEPS: dict[str, tuple[str, ...]] = {
    Workflow.DRAFT: (Workflow.SUBMITTED,),
    Workflow.SUBMITTED: (Workflow.PUBLISHED, Workflow.DRAFT),
    Workflow.PUBLISHED: (Workflow.DRAFT,),
}


class Governed(models.Model):
    """Abstract base of every record that has an owner, a visibility and a workflow state."""

    ref = models.CharField(
        _("identifier"), max_length=120, unique=True, help_text=_("stable identifier of the record")
    )
    visibility = models.CharField(
        _("visibility"), max_length=16, choices=Visibility.choices, default=Visibility.PUBLIC, db_index=True
    )
    field_visibility = models.JSONField(
        _("field visibility"),
        default=dict,
        blank=True,
        help_text=_('narrower visibility of single sensitive fields, e.g. {"amount": "owner"}'),
    )
    workflow = models.CharField(
        _("workflow state"), max_length=12, choices=Workflow.choices, default=Workflow.DRAFT, db_index=True
    )
    owner = models.ForeignKey(
        "registry.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner"),
        help_text=_("the organisation responsible for the record; its focal points may edit it"),
    )
    synthetic = models.BooleanField(
        _("synthetic"), default=False, help_text=_("sample or generated data, not facts")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        abstract = True

    def can_move_to(self, state: str) -> bool:
        """Whether the workflow allows going from the current state to ``state``."""
        return state in WORKFLOW_STEPS.get(self.workflow, ())

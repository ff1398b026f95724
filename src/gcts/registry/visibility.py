"""The one visibility layer: every page, API answer, search result, export and aggregate of the registry asks
this module what a person may see.

A person is reduced to a :class:`Viewer` (role, the organisations they speak for, the States among them).
Records are filtered in the database (:func:`visible`), sensitive fields are hidden per record
(:func:`hidden_fields`), and each reading of a restricted record is written to the access log
(:func:`log_access`). The rules:

- a published record is seen by the audiences its ``visibility`` names: ``public`` by everyone,
  ``member_states`` by Member State focal points, ``un_entities`` by entity focal points, and both of these
  by coordinators; ``owner`` only by the owner's focal points (and, for assessment items, the assessed
  State's and the assessor's) and administrators;
- an assessment item also needs the assessed State's consent for that audience (the narrower wins);
- drafts and submitted records are seen by their owners, coordinators and administrators only;
- administrators see everything; every reading of a non-public record by anyone is logged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from gcts.registry import roles
from gcts.registry.models import (
    AccessLog,
    Activity,
    Affiliation,
    Assessment,
    AssistanceOffer,
    AssistanceRequest,
    Flow,
    Organisation,
    Recommendation,
    Visibility,
    Workflow,
)

ADMINISTRATOR = "administrator"
COORDINATOR = "coordinator"
ENTITY = "entity_focal_point"
STATE = "state_focal_point"
PUBLIC = "public"

AUDIENCES: dict[str, frozenset[str]] = {
    PUBLIC: frozenset({Visibility.PUBLIC}),
    STATE: frozenset({Visibility.PUBLIC, Visibility.MEMBER_STATES}),
    ENTITY: frozenset({Visibility.PUBLIC, Visibility.UN_ENTITIES}),
    COORDINATOR: frozenset({Visibility.PUBLIC, Visibility.MEMBER_STATES, Visibility.UN_ENTITIES}),
    ADMINISTRATOR: frozenset(Visibility.values),
}


@dataclass(frozen=True)
class Viewer:
    """Who is asking: role, the organisations they speak for, and the States among them."""

    role: str = PUBLIC
    user_id: int | None = None
    organisations: frozenset[int] = field(default_factory=frozenset)
    states: frozenset[int] = field(default_factory=frozenset)

    @property
    def audiences(self) -> frozenset[str]:
        """The visibility levels this viewer reads beyond their own records."""
        return AUDIENCES[self.role]

    @property
    def sees_all(self) -> bool:
        return self.role == ADMINISTRATOR

    @property
    def sees_drafts(self) -> bool:
        return self.role in (ADMINISTRATOR, COORDINATOR)

    def reads(self, level: str) -> bool:
        """Whether a published record or field of visibility ``level`` reaches this viewer."""
        return level in self.audiences


ANONYMOUS = Viewer()


def viewer_for(user: Any) -> Viewer:
    """The viewer a Django user (or an anonymous one, or ``None``) is."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ANONYMOUS
    names = set(user.groups.values_list("name", flat=True))
    if user.is_superuser or roles.ADMINISTRATOR in names:
        role = ADMINISTRATOR
    elif roles.COORDINATOR in names:
        role = COORDINATOR
    elif roles.STATE_FOCAL_POINT in names:
        role = STATE
    elif roles.ENTITY_FOCAL_POINT in names:
        role = ENTITY
    else:
        role = PUBLIC
    orgs = list(
        Affiliation.objects.filter(user=user).values_list("organisation_id", "organisation__state_id")
    )
    return Viewer(
        role=role,
        user_id=user.pk,
        organisations=frozenset(o for o, _s in orgs),
        states=frozenset(s for _o, s in orgs if s is not None)
        if role in (STATE, ADMINISTRATOR, COORDINATOR)
        else frozenset(),
    )


def _owned(model: type[models.Model], viewer: Viewer) -> models.Q:
    """Records the viewer owns: by owner organisation, and for assessment items by State or assessor."""
    orgs, states = viewer.organisations, viewer.states
    q = models.Q(owner_id__in=orgs)
    if model is Assessment:
        q |= models.Q(state_id__in=states) | models.Q(assessor_id__in=orgs)
    elif model is Recommendation:
        q |= models.Q(assessment__state_id__in=states) | models.Q(assessment__assessor_id__in=orgs)
    elif model is AssistanceRequest:
        q |= models.Q(state_id__in=states)
    elif model is AssistanceOffer:
        q |= models.Q(provider_id__in=orgs)
    return q


def _readable(model: type[models.Model], audiences: frozenset[str]) -> models.Q:
    """Published records whose visibility (and, for assessment items, consent) the audiences read."""
    q = models.Q(workflow=Workflow.PUBLISHED, visibility__in=audiences)
    if model is Assessment:
        q &= models.Q(consent__in=audiences)
    elif model is Recommendation:
        q &= models.Q(consent__in=audiences) | models.Q(consent="", assessment__consent__in=audiences)
    return q


def visible_q(model: type[models.Model], viewer: Viewer) -> models.Q:
    """The filter of the records of ``model`` that ``viewer`` may read."""
    if viewer.sees_all:
        return models.Q()
    q = _readable(model, viewer.audiences) | _owned(model, viewer)
    if viewer.sees_drafts:
        q |= models.Q(visibility__in=viewer.audiences) & ~models.Q(workflow=Workflow.PUBLISHED)
    return q


def visible(qs: models.QuerySet[Any], viewer: Viewer) -> models.QuerySet[Any]:
    """``qs`` narrowed to what ``viewer`` may read."""
    return qs.filter(visible_q(qs.model, viewer))


def restricted_count(qs: models.QuerySet[Any], viewer: Viewer) -> int:
    """How many published records of ``qs`` exist that ``viewer`` may not read ("n restricted not shown")."""
    if viewer.sees_all:
        return 0
    return qs.filter(workflow=Workflow.PUBLISHED).exclude(visible_q(qs.model, viewer)).count()


def can_read(viewer: Viewer, obj: models.Model) -> bool:
    """Whether ``viewer`` may read ``obj`` (one query)."""
    return type(obj)._default_manager.filter(visible_q(type(obj), viewer), pk=obj.pk).exists()


def owns(viewer: Viewer, obj: models.Model) -> bool:
    """Whether ``viewer`` speaks for the owner of ``obj`` (editing rights of focal points)."""
    return type(obj)._default_manager.filter(_owned(type(obj), viewer), pk=obj.pk).exists()


def hidden_fields(viewer: Viewer, obj: models.Model) -> frozenset[str]:
    """The sensitive fields of ``obj`` that ``viewer`` may not see (its ``field_visibility``)."""
    levels: dict[str, str] = getattr(obj, "field_visibility", None) or {}
    if not levels or viewer.sees_all:
        return frozenset()
    if getattr(obj, "owner_id", None) in viewer.organisations:
        return frozenset()
    return frozenset(f for f, level in levels.items() if not viewer.reads(level))


def log_access(viewer: Viewer, objs: Iterable[models.Model], via: str) -> int:
    """Write one access-log row per non-public record read (or record with hidden fields); the count."""
    rows = [
        AccessLog(
            user_id=viewer.user_id,
            model=type(o)._meta.model_name or "",
            ref=getattr(o, "ref", str(o.pk)),
            visibility=getattr(o, "visibility", ""),
            via=via,
        )
        for o in objs
        if getattr(o, "visibility", Visibility.PUBLIC) != Visibility.PUBLIC
        or getattr(o, "field_visibility", None)
    ]
    if rows:
        AccessLog.objects.bulk_create(rows)
    return len(rows)


# The registry's record kinds and the models behind them (pages, API and exports iterate over this).
RECORD_MODELS: dict[str, type[models.Model]] = {
    "activity": Activity,
    "flow": Flow,
    "assessment": Assessment,
    "recommendation": Recommendation,
    "request": AssistanceRequest,
    "offer": AssistanceOffer,
}


def organisation_of(viewer: Viewer) -> Organisation | None:
    """The first organisation the viewer speaks for (new records are owned by it)."""
    return Organisation.objects.filter(pk__in=viewer.organisations).order_by("pk").first()

"""The registry's roles, as Django groups created (or brought up to date) after every ``migrate``.

- ``registry administrator`` (or a superuser): everything, including the owner-only records (each reading of a
  restricted record is logged);
- ``registry coordinator`` (the Office of Counter-Terrorism): reads all but owner-only records, publishes;
- ``entity focal point``: edits its entity's records; reads what is visible to UN entities;
- ``Member State focal point``: edits its State's records, reads its State's confidential items and what is
  visible to Member States;
- everyone else (signed in or not) is a public reader: published, public records only.

A person's organisation comes from :class:`~gcts.registry.models.Affiliation`; object-level rules are in
:mod:`gcts.registry.permissions` (django-rules).
"""

from __future__ import annotations

from typing import Any

ADMINISTRATOR = "registry administrator"
COORDINATOR = "registry coordinator"
ENTITY_FOCAL_POINT = "entity focal point"
STATE_FOCAL_POINT = "Member State focal point"
ROLES = (ADMINISTRATOR, COORDINATOR, ENTITY_FOCAL_POINT, STATE_FOCAL_POINT)


def ensure_roles(**_: Any) -> None:
    """Create the registry's role groups (a ``post_migrate`` receiver)."""
    from django.contrib.auth.models import Group

    for name in ROLES:
        Group.objects.get_or_create(name=name)

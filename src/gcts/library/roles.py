"""The roles as Django groups, created (or brought up to date) after every ``migrate``.

- administrator: a Django superuser (``gcts serve manage createsuperuser``), who also reaches the admin;
- ``editor``: may add documents, correct annotations and set mandate statuses (each change kept as a
  :class:`~gcts.library.models.Correction` with who and when);
- ``reader``: read-only; public pages need no account, the group lets a deployment name its readers.
"""

from __future__ import annotations

from typing import Any

EDITOR_PERMISSIONS = (
    "add_document",
    "change_document",
    "view_document",
    "change_paragraph",
    "view_paragraph",
    "add_label",
    "change_label",
    "delete_label",
    "view_label",
    "change_mandate",
    "view_mandate",
    "add_correction",
    "view_correction",
)
READER_PERMISSIONS = ("view_document", "view_paragraph", "view_label", "view_mandate")
ROLES = {"editor": EDITOR_PERMISSIONS, "reader": READER_PERMISSIONS}


def ensure_roles(**_: Any) -> None:
    """Create the ``editor`` and ``reader`` groups with their permissions (a ``post_migrate`` receiver)."""
    from django.contrib.auth.models import Group, Permission

    for name, codenames in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="library", codename__in=codenames)
        )

"""The ``analyst`` group: may screen (start runs, use ``/api/screen``), load lists, and decide on hits.

Screened data is personal data: every screening page needs a signed-in user with these permissions
(superusers have them all). Created after every ``migrate``.
"""

from __future__ import annotations

from typing import Any

ANALYST_PERMISSIONS = (
    "add_screeningrun",
    "view_screeningrun",
    "view_hit",
    "add_decision",
    "view_decision",
    "add_listsnapshot",
    "view_listsnapshot",
    "view_listedentry",
)
SCREEN = "sanctions.add_screeningrun"
DECIDE = "sanctions.add_decision"


def ensure_roles(**_: Any) -> None:
    from django.contrib.auth.models import Group, Permission

    group, _created = Group.objects.get_or_create(name="analyst")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="sanctions", codename__in=ANALYST_PERMISSIONS)
    )

"""Django app configuration of the stored sanctions list and screening reviews."""

from __future__ import annotations

from django.apps import AppConfig


class SanctionsConfig(AppConfig):
    """Snapshots of the UN Consolidated List, screening runs, hits and the decisions taken on them."""

    name = "gcts.sanctions"
    label = "sanctions"
    verbose_name = "Sanctions screening"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """After every migrate (and test-database flush): the ``analyst`` group."""
        from django.db.models.signals import post_migrate

        from gcts.sanctions.roles import ensure_roles

        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="gcts-sanctions-roles")

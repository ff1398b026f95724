"""Django app configuration of the implementation registry."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    """Actors, activities, money, assessments, assistance requests and offers, with their confidentiality."""

    name = "gcts.registry"
    label = "registry"
    verbose_name = _("Implementation registry")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """After every migrate (and test-database flush): the role groups and the reference data."""
        from django.db.models.signals import post_migrate

        from gcts.registry.roles import ensure_roles

        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="gcts-registry-roles")
        post_migrate.connect(_reference, sender=self, dispatch_uid="gcts-registry-reference")


def _reference(**_: object) -> None:
    from gcts.registry.reference import load_reference

    load_reference()

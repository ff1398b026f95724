"""Django app configuration of the resolution library's store (below the web: no pages here)."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    """The resolution library: documents, paragraphs, annotations, mandates, comparisons."""

    name = "gcts.library"
    label = "library"
    verbose_name = _("Resolution library")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Keep the role groups in step with the schema after every migrate (and test-database flush)."""
        from django.db.models.signals import post_migrate

        from gcts.library.roles import ensure_roles

        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="gcts-roles")

"""Django app configuration of the library's pages (the models are the store's: :mod:`gcts.library`)."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryPagesConfig(AppConfig):
    """Views, templates, template tags, static files and the admin of the resolution library."""

    name = "gcts.web.library"
    label = "library_pages"
    verbose_name = _("Resolution library pages")

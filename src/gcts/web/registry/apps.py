"""Django app configuration of the registry's web pages (no models: the schema is ``gcts.registry``)."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryWebConfig(AppConfig):
    name = "gcts.web.registry"
    label = "registry_web"
    verbose_name = _("Registry pages")

"""The dashboard's Django app (pages only, no models)."""

from __future__ import annotations

from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "gcts.web.dashboard"
    label = "dashboard"
    verbose_name = "Dashboard"

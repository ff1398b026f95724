"""The jobs app: long work (uploads, imports, reports, screening runs) queued and run off the request."""

from __future__ import annotations

from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "gcts.jobs"
    label = "jobs"
    verbose_name = "Jobs"
    default_auto_field = "django.db.models.BigAutoField"

"""pytest-django set-up for the registry's tests (``tests/conftest.py`` has chosen the run's GCTS_HOME)."""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gcts.web.settings")

import django

django.setup()

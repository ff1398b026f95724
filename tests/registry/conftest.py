"""pytest-django set-up for the registry's tests: a throw-away GCTS_HOME, then Django (as in tests/web)."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("GCTS_HOME", tempfile.mkdtemp(prefix="gcts-test-home-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gcts.web.settings")

import django

django.setup()

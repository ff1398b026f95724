"""Django for the tests that reach the store (web, command line, collection): configured once per run.

The settings read ``GCTS_HOME`` when first imported: ``tests/conftest.py`` has already pointed it at the run's
own temporary folder. The web's settings are used everywhere (they extend the store's): one process holds one
Django configuration.
pytest-django then gives each test that asks for ``db`` a rolled-back transaction of its test database.
"""

from __future__ import annotations

import os


def setup_django() -> None:
    """Point Django at the web's settings (unless already chosen) and set it up (once)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gcts.web.settings")
    import django

    django.setup()

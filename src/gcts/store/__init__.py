"""The store: one Django configuration of the database that the command line, the web and a notebook share.

The store's Django apps (:mod:`gcts.library`, and the registry and screening apps as they come) live below the
web layer; :mod:`gcts.store.settings` is all they need (database, ``GCTS_HOME``, the apps), and the web's
settings extend it. Anything that is not started by Django itself calls :func:`setup` once before it touches a
model::

    import gcts.store
    gcts.store.setup()                    # configure Django (gcts.store.settings unless told otherwise)
    from gcts.library.collection import StoredCollection
    StoredCollection().entries()

:func:`ready` also creates or upgrades the schema and fills a new store (the bundled corpus, an older file
collection) — what the command line does before its first read.
"""

from __future__ import annotations

import os
from collections.abc import Callable

SETTINGS_MODULE = "gcts.store.settings"

#: ``progress(done, total, name)`` of a long job (a corpus load, an import).
Progress = Callable[[int, int, str], None]


def setup(settings_module: str = SETTINGS_MODULE) -> None:
    """Point Django at ``settings_module`` (unless ``DJANGO_SETTINGS_MODULE`` or a running Django already
    chose settings) and initialise the app registry; calling it again does nothing."""
    import django
    from django.apps import apps
    from django.conf import settings

    if apps.ready:
        return
    if not settings.configured:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module)
    django.setup()


def ready(progress: Progress | None = None, *, say: Callable[[str], None] | None = None) -> None:
    """Set up Django, bring the schema up to date and fill a new store (see :mod:`gcts.library.bootstrap`):
    the bundled corpus once, and an older file collection under ``GCTS_HOME`` once (``say`` hears what it
    imported)."""
    setup()
    from gcts.library.bootstrap import prepare_store

    prepare_store(progress, say=say)

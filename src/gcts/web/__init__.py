"""The gcts web application: a Django project holding the pages and the REST API over the store.

The store's models live below it (:mod:`gcts.library`, configured by :mod:`gcts.store`); nothing below
imports ``gcts.web``. :func:`setup` configures Django once, on the web's settings, for callers that are not
started by ``manage.py``.
"""

from __future__ import annotations

SETTINGS_MODULE = "gcts.web.settings"


def setup() -> None:
    """Point Django at the web's settings (unless the caller chose others) and initialise the app registry."""
    import gcts.store

    gcts.store.setup(SETTINGS_MODULE)

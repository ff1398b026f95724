"""The gcts web application: a Django project holding the store, the pages and the REST API.

Nothing outside ``gcts.web`` (and the lazy ``gcts serve`` command) imports Django: the core stays usable
from a notebook. :func:`setup` configures Django once for callers that are not started by ``manage.py``.
"""

from __future__ import annotations

import os

SETTINGS_MODULE = "gcts.web.settings"


def setup() -> None:
    """Point Django at the gcts settings (unless the caller chose others) and initialise the app registry."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    django.setup()

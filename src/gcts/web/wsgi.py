"""WSGI entry point for production servers: ``gunicorn gcts.web.wsgi:application``.

Importing it also does the per-process start-up work (:mod:`gcts.web.warmup`): with ``gunicorn --preload``
that happens once, before the workers are forked.
"""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gcts.web.settings")
application = get_wsgi_application()

from gcts.web.warmup import warm  # noqa: E402  (needs the configured application)

warm()

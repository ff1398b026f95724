"""Django settings of the store alone: the database, the data folder and the store's apps.

The command line and a notebook use these (:func:`gcts.store.setup`); the web's settings
(:mod:`gcts.web.settings`) start from them and add the pages, sessions, admin and static files. Every value
comes from the environment:

- ``GCTS_HOME``: data folder (SQLite database, uploads, generated secret key); see :mod:`gcts.home`.
- ``DATABASE_URL``: the database (``postgres://user@host:5432/name`` in production); SQLite under
  ``GCTS_HOME`` when unset.
- ``GCTS_SECRET_KEY``: the secret key; generated and kept under ``GCTS_HOME`` when unset.
- ``GCTS_JOB_SECONDS``, ``GCTS_JOB_MEMORY_MB``: limits of one job (default 300 s, 1536 MiB).
- ``GCTS_JOBS``: ``immediate`` runs jobs at once in the requesting process (tests); default: the queue.

A new Django app of the store (models that are not web pages: the registry, the screening list) joins by
adding its dotted path to :data:`STORE_APPS`; its pages go into ``gcts.web`` and
:data:`gcts.web.settings.WEB_APPS`.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from gcts.store.home import private_file, secret_key, store_home

GCTS_HOME = store_home()
SECRET_KEY = secret_key(GCTS_HOME)

#: The store's own Django apps (below the web layer; each keeps its app label and table names), after the
#: kept apps their models build on (django-simple-history: the registry's history; django-rules: its
#: object-level permissions).
STORE_APPS = [
    "simple_history",
    "rules",
    "gcts.library",
    "gcts.registry",
    "gcts.sanctions",
    "django_tasks",
    "django_tasks_db",
    "gcts.jobs",
]
INSTALLED_APPS = [
    "django.contrib.auth",  # users (who made a change) and the role groups
    "django.contrib.contenttypes",
    *STORE_APPS,
]

# Object-level permissions of the registry (django-rules) beside Django's model permissions.
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{GCTS_HOME / 'gcts.sqlite3'}",
        conn_max_age=600,
        conn_health_checks=True,
    ),
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets readers go on while one writer stores a document; wait instead of failing on a busy file.
    # IMMEDIATE transactions take the write lock when they begin: a deferred one that read first and then
    # wrote could not upgrade its lock while another wrote, and failed at once with "database is locked"
    # whatever the timeout (18 of 20 concurrent uploads did). The file is the owner's alone (0600).
    private_file(Path(DATABASES["default"]["NAME"]))
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 30,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    )
# Persistent connections (CONN_MAX_AGE): each server thread or worker process keeps its connection instead of
# opening one (and, on SQLite, re-running the PRAGMAs) for every request.
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Long work (uploads, imports, reports) runs as jobs on django-tasks' database queue (decision 0012): the
# same database, no other service; `gcts serve` starts a worker beside the web server.
IMMEDIATE_JOBS = os.environ.get("GCTS_JOBS", "") == "immediate"
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if IMMEDIATE_JOBS
        else "django_tasks_db.DatabaseBackend"
    }
}
GCTS_JOB_ISOLATION = "inline" if IMMEDIATE_JOBS else "process"
GCTS_JOB_SECONDS = int(os.environ.get("GCTS_JOB_SECONDS", "300"))
GCTS_JOB_MEMORY = int(float(os.environ.get("GCTS_JOB_MEMORY_MB", "1536")) * 2**20)

USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

"""Rendered fragments kept in the cache, keyed to the library's version: no reader ever sees a stale one.

A reading view or an API document depends on the document itself and on the rest of the library (a citation
becomes a link when the cited document is stored), so its cache key holds :func:`library_version`: the number
of documents and the newest ``updated_at``. Storing, replacing or deleting a document, and every editor's
correction (which touches ``updated_at``), change it; one cheap query per request checks it. Everything is
rendered from stored data on the first request after a change and served from the cache to every reader after
that: the same for every user, nothing keyed to particular requests. The key also holds
:func:`software_version` (templates, message catalogues, installed gcts), so an upgrade never serves pages
rendered by the previous version from the cache that persists under ``GCTS_HOME``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from contextlib import suppress
from functools import cache as once
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from django.core.cache import cache
from django.db import connection

T = TypeVar("T")

TIMEOUT_SECONDS = 24 * 3600


def library_version() -> str:
    """A token that changes whenever a document is added, replaced, corrected or removed (one query)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*), MAX(updated_at) FROM library_document")
        count, latest = cursor.fetchone()
    return f"{count}@{latest}"


@once
def software_version() -> str:
    """A digest of what renders the fragments: gcts's version, the templates and the compiled catalogues."""
    web = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    with suppress(metadata.PackageNotFoundError):
        digest.update(metadata.version("gcts").encode())
    for path in sorted([*web.rglob("templates/**/*.html"), *web.rglob("locale/*/LC_MESSAGES/*.mo")]):
        digest.update(str(path.relative_to(web)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def key(*parts: str) -> str:
    """A cache key for ``parts`` (which may hold any characters a URL can carry): a short digest."""
    digest = hashlib.sha256("\x1f".join([software_version(), *parts]).encode("utf-8")).hexdigest()[:40]
    return f"gcts:{parts[0]}:{digest}"


def cached(parts: tuple[str, ...], build: Callable[[], T]) -> T:
    """The value cached under ``parts``, built and kept when missing; ``build``'s errors pass through."""
    name = key(*parts)
    value = cache.get(name)
    if value is None:
        value = build()
        cache.set(name, value, TIMEOUT_SECONDS)
    return value

"""The command line reaches the store (``corpus``, ``compare`` and ``lineage`` of stored ids): every test here
runs with Django set up and a rolled-back transaction of the test database, so no test sees another's
documents and none touches a real store."""

from __future__ import annotations

from typing import Any

import pytest

from tests.store import setup_django

setup_django()


@pytest.fixture(autouse=True)
def _store(db: Any) -> None:
    """Database access for every command-line test (pytest-django's ``db``)."""

"""Every comparison test gets its own GCTS_HOME, so no test reads or writes the user's store or caches; the
collection tests reach the store (Django set up, a rolled-back transaction of the test database)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store import setup_django

setup_django()


@pytest.fixture(scope="session")
def _session_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("gcts-home")


@pytest.fixture(autouse=True)
def gcts_home(_session_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private GCTS_HOME shared by the session (the embedding cache is reused between tests)."""
    monkeypatch.setenv("GCTS_HOME", str(_session_home))
    return _session_home

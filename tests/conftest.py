"""The whole suite runs in a data folder of its own: a fresh temporary ``GCTS_HOME``, removed at the end.

It is set when this file is imported — before any test module, before ``tests/web/conftest.py`` sets up
Django (whose settings read ``GCTS_HOME`` once, at import) and before any command-line test starts a
subprocess (which inherits the environment). It replaces whatever ``GCTS_HOME`` the user has set, so a
developer's or a server's real library is never read or written by a test run.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

TEST_HOME = Path(tempfile.mkdtemp(prefix="gcts-test-home-"))
USER_HOME = os.environ.get("GCTS_HOME")  # kept only so a test can check that it is left alone
os.environ["GCTS_HOME"] = str(TEST_HOME)
# Jobs (uploads …) run at once, in the test's process: a queue worker could not see a test's uncommitted rows.
os.environ["GCTS_JOBS"] = "immediate"


def _settings_loaded_elsewhere() -> str | None:
    """The home of Django settings loaded before this file — pytest-django loads them first when
    ``DJANGO_SETTINGS_MODULE`` is set in the environment, and they then point at the user's folder."""
    django_conf = sys.modules.get("django.conf")
    if django_conf is None or not django_conf.settings.configured:
        return None
    home = getattr(django_conf.settings, "GCTS_HOME", None)
    return None if home is None or Path(home) == TEST_HOME else str(home)


if (_elsewhere := _settings_loaded_elsewhere()) is not None:
    shutil.rmtree(TEST_HOME, ignore_errors=True)
    pytest.exit(
        f"the tests would use the data folder {_elsewhere}: unset DJANGO_SETTINGS_MODULE and run again "
        "(the suite sets it itself, after choosing its own temporary GCTS_HOME)",
        returncode=4,
    )


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the run's data folder (database, uploads, caches) once every test has finished."""
    shutil.rmtree(TEST_HOME, ignore_errors=True)

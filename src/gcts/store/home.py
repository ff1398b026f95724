"""The store's data folder (``GCTS_HOME``, created when the store is configured) and its secret key."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from gcts.home import gcts_home

SECRET_FILE = "secret_key"


def store_home() -> Path:
    """The data folder (:func:`gcts.home.gcts_home`), created if missing."""
    home = gcts_home()
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    return home


def private_file(path: Path) -> Path:
    """Make sure ``path`` exists and only its owner can read it (0600), e.g. the SQLite database before
    SQLite opens it (its journal files take the database's permissions). A folder that cannot be written is
    left for the start-up check to report (:func:`gcts.web.faults.home_problem`)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)
    except OSError:
        pass
    return path


def secret_key(home: Path) -> str:
    """``GCTS_SECRET_KEY`` when given; otherwise a random key generated once and kept under ``home``.

    The file is created with mode 0600 so other local users cannot read it.
    """
    given = os.environ.get("GCTS_SECRET_KEY")
    if given:
        return given
    path = home / SECRET_FILE
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    key = secrets.token_urlsafe(50)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it first: use theirs
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key

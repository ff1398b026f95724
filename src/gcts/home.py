"""Where gcts keeps what a user accumulates: the store's database (SQLite by default), uploads, caches.

``GCTS_HOME`` (an environment variable) names the folder; without it, the platform's user data folder for
``gcts`` is used (e.g. ``~/.local/share/gcts`` on Linux), so a user who just runs ``gcts`` never has to choose
a path; a deployment sets ``GCTS_HOME`` explicitly. Nothing is created until something is written.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import platformdirs


def gcts_home() -> Path:
    """The folder holding the store and the caches: ``$GCTS_HOME`` or the user data folder of gcts."""
    configured = os.environ.get("GCTS_HOME")
    return Path(configured).expanduser() if configured else Path(platformdirs.user_data_dir("gcts"))


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and ``os.replace``.

    A reader sees either the old file or the new one, never a half-written one, even if the process dies.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

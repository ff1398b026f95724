"""Where the web application keeps its data: ``GCTS_HOME`` (SQLite file, uploads, the generated secret key).

The default is the platform's per-user data folder (``platformdirs.user_data_dir("gcts")``), so a user who
just runs ``gcts serve`` never has to choose a path; a deployment sets ``GCTS_HOME`` explicitly.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

SECRET_FILE = "secret_key"


def gcts_home() -> Path:
    """The data folder, created if missing."""
    configured = os.environ.get("GCTS_HOME")
    if configured:
        home = Path(configured).expanduser()
    else:
        import platformdirs

        home = Path(platformdirs.user_data_dir("gcts"))
    home.mkdir(parents=True, exist_ok=True)
    return home


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

"""The interface's message catalogues: ``gcts/web/locale/<lang>/LC_MESSAGES/django.po``, compiled to ``.mo``.

Compiling uses GNU gettext's ``msgfmt`` (the Debian package ``gettext``, installed by ``scripts/setup``), the
same tool Django's ``compilemessages`` runs; it happens at install, test and server start time, only for
catalogues whose ``.po`` is newer than their ``.mo``.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

LOCALE = Path(__file__).resolve().parent / "locale"


def stale_catalogues(locale: Path = LOCALE) -> list[Path]:
    """The ``.po`` files whose ``.mo`` is missing or older."""
    stale = []
    for po in sorted(locale.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            stale.append(po)
    return stale


def compile_catalogues(locale: Path = LOCALE) -> str | None:
    """Compile stale catalogues; return a message saying what could not be done, or None."""
    stale = stale_catalogues(locale)
    if not stale:
        return None
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return "msgfmt (GNU gettext) not found: the interface stays in its source language (English)"
    for po in stale:
        try:
            subprocess.run(
                [msgfmt, "--check-format", "-o", str(po.with_suffix(".mo")), str(po)],
                check=True,
                capture_output=True,
                text=True,
                timeout=60,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            return f"cannot compile {po}: {exc}"
    return None

"""The files of queued jobs: an upload's bytes wait in ``GCTS_HOME/jobs`` (owner-only) until its job is done.

A job's input is written before the job is queued and removed when the job is done (or failed for good), so a
job that is retried finds its input again. :func:`sweep` removes what a crash left: half-written files, and
inputs of jobs that finished or no longer exist.
"""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

from django.conf import settings

#: Files younger than this are left alone (being written, or their job being queued); older half-written
#: files and inputs of no waiting job are leftovers of a crash.
PARTIAL_AGE_SECONDS = 600


def folder() -> Path:
    """``GCTS_HOME/jobs``, made owner-only if missing."""
    path = Path(settings.GCTS_HOME) / "jobs"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def write_private(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` whole or not at all (a ``.part`` file renamed), owner-only (0600)."""
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def store_input(data: bytes, suffix: str) -> Path:
    """Keep a job's input bytes; the returned path goes into the job's arguments."""
    return write_private(folder() / f"{uuid.uuid4().hex}{suffix}", data)


def sweep() -> int:
    """Remove half-written files of a crash and inputs no waiting job needs; how many files were removed."""
    from gcts.jobs.models import Job

    base = folder()
    waiting = {
        str(a.get("path"))
        for a in Job.objects.filter(state__in=[Job.QUEUED, Job.RUNNING]).values_list("arguments", flat=True)
        if isinstance(a, dict)
    }
    removed = 0
    now = time.time()
    for path in base.iterdir():
        if now - path.stat().st_mtime < PARTIAL_AGE_SECONDS:
            continue  # perhaps being written, or its job being queued, right now
        if path.name.endswith(".part") or str(path) not in waiting:
            path.unlink(missing_ok=True)
            removed += 1
    uploads = Path(settings.MEDIA_ROOT)
    if uploads.is_dir():
        for path in uploads.glob(".*.part"):
            if now - path.stat().st_mtime >= PARTIAL_AGE_SECONDS:
                path.unlink(missing_ok=True)
                removed += 1
    return removed

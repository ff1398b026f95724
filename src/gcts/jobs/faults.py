"""Faults of the machine the store runs on, not of the input: a full or read-only data folder, a busy store.

:func:`classify` recognises them in the exceptions the file system and the database driver raise, so a job
that fails on one says so plainly (and the web answers 503, :mod:`gcts.web.faults`) instead of "internal
error".
"""

from __future__ import annotations

import errno
from dataclasses import dataclass

from django.db import DatabaseError


@dataclass(frozen=True)
class Fault:
    """A recognised fault: a stable code, an English detail for the API and a status."""

    code: str  # "full", "read-only", "busy"
    detail: str
    status: int = 503


FULL = Fault("full", "the data folder is full: nothing was stored; free some space and try again")
READ_ONLY = Fault("read-only", "the data folder is read-only: nothing can be stored until it is writable")
BUSY = Fault("busy", "the store is busy: nothing was stored; try again in a moment")


def classify(exc: BaseException) -> Fault | None:
    """The fault behind ``exc`` (raised by the file system or the database), or None for any other error."""
    if isinstance(exc, OSError):
        if exc.errno in {errno.ENOSPC, errno.EDQUOT}:
            return FULL
        if exc.errno in {errno.EROFS, errno.EACCES, errno.EPERM}:
            return READ_ONLY
        return None
    if isinstance(exc, DatabaseError):
        text = str(exc).lower()
        if "disk is full" in text or "no space left" in text or "could not extend file" in text:
            return FULL
        if "readonly database" in text or "read-only" in text or "unable to open database" in text:
            return READ_ONLY
        if "database is locked" in text or "database table is locked" in text or "deadlock" in text:
            return BUSY
    return None

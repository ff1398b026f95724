"""Running one job function within a time and a memory limit, its progress reported as it goes.

With isolation ``process`` (the default) the function runs in a forked child process: the memory limit is the
child's address-space limit (``RLIMIT_AS``), the time limit is enforced by the parent, which kills the child
(SIGKILL) when it is over time — so a reader stuck in C code or a decompression bomb ends the job, never the
worker. Progress and the result come back over a pipe. The child opens its own database connections (the
parent closes its own before forking, as a forked connection must not be shared). With isolation ``inline``
(tests, whose in-memory database a child cannot see) the function runs in the calling process and only the
time limit is checked between progress reports.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import resource
import signal
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from gcts.errors import GctsError
from gcts.jobs.faults import classify

Progress = Callable[[int, int, str], None]
JobFunction = Callable[..., Any]


class JobFailed(Exception):
    """The job did not finish: over its time or memory limit, killed, or its function raised."""


@dataclass(frozen=True)
class Limits:
    """A job's limits: seconds of wall time and bytes of address space (0: none)."""

    seconds: float = 0
    memory: int = 0


def _child(fn: JobFunction, kwargs: dict[str, Any], limits: Limits, pipe: Connection) -> None:
    """The forked child: set the memory limit, run ``fn`` and send back progress, then the result."""
    _die_with_parent()
    if limits.memory:
        resource.setrlimit(resource.RLIMIT_AS, (limits.memory, limits.memory))

    def progress(done: int, total: int, step: str) -> None:
        pipe.send(("progress", (int(done), int(total), str(step)[:200])))

    try:
        result = fn(progress=progress, **kwargs)
        pipe.send(("result", result))
    except MemoryError:
        pipe.send(("error", f"the job needed more than its memory limit ({limits.memory // 2**20} MiB)"))
    except GctsError as exc:
        pipe.send(("error", str(exc)))
    except Exception as exc:
        traceback.print_exc()  # the worker's log; the job's own record gets one line without paths
        pipe.send(("error", failure(exc)))
    finally:
        pipe.close()


def _die_with_parent() -> None:
    """End this child (SIGKILL) when the worker that forked it dies, so a job never outlives its worker and
    then runs a second time beside its retry (Linux ``PR_SET_PDEATHSIG``)."""
    if sys.platform == "linux":
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG


def _close_connections() -> None:
    with contextlib.suppress(Exception):
        from django.db import connections

        connections.close_all()


def run_in_process(fn: JobFunction, kwargs: dict[str, Any], limits: Limits, progress: Progress) -> Any:
    """Run ``fn(progress=…, **kwargs)`` in a forked child within ``limits``; its result, else
    :class:`JobFailed`."""
    _close_connections()
    ctx = multiprocessing.get_context("fork")
    parent_end, child_end = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(fn, kwargs, limits, child_end), daemon=True)
    child.start()
    child_end.close()
    deadline = time.monotonic() + limits.seconds if limits.seconds else None
    try:
        while True:
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not parent_end.poll(wait if wait is None or wait < 1 else 1.0):
                if deadline is not None and time.monotonic() >= deadline:
                    raise JobFailed(f"the job took longer than its time limit ({limits.seconds:g} s)")
                continue
            try:
                kind, value = parent_end.recv()
            except EOFError:
                child.join(5)
                code = child.exitcode
                if code is not None and code < 0 and -code == 9:
                    raise JobFailed("the job was killed (out of memory?)") from None
                raise JobFailed(f"the job ended without a result (exit status {code})") from None
            if kind == "progress":
                progress(*value)
            elif kind == "result":
                return value
            else:
                raise JobFailed(str(value))
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        parent_end.close()


def run_inline(fn: JobFunction, kwargs: dict[str, Any], limits: Limits, progress: Progress) -> Any:
    """Run ``fn`` in this process; the time limit is checked at each progress report."""
    started = time.monotonic()

    def checked(done: int, total: int, step: str) -> None:
        if limits.seconds and time.monotonic() - started > limits.seconds:
            raise JobFailed(f"the job took longer than its time limit ({limits.seconds:g} s)")
        progress(done, total, step)

    try:
        return fn(progress=checked, **kwargs)
    except (GctsError, JobFailed) as exc:
        raise JobFailed(str(exc)) from exc
    except MemoryError as exc:
        raise JobFailed("the job needed more memory than it may use") from exc
    except Exception as exc:
        raise JobFailed(failure(exc)) from exc


def failure(exc: BaseException) -> str:
    """The one line a job's record keeps for an unexpected ``exc``: a fault of the machine said plainly
    (full or read-only data folder, busy store), else its type — never a path or a stack."""
    fault = classify(exc)
    return fault.detail if fault else f"internal error: {type(exc).__name__}"


def run(
    fn: JobFunction, kwargs: dict[str, Any], limits: Limits, progress: Progress, *, isolation: str
) -> Any:
    """Run ``fn`` as ``isolation`` says (``process`` or ``inline``)."""
    if isolation == "inline" or not hasattr(os, "fork"):
        return run_inline(fn, kwargs, limits, progress)
    return run_in_process(fn, kwargs, limits, progress)

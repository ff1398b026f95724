"""Putting long work on the queue and running it: :func:`enqueue` (what an application calls), :func:`execute`
(what the worker runs for each job), :func:`recover` (what a worker does at start).

The queue is django-tasks with its database backend (decision 0012): the job's task row is written in the
same database and transaction as the caller's work, a worker (``gcts serve`` starts one; ``gcts serve manage
db_worker`` runs more) claims it, and :func:`execute` runs the job's function through
:mod:`gcts.jobs.runner` within its time and memory limits, writing progress to the :class:`Job` row.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from gcts.jobs.models import Job
from gcts.jobs.runner import JobFailed, Limits, failure, run

log = logging.getLogger("gcts.jobs")

#: Defaults for a job's limits; ``GCTS_JOB_SECONDS`` and ``GCTS_JOB_MEMORY_MB`` in settings override them.
DEFAULT_SECONDS = 300
DEFAULT_MEMORY = 1536 * 2**20
#: How often a job whose worker died under it is started again before it counts as failed.
MAX_ATTEMPTS = 2


def _resolve(path: str) -> Any:
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


def enqueue(
    function: str,
    *,
    kind: str,
    label: str = "",
    owner: Any = None,
    seconds: int | None = None,
    memory: int | None = None,
    **arguments: Any,
) -> Job:
    """Queue ``function`` (a dotted path to a plain function ``fn(*, progress, **arguments)``) and return its
    :class:`Job`. ``arguments`` must be JSON values (store big inputs in a file and pass its name). The
    queue's row is written in the caller's transaction (same database), so a worker sees the job only once
    the caller's work is committed, and never sees it if that work is rolled back."""
    _resolve(function)  # a wrong path fails here, in the caller, not later in the worker
    job = Job.objects.create(
        kind=kind,
        function=function,
        arguments=arguments,
        label=label[:200],
        owner=owner if getattr(owner, "is_authenticated", False) else None,
        time_limit=seconds if seconds is not None else getattr(settings, "GCTS_JOB_SECONDS", DEFAULT_SECONDS),
        memory_limit=memory if memory is not None else getattr(settings, "GCTS_JOB_MEMORY", DEFAULT_MEMORY),
    )
    execute.enqueue(str(job.pk))
    return job


def _progress(job_id: str) -> Any:
    def progress(done: int, total: int, step: str) -> None:
        Job.objects.filter(pk=job_id).update(
            done=max(0, done), total=max(0, total), step=step[:200], updated_at=timezone.now()
        )

    return progress


@task()
def execute(job_id: str) -> None:
    """Run the job ``job_id`` (the worker calls this): running, then done with its result or failed with
    one line."""
    claimed = Job.objects.filter(pk=job_id, state=Job.QUEUED).update(
        state=Job.RUNNING, attempts=F("attempts") + 1, updated_at=timezone.now()
    )
    if not claimed:
        return  # already run, or cancelled
    job = Job.objects.get(pk=job_id)
    fn = _resolve(job.function)
    limits = Limits(seconds=job.time_limit, memory=job.memory_limit)
    isolation = getattr(settings, "GCTS_JOB_ISOLATION", "process")
    try:
        result = run(fn, dict(job.arguments), limits, _progress(job_id), isolation=isolation)
    except JobFailed as exc:
        Job.objects.filter(pk=job_id).update(
            state=Job.FAILED, error=str(exc)[:2000], updated_at=timezone.now()
        )
        return
    except Exception as exc:  # a fault of the runner itself: the job is failed, the worker goes on
        log.exception("job %s failed", job_id)
        Job.objects.filter(pk=job_id).update(state=Job.FAILED, error=failure(exc), updated_at=timezone.now())
        return
    outcome = result if isinstance(result, dict) else {"value": result}
    Job.objects.filter(pk=job_id).update(state=Job.DONE, result=outcome, error="", updated_at=timezone.now())


def retry(job: Job) -> Job:
    """Queue a finished or interrupted job again (same function and arguments)."""
    Job.objects.filter(pk=job.pk).update(
        state=Job.QUEUED, error="", done=0, step="", attempts=0, updated_at=timezone.now()
    )
    execute.enqueue(str(job.pk))
    job.refresh_from_db()
    return job


def recover() -> int:
    """At a worker's start: jobs left *running* by a worker that died (kill -9, power cut) are queued again,
    or failed after :data:`MAX_ATTEMPTS`; their work was one transaction, so nothing of it was kept. Jobs left
    *queued* whose task row was lost are queued again. Returns how many jobs were queued again."""
    again = 0
    for job in Job.objects.filter(state=Job.RUNNING):
        if job.attempts >= MAX_ATTEMPTS:
            Job.objects.filter(pk=job.pk).update(
                state=Job.FAILED, error="the job was interrupted twice (worker stopped); not tried again"
            )
            continue
        with transaction.atomic():
            Job.objects.filter(pk=job.pk).update(state=Job.QUEUED, step="")
            execute.enqueue(str(job.pk))
        again += 1
    return again

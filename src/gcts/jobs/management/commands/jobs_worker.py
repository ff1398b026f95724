"""``gcts serve manage jobs_worker``: a worker of the job queue (django-tasks' database worker) that first
queues again the jobs a stopped worker left running (:func:`gcts.jobs.queue.recover`) and removes their
leftovers (:func:`gcts.jobs.files.sweep`)."""

from __future__ import annotations

from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from gcts.jobs.files import sweep
from gcts.jobs.queue import recover


class Command(DatabaseWorker):
    help = "Run gcts jobs (uploads, imports, reports) from the queue."

    def handle(self, *args: Any, **options: Any) -> None:
        again = recover()
        removed = sweep()
        if again or removed:
            self.stderr.write(
                f"gcts: jobs: {again} interrupted job(s) queued again, {removed} leftover file(s) removed"
            )
        super().handle(*args, **options)

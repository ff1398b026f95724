"""The job queue in the store (:mod:`gcts.jobs.queue`), the upload job and the job page."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from gcts.jobs import files
from gcts.jobs.models import Job
from gcts.jobs.queue import enqueue, execute, recover
from gcts.library import models as m

pytestmark = pytest.mark.django_db
REFERENCE = Path(__file__).resolve().parents[2] / "src" / "gcts" / "data" / "corpus" / "A-72-L.62.zh.txt"


@pytest.fixture(autouse=True)
def _own_home(settings: Any, tmp_path: Path) -> None:
    settings.GCTS_HOME = tmp_path / "home"
    settings.MEDIA_ROOT = tmp_path / "home" / "uploads"
    settings.GCTS_HOME.mkdir()


def test_an_enqueued_function_runs_with_progress_and_keeps_its_result() -> None:
    job = enqueue("tests.jobs.test_runner.counting", kind="test", label="count", n=4)
    job.refresh_from_db()
    assert (job.state, job.done, job.total, job.step, job.result) == ("done", 4, 4, "step 4", {"counted": 4})


def test_a_failing_function_fails_its_job_with_one_line() -> None:
    job = enqueue("tests.jobs.test_runner.refusing", kind="test")
    job.refresh_from_db()
    assert job.state == "failed" and job.error == "x.txt: no operative paragraphs"


def test_a_wrong_function_path_fails_in_the_caller() -> None:
    with pytest.raises((ImportError, AttributeError)):
        enqueue("tests.jobs.test_runner.no_such_function", kind="test")
    assert not Job.objects.exists()


def test_jobs_a_dead_worker_left_running_are_run_again_then_given_up() -> None:
    job = Job.objects.create(kind="test", function="tests.jobs.test_runner.counting", arguments={"n": 2})
    Job.objects.filter(pk=job.pk).update(state=Job.RUNNING, attempts=1)  # as a killed worker leaves it
    assert recover() == 1
    job.refresh_from_db()
    assert job.state == "done" and job.result == {"counted": 2}
    Job.objects.filter(pk=job.pk).update(state=Job.RUNNING, attempts=2)
    assert recover() == 0
    job.refresh_from_db()
    assert job.state == "failed" and "interrupted" in job.error


def test_a_job_already_claimed_is_not_run_twice() -> None:
    job = Job.objects.create(kind="test", function="tests.jobs.test_runner.counting", arguments={"n": 1})
    Job.objects.filter(pk=job.pk).update(state=Job.DONE, result={"kept": True})
    execute.call(str(job.pk))
    job.refresh_from_db()
    assert job.result == {"kept": True}


def test_sweep_removes_what_a_crash_left_and_keeps_what_a_job_waits_for() -> None:
    old = time.time() - 3600
    waiting = files.store_input(b"x", ".txt")
    Job.objects.create(kind="upload", function="x.y", arguments={"path": str(waiting)})
    orphan = files.store_input(b"y", ".txt")
    partial = files.folder() / ".z.part"
    partial.write_bytes(b"z")
    fresh = files.store_input(b"w", ".txt")
    for p in (waiting, orphan, partial):
        os.utime(p, (old, old))
    files.sweep()
    assert waiting.exists() and fresh.exists() and not orphan.exists() and not partial.exists()
    assert waiting.stat().st_mode & 0o077 == 0


def test_an_upload_goes_through_its_job_page_to_the_document(editor: Client) -> None:
    with REFERENCE.open("rb") as handle:
        response = editor.post("/upload/", {"file": handle, "symbol": "A/72/L.62"}, follow=True)
    chain = [url for url, _ in response.redirect_chain]
    assert chain[0].startswith("/jobs/") and chain[-1] == "/documents/A-72-L.62.zh/quality/", chain
    job = Job.objects.get()
    assert job.state == "done" and job.result["slug"] == "A-72-L.62.zh"
    assert not any(files.folder().iterdir())  # the job's input is gone once the document is stored
    assert m.Document.objects.filter(slug="A-72-L.62.zh").exists()


def test_a_failed_upload_shows_why_and_can_be_tried_again(editor: Client, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("nothing here is a resolution", encoding="utf-8")
    with bad.open("rb") as handle:
        page = editor.post("/upload/", {"file": handle}, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    job = Job.objects.get()
    from django.utils.html import escape

    assert job.state == "failed" and escape(job.error) in page.content.decode(), job.error
    assert "refresh" not in page.content.decode()
    again = editor.post(f"/jobs/{job.pk}/retry/", follow=True)
    assert again.status_code == 200 and Job.objects.get().attempts == 1
    assert not m.Document.objects.exists()


def test_a_job_is_seen_only_by_its_owner(editor: Client) -> None:
    from django.contrib.auth.models import User

    job = enqueue("tests.jobs.test_runner.counting", kind="test", n=1, owner=User.objects.get(username="ed"))
    assert editor.get(f"/jobs/{job.pk}/?format=json").json()["state"] == "done"
    User.objects.create_user("other", password="x-other-1")
    other = Client()
    other.login(username="other", password="x-other-1")
    assert other.get(f"/jobs/{job.pk}/").status_code == 404
    assert Client().get(f"/jobs/{job.pk}/").status_code == 302  # to sign-in

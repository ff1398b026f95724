"""A job's page: progress while it runs (the page refreshes itself every two seconds, no script needed), then
a link to what it made or the one-line reason it failed, with a retry button. Only the job's owner (and
staff) see it: a job names the file someone sent."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gcts.jobs.models import Job
from gcts.jobs.queue import retry


def visible_job(request: HttpRequest, pk: Any) -> Job:
    """The job ``pk`` when the signed-in user may see it (its owner, or staff); 404 otherwise."""
    job = get_object_or_404(Job, pk=pk)
    user = request.user
    if not may_see(user, job):
        raise Http404("no such job")
    return job


def may_see(user: Any, job: Job) -> bool:
    """Whether ``user`` may see ``job``: its owner, or staff."""
    owner = getattr(job, "owner_id", None)
    return bool(getattr(user, "is_staff", False) or (owner is not None and owner == user.pk))


@login_required
def job_page(request: HttpRequest, pk: Any) -> HttpResponse:
    """The job's progress or outcome; a finished upload goes on to its document's quality report."""
    job = visible_job(request, pk)
    if request.GET.get("format") == "json":
        return JsonResponse(job.as_dict())
    if job.state == Job.DONE and job.kind == "upload" and job.result.get("slug"):
        return redirect("quality", slug=job.result["slug"])
    return render(request, "jobs/job.html", {"job": job})


@require_POST
@login_required
def job_retry(request: HttpRequest, pk: Any) -> HttpResponse:
    """Queue a failed job again."""
    job = visible_job(request, pk)
    if job.state == Job.FAILED:
        retry(job)
    return redirect("job", pk=job.pk)

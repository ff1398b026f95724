"""Views of the screening pages. Every page needs a signed-in analyst (screened records are personal data)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.models import PermissionsMixin
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from gcts.errors import GctsError
from gcts.sanctions.models import Decision, Hit, ListSnapshot, ScreeningRun
from gcts.sanctions.roles import DECIDE, SCREEN
from gcts.sanctions.store import latest_snapshot, load_snapshot, run_screening
from gcts.screening.inputs import records_from_bytes
from gcts.screening.screen import DEFAULT_THRESHOLD

PAGE = 50
MAX_NOTE = 4000


def _may(request: HttpRequest, permission: str) -> bool:
    user = request.user
    return isinstance(user, PermissionsMixin) and user.has_perm(permission)


def _threshold(value: str) -> float:
    try:
        t = float(value or DEFAULT_THRESHOLD)
    except ValueError:
        raise GctsError(f"threshold {value!r} is not a number") from None
    if not 0.0 <= t <= 1.0:
        raise GctsError(f"threshold {t} is not between 0 and 1")
    return t


@login_required
@permission_required(SCREEN, raise_exception=True)
def runs(request: HttpRequest) -> HttpResponse:
    """The runs so far, and the form that starts one from an uploaded CSV, XLSX or PAXLST file."""
    snapshot = latest_snapshot()
    if request.method == "POST":
        upload = request.FILES.get("file")
        try:
            if snapshot is None:
                raise GctsError("no list in the store yet: run `gcts sanctions load` or load one below")
            if upload is None:
                raise GctsError("choose a file to screen")
            if (upload.size or 0) > settings.MAX_UPLOAD_BYTES:
                raise GctsError(f"{upload.name}: larger than {settings.MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
            threshold = _threshold(request.POST.get("threshold", ""))
            name = (upload.name or "upload")[:200]
            records = records_from_bytes(upload.read(), name)
            if not records:
                raise GctsError(f"{name}: no records to screen")
            run = run_screening(records, snapshot, threshold, name, request.user)
        except GctsError as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(reverse("screening"))
        return HttpResponseRedirect(reverse("screening-run", args=[run.pk]))
    return render(
        request,
        "screening/runs.html",
        {
            "snapshot": snapshot,
            "runs": ScreeningRun.objects.select_related("snapshot", "started_by")[:100],
            "threshold": DEFAULT_THRESHOLD,
            "snapshots": ListSnapshot.objects.all()[:20],
        },
    )


@login_required
@permission_required(SCREEN, raise_exception=True)
@require_POST
def load_list(request: HttpRequest) -> HttpResponse:
    """Store an uploaded Consolidated List XML file (all or nothing)."""
    upload = request.FILES.get("file")
    try:
        if upload is None:
            raise GctsError("choose a Consolidated List XML file")
        if (upload.size or 0) > settings.MAX_UPLOAD_BYTES:
            raise GctsError(f"{upload.name}: larger than {settings.MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
        snapshot, new = load_snapshot(upload.read(), (upload.name or "list.xml")[:200])
    except GctsError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"{snapshot}: {'stored' if new else 'already in the store'}")
    return HttpResponseRedirect(reverse("screening"))


@login_required
@permission_required(SCREEN, raise_exception=True)
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The hits of one run, best first within each record, with the decisions taken so far."""
    run = get_object_or_404(ScreeningRun.objects.select_related("snapshot", "started_by"), pk=pk)
    hits = (
        Hit.objects.filter(run=run)
        .prefetch_related(Prefetch("decisions", queryset=Decision.objects.select_related("decided_by")))
        .order_by("row", "rank")
    )
    show = request.GET.get("show", "")
    if show == "open":
        hits = hits.filter(decisions__isnull=True)
    page = Paginator(hits, PAGE).get_page(request.GET.get("page"))
    rows: list[dict[str, Any]] = []
    for hit in page:
        decisions = list(hit.decisions.all())  # type: ignore[attr-defined]  # reverse accessor, prefetched
        rows.append({"hit": hit, "decision": decisions[0] if decisions else None, "history": decisions[1:]})
    return render(
        request,
        "screening/run.html",
        {
            "run": run,
            "page": page,
            "rows": rows,
            "show": show,
            "can_decide": _may(request, DECIDE),
            "verdicts": Decision.VERDICTS,
        },
    )


@login_required
@permission_required(DECIDE, raise_exception=True)
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Keep an analyst's verdict on a hit (a new decision; earlier ones stay in the history)."""
    hit = get_object_or_404(Hit, pk=pk)
    verdict = request.POST.get("verdict", "")
    note = request.POST.get("note", "").strip()
    if verdict not in dict(Decision.VERDICTS):
        messages.error(request, "choose true match or false positive")
    elif len(note) > MAX_NOTE:
        messages.error(request, f"the note is longer than {MAX_NOTE} characters")
    else:
        Decision.objects.create(hit=hit, verdict=verdict, note=note, decided_by=request.user)
        messages.success(
            request, f"row {hit.row} ~ {hit.reference_number}: {dict(Decision.VERDICTS)[verdict]}"
        )
    back = request.POST.get("next", "")
    target = reverse("screening-run", args=[hit.run.pk])
    if back.startswith(target):  # only back to this run's own pages
        target = back
    return HttpResponseRedirect(f"{target}#hit-{hit.pk}" if "#" not in target else target)

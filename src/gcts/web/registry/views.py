# mypy: disable-error-code="attr-defined"
"""The registry's pages. Each reads through the visibility layer: lists say how many restricted records they
do not show, a record the reader may not see answers 404 (its existence is only counted), totals are the
suppressed tables of :mod:`gcts.registry.aggregates`, and every restricted record shown is logged."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gcts.registry import aggregates
from gcts.registry.exporting import export_xlsx, template_lists
from gcts.registry.iati_out import export_iati
from gcts.registry.importing.sheets import Workbook, read_csv, read_xlsx
from gcts.registry.importing.store import ImportReport, import_workbook
from gcts.registry.importing.template import xlsx_template
from gcts.registry.models import (
    Activity,
    AssistanceOffer,
    AssistanceRequest,
    Flow,
    Match,
    Recommendation,
    Visibility,
    Workflow,
)
from gcts.registry.visibility import (
    ADMINISTRATOR,
    COORDINATOR,
    ENTITY,
    STATE,
    Viewer,
    can_read,
    hidden_fields,
    log_access,
    owns,
    restricted_count,
    visible,
)
from gcts.taxonomy import pillars, themes
from gcts.web.registry.access import lang, viewer
from gcts.web.registry.forms import ActivityForm, as_workbook, initial_for

EDITORS = (ADMINISTRATOR, COORDINATOR, ENTITY, STATE)
PAGE = 50


def _may_edit(v: Viewer, obj: Any | None = None) -> bool:
    if v.role not in EDITORS:
        return False
    if obj is None or v.role in (ADMINISTRATOR, COORDINATOR):
        return True
    return owns(v, obj)


def overview(request: HttpRequest) -> HttpResponse:
    """The registry's front page: what it holds and the money by pillar and by regional group."""
    v = viewer(request)
    tables = [aggregates.report(dim, v) for dim in ("pillar", "group")]
    return render(
        request,
        "registry/overview.html",
        {
            "tables": tables,
            "activities": visible(Activity.objects.all(), v).count(),
            "restricted": restricted_count(Activity.objects.all(), v),
            "recommendations": visible(Recommendation.objects.all(), v).count(),
            "recommendations_restricted": restricted_count(Recommendation.objects.all(), v),
            "can_edit": _may_edit(v),
        },
    )


def activity_list(request: HttpRequest) -> HttpResponse:
    """Activities, filtered (text, pillar, theme, country, regional group, status, paragraph)."""
    v = viewer(request)
    keys = ("text", "pillar", "theme", "country", "group", "status", "paragraph")
    filters = {k: request.GET.get(k, "").strip()[:100] for k in keys}
    base = Activity.objects.filtered(**filters)
    qs = visible(base, v).select_related("reporting_org").order_by("iati_identifier")
    page = Paginator(qs, PAGE).get_page(request.GET.get("page"))
    log_access(v, page.object_list, "page")
    return render(
        request,
        "registry/activity_list.html",
        {
            "page": page,
            "filters": filters,
            "restricted": restricted_count(base, v),
            "pillars": [p for p in pillars() if p.id != "ALL"],
            "themes": themes(),
            "groups": aggregates.GROUPS,
            "lang": lang(request),
            "can_edit": _may_edit(v),
            "query": "&".join(f"{k}={val}" for k, val in filters.items() if val),
        },
    )


def _visible_activity(v: Viewer, ref: str) -> Activity:
    act = visible(Activity.objects.filter(ref=ref), v).select_related("reporting_org", "parent").first()
    if act is None:
        raise Http404("no such activity")
    return act


def activity_detail(request: HttpRequest, ref: str) -> HttpResponse:
    """One activity with its organisations, beneficiaries, shares, paragraphs, results and money."""
    v = viewer(request)
    act = _visible_activity(v, ref)
    flows = visible(Flow.objects.touching(act), v).select_related("source_org", "destination_org")
    rows = []
    for f in flows:
        hidden = hidden_fields(v, f)
        rows.append({"flow": f, "incoming": f.destination_activity_id == act.pk, "hidden": hidden})
    log_access(v, [act, *[r["flow"] for r in rows]], "page")
    return render(
        request,
        "registry/activity_detail.html",
        {
            "act": act,
            "lang": lang(request),
            "flows": rows,
            "flows_restricted": restricted_count(Flow.objects.touching(act), v),
            "links": act.paragraph_links.select_related("paragraph__document"),
            "can_edit": _may_edit(v, act),
            "rate_table": next((r["flow"].rate_table for r in rows if r["flow"].rate_table), None),
        },
    )


def _report_context(report: ImportReport | None, request: HttpRequest) -> dict[str, Any]:
    if report is None:
        return {}
    code = lang(request)
    return {"report": report, "issues": [i.to_dict(code) for i in report.issues]}


@require_http_methods(["GET", "POST"])
def activity_form(request: HttpRequest, ref: str | None = None) -> HttpResponse:
    """Create or edit an activity; the form is validated by the import rules and stored the same way."""
    v = viewer(request)
    act = _visible_activity(v, ref) if ref else None
    if not _may_edit(v, act):
        return HttpResponseForbidden(_("You may not edit this record."))
    report = None
    if request.method == "POST":
        form = ActivityForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            if act is not None:
                data["identifier"] = act.iati_identifier
            report = import_workbook(as_workbook(data), v, user=request.user)
            if report.ok:
                saved = Activity.objects.get(iati_identifier=data["identifier"])
                return redirect("registry-activity", ref=saved.ref)
    else:
        form = ActivityForm(initial=initial_for(act) if act else None)
    return render(
        request, "registry/activity_form.html", {"form": form, "act": act, **_report_context(report, request)}
    )


@require_http_methods(["POST"])
def activity_workflow(request: HttpRequest, ref: str) -> HttpResponse:
    """Move an activity along draft → submitted → published: its owners submit (or withdraw), coordinators
    and administrators publish or send back; each change is kept in the record's history."""
    v = viewer(request)
    act = _visible_activity(v, ref)
    state = request.POST.get("state", "")
    publisher = v.role in (ADMINISTRATOR, COORDINATOR)
    allowed = act.can_move_to(state) and _may_edit(v, act) and (publisher or state != Workflow.PUBLISHED)
    if not allowed:
        return HttpResponseForbidden(_("You may not move this record to that state."))
    act.workflow = state
    act.save(update_fields=["workflow", "updated_at"])
    return redirect("registry-activity", ref=act.ref)


def _uploaded_book(request: HttpRequest) -> Workbook | None:
    files = request.FILES.getlist("file")
    if not files:
        return None
    if len(files) == 1 and (files[0].name or "").lower().endswith(".xlsx"):
        return read_xlsx(files[0].read(), files[0].name or "upload.xlsx")
    return read_csv({f.name or "sheet.csv": f.read() for f in files})


@require_http_methods(["GET", "POST"])
def import_page(request: HttpRequest) -> HttpResponse:
    """Upload a filled template (XLSX, or CSV files): all or nothing, with the report of every problem."""
    v = viewer(request)
    if not _may_edit(v):
        return redirect(f"/accounts/login/?next={request.path}")
    report = None
    if request.method == "POST":
        book = _uploaded_book(request)
        if book is not None:
            report = import_workbook(
                book, v, valid_only=request.POST.get("valid_only") == "1", user=request.user
            )
    return render(request, "registry/import.html", _report_context(report, request))


def template_download(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        xlsx_template(template_lists()),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="gcts-registry-template.xlsx"'
    return response


def export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The activities the reader may see, as IATI 2.03 XML or as a workbook in the template's shape."""
    v = viewer(request)
    if fmt == "xml":
        data, _n = export_iati(v)
        response = HttpResponse(data, content_type="application/xml")
        name = "gcts-registry-iati.xml"
    elif fmt == "xlsx":
        data, _n = export_xlsx(v)
        response = HttpResponse(
            data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        name = "gcts-registry.xlsx"
    else:
        raise Http404("no such format")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def recommendation_list(request: HttpRequest) -> HttpResponse:
    """Recommendations of assessments: the visible ones, and how many others exist."""
    v = viewer(request)
    base = Recommendation.objects.all()
    pillar, theme = request.GET.get("pillar", "")[:4], request.GET.get("theme", "")[:40]
    if pillar:
        base = base.filter(pillar=pillar)
    if theme:
        base = base.filter(theme=theme)
    qs = visible(base, v).select_related("assessment__state").order_by("assessment__state__iso3", "ref")
    rows = list(qs[:500])
    log_access(v, rows, "page")
    return render(
        request,
        "registry/recommendation_list.html",
        {
            "rows": rows,
            "restricted": restricted_count(base, v),
            "lang": lang(request),
        },
    )


def recommendation_detail(request: HttpRequest, ref: str) -> HttpResponse:
    v = viewer(request)
    rec = visible(Recommendation.objects.filter(ref=ref), v).select_related("assessment__state").first()
    if rec is None:
        raise Http404("no such recommendation")
    log_access(v, [rec], "page")
    return render(
        request,
        "registry/recommendation_detail.html",
        {
            "rec": rec,
            "lang": lang(request),
            "answers": visible(rec.answered_by.all(), v),
            "links": rec.paragraph_links.all(),
        },
    )


def assistance(request: HttpRequest) -> HttpResponse:
    """Requests for technical assistance, offers of it, and the matches proposed with their reasons."""
    v = viewer(request)
    reqs = visible(AssistanceRequest.objects.all(), v).select_related("state")
    offers = visible(AssistanceOffer.objects.all(), v).select_related("provider")
    req_ids = set(reqs.values_list("pk", flat=True))
    offer_ids = set(offers.values_list("pk", flat=True))
    matches = [
        m
        for m in Match.objects.select_related("request__state", "offer__provider")
        if m.request_id in req_ids and m.offer_id in offer_ids
    ]
    log_access(v, [*reqs, *offers], "page")
    return render(
        request,
        "registry/assistance.html",
        {
            "requests": reqs,
            "offers": offers,
            "matches": matches,
            "lang": lang(request),
            "restricted": restricted_count(AssistanceRequest.objects.all(), v)
            + restricted_count(AssistanceOffer.objects.all(), v),
        },
    )


def can_see(request: HttpRequest, obj: Any) -> bool:
    """Whether the request's reader may see ``obj`` (for templates of other pages)."""
    return can_read(viewer(request), obj)


VISIBILITY_LABELS = dict(Visibility.choices)

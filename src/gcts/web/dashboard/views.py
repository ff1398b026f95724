"""The dashboard pages: the quarterly briefing's figures and charts with filters, each table as CSV and XLSX,
each chart as PNG, and the reports as files. Who is asking decides the audience: coordinators and
administrators see internal figures, everyone else the public ones (through the registry's visibility layer).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from gcts.analyse.records import PILLARS
from gcts.errors import GctsError
from gcts.report import FORMATS, KINDS, charts
from gcts.report import render as render_report
from gcts.report.labels import Labels
from gcts.taxonomy import themes
from gcts.web.dashboard import current, downloads

FILTERS = ("pillar", "theme", "group", "organisation", "year")
GROUPS = ("AG", "APG", "EEG", "GRULAC", "WEOG")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def audience(request: HttpRequest) -> str:
    """``internal`` for coordinators and administrators, ``public`` for everyone else."""
    from gcts.registry import visibility

    viewer = visibility.viewer_for(request.user)
    return "internal" if viewer.role in (visibility.ADMINISTRATOR, visibility.COORDINATOR) else "public"


def _language() -> str:
    code = (get_language() or "en").split("-")[0]
    return code if code in ("ar", "zh", "en", "fr", "ru", "es") else "en"


def _filters(request: HttpRequest) -> dict[str, str]:
    return {k: request.GET.get(k, "").strip()[:40] for k in FILTERS if request.GET.get(k, "").strip()}


def _report(request: HttpRequest, kind: str = "quarterly"):  # type: ignore[no-untyped-def]
    return current.report(kind, audience(request), _language(), _filters(request))


def dashboard(request: HttpRequest) -> HttpResponse:
    """The dashboard page."""
    lang = _language()
    labels = Labels(lang)
    query = request.GET.urlencode()
    context: dict[str, object] = {
        "filters": _filters(request),
        "query": query,
        "pillars": PILLARS,
        "groups": GROUPS,
        "themes": [(t.id, t.name(lang)) for t in themes()],
        "kinds": sorted(KINDS),
        "formats": FORMATS,
        "words": {"snapshot": labels("snapshot")},
    }
    try:
        built = _report(request)
        context["report"] = built
        context["words"] = {"snapshot": labels("snapshot"), "audience": labels("audience_" + built.audience)}
    except GctsError as exc:
        context["problem"] = exc.message
    return render(request, "dashboard/dashboard.html", context)


def table_download(request: HttpRequest, key: str, fmt: str) -> HttpResponse:
    """One table of the dashboard as CSV or XLSX."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    report = _report(request)
    try:
        table = report.table(key)
    except KeyError:
        raise Http404 from None
    data = downloads.to_csv(report, table) if fmt == "csv" else downloads.to_xlsx(report, table)
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="gcts-{key}.{fmt}"'
    return response


def chart_image(request: HttpRequest, key: str) -> HttpResponse:
    """One chart of the dashboard as PNG (an image, so the page's content security policy stays strict)."""
    report = _report(request)
    chart = next((c for c in report.charts() if c.key == key), None)
    if chart is None:
        raise Http404
    response = HttpResponse(charts.png(chart, Labels(report.language), dpi=100), content_type="image/png")
    response["Cache-Control"] = "private, max-age=60"
    return response


def report_download(request: HttpRequest, kind: str, fmt: str) -> HttpResponse:
    """A whole report as HTML, PDF or DOCX, built from the current snapshot for the reader's audience."""
    if kind not in KINDS or fmt not in FORMATS:
        raise Http404
    try:
        report = _report(request, kind)
    except GctsError as exc:
        return HttpResponse(exc.message, status=409, content_type="text/plain; charset=utf-8")
    response = HttpResponse(render_report(report, fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="gcts-{kind}.{report.language}.{fmt}"'
    return response

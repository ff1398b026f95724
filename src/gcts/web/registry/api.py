# mypy: disable-error-code="attr-defined"
"""The registry's REST API (``/api/registry/…``, in the OpenAPI document at ``/api/docs``).

Reads are filtered by the caller's rights (session or HTTP Basic; anonymous callers are public readers) and
say how many restricted records they leave out; totals are the suppressed tables; an import stores a whole
file or nothing and answers with the report (422 when it stored nothing).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, File, Form, Query, Router, Schema
from ninja.errors import HttpError
from ninja.files import UploadedFile

from gcts.registry import aggregates
from gcts.registry.iati_out import export_iati
from gcts.registry.importing.sheets import read_csv, read_xlsx
from gcts.registry.importing.store import import_workbook
from gcts.registry.models import Activity, Recommendation
from gcts.registry.suppression import TOTAL
from gcts.registry.visibility import log_access, restricted_count, visible
from gcts.web.api import schemas as s
from gcts.web.registry.access import lang, viewer

router = Router(tags=["registry"])


class ActivityFilters(Schema):
    text: str = ""
    pillar: str = ""
    theme: str = ""
    country: str = ""
    group: str = ""
    status: str = ""
    paragraph: str = ""
    limit: int = Field(100, ge=1, le=500)
    offset: int = Field(0, ge=0, le=10_000_000)


class ActivityOut(Schema):
    ref: str
    iati_identifier: str
    title: dict[str, str]
    reporting_org: str
    status: str
    visibility: str
    workflow: str
    synthetic: bool
    pillars: dict[str, str]
    countries: dict[str, str]
    paragraphs: list[str]


class ActivityPage(Schema):
    count: int
    restricted_not_shown: int
    results: list[ActivityOut]


class RecommendationOut(Schema):
    ref: str
    state: str
    text: dict[str, str]
    theme: str
    pillar: str
    priority: str


class RecommendationPage(Schema):
    count: int
    restricted_not_shown: int
    results: list[RecommendationOut]


class TotalsOut(Schema):
    dimension: str
    measure: str
    rate_table: str
    restricted_records: int
    rows: list[str]
    cols: list[str]
    cells: list[list[str | None]]


class ImportOut(Schema):
    rule_set: str
    stored: list[str]
    left_out: list[str]
    issues: list[dict[str, Any]]


def _activity(a: Activity) -> dict[str, Any]:
    return {
        "ref": a.ref,
        "iati_identifier": a.iati_identifier,
        "title": a.title,
        "reporting_org": a.reporting_org.ref,
        "status": a.status,
        "visibility": a.visibility,
        "workflow": a.workflow,
        "synthetic": a.synthetic,
        "pillars": {p.pillar: f"{p.share}" for p in a.pillars.all()},
        "countries": {c.state.iso3: f"{c.share}" for c in a.countries.all()},
        "paragraphs": [f"{link.symbol} {link.pid}" for link in a.paragraph_links.all()],
    }


@router.get("/activities", response=s.answers({200: ActivityPage}))
def list_activities(request: HttpRequest, filters: Query[ActivityFilters]) -> dict[str, Any]:
    """Activities the caller may see, filtered; ``restricted_not_shown`` counts the others."""
    v = viewer(request)
    f = filters.dict()
    limit, offset = int(f.pop("limit")), int(f.pop("offset"))
    base = Activity.objects.filtered(**{k: str(val)[:100] for k, val in f.items()})
    qs = (
        visible(base, v)
        .select_related("reporting_org")
        .prefetch_related("pillars", "countries__state", "paragraph_links")
        .order_by("iati_identifier")
    )
    rows = list(qs[offset : offset + limit])
    log_access(v, rows, "api")
    return {
        "count": qs.count(),
        "restricted_not_shown": restricted_count(base, v),
        "results": [_activity(a) for a in rows],
    }


@router.get("/activities/{path:ref}", response=s.answers({200: ActivityOut}, 404))
def get_activity(request: HttpRequest, ref: str) -> dict[str, Any]:
    """One activity, when the caller may see it (404 otherwise: its existence is only counted)."""
    v = viewer(request)
    act = visible(Activity.objects.filter(ref=ref), v).select_related("reporting_org").first()
    if act is None:
        raise Http404("no such activity")
    log_access(v, [act], "api")
    return _activity(act)


@router.get("/recommendations", response=s.answers({200: RecommendationPage}))
def list_recommendations(request: HttpRequest) -> dict[str, Any]:
    """Recommendations the caller may see (visibility and the assessed State's consent)."""
    v = viewer(request)
    rows = list(visible(Recommendation.objects.all(), v).select_related("assessment__state"))
    log_access(v, rows, "api")
    return {
        "count": len(rows),
        "restricted_not_shown": restricted_count(Recommendation.objects.all(), v),
        "results": [
            {
                "ref": r.ref,
                "state": r.assessment.state.iso3,
                "text": r.text,
                "theme": r.theme,
                "pillar": r.pillar,
                "priority": r.priority,
            }
            for r in rows
        ],
    }


@router.get("/totals/{dimension}", response=s.answers({200: TotalsOut}, 404))
def totals(request: HttpRequest, dimension: str, measure: str = "disbursed") -> dict[str, Any]:
    """US-dollar totals by ``pillar``, ``group`` or ``pillar_group``, suppressed for the caller."""
    if dimension not in aggregates.DIMENSIONS or measure not in ("committed", "disbursed", "spent"):
        raise HttpError(404, "no such table")
    r = aggregates.report(dimension, viewer(request), measure)
    rows = [*r.rows(), *([TOTAL] if r.published.table.two_way else [])]
    cols = r.cols()
    return {
        "dimension": dimension,
        "measure": measure,
        "rate_table": r.rate_table,
        "restricted_records": r.restricted_records,
        "rows": [str(x) for x in rows],
        "cols": [str(c) for c in cols],
        "cells": [[None if (val := r.value(row, c)) is None else f"{val}" for c in cols] for row in rows],
    }


@router.get("/export.xml", response=s.answers({200: None}))
def export_xml(request: HttpRequest) -> HttpResponse:
    """IATI 2.03 activity XML of what the caller may see."""
    data, _n = export_iati(viewer(request))
    return HttpResponse(data, content_type="application/xml")


@router.post("/import", response={**s.answers({200: ImportOut}, *s.WRITE_STATUSES), 422: ImportOut})
def import_file(
    request: HttpRequest, file: File[UploadedFile], valid_only: Form[bool] = False
) -> tuple[int, dict[str, Any]]:
    """Import a filled template (XLSX or one CSV sheet): all or nothing, unless ``valid_only``."""
    v = viewer(request)
    if v.role == "public":
        raise HttpError(403, "sign in as a focal point or coordinator to import")
    name = file.name or "upload"
    data = file.read()
    book = read_xlsx(data, name) if name.lower().endswith(".xlsx") else read_csv({name: data})
    report = import_workbook(book, v, valid_only=valid_only)
    return (200 if report.stored else 422), report.to_dict(lang(request))

# mypy: disable-error-code="attr-defined,union-attr"
"""The registry out in the template's own shape (XLSX), through the visibility layer, so an export can be
edited and imported again; and the lists of States and organisations the templates offer as drop-downs."""

from __future__ import annotations

import io
from typing import Any

from gcts.registry.importing.schema import LANGS, SHEETS, TRANSACTION_KINDS
from gcts.registry.models import Activity, Flow, MemberState, Organisation, Region
from gcts.registry.visibility import Viewer, hidden_fields, log_access, visible

KIND_NAMES = {(kind, incoming): name for name, (_code, kind, incoming) in TRANSACTION_KINDS.items()}


def template_lists() -> dict[str, list[str]]:
    """Member States (ISO3), organisations (identifiers) and M49 regions for the template's drop-downs."""
    return {
        "MemberState": list(MemberState.objects.order_by("iso3").values_list("iso3", flat=True)),
        "Organisation": list(Organisation.objects.order_by("ref").values_list("ref", flat=True)),
        "Region": list(
            Region.objects.filter(kind=Region.KIND_M49).order_by("code").values_list("code", flat=True)
        ),
    }


def rows_for(viewer: Viewer, activities: Any = None) -> tuple[dict[str, list[list[Any]]], list[Activity]]:
    """The rows of every sheet for the activities ``viewer`` may see."""
    qs = (
        visible(activities if activities is not None else Activity.objects.all(), viewer)
        .select_related("reporting_org", "parent")
        .prefetch_related(
            "participants__organisation",
            "countries__state",
            "regions__region",
            "pillars",
            "themes",
            "paragraph_links",
            "budgets",
        )
    )
    acts = list(qs)
    out: dict[str, list[list[Any]]] = {s.name: [] for s in SHEETS}
    for a in acts:
        key = a.iati_identifier
        out["activities"].append(
            [
                key,
                *(a.title.get(lang, "") for lang in LANGS),
                a.description.get("en", ""),
                a.reporting_org.ref,
                a.status,
                a.planned_start,
                a.planned_end,
                a.actual_start,
                a.actual_end,
                a.default_currency,
                a.visibility,
                a.parent.iati_identifier if a.parent else "",
            ]
        )
        out["participants"] += [
            [key, p.organisation.ref if p.organisation else p.name, p.role] for p in a.participants.all()
        ]
        out["countries"] += [[key, c.state.iso3, c.share] for c in a.countries.all()]
        out["regions"] += [[key, r.region.code, r.share] for r in a.regions.all()]
        out["pillars"] += [[key, p.pillar, p.share] for p in a.pillars.all()]
        out["themes"] += [[key, t.theme, t.share] for t in a.themes.all()]
        out["paragraphs"] += [[key, link.symbol, link.pid] for link in a.paragraph_links.all()]
        out["budgets"] += [[key, b.period_start, b.period_end, b.value, b.currency] for b in a.budgets.all()]
    by_id = {a.pk: a for a in acts}
    flows = visible(Flow.objects.filter(reported_by__in=list(by_id)), viewer).select_related(
        "source_org", "destination_org", "source_activity", "destination_activity"
    )
    for f in flows:
        reporter = by_id[f.reported_by_id]
        incoming = f.destination_activity_id == reporter.pk
        hidden = hidden_fields(viewer, f)
        if "value" in hidden:
            continue
        out["transactions"].append(
            [
                reporter.iati_identifier,
                KIND_NAMES[(f.kind, incoming)],
                f.value,
                f.currency,
                f.value_date,
                f.source_org.ref if f.source_org and "source" not in hidden else "",
                f.source_activity.iati_identifier if f.source_activity and incoming else "",
                f.destination_org.ref if f.destination_org and "destination" not in hidden else "",
                f.destination_activity.iati_identifier if f.destination_activity and not incoming else "",
                f.description,
            ]
        )
    return out, acts


def export_xlsx(viewer: Viewer, activities: Any = None) -> tuple[bytes, int]:
    """The visible registry as a workbook in the template's shape; the number of activities."""
    from openpyxl import Workbook

    rows, acts = rows_for(viewer, activities)
    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    for spec in SHEETS:
        ws = wb.create_sheet(spec.name)
        ws.append(spec.headers)
        for row in rows[spec.name]:
            ws.append(row)
    log_access(viewer, acts, "export")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue(), len(acts)

# mypy: disable-error-code="attr-defined,union-attr"
"""IATI Activity Standard 2.03 XML out of the registry, valid against the schema shipped in ``data/iati``.

What the IATI standard has no element for is written with its extension points: pillars as ``sector``
vocabulary 98 and themes as vocabulary 99 (reporting organisation's own, with a vocabulary URI), paragraph
links as ``tag`` vocabulary 99 with the code ``<symbol>#<paragraph id>``. Flows appear in the activity at each
of their ends (a disbursement from one activity is incoming funds of the other). Only what the reader may see
is written; sensitive fields hidden from them are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from typing import Any

from lxml import etree

from gcts.registry.importing.schema import TRANSACTION_KINDS
from gcts.registry.models import Activity, Flow
from gcts.registry.visibility import Viewer, hidden_fields, log_access, visible

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PILLAR_VOCABULARY = ("98", "https://gcts.example.org/vocabulary/pillars")
THEME_VOCABULARY = ("99", "https://gcts.example.org/vocabulary/themes")
PARAGRAPH_VOCABULARY = ("99", "https://gcts.example.org/vocabulary/paragraphs")
DATE_TYPES = (("planned_start", "1"), ("actual_start", "2"), ("planned_end", "3"), ("actual_end", "4"))
# (our flow kind, the activity is the destination) -> IATI TransactionType code
TRANSACTION_CODES = {(kind, incoming): code for code, kind, incoming in TRANSACTION_KINDS.values()}


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: Any) -> etree._Element:
    el = etree.SubElement(
        parent, tag, {k.replace("_", "-"): str(v) for k, v in attrs.items() if v not in (None, "")}
    )
    if text is not None:
        el.text = text
    return el


def _narratives(parent: etree._Element, texts: dict[str, str], fallback: str = "") -> None:
    written = False
    for lang, text in texts.items():
        if text:
            _sub(parent, "narrative", text).set(XML_LANG, lang.split("-")[0])
            written = True
    if not written:
        _sub(parent, "narrative", fallback or "-")


def _org(parent: etree._Element, tag: str, org: Any, lang: str = "en", **attrs: Any) -> etree._Element:
    el = _sub(parent, tag, ref=org.iati_id if org else None, type=org.iati_type if org else None, **attrs)
    _narratives(el, {"en": org.name(lang)} if org else {}, "unknown")
    return el


def _transaction(act_el: etree._Element, act: Activity, f: Flow, viewer: Viewer) -> None:
    incoming = f.destination_activity_id == act.pk
    code = TRANSACTION_CODES[(f.kind, incoming)]
    hidden = hidden_fields(viewer, f)
    if "value" in hidden:
        return  # a flow whose amount the reader may not see is not exported at all (IATI requires a value)
    t = _sub(act_el, "transaction", ref=f.ref)
    _sub(t, "transaction-type", code=code)
    _sub(t, "transaction-date", iso_date=(f.transaction_date or f.value_date).isoformat())
    _sub(t, "value", format(f.value, "f"), currency=f.currency, value_date=f.value_date.isoformat())
    if f.description:
        _narratives(_sub(t, "description"), {"en": f.description})
    if "source" not in hidden and (f.source_org or f.source_name):
        p = _sub(
            t,
            "provider-org",
            ref=f.source_org.iati_id if f.source_org else None,
            provider_activity_id=f.source_activity.iati_identifier if f.source_activity else None,
        )
        _narratives(p, {"en": f.source_org.name("en") if f.source_org else f.source_name})
    if "destination" not in hidden and (f.destination_org or f.destination_name):
        r = _sub(
            t,
            "receiver-org",
            ref=f.destination_org.iati_id if f.destination_org else None,
            receiver_activity_id=f.destination_activity.iati_identifier if f.destination_activity else None,
        )
        _narratives(r, {"en": f.destination_org.name("en") if f.destination_org else f.destination_name})


def activity_element(act: Activity, viewer: Viewer, flows: Iterable[Flow]) -> etree._Element:
    """One ``iati-activity`` element, children in the order the 2.03 schema prescribes."""
    el = etree.Element(
        "iati-activity",
        {
            "last-updated-datetime": act.updated_at.replace(microsecond=0).isoformat(),
            "default-currency": act.default_currency,
            "hierarchy": "2" if act.parent_id else "1",
        },
    )
    el.set(XML_LANG, act.language or "en")
    _sub(el, "iati-identifier", act.iati_identifier)
    _org(el, "reporting-org", act.reporting_org)
    _narratives(_sub(el, "title"), act.title, act.iati_identifier)
    _narratives(_sub(el, "description", type="1"), act.description, act.title_in("en"))
    parts = list(act.participants.all())
    for p in parts:
        if p.organisation:
            _org(el, "participating-org", p.organisation, role=p.role)
        else:
            _narratives(_sub(el, "participating-org", role=p.role), {"en": p.name})
    if not parts:
        _org(el, "participating-org", act.reporting_org, role="2")
    _sub(el, "activity-status", code=act.status)
    for field, code in DATE_TYPES:
        value = getattr(act, field)
        if value:
            _sub(el, "activity-date", type=code, iso_date=value.isoformat())
    for c in act.countries.all():
        _sub(el, "recipient-country", code=c.state.iso2, percentage=format(c.share, "f"))
    for r in act.regions.all():
        _sub(el, "recipient-region", code=r.region.code, vocabulary="2", percentage=format(r.share, "f"))
    for s in act.pillars.all():
        _narratives(
            _sub(
                el,
                "sector",
                vocabulary=PILLAR_VOCABULARY[0],
                vocabulary_uri=PILLAR_VOCABULARY[1],
                code=s.pillar,
                percentage=format(s.share, "f"),
            ),
            {"en": f"Pillar {s.pillar}"},
        )
    for th in act.themes.all():
        _narratives(
            _sub(
                el,
                "sector",
                vocabulary=THEME_VOCABULARY[0],
                vocabulary_uri=THEME_VOCABULARY[1],
                code=th.theme,
                percentage=format(th.share, "f"),
            ),
            {"en": th.theme},
        )
    for link in act.paragraph_links.all():
        _narratives(
            _sub(
                el,
                "tag",
                vocabulary=PARAGRAPH_VOCABULARY[0],
                vocabulary_uri=PARAGRAPH_VOCABULARY[1],
                code=f"{link.symbol}#{link.pid}",
            ),
            {"en": f"{link.symbol} {link.pid}"},
        )
    for b in act.budgets.all():
        budget = _sub(el, "budget", type=b.type, status=b.status)
        _sub(budget, "period-start", iso_date=b.period_start.isoformat())
        _sub(budget, "period-end", iso_date=b.period_end.isoformat())
        _sub(budget, "value", format(b.value, "f"), currency=b.currency, value_date=b.value_date.isoformat())
    for f in flows:
        _transaction(el, act, f, viewer)
    for d in act.documents.all():
        doc = _sub(el, "document-link", format=d.format, url=d.url)
        _narratives(_sub(doc, "title"), d.title, d.url)
        _sub(doc, "category", code=d.category)
        if d.language:
            _sub(doc, "language", code=d.language)
        if d.date:
            _sub(doc, "document-date", iso_date=d.date.isoformat())
    if act.parent_id:
        _sub(el, "related-activity", ref=act.parent.iati_identifier, type="1")
    for child in act.children.all():
        _sub(el, "related-activity", ref=child.iati_identifier, type="2")
    for rel in act.related.all():
        _sub(el, "related-activity", ref=rel.ref, type=rel.type)
    for res in act.results.all():
        res_el = _sub(el, "result", type=res.type)
        _narratives(_sub(res_el, "title"), res.title, "result")
        for ind in res.indicators.all():
            i = _sub(res_el, "indicator", measure=ind.measure)
            _narratives(_sub(i, "title"), ind.title, "indicator")
            if ind.baseline is not None and ind.baseline_year:
                _sub(i, "baseline", year=ind.baseline_year, value=format(ind.baseline, "f"))
            if ind.target is not None or ind.actual is not None:
                year = (
                    ind.target_year or ind.actual_year or act.planned_start.year
                    if act.planned_start
                    else 2000
                )
                period = _sub(i, "period")
                _sub(period, "period-start", iso_date=f"{year}-01-01")
                _sub(period, "period-end", iso_date=f"{year}-12-31")
                if ind.target is not None:
                    _sub(period, "target", value=format(ind.target, "f"))
                if ind.actual is not None:
                    _sub(period, "actual", value=format(ind.actual, "f"))
    return el


def export_iati(viewer: Viewer, activities: Any = None) -> tuple[bytes, int]:
    """IATI 2.03 XML of the activities ``viewer`` may see (``activities`` narrows them), and their count."""
    qs = visible(activities if activities is not None else Activity.objects.all(), viewer)
    qs = qs.select_related("reporting_org", "parent").prefetch_related(
        "participants__organisation",
        "countries__state",
        "regions__region",
        "pillars",
        "themes",
        "paragraph_links",
        "budgets",
        "documents",
        "children",
        "related",
        "results__indicators",
    )
    root = etree.Element(
        "iati-activities",
        {
            "version": "2.03",
            "generated-datetime": datetime.now(UTC).replace(microsecond=0).isoformat(),
        },
    )
    acts = list(qs)
    ids = [a.pk for a in acts]
    flows: dict[int, list[Flow]] = {}
    flow_qs = visible(
        Flow.objects.filter(destination_activity__in=ids) | Flow.objects.filter(source_activity__in=ids),
        viewer,
    ).select_related("source_org", "destination_org", "source_activity", "destination_activity")
    for f in flow_qs.order_by("value_date", "id"):
        for end in {f.source_activity_id, f.destination_activity_id}:
            if end in ids:
                flows.setdefault(end, []).append(f)
    for act in acts:
        root.append(activity_element(act, viewer, flows.get(act.pk, [])))
    log_access(viewer, acts, "export")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True), len(acts)


@cache
def schema() -> etree.XMLSchema:
    """The IATI 2.03 activities schema shipped with gcts."""
    base = resources.files("gcts.registry") / "data" / "iati" / "schema"
    with resources.as_file(base / "iati-activities-schema.xsd") as path:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        return etree.XMLSchema(etree.parse(str(path), parser))


def validation_errors(data: bytes) -> list[str]:
    """The schema's complaints about ``data`` (empty when valid)."""
    doc = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    s = schema()
    if s.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in s.error_log]

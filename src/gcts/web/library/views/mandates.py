"""The mandate tracker: what is asked of whom, from which paragraph, due when; overdue and due-soon duties;
status with who set it and when. Filterable (every filter can be cleared), sorted chronologically by default,
exported as CSV, XLSX and iCalendar (the same rows, :mod:`gcts.web.library.tracking`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from django.apps import apps
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import formats
from django.utils.translation import gettext as _

from gcts.followup import ical, sheets
from gcts.web.library import tracking, vocabulary
from gcts.web.library.tracking import STATES, Row


def tracker(request: HttpRequest) -> HttpResponse:
    """The tracker page."""
    found = tracking.rows(request.GET)
    everything = tracking.rows({})  # the menus and the counts cover the whole tracker
    current = {k: request.GET.get(k, "") for k in (*tracking.FILTERS, "sort")}
    documents = sorted({(r.mandate.document.slug, r.mandate.document.display_symbol) for r in everything})
    context = {
        "rows": found,
        "today": tracking.today(),
        "counts": Counter(r.due.state for r in everything),
        "states": list(STATES.items()),
        "actors": sorted({(r.mandate.actor, vocabulary.name("actor", r.mandate.actor)) for r in everything},
                         key=lambda kv: kv[1]),
        "documents": documents,
        "statuses": apps.get_model("library", "Mandate").STATUS_CHOICES,
        "current": current,
        "filtered": any(current[k] for k in tracking.FILTERS),
        "query": request.GET.urlencode(),
        "sorts": tracking.SORTS,
    }
    return render(request, "library/mandates.html", context)


def _table(request: HttpRequest, found: list[Row]) -> tuple[list[str], list[Sequence[sheets.Cell]]]:
    """Header and rows of the spreadsheet exports, in the interface language."""
    headers = [
        _("Document"), _("Paragraph"), _("Actor"), _("Action"), _("What is asked"), _("Due"), _("Due date"),
        _("Session"), _("Recurrence"), _("Next occurrences"), _("State"), _("Status"), _("Status set by"),
        _("Status set on"), _("Link"),
    ]
    body: list[Sequence[sheets.Cell]] = []
    for r in found:
        md = r.mandate
        body.append([
            md.document.display_symbol,
            vocabulary.paragraph_label(md.paragraph.pid),
            vocabulary.name("actor", md.actor),
            vocabulary.label(vocabulary.FUNCTIONS, md.action),
            md.object,
            tracking.due_text(r.due),
            r.when,
            tracking.session_text(r.due),
            vocabulary.label(vocabulary.RECURRENCES, md.recurrence) if md.recurrence else "",
            ", ".join(d.isoformat() for d in r.due.upcoming) if r.due.recurrence else "",
            str(STATES[r.due.state]),
            md.get_status_display(),
            r.status_by,
            r.status_at.date() if r.status_at else None,
            tracking.paragraph_url(request, md),
        ])
    return headers, body


def mandates_csv(request: HttpRequest) -> HttpResponse:
    """The filtered mandates as CSV (UTF-8 with BOM, so spreadsheet programs read Chinese correctly)."""
    headers, body = _table(request, tracking.rows(request.GET))
    response = HttpResponse(sheets.to_csv(headers, body), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="gcts-mandates.csv"'
    return response


def mandates_xlsx(request: HttpRequest) -> HttpResponse:
    """The filtered mandates as an Excel workbook."""
    headers, body = _table(request, tracking.rows(request.GET))
    widths = (14, 20, 22, 12, 60, 26, 12, 30, 14, 26, 10, 10, 14, 12, 40)
    response = HttpResponse(
        sheets.to_xlsx(headers, body, _("Mandates"), widths),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="gcts-mandates.xlsx"'
    return response


def _event(request: HttpRequest, r: Row) -> ical.Event:
    md = r.mandate
    actor = vocabulary.name("actor", md.actor)
    action = vocabulary.label(vocabulary.FUNCTIONS, md.action)
    start = r.due.first or _fallback_day(md)
    lines = [
        _("What is asked: %(object)s") % {"object": md.object or md.paragraph.text},
        _("Of whom: %(actor)s") % {"actor": actor},
        _("Due: %(due)s") % {"due": tracking.due_text(r.due)},
    ]
    if r.due.session:
        lines.append(tracking.session_text(r.due))
    if r.due.recurrence:
        lines.append(vocabulary.label(vocabulary.RECURRENCES, r.due.recurrence))
    if r.due.first is None:
        lines.append(_("The text gives no date; the event stands on %(date)s.") % {
            "date": formats.date_format(start, "DATE_FORMAT")})
    lines += [
        _("Status: %(status)s") % {"status": md.get_status_display()},
        _("Source: %(source)s") % {"source": tracking.source_text(md)},
        md.paragraph.text,
        tracking.paragraph_url(request, md),
    ]
    return ical.Event(
        uid=f"gcts-mandate-{md.pk}@{request.get_host()}",
        start=start,
        summary=_("%(actor)s — %(action)s: %(object)s") % {
            "actor": actor, "action": action, "object": md.object or md.paragraph.text},
        description="\n".join(lines),
        url=tracking.paragraph_url(request, md),
        recurrence=r.due.recurrence,
        categories=(md.document.display_symbol,),
    )


def _fallback_day(md: Any) -> date:
    """The day of a mandate whose text gives no date: its document's adoption, else the end of its year,
    else the day it was stored — so that every mandate is on the calendar."""
    doc = md.document
    if doc.adoption_date:
        return doc.adoption_date
    if doc.year:
        return date(doc.year, 12, 31)
    return doc.created_at.date()


def mandates_ics(request: HttpRequest) -> HttpResponse:
    """The filtered mandates as an iCalendar file: one all-day event per mandate, RRULE when it recurs."""
    events = [_event(request, r) for r in tracking.rows(request.GET)]
    body = ical.calendar(events, name=_("Mandates") + " · gcts")
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="gcts-mandates.ics"'
    return response

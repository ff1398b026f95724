"""The mandate tracker: every mandate with actor, deadline or session, source paragraph and status;
sortable and filterable, exported as CSV and iCalendar (RFC 5545)."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from gcts.library.models import Mandate
from gcts.web.library import vocabulary

SORTS = {
    "deadline": ("deadline", "session"),
    "-deadline": ("-deadline", "-session"),
    "actor": ("actor", "deadline"),
    "-actor": ("-actor", "deadline"),
    "document": ("document__slug", "paragraph__position"),
    "status": ("status", "deadline"),
}


def filtered_mandates(request: HttpRequest) -> QuerySet[Mandate]:
    """Mandates filtered by ``actor``, ``document``, ``status`` and sorted by ``sort`` (GET parameters)."""
    qs = Mandate.objects.select_related("document", "paragraph")
    for key, column in (("actor", "actor"), ("document", "document__slug"), ("status", "status")):
        value = request.GET.get(key, "").strip()
        if value:
            qs = qs.filter(**{column: value})
    return qs.order_by(*SORTS.get(request.GET.get("sort", ""), SORTS["document"]))


def tracker(request: HttpRequest) -> HttpResponse:
    """The tracker page."""
    qs = filtered_mandates(request)
    context = {
        "mandates": qs,
        "actors": vocabulary.choices("actor"),
        "statuses": Mandate.STATUS_CHOICES,
        "current": {k: request.GET.get(k, "") for k in ("actor", "document", "status", "sort")},
        "query": request.GET.urlencode(),
    }
    return render(request, "library/mandates.html", context)


def mandates_csv(request: HttpRequest) -> HttpResponse:
    """The filtered mandates as CSV (UTF-8 with BOM, so spreadsheet programs read Chinese correctly)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="gcts-mandates.csv"'
    response.write("\ufeff")
    out = csv.writer(response)
    out.writerow(
        ["document", "paragraph", "actor", "action", "deadline", "session", "recurrence", "status", "url"]
    )
    for md in filtered_mandates(request):
        url = (
            request.build_absolute_uri(reverse("reading", args=[md.document.slug]))
            + f"#{md.paragraph.anchor}"
        )
        out.writerow(
            [
                md.document.display_symbol,
                md.paragraph.pid,
                md.actor,
                md.action,
                md.deadline,
                md.session or "",
                md.recurrence,
                md.status,
                url,
            ]
        )
    return response


def _ical_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """RFC 5545 line folding: at most 75 octets per line, continuation lines start with a space."""
    out, current = [], ""
    for ch in line:
        if len((current + ch).encode("utf-8")) > 75:
            out.append(current)
            current = " " + ch
        else:
            current += ch
    out.append(current)
    return out


def _due(md: Mandate) -> date | None:
    """The day a mandate falls due: its deadline (the last day named), else its session's first day."""
    if md.deadline:
        parts = [int(x) for x in md.deadline.split("-")]
        if len(parts) == 3:
            return date(*parts)
        if len(parts) == 2:
            return date(parts[0], parts[1], 1)
    if md.session_dates:
        return date.fromisoformat(md.session_dates[0])
    return None


def mandates_ics(request: HttpRequest) -> HttpResponse:
    """The filtered mandates that have a date, as an iCalendar file of all-day events."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//gcts//mandate tracker//EN", "CALSCALE:GREGORIAN"]
    for md in filtered_mandates(request):
        due = _due(md)
        if due is None:
            continue
        url = (
            request.build_absolute_uri(reverse("reading", args=[md.document.slug]))
            + f"#{md.paragraph.anchor}"
        )
        summary = f"{md.document.display_symbol} {md.paragraph.pid}: {md.actor} — {md.action}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:gcts-mandate-{md.pk}@{request.get_host()}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{due:%Y%m%d}",
            f"SUMMARY:{_ical_text(summary)}",
            f"DESCRIPTION:{_ical_text(md.paragraph.text[:500])}",
            f"URL:{url}",
        ]
        if md.recurrence in {"annual", "quarterly"}:
            lines.append("RRULE:FREQ=" + ("YEARLY" if md.recurrence == "annual" else "MONTHLY;INTERVAL=3"))
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    body = "\r\n".join(part for line in lines for part in _fold(line)) + "\r\n"
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="gcts-mandates.ics"'
    return response

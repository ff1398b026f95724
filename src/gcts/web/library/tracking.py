"""The mandate tracker's rows: each stored mandate with its due dates (:mod:`gcts.followup.due`), its status
with who set it and when, and everything said in the interface language — shared by the page and the CSV,
XLSX and iCalendar exports, so all four show the same mandates in the same order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.apps import apps
from django.http import HttpRequest
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gcts.followup.due import Due, Terms, follow
from gcts.web.library import vocabulary

#: States of a mandate on a day, in the interface language (gcts.followup.due).
STATES = {
    "overdue": gettext_lazy("overdue"),
    "due-soon": gettext_lazy("due soon"),
    "upcoming": gettext_lazy("upcoming"),
    "done": gettext_lazy("done"),
    "undated": gettext_lazy("no date"),
}
SORTS = ("due", "document", "actor", "status")
FILTERS = ("actor", "document", "status", "state")


def today() -> date:
    """The day the tracker counts from (the server's local date; tests set another)."""
    return timezone.localdate()


@dataclass
class Row:
    """One mandate as the tracker shows it."""

    mandate: Any
    due: Due
    status_by: str
    status_at: datetime | None

    @property
    def when(self) -> date | None:
        """The day that matters now: the next due day, else the (passed) first one."""
        return self.due.next or self.due.first


def _day(value: date) -> str:
    return formats.date_format(value, "DATE_FORMAT")


def due_text(due: Due) -> str:
    """How the due date was read, in words: "by 31 May 2019", "by the end of 2020", "at the opening of …"."""
    first = due.first
    if first is None:
        return _("no date in the text")
    if due.precision == "month":
        return _("by the end of %(month)s") % {"month": formats.date_format(first, "YEAR_MONTH_FORMAT")}
    if due.precision == "year":
        return _("by the end of %(year)s") % {"year": first.year}
    if due.precision == "session" and due.session is not None:
        return _("when session %(n)s opens, %(date)s") % {"n": due.session.number, "date": _day(first)}
    if due.precision == "adoption":
        return _("%(period)s from adoption, first %(date)s") % {
            "period": vocabulary.label(vocabulary.RECURRENCES, due.recurrence),
            "date": _day(first),
        }
    return _("by %(date)s") % {"date": _day(first)}


def session_text(due: Due) -> str:
    """The named session and its dates ("session 74: 17 September 2019 – 14 September 2020")."""
    s = due.session
    if s is None:
        return ""
    return _("session %(n)s: %(opens)s – %(closes)s") % {
        "n": s.number,
        "opens": _day(s.opens),
        "closes": _day(s.closes),
    }


def _status_changes(mandate_ids: list[int]) -> dict[int, tuple[str, datetime]]:
    """Who last set each mandate's status and when (from the corrections the status form keeps)."""
    correction = apps.get_model("library", "Correction")
    fields = {f"mandate:{pk}:status": pk for pk in mandate_ids}
    out: dict[int, tuple[str, datetime]] = {}
    for c in correction.objects.filter(field__in=fields).select_related("user").order_by("field", "-at"):
        pk = fields[c.field]
        if pk not in out:
            out[pk] = (c.user.get_username() if c.user else "", c.at)
    return out


def _terms(md: Any) -> Terms:
    return Terms(
        deadline=md.deadline or "",
        session=md.session,
        recurrence=md.recurrence or "",
        adopted=md.document.adoption_date,
    )


def rows(params: Mapping[str, str], on: date | None = None) -> list[Row]:
    """The mandates matching the filters in ``params`` (actor, document, status, state), in the order of
    ``sort`` (``due``: chronological, the default; ``document``; ``actor``; ``status``)."""
    day = on or today()
    qs = apps.get_model("library", "Mandate").objects.select_related("document", "paragraph")
    for key, column in (("actor", "actor"), ("document", "document__slug"), ("status", "status")):
        value = params.get(key, "").strip()
        if value:
            qs = qs.filter(**{column: value})
    mandates = list(qs)
    changes = _status_changes([m.pk for m in mandates])
    out = [
        Row(m, follow(_terms(m), day, m.status), *changes.get(m.pk, ("", None)))
        for m in mandates
    ]
    state = params.get("state", "").strip()
    if state:
        out = [r for r in out if r.due.state == state]
    sort = params.get("sort", "due")
    position = lambda r: (r.mandate.document.slug, r.mandate.paragraph.position, r.mandate.start)  # noqa: E731
    if sort == "document":
        out.sort(key=position)
    elif sort == "actor":
        out.sort(key=lambda r: (vocabulary.name("actor", r.mandate.actor), r.due.sort_key))
    elif sort == "status":
        out.sort(key=lambda r: (r.mandate.status, r.due.sort_key))
    else:
        out.sort(key=lambda r: (r.due.sort_key, position(r)))
    return out


def paragraph_url(request: HttpRequest, md: Any) -> str:
    """The permanent link of the mandate's source paragraph."""
    return request.build_absolute_uri(reverse("reading", args=[md.document.slug])) + f"#{md.paragraph.anchor}"


def source_text(md: Any) -> str:
    """The mandate's source for people: "A/72/L.62, operative paragraph 83"."""
    return f"{md.document.display_symbol}, {vocabulary.paragraph_label(md.paragraph.pid)}"

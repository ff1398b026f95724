"""Read the store into the tables of a report snapshot (:mod:`gcts.report.snapshot`).

The only module of the reports that touches the database: everything after it works on the frozen tables.
Library tables: ``documents`` (each with its gcts JSON, so a comparison can be redone from the snapshot) and
``mandates`` (with the tracker's status). Each row holds JSON values only, in a fixed order, so the same store
gives the same snapshot id.

Registry tables come from :mod:`gcts.web.dashboard.registry_tables` (through the registry's visibility
layer). Reads: ``library.Document``, ``library.Mandate``, the ``registry`` models. Writes: a
:class:`~gcts.report.snapshot.Snapshot`.
"""

from __future__ import annotations

from collections.abc import Callable

from gcts.compare.collection import series_of
from gcts.formats.json_format import to_dict
from gcts.report.selection import SERIES
from gcts.report.snapshot import Row, Snapshot, take
from gcts.web.dashboard.registry_tables import registry_rows

Progress = Callable[[float, str], None]


def _quiet(fraction: float, message: str) -> None:
    """Ignore progress."""


def _places() -> dict[str, int]:
    series = series_of().get(SERIES)
    places: dict[str, int] = {}
    for member in series.members if series else ():
        places[member.symbol] = member.place
        if member.draft:
            places[member.draft] = member.place
    return places


def document_rows(progress: Progress = _quiet) -> list[Row]:
    """One row per stored document with its heading facts, its review place and its gcts JSON."""
    from gcts.library.models import Document
    from gcts.library.store import to_resolution

    places = _places()
    rows = []
    docs = list(Document.objects.order_by("slug"))
    for i, doc in enumerate(docs):
        res = to_resolution(doc)
        place = places.get(doc.symbol) or places.get(doc.adopted_as)
        rows.append(
            {
                "id": f"{doc.symbol or doc.slug}@{doc.language}",
                "slug": doc.slug,
                "symbol": doc.symbol or doc.slug,
                "language": doc.language,
                "kind": doc.kind,
                "is_draft": doc.kind == "draft",
                "title": doc.title,
                "adopted_as": doc.adopted_as,
                "adoption_date": doc.adoption_date.isoformat() if doc.adoption_date else None,
                "series": SERIES if place is not None else None,
                "place": place,
                "partial": not res.operative,
                "resolution": to_dict(res),
            }
        )
        progress((i + 1) / max(1, len(docs)), f"document {doc.slug}")
    return rows


def mandate_rows() -> list[Row]:
    """One row per mandate of the store with its paragraph, deadline, session, recurrence and status."""
    from gcts.library.models import Mandate

    rows = []
    for m in Mandate.objects.select_related("document", "paragraph").order_by("document__slug", "id"):
        doc = m.document
        rows.append(
            {
                "document": f"{doc.symbol or doc.slug}@{doc.language}",
                "pid": m.paragraph.pid,
                "actor": m.actor,
                "action": m.action,
                "object": m.object,
                "deadline": m.deadline,
                "session": m.session,
                "recurrence": m.recurrence,
                "session_dates": m.session_dates,
                "status": m.status,
            }
        )
    return rows


def snapshot(*, audience: str = "public", progress: Progress = _quiet) -> Snapshot:
    """A snapshot of the store for ``audience`` (``public`` or ``internal``)."""
    documents = document_rows(lambda f, m: progress(0.8 * f, m))
    progress(0.85, "mandates")
    tables = {"documents": documents, "mandates": mandate_rows()}
    progress(0.9, "registry")
    tables.update(registry_rows(audience))
    progress(1.0, "snapshot taken")
    return take(tables, audience=audience, source="gcts store")

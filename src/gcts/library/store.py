"""Storing a :class:`gcts.model.Resolution` in the database and rebuilding one from it.

:func:`store_resolution` writes a document with all its paragraphs, footnotes and annotations in one
transaction: either all of it is stored or nothing is (a document stored again under the same identifier is
replaced, also atomically). :func:`to_resolution` rebuilds the model from the rows, for the downloads
(JSON, Markdown, AKN) and for comparisons.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import Any

from django.db import transaction

from gcts.admission import admit
from gcts.compare.collection import series_of
from gcts.library import models as m
from gcts.library.search import segment_for_index
from gcts.model import (
    ActorMention,
    Annotations,
    Evidence,
    Footnote,
    Heading,
    Label,
    Mandate,
    Paragraph,
    QualityIssue,
    Reference,
    Resolution,
    SourceSpan,
    SubParagraph,
)

_SLUG_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def document_slug(res: Resolution) -> str:
    """The URL name of a document: its symbol (``/`` → ``-``, spaces dropped) and its language."""
    base = res.heading.symbol or (res.source or "document").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    base = _SLUG_UNSAFE.sub("-", base.replace("/", "-")).strip("-.")[:100] or "document"
    if base.endswith(f".{res.language}"):
        return base
    return f"{base}.{res.language}"


def symbol_series(symbol: str) -> str:
    """A UN symbol's series, its alphabetic parts: ``A/RES/73/3`` → ``A/RES``, ``A/72/L.62`` → ``A/L``."""
    parts = [p.split(".", 1)[0] for p in symbol.split("/") if p[:1].isalpha()]
    return "/".join(parts)


def review_series(heading: Heading) -> str:
    """The id of the series of resolutions the document belongs to (e.g. ``gcts-review``, the Strategy and its
    reviews: a member's resolution or its draft), from the collection's series data; "" when none."""
    symbols = [s for s in (heading.symbol, heading.adopted_as) if s]
    for series in series_of().values():
        if any(series.member(s) for s in symbols):
            return series.id
    return ""


def series_titles() -> dict[str, str]:
    """Series id → title, for naming the series of :func:`review_series` in the library."""
    return {s.id: s.title for s in series_of().values()}


def document_kind(heading: Heading) -> str:
    """``adopted`` for resolutions, ``draft`` for draft resolutions, from the heading's kind or the symbol."""
    kind = (heading.kind or "").lower()
    symbol = heading.symbol or ""
    if "draft" in kind or "/L." in symbol:
        return m.Document.KIND_DRAFT
    if "resolution" in kind or "/RES/" in symbol:
        return m.Document.KIND_ADOPTED
    return ""  # a report, a note …: neither draft nor adopted resolution


def _year(heading: Heading) -> int | None:
    for d in (heading.adoption_date, heading.issued):
        if d is not None:
            return d.year
    return None


def _plain(value: Any) -> Any:
    """A JSON-ready copy of a dataclass value (dates as ISO strings, tuples as lists)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


@transaction.atomic
def store_resolution(
    res: Resolution,
    *,
    user: Any = None,
    bundled: bool = False,
    series: str | None = None,
    place: int | None = None,
) -> m.Document:
    """Store ``res`` (replacing a stored document with the same identifier) in one transaction; return it.

    ``series`` and ``place`` put a document in a series the series data does not list it in (``gcts corpus
    add --series --place``); by default both come from the series data. A plain function of its arguments,
    so the command line, the web and a queued job store the same way.

    ``res`` passes :func:`gcts.admission.admit` first (whoever built it): a field too long for its column
    or of the wrong form is refused (:class:`gcts.errors.InputError` naming the field) before anything is
    written.
    """
    admit(res, source=res.source)
    slug = document_slug(res)
    m.Document.objects.filter(slug=slug).delete()
    h = res.heading
    doc = m.Document.objects.create(
        slug=slug,
        symbol=h.symbol or "",
        language=res.language,
        kind=document_kind(h),
        series=series or review_series(h) or symbol_series(h.symbol or ""),
        place=place,
        session=h.session,
        year=_year(h),
        title=h.title or "",
        adopted_as=h.adopted_as or "",
        adoption_date=h.adoption_date,
        heading=_plain(h),
        quality=_plain(res.quality),
        source=(res.source or "").rsplit("/", 1)[-1][-255:],
        bundled=bundled,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    rows = [
        m.Paragraph(
            document=doc,
            position=i,
            pid=p.id,
            part=p.part,
            index=p.index,
            number=p.number,
            text=p.text,
            footnote_numbers=list(p.footnotes),
            subparagraphs=_plain(p.subparagraphs),
            span=_plain(p.span),
            opening=p.annotations.opening or "",
            function=p.annotations.function or "",
            opening_evidence=_plain(p.annotations.opening_evidence),
            search_text=segment_for_index(p.text),
        )
        for i, p in enumerate(res.paragraphs)
    ]
    m.Paragraph.objects.bulk_create(rows)  # SQLite ≥ 3.35 and PostgreSQL return the new ids
    labels: list[m.Label] = []
    refs: list[m.Reference] = []
    actors: list[m.ActorMention] = []
    mandates: list[m.Mandate] = []
    for row, p in zip(rows, res.paragraphs, strict=True):
        a = p.annotations
        for kind, values in (("pillar", a.pillars), ("theme", a.themes)):
            labels.extend(
                m.Label(
                    paragraph=row,
                    kind=kind,
                    value=lab.value,
                    confidence=lab.confidence,
                    method=lab.evidence[0].method if lab.evidence else "rule",
                    evidence=_plain(lab.evidence),
                )
                for lab in values
            )
        refs.extend(
            m.Reference(
                paragraph=row,
                symbol=r.symbol[:80],
                kind=r.kind,
                surface=r.surface[:255],
                start=r.start,
                end=r.end,
                via_footnote=r.via_footnote,
            )
            for r in a.references
        )
        actors.extend(
            m.ActorMention(
                paragraph=row,
                actor=x.actor,
                surface=x.surface[:255],
                start=x.start,
                end=x.end,
                addressed=x.addressed,
            )
            for x in a.actors
        )
        mandates.extend(
            m.Mandate(
                paragraph=row,
                document=doc,
                actor=d.actor,
                action=d.action[:255],
                object=d.object,
                deadline=d.deadline or "",
                session=d.session,
                recurrence=d.recurrence or "",
                session_dates=_plain(d.session_dates),
                start=d.start,
                end=d.end,
                method=d.evidence[0].method if d.evidence else "rule",
                evidence=_plain(d.evidence),
            )
            for d in a.mandates
        )
    m.Label.objects.bulk_create(labels)
    m.Reference.objects.bulk_create(refs)
    m.ActorMention.objects.bulk_create(actors)
    m.Mandate.objects.bulk_create(mandates)
    m.Footnote.objects.bulk_create(
        m.Footnote(document=doc, number=f.number, text=f.text, cited_in=f.cited_in or "", span=_plain(f.span))
        for f in res.footnotes
    )
    return doc


# --- rows → model ------------------------------------------------------------------------------------------


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def _heading(data: dict[str, Any]) -> Heading:
    known = {f.name for f in dataclasses.fields(Heading)}
    values = {k: v for k, v in data.items() if k in known}
    for key in ("adoption_date", "issued"):
        values[key] = _date(values.get(key))
    return Heading(**values)


def _evidence(items: list[dict[str, Any]] | None) -> list[Evidence]:
    return [
        Evidence(method=e.get("method", "rule"), rule=e.get("rule", ""), terms=list(e.get("terms", [])))
        for e in items or []
    ]


def _span(data: dict[str, Any] | None) -> SourceSpan | None:
    return SourceSpan(**data) if data else None


def _subparagraph(data: dict[str, Any]) -> SubParagraph:
    return SubParagraph(
        label=data["label"],
        text=data["text"],
        children=[_subparagraph(c) for c in data.get("children", [])],
        span=_span(data.get("span")),
    )


def to_resolution(doc: m.Document) -> Resolution:
    """Rebuild the :class:`Resolution` stored as ``doc`` (with annotations and corrections applied)."""
    res = Resolution(
        language=doc.language,
        heading=_heading(doc.heading),
        source=doc.source or None,
        quality=[QualityIssue(**q) for q in doc.quality],
    )
    paragraphs = doc.paragraphs.order_by("position").prefetch_related(
        "labels", "references", "actors", "mandates"
    )
    for row in paragraphs:
        labels = list(row.labels.all())
        ann = Annotations(
            opening=row.opening or None,
            function=row.function or None,
            opening_evidence=_evidence(row.opening_evidence),
            pillars=[
                Label(x.value, x.confidence, _evidence(x.evidence)) for x in labels if x.kind == "pillar"
            ],
            themes=[Label(x.value, x.confidence, _evidence(x.evidence)) for x in labels if x.kind == "theme"],
            references=[
                Reference(
                    symbol=r.symbol,
                    kind=r.kind,
                    surface=r.surface,
                    start=r.start,
                    end=r.end,
                    via_footnote=r.via_footnote,
                )
                for r in row.references.all()
            ],
            actors=[
                ActorMention(
                    actor=x.actor, surface=x.surface, start=x.start, end=x.end, addressed=x.addressed
                )
                for x in row.actors.all()
            ],
            mandates=[
                Mandate(
                    actor=d.actor,
                    action=d.action,
                    object=d.object,
                    deadline=d.deadline or None,
                    session=d.session,
                    recurrence=d.recurrence or None,
                    session_dates=(
                        tuple(date.fromisoformat(s) for s in d.session_dates)  # type: ignore[arg-type]
                        if d.session_dates
                        else None
                    ),
                    start=d.start,
                    end=d.end,
                    evidence=_evidence(d.evidence),
                )
                for d in row.mandates.all()
            ],
        )
        para = Paragraph(
            part=row.part,
            index=row.index,
            text=row.text,
            number=row.number,
            footnotes=list(row.footnote_numbers),
            subparagraphs=[_subparagraph(s) for s in row.subparagraphs],
            span=_span(row.span),
            annotations=ann,
        )
        (res.preamble if row.part == "preamble" else res.operative).append(para)
    res.footnotes = [
        Footnote(number=f.number, text=f.text, cited_in=f.cited_in or None, span=_span(f.span))
        for f in doc.footnotes.order_by("number")
    ]
    return res

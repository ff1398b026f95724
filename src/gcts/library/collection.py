"""The collection the command line reads and writes: the store's documents, placed in their series.

``gcts corpus add/list/citations``, ``gcts compare`` and ``gcts lineage`` of stored documents go through
:class:`StoredCollection`, over the same database as the web: a document added on the command line is in the
web library, an uploaded one is known to ``gcts compare``. Documents are named ``A/RES/72/284@zh`` (canonical
symbol and language); one without a symbol by its slug. Bundled excerpts that the store cannot hold (the first
pages of reports, listed in the corpus manifest) are listed as known, so a citation of them is not reported
as missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import DatabaseError, transaction
from django.db.models import Count

from gcts.compare.collection import Collection, Entry, canonical_symbol, doc_id, parse_doc_id, place_in_series
from gcts.errors import InputError, OutputError
from gcts.library import models as m
from gcts.library.corpus import listed_excerpts
from gcts.library.store import store_resolution, to_resolution
from gcts.model import Resolution


@dataclass(slots=True)
class Prepared:
    """A document read and annotated, with its entry, waiting to be stored."""

    entry: Entry
    resolution: Resolution
    given_series: str | None = None
    given_place: int | None = None


def _is_partial(quality: list[dict[str, object]]) -> bool:
    return any(q.get("code") == "partial" for q in quality)


class StoredCollection(Collection):
    """The store's documents as a :class:`~gcts.compare.collection.Collection` (after
    :func:`gcts.store.setup`)."""

    def __init__(self, home: Path | None = None) -> None:
        super().__init__(home)
        self._cache: dict[str, Resolution] = {}

    # --- reading ------------------------------------------------------------------------------------
    def _entry(self, doc: m.Document, paragraphs: int | None) -> Entry:
        symbol = canonical_symbol(doc.symbol) if doc.symbol else ""
        known = doc.series if doc.series in self.series else None
        series, member = place_in_series(self.series, symbol, known) if symbol else (known, None)
        if series is None and doc.place is not None:
            series = doc.series  # a series the user named at ``corpus add --series``
        place = doc.place if doc.place is not None else (member.place if member else None)
        adopted = doc.adoption_date or (member.adopted if member else None)
        heading_kind = str(doc.heading.get("kind") or "")
        is_draft = doc.kind == m.Document.KIND_DRAFT
        return Entry(
            id=doc_id(symbol, doc.language) if symbol else doc.slug,
            symbol=symbol or doc.slug,
            language=doc.language,
            kind=heading_kind or ("draft resolution" if is_draft else "resolution"),
            title=doc.title or None,
            series=series,
            place=place,
            is_draft=is_draft,
            adopted=str(adopted) if adopted else None,
            file=doc.source,
            bundled=doc.bundled,
            partial=_is_partial(doc.quality),
            added=doc.created_at.isoformat(timespec="seconds"),
            paragraphs=paragraphs,
        )

    def entries(self) -> list[Entry]:
        """The stored documents and the bundled excerpts the store cannot hold, by series, place, symbol."""
        docs = m.Document.objects.annotate(n=Count("paragraphs")).order_by("symbol", "language")
        stored = [self._entry(d, d.n) for d in docs]  # type: ignore[attr-defined]
        seen = {e.id for e in stored}
        listed = []
        for x in listed_excerpts():
            symbol = canonical_symbol(x.symbol or "")
            if not symbol or doc_id(symbol, x.language or "") in seen:
                continue
            series, member = place_in_series(self.series, symbol)
            listed.append(
                Entry(
                    id=doc_id(symbol, x.language or ""),
                    symbol=symbol,
                    language=x.language or "",
                    kind=x.kind or "document",
                    title=x.title,
                    series=series,
                    place=member.place if member else None,
                    is_draft=False,
                    file=x.path.name,
                    bundled=True,
                    partial=True,
                    stored=False,
                )
            )
        return sorted(stored + listed, key=lambda e: (e.series or "~", e.order, e.symbol, e.language))

    def document(self, ref: str) -> m.Document:
        """The stored document named ``ref``."""
        entry = self.entry(ref)
        if not entry.stored:
            raise InputError(
                f"{entry.id} is only listed (a bundled excerpt of a {entry.kind}): gcts stores resolutions "
                "and drafts",
                field="document",
            )
        symbol, language = parse_doc_id(entry.id)
        found = m.Document.objects.filter(language=entry.language)
        doc = found.filter(slug=entry.id).first() or found.filter(symbol__iexact=symbol).first()
        if doc is None:  # stored under a symbol written differently ("a/res/…"): match canonically
            doc = next((d for d in found if d.symbol and canonical_symbol(d.symbol) == symbol), None)
        if doc is None or (language and doc.language != language):
            raise InputError(f"{ref} is not in the collection", field="document")
        return doc

    def load(self, ref: str) -> Resolution:
        """The document ``ref`` rebuilt from the store (cached for the life of this object)."""
        entry = self.entry(ref)
        if entry.id not in self._cache:
            res = to_resolution(self.document(entry.id))
            res.heading.symbol = res.heading.symbol or entry.symbol
            self._cache[entry.id] = res
        return self._cache[entry.id]

    # --- writing ------------------------------------------------------------------------------------
    def prepare(
        self, res: Resolution, *, source: Path, series: str | None = None, place: int | None = None
    ) -> Prepared:
        """The entry ``res`` (read by :func:`gcts.library.pipeline.read_with_symbol` from ``source``) will
        have once stored: series and place from the series data, unless given."""
        h = res.heading
        sym = canonical_symbol(h.symbol or "")
        in_series, member = place_in_series(self.series, sym, series)
        is_draft = "/L." in sym or (h.kind or "").startswith("draft")
        adopted = h.adoption_date or (member.adopted if member else None)
        entry = Entry(
            id=doc_id(sym, res.language),
            symbol=sym,
            language=res.language,
            kind=h.kind or ("draft resolution" if is_draft else "resolution"),
            title=h.title,
            series=in_series,
            place=place if place is not None else (member.place if member else None),
            is_draft=is_draft,
            adopted=str(adopted) if adopted else None,
            file=source.name,
            partial=any(q.code == "partial" for q in res.quality),
            paragraphs=len(res.paragraphs),
        )
        return Prepared(entry, res, given_series=series, given_place=place)

    def store(self, prepared: list[Prepared], *, user: object = None) -> list[m.Document]:
        """Store prepared documents in one transaction (all or none); :class:`OutputError` when the database
        cannot be written."""
        try:
            with transaction.atomic():
                docs = [
                    store_resolution(p.resolution, user=user, series=p.given_series, place=p.given_place)
                    for p in prepared
                ]
        except DatabaseError as exc:
            raise OutputError(
                f"the store cannot be written ({exc}); set GCTS_HOME to a writable folder or DATABASE_URL "
                "to a reachable database"
            ) from exc
        for p in prepared:
            self._cache.pop(p.entry.id, None)
        return docs

    def add(
        self,
        path: Path,
        *,
        symbol: str | None = None,
        language: str | None = None,
        series: str | None = None,
        place: int | None = None,
        partial: bool = False,
    ) -> Entry:
        """Read, annotate and store one file (:func:`gcts.library.pipeline.read_with_symbol`); its entry."""
        from gcts.library.pipeline import read_with_symbol

        res = read_with_symbol(path, symbol=symbol, language=language, partial=partial)
        prepared = self.prepare(res, source=path, series=series, place=place)
        self.store([prepared])
        return self.entry(prepared.entry.id)

"""Which documents of a snapshot a report is about: the ones named, or the latest reviews of the Strategy.

Without names, the latest places of the review series (``gcts-review`` in ``gcts/compare/series.toml``) that
the snapshot holds in full in one language: the report's language first, then English, then any other; an
adopted text wins over its draft at the same place.
"""

from __future__ import annotations

from collections.abc import Sequence

from gcts.compare.collection import parse_doc_id
from gcts.errors import InputError
from gcts.report.snapshot import Row, Snapshot

SERIES = "gcts-review"


def named(snapshot: Snapshot, refs: Sequence[str]) -> list[Row]:
    """The ``documents`` rows named by ``refs`` (``A/RES/72/284@en``; without ``@`` any language)."""
    docs = snapshot.table("documents")
    chosen = []
    for ref in refs:
        symbol, language = parse_doc_id(ref)
        found = [d for d in docs if d["symbol"] == symbol and (language is None or d["language"] == language)]
        if not found:
            raise InputError(f"{ref} is not in the snapshot", field="document")
        chosen.append(sorted(found, key=lambda d: bool(d.get("partial")))[0])
    return chosen


def reviews(snapshot: Snapshot, language: str, refs: Sequence[str] = (), *, count: int) -> list[Row]:
    """``count`` documents: those named, or the latest ``count`` reviews in one language (oldest first)."""
    if refs:
        if len(refs) != count:
            raise InputError(
                f"this report is about {count} document(s): give --document {count} time(s)", field="document"
            )
        return named(snapshot, refs)
    full = [
        d
        for d in snapshot.table("documents")
        if d.get("series") == SERIES and d.get("place") is not None and not d.get("partial")
    ]
    for lang in dict.fromkeys((language, "en", *sorted({d["language"] for d in full}))):
        places: dict[int, Row] = {}
        for d in sorted(full, key=lambda d: bool(d.get("is_draft"))):
            if d["language"] == lang:
                places.setdefault(int(d["place"]), d)
        if len(places) >= count:
            return [places[p] for p in sorted(places)[-count:]]
    raise InputError(
        f"the snapshot holds no {count} review(s) of the Strategy in one language; add the texts "
        "(`gcts corpus add FILE`) or name them with --document",
        field="document",
    )

"""A paragraph's ancestry: its counterpart in each earlier document of its series, back to its start.

From the document and paragraph asked about, each step aligns the nearest earlier document of the series that
the collection holds (same language preferred, else another language through the cross-language aligner) with
the current one, and follows the paragraph to its source. The walk stops at the first document where the
paragraph has no source (it first appeared in the next step) or at the start of the series. Steps missing from
the collection are named, because a paragraph "first seen" after a gap may be older than the gap. Alignments
are cached per document pair for the life of the process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gcts.compare.align import Alignment, align
from gcts.compare.collection import Collection, Entry
from gcts.errors import InputError

_alignments: dict[tuple[str, str, int, int], Alignment] = {}


@dataclass(slots=True)
class Step:
    """The paragraph in one document of the series, and how it relates to its successor."""

    doc: str
    symbol: str
    language: str
    paragraph: str
    text: str
    relation: str | None = None
    score: float | None = None
    confidence: str | None = None
    also: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON form of the step."""
        return {
            "doc": self.doc,
            "symbol": self.symbol,
            "language": self.language,
            "paragraph": self.paragraph,
            "text": self.text,
            "relation_to_next": self.relation,
            "score": None if self.score is None else round(self.score, 3),
            "confidence": self.confidence,
            "also_from": self.also,
        }


@dataclass(slots=True)
class Lineage:
    """Steps from the document asked about (first) back to the earliest ancestor found (last)."""

    steps: list[Step]
    first_appearance: Step
    missing: list[str]
    note: str

    def to_dict(self) -> dict[str, Any]:
        """JSON form: steps newest first, the first appearance, the series members not held."""
        return {
            "steps": [s.to_dict() for s in self.steps],
            "first_appearance": self.first_appearance.to_dict(),
            "missing_from_collection": self.missing,
            "note": self.note,
        }


def _aligned(collection: Collection, older: Entry, newer: Entry) -> Alignment:
    a, b = collection.load(older.id), collection.load(newer.id)
    key = (older.id, newer.id, id(a), id(b))
    if key not in _alignments:
        _alignments[key] = align(a, b)
    return _alignments[key]


def lineage(collection: Collection, doc_id: str, para_id: str, *, include_drafts: bool = True) -> Lineage:
    """Trace paragraph ``para_id`` (``operative:12``) of document ``doc_id`` back through its series."""
    current = collection.entry(doc_id)
    res = collection.load(current.id)
    try:
        par = res.paragraph(para_id)
    except KeyError:
        raise InputError(
            f"{current.id} has no paragraph {para_id} (ids look like preamble:3 or operative:12)",
            field="paragraph",
        ) from None
    steps = [Step(current.id, current.symbol, current.language, par.id, par.text)]
    note = "no earlier document of its series is in the collection"
    for older in collection.predecessors(current.id, include_drafts=include_drafts):
        al = _aligned(collection, older, current)
        sources = al.sources_of(steps[-1].paragraph)
        if not sources:
            note = f"no counterpart in {older.id}: the paragraph first appears in {current.id}"
            break
        best = sources[0]
        last = steps[-1]
        last.relation, last.score, last.confidence = best.relation, best.score, best.confidence
        last.also = [p.a for p in sources[1:]]
        older_res = collection.load(older.id)
        steps.append(Step(older.id, older.symbol, older.language, best.a, older_res.paragraph(best.a).text))
        current = older
        note = f"traced back to {older.id}, the earliest document of the series in the collection"
    missing = [m.symbol for m in collection.missing(steps[-1].doc)]
    return Lineage(steps=steps, first_appearance=steps[-1], missing=missing, note=note)

"""A screening run: records against the list, hits at or above a threshold, best first, each explained.

:func:`screen_records` is a plain function with a progress callback (so that a task queue can run it, and the
CLI can show progress); :func:`screen_on_dask` runs the same function on partitions of the input on a Dask
cluster (a local one by default). Results do not depend on the order of the input rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from gcts.screening.evidence import Adjustment, adjustments
from gcts.screening.index import IndexedName, ListIndex, entry_kind
from gcts.screening.listing import ListEntry
from gcts.screening.names import NameScore, compare_forms, quick_similarity
from gcts.screening.normalise import name_form
from gcts.screening.records import Record

DEFAULT_THRESHOLD = 0.60
QUICK_CUT = 0.5  # names less alike than this on every quick measure are not scored in full
WEAK_ALIAS_FACTOR = 0.85  # a "low quality" alias is weak evidence: its name score counts for less
Progress = Callable[[int, int], None]


@dataclass
class Hit:
    reference_number: str
    score: float
    name: str
    name_quality: str
    name_score: NameScore
    adjustments: list[Adjustment] = field(default_factory=list)
    entry: ListEntry | None = None

    def explanation(self) -> str:
        quality = {
            "primary": "primary name",
            "original": "name in original script",
            "good": "good alias",
            "low": "low-quality alias (weak)",
            "aka": "a.k.a.",
            "fka": "f.k.a.",
        }.get(self.name_quality, "alias")
        parts = [
            f"{quality} {self.name!r}: name score {self.name_score.score:.2f}",
            self.name_score.explain_text(),
        ]
        parts += [f"{a.reason} ({a.amount:+.2f})" for a in self.adjustments]
        return " | ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "reference_number": self.reference_number,
            "score": round(self.score, 4),
            "name": self.name,
            "explanation": self.explanation(),
        }


@dataclass
class Result:
    record: Record
    hits: list[Hit]

    def to_json(self) -> dict[str, Any]:
        return {"row": self.record.row, "matches": [h.to_json() for h in self.hits]}


def _name_hit(record_form: Any, names: list[IndexedName]) -> tuple[IndexedName, NameScore, float]:
    best: tuple[IndexedName, NameScore, float] | None = None
    for n in names:
        s = compare_forms(record_form, n.form)
        value = s.score * (WEAK_ALIAS_FACTOR if n.name.weak else 1.0)
        if best is None or value > best[2]:
            best = (n, s, value)
    assert best is not None
    return best


def screen_record(
    record: Record, index: ListIndex, threshold: float = DEFAULT_THRESHOLD, limit: int = 10
) -> Result:
    """The hits of one record, best first (score ties by reference number, so the order is stable)."""
    form = name_form(record.name, record.kind)
    hits: list[Hit] = []
    if form.tokens:
        for e, sharing in index.candidates(form):
            entry = index.entries[e]
            if entry_kind(entry) != record.kind:
                continue
            names = [n for n in sharing if quick_similarity(form, n.form) >= QUICK_CUT]
            if not names:
                continue
            n, name_score, value = _name_hit(form, names)
            if value < threshold - 0.35:  # evidence moves a score by at most +0.40 with a document
                continue
            adj = adjustments(
                entry,
                dob=record.date_of_birth,
                nationality=record.nationality,
                gender=record.gender,
                documents=record.documents,
            )
            score = min(1.0, max(0.0, value + sum(a.amount for a in adj)))
            if score >= threshold:
                hits.append(
                    Hit(entry.reference_number, score, n.name.name, n.name.quality, name_score, adj, entry)
                )
    hits.sort(key=lambda h: (-h.score, h.reference_number))
    return Result(record, hits[:limit])


def screen_records(
    records: Sequence[Record],
    index: ListIndex,
    threshold: float = DEFAULT_THRESHOLD,
    progress: Progress | None = None,
) -> list[Result]:
    """Screen every record; ``progress(done, total)`` is called every 1000 records and at the end."""
    out = []
    total = len(records)
    for i, record in enumerate(records, start=1):
        out.append(screen_record(record, index, threshold))
        if progress and (i % 1000 == 0 or i == total):
            progress(i, total)
    return out

"""A full comparison of two documents: the alignment, a redline per aligned group, and the summary.

:func:`compare` is what the CLI (``gcts compare``) and the web app call. Its :meth:`Comparison.to_dict` is the
JSON of ``gcts compare --format json``: ``pairs``, ``added``, ``removed`` (the contract of the issue), plus
``uncertain``, ``changes`` (the redline in reading order), ``summary`` and ``warnings``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from gcts.compare.align import Alignment, Pair, align, document_name
from gcts.compare.labels import Note
from gcts.compare.redline import Segment, change_share, diff
from gcts.compare.summary import Summary, summarize
from gcts.model import Resolution

Kind = Literal["identical", "changed", "moved", "split", "merged", "added", "removed", "moved-out"]

SCHEMA = "gcts-compare/1"


@dataclass(slots=True)
class Change:
    """One row of the redline: a paragraph group of A, its counterpart in B, and what happened to it."""

    kind: Kind
    a: list[str]
    b: list[str]
    a_text: str = ""
    b_text: str = ""
    a_lang: str = ""
    b_lang: str = ""
    segments: list[Segment] = field(default_factory=list)
    score: float | None = None
    confidence: str = "high"
    reason: str = ""
    change_share: float = 0.0
    #: The reason as notes, to render in a reader's language (``reason`` is their English rendering).
    notes: tuple[Note, ...] = ()

    @property
    def anchor(self) -> str:
        """An HTML id for the row: ``b-operative-4`` (or ``a-…`` for removed paragraphs)."""
        side, ids = ("b", self.b) if self.b and self.kind != "moved-out" else ("a", self.a)
        return f"{side}-{ids[0].replace(':', '-')}" + ("-out" if self.kind == "moved-out" else "")

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the row."""
        d: dict[str, Any] = {"kind": self.kind, "a": self.a, "b": self.b}
        if self.score is not None:
            d["score"] = round(self.score, 3)
            d["confidence"] = self.confidence
        if self.segments:
            d["segments"] = [s.to_dict() for s in self.segments]
            d["change_share"] = round(self.change_share, 3)
        return d


@dataclass(slots=True)
class Comparison:
    """Alignment + redlines + summary of documents ``a`` and ``b``."""

    alignment: Alignment
    changes: list[Change]
    summary: Summary

    @property
    def name_a(self) -> str:
        """The first document's symbol or source."""
        return document_name(self.alignment.a)

    @property
    def name_b(self) -> str:
        """The second document's symbol or source."""
        return document_name(self.alignment.b)

    @property
    def b_lang(self) -> str:
        """The language of the second document (the page language of the HTML redline)."""
        return self.alignment.b.language

    def to_dict(self) -> dict[str, Any]:
        """The JSON of ``gcts compare``."""
        al = self.alignment
        return {
            "schema": SCHEMA,
            "a": _describe(al.a),
            "b": _describe(al.b),
            **al.to_dict(),
            "summary": self.summary.to_dict(),
            "changes": [c.to_dict() for c in self.changes],
        }


def _describe(res: Resolution) -> dict[str, Any]:
    return {
        "symbol": res.heading.symbol,
        "language": res.language,
        "source": res.source,
        "title": res.heading.title,
        "preamble": len(res.preamble),
        "operative": len(res.operative),
    }


def _group(pairs: list[Pair]) -> list[list[Pair]]:
    """Pairs grouped: a split by its source, a merge by its target, anything else alone (B order kept)."""
    groups: dict[tuple[str, str], list[Pair]] = {}
    for p in pairs:
        key = (
            ("a", p.a)
            if p.relation == "split"
            else ("b", p.b)
            if p.relation == "merged"
            else ("p", p.a + p.b)
        )
        groups.setdefault(key, []).append(p)
    return list(groups.values())


def _changes(al: Alignment) -> list[Change]:
    a, b = al.a, al.b
    a_text = {p.id: p.text for p in a.paragraphs}
    b_text = {p.id: p.text for p in b.paragraphs}
    b_order = {p.id: k for k, p in enumerate(b.paragraphs)}
    a_order = {p.id: k for k, p in enumerate(a.paragraphs)}
    same = al.mode == "same-language"
    rows: list[tuple[tuple[int, int, int], Change]] = []
    anchored: dict[str, int] = {}  # A paragraph id -> B position of its (in-order) row
    for group in _group(al.pairs):
        ga = sorted({p.a for p in group}, key=a_order.__getitem__)
        gb = sorted({p.b for p in group}, key=b_order.__getitem__)
        first = group[0]
        kind: Kind = first.relation
        ch = Change(
            kind=kind,
            a=ga,
            b=gb,
            a_text=" ".join(a_text[x] for x in ga),
            b_text=" ".join(b_text[x] for x in gb),
            a_lang=a.language,
            b_lang=b.language,
            score=max(p.score for p in group),
            confidence="low" if any(p.confidence == "low" for p in group) else "high",
            reason=first.reason,
            notes=first.notes,
        )
        if same and kind != "identical":
            ch.segments = diff([a_text[x] for x in ga], [b_text[x] for x in gb], a.language)
            ch.change_share = change_share(ch.segments)
        pos = b_order[gb[0]]
        rows.append(((pos, 0, 0), ch))
        if kind != "moved":
            for x in ga:
                anchored[x] = pos
    for x in al.added:
        rows.append(
            ((b_order[x], 0, 0), Change(kind="added", a=[], b=[x], b_text=b_text[x], b_lang=b.language))
        )
    moved_to = {p.a: p.b for p in al.pairs if p.relation == "moved"}
    placed = -1
    for par in a.paragraphs:
        pid = par.id
        if pid in anchored:
            placed = anchored[pid]
            continue
        if pid in al.removed:
            ch = Change(kind="removed", a=[pid], b=[], a_text=a_text[pid], a_lang=a.language)
        elif pid in moved_to:
            ch = Change(kind="moved-out", a=[pid], b=[moved_to[pid]], a_lang=a.language)
        else:
            continue
        rows.append(((placed, 1, a_order[pid]), ch))
    rows.sort(key=lambda r: r[0])
    return [c for _, c in rows]


def compare(a: Resolution, b: Resolution) -> Comparison:
    """Align ``a`` with ``b``, redline every aligned group (same language) and summarise what is new."""
    al = align(a, b)
    changes = _changes(al)
    return Comparison(alignment=al, changes=changes, summary=summarize(changes, a, b))

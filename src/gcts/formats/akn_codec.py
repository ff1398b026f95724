"""Plain-data (JSON-ready) forms of the parts of the model that Akoma Ntoso has no element for.

The AKN writer keeps them in its ``proprietary`` record and the reader turns them back into model objects:
full annotations (with evidence, confidences, mandates), sub-paragraphs that cannot be laid over their
paragraph's text, footnotes no paragraph carries, the quality report, the source name and whether the
symbol was printed. Everything here round-trips exactly: ``x == from_dict(to_dict(x))``.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from gcts.model import (
    ActorMention,
    Annotations,
    Evidence,
    Footnote,
    Label,
    Mandate,
    QualityIssue,
    Reference,
    Resolution,
    SubParagraph,
)

RECORD_VERSION = 1


def document_record(res: Resolution, extra: dict[str, Any]) -> dict[str, Any]:
    """The proprietary record of ``res``: what its AKN elements do not carry, plus the writer's ``extra``."""
    record: dict[str, Any] = {"version": RECORD_VERSION, "symbol_in_text": res.heading.symbol_in_text}
    if res.source is not None:
        record["source"] = res.source
    if res.quality:
        record["quality"] = [asdict(q) for q in res.quality]
    record.update(extra)
    return record


def quality_from_dict(data: dict[str, Any]) -> QualityIssue:
    """A :class:`QualityIssue` from its record form."""
    return QualityIssue(**data)


def annotations_to_dict(notes: Annotations) -> dict[str, Any]:
    """The record form of a paragraph's annotations (dates as ISO strings)."""
    data = asdict(notes)
    for mandate in data["mandates"]:
        if mandate["session_dates"] is not None:
            mandate["session_dates"] = [d.isoformat() for d in mandate["session_dates"]]
    return data


def _evidence(items: list[dict[str, Any]]) -> list[Evidence]:
    return [Evidence(**e) for e in items]


def _labels(items: list[dict[str, Any]]) -> list[Label]:
    return [Label(value=x["value"], confidence=x["confidence"], evidence=_evidence(x["evidence"]))
            for x in items]


def _mandate(data: dict[str, Any]) -> Mandate:
    fields = dict(data)
    fields["evidence"] = _evidence(fields.get("evidence", []))
    dates = fields.get("session_dates")
    if dates is not None:
        fields["session_dates"] = (date.fromisoformat(dates[0]), date.fromisoformat(dates[1]))
    return Mandate(**fields)


def annotations_from_dict(data: dict[str, Any]) -> Annotations:
    """:class:`Annotations` from their record form."""
    return Annotations(
        opening=data.get("opening"),
        function=data.get("function"),
        opening_evidence=_evidence(data.get("opening_evidence", [])),
        pillars=_labels(data.get("pillars", [])),
        themes=_labels(data.get("themes", [])),
        references=[Reference(**r) for r in data.get("references", [])],
        actors=[ActorMention(**a) for a in data.get("actors", [])],
        mandates=[_mandate(m) for m in data.get("mandates", [])],
    )


def sub_to_dict(sub: SubParagraph) -> dict[str, Any]:
    """The record form of a sub-paragraph and its children (source spans are not kept)."""
    return {"label": sub.label, "text": sub.text, "children": [sub_to_dict(c) for c in sub.children]}


def sub_from_dict(data: dict[str, Any]) -> SubParagraph:
    """A :class:`SubParagraph` from its record form."""
    return SubParagraph(label=data["label"], text=data["text"],
                        children=[sub_from_dict(c) for c in data.get("children", [])])


def footnote_to_dict(note: Footnote) -> dict[str, Any]:
    """The record form of a footnote (its source span is not kept)."""
    return {"number": note.number, "text": note.text, "cited_in": note.cited_in}


def footnote_from_dict(data: dict[str, Any]) -> Footnote:
    """A :class:`Footnote` from its record form."""
    return Footnote(number=data["number"], text=data["text"], cited_in=data.get("cited_in"))

"""The gcts JSON format (schema ``gcts/1``): the gold contract's fields, plus all the model holds.

The fields and meanings of ``shared/gold/README.md`` come first and unchanged (``heading``, ``preamble``,
``operative``, ``footnotes`` with ``text``, ``footnotes``, ``opening``, ``function``, ``pillars``, ``themes``,
``references`` as canonical symbols, ``mandates`` as ``{actor, deadline, session, recurrence}``), so that
gcts output can be scored against any gold file. The rest of the model rides along in extra fields
(``span``, ``quality``, ``annotations`` with evidence, confidences, reference spans, actors, mandate
actions) so that :func:`from_json` of :func:`to_json` gives back an equal :class:`Resolution`.
See ``docs/json-schema.md``.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import Any

from gcts.errors import FormatError
from gcts.model import (
    ActorMention,
    Annotations,
    CrossHeading,
    Evidence,
    Footnote,
    Heading,
    Label,
    Mandate,
    Paragraph,
    PartName,
    QualityIssue,
    Reference,
    Resolution,
    SourceSpan,
    SubParagraph,
)

SCHEMA = "gcts/1"
_DATE_FIELDS = ("adoption_date", "issued")


def to_json(res: Resolution, *, indent: int | None = 2) -> str:
    """``res`` as a JSON document of schema ``gcts/1``."""
    return json.dumps(to_dict(res), ensure_ascii=False, indent=indent)


def to_dict(res: Resolution) -> dict[str, Any]:
    """``res`` as the plain dictionary that :func:`to_json` serialises."""
    heading = asdict(res.heading)
    for key in _DATE_FIELDS:
        heading[key] = heading[key].isoformat() if heading[key] else None
    return {
        "schema": SCHEMA,
        "source": res.source,
        "language": res.language,
        "heading": heading,
        "preamble": [_paragraph(p) for p in res.preamble],
        "operative": [_paragraph(p) for p in res.operative],
        "footnotes": [
            {"number": f.number, "text": f.text, "cited_in": f.cited_in, "span": _span(f.span)}
            for f in res.footnotes
        ],
        "headings": [
            {"text": h.text, "part": h.part, "before": h.before, "span": _span(h.span)} for h in res.headings
        ],
        "quality": [asdict(q) for q in res.quality],
    }


def _span(span: SourceSpan | None) -> dict[str, Any] | None:
    return asdict(span) if span else None


def _annotated(a: Annotations) -> bool:
    return bool(a.opening or a.function or a.pillars or a.themes or a.references or a.actors or a.mandates)


def _paragraph(p: Paragraph) -> dict[str, Any]:
    a = p.annotations
    done = _annotated(a)
    out: dict[str, Any] = (
        {"index": p.index} if p.part == "preamble" else {"number": p.number, "index": p.index}
    )
    out |= {"text": p.text, "footnotes": list(p.footnotes)}
    out["footnote_refs"] = [[offset, number] for offset, number in p.footnote_refs]
    if p.part == "operative":
        out["subparagraphs"] = [_item(s) for s in p.subparagraphs]
    out |= {"opening": a.opening, "function": a.function}
    if p.part == "operative":
        out["pillars"] = [lab.value for lab in a.pillars] if done else None
    out["themes"] = [lab.value for lab in a.themes] if done else None
    refs: list[str] = []
    for r in a.references:  # the gold lists documents cited by symbol; named instruments stay in annotations
        if r.kind != "instrument" and r.symbol not in refs:
            refs.append(r.symbol)
    out["references"] = sorted(refs) if done else None
    if p.part == "operative":
        out["mandates"] = (
            [
                {"actor": m.actor, "deadline": m.deadline, "session": m.session, "recurrence": m.recurrence}
                for m in a.mandates
            ]
            if done
            else None
        )
    out["span"] = _span(p.span)
    out["annotations"] = _annotations(a)
    return out


def _item(s: SubParagraph) -> dict[str, Any]:
    return {
        "label": s.label,
        "text": s.text,
        "children": [_item(c) for c in s.children],
        "span": _span(s.span),
    }


def _annotations(a: Annotations) -> dict[str, Any]:
    d = asdict(a)
    for m in d["mandates"]:
        if m["session_dates"]:
            m["session_dates"] = [x.isoformat() for x in m["session_dates"]]
    return d


# --- reading -----------------------------------------------------------------------------------------------


class _Reader:
    """Reads a ``gcts/1`` document, naming the field of the first thing that is wrong."""

    def __init__(self, source: str | None) -> None:
        self.source = source

    def fail(self, field: str, message: str) -> FormatError:
        return FormatError(message, file=self.source, field=field)

    def get(
        self,
        obj: Any,
        key: str,
        kind: type | tuple[type, ...],
        where: str,
        *,
        required: bool = True,
        default: Any = None,
    ) -> Any:
        if not isinstance(obj, dict):
            raise self.fail(where, "expected an object")
        if key not in obj or obj[key] is None:
            if required:
                raise self.fail(f"{where}.{key}", "missing")
            return default
        value = obj[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, (int,))):
            raise self.fail(
                f"{where}.{key}", f"expected {getattr(kind, '__name__', kind)}, got {type(value).__name__}"
            )
        return value

    def date(self, value: Any, where: str) -> date | None:
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError) as exc:
            raise self.fail(where, f"not an ISO date: {value!r}") from exc

    def span(self, obj: Any, where: str) -> SourceSpan | None:
        if obj is None:
            return None
        try:
            return SourceSpan(**obj)
        except TypeError as exc:
            raise self.fail(where, f"not a span: {exc}") from exc

    def build(self, cls: type, obj: Any, where: str) -> Any:
        try:
            return cls(**obj)
        except TypeError as exc:
            raise self.fail(where, f"not a {cls.__name__}: {exc}") from exc


def from_json(data: str | bytes | dict[str, Any], *, source: str | None = None) -> Resolution:
    """The :class:`Resolution` written in a ``gcts/1`` JSON document; FormatError naming the bad field."""
    rd = _Reader(source)
    if isinstance(data, str | bytes):
        try:
            doc = json.loads(data)
        except json.JSONDecodeError as exc:
            raise FormatError(f"not JSON: {exc.msg}", file=source, line=exc.lineno) from exc
        except RecursionError as exc:
            raise FormatError("not a gcts document: JSON nested too deeply", file=source) from exc
        except ValueError as exc:  # e.g. an integer of thousands of digits (Python refuses to convert it)
            raise FormatError(f"not a gcts document: {exc}".split(";")[0], file=source) from exc
    else:
        doc = data
    if not isinstance(doc, dict):
        raise rd.fail("(root)", "expected a JSON object")
    schema = doc.get("schema")
    if schema != SCHEMA:
        raise rd.fail("schema", f"not a gcts document (schema {schema!r}, expected {SCHEMA!r})")
    heading_obj = dict(rd.get(doc, "heading", dict, "(root)"))
    for key in _DATE_FIELDS:
        heading_obj[key] = rd.date(heading_obj.get(key), f"heading.{key}")
    heading: Heading = rd.build(Heading, heading_obj, "heading")
    res = Resolution(
        language=rd.get(doc, "language", str, "(root)"),
        heading=heading,
        source=rd.get(doc, "source", str, "(root)", required=False),
    )
    for part in ("preamble", "operative"):
        for k, p in enumerate(rd.get(doc, part, list, "(root)")):
            para = _read_paragraph(rd, p, part, f"{part}[{k}]")
            para.index = para.index or k + 1
            (res.preamble if part == "preamble" else res.operative).append(para)
    for k, f in enumerate(rd.get(doc, "footnotes", list, "(root)", required=False, default=[])):
        where = f"footnotes[{k}]"
        res.footnotes.append(
            Footnote(
                number=rd.get(f, "number", int, where),
                text=rd.get(f, "text", str, where),
                cited_in=rd.get(f, "cited_in", str, where, required=False),
                span=rd.span(f.get("span"), f"{where}.span"),
            )
        )
    ids = {p.id for p in res.paragraphs}
    for k, h in enumerate(rd.get(doc, "headings", list, "(root)", required=False, default=[])):
        where = f"headings[{k}]"
        part = rd.get(h, "part", str, where)
        before = rd.get(h, "before", str, where)
        if part not in ("preamble", "operative"):
            raise rd.fail(f"{where}.part", f"expected 'preamble' or 'operative', not {part!r}")
        if before not in ids:
            raise rd.fail(f"{where}.before", f"no paragraph {before!r} in this document")
        res.headings.append(
            CrossHeading(
                text=rd.get(h, "text", str, where),
                part=part,
                before=before,
                span=rd.span(h.get("span"), f"{where}.span"),
            )
        )
    for k, q in enumerate(rd.get(doc, "quality", list, "(root)", required=False, default=[])):
        res.quality.append(rd.build(QualityIssue, q, f"quality[{k}]"))
    return res


def _read_paragraph(rd: _Reader, p: Any, part: str, where: str) -> Paragraph:
    number = rd.get(p, "number", int, where) if part == "operative" else None
    index = rd.get(p, "index", int, where, required=part == "preamble", default=0)
    text = rd.get(p, "text", str, where)
    notes = rd.get(p, "footnotes", list, where, required=False, default=[])
    if not all(isinstance(n, int) for n in notes):
        raise rd.fail(f"{where}.footnotes", "expected a list of footnote numbers")
    refs = _read_refs(rd, rd.get(p, "footnote_refs", list, where, required=False, default=[]), text, where)
    items = [
        _read_item(rd, s, f"{where}.subparagraphs[{i}]")
        for i, s in enumerate(rd.get(p, "subparagraphs", list, where, required=False, default=[]))
    ]
    ann = _read_annotations(rd, p, where)
    kind: PartName = "operative" if part == "operative" else "preamble"
    return Paragraph(
        part=kind,
        index=index or 0,
        number=number,
        text=text,
        footnotes=list(notes),
        subparagraphs=items,
        span=rd.span(p.get("span"), f"{where}.span"),
        annotations=ann,
        footnote_refs=refs,
    )


def _read_refs(rd: _Reader, refs: list[Any], text: str, where: str) -> list[tuple[int, int]]:
    """``footnote_refs``: ``[offset, number]`` pairs with the offset inside the paragraph text."""
    out: list[tuple[int, int]] = []
    for i, ref in enumerate(refs):
        ok = (
            isinstance(ref, list)
            and len(ref) == 2
            and all(isinstance(x, int) and not isinstance(x, bool) for x in ref)
            and 0 <= ref[0] <= len(text)
        )
        if not ok:
            raise rd.fail(
                f"{where}.footnote_refs[{i}]",
                "expected [offset, footnote number] with the offset inside the text",
            )
        out.append((ref[0], ref[1]))
    return out


def _read_item(rd: _Reader, s: Any, where: str) -> SubParagraph:
    children = [
        _read_item(rd, c, f"{where}.children[{i}]")
        for i, c in enumerate(rd.get(s, "children", list, where, required=False, default=[]))
    ]
    return SubParagraph(
        label=rd.get(s, "label", str, where),
        text=rd.get(s, "text", str, where),
        children=children,
        span=rd.span(s.get("span"), f"{where}.span"),
    )


def _read_annotations(rd: _Reader, p: dict[str, Any], where: str) -> Annotations:
    """The full annotations when present; else the gold-style fields (a gold file read as a document)."""
    a = p.get("annotations")
    if isinstance(a, dict):
        w = f"{where}.annotations"

        def ev(items: Any, at: str) -> list[Evidence]:
            return [rd.build(Evidence, e, f"{at}[{i}]") for i, e in enumerate(items or [])]

        def labels(key: str) -> list[Label]:
            return [
                Label(
                    value=lab["value"],
                    confidence=lab.get("confidence", 1.0),
                    evidence=ev(lab.get("evidence"), f"{w}.{key}[{i}].evidence"),
                )
                for i, lab in enumerate(a.get(key) or [])
            ]

        mandates = []
        for i, m in enumerate(a.get("mandates") or []):
            if not isinstance(m, dict):
                raise rd.fail(f"{w}.mandates[{i}]", "expected an object")
            m = dict(m)
            if m.get("session_dates"):
                m["session_dates"] = tuple(
                    rd.date(x, f"{w}.mandates[{i}].session_dates") for x in m["session_dates"]
                )
            m["evidence"] = ev(m.get("evidence"), f"{w}.mandates[{i}].evidence")
            mandates.append(rd.build(Mandate, m, f"{w}.mandates[{i}]"))
        try:
            return Annotations(
                opening=a.get("opening"),
                function=a.get("function"),
                opening_evidence=ev(a.get("opening_evidence"), f"{w}.opening_evidence"),
                pillars=labels("pillars"),
                themes=labels("themes"),
                references=[
                    rd.build(Reference, r, f"{w}.references[{i}]")
                    for i, r in enumerate(a.get("references") or [])
                ],
                actors=[
                    rd.build(ActorMention, r, f"{w}.actors[{i}]") for i, r in enumerate(a.get("actors") or [])
                ],
                mandates=mandates,
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise rd.fail(w, f"malformed annotations: {exc}") from exc
    refs = [
        Reference(symbol=s, kind="document", surface=s, start=0, end=0) for s in p.get("references") or []
    ]
    return Annotations(
        opening=p.get("opening"),
        function=p.get("function"),
        pillars=[Label(v) for v in p.get("pillars") or []],
        themes=[Label(v) for v in p.get("themes") or []],
        references=refs,
        mandates=[
            Mandate(
                actor=m.get("actor", ""),
                action="",
                deadline=m.get("deadline"),
                session=m.get("session"),
                recurrence=m.get("recurrence"),
            )
            for m in p.get("mandates") or []
        ],
    )

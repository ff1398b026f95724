"""Akoma Ntoso (AKN4UN) reader: :func:`read_akn` turns XML written by :func:`gcts.formats.akn.to_akn` — or a
plain AKN4UN resolution from elsewhere — back into a :class:`~gcts.model.Resolution`.

Parsing is safe: no DTD is loaded, entities are never expanded (a document declaring any gets a
:class:`FormatError`), nothing is fetched from the network, and huge trees are refused. A document that is
not an ``akomaNtoso`` holding a ``statement`` (or another document type) is refused naming what is missing.

What is read from where (see ``docs/akn.md``): language from ``FRBRlanguage``; heading fields from the
``preface`` containers, the ``longTitle``, the enacting formula and the ``conclusions``; paragraphs from the
preamble ``container``s and the ``mainBody`` ``paragraph``s (text = the content with inline markup
flattened and notes left out; sub-paragraphs from ``list``/``point``); footnotes from ``authorialNote``s
(cited in the paragraph holding them) and ``noteRef``s; annotations, the quality report and the rest from
gcts's ``proprietary`` record when present, else openings, references and keywords from the markup.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any
from urllib.parse import unquote

from lxml import etree

from gcts.errors import FormatError
from gcts.formats import akn_codec
from gcts.formats.akn import AKN_NS, GCTS_NS, INLINE_FIELDS, ISO639_2, UNDOCS, camel
from gcts.model import (
    Annotations,
    CrossHeading,
    Footnote,
    Heading,
    Label,
    Paragraph,
    PartName,
    Reference,
    Resolution,
    SubParagraph,
)
from gcts.structure.footnotes import MARK, take_marks

NOTE_TAGS = ("authorialNote", "noteRef")
DOC_TYPES = ("statement", "act", "bill", "doc", "debateReport", "debate", "amendment", "judgment",
             "officialGazette", "documentCollection", "amendmentList")
ISO639_1 = {v: k for k, v in ISO639_2.items()}


def _q(tag: str) -> str:
    return f"{{{AKN_NS}}}{tag}"


def _local(el: etree._Element) -> str:
    tag = el.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def parse_xml(data: bytes, *, source: str | None = None) -> etree._Element:
    """Parse untrusted XML safely; :class:`FormatError` for a DTD/entity declaration or malformed input."""
    refusal = "XML with a DTD or entity declarations is refused (entity expansion is unsafe)"
    if _declares_dtd(data):
        raise FormatError(refusal, file=source)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                             dtd_validation=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        # lxml's message may hold a line break and repeat the place ("…\n, line 54, column 10653").
        reason = " ".join(str(exc.msg).split()).removesuffix(",").strip()
        raise FormatError(f"malformed XML: {reason}", file=source, line=exc.lineno) from exc
    # In any encoding the byte test cannot read (UTF-32, EBCDIC …), the parser itself tells of a DTD.
    info = root.getroottree().docinfo
    if getattr(info, "doctype", "") or getattr(info, "internalDTD", None) is not None:
        raise FormatError(refusal, file=source)
    return root


def _declares_dtd(data: bytes) -> bool:
    """Whether ``data`` holds ``<!DOCTYPE`` or ``<!ENTITY`` as UTF-8/ASCII or as UTF-16 text (a UTF-16 file
    holds NUL bytes between the letters, which a test on the bytes alone misses)."""
    texts = [data]
    if b"\x00" in data[:512]:
        texts += [data.decode(codec, errors="ignore").encode() for codec in ("utf-16-le", "utf-16-be")]
    return any(b"<!doctype" in t.lower() or b"<!entity" in t.lower() for t in texts)


def read_akn(data: bytes, *, source: str | None = None) -> Resolution:
    """Read an Akoma Ntoso resolution; ``source`` names the input in errors and becomes ``res.source``.

    Raises :class:`FormatError` for unsafe or malformed XML and for XML that is not an AKN document with a
    ``statement`` (or other document type) holding a ``mainBody``.
    """
    root = parse_xml(data, source=source)
    if _local(root) != "akomaNtoso" or root.tag != _q("akomaNtoso"):
        raise FormatError(f"not Akoma Ntoso: the root is <{_local(root) or root.tag}>, expected <akomaNtoso> "
                          f"in namespace {AKN_NS}", file=source, line=_line(root))
    doc = next((c for c in root if _local(c) in DOC_TYPES), None)
    if doc is None:
        raise FormatError("not an Akoma Ntoso document: <akomaNtoso> holds no <statement> (or other document "
                          "type)", file=source, line=_line(root))
    body = doc.find(_q("mainBody"))
    if body is None:
        body = doc.find(_q("body"))
    if body is None:
        raise FormatError(f"<{_local(doc)}> has no <mainBody>: no operative part to read", file=source,
                          line=_line(doc))
    return _Reader(doc, source).read(body)


class _Reader:
    """State of one read: the record, footnotes met so far, the document element."""

    def __init__(self, doc: etree._Element, source: str | None) -> None:
        self.doc = doc
        self.source = source
        self.record = self._record()
        self.notes: dict[int, Footnote] = {}

    def _record(self) -> dict[str, Any]:
        el = self.doc.find(f"{_q('meta')}/{_q('proprietary')}/{{{GCTS_NS}}}record")
        if el is None or not (el.text or "").strip():
            return {}
        try:
            data = json.loads(el.text or "")
        except json.JSONDecodeError as exc:
            raise FormatError(f"the gcts proprietary record is not valid JSON: {exc.msg}", file=self.source,
                              line=_line(el), field="meta/proprietary") from exc
        if not isinstance(data, dict):
            raise FormatError("the gcts proprietary record is not an object", file=self.source,
                              line=_line(el), field="meta/proprietary")
        return data

    def read(self, body: etree._Element) -> Resolution:
        language = self._language()
        heading = self._heading()
        preamble = self._preamble()
        operative = self._operative(body)
        headings = self._cross_headings(body, preamble, operative)
        for data in self.record.get("footnotes", []):
            note = akn_codec.footnote_from_dict(data)
            self.notes.setdefault(note.number, note)
        res = Resolution(
            language=language,
            heading=heading,
            preamble=preamble,
            operative=operative,
            footnotes=sorted(self.notes.values(), key=lambda f: f.number),
            source=self.source if self.source is not None else self.record.get("source"),
            quality=[akn_codec.quality_from_dict(q) for q in self.record.get("quality", [])],
            headings=headings,
        )
        return res

    def _cross_headings(
        self, body: etree._Element, preamble: list[Paragraph], operative: list[Paragraph]
    ) -> list[CrossHeading]:
        """Each ``crossHeading`` tied to the paragraph that follows it in its part (in document order)."""
        out: list[CrossHeading] = []
        parts: list[tuple[PartName, etree._Element | None, list[Paragraph], tuple[str, ...]]] = [
            ("preamble", self.doc.find(_q("preamble")), preamble, ("container", "p", "block", "recital")),
            ("operative", body, operative, ("paragraph",)),
        ]
        for part, root, paras, kinds in parts:
            if root is None:
                continue
            seen = 0
            waiting: list[str] = []
            for el in root.iter():
                name = _local(el) if isinstance(el.tag, str) else ""
                if name == "crossHeading":
                    waiting.append(_text(el).strip())
                elif name in kinds and el.getparent() is not None and _counts(el, part):
                    if el.get("status") == "removed":
                        continue
                    if waiting and seen < len(paras):
                        out += [CrossHeading(text=t, part=part, before=paras[seen].id) for t in waiting]
                    waiting = []
                    seen += 1
        return out

    # --- meta and heading -------------------------------------------------------------------------------

    def _language(self) -> str:
        el = self.doc.find(f"{_q('meta')}/{_q('identification')}/{_q('FRBRExpression')}/{_q('FRBRlanguage')}")
        if el is None or not el.get("language"):
            raise FormatError("no FRBRExpression/FRBRlanguage: the document's language is unknown",
                              file=self.source, field="meta/identification")
        code = el.get("language", "")
        return ISO639_1.get(code, code)

    def _heading(self) -> Heading:
        h = Heading(symbol_in_text=bool(self.record.get("symbol_in_text", False)))
        preface = self.doc.find(_q("preface"))
        if preface is not None:
            for el in preface.iter(_q("docNumber")):
                if el.get("refersTo") == "#symbol":
                    h.symbol = _text(el)
                else:
                    h.resolution_number = _text(el)
            for el in preface.iter(_q("docTitle")):
                h.title = _text(el)
            for el in preface.iter(_q("docType")):
                h.kind = _text(el)
            for el in preface.iter(_q("docProponent")):
                h.submitter = _text(el)
            for el in preface.iter(_q("docStatus")):
                h.distribution = _text(el)
            for el in preface.iter(_q("session")):
                h.session = _int(el.get("value") or _text(el), self.source, el)
            for el in preface.iter(_q("docDate")):
                h.issued = _date(el, self.source)
            names = {camel(f): f for f in INLINE_FIELDS}
            for el in preface.iter(_q("inline")):
                field = names.get(el.get("name", ""))
                if field:
                    setattr(h, field, _text(el))
        formula = self.doc.find(f"{_q('preamble')}/{_q('formula')}")
        if formula is not None:
            org = formula.find(f".//{_q('organization')}")
            h.body = _text(org) if org is not None else (_text(formula).strip().rstrip(",，،") or None)
        conclusions = self.doc.find(_q("conclusions"))
        if conclusions is not None:
            for el in conclusions.iter(_q("event")):
                h.meeting = _text(el)
            for el in conclusions.iter(_q("docDate"), _q("date")):
                h.adoption_date = _date(el, self.source)
        return h

    # --- paragraphs -------------------------------------------------------------------------------------

    def _preamble(self) -> list[Paragraph]:
        preamble = self.doc.find(_q("preamble"))
        if preamble is None:
            return []
        out: list[Paragraph] = []
        blocks = [c for c in preamble if _local(c) in ("container", "p", "block", "recitals")]
        for el in blocks:
            items = [r for r in el if _local(r) == "recital"] if _local(el) == "recitals" else [el]
            for item in items:
                p = Paragraph(part="preamble", index=len(out) + 1, text="")
                p.text = self._flat(item, p)
                self._finish(p, item)
                out.append(p)
        return out

    def _operative(self, body: etree._Element) -> list[Paragraph]:
        out: list[Paragraph] = []
        for el in body.iter(_q("paragraph")):
            if el.get("status") == "removed":
                continue
            p = Paragraph(part="operative", index=len(out) + 1, text="")
            num = el.find(_q("num"))
            if num is not None:
                digits = "".join(c for c in _text(num) if c.isdigit())
                p.number = int(digits) if digits else None
            lst = el.find(_q("list"))
            if lst is not None:
                p.text, p.subparagraphs = self._list(lst, p)
            else:
                p.text = self._flat(el, p, skip=("num",))
            self._finish(p, el)
            out.append(p)
        return out

    def _list(self, lst: etree._Element, p: Paragraph) -> tuple[str, list[SubParagraph]]:
        """Text and sub-paragraphs of a ``list`` (intro, points, wrap-up), rebuilt exactly."""
        parts: list[str] = []
        subs: list[SubParagraph] = []
        for child in lst:
            name = _local(child)
            if name in ("intro", "wrapUp"):
                parts.append(self._flat(child, p))
            elif name == "point":
                num = child.find(_q("num"))
                label_text = _text(num) if num is not None else ""
                inner = child.find(_q("list"))
                if inner is not None:
                    text, children = self._list(inner, p)
                else:
                    text, children = self._flat(child, p, skip=("num",)), []
                parts.append(label_text + text)
                subs.append(SubParagraph(label=_label(label_text), text=text.strip(), children=children))
        return "".join(parts), subs

    def _flat(self, el: etree._Element, p: Paragraph, skip: tuple[str, ...] = ()) -> str:
        """The text of ``el`` with inline markup flattened; notes recorded on ``p`` and left out."""
        parts: list[str] = []

        def walk(node: etree._Element, top: bool) -> None:
            name = _local(node)
            if not top and name in NOTE_TAGS:
                self._note(node, p)
                parts.append(MARK)  # where the marker stood; turned into an offset by _finish
                return
            if not top and name in skip:
                return
            if node.text and (name not in _STRUCTURAL or node.text.strip()):
                parts.append(node.text)
            for child in node:
                if isinstance(child.tag, str):
                    walk(child, False)
                if child.tail and (name not in _STRUCTURAL or child.tail.strip()):
                    parts.append(child.tail)

        walk(el, True)
        return "".join(parts)

    def _note(self, node: etree._Element, p: Paragraph) -> None:
        marker = node.get("marker", "")
        if not marker.isdigit():
            raise FormatError(f"footnote marker {marker!r} is not a number", file=self.source,
                              line=_line(node), field=p.id)
        number = int(marker)
        if number not in p.footnotes:
            p.footnotes.append(number)
        p.footnote_refs.append((-1, number))  # offset filled in by _finish
        if _local(node) == "authorialNote":
            text = "".join(_text(c) for c in node if _local(c) == "p") or _text(node)
            self.notes.setdefault(number, Footnote(number=number, text=text, cited_in=p.id))

    def _finish(self, p: Paragraph, el: etree._Element) -> None:
        """Marker offsets, annotations and record-kept sub-paragraphs of ``p`` (record first, else markup)."""
        p.text, p.footnote_refs = take_marks(p.text, [n for _, n in p.footnote_refs])
        _unmark(p.subparagraphs)
        if p.id in self.record.get("notes_at_end", []):
            p.footnote_refs = []  # the writer did not know where these markers stood
        subs = self.record.get("subparagraphs", {}).get(p.id)
        if subs is not None:
            p.subparagraphs = [akn_codec.sub_from_dict(s) for s in subs]
        notes = self.record.get("annotations", {}).get(p.id)
        if notes is not None:
            p.annotations = akn_codec.annotations_from_dict(notes)
        elif not self.record:
            p.annotations = self._markup_annotations(el, p.part)

    def _markup_annotations(self, el: etree._Element, part: PartName) -> Annotations:
        """Annotations of a foreign AKN document: opening span, refs and classification keywords."""
        notes = Annotations()
        opening = next((s for s in el.iter(_q("span"), _q("i")) if "opening" in (s.get("class") or "")), None)
        if opening is not None:
            notes.opening = _text(opening)
        for ref in el.iter(_q("ref")):
            href = ref.get("href", "")
            symbol = unquote(href[len(UNDOCS):] if href.startswith(UNDOCS) else href)
            kind = ref.get("class") or "document"
            if kind in ("ga_resolution", "sc_resolution", "document", "instrument"):
                notes.references.append(Reference(symbol, kind, _text(ref), 0, 0))  # type: ignore[arg-type]
        eid = el.get("eId")
        meta = self.doc.find(f"{_q('meta')}/{_q('classification')}")
        if eid and meta is not None:
            for kw in meta:
                if kw.get("href") != f"#{eid}":
                    continue
                value, dictionary = kw.get("value", ""), kw.get("dictionary", "")
                if dictionary == "gcts-functions":
                    notes.function = value
                elif dictionary == "gcts-pillars":
                    notes.pillars.append(Label(value))
                elif dictionary == "gcts-themes":
                    notes.themes.append(Label(value))
        _ = part
        return notes


_STRUCTURAL = {"container", "paragraph", "point", "list", "intro", "wrapUp", "content", "recital", "block",
               "authorialNote"}


def _counts(el: etree._Element, part: str) -> bool:
    """Is ``el`` one paragraph of ``part`` as :meth:`_Reader._preamble` / ``_operative`` count them?"""
    parent = el.getparent()
    if part == "operative":
        return True
    name = _local(el)
    if name == "recital":
        return parent is not None and _local(parent) == "recitals"
    return parent is not None and _local(parent) == "preamble" and name != "recitals"


def _unmark(items: list[SubParagraph]) -> None:
    """Sub-paragraph texts without the marker places :meth:`_Read._flat` left in them."""
    for item in items:
        if MARK in item.text:  # a mark after the piece's trailing space kept that space from the strip
            item.text = item.text.replace(MARK, "").strip()
        _unmark(item.children)


def _text(el: etree._Element) -> str:
    return "".join(str(t) for t in el.itertext())


def _line(el: etree._Element) -> int | None:
    line = el.sourceline
    return line if isinstance(line, int) else None


def _label(num: str) -> str:
    """``(a)`` → ``a``, ``（一）`` → ``一``: the label without brackets or trailing punctuation."""
    return "".join(c for c in num if c.isalnum())


def _int(value: str, source: str | None, el: etree._Element) -> int:
    try:
        return int(value)
    except ValueError as exc:
        raise FormatError(f"<{_local(el)}> holds {value!r}, not a number", file=source,
                          line=_line(el)) from exc


def _date(el: etree._Element, source: str | None) -> date:
    value = el.get("date", "")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise FormatError(f"<{_local(el)} date={value!r}> is not a date (YYYY-MM-DD)", file=source,
                          line=_line(el)) from exc

"""Akoma Ntoso 3.0 (AKN4UN profile) writer: :func:`to_akn` turns a :class:`~gcts.model.Resolution` into XML.

The document is an ``akomaNtoso`` root holding a ``statement name="resolution"`` as the AKN4UN guidelines
for General Assembly resolutions model it:

* ``meta`` — FRBR Work/Expression/Manifestation with UN-style IRIs
  (``/akn/un/statement/resolution/unga/2018-06-26/72-284/!main``, language as ISO 639-2 ``zho``/``eng``),
  ``references`` (TLCOrganization for the organ and submitter, TLCConcept for functions, pillars, themes and
  actors), ``classification`` keywords for each paragraph's pillars and themes (``href`` to the paragraph),
  and a ``proprietary`` block (namespace :data:`GCTS_NS`) keeping what Akoma Ntoso has no element for;
* ``preface`` — one ``container`` per heading field, with the inline elements of the guidelines
  (``docNumber``, ``docTitle``, ``docType``, ``docProponent``, ``docStatus``, ``docDate``, ``session`` …);
* ``preamble`` — the organ line as ``formula name="enactingFormula"`` and one ``container`` per preambular
  paragraph;
* ``mainBody`` — numbered ``paragraph``s; sub-paragraphs as ``list``/``intro``/``point`` (nested: (i), (ii));
* unnumbered headings between paragraphs ("Pillar I: …") as ``crossHeading`` inside a
  ``blockContainer class="crossHeading"``, where they stand (preamble or mainBody);
* ``conclusions`` — the meeting (``event``) and the adoption date (``docDate``).

Annotations are written in place where the text allows it (the opening as ``span class="opening"``, each
cited symbol as ``ref href=…``, each actor as ``entity refersTo=…``) and footnotes as ``authorialNote`` where
their marker stood (``Paragraph.footnote_refs``; ``noteRef`` for a repeated citation). A paragraph that
cites footnotes without known marker offsets gets its notes at its end, and the record says so. The reader
(:mod:`gcts.formats.akn_reader`, which imports this module's names, never the reverse) rebuilds the model
exactly; see ``docs/akn.md`` for the mapping and what
is not carried (source spans).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import quote

from lxml import etree

from gcts.formats import akn_codec
from gcts.formats.subdivision import cut
from gcts.model import Annotations, Heading, Paragraph, Resolution, SubParagraph

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
GCTS_NS = "https://gcts.example.org/ns/akn-proprietary/1"
GCTS_PREFIX = "gcts"
#: ISO 639-1 → ISO 639-2/T, the codes FRBRlanguage carries. A standard's table, not language knowledge.
ISO639_2: dict[str, str] = {"ar": "ara", "zh": "zho", "en": "eng", "fr": "fra", "ru": "rus", "es": "spa"}
UNDOCS = "https://undocs.org/"
#: Date written in FRBRdate when the document carries none (FRBRdate is mandatory).
UNKNOWN_DATE = date(1, 1, 1)
AUTHOR_ID = "unga"
#: Heading fields written as plain ``inline name=…`` (no dedicated AKN element).
INLINE_FIELDS = ("agenda_item", "agenda_title", "adopted_as", "original_language", "annex_title")


def _q(tag: str) -> str:
    return f"{{{AKN_NS}}}{tag}"


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, _q(tag), {k.rstrip("_"): v for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def work_number(heading: Heading) -> str:
    """The number part of the work IRI: ``72-284`` for resolution 72/284, ``a-72-l-62`` for a draft."""
    raw = heading.resolution_number or heading.symbol or "unnumbered"
    slug = "".join(c.lower() if c.isalnum() else "-" for c in raw.strip().rstrip("."))
    return "-".join(part for part in slug.split("-") if part) or "unnumbered"


def work_date(heading: Heading) -> tuple[date, str]:
    """The date of the work and its FRBR name: adoption, else issue, else an explicit ``unknown``."""
    if heading.adoption_date:
        return heading.adoption_date, "adoption"
    if heading.issued:
        return heading.issued, "issued"
    return UNKNOWN_DATE, "unknown"


def work_iri(res: Resolution) -> str:
    """``/akn/un/statement/resolution/unga/<date>/<number>``: the FRBR work IRI (without ``/!main``)."""
    day, _ = work_date(res.heading)
    return f"/akn/un/statement/resolution/{AUTHOR_ID}/{day.isoformat()}/{work_number(res.heading)}"


def symbol_href(symbol: str) -> str:
    """The ``href`` of a reference: an undocs.org address for a UN symbol, the id itself for an instrument."""
    if ":" in symbol:  # instrument:charter and other stable ids
        return quote(symbol, safe=":/")
    return UNDOCS + quote(symbol, safe="/()")


def to_akn(res: Resolution) -> str:
    """Serialise ``res`` as an Akoma Ntoso 3.0 document in the AKN4UN profile (a UTF-8 XML string)."""
    return _Writer(res).write()


@dataclass(slots=True)
class _Span:
    """A run of a paragraph's text to wrap in an inline element (offsets in the paragraph text)."""

    start: int
    end: int
    tag: str
    attrs: dict[str, str]
    note: str | None = None  # an authorialNote's text, written as its ``p``


class _Writer:
    """Builds the XML tree of one resolution; one instance per call of :func:`to_akn`."""

    def __init__(self, res: Resolution) -> None:
        self.res = res
        self.concepts: dict[str, tuple[str, str]] = {}  # eId -> (href, showAs)
        self.keywords: list[tuple[str, str, str]] = []  # (value, dictionary, paragraph eId)
        self.extra: dict[str, Any] = {}
        self.emitted_notes: set[int] = set()
        self.used_ids: set[str] = set()
        self.cross_count = 0

    # --- document ----------------------------------------------------------------------------------------

    def write(self) -> str:
        res = self.res
        root = etree.Element(_q("akomaNtoso"), nsmap={None: AKN_NS, GCTS_PREFIX: GCTS_NS})  # type: ignore[dict-item]
        statement = _sub(root, "statement", name="resolution", contains="originalVersion")
        meta = _sub(statement, "meta")
        preface = _sub(statement, "preface")
        self._preface(preface)
        preamble = _sub(statement, "preamble", eId="preamble")
        self._preamble(preamble)
        body = _sub(statement, "mainBody", eId="mainBody")
        self._main_body(body)
        if res.heading.meeting or res.heading.adoption_date:
            self._conclusions(_sub(statement, "conclusions", eId="conclusions"))
        self._uncited_notes()
        self._meta(meta)
        xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        return xml.decode("utf-8")

    def _meta(self, meta: etree._Element) -> None:
        res = self.res
        day, day_name = work_date(res.heading)
        work = work_iri(res)
        lang = ISO639_2.get(res.language, res.language)
        expression = f"{work}/{lang}@{day.isoformat()}"
        ident = _sub(meta, "identification", source="#gcts")
        frbr = (
            ("FRBRWork", work, work),
            ("FRBRExpression", expression, expression),
            ("FRBRManifestation", f"{expression}/!main.xml", f"{expression}.xml"),
        )
        for tag, this, uri in frbr:
            block = _sub(ident, tag)
            _sub(block, "FRBRthis", value=this if tag == "FRBRManifestation" else f"{this}/!main")
            _sub(block, "FRBRuri", value=uri)
            if tag == "FRBRManifestation":
                _sub(block, "FRBRdate", date=day.isoformat(), name=day_name)
                _sub(block, "FRBRauthor", href="#gcts")
                continue
            _sub(block, "FRBRdate", date=day.isoformat(), name=day_name)
            _sub(block, "FRBRauthor", href=f"#{AUTHOR_ID}")
            if tag == "FRBRWork":
                _sub(block, "FRBRcountry", value="un")
                _sub(block, "FRBRsubtype", value="resolution")
                number = res.heading.resolution_number or res.heading.symbol
                if number:
                    _sub(block, "FRBRnumber", value=work_number(res.heading), showAs=number)
            else:
                _sub(block, "FRBRlanguage", language=lang)
        if self.keywords:
            classification = _sub(meta, "classification", source="#gcts")
            for value, dictionary, target in self.keywords:
                _sub(classification, "keyword", value=value, showAs=value, dictionary=dictionary,
                     href=f"#{target}")
        refs = _sub(meta, "references", source="#gcts")
        _sub(refs, "TLCOrganization", eId=AUTHOR_ID, href="/akn/ontology/organization/un/generalAssembly",
             showAs=res.heading.body or "General Assembly")
        _sub(refs, "TLCOrganization", eId="gcts", href="/akn/ontology/organization/gcts", showAs="gcts")
        if res.heading.submitter:
            _sub(refs, "TLCOrganization", eId="submitter", href="/akn/ontology/organization/un/submitter",
                 showAs=res.heading.submitter)
        for eid, (href, show) in sorted(self.concepts.items()):
            tag = "TLCPerson" if eid == "actor_secretary_general" else "TLCConcept"
            _sub(refs, tag, eId=eid, href=href, showAs=show)
        record = akn_codec.document_record(res, self.extra)
        if record:
            proprietary = _sub(meta, "proprietary", source="#gcts")
            data = etree.SubElement(proprietary, f"{{{GCTS_NS}}}record", version="1")
            data.text = json.dumps(record, ensure_ascii=False, sort_keys=True)

    def _concept(self, kind: str, value: str) -> str:
        eid = f"{kind}_{value}"
        self.concepts.setdefault(eid, (f"/akn/ontology/concept/gcts/{kind}/{value}", value))
        return eid

    # --- preface and conclusions ------------------------------------------------------------------------

    def _preface(self, preface: etree._Element) -> None:
        h = self.res.heading
        n = 0

        def container(name: str) -> etree._Element:
            nonlocal n
            n += 1
            return _sub(_sub(preface, "container", name=name, eId=f"preface__container_{n}"), "p")

        if h.symbol:
            _sub(container("symbol"), "docNumber", h.symbol, refersTo="#symbol")
        if h.distribution:
            _sub(container("distribution"), "docStatus", h.distribution, refersTo="#distribution")
        if h.issued:
            _sub(container("issued"), "docDate", h.issued.isoformat(), date=h.issued.isoformat(),
                 refersTo="#issued")
        if h.session is not None:
            _sub(container("session"), "session", str(h.session), value=str(h.session), refersTo="#session")
        for field in INLINE_FIELDS:
            value = getattr(h, field)
            if value:
                _sub(container(field), "inline", value, name=camel(field))
        if h.kind:
            _sub(container("kind"), "docType", h.kind, refersTo="#kind")
        if h.submitter:
            _sub(container("submitter"), "docProponent", h.submitter, refersTo="#submitter")
        if h.resolution_number or h.title:
            n += 1
            p = _sub(_sub(preface, "longTitle", eId="longTitle_1"), "p")
            if h.resolution_number:
                _sub(p, "docNumber", h.resolution_number, refersTo="#resolutionNumber")
            if h.title:
                _sub(p, "docTitle", h.title)
        if n == 0:
            _sub(container("empty"), "inline", "", name="empty")

    def _conclusions(self, conclusions: etree._Element) -> None:
        h = self.res.heading
        p = _sub(_sub(conclusions, "container", name="conclusion", eId="conclusions__container_1"), "p")
        if h.meeting:
            _sub(p, "event", h.meeting, refersTo="#meeting")
        if h.adoption_date:
            _sub(p, "docDate", h.adoption_date.isoformat(), date=h.adoption_date.isoformat(),
                 refersTo="#adoptionDate")

    # --- preamble and main body -------------------------------------------------------------------------

    def _preamble(self, preamble: etree._Element) -> None:
        formula = _sub(_sub(preamble, "formula", name="enactingFormula", eId="preamble__formula_1"), "p")
        if self.res.heading.body:
            _sub(formula, "organization", self.res.heading.body, refersTo=f"#{AUTHOR_ID}")
        for p in self.res.preamble:
            self._cross_headings(preamble, p)
            eid = self._eid(f"preamble__container_{p.index}")
            name = p.annotations.function or "preambularParagraph"
            container = _sub(preamble, "container", name=name, eId=eid)
            self._classify(p, eid)
            block = _sub(container, "p")
            spans, placed = self._with_notes(p, _spans(p.annotations, p.text))
            self._text(block, p.text, spans, 0)
            self._notes(block, p, placed)
            if p.subparagraphs:
                self.extra.setdefault("subparagraphs", {})[p.id] = [akn_codec.sub_to_dict(s)
                                                                    for s in p.subparagraphs]

    def _main_body(self, body: etree._Element) -> None:
        if not self.res.operative:
            # mainBody needs content: an explicit empty paragraph, recognised and skipped by the reader.
            _sub(_sub(_sub(body, "paragraph", eId="para_0", status="removed"), "content"), "p")
            return
        for p in self.res.operative:
            self._cross_headings(body, p)
            eid = self._eid(f"para_{p.number if p.number is not None else f'x{p.index}'}")
            para = _sub(body, "paragraph", eId=eid)
            self._classify(p, eid)
            if p.number is not None:
                _sub(para, "num", f"{p.number}.")
            spans, placed = self._with_notes(p, _spans(p.annotations, p.text))
            last = self._structure(para, eid, p.text, p.subparagraphs, spans, 0)
            if last is None:  # sub-paragraphs not recoverable from the text: keep the text whole
                self.extra.setdefault("subparagraphs", {})[p.id] = [akn_codec.sub_to_dict(s)
                                                                    for s in p.subparagraphs]
                block = _sub(_sub(para, "content"), "p")
                self._text(block, p.text, spans, 0)
                last = block
            if placed and len(list(para.iter(_q("authorialNote"), _q("noteRef")))) != len(p.footnote_refs):
                placed = self._unplace(para, p)  # a marker fell between windows (inside a printed label)
            self._notes(last, p, placed)

    def _cross_headings(self, parent: etree._Element, p: Paragraph) -> None:
        """The unnumbered headings printed before ``p``: a ``crossHeading`` each, in a ``blockContainer``
        (the element the schema allows both in ``preamble`` and in ``mainBody``), ``class="crossHeading"``."""
        for h in self.res.heading_before(p.id):
            self.cross_count += 1
            eid = self._eid(f"{'preamble__' if p.part == 'preamble' else ''}crossHeading_{self.cross_count}")
            box = _sub(parent, "blockContainer", eId=eid, class_="crossHeading")
            _sub(box, "crossHeading", h.text, eId=f"{eid}__heading")

    def _structure(self, parent: etree._Element, eid: str, text: str, subs: Sequence[SubParagraph],
                   spans: list[_Span], offset: int) -> etree._Element | None:
        """Write ``text`` (at ``offset`` in its paragraph) as content, or intro + points when it has subs.

        Returns the last ``p`` written (where footnotes go), or None when the sub-paragraphs cannot be
        laid over the text exactly (their texts or labels are not found in order).
        """
        if not subs:
            block = _sub(_sub(parent, "content"), "p")
            self._text(block, text, _window(spans, offset, offset + len(text)), offset)
            return block
        cuts = cut(text, subs)
        if cuts is None:
            return None
        intro_end, pieces, wrap_start = cuts
        lst = _sub(parent, "list", eId=f"{eid}__list_1")
        if intro_end > 0:
            block = _sub(_sub(lst, "intro"), "p")
            self._text(block, text[:intro_end], _window(spans, offset, offset + intro_end), offset)
        last: etree._Element | None = None
        for sub, (num_start, num_end, end) in zip(subs, pieces, strict=True):
            point_id = self._eid(f"{eid}__list_1__point_{_label_id(sub.label)}")
            point = _sub(lst, "point", eId=point_id)
            _sub(point, "num", text[num_start:num_end])
            last = self._structure(point, point_id, text[num_end:end], sub.children, spans, offset + num_end)
            if last is None:
                return None
        if wrap_start < len(text):
            last = _sub(_sub(lst, "wrapUp"), "p")
            self._text(last, text[wrap_start:], _window(spans, offset + wrap_start, offset + len(text)),
                       offset + wrap_start)
        return last

    def _classify(self, p: Paragraph, eid: str) -> None:
        if p.annotations.function:
            self.keywords.append((p.annotations.function, "gcts-functions", eid))
        for label in p.annotations.pillars:
            self.keywords.append((label.value, "gcts-pillars", eid))
        for label in p.annotations.themes:
            self.keywords.append((label.value, "gcts-themes", eid))
        if p.annotations != Annotations():
            self.extra.setdefault("annotations", {})[p.id] = akn_codec.annotations_to_dict(p.annotations)

    def _with_notes(self, p: Paragraph, spans: list[_Span]) -> tuple[list[_Span], bool]:
        """``spans`` plus a zero-width span for each footnote marker of ``p`` where it stood, and whether the
        markers could be placed (``footnote_refs`` known and consistent with ``footnotes``)."""
        numbers = [n for _, n in p.footnote_refs]
        if not p.footnote_refs or list(dict.fromkeys(numbers)) != p.footnotes:
            if p.footnotes:
                self.extra.setdefault("notes_at_end", []).append(p.id)
            return spans, False
        known = {f.number: f for f in self.res.footnotes}
        notes: list[_Span] = []
        for offset, number in p.footnote_refs:
            note = known.get(number)
            if note is not None and note.cited_in == p.id and number not in self.emitted_notes:
                self.emitted_notes.add(number)
                eid = self._eid(f"authorialNote_{number}")
                attrs = {"marker": str(number), "placement": "bottom", "eId": eid}
                notes.append(_Span(offset, offset, "authorialNote", attrs, note.text))
            else:
                attrs = {"marker": str(number), "href": f"#authorialNote_{number}", "class": "footnoteMarker"}
                notes.append(_Span(offset, offset, "noteRef", attrs))
        return _nest(spans + notes), True

    def _unplace(self, para: etree._Element, p: Paragraph) -> bool:
        """Take the placed notes of ``p`` out of ``para`` (they go to its end instead); returns False."""
        for el in list(para.iter(_q("authorialNote"), _q("noteRef"))):
            parent = el.getparent()
            if parent is None:
                continue
            if el.tail:  # keep the text that followed the note
                prev = el.getprevious()
                if prev is not None:
                    prev.tail = (prev.tail or "") + el.tail
                else:
                    parent.text = (parent.text or "") + el.tail
            if el.tag == _q("authorialNote"):
                self.emitted_notes.discard(int(el.get("marker", "0")))
                self.used_ids.discard(el.get("eId", ""))
            parent.remove(el)
        self.extra.setdefault("notes_at_end", []).append(p.id)
        return False

    def _notes(self, block: etree._Element, p: Paragraph, placed: bool) -> None:
        """Footnote markers of ``p`` whose place is unknown: the note itself where it is first cited, a
        ``noteRef`` elsewhere, at the end of the paragraph's last block."""
        if placed:
            return
        known = {f.number: f for f in self.res.footnotes}
        for number in p.footnotes:
            note = known.get(number)
            if note is not None and note.cited_in == p.id and number not in self.emitted_notes:
                self.emitted_notes.add(number)
                el = _sub(block, "authorialNote", marker=str(number), placement="bottom",
                          eId=self._eid(f"authorialNote_{number}"))
                _sub(el, "p", note.text)
            else:
                _sub(block, "noteRef", marker=str(number), href=f"#authorialNote_{number}",
                     class_="footnoteMarker")

    def _uncited_notes(self) -> None:
        """Footnotes no paragraph carries in place go to the record, with their ``cited_in``."""
        pending = [f for f in self.res.footnotes if f.number not in self.emitted_notes]
        if pending:
            self.extra["footnotes"] = [akn_codec.footnote_to_dict(f) for f in pending]

    def _eid(self, wanted: str) -> str:
        eid, k = wanted, 1
        while eid in self.used_ids:
            k += 1
            eid = f"{wanted}_{k}"
        self.used_ids.add(eid)
        return eid

    def _text(self, block: etree._Element, text: str, spans: list[_Span], offset: int) -> None:
        """Fill ``block`` with ``text``, wrapping the (properly nested) spans in inline elements."""
        _fill(block, text, spans, offset, self._concept)


def _fill(block: etree._Element, text: str, spans: list[_Span], offset: int,
          concept: Callable[[str, str], str]) -> None:
    """Append ``text`` to ``block`` with nested inline elements for ``spans`` (already non-crossing)."""
    stack: list[tuple[etree._Element, int]] = [(block, offset + len(text))]
    cursor = offset

    def put(upto: int) -> None:
        nonlocal cursor
        if upto <= cursor:
            return
        chunk = text[cursor - offset:upto - offset]
        el = stack[-1][0]
        if len(el):
            el[-1].tail = (el[-1].tail or "") + chunk
        else:
            el.text = (el.text or "") + chunk
        cursor = upto

    for span in spans:
        while len(stack) > 1 and stack[-1][1] <= span.start:
            put(stack[-1][1])
            stack.pop()
        put(span.start)
        el = etree.SubElement(stack[-1][0], _q(span.tag), span.attrs)
        if span.note is not None:
            _sub(el, "p", span.note)
        if "refersTo" in span.attrs:
            kind, _, value = span.attrs["refersTo"][1:].partition("_")
            concept(kind, value)
        stack.append((el, span.end))
    while len(stack) > 1:
        put(stack[-1][1])
        stack.pop()
    put(offset + len(text))


def _spans(notes: Annotations, text: str) -> list[_Span]:
    """The inline spans of a paragraph's annotations (offsets in ``text``), in order and properly nested.

    The opening is wrapped where it first occurs; references cited through a footnote and spans that do
    not match their surface are left to the proprietary record.
    """
    candidates: list[_Span] = []
    if notes.opening:
        at = text.find(notes.opening)
        if at >= 0:
            candidates.append(_Span(at, at + len(notes.opening), "span", {"class": "opening"}))
    for ref in notes.references:
        if ref.via_footnote is None and ref.end > ref.start and text[ref.start:ref.end] == ref.surface:
            candidates.append(_Span(ref.start, ref.end, "ref", {"href": symbol_href(ref.symbol),
                                                                "class": ref.kind}))
    for actor in notes.actors:
        if actor.end > actor.start and text[actor.start:actor.end] == actor.surface:
            attrs = {"name": "actor", "refersTo": f"#actor_{actor.actor}"}
            if actor.addressed:
                attrs["class"] = "addressed"
            candidates.append(_Span(actor.start, actor.end, "entity", attrs))
    return _nest(candidates)


def _window(spans: list[_Span], start: int, end: int) -> list[_Span]:
    """The spans lying wholly inside [start, end); a zero-width span (a footnote marker, which follows the
    text before it) belongs to the window that ends at or after it: (start, end], or [0, end] at the start."""
    return [
        s
        for s in spans
        if (start <= s.start and s.end <= end and s.start < s.end)
        or (s.start == s.end and (start < s.start <= end or s.start == start == 0))
    ]


def _nest(spans: list[_Span]) -> list[_Span]:
    """Keep spans in document order, dropping any that would cross an earlier one (XML must nest)."""
    kept: list[_Span] = []
    open_ends: list[int] = []
    for s in sorted(spans, key=lambda s: (s.start, s.end > s.start, -s.end)):  # markers before spans
        while open_ends and open_ends[-1] <= s.start:
            open_ends.pop()
        if open_ends and s.end > open_ends[-1]:
            continue
        kept.append(s)
        open_ends.append(s.end)
    return kept


def _label_id(label: str) -> str:
    safe = "".join(c if c.isascii() and c.isalnum() else f"u{ord(c):04x}" for c in label)
    return safe or "x"


def camel(field: str) -> str:
    """``agenda_item`` → ``agendaItem``: a model field's name as an AKN ``@name``."""
    head, *rest = field.split("_")
    return head + "".join(part.title() for part in rest)

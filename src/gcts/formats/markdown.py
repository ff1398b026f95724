"""Markdown writer: :func:`to_markdown` renders a :class:`~gcts.model.Resolution` for people to read.

Layout: the title as a level-1 heading, a table of the heading fields, the organ line in italics, the
preambular paragraphs, the operative paragraphs with their printed numbers in bold (not a Markdown ordered
list, which would renumber) and their sub-paragraphs as an indented list, and the footnotes as Markdown
footnotes ``[^n]``, each marker where it stood in the text (``Paragraph.footnote_refs``; at the end of the
paragraph when its place is unknown). When a paragraph is annotated, its opening is set in bold and its
labels (function, pillars, themes, cited symbols) follow it on one italic line. Field labels are English,
like the JSON keys; the document's own text is never translated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gcts.formats.subdivision import cut
from gcts.model import Annotations, Paragraph, Resolution, SubParagraph
from gcts.structure.footnotes import MARK

_ESCAPE = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|&"})
_LEADING = ("#", "-", "+", ">", "=", "~")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def to_markdown(res: Resolution) -> str:
    """``res`` as a Markdown document (CommonMark with footnotes, as GitHub renders it)."""
    h = res.heading
    out: list[str] = [f"# {_escape(h.title or h.symbol or h.resolution_number or 'Untitled resolution')}", ""]
    rows = _heading_rows(res)
    if rows:
        out += ["| Field | Value |", "|---|---|"]
        out += [f"| {name} | {_escape(value)} |" for name, value in rows]
        out.append("")
    if h.body:
        out += [f"*{_escape(h.body)}*", ""]
    if res.preamble:
        out += ["## Preamble", ""]
        for p in res.preamble:
            out += _cross_headings(res, p) + _paragraph(p)
    if res.operative:
        out += ["## Operative paragraphs", ""]
        for p in res.operative:
            out += _cross_headings(res, p) + _paragraph(p)
    if res.footnotes:
        out += ["## Footnotes", ""]
        out += [f"[^{f.number}]: {_escape(f.text)}" for f in res.footnotes]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _cross_headings(res: Resolution, p: Paragraph) -> list[str]:
    """The unnumbered headings printed before ``p``, one level below the part's heading."""
    out: list[str] = []
    for h in res.heading_before(p.id):
        out += [f"### {_escape(h.text)}", ""]
    return out


def _heading_rows(res: Resolution) -> list[tuple[str, str]]:
    h = res.heading
    agenda = " — ".join(x for x in (h.agenda_item, h.agenda_title) if x)
    adopted = ", ".join(x for x in (h.adoption_date.isoformat() if h.adoption_date else None, h.meeting) if x)
    rows = [
        ("Symbol", h.symbol or ""), ("Resolution", h.resolution_number or ""), ("Kind", h.kind or ""),
        ("Session", str(h.session) if h.session is not None else ""), ("Agenda item", agenda),
        ("Submitter", h.submitter or ""), ("Adopted", adopted), ("Adopted as", h.adopted_as or ""),
        ("Issued", h.issued.isoformat() if h.issued else ""), ("Distribution", h.distribution or ""),
        ("Language", res.language),
    ]
    return [(name, value) for name, value in rows if value]


def _paragraph(p: Paragraph) -> list[str]:
    lines = _body(p, p.footnote_refs)
    placed = sum(line.count(MARK) for line in lines)
    if p.footnote_refs and placed == len(p.footnote_refs):
        numbers = iter(n for _, n in p.footnote_refs)
        lines = ["".join(_footnote_marks(line.split(MARK), numbers)) for line in lines]
    else:  # place unknown (or inside a printed label): all markers at the end, as printed order of numbers
        lines = _body(p, []) if placed else lines
        lines[-1] += "".join(f"[^{n}]" for n in p.footnotes)
    labels = _labels(p.annotations)
    if labels:  # a hard line break (trailing backslash), then the labels in italics
        lines[-1] += "\\"
        lines.append(f"*{labels}*")
    return [*lines, ""]


def _footnote_marks(parts: list[str], numbers: Iterator[int]) -> Iterator[str]:
    """``parts`` (a line split at :data:`MARK`) joined again with ``[^n]`` for each mark."""
    yield parts[0]
    for k, part in enumerate(parts[1:], start=1):
        yield f"[^{next(numbers)}]"
        # two markers side by side stay two when rendered (⁷ ⁸, not ⁷⁸): a space between them
        yield " " if not part and k + 1 < len(parts) else part


def _body(p: Paragraph, refs: list[tuple[int, int]]) -> list[str]:
    """The paragraph's lines (number, text, sub-paragraphs) with :data:`MARK` where each of ``refs`` stood."""
    number = f"**{p.number}.** " if p.number is not None else ""
    text = _Marked(p.text, refs)
    pieces = cut(p.text, p.subparagraphs) if p.subparagraphs else None
    if pieces is None:
        lines = [number + _with_opening(text.slice(0, len(p.text)), p.annotations)]
        if p.subparagraphs:  # not found in the text as printed: list them under it
            lines += _items(p.subparagraphs, 0)
        return lines
    intro_end = pieces[0]
    lines = [number + _with_opening(text.slice(0, intro_end).strip(), p.annotations)]
    lines += _sublist(text, p.subparagraphs, 0, 0, len(p.text))
    tail = text.slice(pieces[2], len(p.text)).strip()
    if tail:
        lines += ["", _lead(_escape(tail))]
    return lines


class _Marked:
    """A paragraph's text whose slices carry :data:`MARK` where a footnote marker stood.

    A marker follows the text before it, so it belongs to the slice that ends at or after it: (a, b], or
    [0, b] for the slice that starts the paragraph."""

    def __init__(self, text: str, refs: list[tuple[int, int]]) -> None:
        self.text = text
        self.offsets = [offset for offset, _ in refs]

    def slice(self, a: int, b: int) -> str:
        """``text[a:b]`` with the marks that belong to it."""
        inside = [o for o in self.offsets if a < o <= b or o == a == 0]
        if not inside:
            return self.text[a:b]
        out, pos = [], a
        for o in inside:
            out += [self.text[pos:o], MARK]
            pos = o
        out.append(self.text[pos:b])
        return "".join(out)


def _sublist(text: _Marked, subs: list[SubParagraph], depth: int, start: int, end: int) -> list[str]:
    """Sub-paragraphs as a (nested) Markdown list, labels as printed, cut from ``text[start:end]``."""
    pieces = cut(text.text[start:end], subs)
    if pieces is None:
        return _items(subs, depth)
    lines: list[str] = []
    indent = "  " * depth
    for sub, (num_start, num_end, stop) in zip(subs, pieces[1], strict=True):
        a, b = start + num_end, start + stop  # the piece, in paragraph offsets
        label = _escape(text.text[start + num_start : a])
        inner = cut(text.text[a:b], sub.children) if sub.children else None
        if inner is None:
            lines.append(f"{indent}- {label} {_escape(text.slice(a, b).strip())}")
            lines += _items(sub.children, depth + 1)
            continue
        lines.append(f"{indent}- {label} {_escape(text.slice(a, a + inner[0]).strip())}")
        lines += _sublist(text, sub.children, depth + 1, a, b)
        wrap = text.slice(a + inner[2], b).strip()
        if wrap:
            lines.append(f"{indent}  {_escape(wrap)}")
    return lines


def _items(subs: list[SubParagraph], depth: int) -> list[str]:
    """Sub-paragraphs not found in the text as printed: listed with bracketed labels."""
    lines: list[str] = []
    for sub in subs:
        lines.append(f"{'  ' * depth}- ({_escape(sub.label)}) {_escape(sub.text)}")
        lines += _items(sub.children, depth + 1)
    return lines


def _with_opening(text: str, notes: Annotations) -> str:
    """``text`` escaped, with the annotated opening phrase (where it first occurs) in bold."""
    at = text.find(notes.opening) if notes.opening else -1
    if notes.opening is None or at < 0:
        return _lead(_escape(text))
    end = at + len(notes.opening)
    return _lead(f"{_escape(text[:at])}**{_escape(text[at:end])}**{_escape(text[end:])}")


def _labels(notes: Annotations) -> str:
    parts: list[str] = []
    if notes.function:
        parts.append(notes.function)
    if notes.pillars:
        parts.append("pillars " + ", ".join(label.value for label in notes.pillars))
    if notes.themes:
        parts.append("themes " + ", ".join(label.value for label in notes.themes))
    symbols = list(dict.fromkeys(r.symbol for r in notes.references))
    if symbols:
        parts.append("cites " + ", ".join(symbols))
    if notes.mandates:
        parts.append("mandates " + ", ".join(m.actor for m in notes.mandates))
    return _escape(" · ".join(parts))


def _escape(text: str) -> str:
    return text.translate(_ESCAPE)


def _lead(text: str) -> str:
    """Keep a paragraph that starts like Markdown syntax (``#``, ``-``, ``1.``) from becoming it."""
    if text.startswith(_LEADING):
        return "\\" + text
    return _ORDERED.sub(r"\1\\\2", text, count=1)

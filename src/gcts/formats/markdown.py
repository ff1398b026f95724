"""Markdown writer: :func:`to_markdown` renders a :class:`~gcts.model.Resolution` for people to read.

Layout: the title as a level-1 heading, a table of the heading fields, the organ line in italics, the
preambular paragraphs, the operative paragraphs with their printed numbers in bold (not a Markdown ordered
list, which would renumber) and their sub-paragraphs as an indented list, and the footnotes as Markdown
footnotes ``[^n]`` (the marker is put at the end of the citing paragraph: the model does not keep its
offset). When a paragraph is annotated, its opening is set in bold and its labels (function, pillars,
themes, cited symbols) follow it on one italic line. Field labels are English, like the JSON keys; the
document's own text is never translated.
"""

from __future__ import annotations

import re

from gcts.formats.subdivision import cut
from gcts.model import Annotations, Paragraph, Resolution, SubParagraph

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
            out += _paragraph(p)
    if res.operative:
        out += ["## Operative paragraphs", ""]
        for p in res.operative:
            out += _paragraph(p)
    if res.footnotes:
        out += ["## Footnotes", ""]
        out += [f"[^{f.number}]: {_escape(f.text)}" for f in res.footnotes]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


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
    marks = "".join(f"[^{n}]" for n in p.footnotes)
    number = f"**{p.number}.** " if p.number is not None else ""
    pieces = cut(p.text, p.subparagraphs) if p.subparagraphs else None
    if pieces is None:
        lines = [number + _with_opening(p.text, p.annotations) + marks]
        if p.subparagraphs:  # not found in the text as printed: list them under it
            lines += _items(p.subparagraphs, 0)
    else:
        intro_end = pieces[0]
        lines = [number + _with_opening(p.text[:intro_end].strip(), p.annotations)]
        lines += _sublist(p.text, p.subparagraphs, 0)
        tail = p.text[pieces[2]:].strip()
        if tail:
            lines += ["", _lead(_escape(tail))]
        lines[-1] += marks
    labels = _labels(p.annotations)
    if labels:  # a hard line break (trailing backslash), then the labels in italics
        lines[-1] += "\\"
        lines.append(f"*{labels}*")
    return [*lines, ""]


def _sublist(text: str, subs: list[SubParagraph], depth: int) -> list[str]:
    """Sub-paragraphs as a (nested) Markdown list, labels as printed, cut from ``text``."""
    pieces = cut(text, subs)
    if pieces is None:
        return _items(subs, depth)
    lines: list[str] = []
    indent = "  " * depth
    for sub, (num_start, num_end, end) in zip(subs, pieces[1], strict=True):
        piece = text[num_end:end]
        label = _escape(text[num_start:num_end])
        inner = cut(piece, sub.children) if sub.children else None
        if inner is None:
            lines.append(f"{indent}- {label} {_escape(piece.strip())}")
            lines += _items(sub.children, depth + 1)
            continue
        lines.append(f"{indent}- {label} {_escape(piece[:inner[0]].strip())}")
        lines += _sublist(piece, sub.children, depth + 1)
        wrap = piece[inner[2]:].strip()
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

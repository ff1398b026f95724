"""Text → :class:`gcts.model.Resolution`: heading, preamble, operative part and footnotes of a UN resolution.

The steps, each in its own module:

1. :mod:`~gcts.structure.lines` cuts the input into lines that keep their offsets;
2. :mod:`~gcts.structure.heading` reads the heading block down to the organ line ("The General Assembly,");
3. :mod:`~gcts.structure.layout` separates the running text from page furniture
   (:mod:`~gcts.structure.furniture`) and footnote blocks;
4. the closing line ("30th plenary meeting / 1 November 2018") is taken off the end into the heading;
5. :mod:`~gcts.structure.paragraphs` cuts the running text into paragraphs and joins each across page breaks;
6. :mod:`~gcts.structure.footnotes` reads and removes footnote markers and ties each footnote to the paragraph
   that first cites it; :mod:`~gcts.structure.artefacts` repairs extraction artefacts;
7. :mod:`~gcts.structure.subparagraphs` reads the items (a), (b) … of operative paragraphs.

What looks wrong (numbering gaps, unexpected endings, a missing closing, uncited footnotes) is reported in
``Resolution.quality``; nothing is dropped silently. A text without operative paragraphs raises
:class:`gcts.errors.StructureError`.
"""

from __future__ import annotations

import re

from gcts.errors import StructureError
from gcts.model import CrossHeading, Paragraph, QualityIssue, Resolution, SourceSpan, SubParagraph
from gcts.structure.artefacts import Cleaner
from gcts.structure.conventions import Conventions, conventions
from gcts.structure.extraction import normalise
from gcts.structure.footnotes import MARK, build_footnotes, read_markers, take_marks
from gcts.structure.furniture import squeeze
from gcts.structure.heading import parse_heading, take_closing
from gcts.structure.layout import RawFootnote, separate
from gcts.structure.lines import Line, split_lines
from gcts.structure.paragraphs import RawHeading, RawParagraph, ends_complete, segment, take_adopted_title
from gcts.structure.partial import missing_operative_message, partial_issues, take_elision_note
from gcts.structure.subparagraphs import split_items

__all__ = ["parse_text"]

#: The closing ("30th plenary meeting" and its date) is looked for among this many last lines.
CLOSING_LINES = 3
_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9/.\-])[A-Za-z]{2,}(?![A-Za-z0-9/.\-])")


def parse_text(
    text: str,
    *,
    source: str | None = None,
    language: str | None = None,
    symbol: str | None = None,
    partial: bool = False,
) -> Resolution:
    """Structure the text of a resolution (PDF-extracted or plain) into a :class:`Resolution`.

    ``source`` names the input in spans and messages; ``language`` skips detection; ``symbol`` is used when
    the text does not print the document symbol (PDF extraction often loses it). With ``partial``, a text
    that stops early (no operative paragraphs, last paragraph cut) is read, and what it lacks is reported in
    ``quality`` (:mod:`gcts.structure.partial`); without it such a text raises :class:`StructureError`.
    A report (its heading names its author: "Report of the Secretary-General") is refused either way.
    """
    if not text.strip():
        raise StructureError("the text is empty", file=source)
    if language is None:
        from gcts.languages.detection import detect

        language = detect(text)
    conv = conventions(language)
    lines, style = normalise(split_lines(text), spaced=conv.line_join == " ")
    head = parse_heading(lines, conv)
    heading = head.heading
    if head.report:
        raise StructureError(
            f"{heading.symbol or symbol or 'this document'} is a report, not a resolution (its heading reads "
            f"{head.report!r}): gcts structures resolutions and draft resolutions",
            file=source,
            line=head.report_line,
        )
    quality: list[QualityIssue] = list(head.issues)
    described = style.describe()
    if described:
        quality.append(QualityIssue("extraction-style", f"read as extracted: {described}", severity="info"))
    sep = separate(
        lines[head.body_start :],
        conv,
        squeeze(heading.title) if heading.title else None,
        heading.symbol or symbol,
    )
    quality += sep.issues
    body, note = take_elision_note(sep.body)
    used, meeting, when = take_closing([bl.line.text for bl in body[-CLOSING_LINES:]], conv)
    if used:
        body = body[:-used]
        heading.meeting = meeting
        heading.adoption_date = heading.adoption_date or when
    raws, issues, cross = segment(body, conv)
    quality += issues
    heading.annex_title = take_adopted_title(raws, conv)
    if not any(r.part == "operative" for r in raws):
        if not partial:
            raise StructureError(missing_operative_message(len(raws), note), file=source)
        if not (head.organ_found or heading.kind or heading.symbol):
            raise StructureError(
                "not a resolution: a partial text needs its heading (symbol, adoption or draft line) or the "
                "organ line before its paragraphs, and this one has neither",
                file=source,
            )
    res = Resolution(language=language, heading=heading, source=source)
    _fill(res, raws, sep.footnotes, conv, source, partial)
    res.headings = _headings(cross, res, conv, source)
    if symbol and not heading.symbol:
        heading.symbol, heading.symbol_in_text = symbol, False
    elif symbol and heading.symbol != symbol:
        quality.append(
            QualityIssue(
                "symbol-mismatch",
                f"the text prints {heading.symbol}, not {symbol}",
                severity="info",
                where="heading.symbol",
            )
        )
    res.quality = quality + res.quality + _checks(res, conv, bool(used), partial)
    if partial:
        res.quality += partial_issues(res, conv, note)
    elif note is not None:
        res.quality += partial_issues(res, conv, note)[:1]  # the note only: the text itself is whole
    return res


def _span(lines: list[Line], source: str | None) -> SourceSpan:
    return SourceSpan(lines[0].start, lines[-1].end, lines[0].number, lines[-1].number, source)


def _fill(
    res: Resolution,
    raws: list[RawParagraph],
    notes: list[RawFootnote],
    conv: Conventions,
    source: str | None,
    partial: bool = False,
) -> None:
    """Paragraphs and footnotes of ``res`` from the raw paragraphs and footnotes.

    In a partial text, footnote markers may cite footnotes whose text was cut off (see
    :class:`MarkerReader`)."""
    joined = [raw.joined(conv) for raw in raws]
    texts, guessed = read_markers(joined, notes, conv, partial)
    for n, k, at in guessed:
        text = joined[k][0]
        words = text[max(0, at - 30) : at + 20].split()
        around = " ".join(words[int(at > 30) : len(words) - int(at + 20 < len(text))])
        res.quality.append(
            QualityIssue(
                "marker-guessed",
                f"the number {n} in {around!r} was taken as the marker of footnote {n}, though the words "
                "around it could make it a real number: the footnote has no other marker, and it is printed "
                "on this page",
                severity="info",
                where=f"{raws[k].part}:{raws[k].number or _preamble_index(raws, k)}",
            )
        )
    clean = Cleaner(conv, [t.replace(MARK, "") for t, _, _ in texts] + [" ".join(n.parts) for n in notes])
    cited_in: dict[int, str] = {}
    for k, (raw, (marked, numbers, marks)) in enumerate(zip(raws, texts, strict=True)):
        text, refs = take_marks(clean(marked).strip(), marks)
        span = _span([p.body.line for p in raw.pieces], source)
        if raw.part == "preamble":
            para = Paragraph(
                part="preamble",
                index=len(res.preamble) + 1,
                text=text,
                footnotes=numbers,
                span=span,
                footnote_refs=refs,
            )
            res.preamble.append(para)
        else:
            para = Paragraph(
                part="operative",
                index=k + 1 - len(res.preamble),
                number=raw.number,
                text=text,
                footnotes=numbers,
                span=span,
                subparagraphs=_items(raw, text, conv, source),
                footnote_refs=refs,
            )
            res.operative.append(para)
        for n in numbers:
            cited_in.setdefault(n, para.id)
    res.footnotes, issues = build_footnotes(notes, conv, cited_in, clean, source)
    res.quality += issues
    known = {f.number for f in res.footnotes}
    for para in res.paragraphs:
        for n in para.footnotes:
            if n not in known:
                res.quality.append(
                    QualityIssue("marker-without-footnote", f"marker {n} has no footnote text", where=para.id)
                )


def _headings(
    cross: list[RawHeading], res: Resolution, conv: Conventions, source: str | None
) -> list[CrossHeading]:
    """The model's cross-headings, each tied to the id of the paragraph printed after it."""
    ids = [p.id for p in res.paragraphs]
    out = []
    for h in cross:
        if h.before < len(ids):
            part = res.paragraphs[h.before].part
            span = _span([bl.line for bl in h.lines], source)
            out.append(CrossHeading(text=h.text(conv), part=part, before=ids[h.before], span=span))
    return out


def _preamble_index(raws: list[RawParagraph], k: int) -> int:
    return sum(1 for r in raws[: k + 1] if r.part == "preamble")


def _items(raw: RawParagraph, text: str, conv: Conventions, source: str | None) -> list[SubParagraph]:
    items = split_items(text, conv)
    starts = [k for k, p in enumerate(raw.pieces) if p.sub_start]
    if len(starts) == sum(1 + len(i.children) for i in items):
        flat = [x for i in items for x in (i, *i.children)]
        for n, (item, k) in enumerate(zip(flat, starts, strict=True)):
            end = starts[n + 1] if n + 1 < len(starts) else len(raw.pieces)
            item.span = _span([p.body.line for p in raw.pieces[k:end]], source)
    return items


def _unexpected_ending(p: Paragraph, endings: tuple[str, ...], name: str) -> list[QualityIssue]:
    """The "unexpected-ending" finding for ``p`` (``name`` in the message) when it does not end with one of
    ``endings``; none when it does. Shared by the preambular and the non-final operative paragraphs."""
    if ends_complete(p.text, endings, False):
        return []
    line = p.span.end_line if p.span else None
    return [QualityIssue("unexpected-ending", f"{name} ends with {p.text[-1:]!r}", where=p.id, line=line)]


def _checks(res: Resolution, conv: Conventions, closed: bool, partial: bool = False) -> list[QualityIssue]:
    """Findings on the assembled document: endings, truncation, missing closing, stray Latin words.

    In a partial reading the last paragraph's ending is left to :func:`partial_issues` ("cut")."""
    out: list[QualityIssue] = []
    skip = res.paragraphs[-1] if partial and res.paragraphs else None
    for p in res.preamble:
        if p is not skip:
            out += _unexpected_ending(
                p, conv.preamble_endings + conv.final_endings, f"preambular paragraph {p.index}"
            )
    if not res.operative:
        return out + _latin_words(res, conv)
    last = res.operative[-1]
    for p in res.operative[:-1]:
        out += _unexpected_ending(p, conv.operative_endings, f"operative paragraph {p.number}")
    if not partial and not ends_complete(last.text, conv.final_endings, False):
        out.append(
            QualityIssue(
                "truncated",
                f"the last operative paragraph ({last.number}) does not end with a "
                "full stop: the document may be cut short",
                where=last.id,
                line=last.span.end_line if last.span else None,
            )
        )
    if res.heading.kind == conv.kind_adopted and not closed:
        out.append(
            QualityIssue(
                "no-closing",
                "no closing line (plenary meeting and date) after the last paragraph",
                severity="info",
                where="heading.meeting",
            )
        )
    return out + _latin_words(res, conv)


def _latin_words(res: Resolution, conv: Conventions) -> list[QualityIssue]:
    """Latin words inside the text of a script without case (an extraction artefact or a foreign name)."""
    if conv.cased:
        return []
    return [
        QualityIssue("foreign-word", f"Latin word {m.group(0)!r} in the text", severity="info", where=p.id)
        for p in res.paragraphs
        for m in _LATIN_WORD.finditer(p.text)
    ]

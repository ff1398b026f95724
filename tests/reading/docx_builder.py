"""Word (DOCX) fixtures built from the real corpus: the resolution as Word would hold it.

:func:`build_docx` writes a resolution read by gcts from a corpus text into a DOCX with python-docx: the
heading lines of the source (a table for the lines the page prints in two columns, as UN Word files do), a
page header and footer (furniture the reader must drop), one Word paragraph per preambular and operative
paragraph, operative numbers either typed or made by Word's automatic list numbering (``w:numPr`` on a
numbering definition written here, not the template's), the closing lines, and real Word footnotes:
python-docx cannot write them, so the footnotes part (``word/footnotes.xml``), its relationship and content
type are added to the package by hand, and each marker becomes a ``w:footnoteReference`` run.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as WordParagraph

from gcts.model import Paragraph, Resolution

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
#: The numId / abstractNumId this builder gives its operative list (high, to stay clear of the template's).
LIST_ID = 90
_CELL_GAP = re.compile(r"\s{3,}")


def heading_lines(source_text: str, res: Resolution) -> list[str]:
    """The source's non-blank lines above and including the organ line ("The General Assembly,")."""
    out = []
    for line in source_text.splitlines():
        text = line.strip().strip("\f")
        if not text:
            continue
        out.append(line.rstrip())
        if res.heading.body and text.rstrip(",，") == res.heading.body:
            return out
    raise AssertionError("organ line not found in the source")


def closing_lines(source_text: str, res: Resolution) -> list[str]:
    """The closing ("18th plenary meeting" and its date line) as printed at the end of the source."""
    if not res.heading.meeting:
        return []
    lines = [x.strip() for x in source_text.splitlines() if x.strip()]
    for k, line in enumerate(lines):
        if line == res.heading.meeting:
            return lines[k : k + 2]
    return []


def build_docx(res: Resolution, source_text: str, *, automatic_numbers: bool) -> bytes:
    """The DOCX of ``res`` (read from ``source_text``); see the module documentation."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = f"{res.heading.symbol or ''}    running head"
    section.footer.paragraphs[0].text = "18-12345 (E)    *1812345*"
    _heading(document, heading_lines(source_text, res))
    notes: dict[int, str] = {f.number: f.text for f in res.footnotes}
    written: list[int] = []
    for p in res.preamble:
        _paragraph(document.add_paragraph(), p, "", notes, written)
    if automatic_numbers:
        _add_list(document)
    for p in res.operative:
        wp = document.add_paragraph()
        if automatic_numbers:
            _number(wp)
            _paragraph(wp, p, "", notes, written)
        else:
            _paragraph(wp, p, f"{p.number}.\t", notes, written)
    for line in closing_lines(source_text, res):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return add_footnotes(out.getvalue(), {n: notes[n] for n in written})


def _heading(document: docx.document.Document, lines: list[str]) -> None:
    """Lines printed in two columns go into a table (cell by cell), the others into paragraphs."""
    for line in lines:
        cells = [c for c in _CELL_GAP.split(line.strip()) if c]
        if len(cells) > 1:
            table = document.add_table(rows=1, cols=len(cells))
            for cell, text in zip(table.rows[0].cells, cells, strict=True):
                cell.paragraphs[0].text = text
        else:
            document.add_paragraph(line.strip())


def _paragraph(
    wp: WordParagraph, p: Paragraph, prefix: str, notes: dict[int, str], written: list[int]
) -> None:
    """Write ``p``'s text into ``wp`` with a footnote reference where each marker stood."""
    pos = 0
    if prefix:
        wp.add_run(prefix)
    for offset, number in p.footnote_refs:
        wp.add_run(p.text[pos:offset])
        if number in notes:
            wp._p.append(_reference_run(number))
            if number not in written:
                written.append(number)
        pos = offset
    wp.add_run(p.text[pos:])


def _reference_run(number: int) -> object:
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    align = OxmlElement("w:vertAlign")
    align.set(qn("w:val"), "superscript")
    rpr.append(align)
    run.append(rpr)
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), str(number + 1))  # Word's ids are not the printed numbers (0 and 1 are separators)
    run.append(ref)
    return run


def _add_list(document: docx.document.Document) -> None:
    """A decimal list "1.", "2." … (level 0) with lettered items "(a)" (level 1) in the numbering part."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(LIST_ID))
    for ilvl, fmt, text in ((0, "decimal", "%1."), (1, "lowerLetter", "(%2)")):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text), ("w:suff", "tab")):
            child = OxmlElement(tag)
            child.set(qn("w:val"), val)
            lvl.append(child)
        abstract.append(lvl)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(LIST_ID))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(LIST_ID))
    num.append(ref)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:  # abstract definitions come before the instances
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)


def _number(wp: WordParagraph, ilvl: int = 0) -> None:
    ppr = wp._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    for tag, val in (("w:ilvl", str(ilvl)), ("w:numId", str(LIST_ID))):
        child = OxmlElement(tag)
        child.set(qn("w:val"), val)
        num_pr.append(child)
    ppr.append(num_pr)


def add_footnotes(package: bytes, notes: dict[int, str]) -> bytes:
    """``package`` with a footnotes part holding ``notes`` (number → text; id = number + 1), the way Word
    writes it: two separator notes, then each note's paragraph opening with its ``w:footnoteRef`` mark."""
    body = [
        '<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:r><w:continuationSeparator/></w:r>'
        "</w:p></w:footnote>",
    ]
    for number, text in notes.items():
        body.append(
            f'<w:footnote w:id="{number + 1}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
        )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">'
        + "".join(body)
        + "</w:footnotes>"
    )
    src = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rIdNotes" Type="{FOOTNOTES_REL}" Target="footnotes.xml"/>'
                    "</Relationships>".encode(),
                )
            elif info.filename == "[Content_Types].xml":
                override = f'<Override PartName="/word/footnotes.xml" ContentType="{FOOTNOTES_TYPE}"/>'
                data = data.replace(b"</Types>", f"{override}</Types>".encode())
            dst.writestr(info, data)
        dst.writestr("word/footnotes.xml", xml.encode("utf-8"))
    return out.getvalue()

"""A report as a Word document (DOCX, python-docx): the same sections, tables and charts as the HTML.

Charts are PNG (Word cannot hold SVG through python-docx). Fonts are set for Latin, East Asian and complex
scripts alike (``w:ascii``, ``w:eastAsia``, ``w:cs``) from the language's font list, so Chinese and Arabic
text show in Noto fonts wherever the document is opened. The snapshot's id and time are in the first lines
and in every page's footer.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from gcts.report import charts
from gcts.report.content import Chart, Quote, Report, Table, Text
from gcts.report.labels import Labels


def _fonts(document: object, family: str, rtl: bool) -> None:
    from docx.document import Document as DocumentObject

    assert isinstance(document, DocumentObject)
    for style_name in ("Normal", "Heading 1", "Heading 2", "Title", "Caption"):
        style = document.styles[style_name]
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), family)
        for theme_attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme_attr), None)
        if rtl:
            rpr.append(rpr.makeelement(qn("w:rtl"), {}))
            ppr = style.element.get_or_add_pPr()
            ppr.append(ppr.makeelement(qn("w:bidi"), {}))


def _table(document: object, table: Table) -> None:
    from docx.document import Document as DocumentObject

    assert isinstance(document, DocumentObject)
    document.add_paragraph(table.caption, style="Caption")
    grid = document.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, heading in zip(grid.rows[0].cells, table.columns, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(heading)
        run.bold = True
        run.font.size = Pt(8.5)
    for row in table.rows:
        cells = grid.add_row().cells
        for target, value in zip(cells, row, strict=True):
            para = target.paragraphs[0]
            run = para.add_run(value.text)
            run.font.size = Pt(8.5)
            if value.suppressed:
                run.italic = True
                run.font.color.rgb = RGBColor(0x77, 0x77, 0x77)
            if value.numeric:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if table.note:
        note = document.add_paragraph()
        run = note.add_run(table.note)
        run.font.size = Pt(8)


def render(report: Report, *, pngs: Mapping[str, bytes] | None = None) -> bytes:
    """The report as DOCX bytes (``pngs``: charts drawn already, by key)."""
    labels = Labels(report.language)
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(18))
    _fonts(document, labels.fonts[0], report.direction == "rtl")
    document.core_properties.title = report.title
    document.core_properties.comments = f"snapshot {report.snapshot_id}"
    document.add_heading(report.title, level=0)
    if report.subtitle:
        document.add_paragraph(report.subtitle)
    provenance = document.add_paragraph()
    provenance.add_run(
        f"{labels('snapshot')}: {report.snapshot_id} · {labels('taken_at')}: "
        f"{report.snapshot_time} · {labels('audience')}: "
        f"{labels('audience_' + report.audience)}"
    ).font.size = Pt(8.5)
    footer = section.footer.paragraphs[0]
    footer.text = f"gcts · {labels('snapshot')} {report.snapshot_id} · {report.snapshot_time}"
    for sec in report.sections:
        document.add_heading(sec.title, level=1)
        for block in sec.blocks:
            if isinstance(block, Text):
                document.add_paragraph(block.text)
            elif isinstance(block, Quote):
                para = document.add_paragraph()
                para.add_run(block.source + " ").bold = True
                para.add_run(block.text)
            elif isinstance(block, Table):
                _table(document, block)
            elif isinstance(block, Chart):
                image = pngs[block.key] if pngs and block.key in pngs else charts.png(block, labels)
                document.add_picture(io.BytesIO(image), width=Mm(170))
    if report.notes:
        document.add_heading(labels("notes"), level=1)
        for note in report.notes:
            document.add_paragraph(note, style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()

"""A report table as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Chinese) or XLSX
(openpyxl): numbers as numbers, suppressed cells empty, the note and the snapshot on the last lines."""

from __future__ import annotations

import csv
import io

from gcts.report.content import Report, Table


def _rows(table: Table) -> list[list[object]]:
    out: list[list[object]] = [list(table.columns)]
    for row in table.rows:
        out.append(
            [
                ("" if c.suppressed else (float(c.value) if c.numeric and c.value is not None else c.text))
                for c in row
            ]
        )
    return out


def _footer(report: Report, table: Table) -> list[list[object]]:
    lines: list[list[object]] = [[table.note]] if table.note else []
    return [*lines, [f"snapshot {report.snapshot_id} · {report.snapshot_time}"]]


def to_csv(report: Report, table: Table) -> bytes:
    """The table as CSV bytes."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows(_rows(table) + _footer(report, table))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(report: Report, table: Table) -> bytes:
    """The table as an XLSX workbook (one sheet)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = table.key[:31]
    for row in _rows(table) + _footer(report, table):
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

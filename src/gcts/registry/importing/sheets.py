"""Reading spreadsheets into rows without trusting them (framework-free): XLSX (openpyxl, read-only, formulas
refused, sizes capped before anything is decompressed) and CSV (one file per sheet, named by its stem).

Reads: a path (or bytes) · Writes: :class:`Workbook` — sheets of (row number, {header: text}) — and the issues
found while reading (rules R010, R011, R013, R020).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from gcts.registry.importing.rules import Issue, issue

MAX_ROWS = 20_000
MAX_UNZIPPED = 100 * 1024 * 1024  # an XLSX whose parts would decompress beyond this is refused
MAX_COLUMNS = 60


@dataclass
class Sheet:
    name: str
    headers: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)


@dataclass
class Workbook:
    sheets: dict[str, Sheet] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f")
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def _rows_to_sheet(name: str, rows: Iterable[tuple[int, list[Any], list[bool]]], book: Workbook) -> None:
    """Build one sheet from (row number, values, is-formula flags); the first non-empty row is the header."""
    sheet: Sheet | None = None
    for number, values, formulas in rows:
        if sheet is None:
            headers = [_text(v).lower() for v in values[:MAX_COLUMNS]]
            while headers and not headers[-1]:
                headers.pop()
            if not any(headers):
                continue
            sheet = Sheet(name, headers)
            continue
        if len(sheet.rows) >= MAX_ROWS:
            book.issues.append(issue("R013", name, number, expected=MAX_ROWS))
            break
        row: dict[str, str] = {}
        for header, value, formula in zip(sheet.headers, values, formulas, strict=False):
            if not header:
                continue
            if formula:
                book.issues.append(issue("R010", name, number, header))
                row[header] = ""
            else:
                row[header] = _text(value)
        if any(row.values()) or any(formulas):
            sheet.rows.append((number, row))
    book.sheets[name] = sheet or Sheet(name, [])


def read_xlsx(data: bytes, label: str = "file") -> Workbook:
    """The sheets of an XLSX workbook; a file that is not one (or too large inside) gives R020."""
    book = Workbook()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if sum(i.file_size for i in z.infolist()) > MAX_UNZIPPED:
                book.issues.append(issue("R020", value=f"{label}: too large once decompressed"))
                return book
    except zipfile.BadZipFile:
        book.issues.append(issue("R020", value=f"{label}: not an XLSX workbook"))
        return book
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for damaged packages
        book.issues.append(issue("R020", value=f"{label}: {type(exc).__name__}"))
        return book
    try:
        for ws in wb.worksheets:
            name = ws.title.strip().lower()

            def rows(ws: Any = ws) -> Iterable[tuple[int, list[Any], list[bool]]]:
                for i, cells in enumerate(ws.iter_rows(max_col=MAX_COLUMNS), start=1):
                    values = [c.value for c in cells]
                    formulas = [getattr(c, "data_type", "") == "f" for c in cells]
                    yield i, values, formulas

            _rows_to_sheet(name, rows(), book)
    finally:
        wb.close()
    return book


def read_csv(files: dict[str, bytes]) -> Workbook:
    """Sheets from CSV files, each named by its file's stem (``activities.csv`` → ``activities``)."""
    book = Workbook()
    for label, data in files.items():
        name = Path(label).stem.strip().lower()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            book.issues.append(issue("R020", name, value=f"{label}: not UTF-8 text"))
            continue
        reader = csv.reader(io.StringIO(text))

        def rows(reader: Any = reader) -> Iterable[tuple[int, list[Any], list[bool]]]:
            for i, values in enumerate(reader, start=1):
                # a CSV cell beginning with '=' would become a formula in a spreadsheet: refused like one
                yield i, values, [v.startswith(("=", "+", "@")) and len(v) > 1 for v in values]

        try:
            _rows_to_sheet(name, rows(), book)
        except csv.Error as exc:
            book.issues.append(issue("R020", name, value=f"{label}: {exc}"))
    return book


def read_path(path: Path) -> Workbook:
    """An XLSX file, a CSV file, or a folder of CSV files."""
    if path.is_dir():
        return read_csv({p.name: p.read_bytes() for p in sorted(path.glob("*.csv"))})
    if path.suffix.lower() == ".csv":
        return read_csv({path.name: path.read_bytes()})
    return read_xlsx(path.read_bytes(), path.name)

"""Records to screen, read from CSV, XLSX or a UN/EDIFACT PAXLST passenger manifest.

Columns are recognised by name (``data/columns.toml``: full_name or first/middle/last, date_of_birth,
nationality, gender, place_of_birth, document_number, schema) or mapped by the caller (``{"Nom":
"full_name"}``).
Every problem is a one-line :class:`~gcts.errors.InputError` naming the file, the row (data rows count from 1,
as in the output) or segment, and the field.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

from gcts.errors import InputError
from gcts.screening.evidence import UNKNOWN_DATES, PartialDate, parse_partial_date
from gcts.screening.normalise import ORGANISATION, PERSON, kind_of

MAX_FIELD = 1000  # characters; a longer "name" is not one
FIELDS = (
    "full_name",
    "first_name",
    "middle_name",
    "last_name",
    "date_of_birth",
    "nationality",
    "gender",
    "place_of_birth",
    "document_number",
    "kind",
)


@dataclass(frozen=True)
class Record:
    """One person or organisation to screen. ``row`` counts data rows (or manifest passengers) from 1."""

    row: int
    name: str
    kind: str = PERSON
    date_of_birth: PartialDate | None = None
    nationality: str = ""
    gender: str = ""
    place_of_birth: str = ""
    documents: tuple[str, ...] = ()
    extra: Mapping[str, str] = field(default_factory=dict)


@cache
def _column_names() -> dict[str, str]:
    raw = tomllib.loads((resources.files(__package__) / "data" / "columns.toml").read_text(encoding="utf-8"))
    return {name: fld for fld, names in raw.items() for name in names}


def _key(header: str) -> str:
    return re.sub(r"[\s.\-/]+", "_", header.strip().lower()).strip("_")


def recognise_columns(headers: list[str], mapping: Mapping[str, str] | None = None) -> dict[str, int]:
    """field → column index, from the caller's ``mapping`` (header → field) first, then by name."""
    known = _column_names()
    out: dict[str, int] = {}
    for given_header, fld in (mapping or {}).items():
        if fld not in FIELDS:
            raise InputError(f"--map {given_header}={fld}: unknown field; fields: {', '.join(FIELDS)}")
        try:
            out[fld] = [h.strip() for h in headers].index(given_header.strip())
        except ValueError:
            raise InputError(f"--map names column {given_header!r}, which the input does not have") from None
    for index, header in enumerate(headers):
        found = known.get(_key(header))
        if found and found not in out and index not in out.values():
            out[found] = index
    return out


def _record(values: list[str], columns: dict[str, int], row: int, source: str, headers: list[str]) -> Record:
    def get(fld: str) -> str:
        i = columns.get(fld)
        value = (values[i] or "").strip() if i is not None and i < len(values) else ""
        if len(value) > MAX_FIELD:
            raise InputError(
                f"longer than {MAX_FIELD} characters", file=source, line=row, field=headers[i or 0]
            )
        return value

    name = get("full_name") or " ".join(
        p for p in (get("first_name"), get("middle_name"), get("last_name")) if p
    )
    dob_text = get("date_of_birth")
    if dob_text.lower() in UNKNOWN_DATES:
        dob_text = ""
    dob = parse_partial_date(dob_text) if dob_text else None
    if dob_text and dob is None:
        raise InputError(
            f"not a date of birth: {dob_text!r} (YYYY, YYYY-MM or YYYY-MM-DD)",
            file=source,
            line=row,
            field=headers[columns["date_of_birth"]],
        )
    kind_text = get("kind")
    used = set(columns.values())
    extra = {h: (values[i] or "") for i, h in enumerate(headers) if i not in used and i < len(values)}
    return Record(
        row=row,
        name=name,
        kind=kind_of(kind_text) if kind_text else PERSON,
        date_of_birth=dob,
        nationality=get("nationality"),
        gender=get("gender"),
        place_of_birth=get("place_of_birth"),
        documents=tuple(d for d in re.split(r"[;|]", get("document_number")) if d.strip()),
        extra=extra,
    )


def _table(rows: Iterator[list[str]], source: str, mapping: Mapping[str, str] | None) -> list[Record]:
    try:
        headers = [str(h or "").strip() for h in next(rows)]
    except StopIteration:
        raise InputError("empty: no header row", file=source) from None
    columns = recognise_columns(headers, mapping)
    if "full_name" not in columns and not ({"first_name", "last_name"} & columns.keys()):
        raise InputError(
            f"no name column (full_name, or first_name/last_name; or --map); columns: {', '.join(headers)}",
            file=source,
            line=0,
        )
    records = []
    for row, values in enumerate(rows, start=1):
        cells = ["" if v is None else str(v) for v in values]
        if not any(c.strip() for c in cells):
            continue
        records.append(_record(cells, columns, row, source, headers))
    return records


def read_csv(data: bytes, source: str, mapping: Mapping[str, str] | None = None) -> list[Record]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", file=source) from exc
    try:
        sample = text[:4096]
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|") if sample.strip() else csv.excel
    except csv.Error:
        dialect = csv.excel
    try:
        return _table(iter(csv.reader(io.StringIO(text, newline=""), dialect)), source, mapping)
    except csv.Error as exc:
        raise InputError(f"not a readable CSV: {exc}", file=source) from exc


def read_xlsx(data: bytes, source: str, mapping: Mapping[str, str] | None = None) -> list[Record]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(f"not a readable XLSX workbook: {exc}", file=source) from exc
    sheet = book.worksheets[0]
    rows = (
        ["" if c is None else (c.isoformat()[:10] if isinstance(c, date) else str(c)) for c in r]
        for r in sheet.iter_rows(values_only=True)
    )
    try:
        return _table(rows, f"{source} [sheet {sheet.title}]", mapping)
    finally:
        book.close()


__all__ = ["ORGANISATION", "PERSON", "Record", "read_csv", "read_xlsx", "recognise_columns"]

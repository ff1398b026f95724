"""Any input a screening takes, told apart by content: XLSX (a zip), a PAXLST manifest, else CSV."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from gcts.errors import InputError
from gcts.screening.paxlst import is_paxlst, read_paxlst
from gcts.screening.records import Record, read_csv, read_xlsx


def read_records(path: str | Path, mapping: Mapping[str, str] | None = None) -> list[Record]:
    """Records of a CSV, XLSX or PAXLST file (told apart by content, then by suffix)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=str(path)) from exc
    return records_from_bytes(data, str(path), mapping)


def records_from_bytes(data: bytes, source: str, mapping: Mapping[str, str] | None = None) -> list[Record]:
    """Records of an upload's bytes; ``source`` names it in error messages."""
    if not data.strip():
        raise InputError("empty file", file=source)
    if data[:2] == b"PK":
        return read_xlsx(data, source, mapping)
    if is_paxlst(data):
        return read_paxlst(data, source)
    return read_csv(data, source, mapping)

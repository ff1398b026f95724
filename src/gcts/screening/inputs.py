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
    if not data.strip():
        raise InputError("empty file", file=str(path))
    if data[:2] == b"PK":
        return read_xlsx(data, str(path), mapping)
    if is_paxlst(data):
        return read_paxlst(data, str(path))
    return read_csv(data, str(path), mapping)

"""A snapshot: the data a report is made from, frozen, named by its content and dated.

A report never reads the live store. The store is read once into a :class:`Snapshot` (plain tables of
JSON values: documents, paragraphs, mandates, activities …), whose id is a hash of its content: the same data
give the same id, and the same snapshot gives the same figures, whenever and wherever the report is built.
Every report prints the snapshot's id and the time it was taken.

Snapshots are kept as gzip-compressed canonical JSON under ``<GCTS_HOME>/snapshots/<id>.json.gz`` so a report
can be rebuilt later from exactly the data it first used (``gcts report … --snapshot ID``).

Reads: tables from a collector (e.g. ``gcts.web.dashboard.collect``). Writes: one file per snapshot.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gcts.errors import FormatError, InputError
from gcts.home import gcts_home, write_atomically

SCHEMA = "gcts-snapshot/1"
AUDIENCES = ("public", "internal")
_ID = re.compile(r"[0-9a-f]{16}")

Row = dict[str, Any]


def canonical(value: Any) -> bytes:
    """The canonical JSON bytes of ``value``: sorted keys, no spaces, UTF-8 (the basis of the id)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


@dataclass(frozen=True)
class Snapshot:
    """Tables of rows, the audience they were read for, when they were taken, and the content id."""

    id: str
    taken_at: datetime
    audience: str
    tables: Mapping[str, list[Row]]
    source: str = ""

    def table(self, name: str) -> list[Row]:
        """The rows of table ``name`` (an empty list when the snapshot has no such table)."""
        return list(self.tables.get(name, []))

    @property
    def taken_on(self) -> str:
        """The time the snapshot was taken, ISO 8601 in UTC to the second."""
        return self.taken_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (what :func:`save` writes)."""
        return {
            "schema": SCHEMA,
            "id": self.id,
            "taken_at": self.taken_at.astimezone(UTC).isoformat(),
            "audience": self.audience,
            "source": self.source,
            "tables": self.tables,
        }


def content_id(audience: str, tables: Mapping[str, list[Row]]) -> str:
    """The id of a snapshot's content: the first 16 hex digits of SHA-256 of its canonical JSON."""
    return hashlib.sha256(canonical({"audience": audience, "tables": tables})).hexdigest()[:16]


def take(
    tables: Mapping[str, list[Row]],
    *,
    audience: str,
    source: str = "",
    taken_at: datetime | None = None,
) -> Snapshot:
    """Freeze ``tables`` (JSON values only) as a snapshot for ``audience`` (``public`` or ``internal``)."""
    if audience not in AUDIENCES:
        raise InputError(
            f"unknown audience {audience!r}; expected one of {', '.join(AUDIENCES)}", field="audience"
        )
    # A round trip through JSON both checks that every value is plain and detaches the tables from the caller.
    frozen = json.loads(canonical(dict(tables)))
    return Snapshot(
        id=content_id(audience, frozen),
        taken_at=taken_at or datetime.now(UTC),
        audience=audience,
        tables=frozen,
        source=source,
    )


def folder(home: Path | None = None) -> Path:
    """Where snapshots are kept."""
    return (home or gcts_home()) / "snapshots"


def save(snapshot: Snapshot, home: Path | None = None) -> Path:
    """Write ``snapshot`` (atomically) and return its path; an existing file of the same id is kept."""
    path = folder(home) / f"{snapshot.id}.json.gz"
    if not path.exists():
        write_atomically(path, gzip.compress(canonical(snapshot.to_dict()), mtime=0))
    return path


def load(ref: str, home: Path | None = None) -> Snapshot:
    """The snapshot with id ``ref`` (or at path ``ref``); InputError/FormatError with the place otherwise."""
    path = Path(ref)
    if _ID.fullmatch(ref):
        path = folder(home) / f"{ref}.json.gz"
    if not path.is_file():
        raise InputError(f"no snapshot {ref} (snapshots are kept in {folder(home)})", field="snapshot")
    try:
        data = json.loads(gzip.decompress(path.read_bytes()))
    except (OSError, EOFError, ValueError) as exc:
        raise FormatError(f"the snapshot file is damaged: {exc}", file=str(path)) from exc
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise FormatError("not a gcts snapshot", file=str(path), field="schema")
    try:
        tables, audience = data["tables"], data["audience"]
        snap = Snapshot(
            id=data["id"],
            taken_at=datetime.fromisoformat(data["taken_at"]),
            audience=audience,
            tables=tables,
            source=data.get("source", ""),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise FormatError(f"the snapshot lacks a field or has a bad one: {exc}", file=str(path)) from exc
    if content_id(audience, tables) != snap.id:
        raise FormatError(
            "the snapshot's content does not match its id (edited or damaged)", file=str(path), field="id"
        )
    return snap

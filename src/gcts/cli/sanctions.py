"""``gcts sanctions``: the UN Security Council Consolidated List — ``diff`` two snapshots, ``load`` one.

``diff OLD NEW`` prints what was listed, delisted and amended (field by field) between two list files, as text
or JSON (``--format json``).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from gcts.screening.changes import ListChanges, compare_lists
from gcts.screening.consolidated_list import read_consolidated_list


@click.group("sanctions")
def command() -> None:
    """The UN Security Council Consolidated List: compare snapshots, load into the store."""


def _short(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items() if v not in ("", None, ()))
    return str(value)


def _item(value: Any) -> str:
    return _short(asdict(value)) if hasattr(value, "__dataclass_fields__") else str(value)


def _text(changes: ListChanges) -> str:
    lines = [changes.summary(), ""]
    for title, entries in (("Listed", changes.listed), ("Delisted", changes.delisted)):
        if entries:
            lines.append(f"## {title}")
            lines += [f"- {e.reference_number} {e.primary_name} ({e.un_list_type})" for e in entries]
            lines.append("")
    if changes.amended:
        lines.append("## Amended")
        for amendment in changes.amended:
            lines.append(f"- {amendment.reference_number}")
            for c in amendment.changes:
                if c.added or c.removed:
                    lines += [f"    {c.field} − {_item(x)}" for x in c.removed]
                    lines += [f"    {c.field} + {_item(x)}" for x in c.added]
                else:
                    lines.append(f"    {c.field}: {c.old!r} → {c.new!r}")
    return "\n".join(lines)


@command.command("diff")
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def diff(old: str, new: str, fmt: str) -> None:
    """What changed from list file OLD to list file NEW: listed, delisted, amended field by field."""
    changes = compare_lists(read_consolidated_list(old), read_consolidated_list(new))
    if fmt == "json":
        click.echo(json.dumps(asdict(changes), ensure_ascii=False, indent=1))
    else:
        click.echo(_text(changes))


@command.command("load")
@click.argument("path", type=click.Path(dir_okay=False), required=False)
def load(path: str | None) -> None:
    """Store a list file (default: the snapshot shipped with gcts) in the store, all or nothing."""
    from gcts.cli.store import open_store

    open_store(quiet=True)
    from gcts.sanctions.store import load_snapshot
    from gcts.screening.consolidated_list import read_consolidated_list, shipped_list_path

    source = Path(path) if path else shipped_list_path()
    listing = read_consolidated_list(source)  # validated (and decompressed) before anything is stored
    data = _xml_bytes(source)
    snapshot, new = load_snapshot(data, str(source))
    word = "stored" if new else "already in the store"
    click.echo(f"Consolidated List of {snapshot.snapshot_date}: {len(listing.individuals)} individuals, "
               f"{len(listing.entities)} entities — {word}")


def _xml_bytes(path: Path) -> bytes:
    import gzip

    raw = path.read_bytes()
    return gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw

"""What changed between two snapshots of the list: entries listed, delisted, and amended field by field.

Entries are matched by reference number (the list's stable key). For an amended entry each differing field
is reported: a scalar as old → new, a repeated field (names, dates of birth, documents …) as the items added
and the items removed, so that a reordering alone is no change.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from gcts.screening.listing import ConsolidatedList, ListEntry


@dataclass(frozen=True)
class FieldChange:
    """One field of one entry: ``old``/``new`` for a scalar, ``added``/``removed`` for a repeated field."""

    field: str
    old: Any = None
    new: Any = None
    added: tuple[Any, ...] = ()
    removed: tuple[Any, ...] = ()


@dataclass(frozen=True)
class Amendment:
    reference_number: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class ListChanges:
    old_date: str
    new_date: str
    listed: tuple[ListEntry, ...]
    delisted: tuple[ListEntry, ...]
    amended: tuple[Amendment, ...]

    def summary(self) -> str:
        return (
            f"{self.old_date} → {self.new_date}: {len(self.listed)} listed, {len(self.delisted)} delisted, "
            f"{len(self.amended)} amended"
        )


def entry_changes(old: ListEntry, new: ListEntry) -> tuple[FieldChange, ...]:
    """The fields in which two versions of one entry differ, in the dataclass's field order."""
    out: list[FieldChange] = []
    for f in fields(ListEntry):
        a, b = getattr(old, f.name), getattr(new, f.name)
        if a == b:
            continue
        if isinstance(a, tuple):
            added = tuple(x for x in b if x not in a)
            removed = tuple(x for x in a if x not in b)
            if added or removed:
                out.append(FieldChange(f.name, added=added, removed=removed))
        else:
            out.append(FieldChange(f.name, old=a, new=b))
    return tuple(out)


def compare_lists(old: ConsolidatedList, new: ConsolidatedList) -> ListChanges:
    """Listed, delisted and amended entries from ``old`` to ``new`` (each in the newer file's order)."""
    before, after = old.by_reference(), new.by_reference()
    amended = []
    for ref, entry in after.items():
        if ref in before:
            changed = entry_changes(before[ref], entry)
            if changed:
                amended.append(Amendment(ref, changed))
    return ListChanges(
        old_date=old.snapshot_date,
        new_date=new.snapshot_date,
        listed=tuple(e for r, e in after.items() if r not in before),
        delisted=tuple(e for r, e in before.items() if r not in after),
        amended=tuple(amended),
    )

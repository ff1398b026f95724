"""Loading snapshots of the list into the store, reading them back, and keeping screening runs.

A load is all-or-nothing (one transaction), and the file is read and validated completely before it starts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.utils import timezone

from gcts.sanctions.models import Hit, ListedEntry, ListSnapshot, ScreeningRun
from gcts.screening.consolidated_list import parse_consolidated_list
from gcts.screening.index import ListIndex
from gcts.screening.listing import ConsolidatedList, entry_from_dict
from gcts.screening.records import Record
from gcts.screening.screen import Progress, screen_records


def load_snapshot(data: bytes, source: str) -> tuple[ListSnapshot, bool]:
    """Store the list in ``data`` (XML bytes); the snapshot, and whether it is new (same bytes: kept)."""
    digest = hashlib.sha256(data).hexdigest()
    existing = ListSnapshot.objects.filter(sha256=digest).first()
    if existing:
        return existing, False
    listing = parse_consolidated_list(data, source)
    with transaction.atomic():
        snapshot = ListSnapshot.objects.create(
            generated=listing.generated,
            snapshot_date=listing.snapshot_date,
            source=Path(source).name[:255],
            sha256=digest,
            individuals=len(listing.individuals),
            entities=len(listing.entities),
        )
        ListedEntry.objects.bulk_create(
            [
                ListedEntry(
                    snapshot=snapshot,
                    reference_number=e.reference_number,
                    kind=e.kind,
                    primary_name=e.primary_name[:500],
                    un_list_type=e.un_list_type,
                    listed_on=e.listed_on,
                    data=e.to_dict(),
                )
                for e in listing.entries
            ],
            batch_size=500,
        )
    return snapshot, True


def latest_snapshot() -> ListSnapshot | None:
    return ListSnapshot.objects.order_by("-generated", "-id").first()


def listing_of(snapshot: ListSnapshot) -> ConsolidatedList:
    rows = ListedEntry.objects.filter(snapshot=snapshot).order_by("id").values_list("data", flat=True)
    return ConsolidatedList(generated=snapshot.generated, entries=tuple(entry_from_dict(d) for d in rows))


@lru_cache(maxsize=4)
def _index(snapshot_id: int, sha256: str) -> ListIndex:
    return ListIndex(listing_of(ListSnapshot.objects.get(pk=snapshot_id)))


def index_of(snapshot: ListSnapshot) -> ListIndex:
    """The candidate index of a snapshot, built once per process."""
    return _index(snapshot.pk, snapshot.sha256)


def record_fields(record: Record) -> dict[str, Any]:
    return {
        "name": record.name,
        "kind": record.kind,
        "date_of_birth": record.date_of_birth.iso() if record.date_of_birth else "",
        "nationality": record.nationality,
        "gender": record.gender,
        "place_of_birth": record.place_of_birth,
        "documents": list(record.documents),
    }


def run_screening(
    records: Sequence[Record],
    snapshot: ListSnapshot,
    threshold: float,
    source: str,
    user: AbstractBaseUser | AnonymousUser | None = None,
    progress: Progress | None = None,
) -> ScreeningRun:
    """Screen ``records`` and keep the run with its hits (a plain function: a task queue can run it)."""
    results = screen_records(records, index_of(snapshot), threshold, progress)
    with transaction.atomic():
        run = ScreeningRun.objects.create(
            snapshot=snapshot,
            source=source[:255],
            threshold=threshold,
            records=len(records),
            records_with_hits=sum(1 for r in results if r.hits),
            started_by=user if user is not None and user.is_authenticated else None,
        )
        Hit.objects.bulk_create(
            [
                Hit(
                    run=run,
                    row=r.record.row,
                    rank=rank,
                    record=record_fields(r.record),
                    reference_number=h.reference_number,
                    matched_name=h.name[:500],
                    score=h.score,
                    explanation=h.explanation(),
                )
                for r in results
                for rank, h in enumerate(r.hits, start=1)
            ],
            batch_size=500,
        )
        run.finished_at = timezone.now()
        run.save(update_fields=["finished_at"])
    return run

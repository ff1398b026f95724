"""Fixtures of the report tests: a snapshot of two known reviews and their mandates, and the artefacts folder
where rendered PDFs are kept as PNG pages for people to look at."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from gcts.report.snapshot import Snapshot, take
from tests.report import reviews

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "report"
#: The snapshot is dated, so that "overdue" is the same whenever the tests run.
TAKEN_AT = datetime(2020, 1, 15, 9, 30, tzinfo=UTC)
#: Two mandates of the reference text marked in the tracker.
STATUSES = {"operative:83": "done", "operative:72": "in_progress"}


@pytest.fixture(scope="session")
def review_snapshot() -> Snapshot:
    """Documents (the reference and its edited successor) and the mandates of both."""
    return take(
        {"documents": reviews.document_rows(), "mandates": reviews.mandate_rows(STATUSES)},
        audience="public",
        source="tests",
        taken_at=TAKEN_AT,
    )


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """``test-artifacts/report/`` (made if missing; kept after the run)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS

"""Shared screening data (``../shared`` beside the checkout, as in CI): the list snapshots and samples."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SANCTIONS = SHARED / "corpus" / "sanctions"
SCREENING = SHARED / "screening"
SNAPSHOTS = sorted(SANCTIONS.glob("UNSC-consolidated-list.*.xml"))


@pytest.fixture(scope="session")
def snapshots() -> list[Path]:
    if len(SNAPSHOTS) < 4:
        pytest.skip(f"the four list snapshots are not in {SANCTIONS}")
    return SNAPSHOTS

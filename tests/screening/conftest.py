"""Screening data for the tests: the four list snapshots and the labelled samples.

They ship with the tests (``tests/fixtures/sanctions`` gzip-compressed, ``tests/fixtures/screening``; public
UN data and the samples of the shared screening set, sources in their README), so a clean clone tests them
wherever it stands. The snapshots are decompressed once per session into a temporary folder, removed at exit.
"""

from __future__ import annotations

import atexit
import gzip
import shutil
import tempfile
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCREENING = FIXTURES / "screening"


def _unpacked_snapshots() -> list[Path]:
    folder = Path(tempfile.mkdtemp(prefix="gcts-test-sanctions-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    out = []
    for packed in sorted((FIXTURES / "sanctions").glob("UNSC-consolidated-list.*.xml.gz")):
        target = folder / packed.name.removesuffix(".gz")
        with gzip.open(packed, "rb") as src, target.open("wb") as dst:
            shutil.copyfileobj(src, dst)
        out.append(target)
    return out


SNAPSHOTS = _unpacked_snapshots()
SANCTIONS = SNAPSHOTS[0].parent if SNAPSHOTS else FIXTURES / "sanctions"


@pytest.fixture(scope="session")
def snapshots() -> list[Path]:
    assert len(SNAPSHOTS) == 4, f"the four list snapshots are not in {FIXTURES / 'sanctions'}"
    return SNAPSHOTS

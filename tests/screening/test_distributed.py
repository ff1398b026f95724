"""The Dask path gives the same results as the plain one, in input order (a local cluster of one worker)."""

from __future__ import annotations

import pytest

from gcts.screening import distributed
from gcts.screening.consolidated_list import read_consolidated_list, shipped_list_path
from gcts.screening.index import ListIndex
from gcts.screening.records import Record
from gcts.screening.screen import screen_records


@pytest.mark.slow
def test_dask_partitions_equal_plain_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(distributed, "PARTITION", 3)  # several partitions out of a few records
    records = [
        Record(row=i, name=n)
        for i, n in enumerate(
            [
                "SALEK, Abdulhai",
                "Maja Lindqvist",
                "Janan Agha",
                "Tharwat Salah Shihata",
                "Erik Holm",
                "Ko Tae Hun",
                "Jean Dupont",
            ],
            start=1,
        )
    ]
    seen: list[int] = []
    on_dask = distributed.screen_on_dask(
        records, str(shipped_list_path()), 0.6, workers=1, progress=lambda done, total: seen.append(done)
    )
    plain = [
        r.to_json()
        for r in screen_records(records, ListIndex(read_consolidated_list(shipped_list_path())), 0.6)
    ]
    assert on_dask == plain and [r["row"] for r in on_dask] == list(range(1, 8))
    assert seen[-1] == len(records)

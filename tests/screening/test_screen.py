"""Screening runs: the shared samples' recall and false hits, row order, and the JSON form of results."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gcts.screening.consolidated_list import read_consolidated_list, shipped_list_path
from gcts.screening.index import ListIndex
from gcts.screening.inputs import read_records
from gcts.screening.records import Record
from gcts.screening.screen import DEFAULT_THRESHOLD, screen_records
from tests.screening.conftest import SCREENING


@pytest.fixture(scope="module")
def index() -> ListIndex:
    return ListIndex(read_consolidated_list(shipped_list_path()))


def _sample(name: str) -> list[Record]:
    path = SCREENING / f"people.{name}.dev.csv"
    if not path.exists():
        pytest.skip(f"{path} is not there")
    return read_records(path)


def test_listed_people_are_found(index: ListIndex) -> None:
    positives = _sample("positives")
    results = screen_records(positives, index)
    assert sum(1 for r in results if r.hits) / len(results) >= 0.98
    for r in results:
        assert [h.score for h in r.hits] == sorted((h.score for h in r.hits), reverse=True)
        assert all(h.score >= DEFAULT_THRESHOLD for h in r.hits)


def test_unlisted_people_rarely_hit(index: ListIndex) -> None:
    negatives = _sample("negatives")
    sample = random.Random(13).sample(negatives, 600)
    results = screen_records(sample, index)
    assert sum(1 for r in results if r.hits) / len(results) <= 0.01


def test_result_json_form(index: ListIndex) -> None:
    (result,) = screen_records([Record(row=7, name="SALEK, Abdulhai", nationality="Afghanistan")], index)
    data = result.to_json()
    assert list(data) == ["row", "matches"] and data["row"] == 7
    first = data["matches"][0]
    assert list(first) == ["reference_number", "score", "name", "explanation"]
    assert first["reference_number"].startswith("TAi.") and "nationality AF as listed" in first["explanation"]


def test_progress_is_reported(index: ListIndex) -> None:
    seen: list[tuple[int, int]] = []
    screen_records(
        [Record(row=i, name=f"Person {i}") for i in range(1, 4)],
        index,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen[-1] == (3, 3)


@settings(max_examples=15, deadline=None)
@given(st.randoms(use_true_random=False))
def test_any_row_order_gives_the_same_hits(rng: random.Random) -> None:
    index = _shared_index()
    records = _mixed_records()
    shuffled = records[:]
    rng.shuffle(shuffled)

    def hits(rs: list[Record]) -> dict[int, list[tuple[str, float]]]:
        return {
            r.record.row: [(h.reference_number, h.score) for h in r.hits] for r in screen_records(rs, index)
        }

    assert hits(shuffled) == hits(records)


_CACHE: dict[str, object] = {}


def _shared_index() -> ListIndex:
    if "index" not in _CACHE:
        _CACHE["index"] = ListIndex(read_consolidated_list(shipped_list_path()))
    return _CACHE["index"]  # type: ignore[return-value]


def _mixed_records() -> list[Record]:
    if "records" not in _CACHE:
        positives = _sample("positives")[:30]
        negatives = _sample("negatives")[:30]
        _CACHE["records"] = [
            Record(row=i, name=r.name, date_of_birth=r.date_of_birth, nationality=r.nationality)
            for i, r in enumerate(positives + negatives, start=1)
        ]
    return _CACHE["records"]  # type: ignore[return-value]

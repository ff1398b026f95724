"""Running a job function within limits (:mod:`gcts.jobs.runner`), in a forked child and inline."""

from __future__ import annotations

import time
from typing import Any

import pytest

from gcts.errors import InputError
from gcts.jobs.runner import JobFailed, Limits, run


def counting(*, progress: Any, n: int) -> dict[str, int]:
    for i in range(n):
        progress(i + 1, n, f"step {i + 1}")
    return {"counted": n}


def sleeping(*, progress: Any, seconds: float) -> None:
    progress(0, 1, "sleeping")
    time.sleep(seconds)


def hungry(*, progress: Any, mib: int) -> int:
    blocks = [bytearray(2**20) for _ in range(mib)]
    return len(blocks)


def refusing(*, progress: Any) -> None:
    raise InputError("no operative paragraphs", file="x.txt")


def crashing(*, progress: Any) -> None:
    raise RuntimeError("/srv/secret/path exploded")


@pytest.mark.parametrize("isolation", ["process", "inline"])
def test_progress_is_reported_and_the_result_returned(isolation: str) -> None:
    seen: list[tuple[int, int, str]] = []
    result = run(counting, {"n": 3}, Limits(seconds=60), lambda *a: seen.append(a), isolation=isolation)
    assert result == {"counted": 3}
    assert seen == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]


def test_a_job_over_its_time_is_killed() -> None:
    started = time.monotonic()
    with pytest.raises(JobFailed, match="time limit"):
        run(sleeping, {"seconds": 60}, Limits(seconds=1), lambda *a: None, isolation="process")
    assert time.monotonic() - started < 30


def test_a_job_over_its_memory_fails_and_the_caller_goes_on() -> None:
    with pytest.raises(JobFailed, match="memory"):
        run(
            hungry,
            {"mib": 2048},
            Limits(seconds=60, memory=512 * 2**20),
            lambda *a: None,
            isolation="process",
        )
    assert (
        run(hungry, {"mib": 8}, Limits(seconds=60, memory=1024 * 2**20), lambda *a: None, isolation="process")
        == 8
    )


@pytest.mark.parametrize("isolation", ["process", "inline"])
def test_failures_are_one_line_without_paths(isolation: str) -> None:
    with pytest.raises(JobFailed, match=r"x.txt: no operative paragraphs"):
        run(refusing, {}, Limits(), lambda *a: None, isolation=isolation)
    with pytest.raises(JobFailed) as caught:
        run(crashing, {}, Limits(), lambda *a: None, isolation=isolation)
    assert str(caught.value) == "internal error: RuntimeError"

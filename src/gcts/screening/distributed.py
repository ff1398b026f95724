"""Screening partitions of a large input on a Dask cluster (``dask.distributed``): a scheduler the user names,
or a local cluster of worker processes on this machine (bound to 127.0.0.1, no dashboard).

Each worker reads the list and builds its index once per list file and process; partitions travel as plain
records and come back as the JSON form of their results, in input order.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from typing import Any

from gcts.screening.consolidated_list import read_consolidated_list
from gcts.screening.index import ListIndex
from gcts.screening.records import Record
from gcts.screening.screen import Progress, screen_records

PARTITION = 2000  # records per task


@cache
def _index(list_path: str, stamp: float) -> ListIndex:
    return ListIndex(read_consolidated_list(list_path))


def screen_partition(list_path: str, threshold: float, records: Sequence[Record]) -> list[dict[str, Any]]:
    """One task: screen ``records`` against the list at ``list_path`` (index cached in the worker)."""
    index = _index(list_path, os.path.getmtime(list_path))
    return [r.to_json() for r in screen_records(records, index, threshold)]


def screen_on_dask(
    records: Sequence[Record],
    list_path: str,
    threshold: float,
    scheduler: str | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> list[dict[str, Any]]:
    """Screen ``records`` in partitions on Dask; results in input order (row by row)."""
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        )
        client = Client(cluster)
    try:
        parts = [list(records[i : i + PARTITION]) for i in range(0, len(records), PARTITION)]
        futures = {
            client.submit(screen_partition, list_path, threshold, part, pure=False): k
            for k, part in enumerate(parts)
        }
        results: list[list[dict[str, Any]] | None] = [None] * len(parts)
        done = 0
        for future in as_completed(futures):
            k = futures[future]
            results[k] = future.result()
            done += len(parts[k])
            if progress:
                progress(done, len(records))
        return [row for part in results for row in (part or [])]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

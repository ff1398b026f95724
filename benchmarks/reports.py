"""Benchmark: reports and the dashboard on a registry of 100,000 activities.

usage: .venv/bin/python benchmarks/reports.py [--activities 100000] [--flows 300000] [--requests 60]

1. Makes a fresh GCTS_HOME (SQLite), migrates, loads the bundled corpus, and fills the registry with
   ``gcts.registry.generator`` (synthetic activities with pillar, theme and country shares, paragraph
   links, flows of every kind).
2. Times the snapshot (the store read through the visibility layer), then each report — built and written
   as HTML, PDF and DOCX — for the public, in Chinese. The search for duplicates is left out of this run
   (it embeds every new description once: ~80 descriptions a second on this machine, cached afterwards);
   its time on the labelled set is printed apart.
3. Times the dashboard page with Django's test client: the first request (which takes the snapshot and builds
   the briefing), then ``--requests`` requests rotating through filters, each filter combination built once
   and then served from the cache; prints p50/p95/max in ms.
Prints a Markdown table with the load average beside it.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--flows", type=int, default=300_000)
    parser.add_argument("--requests", type=int, default=60)
    args = parser.parse_args()
    os.environ["GCTS_HOME"] = tempfile.mkdtemp(prefix="gcts-bench-reports-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gcts.web.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from gcts.library.bootstrap import load_corpus
    from gcts.registry.generator import generate
    from gcts.report import Options, build, render
    from gcts.web.dashboard import current
    from gcts.web.dashboard.collect import snapshot

    call_command("migrate", verbosity=0)
    load_corpus()  # the bundled corpus: the reviews the progress and what-is-new reports are about
    rows: list[tuple[str, float]] = []
    t = time.perf_counter()
    generate(args.activities, args.flows, seed=1)
    print(f"registry filled in {time.perf_counter() - t:.0f} s", file=sys.stderr)

    t = time.perf_counter()
    snap = snapshot(audience="public")
    rows.append(("snapshot (public)", time.perf_counter() - t))
    for kind in ("quarterly", "annual", "progress", "whats-new"):
        for fmt in ("html", "pdf", "docx"):
            t = time.perf_counter()
            try:
                render(build(kind, snap, "zh", options=Options(duplicates=False)), fmt)
            except Exception as exc:  # a report the data cannot make is reported, not fatal
                print(f"{kind} {fmt}: {exc}", file=sys.stderr)
                continue
            rows.append((f"{kind} report, {fmt} (build + write)", time.perf_counter() - t))

    from gcts.analyse import duplicates

    t = time.perf_counter()
    duplicates.evaluate()
    seconds = time.perf_counter() - t
    rows.append(("duplicates on the labelled set (35 descriptions, model load included)", seconds))

    setup_test_environment()
    client = Client(HTTP_ACCEPT_LANGUAGE="zh")
    current.forget()
    t = time.perf_counter()
    client.get("/dashboard/")
    first = time.perf_counter() - t
    filters = ["", "?pillar=I", "?pillar=II", "?group=AG", "?group=WEOG", "?year=2020", "?theme=ftf"]
    for f in filters:  # each combination built once (what a busy dashboard keeps in its cache)
        client.get("/dashboard/" + f)
    times = []
    for i in range(args.requests):
        t = time.perf_counter()
        response = client.get("/dashboard/" + filters[i % len(filters)])
        times.append(1000 * (time.perf_counter() - t))
        assert response.status_code == 200
    times.sort()
    load = os.getloadavg()
    print(f"\nmachine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{args.activities:,} activities, {args.flows:,} flows; load average {load[0]:.2f} {load[1]:.2f} "
          f"{load[2]:.2f}\n")
    print("| what | seconds |\n|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} |")
    print(f"| dashboard, first request (snapshot + briefing) | {first:.2f} |")
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"\ndashboard, {len(times)} requests over {len(filters)} filter combinations (cached): "
          f"p50 {statistics.median(times):.0f} ms, p95 {p95:.0f} ms, max {times[-1]:.0f} ms")


if __name__ == "__main__":
    main()

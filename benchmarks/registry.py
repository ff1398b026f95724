"""Benchmark: the implementation registry on a large synthetic store (PostgreSQL in production).

usage: DATABASE_URL=postgres://…/NAME .venv/bin/python benchmarks/registry.py [--activities N]
       [--transactions M] [--runs R] [--skip-generate]
Generates N activities and M transactions (``gcts.registry.generator``; skipped with --skip-generate when
the store holds them already), runs ANALYZE, then times R runs each (after one warm-up) of: the activity list
page's query (first page of 50, public reader, and filtered by pillar + regional group, by theme + country,
by paragraph, by text) and the totals by pillar, by regional group and by pillar × group through the
visibility layer and suppression. Prints p50 and p95 in ms, the machine and the load average.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gcts.store.settings")


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """p50 and p95 wall time of ``fn`` in milliseconds, after one warm-up run."""
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--transactions", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--skip-generate", action="store_true")
    args = parser.parse_args()

    import gcts.store

    gcts.store.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", interactive=False, verbosity=0)
    from gcts.registry import aggregates
    from gcts.registry.generator import generate
    from gcts.registry.models import Activity, Flow
    from gcts.registry.visibility import ANONYMOUS, Viewer, visible

    if not args.skip_generate:
        start = time.perf_counter()
        made = generate(args.activities, args.transactions, seed=7)
        print(
            f"generated {made[0]} activities, {made[1]} transactions in {time.perf_counter() - start:.0f} s"
        )
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    n_act, n_flow = Activity.objects.count(), Flow.objects.count()
    print(f"store: {n_act} activities, {n_flow} transactions ({connection.vendor})")
    coordinator = Viewer(role="coordinator")

    def page(**filters: str) -> Callable[[], object]:
        def run() -> object:
            qs = visible(Activity.objects.filtered(**filters), ANONYMOUS).select_related("reporting_org")
            rows = list(qs.order_by("iati_identifier")[:50])
            return rows, qs.count()

        return run

    cases: list[tuple[str, Callable[[], object]]] = [
        ("list: first page (public)", page()),
        ("filter: pillar II + group AG", page(pillar="II", group="AG")),
        ("filter: theme ftf + country MLI", page(theme="ftf", country="MLI")),
        ("filter: paragraph operative:66", page(paragraph="operative:66")),
        ("filter: text 'border'", page(text="border")),
        ("totals by pillar (public)", lambda: aggregates.report("pillar", ANONYMOUS)),
        ("totals by regional group (public)", lambda: aggregates.report("group", ANONYMOUS)),
        ("totals by pillar × group (coordinator)", lambda: aggregates.report("pillar_group", coordinator)),
    ]
    print(
        f"machine: {platform.node()} {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs; "
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    print(f"{'case':42} {'p50 ms':>8} {'p95 ms':>8}")
    for name, fn in cases:
        p50, p95 = timed(fn, args.runs)
        print(f"{name:42} {p50:8.1f} {p95:8.1f}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()

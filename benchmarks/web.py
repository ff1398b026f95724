"""Benchmark: the web application on loopback — first start, later start, and latency under 20 clients.

usage: .venv/bin/python benchmarks/web.py [--connections 20] [--duration 15] [--workers 2] [--keep]

1. Starts ``gcts serve`` (the embedded server) with a fresh, empty GCTS_HOME (SQLite) and times the first
   start (create the database, load and annotate the bundled corpus) until the library page answers; stops it.
2. Starts ``gcts serve --workers N`` (gunicorn, the production set-up) on the same GCTS_HOME: the later start.
3. Drives it with Debian's ``wrk`` (``apt-get install wrk``; C, event loop, one thread, so the load generator
   takes little of the CPU it measures): ``--connections`` connections for ``--duration`` seconds per page
   kind, each connection rotating through realistic URLs (benchmarks/web.lua):
   reading view of every stored document, ~30 search terms in Chinese and English taken from the corpus,
   the library page with its filters, and the API's document detail for every document.
   No warm-up: the first renders of each document (before the cache holds them) are inside the measurement.
Prints p50/p95/p99/max latency in ms and requests per second per page kind as a Markdown table, with the
server's CPU time per request (its processes' user + system time from /proc, divided by the requests) and
the share of one core wrk used: on a machine shared with other work the latencies depend on that work, the
CPU time per request does not (2 cores / CPU time per request = the most requests per second the server
could answer on an idle machine).
Nothing leaves the machine: the server listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

LUA = Path(__file__).resolve().with_name("web.lua")

#: Search terms a reader of the bundled corpus would type: frequent words and names of its documents.
SEARCHES = [
    "外国恐怖主义作战人员",
    "恐怖主义",
    "会员国",
    "极端主义",
    "国际法",
    "恐怖分子",
    "工作队",
    "秘书长 报告",
    "受害者",
    "人道主义法",
    "人权法",
    "基础设施",
    "伊拉克 黎凡特",
    "伙伴关系",
    "司法制度",
    "行动计划",
    "恐怖主义融资",
    "透明度",
    "第七十四届",
    "tuberculosis",
    "International Criminal Court",
    "embargo",
    "sustainable development",
    "outer space",
    "multidrug-resistant",
    "Secretary-General report",
    "human rights",
    "diagnosis treatment",
    "Rome Statute",
    "peaceful uses",
    "Cuba",
]

LIBRARY_FILTERS = ["", "?language=zh", "?language=en", "?kind=adopted", "?kind=draft", "?year=2018"]

RESULT = re.compile(r"GCTS-RESULT (.*)")


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(home: Path, port: int, workers: int = 1) -> tuple[subprocess.Popen[bytes], float]:
    """Start ``gcts serve`` and return it with the seconds until the library page answered."""
    env = {**os.environ, "GCTS_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    began = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from gcts.cli import main; main()",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    while True:
        if proc.poll() is not None:
            raise SystemExit("gcts serve exited early")
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200:
                    return proc, time.perf_counter() - began
        except OSError:
            time.sleep(0.05)


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop the server (SIGTERM; gunicorn's master stops its workers), killing it after 10 s."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def server_cpu_seconds(root: int) -> float:
    """User + system CPU seconds used so far by process ``root`` and its children (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        pid, ppid = int(stat.parent.name), int(fields[1])
        if root in (pid, ppid):
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def wrk(
    base: str, paths: list[str], connections: int, duration: int, work: Path, server: int
) -> dict[str, float]:
    """Run wrk against ``paths`` (rotated by each connection) and return its GCTS-RESULT numbers, with the
    server's CPU milliseconds per request (``cpu_ms``) and wrk's share of one core (``wrk_core``)."""
    listing = work / f"paths-{len(list(work.iterdir()))}.txt"
    listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
    cpu_before = server_cpu_seconds(server)
    own = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(
        [
            "wrk",
            "--threads",
            "1",
            "--connections",
            str(connections),
            "--duration",
            f"{duration}s",
            "--timeout",
            "10s",
            "--latency",
            "--script",
            str(LUA),
            base,
            "--",
            str(listing),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    found = RESULT.search(out)
    if found is None:
        raise SystemExit(f"wrk gave no result:\n{out}")
    result = {k: float(v) for k, v in (pair.split("=") for pair in found.group(1).split())}
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    wrk_cpu = (after.ru_utime - own.ru_utime) + (after.ru_stime - own.ru_stime)
    result["cpu_ms"] = (server_cpu_seconds(server) - cpu_before) * 1000 / max(result["requests"], 1)
    result["wrk_core"] = wrk_cpu / result["seconds"]
    return result


def check(base: str, paths: list[str]) -> None:
    """Every URL answers 200 (a benchmark of error pages would measure nothing)."""
    for path in paths:
        with urllib.request.urlopen(base + path, timeout=30) as r:
            if r.status != 200:
                raise SystemExit(f"{path}: HTTP {r.status}")


def main() -> None:
    """Start, load, measure, print the table."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--connections", type=int, default=20)
    ap.add_argument("--duration", type=int, default=15, help="seconds of load per page kind")
    ap.add_argument("--workers", type=int, default=2, help="gcts serve --workers (gunicorn processes)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary GCTS_HOME")
    args = ap.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("benchmarks/web.py needs wrk: apt-get install wrk")
    home = Path(tempfile.mkdtemp(prefix="gcts-bench-home-"))
    work = Path(tempfile.mkdtemp(prefix="gcts-bench-urls-"))
    port = free_port()
    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}; load average {load:.1f}")
    try:
        proc, first = start(home, port)
        stop(proc)
        proc, later = start(home, port, args.workers)
        print(f"first start (create + load corpus): {first:.1f} s")
        print(f"later start (--workers {args.workers}): {later:.2f} s")
        base = f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(base + "/api/documents") as r:
            slugs = [d["slug"] for d in json.loads(r.read())]
        kinds = {
            f"reading view ({len(slugs)} documents)": [f"/documents/{s}/" for s in slugs],
            f"search ({len(SEARCHES)} zh/en terms)": [
                f"/search/?q={urllib.parse.quote_plus(q)}" for q in SEARCHES
            ],
            f"library ({len(LIBRARY_FILTERS)} filter settings)": [f"/{f}" for f in LIBRARY_FILTERS],
            f"API document ({len(slugs)} documents)": [f"/api/documents/{s}" for s in slugs],
        }
        check(base, kinds[next(k for k in kinds if k.startswith("search"))])
        print(f"\n{args.connections} connections, {args.duration} s each, wrk --threads 1\n")
        print(
            "| page | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors "
            "| server CPU ms/request | wrk, share of a core | load average |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        for name, paths in kinds.items():
            r = wrk(base, paths, args.connections, args.duration, work, proc.pid)
            print(
                f"| {name} | {r['requests']:.0f} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p95']:.1f} "
                f"| {r['p99']:.1f} | {r['max']:.1f} | {r['errors']:.0f} | {r['cpu_ms']:.2f} "
                f"| {r['wrk_core']:.2f} | {os.getloadavg()[0]:.1f} |",
                flush=True,
            )
        stop(proc)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if not args.keep:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Benchmark: the web application on loopback — first start, later start, reading view and search latency.

usage: .venv/bin/python benchmarks/web.py [--clients 20] [--requests 25] [--workers 1] [--port 0] [--keep]

1. Starts ``gcts serve`` in a subprocess with a fresh, empty GCTS_HOME (SQLite) and times the first start
   (create the database, load and annotate the bundled corpus) until the library page answers.
2. Stops it and starts it again on the same GCTS_HOME: the later start.
3. Runs ``--clients`` concurrent clients, each making ``--requests`` requests in a bounded loop, against
   (a) the reading views of the stored documents and (b) search queries in Chinese and English; one warm-up
   request per URL first. Prints p50/p95/max latency in ms for each.
Nothing leaves the machine: the server listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

SEARCHES = [
    "外国恐怖主义作战人员",
    "秘书长 报告",
    "人权",
    "恐怖主义融资",
    "International Criminal Court",
    "tuberculosis",
    "embargo",
    "General Assembly",
]


def free_port() -> int:
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
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def get(url: str) -> float:
    began = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as r:
        r.read()
        if r.status != 200:
            raise RuntimeError(f"{url}: {r.status}")
    return (time.perf_counter() - began) * 1000


def load(urls: list[str], clients: int, requests: int) -> list[float]:
    """Latencies (ms) of ``clients`` threads each making ``requests`` requests, cycling through ``urls``."""
    for u in urls:
        get(u)
    out: list[float] = []
    lock = threading.Lock()

    def client(k: int) -> None:
        mine = [get(urls[(k + i) % len(urls)]) for i in range(requests)]
        with lock:
            out.extend(mine)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def report(name: str, ms: list[float]) -> None:
    q = statistics.quantiles(ms, n=100)
    print(f"| {name} | {len(ms)} | {q[49]:.1f} | {q[94]:.1f} | {max(ms):.1f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=25)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--workers", type=int, default=1, help="gcts serve --workers (more than 1: gunicorn)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary GCTS_HOME")
    args = ap.parse_args()
    port = args.port or free_port()
    home = Path(tempfile.mkdtemp(prefix="gcts-bench-home-"))
    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}; GCTS_HOME={home}")
    try:
        proc, first = start(home, port)
        stop(proc)
        proc, later = start(home, port, args.workers)
        print(f"first start (create + load corpus): {first:.1f} s; later start: {later:.2f} s")
        base = f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(base + "/api/documents") as r:
            import json

            slugs = [d["slug"] for d in json.loads(r.read())]
        reading = [f"{base}/documents/{s}/" for s in slugs]
        search = [f"{base}/search/?q={urllib.parse.quote(q)}" for q in SEARCHES]
        print("| page | requests | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|")
        report(f"reading view ({len(slugs)} documents)", load(reading, args.clients, args.requests))
        report(f"search ({len(SEARCHES)} queries)", load(search, args.clients, args.requests))
        stop(proc)
    finally:
        if not args.keep:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()

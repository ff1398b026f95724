"""Benchmark: what hostile inputs cost to read and annotate (issue 10), and how the cost grows with size.

usage: .venv/bin/python benchmarks/hostile.py [--sizes 1,2,4] [--families a,b] [--limit-seconds 60]

Families (each made at several sizes, in MiB of input or the count named):
  concatenated  the corpus's English texts joined again and again (a long but ordinary document)
  paragraph     one operative paragraph of ordinary words, growing
  paragraphs    many short operative paragraphs
  lines         a PDF page holding more and more lines (refused past gcts.reading.pdf_limits' cap)
  bomb          a PDF whose page content inflates to more and more MiB (refused past the cap)
Each case runs ``gcts.reading.load_bytes`` then ``gcts.annotate.annotate`` in a fresh subprocess (so peak
memory is its own: ``ru_maxrss``), within a time limit; the outcome is the time, the peak memory, and
whether it was read or refused (and why). The growth exponent of each family is the slope of log(time)
over log(size) between its largest two sizes that were read (1 ≈ linear). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "src" / "gcts" / "data" / "corpus"
MIB = 2**20

CHILD = r"""
import json, resource, sys, time
from gcts.errors import GctsError
from gcts.reading import load_bytes
from gcts.annotate import annotate
data = sys.stdin.buffer.read()
t = time.perf_counter()
try:
    res = annotate(load_bytes(data, source=sys.argv[1]))
    outcome = f"read: {len(res.preamble) + len(res.operative)} paragraphs"
except GctsError as exc:
    outcome = "refused: " + exc.message[:70]
seconds = time.perf_counter() - t
peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM")) / 1024
print(json.dumps({"seconds": seconds, "peak_mib": peak, "outcome": outcome}))
"""


def _english() -> str:
    return (CORPUS / "A-RES-73-7.en.txt").read_text(encoding="utf-8")


def concatenated(mib: float) -> tuple[str, bytes]:
    base = _english()
    copies = max(1, int(mib * MIB / len(base.encode())))
    return "concatenated.txt", "\n\n".join([base] * copies).encode()


def paragraph(mib: float) -> tuple[str, bytes]:
    words = "the Member States and the United Nations Office of Counter-Terrorism "
    body = (words * int(mib * MIB / len(words) + 1))[: int(mib * MIB)]
    head = _english().split("1.", 1)[0]
    return "paragraph.txt", f"{head}1. Decides that {body}.\n".encode()


def paragraphs(count: float) -> tuple[str, bytes]:
    head = _english().split("1.", 1)[0]
    items = "".join(
        f"{i}. Requests the Secretary-General to report on item {i};\n\n" for i in range(1, int(count) + 1)
    )
    return "paragraphs.txt", (head + items).encode()


def lines(count: float) -> tuple[str, bytes]:
    sys.path.insert(0, str(ROOT))
    from tests.reading.hostile_pdfs import pdf, text_page

    size = min(10.0, 780 / count)
    return "lines.pdf", pdf([text_page([f"{i} Decides" for i in range(int(count))], size=size)])


def bomb(mib: float) -> tuple[str, bytes]:
    sys.path.insert(0, str(ROOT))
    from tests.reading.hostile_pdfs import bomb as make

    return "bomb.pdf", make(int(mib))


FAMILIES = {
    "concatenated": (concatenated, "MiB", [1, 5, 20]),
    "paragraph": (paragraph, "MiB", [0.25, 1, 4]),
    "paragraphs": (paragraphs, "paragraphs", [500, 2000, 5000]),
    "lines": (lines, "lines", [150, 500, 3060]),
    "bomb": (bomb, "MiB inflated", [16, 50, 600]),
}


def run_case(name: str, data: bytes, limit: float) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    started = time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, name],
            input=data,
            capture_output=True,
            timeout=limit,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"seconds": limit, "peak_mib": float("nan"), "outcome": f"over {limit:g} s"}
    if proc.returncode != 0:
        return {"seconds": time.perf_counter() - started, "peak_mib": float("nan"), "outcome": "crashed"}
    return dict(json.loads(proc.stdout.decode().strip().splitlines()[-1]))


def exponent(points: list[tuple[float, float]]) -> str:
    """The slope of log(seconds) over log(size) between the last two points (1 is linear)."""
    if len(points) < 2 or points[-2][1] <= 0:
        return "–"
    (x1, y1), (x2, y2) = points[-2], points[-1]
    return f"{math.log(y2 / y1) / math.log(x2 / x1):.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--families", default=",".join(FAMILIES))
    parser.add_argument("--limit-seconds", type=float, default=120)
    args = parser.parse_args()
    python = platform.python_version()
    print(f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} CPUs, Python {python}")
    print(f"load average at start: {os.getloadavg()[0]:.2f}\n")
    print("| family | size | input | time (s) | peak memory (MiB) | outcome |")
    print("|---|---|---|---|---|---|")
    slopes = {}
    for family in args.families.split(","):
        make, unit, sizes = FAMILIES[family]
        points: list[tuple[float, float]] = []
        for size in sizes:
            name, data = make(size)
            r = run_case(name, data, args.limit_seconds)
            seconds, peak = float(r["seconds"]), float(r["peak_mib"])  # type: ignore[arg-type]
            if str(r["outcome"]).startswith("read"):
                points.append((float(size), seconds))
            print(
                f"| {family} | {size:g} {unit} | {len(data) / 1024:,.0f} KiB | {seconds:.2f} | {peak:,.0f} |"
                f" {r['outcome']} |",
                flush=True,
            )
        slopes[family] = exponent(points)
    print(f"\nload average at end: {os.getloadavg()[0]:.2f}")
    print("growth exponents (read cases): " + ", ".join(f"{k} {v}" for k, v in slopes.items()))


if __name__ == "__main__":
    main()

"""Benchmark: annotating the Chinese reference text (A/72/L.62) after warm-up.

usage: .venv/bin/python benchmarks/annotate.py [--runs N]
Structures the reference once, then times gcts.annotate.annotate on a fresh copy of the structured document
(annotations cleared) N times after one warm-up run that compiles the per-language patterns. Target: median
under 50 ms.
"""

from __future__ import annotations

import argparse
import copy
import platform
import statistics
import time
from pathlib import Path

from gcts.annotate import annotate
from gcts.model import Resolution
from gcts.structure import parse_text

REFERENCE = Path(__file__).resolve().parents[1] / "src" / "gcts" / "data" / "corpus" / "A-72-L.62.zh.txt"


def _times(base: Resolution, runs: int) -> list[float]:
    """Milliseconds of ``runs`` annotations of fresh copies of ``base``, after one warm-up run that compiles
    the patterns of its language."""
    annotate(copy.deepcopy(base))
    times = []
    for _ in range(runs):
        doc = copy.deepcopy(base)
        t0 = time.perf_counter()
        annotate(doc)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def main() -> None:
    """Run the benchmark and print median, min and max in milliseconds."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    base = parse_text(REFERENCE.read_text(encoding="utf-8"), source=REFERENCE.name)
    times = _times(base, args.runs)
    print(f"annotate reference ({len(base.paragraphs)} paragraphs), {args.runs} runs, Python "
          f"{platform.python_version()}: median {statistics.median(times):.1f} ms, "
          f"min {min(times):.1f} ms, max {max(times):.1f} ms")
    en = Path(REFERENCE.parent / "A-RES-73-3.en.txt")
    doc_en = parse_text(en.read_text(encoding="utf-8"), source=en.name)
    times = _times(doc_en, args.runs)
    median = statistics.median(times)
    print(f"annotate {en.name} ({len(doc_en.paragraphs)} paragraphs): median {median:.1f} ms")


if __name__ == "__main__":
    main()

"""Benchmark: Akoma Ntoso write, schema validation and read-back of the Chinese reference text (A/72/L.62),
plus PDF text extraction of the corpus PDFs.

usage: .venv/bin/python benchmarks/akn.py [--runs N] [--pdf-runs M]
Structures and annotates the reference once, then times, after one warm-up run each (which also loads
the schema): gcts.formats.akn.to_akn, gcts.formats.akn_schema.validate and gcts.formats.akn_reader.read_akn,
N times each; then gcts.reading.pdf.extract_text on each corpus PDF, M times. Prints medians in ms.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from gcts.annotate import annotate
from gcts.formats.akn import to_akn
from gcts.formats.akn_reader import read_akn
from gcts.formats.akn_schema import schema, validate
from gcts.reading.pdf import extract_text
from gcts.structure import parse_text

CORPUS = Path(__file__).resolve().parents[1] / "src" / "gcts" / "data" / "corpus"
REFERENCE = CORPUS / "A-72-L.62.zh.txt"


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """Median, min and max wall time of ``fn`` over ``runs`` runs, in milliseconds (after one warm-up)."""
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), max(times)


def main() -> None:
    """Run the benchmark and print one line per measured step."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--pdf-runs", type=int, default=3)
    args = parser.parse_args()
    print(f"python {platform.python_version()}, {platform.machine()}")
    res = annotate(parse_text(REFERENCE.read_text(encoding="utf-8"), source=REFERENCE.name))
    start = time.perf_counter()
    schema()
    print(f"schema load (once per process): {(time.perf_counter() - start) * 1000:.0f} ms")
    xml = to_akn(res)
    data = xml.encode("utf-8")
    print(f"reference text: {len(res.preamble)} preambular + {len(res.operative)} operative paragraphs, "
          f"AKN {len(data) / 1024:.0f} KiB, valid: {validate(xml) == []}")
    for label, fn in (("to_akn", lambda: to_akn(res)), ("validate", lambda: validate(data)),
                      ("read_akn", lambda: read_akn(data))):
        med, lo, hi = timed(fn, args.runs)
        print(f"{label:>9}: median {med:7.2f} ms  (min {lo:.2f}, max {hi:.2f}, {args.runs} runs)")
    for pdf in sorted(CORPUS.glob("*.pdf")):
        med, lo, hi = timed(lambda pdf=pdf: extract_text(pdf), args.pdf_runs)  # type: ignore[misc]
        size = pdf.stat().st_size / 1024
        print(f"extract_text {pdf.name}: median {med:6.0f} ms ({size:.0f} KiB PDF, {args.pdf_runs} runs)")


if __name__ == "__main__":
    main()

"""Benchmark of the structurer (``gcts.structure.parse_text``): latency, throughput, peak memory.

* latency: the reference text (A/72/L.62, Chinese, 46 kB) parsed many times after a warm-up; the median;
* throughput: a large synthetic input made of the real paragraphs of the English and Chinese corpus texts
  repeated (renumbered so that it stays one well-formed resolution), in MB of input per second;
* memory: peak traced memory (tracemalloc) while parsing, as a multiple of the input size in bytes.

Run: ``.venv/bin/python benchmarks/parse.py`` (targets: < 20 ms, >= 2 MB/s, < 10x).
"""

from __future__ import annotations

import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from gcts.structure import parse_text

CORPUS = Path(__file__).resolve().parents[1] / "src" / "gcts" / "data" / "corpus"


def latency(runs: int = 50) -> float:
    text = (CORPUS / "A-72-L.62.zh.txt").read_text(encoding="utf-8")
    for _ in range(5):
        parse_text(text, language="zh")
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        parse_text(text, language="zh")
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def synthetic(target_bytes: int) -> str:
    """One long resolution in ``pdftotext -layout`` shape, built from the real paragraphs of A/RES/73/7:
    its heading, then its preambular and operative paragraphs over and over (renumbered), wrapped at 90
    columns with first-line indents, and page furniture every 45 lines."""
    text = (CORPUS / "A-RES-73-7.en.txt").read_text(encoding="utf-8")
    res = parse_text(text, language="en")
    head = text[: text.index("The General Assembly,") + len("The General Assembly,")] + "\n"
    out, lines = [head], 0
    size, n, page = len(head), 0, 1

    def emit(first_indent: int, words: list[str]) -> None:
        nonlocal lines, size, page
        line, indent = "", first_indent
        for w in [*words, None]:
            if w is None or len(line) + len(w) > 90:
                chunk = " " * indent + line.rstrip() + "\n"
                out.append(chunk)
                size += len(chunk)
                lines += 1
                line, indent = "", 17
                if lines % 45 == 0:
                    page += 1
                    furniture = f"\n{page}/999" + " " * 60 + "18-18142\n" + " " * 80 + "A/RES/73/7\n\n"
                    out.append(furniture)
                    size += len(furniture)
            if w is not None:
                line += w + " "

    for p in res.preamble:
        emit(23, p.text.split())
    while size < target_bytes:
        for p in res.operative:
            n += 1
            emit(23, [f"{n}.", *p.text.split()])
    return "".join(out).replace("; " + str(n) + ".", ";")


def throughput(size_mb: float = 4.0) -> tuple[float, float, int]:
    text = synthetic(int(size_mb * 1024 * 1024))
    nbytes = len(text.encode())
    parse_text(text[:200_000], language="en")
    t0 = time.perf_counter()
    res = parse_text(text, language="en")
    dt = time.perf_counter() - t0
    tracemalloc.start()
    parse_text(text, language="en")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return nbytes / dt / 1e6, peak / nbytes, len(res.operative)


def main() -> None:
    ms = latency()
    mbs, ratio, ops = throughput()
    print(f"python {sys.version.split()[0]}")
    print(f"reference text (zh, 46 kB): median {ms:.1f} ms after warm-up (target < 20 ms)")
    print(
        f"synthetic 4 MB English resolution ({ops} operative paragraphs): {mbs:.2f} MB/s (target >= 2 MB/s)"
    )
    print(f"peak traced memory: {ratio:.1f}x the input (target < 10x)")


if __name__ == "__main__":
    main()

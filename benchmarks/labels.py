"""Benchmark: the trained labeller — model file size, load time, labelling the reference after load.

usage: .venv/bin/python benchmarks/labels.py [--runs N]

Measures, each in a fresh state where it matters:
- the size of the shipped model file and the time to read it (median of N reads, no cache);
- annotating the Chinese reference text (A/72/L.62, 123 paragraphs) with the model (``labels="model"``)
  after the model is loaded, its sentence embeddings already cached (the usual case: a document is encoded
  once, when it is first read), median of N runs;
- the same with the rules alone, for comparison;
- encoding the reference's 123 paragraphs when their embeddings are not cached (the sentence encoder's own
  cost, paid once per new text) and the encoder's first load.
Prints the load average beside the figures: the machine is shared.
"""

from __future__ import annotations

import argparse
import copy
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REFERENCE = Path(__file__).resolve().parents[1] / "src" / "gcts" / "data" / "corpus" / "A-72-L.62.zh.txt"


def _median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _annotate_ms(base: Any, runs: int, fn: Callable[[Any], object]) -> float:
    """Median milliseconds of ``fn`` on fresh copies of ``base`` (the copying is not timed)."""
    times = []
    for _ in range(runs):
        doc = copy.deepcopy(base)
        t0 = time.perf_counter()
        fn(doc)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    """Run the benchmark and print one line per figure."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("GCTS_HOME", tempfile.mkdtemp(prefix="gcts-bench-labels-"))
    from gcts.annotate import annotate
    from gcts.annotate.labelling import features
    from gcts.annotate.labelling.apply import load_model, shipped_model_path
    from gcts.annotate.labelling.modelfile import LabelModel
    from gcts.compare import embeddings
    from gcts.structure import parse_text

    path = shipped_model_path()
    print(f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.2f} at start")
    print(f"model file {path.name}: {path.stat().st_size / 1e6:.2f} MB")
    print(f"read the model: median {_median_ms(lambda: LabelModel.load(path), args.runs):.1f} ms")
    base = parse_text(REFERENCE.read_text(encoding="utf-8"), source=REFERENCE.name)
    texts = [p.text for p in base.paragraphs]
    t0 = time.perf_counter()
    embeddings._load_model().encode(["warm-up"])
    print(f"sentence encoder first load: {(time.perf_counter() - t0) * 1000:.0f} ms")
    print(f"encode {len(texts)} uncached paragraphs: "
          f"median {_median_ms(lambda: embeddings.EmbeddingCache(None).vectors(texts), 3):.0f} ms")
    features.embeddings(texts)  # cached from here on, as after a document's first reading
    model = load_model(path)
    annotate(copy.deepcopy(base), labels="model", model=model)
    with_model = _annotate_ms(base, args.runs, lambda doc: annotate(doc, labels="model", model=model))
    rules = _annotate_ms(base, args.runs, lambda doc: annotate(doc, labels="rules"))
    print(f"annotate the reference with the model, after load, embeddings cached: median {with_model:.1f} ms")
    print(f"annotate the reference with the rules alone: median {rules:.1f} ms")
    print(f"load average {os.getloadavg()[0]:.2f} at end")


if __name__ == "__main__":
    main()

"""Benchmark: paragraph alignment of two 100-paragraph documents, and lineage across nine documents.

usage: .venv/bin/python benchmarks/compare.py [--runs N]

1. Same language: the first 100 paragraphs of the Chinese reference text (A/72/L.62) against a version made
   from them by 10 random edits (gcts.compare.edits); ``gcts.compare.align`` timed N times after one warm-up.
2. Across languages: the same 100 Chinese paragraphs against 100 English paragraphs of the bundled English
   resolutions; the first run encodes the paragraphs (model load + embeddings, reported apart), the N timed
   runs use the per-paragraph embedding cache, as the issue's target says.
3. Lineage: nine versions of the reference (each 4 random edits from the one before) added to a temporary
   collection as the nine Strategy reviews; ``gcts.compare.lineage.lineage`` of one operative paragraph of
   the newest, timed N times from a cold state (new Collection object: documents re-read from JSON, no
   alignment cached).
Prints medians (and min/max) in ms; GCTS_HOME is a temporary folder, so the user's data is untouched.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from gcts.compare.collection import Collection
from gcts.model import Resolution
from gcts.reading import load

CORPUS = Path(__file__).resolve().parents[1] / "src" / "gcts" / "data" / "corpus"
# The Strategy and its reviews, in order, as the series data of the collection knows them.
REVIEWS = tuple(m.symbol for m in Collection(Path(tempfile.gettempdir())).series["gcts-review"].members)


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """Median, min and max wall time of ``fn`` over ``runs`` calls, in ms."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), min(times), max(times)


def first_100(res: Resolution) -> Resolution:
    """The first 100 paragraphs of ``res`` (preamble first), as a document of their own."""
    keep = res.paragraphs[:100]
    return Resolution(
        language=res.language,
        heading=res.heading,
        source=res.source,
        preamble=[p for p in keep if p.part == "preamble"],
        operative=[p for p in keep if p.part == "operative"],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    os.environ["GCTS_HOME"] = tempfile.mkdtemp(prefix="gcts-bench-")
    from gcts.compare import align
    from gcts.compare.edits import edit
    from gcts.compare.lineage import _alignments, lineage
    from gcts.formats.json_format import to_json

    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}")
    zh = load(CORPUS / "A-72-L.62.zh.txt", language="zh", symbol="A/72/L.62")
    a = first_100(zh)
    pool = [p.text for p in zh.paragraphs[100:]]
    b = edit(a, random.Random(1), n_edits=10, insert_pool=pool).resolution
    align(a, b)
    med, lo, hi = timed(lambda: align(a, b), args.runs)
    print(
        f"align zh 100 x {len(b.paragraphs)} (same language): "
        f"median {med:.1f} ms (min {lo:.1f}, max {hi:.1f})"
    )

    english = [
        p
        for n in ("A-RES-73-3.en.txt", "A-RES-73-6.en.txt", "A-RES-73-7.en.txt", "A-RES-73-8.en.txt")
        for p in load(CORPUS / n, language="en").paragraphs
    ][:100]
    en = Resolution(
        language="en",
        preamble=[p for p in english if p.part == "preamble"],
        operative=[p for p in english if p.part == "operative"],
    )
    t0 = time.perf_counter()
    align(a, en)
    cold = (time.perf_counter() - t0) * 1000
    med, lo, hi = timed(lambda: align(a, en), args.runs)
    print(
        f"align zh 100 x en {len(en.paragraphs)} (cross-language): first run {cold:.0f} ms (model load + "
        f"encoding); cached median {med:.1f} ms (min {lo:.1f}, max {hi:.1f})"
    )

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        versions = [zh]
        rng = random.Random(7)
        for _ in range(8):
            versions.append(
                edit(
                    versions[-1],
                    rng,
                    n_edits=4,
                    insert_pool=pool,
                    operations=["reword", "insert", "delete", "move", "split", "merge"],
                ).resolution
            )
        setup = Collection(home)
        for k, res in enumerate(versions):
            f = home / f"v{k}.json"
            f.write_text(to_json(res), encoding="utf-8")
            setup.add(f, symbol=REVIEWS[k])
        newest = setup.load(REVIEWS[-1] + "@zh")
        para = newest.operative[len(newest.operative) // 2].id

        def run() -> object:
            _alignments.clear()
            return lineage(Collection(home), REVIEWS[-1] + "@zh", para, include_drafts=False)

        result = run()
        assert isinstance(result.to_dict(), dict)
        med, lo, hi = timed(run, args.runs)
        print(
            f"lineage of {para} across 9 documents ({len(result.steps)} steps found): median {med:.1f} ms "
            f"(min {lo:.1f}, max {hi:.1f})"
        )


if __name__ == "__main__":
    main()

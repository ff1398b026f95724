"""The same two documents give the same alignment scores in every process.

Regression: n-gram keys were Python string hashes, salted per process, so the order in which the cosine summed
its terms — and the last digits of every score — changed from run to run (found by comparing runs of the
aligner under two PYTHONHASHSEED values).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROGRAM = """
import json
from gcts.compare.similarity import NgramScorer
from tests.compare.compare_documents import reference_zh
texts = [p.text for p in reference_zh().paragraphs]
b = [t.replace("会员国", "各国", 1) for t in texts[5:65]]
print(json.dumps(NgramScorer(texts[:60], b, "zh").matrix().tolist()))
"""


def _scores(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    return done.stdout


def test_ngram_scores_do_not_depend_on_the_process_hash_seed() -> None:
    first = _scores("1")
    assert len(first) > 1000  # a 60 x 60 matrix, not an empty answer
    assert _scores("2") == first

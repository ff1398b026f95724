"""Benchmark: name-pair matching, gcts against nomenklatura's logic-v2, side by side in one run.

usage: .venv/bin/python benchmarks/screening_names.py [PAIRS.csv] [--write-model] [--no-peer] [--repeat N]
(logic-v2 needs the benchmark extra: pip install -e ".[bench]")

PAIRS.csv has name_bench's columns (schema, name1, name2, is_match …); default ../shared/screening/
name_bench.dev.csv. The pairs are split once by a hash of the pair (a quarter held out).
``--write-model`` fits
gcts's logistic model on the training three quarters only (threshold chosen by 5-fold cross-validation on
them)
and writes ``src/gcts/screening/data/name_model.json``. The report: 5-fold cross-validated F1 on the training
split, F1 on the held-out split (never fitted on), F1 on all pairs, and pairs per second for gcts and for
logic-v2 (PyPI ``nomenklatura``, a benchmark-only install: ``pip install nomenklatura``) on the same pairs.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from gcts.screening.name_model import MODEL_FILE, NameModel, fit, name_model
from gcts.screening.names import FEATURE_SIGNS, FEATURES, compare_forms, features
from gcts.screening.normalise import kind_of, name_form

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "screening" / "name_bench.dev.csv"
HELD_OUT_SHARE = 4  # one pair in four


def held_out(row: dict[str, str]) -> bool:
    digest = hashlib.sha256(f"{row['name1']}\x1f{row['name2']}".encode()).digest()
    return digest[0] % HELD_OUT_SHARE == 0


def f1(predicted: list[bool], truth: list[bool]) -> tuple[float, float, float]:
    tp = sum(p and t for p, t in zip(predicted, truth, strict=True))
    fp = sum(p and not t for p, t in zip(predicted, truth, strict=True))
    fn = sum(t and not p for p, t in zip(predicted, truth, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def feature_rows(rows: list[dict[str, str]]) -> list[dict[str, float]]:
    out = []
    for r in rows:
        kind = kind_of(r["schema"])
        out.append(features(name_form(r["name1"], kind), name_form(r["name2"], kind))[0])
    return out


def cross_validate(rows: list[dict[str, str]], folds: int = 5) -> tuple[list[float], list[bool]]:
    """Out-of-fold scores for each row (each fold's model fitted on the other folds)."""
    x = feature_rows(rows)
    y = [r["is_match"] == "true" for r in rows]
    scores = [0.0] * len(rows)
    for k in range(folds):
        train = [i for i in range(len(rows)) if i % folds != k]
        model = fit(FEATURES, [x[i] for i in train], [y[i] for i in train], signs=FEATURE_SIGNS)
        for i in range(k, len(rows), folds):
            scores[i] = model.predict(x[i])[0]
    return scores, y


def best_threshold(scores: list[float], truth: list[bool]) -> float:
    candidates = [t / 100 for t in range(20, 81)]
    return max(candidates, key=lambda t: (f1([s >= t for s in scores], truth)[2], -abs(t - 0.5)))


def score_gcts(rows: list[dict[str, str]], model: NameModel) -> tuple[list[bool], float]:
    start = time.perf_counter()
    out = []
    for r in rows:
        kind = kind_of(r["schema"])
        out.append(
            compare_forms(name_form(r["name1"], kind), name_form(r["name2"], kind), model).score
            >= model.threshold
        )
    return out, time.perf_counter() - start


_IDS = itertools.count()


def score_logic_v2(rows: list[dict[str, str]]) -> tuple[list[bool], float]:
    """logic-v2's verdicts at its threshold 0.7. Entity ids are never reused: nomenklatura caches by id, and a
    reused id would score a new pair with an earlier pair's names."""
    from followthemoney import model as ftm
    from nomenklatura.matching import LogicV2
    from nomenklatura.matching.types import ScoringConfig

    config = ScoringConfig.defaults()
    start = time.perf_counter()
    out = []
    for r in rows:
        left, right = ftm.make_entity(r["schema"]), ftm.make_entity(r["schema"])
        left.id, right.id = f"l{next(_IDS)}", f"r{next(_IDS)}"
        left.add("name", r["name1"])
        right.add("name", r["name2"])
        out.append(LogicV2.compare(left, right, config).score >= 0.7)
    return out, time.perf_counter() - start


def line(label: str, predicted: list[bool], truth: list[bool]) -> str:
    p, r, f = f1(predicted, truth)
    return f"  {label:<34} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (n={len(truth)})"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("pairs", nargs="?", default=str(DEFAULT))
    parser.add_argument("--write-model", action="store_true")
    parser.add_argument("--no-peer", action="store_true", help="skip logic-v2")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the pairs for the speed figure")
    parser.add_argument("--time-one", choices=["gcts", "logic-v2"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.time_one:
        with open(args.pairs, encoding="utf-8", newline="") as handle:
            pairs = list(csv.DictReader(handle))
        model = name_model()
        took = score_gcts(pairs, model)[1] if args.time_one == "gcts" else score_logic_v2(pairs)[1]
        print(json.dumps({"pairs_per_second": len(pairs) / took}))
        return
    with open(args.pairs, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    train = [r for r in rows if not held_out(r)]
    test = [r for r in rows if held_out(r)]
    print(f"{platform.node()} {os.cpu_count()} cores, load average {os.getloadavg()}")
    print(f"{len(rows)} pairs from {args.pairs}: {len(train)} training, {len(test)} held out")

    cv_scores, cv_truth = cross_validate(train)
    threshold = best_threshold(cv_scores, cv_truth)
    if args.write_model:
        model = fit(
            FEATURES,
            feature_rows(train),
            cv_truth,
            signs=FEATURE_SIGNS,
            trained_on=f"{Path(args.pairs).name}, training split",
        )
        model = NameModel(
            model.features, model.weights, model.means, model.scales, model.bias, threshold, model.trained_on
        )
        model.save(ROOT / "src" / "gcts" / "screening" / "data" / MODEL_FILE)
        print(f"wrote {MODEL_FILE} (threshold {threshold:.2f} from cross-validation)")
        name_model.cache_clear()
    model = name_model()
    truth_test = [r["is_match"] == "true" for r in test]
    truth_all = [r["is_match"] == "true" for r in rows]
    print("gcts")
    print(line(f"5-fold CV on training (t={threshold:.2f})", [s >= threshold for s in cv_scores], cv_truth))
    print(line("held out (never fitted on)", score_gcts(test, model)[0], truth_test))
    print(line("all pairs", score_gcts(rows, model)[0], truth_all))
    if not args.no_peer:
        peer_test, _ = score_logic_v2(test)
        peer_all, _ = score_logic_v2(rows)
        print("nomenklatura logic-v2 (threshold 0.7)")
        print(line("held out", peer_test, truth_test))
        print(line("all pairs", peer_all, truth_all))
    # speed: one cold pass over all pairs in a fresh process each, the two matchers in turn (A B A B …)
    speeds: dict[str, list[float]] = {"gcts": [], "logic-v2": []}
    for _ in range(args.repeat):
        for matcher in ("gcts", *(() if args.no_peer else ("logic-v2",))):
            out = subprocess.run([sys.executable, __file__, args.pairs, "--time-one", matcher],
                                 capture_output=True, text=True, check=True).stdout
            speeds[matcher].append(json.loads(out.strip().splitlines()[-1])["pairs_per_second"])
    ours = statistics.median(speeds["gcts"])
    print(f"speed: one cold pass over {len(rows)} pairs in a fresh process each, median of {args.repeat}")
    print(f"  gcts      {ours:9.1f} pairs/s   runs {[round(x, 1) for x in speeds['gcts']]}")
    if speeds["logic-v2"]:
        peer = statistics.median(speeds["logic-v2"])
        print(f"  logic-v2  {peer:9.1f} pairs/s   runs {[round(x, 1) for x in speeds['logic-v2']]}")
        print(f"  ratio     {ours / peer:9.1f}x")
    print(f"load average {os.getloadavg()}")


if __name__ == "__main__":
    main()

"""Benchmark: screening records — recall on listed persons, false hits on non-listed persons, and speed.

usage: .venv/bin/python benchmarks/screening_records.py [--threshold T] [--seed S] [--synthetic N]
       .venv/bin/python benchmarks/screening_records.py --make-big OUT.csv [--size 50000]

1. The shared samples (``../shared/screening/people.{positives,negatives}.dev.csv``), split by a hash of the
   row into a tuning part (three quarters) and a held-out part: share of listed persons with a hit at the
   threshold, and of non-listed persons with any hit.
2. Synthetic listed persons with a known list entry, made from the shipped list with seed S (a seed never used
   for tuning — the default is the date): typos, reordered names, a dropped middle name, an alias instead of
   the main name, a year instead of the date of birth. Recall = the right entry is the first hit.
3. ``--make-big`` writes a CSV of N records (non-listed persons, names varied, one in a hundred a listed
   person with typos) for timing ``gcts screen`` (see docs/benchmarks.md for the farm-bench command).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import hashlib
import os
import random
import time
from pathlib import Path

from gcts.screening.consolidated_list import read_consolidated_list, shipped_list_path
from gcts.screening.evidence import PartialDate
from gcts.screening.index import ListIndex
from gcts.screening.inputs import read_records
from gcts.screening.listing import ListEntry
from gcts.screening.records import Record
from gcts.screening.screen import DEFAULT_THRESHOLD, screen_records

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "screening"


def held_out(record: Record) -> bool:
    return hashlib.sha256(f"{record.name}\x1f{record.row}".encode()).digest()[0] % 4 == 0


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice(("swap", "drop", "double", "replace"))
    if op == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == "drop":
        return word[:i] + word[i + 1 :]
    if op == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeioulnrst") + word[i + 1 :]


def variant(entry: ListEntry, rng: random.Random, row: int) -> Record:
    names = [n for n in entry.names if n.quality in ("primary", "good")] or list(entry.names)
    name = rng.choice(names).name if rng.random() < 0.3 else entry.names[0].name
    words = name.split()
    if len(words) > 3 and rng.random() < 0.3:
        del words[rng.randrange(1, len(words) - 1)]  # a middle name left out
    words = [typo(w, rng) if rng.random() < 0.35 else w for w in words]
    if len(words) > 1 and rng.random() < 0.3:
        words = [words[-1] + ",", *words[:-1]]  # "SURNAME, Given"
    dob = None
    stated = [d for d in entry.birth_dates if d.years()]
    if stated and rng.random() < 0.8:
        d = rng.choice(stated)
        if d.date and rng.random() < 0.5:
            y, m, day = (int(x) for x in d.date.split("-"))
            dob = PartialDate(y, m or None, day or None) if m else PartialDate(y)
        else:
            dob = PartialDate(d.years()[0])  # type: ignore[index]
    return Record(
        row=row,
        name=" ".join(words),
        date_of_birth=dob,
        nationality=entry.nationalities[0] if entry.nationalities and rng.random() < 0.6 else "",
        extra={"reference_number": entry.reference_number},
    )


def synthetic(index: ListIndex, n: int, seed: int) -> list[Record]:
    rng = random.Random(seed)
    people = [e for e in index.entries if e.kind == "individual"]
    return [variant(rng.choice(people), rng, row) for row in range(1, n + 1)]


def rates(label: str, records: list[Record], index: ListIndex, threshold: float) -> list:  # type: ignore[type-arg]
    results = screen_records(records, index, threshold)
    hit = sum(1 for r in results if r.hits)
    print(f"  {label:<46} {hit}/{len(records)} with a hit = {hit / max(len(records), 1):.3f}")
    return results


def make_big(path: Path, size: int, seed: int) -> None:
    rng = random.Random(seed)
    negatives = read_records(SHARED / "people.negatives.dev.csv")
    index = ListIndex(read_consolidated_list(shipped_list_path()))
    people = [e for e in index.entries if e.kind == "individual"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["full_name", "date_of_birth", "nationality", "gender"])
        for row in range(1, size + 1):
            if row % 100 == 0:
                r = variant(rng.choice(people), rng, row)
            else:
                r = rng.choice(negatives)
                words = r.name.split()
                rng.shuffle(words)
                r = Record(
                    row,
                    " ".join(typo(w, rng) if rng.random() < 0.3 else w for w in words),
                    date_of_birth=r.date_of_birth,
                    nationality=r.nationality,
                    gender=r.gender,
                )
            writer.writerow(
                [r.name, r.date_of_birth.iso() if r.date_of_birth else "", r.nationality, r.gender]
            )
    print(f"wrote {size} records to {path}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--seed", type=int, default=int(datetime.date.today().strftime("%Y%m%d")))
    parser.add_argument("--synthetic", type=int, default=1000)
    parser.add_argument("--make-big", type=Path)
    parser.add_argument("--size", type=int, default=50_000)
    args = parser.parse_args()
    if args.make_big:
        make_big(args.make_big, args.size, args.seed)
        return
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()}, threshold {args.threshold}")
    start = time.perf_counter()
    index = ListIndex(read_consolidated_list(shipped_list_path()))
    print(f"index of {len(index.names)} names in {time.perf_counter() - start:.2f} s")
    for kind in ("positives", "negatives"):
        path = SHARED / f"people.{kind}.dev.csv"
        if not path.exists():
            continue
        records = read_records(path)
        print(f"{kind} ({path.name})")
        rates("tuning part", [r for r in records if not held_out(r)], index, args.threshold)
        rates("held-out part", [r for r in records if held_out(r)], index, args.threshold)
    records = synthetic(index, args.synthetic, args.seed)
    results = screen_records(records, index, args.threshold)
    first = sum(
        1 for r in results if r.hits and r.hits[0].reference_number == r.record.extra["reference_number"]
    )
    anywhere = sum(
        1 for r in results if any(h.reference_number == r.record.extra["reference_number"] for h in r.hits)
    )
    print(f"synthetic listed persons (seed {args.seed}, n={len(records)})")
    print(
        f"  right entry first {first / len(records):.3f}, anywhere in the hits {anywhere / len(records):.3f}"
    )
    misses = [
        r
        for r in results
        if not (r.hits and r.hits[0].reference_number == r.record.extra["reference_number"])
    ]
    for r in misses[:8]:
        top = f"{r.hits[0].reference_number} {r.hits[0].name} {r.hits[0].score:.2f}" if r.hits else "no hit"
        print(f"    miss: {r.record.name!r} ({r.record.extra['reference_number']}) → {top}")
    print(f"load average {os.getloadavg()}")


if __name__ == "__main__":
    main()

"""``gcts names score PAIRS.csv -o OUT.csv``: score name pairs in name_bench's form.

PAIRS.csv needs the columns ``schema, name1, name2`` (``schema``: Person, Company, Organization, LegalEntity,
Vessel …); every other column is kept. OUT.csv adds ``score`` (0–1), ``match`` (true/false at the tool's
threshold) and ``explanation``.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import click

from gcts.errors import InputError, OutputError
from gcts.screening.name_model import name_model
from gcts.screening.names import compare_names
from gcts.screening.normalise import kind_of

REQUIRED = ("schema", "name1", "name2")


@click.group("names")
def command() -> None:
    """Name matching: score pairs of names in any script."""


@command.command("score")
@click.argument("pairs", type=click.Path(dir_okay=False))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Output CSV (standard output if omitted)."
)
@click.option("--threshold", type=float, default=None, help="Match threshold (default: the model's).")
def score(pairs: str, output: str | None, threshold: float | None) -> None:
    """Add score, match and explanation columns to the name pairs of PAIRS.csv."""
    cut = name_model().threshold if threshold is None else threshold
    try:
        handle = open(pairs, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=pairs) from exc
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"missing column(s) {', '.join(missing)}", file=pairs, line=1)
        rows = []
        try:
            for row in reader:
                rows.append(row)
        except (csv.Error, UnicodeDecodeError) as exc:
            raise InputError(f"not a readable CSV: {exc}", file=pairs, line=reader.line_num) from exc
    fields = [*(reader.fieldnames or []), "score", "match", "explanation"]
    try:
        out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", file=output) from exc
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    for number, row in enumerate(rows, start=2):
        if not (row.get("name1") or "").strip() or not (row.get("name2") or "").strip():
            raise InputError(
                "empty name", file=pairs, line=number, field="name1" if not row.get("name1") else "name2"
            )
        result = compare_names(row["name1"], row["name2"], kind_of(row["schema"] or "Person"))
        row.update(
            score=f"{result.score:.4f}",
            match="true" if result.score >= cut else "false",
            explanation=result.explain_text(),
        )
        writer.writerow(row)
    if output:
        out.close()
        click.echo(f"{len(rows)} pairs scored → {Path(output)}", err=True)

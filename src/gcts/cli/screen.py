"""``gcts screen INPUT``: screen a customer list, transfer file or passenger manifest against the UN list.

INPUT is CSV, XLSX or a UN/EDIFACT PAXLST manifest. Columns are recognised by name (full_name or
first_name/middle_name/last_name, date_of_birth, nationality, gender, place_of_birth, document_number,
schema);
``--map "Column=field"`` names others. Output (``--format``): ``jsonl`` — one line per record,
``{"row": N, "matches": [...]}`` with matches best first at or above the threshold; ``csv`` and ``xlsx`` — one
line per match (a record without matches has one line with empty match columns). Nothing leaves the machine:
large inputs (``--dask auto``, from 200,000 records) run on a local Dask cluster of worker processes; only
``--scheduler ADDRESS`` sends partitions to a cluster you name.
"""

from __future__ import annotations

import contextlib
import csv
import json
import sys
import time
from pathlib import Path
from typing import Any

import click

from gcts.errors import InputError, OutputError
from gcts.screening.consolidated_list import read_consolidated_list, shipped_list_path
from gcts.screening.index import ListIndex
from gcts.screening.inputs import read_records
from gcts.screening.records import Record
from gcts.screening.screen import DEFAULT_THRESHOLD, screen_records

DASK_FROM = 200_000
COLUMNS = ("row", "input_name", "reference_number", "score", "name", "explanation")


def _mapping(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        column, sep, fld = pair.rpartition("=")
        if not sep or not column or not fld:
            raise click.UsageError(f"--map {pair!r}: expected COLUMN=FIELD")
        out[column] = fld.strip()
    return out


def _table(records: list[Record], results: list[dict[str, Any]]) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for record, result in zip(records, results, strict=True):
        if not result["matches"]:
            rows.append([result["row"], record.name, "", "", "", ""])
        for m in result["matches"]:
            rows.append(
                [result["row"], record.name, m["reference_number"], m["score"], m["name"], m["explanation"]]
            )
    return rows


def _write(records: list[Record], results: list[dict[str, Any]], fmt: str, output: str | None) -> None:
    if fmt == "xlsx" and not output:
        raise click.UsageError("--format xlsx needs -o FILE")
    try:
        if fmt == "xlsx":
            from openpyxl import Workbook

            book = Workbook(write_only=True)
            sheet = book.create_sheet("screening")
            sheet.append(list(COLUMNS))
            for row in _table(records, results):
                sheet.append(row)
            book.save(str(output))
            return
        handle = open(output, "w", encoding="utf-8", newline="") if output else None  # noqa: SIM115
        with handle or contextlib.nullcontext(sys.stdout) as out:
            if fmt == "jsonl":
                for result in results:
                    out.write(json.dumps(result, ensure_ascii=False) + "\n")
            else:
                writer = csv.writer(out)
                writer.writerow(COLUMNS)
                writer.writerows(_table(records, results))
            out.flush()
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", file=output) from exc


@click.command("screen")
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False))
@click.option(
    "--list",
    "list_path",
    type=click.Path(dir_okay=False),
    help="Consolidated List XML (default: the snapshot shipped with gcts).",
)
@click.option("--threshold", type=click.FloatRange(0, 1), default=DEFAULT_THRESHOLD, show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv", "xlsx"]), default="jsonl", show_default=True
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Output file (standard output if omitted)."
)
@click.option("--map", "mapping", multiple=True, metavar="COLUMN=FIELD", help="Name an input column's field.")
@click.option("--scheduler", help="Dask scheduler address to run partitions on.")
@click.option(
    "--dask",
    "use_dask",
    type=click.Choice(["auto", "yes", "no"]),
    default="auto",
    show_default=True,
    help=f"Run on a local Dask cluster (auto: from {DASK_FROM:,} records).",
)
@click.option("--quiet", is_flag=True, help="No progress on standard error.")
def command(
    input_path: str,
    list_path: str | None,
    threshold: float,
    fmt: str,
    output: str | None,
    mapping: tuple[str, ...],
    scheduler: str | None,
    use_dask: str,
    quiet: bool,
) -> None:
    """Screen the records of INPUT against the UN Security Council Consolidated List."""
    started = time.perf_counter()
    records = read_records(input_path, _mapping(mapping))
    if not records:
        raise InputError("no records to screen", file=input_path)
    list_file = str(list_path or shipped_list_path())
    listing = read_consolidated_list(list_file)  # read here too: a bad list fails before any work starts

    def progress(done: int, total: int) -> None:
        if not quiet:
            click.echo(f"\rscreened {done:,}/{total:,} records", nl=done == total, err=True)

    if scheduler or use_dask == "yes" or (use_dask == "auto" and len(records) >= DASK_FROM):
        from gcts.screening.distributed import screen_on_dask

        results = screen_on_dask(records, str(Path(list_file).resolve()), threshold, scheduler, progress)
    else:
        index = ListIndex(listing)
        results = [r.to_json() for r in screen_records(records, index, threshold, progress)]
    _write(records, results, fmt, output)
    if not quiet:
        hits = sum(1 for r in results if r["matches"])
        click.echo(
            f"{len(records):,} records against {len(listing.entries):,} list entries "
            f"({listing.snapshot_date}): {hits:,} with matches at ≥ {threshold:.2f}, "
            f"{time.perf_counter() - started:.1f} s",
            err=True,
        )

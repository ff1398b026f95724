"""``gcts report KIND``: a report built from a snapshot of the store, written as HTML, PDF or DOCX.

``KIND`` is one of :data:`gcts.report.KINDS` (``whats-new``, ``progress`` …). The store is read once into a
snapshot (kept under ``GCTS_HOME/snapshots``, its id printed); ``--snapshot ID`` rebuilds a report from a
snapshot taken before, so the figures are the same. Progress is shown on standard error.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from gcts.cli.options import LANGUAGE
from gcts.cli.output import write_output
from gcts.report import FORMATS, KINDS, Options, produce
from gcts.report import snapshot as snapshots
from gcts.report.snapshot import AUDIENCES


def _format(fmt: str | None, output: Path) -> str:
    if fmt:
        return fmt
    suffix = output.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    raise click.UsageError(f"cannot tell the format from {output.name!r}: give --format {'|'.join(FORMATS)}")


@click.command("report")
@click.argument("kind", type=click.Choice(sorted(KINDS)))
@click.option(
    "--lang", "language", type=LANGUAGE, default="en", show_default=True, help="language of the report"
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="output format (default: from -o's suffix)")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="file to write")
@click.option(
    "--snapshot", "snapshot_ref", help="rebuild from this snapshot (id or file) instead of the store"
)
@click.option(
    "--audience",
    type=click.Choice(AUDIENCES),
    default="public",
    show_default=True,
    help="public: restricted records left out and small cells suppressed",
)
@click.option(
    "--document",
    "documents",
    multiple=True,
    help="the document(s) the report is about, e.g. A/RES/75/291@en (whats-new: twice)",
)
@click.option("--base-url", default="", help="web address of gcts that the report's links point to")
@click.option("--no-duplicates", is_flag=True,
              help="leave out the search for duplicated activities (it embeds every new description)")
@click.option("--quiet", is_flag=True, help="no progress bar")
def command(
    kind: str,
    language: str,
    fmt: str | None,
    output: Path,
    snapshot_ref: str | None,
    audience: str,
    documents: tuple[str, ...],
    base_url: str,
    no_duplicates: bool,
    quiet: bool,
) -> None:
    """Write the report KIND (quarterly, annual, progress, whats-new) from a snapshot of the data."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    fmt = _format(fmt, output)
    console = Console(stderr=True)
    with Progress(
        TextColumn("[bold]{task.fields[stage]}[/]"),
        BarColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=quiet,
    ) as bar:
        task = bar.add_task("", total=1.0, stage="snapshot")

        def step(stage: str, start: float, width: float) -> Callable[[float, str], None]:
            def update(fraction: float, message: str) -> None:
                bar.update(task, completed=start + width * fraction, description=message, stage=stage)

            return update

        if snapshot_ref:
            snap = snapshots.load(snapshot_ref)
        else:
            from gcts.cli.serve import _django, prepare

            _django()
            prepare(load=True, quiet=True)
            from gcts.web.dashboard.collect import snapshot as collect

            snap = collect(audience=audience, progress=step("snapshot", 0.0, 0.3))
            snapshots.save(snap)
        data = produce(
            kind,
            snap,
            language,
            fmt,
            options=Options(base_url=base_url, documents=documents, duplicates=not no_duplicates),
            progress=step(kind, 0.3, 0.7),
        )
    write_output(output, data)
    if not quiet:
        click.echo(f"gcts: {kind} report written to {output} (snapshot {snap.id}, {snap.taken_on})", err=True)

"""``gcts corpus add FILE…``, ``gcts corpus list`` and ``gcts corpus citations``: the store's documents.

``add`` reads and annotates each file (text, PDF, Word, AKN, gcts JSON), finds its symbol (or takes
``--symbol``), places it in its series (the Strategy reviews are known), and stores it in the store the web
shows (SQLite under ``$GCTS_HOME``, or ``DATABASE_URL``). ``list`` shows the bundled corpus and what was
added, by series and place.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import click

from gcts.cli.options import LANGUAGE
from gcts.cli.store import open_collection
from gcts.errors import GctsError


@click.group("corpus")
def command() -> None:
    """The store's documents (the same as the web library's), used by compare and lineage."""


@command.command("add")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--symbol", help="Symbol of the document when its text does not print it (one file only).")
@click.option("--lang", "language", type=LANGUAGE, help="Language, when it cannot be detected.")
@click.option("--series", help="Series id (e.g. gcts-review) when the symbol is not a known member.")
@click.option("--place", type=int, help="Place in the series (with --series).")
@click.option(
    "--partial",
    is_flag=True,
    help="Accept a text that stops early (a first page); it is kept as an excerpt, as bundled ones are.",
)
def add(
    files: tuple[Path, ...],
    symbol: str | None,
    language: str | None,
    series: str | None,
    place: int | None,
    partial: bool,
) -> None:
    """Add FILES to the store (all or none: if one cannot be read, nothing is added)."""
    if symbol and len(files) > 1:
        raise click.UsageError("--symbol names one document: give one file with it")
    from gcts.library.pipeline import read_with_symbol

    first_error: GctsError | None = None
    read = []
    for f in files:  # every file is read before any is stored: one bad file leaves the store unchanged
        try:
            read.append((f, read_with_symbol(f, symbol=symbol, language=language, partial=partial)))
        except GctsError as exc:
            click.echo(f"gcts: error: {exc}", err=True)
            first_error = first_error or exc
    if first_error is not None:
        if read:
            failed = len(files) - len(read)
            click.echo(f"gcts: nothing added: {failed} of {len(files)} files failed", err=True)
        sys.exit(first_error.exit_code)
    collection = open_collection()
    prepared = [collection.prepare(res, source=f, series=series, place=place) for f, res in read]
    collection.store(prepared)
    for e in (p.entry for p in prepared):
        where = f"{e.series} place {e.place}" if e.series else "no series"
        click.echo(f"added {e.id} ({where}; {e.paragraphs} paragraphs{'; partial' if e.partial else ''})")


@command.command("list")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
def list_(fmt: str) -> None:
    """List the documents: id, series and place, kind, where it comes from."""
    entries = open_collection().entries()
    if fmt == "json":
        click.echo(json.dumps([asdict(e) for e in entries], ensure_ascii=False, indent=2))
        return
    for e in entries:
        where = f"{e.series}#{e.place}" if e.series else "-"
        origin = ("bundled" if e.bundled else "added") if e.stored else "listed"
        flags = " (partial)" if e.partial else ""
        click.echo(f"{e.id:<22} {where:<15} {e.kind:<17} {origin}{flags}  {e.title or ''}")


@command.command("citations")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "json"]),
    default="md",
    show_default=True,
    help="Output format.",
)
def citations(fmt: str) -> None:
    """The citation graph of the collection: what each document cites, and what is cited but not in it."""
    from gcts.annotate import annotate
    from gcts.annotate.citations import build

    collection = open_collection()
    documents = []
    excerpts: set[str] = set()  # documents held only as an opening excerpt: known, but not read for citations
    for e in collection.entries():
        if e.partial:
            excerpts.add(e.symbol)
            continue
        res = collection.load(e.id)
        if not any(p.annotations.opening for p in res.paragraphs):
            annotate(res)
        documents.append(res)
    graph = build(documents)
    missing = {s: docs for s, docs in graph.missing().items() if s not in excerpts}
    if fmt == "json":
        data = {
            "documents": {doc: sorted(names) for doc, names in sorted(graph.documents.items())},
            "cites": {
                doc: {s: ids for s, ids in sorted(out.items())} for doc, out in sorted(graph.edges.items())
            },
            "missing": missing,
            "excerpts": sorted(excerpts),
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for doc in sorted(graph.edges):
        targets = graph.cites(doc)
        click.echo(f"## {doc} cites {len(targets)} documents")
        for s in targets:
            flag = (
                "  (not in the collection)" if s in missing else "  (excerpt only)" if s in excerpts else ""
            )
            click.echo(f"- {s}: {', '.join(graph.edges[doc][s])}{flag}")
        click.echo()
    click.echo(
        f"{len(missing)} cited documents are not in the collection; add them with `gcts corpus add FILE`."
    )

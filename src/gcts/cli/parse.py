"""``gcts parse``: read resolutions (text, PDF, AKN, JSON) and write them as JSON, Markdown or Akoma Ntoso.

One file goes to standard output (or ``-o FILE``); several files, or a folder, are read in batch with a
progress bar and written one output per input into the folder ``-o`` names. For each document a one-line
summary goes to standard error: language, counts of preambular and operative paragraphs and footnotes, and
the number of warnings. Bad input stops with a one-line message and the error's exit code (see
:mod:`gcts.cli`); in a batch, the other files are still read and the exit code is that of the first error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from gcts.cli.options import LANGUAGE
from gcts.cli.output import output_folder, write_output
from gcts.errors import GctsError, InputError
from gcts.formats import EXTENSIONS, formats, write
from gcts.model import Resolution
from gcts.reading import MAX_BYTES, load

#: Files a folder is searched for in batch mode.
PATTERNS = ("*.txt", "*.pdf", "*.docx", "*.xml", "*.akn", "*.json")


def _inputs(names: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for name in names:
        p = Path(name)
        if name != "-" and p.is_dir():
            found = sorted({str(f) for pat in PATTERNS for f in p.glob(pat) if f.is_file()})
            if not found:
                raise InputError("folder holds no .txt, .pdf, .docx, .xml, .akn or .json file", file=name)
            out.extend(found)
        else:
            out.append(name)
    return out


def summary(res: Resolution, name: str) -> str:
    """The one-line summary of a parsed document."""
    warnings = sum(1 for q in res.quality if q.severity != "info")
    partial = ", partial" if any(q.code == "partial" for q in res.quality) else ""
    return (
        f"{name}: {res.language}{partial}, {len(res.preamble)} preambular, {len(res.operative)} operative, "
        f"{len(res.footnotes)} footnotes, {warnings} warning{'s' if warnings != 1 else ''}"
    )


def _annotate(res: Resolution) -> None:
    try:
        from gcts.annotate import annotate
    except ImportError:  # annotation is optional: structure alone is still useful
        return
    annotate(res)


def _one(
    name: str, lang: str | None, symbol: str | None, max_bytes: int, annotate: bool, partial: bool = False
) -> Resolution:
    res = load(name, language=lang, symbol=symbol, max_bytes=max_bytes, partial=partial)
    if annotate:
        _annotate(res)
    return res


@click.command("parse")
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--lang", "lang", type=LANGUAGE, default=None, help="Language of the input; detected if not given."
)
@click.option(
    "--symbol", default=None, help="Document symbol to use when the text does not print it (e.g. A/72/L.62)."
)
@click.option(
    "--format", "fmt", type=click.Choice(formats()), default="json", show_default=True, help="Output format."
)
@click.option(
    "-o",
    "--output",
    default=None,
    help="Output file (one input), or folder (several inputs, or an existing folder); written whole or not "
    "at all.",
)
@click.option(
    "--annotate/--no-annotate",
    default=True,
    show_default=True,
    help="Add openings, references, actors, mandates, pillars and themes.",
)
@click.option(
    "--max-bytes",
    default=MAX_BYTES,
    show_default=True,
    type=click.IntRange(min=1),
    help="Refuse inputs above this size (bytes).",
)
@click.option(
    "--partial",
    is_flag=True,
    help="Accept a text that stops early (e.g. a resolution's first page): heading and the paragraphs it "
    "holds, with warnings saying what is missing.",
)
def command(
    files: tuple[str, ...],
    lang: str | None,
    symbol: str | None,
    fmt: str,
    output: str | None,
    annotate: bool,
    max_bytes: int,
    partial: bool,
) -> None:
    """Read resolutions and write them in a structured format (FILE: a file, '-' for stdin, or a folder)."""
    names = _inputs(files)
    batch = (
        len(names) > 1
        or any(Path(f).is_dir() for f in files if f != "-")
        or (output is not None and Path(output).is_dir())
    )
    if not batch:
        res = _one(names[0], lang, symbol, max_bytes, annotate, partial)
        text = write(res, fmt)
        if output:
            write_output(Path(output), text + "\n")
        else:
            click.echo(text)
        click.echo(summary(res, "<stdin>" if names[0] == "-" else names[0]), err=True)
        return
    _batch(names, lang, symbol, fmt, output, annotate, max_bytes, partial)


def output_names(names: list[str], extension: str) -> dict[str, str]:
    """The output file name of each input: its name with ``extension`` for its own extension — or added to
    the whole name when two inputs share a stem (``X.pdf`` and ``X.txt`` give ``X.pdf.json`` and
    ``X.txt.json``, never one overwriting the other)."""
    stems = [Path(n).name.rsplit(".", 1)[0] for n in names]
    shared = {s for s in stems if stems.count(s) > 1}
    pairs = zip(names, stems, strict=True)
    return {n: (Path(n).name if stem in shared else stem) + extension for n, stem in pairs}


def _batch(
    names: list[str],
    lang: str | None,
    symbol: str | None,
    fmt: str,
    output: str | None,
    annotate: bool,
    max_bytes: int,
    partial: bool = False,
) -> None:
    from rich.console import Console
    from rich.progress import Progress

    if not output:
        raise click.UsageError("several inputs need -o FOLDER (one output per input)")
    folder = output_folder(Path(output))
    targets = output_names(names, EXTENSIONS[fmt])
    first_error: GctsError | None = None
    console = Console(stderr=True)
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("parsing", total=len(names))
        for name in names:
            try:
                res = _one(name, lang, symbol, max_bytes, annotate, partial)
                target = folder / targets[name]
                write_output(target, write(res, fmt) + "\n")
                progress.console.print(summary(res, name), markup=False, highlight=False, soft_wrap=True)
            except GctsError as exc:
                progress.console.print(f"gcts: error: {exc}", markup=False, highlight=False, soft_wrap=True)
                first_error = first_error or exc
            progress.advance(task)
    if first_error is not None:
        sys.exit(first_error.exit_code)

"""``gcts compare A B``: align two documents, redline every pair and say what is new.

A and B are files (text, PDF, AKN, gcts JSON) or ids of the collection (``A/RES/72/284@zh``). The output is
Markdown (default), printable HTML, or JSON (``pairs``, ``added``, ``removed``, ``uncertain``, ``changes``,
``summary``); to standard output or ``-o FILE``. ``--ui-lang zh`` writes the redline's own words (headings,
legend, summary, reasons) in Chinese; the JSON keeps its English keys and reasons. Low-confidence pairs
and documents that look unrelated are reported on standard error as well as in the output.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import click

from gcts.cli.documents import annotate_quietly, partial_warning, resolve
from gcts.cli.options import LANGUAGE
from gcts.cli.output import write_output
from gcts.cli.store import open_collection
from gcts.compare.comparison import compare
from gcts.compare.redline import to_html, to_markdown


@click.command("compare")
@click.argument("a")
@click.argument("b")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "json"]),
    default="md",
    show_default=True,
    help="Markdown redline, printable HTML redline, or JSON.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here (default: stdout)."
)
@click.option("--lang-a", type=LANGUAGE, help="Language of A when it cannot be detected.")
@click.option("--lang-b", type=LANGUAGE, help="Language of B when it cannot be detected.")
@click.option("--symbol-a", help="Symbol of A when its text does not print it.")
@click.option("--symbol-b", help="Symbol of B when its text does not print it.")
@click.option(
    "--annotate/--no-annotate",
    default=True,
    show_default=True,
    help="Annotate both documents so the summary counts by pillar and theme.",
)
@click.option(
    "--ui-lang",
    "ui_lang",
    type=LANGUAGE,
    default="en",
    show_default=True,
    help="Language of the redline's own words (headings, legend, summary, reasons) in md and html output.",
)
def command(
    a: str,
    b: str,
    fmt: str,
    output: Path | None,
    lang_a: str | None,
    lang_b: str | None,
    symbol_a: str | None,
    symbol_b: str | None,
    annotate: bool,
    ui_lang: str,
) -> None:
    """Compare document A (older) with document B (newer, or another language).

    A partial document (e.g. the first page of a resolution) is accepted with a warning: the paragraphs it
    holds are aligned; the other document's paragraphs beyond its end have no counterpart and are listed as
    removed (or added), which the warning recalls."""
    collection = cache(open_collection)  # opened only when A or B is a stored document
    res_a = resolve(a, collection, language=lang_a, symbol=symbol_a, partial=True)
    res_b = resolve(b, collection, language=lang_b, symbol=symbol_b, partial=True)
    for res, name in ((res_a, a), (res_b, b)):
        warning = partial_warning(res, name)
        if warning:
            click.echo(
                f"gcts: warning: {warning} (paragraphs of the other document beyond its end count as "
                "removed or added)",
                err=True,
            )
    if annotate:
        annotate_quietly(res_a)
        annotate_quietly(res_b)
    cmp = compare(res_a, res_b)
    if fmt == "json":
        text = json.dumps(cmp.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "html":
        text = to_html(cmp, ui_language=ui_lang)
    else:
        text = to_markdown(cmp, ui_language=ui_lang)
    if output:
        write_output(output, text)
    else:
        click.echo(text, nl=False)
    for warning in cmp.alignment.warnings:
        click.echo(f"gcts: warning: {warning}", err=True)
    counts = cmp.summary.counts
    click.echo(
        f"gcts: {cmp.name_a} → {cmp.name_b}: {len(cmp.alignment.pairs)} pairs, {counts['new']} new, "
        f"{counts['removed']} removed, {counts['substantially changed']} substantially changed, "
        f"{counts['moved']} moved",
        err=True,
    )

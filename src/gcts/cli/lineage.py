"""``gcts lineage DOC PARA``: a paragraph's ancestors through its series, with the wording at each step.

DOC is an id of the store's collection (``A/RES/75/291@en``) and PARA a paragraph id (``operative:12``).
Output is Markdown (default) or JSON.
"""

from __future__ import annotations

import json

import click

from gcts.cli.store import open_collection
from gcts.compare.lineage import lineage


@click.command("lineage")
@click.argument("doc")
@click.argument("para")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "json"]),
    default="md",
    show_default=True,
    help="Output format.",
)
@click.option("--no-drafts", is_flag=True, help="Skip drafts; follow adopted resolutions only.")
def command(doc: str, para: str, fmt: str, no_drafts: bool) -> None:
    """Trace paragraph PARA of document DOC back to its first appearance in the series."""
    result = lineage(open_collection(), doc, para, include_drafts=not no_drafts)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"# Lineage of {para} of {result.steps[0].doc}\n")
    for step in result.steps:
        click.echo(f"## {step.doc} — {step.paragraph}\n\n{step.text}\n")
        if step.relation:
            low = ", low confidence" if step.confidence == "low" else ""
            also = f"; also from {', '.join(step.also)}" if step.also else ""
            click.echo(f"*{step.relation} from the step below (score {step.score:.2f}{low}{also})*\n")
    click.echo(
        f"First appearance: {result.first_appearance.doc} {result.first_appearance.paragraph}. {result.note}."
    )
    if result.missing:
        click.echo(f"Not in the collection (earlier members of the series): {', '.join(result.missing)}")

"""``gcts annotate FILE``: read a resolution, annotate it and show every paragraph's annotations;
``gcts annotate A/RES/72/284@zh``: show a stored document's annotations as the store holds them (with the
corrections editors made).

The terminal view lists, per paragraph: its id, the opening highlighted, the function, pillars and themes with
their confidence, the actors (addressed ones marked), the references and the mandates with their time; the
document's quality report comes last. ``--json`` prints the same annotations as data instead.
"""

from __future__ import annotations

import json
from typing import Any

import click
from rich.console import Console
from rich.markup import escape

from gcts.annotate import annotate
from gcts.cli.documents import is_stored_id
from gcts.cli.options import LANGUAGE
from gcts.cli.store import open_collection
from gcts.model import Paragraph, Resolution
from gcts.reading import load


@click.command(name="annotate")
@click.argument("file", type=click.Path(allow_dash=True))
@click.option(
    "--lang", "language", type=LANGUAGE, default=None, help="Language of the input; detected if not given."
)
@click.option(
    "--symbol", default=None, help="Document symbol to use when the text does not print it (e.g. A/72/L.62)."
)
@click.option("--json", "as_json", is_flag=True, help="Print the annotations as JSON.")
@click.option(
    "--partial",
    is_flag=True,
    help="Accept a text that stops early (e.g. a resolution's first page), as gcts parse --partial does.",
)
def command(file: str, language: str | None, symbol: str | None, as_json: bool, partial: bool) -> None:
    """Annotate FILE ('-' for stdin), or show the stored annotations of a document of the store
    (``A/RES/72/284@zh``): openings, functions, references, actors, mandates, pillars, themes."""
    if is_stored_id(file):
        res = open_collection().load(file)
    else:
        res = annotate(load(file, language=language, symbol=symbol, partial=partial))
    if as_json:
        click.echo(json.dumps(as_data(res), ensure_ascii=False, indent=2))
        return
    show(res, Console(highlight=False))


def as_data(res: Resolution) -> dict[str, Any]:
    """The annotations of ``res`` as plain data (paragraph id → fields, then the quality report)."""
    def para(p: Paragraph) -> dict[str, Any]:
        a = p.annotations
        return {
            "id": p.id, "opening": a.opening, "function": a.function,
            "pillars": [{"value": x.value, "confidence": x.confidence,
                         "evidence": [e.terms for e in x.evidence]} for x in a.pillars],
            "themes": [{"value": x.value, "confidence": x.confidence,
                        "evidence": [e.terms for e in x.evidence]} for x in a.themes],
            "actors": [{"actor": m.actor, "surface": m.surface, "addressed": m.addressed} for m in a.actors],
            "references": [{"symbol": r.symbol, "kind": r.kind, "surface": r.surface, "start": r.start,
                            "end": r.end, "via_footnote": r.via_footnote} for r in a.references],
            "mandates": [{"actor": m.actor, "action": m.action, "deadline": m.deadline, "session": m.session,
                          "recurrence": m.recurrence} for m in a.mandates],
        }
    return {"source": res.source, "language": res.language, "symbol": res.heading.symbol,
            "paragraphs": [para(p) for p in res.paragraphs],
            "quality": [{"code": q.code, "severity": q.severity, "where": q.where, "message": q.message}
                        for q in res.quality]}


def show(res: Resolution, console: Console) -> None:
    """Print the annotated view of ``res``."""
    name = escape(res.heading.symbol or res.source or "")
    console.print(f"[bold]{name}[/bold]  {escape(res.heading.title or '')}  [dim]({res.language})[/dim]")
    for p in res.paragraphs:
        a = p.annotations
        text = p.text
        if a.opening and text.startswith(a.opening):
            body = f"[bold yellow]{escape(a.opening)}[/bold yellow]{escape(text[len(a.opening):][:160])}"
        else:
            body = escape(text[:160])
        console.print(f"\n[bold cyan]{p.id}[/bold cyan]  [magenta]{a.function or 'unknown'}[/magenta]")
        console.print(f"  {body}{'…' if len(text) > 160 else ''}")
        if a.pillars:
            console.print("  pillars: " + ", ".join(f"{x.value} ({x.confidence:.2f})" for x in a.pillars))
        if a.themes:
            console.print("  themes: " + ", ".join(f"{x.value} ({x.confidence:.2f})" for x in a.themes))
        if a.actors:
            names = dict.fromkeys(f"{m.actor}{'*' if m.addressed else ''}" for m in a.actors)
            console.print("  actors: " + ", ".join(names))
        if a.references:
            refs = dict.fromkeys(r.symbol + (f" [fn {r.via_footnote}]" if r.via_footnote else "")
                                 for r in a.references)
            console.print("  references: " + escape(", ".join(refs)))
        for m in a.mandates:
            when = ", ".join(x for x in (m.deadline and f"by {m.deadline}",
                                         m.session and f"session {m.session}", m.recurrence) if x)
            console.print(f"  [green]mandate[/green]: {m.actor} {m.action} — {escape(when)}")
    if res.quality:
        console.print("\n[bold]Quality report[/bold]")
        for q in res.quality:
            console.print(f"  {q.severity}: {escape(q.where or '')} {q.code}: {escape(q.message)}")

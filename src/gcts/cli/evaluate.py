"""``gcts evaluate GOLD…``: compare gcts's annotations with gold files; P, R, F1 per kind and per label.

For each gold file the document named by its ``source`` is read (from ``--corpus DIR``, from the folder of the
gold file, or from the bundled corpus) and annotated, unless ``--pred`` gives gcts JSON output to score
instead (one ``--pred`` per gold, in order).

Paragraphs the trained labeller learned from (the reference gold is training data) are labelled by the fold
model that never saw them, so the pillar and theme figures are cross-validated, not the training fit;
``--seen`` uses the full model instead.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from gcts.annotate import Deciders, annotate
from gcts.annotate.evaluate import KINDS, Report, compare, load_json, prediction, shape_problem
from gcts.annotate.labelling.modelfile import LabelModel
from gcts.errors import FormatError, InputError
from gcts.reading import load


def _source(gold_path: Path, source: str, corpus: str | None) -> Path:
    """Where the document of a gold file is: --corpus, next to the gold, or the bundled corpus."""
    places = [Path(corpus)] if corpus else []
    places.append(gold_path.parent)
    places.append(Path(str(resources.files("gcts") / "data" / "corpus")))
    for place in places:
        if (place / source).is_file():
            return place / source
    raise InputError(f"the document {source!r} of this gold file is not in {', '.join(map(str, places))}",
                     file=str(gold_path), field="source")


def _read(path: str) -> dict[str, Any]:
    p = Path(path)
    if not p.exists():
        raise InputError("no such file", file=path)
    if p.is_dir():
        raise InputError("is a folder, not a file", file=path)
    try:
        if p.stat().st_size == 0:
            raise InputError("input is empty", file=path)
        doc = load_json(path)
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", file=path) from exc
    except json.JSONDecodeError as exc:
        raise FormatError(f"not JSON: {exc.msg}", file=path, line=exc.lineno) from exc
    except UnicodeDecodeError as exc:
        raise FormatError(f"not UTF-8 JSON ({exc.reason} at byte {exc.start})", file=path) from exc
    except RecursionError as exc:
        raise FormatError("JSON nested too deeply", file=path) from exc
    except ValueError as exc:
        raise FormatError(str(exc), file=path) from exc
    problem = shape_problem(doc)
    if problem:
        raise FormatError(problem[1], file=path, field=problem[0])
    return doc


def annotated(path: str, gold: dict[str, Any], corpus: str | None, *, held_out: bool,
              model: LabelModel | None = None, labels: Deciders | None = None) -> dict[str, Any]:
    """Read the source document of the gold file at ``path``, annotate it and return its prediction."""
    if not gold.get("source"):
        raise FormatError("the gold file names no source document", file=path, field="source")
    h = gold.get("heading") or {}
    res = load(_source(Path(path), str(gold["source"]), corpus), language=gold.get("language"),
               symbol=h.get("symbol"))
    return prediction(annotate(res, labels=labels, held_out=held_out, model=model))


def score_gold(paths: tuple[str, ...], model: LabelModel, corpus: str | None = None
               ) -> dict[str, dict[str, dict[str, float | int]]]:
    """Held-out pillar and theme scores of ``model`` on each gold file, by file name."""
    out = {}
    for path in paths:
        g = _read(path)
        report = compare(g, annotated(path, g, corpus, held_out=True, model=model, labels="model"))
        out[Path(path).name] = {k: report.kinds[k].as_dict() for k in ("pillars", "themes")}
    return out


@click.command(name="evaluate")
@click.argument("gold", nargs=-1, required=True, type=click.Path())
@click.option("--pred", "preds", multiple=True, type=click.Path(), help="gcts JSON to score.")
@click.option("--corpus", default=None, type=click.Path(), help="Folder of the source texts.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--seen", is_flag=True,
              help="Label training paragraphs with the full model (the training fit, not a held-out score).")
def command(gold: tuple[str, ...], preds: tuple[str, ...], corpus: str | None, as_json: bool,
            seen: bool) -> None:
    """Score annotations against GOLD files (precision, recall, F1 per kind and per label)."""
    if preds and len(preds) != len(gold):
        raise click.UsageError("give one --pred per gold file")
    report = Report()
    for i, path in enumerate(gold):
        g = _read(path)
        pred = _read(preds[i]) if preds else annotated(path, g, corpus, held_out=not seen)
        compare(g, pred, report)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False)
    table = Table(title=f"gcts evaluate: {', '.join(report.documents)}")
    for col in ("kind", "label", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="left" if col in ("kind", "label") else "right")
    for kind in KINDS:
        if kind not in report.kinds:
            continue
        s = report.kinds[kind]
        table.add_row(f"[bold]{kind}[/bold]", "all", f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
                      str(s.tp), str(s.fp), str(s.fn))
        for label, ls in sorted(report.labels.get(kind, {}).items()):
            table.add_row("", label, f"{ls.precision:.2f}", f"{ls.recall:.2f}", f"{ls.f1:.2f}",
                          str(ls.tp), str(ls.fp), str(ls.fn))
    console.print(table)

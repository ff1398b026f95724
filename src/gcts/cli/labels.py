"""``gcts labels``: train the pillar and theme labeller, see its figures, and adopt a retrained model.

- ``gcts labels train``: train on the shipped label files, any ``--labels FILE`` (label or gold files) and
  the corrections editors made in the store; write the result as the *candidate* model, and print its
  cross-validated figures beside those of the model in use. Nothing changes for annotation until
  ``gcts labels use`` (or ``train --use``) adopts the candidate, after the report.
- ``gcts labels use``: adopt the candidate (``<GCTS_HOME>/labels/model.gctsmodel``).
- ``gcts labels evaluate``: print the figures of the model in use (or ``--model FILE``, ``--candidate``),
  and its held-out scores on gold files given as arguments.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import click

from gcts.annotate.labelling import examples as ex
from gcts.annotate.labelling.apply import active_model_path, home_model_path, load_model
from gcts.annotate.labelling.modelfile import LabelModel
from gcts.errors import FormatError, InputError
from gcts.home import gcts_home

CANDIDATE = "candidate.gctsmodel"


def candidate_path() -> Path:
    """Where ``gcts labels train`` writes the model it made: ``<GCTS_HOME>/labels/candidate.gctsmodel``."""
    return home_model_path().with_name(CANDIDATE)


def _store_ready() -> bool:
    """Whether there is a store to read: Django already set up (the web app, tests), a DATABASE_URL, or
    the SQLite database under GCTS_HOME. Without one there are no corrections (and none is created)."""
    from django.conf import settings

    if settings.configured:
        return True
    if not os.environ.get("DATABASE_URL") and not (gcts_home() / "gcts.sqlite3").is_file():
        return False
    import gcts.store

    gcts.store.setup()
    return True


def store_examples() -> list[ex.Example]:
    """The paragraphs whose pillars or themes an editor corrected in the store, with their current labels.

    Only the corrected concerns are taught (a paragraph whose pillars were corrected says nothing of its
    themes). Models are looked up by their lazy app label, so this survives the store's move.
    """
    if not _store_ready():
        return []
    from django.apps import apps
    from django.db import DatabaseError

    correction = apps.get_model("library", "Correction")
    concerns: dict[int, set[str]] = {}
    try:
        rows = list(correction.objects.filter(field__in=("pillars", "themes")).values_list(
            "paragraph_id", "field"))
    except DatabaseError:
        return []  # a store whose schema was never made holds no corrections
    for pk, field in rows:
        concerns.setdefault(pk, set()).add(str(field))
    paragraph = apps.get_model("library", "Paragraph")
    out = []
    found = paragraph.objects.filter(pk__in=concerns).select_related("document").prefetch_related("labels")
    for para in found.order_by("pk"):
        labels: dict[str, list[str]] = {"pillar": [], "theme": []}
        for lab in para.labels.all():
            labels.setdefault(lab.kind, []).append(lab.value)
        doc = para.document
        name = doc.symbol or doc.slug
        out.append(ex.Example(
            text=para.text, language=doc.language, part=para.part, pillars=tuple(sorted(labels["pillar"])),
            themes=tuple(sorted(labels["theme"])), document=name, pid=para.pid,
            source="editors' corrections in the store", group=f"{name} {para.pid}",
            concerns=tuple(sorted(concerns[para.pk])),
            primary=labels["pillar"][0] if len(labels["pillar"]) == 1 else None))
    return out


def _figures_rows(fig: dict[str, Any]) -> list[tuple[str, float]]:
    return [("pillars F1", fig["pillars"]["f1"]), ("pillars P", fig["pillars"]["precision"]),
            ("pillars R", fig["pillars"]["recall"]), ("primary in gold", fig["primary_in_gold"]),
            ("primary = known primary", fig.get("primary_equal", 0.0)),
            ("themes F1", fig["themes"]["f1"]), ("themes P", fig["themes"]["precision"]),
            ("themes R", fig["themes"]["recall"]), ("rules alone: pillars F1", fig["rules_pillars"]["f1"]),
            ("rules alone: themes F1", fig["rules_themes"]["f1"])]


def _print_figures(title: str, model: LabelModel) -> None:
    fig = model.meta["figures"]
    click.echo(f"{title}: {fig['examples']} paragraphs, seed {model.meta['seed']}, "
               f"{model.meta['folds']}-fold cross-validation")
    for source, n in fig["sources"].items():
        click.echo(f"  {n:5d}  {source}")
    for name, value in _figures_rows(fig):
        click.echo(f"  {name:<26} {value:.3f}")


def _read_model(path: Path) -> LabelModel:
    if not path.is_file():
        raise InputError("no such model file", file=str(path))
    return LabelModel.load(path)


@click.group(name="labels")
def command() -> None:
    """Train the pillar and theme labeller, see its figures, adopt a retrained model."""


@command.command(name="train")
@click.option("--seed", default=0, show_default=True, help="Seed of the cross-validation folds.")
@click.option("--labels", "files", multiple=True, type=click.Path(), help="More label or gold files.")
@click.option("--shipped/--no-shipped", default=True, show_default=True,
              help="Learn from the shipped labels.")
@click.option("--store/--no-store", default=True, show_default=True, help="Learn from editors' corrections.")
@click.option("-o", "--output", type=click.Path(), default=None, help="Write the model here instead.")
@click.option("--use", "adopt", is_flag=True, help="Adopt the new model after the report.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def train_command(seed: int, files: tuple[str, ...], shipped: bool, store: bool, output: str | None,
                  adopt: bool, as_json: bool) -> None:
    """Retrain on shipped labels, --labels files and editors' corrections; report before anything changes."""
    from gcts.annotate.labelling.training import train

    data = ex.shipped() if shipped else []
    for f in files:
        if not Path(f).is_file():
            raise InputError("no such file", file=f)
        data.extend(ex.load_file(Path(f)))
    if store:
        data.extend(store_examples())
    try:
        model, figures = train(data, seed=seed,
                               progress=None if as_json else lambda m: click.echo(f"  … {m}", err=True))
    except ValueError as exc:
        raise FormatError(str(exc)) from exc
    target = Path(output) if output else candidate_path()
    model.save(target)
    current = load_model(active_model_path())
    if as_json:
        click.echo(json.dumps({"model": str(target), "figures": figures.as_dict(),
                               "in_use": {"model": str(active_model_path()),
                                          "figures": current.meta["figures"]}}, indent=1))
    else:
        _print_figures(f"in use ({active_model_path()})", current)
        _print_figures(f"new ({target})", model)
        click.echo("change (new - in use):")
        old, new = dict(_figures_rows(current.meta["figures"])), dict(_figures_rows(model.meta["figures"]))
        for name in new:
            click.echo(f"  {name:<26} {new[name] - old[name]:+.3f}")
    if adopt:
        _adopt(target)
    elif not output and not as_json:
        click.echo("not in use yet: run `gcts labels use` to adopt it")


def _adopt(path: Path) -> None:
    model = _read_model(path)
    home_model_path().parent.mkdir(parents=True, exist_ok=True)
    model.save(home_model_path())
    click.echo(f"in use: {home_model_path()}")


@command.command(name="use")
@click.argument("model", required=False, type=click.Path())
def use_command(model: str | None) -> None:
    """Adopt the candidate model (or MODEL) for annotation."""
    _adopt(Path(model) if model else candidate_path())


@command.command(name="evaluate")
@click.argument("gold", nargs=-1, type=click.Path())
@click.option("--model", "model_file", type=click.Path(), default=None, help="A model file to evaluate.")
@click.option("--candidate", is_flag=True, help="Evaluate the candidate left by `gcts labels train`.")
@click.option("--headings", "headed", type=click.Path(), default=None,
              help="A document whose operative paragraphs stand under pillar headings.")
@click.option("--paragraphs", "numbers", default=None, metavar="FROM-TO",
              help="With --headings: score only the operative paragraphs so numbered (e.g. 13-117).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def evaluate_command(gold: tuple[str, ...], model_file: str | None, candidate: bool, headed: str | None,
                     numbers: str | None, as_json: bool) -> None:
    """Print the cross-validated figures of a model, its held-out scores on GOLD files, and its agreement
    with the pillar headings of a --headings document."""
    path = Path(model_file) if model_file else candidate_path() if candidate else active_model_path()
    model = _read_model(path)
    scores = {}
    if gold:
        from gcts.cli.evaluate import score_gold

        scores = score_gold(gold, model=model)
    headings = _headings(headed, numbers, model) if headed else None
    if as_json:
        out = {"model": str(path), "figures": model.meta["figures"], "gold": scores, "headings": headings}
        click.echo(json.dumps(out, indent=1, ensure_ascii=False))
        return
    _print_figures(f"model {path}", model)
    for name, kinds in scores.items():
        click.echo(f"{name} (held out where it is training data):")
        for kind in ("pillars", "themes"):
            s = kinds[kind]
            click.echo(f"  {kind:<8} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    if headings:
        click.echo(f"{headed}: {headings['paragraphs']} operative paragraphs under pillar headings "
                   "(headings as the true labels, never training data)")
        for decider in ("model", "rules"):
            h = headings[decider]
            click.echo(f"  {decider:<6} primary = heading {h['primary_equal']}/{h['paragraphs']} "
                       f"({h['primary_share']:.1%}); primary alone F1 {h['primary_share']:.3f}; all pillars "
                       f"P {h['precision']:.3f} R {h['recall']:.3f} F1 {h['f1']:.3f}")


def _range(numbers: str | None) -> range | None:
    if numbers is None:
        return None
    lo, sep, hi = numbers.partition("-")
    if not sep or not lo.strip().isdigit() or not hi.strip().isdigit() or int(lo) > int(hi):
        raise click.BadParameter("expected FROM-TO, e.g. 13-117", param_hint="--paragraphs")
    return range(int(lo), int(hi) + 1)


def _headings(file: str, numbers: str | None, model: LabelModel) -> dict[str, Any]:
    from gcts.annotate.drafters import agreement, headed_paragraphs
    from gcts.reading import load

    span = _range(numbers)
    res = load(Path(file))
    pairs = headed_paragraphs(res, span)
    if not pairs:
        raise FormatError("no operative paragraph stands under a pillar heading", file=file)
    found = agreement(pairs, res.language, model=model)
    return {"paragraphs": len(pairs), **{k: v.as_dict() for k, v in found.items()}}


__all__ = ["candidate_path", "command", "store_examples"]

"""``gcts registry …``: the implementation registry on the command line (same store as the web application).

- ``template FILE`` writes the XLSX template (codelists as drop-downs) or, for a folder, one CSV per sheet;
- ``validate FILE`` reports every problem of a spreadsheet (sheet, row, column, rule) and stores nothing;
- ``import FILE`` stores it all or nothing (``--valid-only`` explicitly stores the activities without errors);
  an ``.xml`` file is read as IATI activity XML;
- ``export FILE`` writes IATI 2.03 activity XML (``.xml``) or the registry as XLSX (``.xlsx``), public records
  only unless ``--as USER`` names a person whose rights apply;
- ``sample`` loads the sample registry; ``generate`` makes a large synthetic one for benchmarks;
- ``relink`` points paragraph links at the library's paragraphs again.

Exit codes as for every gcts command; an import with errors exits 3 (unreadable input).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from gcts.errors import InputError


def _django() -> None:
    """Open the store (Django on the store's settings, the schema up to date, the corpus loaded once)."""
    from gcts.cli.store import open_store

    open_store()


def _viewer(username: str | None) -> Any:
    from django.contrib.auth import get_user_model

    from gcts.registry.visibility import ANONYMOUS, viewer_for

    if not username:
        return ANONYMOUS, None
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise InputError(f"no user {username!r}", field="--as")
    return viewer_for(user), user


def _bar(label: str) -> Any:
    def progress(done: int, total: int, what: str) -> None:
        if total and sys.stderr.isatty():
            click.echo(f"\r{label} {done}/{total} {what[:40]:<40}", nl=False, err=True)

    return progress


@click.group("registry")
def command() -> None:
    """The implementation registry: templates, validation, import and export (XLSX, CSV, IATI XML)."""


@command.command("template")
@click.argument("target", type=click.Path(path_type=Path))
def template(target: Path) -> None:
    """Write the import template: TARGET.xlsx, or CSV files into the folder TARGET."""
    _django()
    from gcts.registry.exporting import template_lists
    from gcts.registry.importing.template import csv_templates, xlsx_template

    if target.suffix.lower() == ".xlsx":
        target.write_bytes(xlsx_template(template_lists()))
        click.echo(f"gcts: template written to {target}")
        return
    target.mkdir(parents=True, exist_ok=True)
    for name, text in csv_templates().items():
        (target / name).write_text(text, encoding="utf-8")
    click.echo(f"gcts: CSV templates written to {target}/")


def _report_lines(report: Any, lang: str) -> None:
    for item in report.issues:
        click.echo(f"{item.line(lang)}", err=True)


def _read(source: Path) -> Any:
    from gcts.registry.importing.sheets import read_path

    if not source.exists():
        raise InputError(f"{source}: no such file")
    return read_path(source)


@command.command("validate")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--as", "username", help="Validate with this user's rights (default: a coordinator's view).")
@click.option("--lang", default="en", show_default=True, help="Language of the messages.")
def validate_cmd(source: Path, username: str | None, lang: str) -> None:
    """Report every problem of SOURCE (XLSX, CSV or a folder of CSVs); store nothing."""
    _django()
    from gcts.registry.importing.store import import_workbook
    from gcts.registry.visibility import COORDINATOR, Viewer

    viewer = _viewer(username)[0] if username else Viewer(role=COORDINATOR)
    report = import_workbook(_read(source), viewer, dry_run=True)
    _report_lines(report, lang)
    click.echo(
        f"gcts: {source}: {len(report.errors)} errors, {len(report.issues) - len(report.errors)} warnings"
        f" (rules {report.rule_set})"
    )
    if report.errors:
        sys.exit(3)


@command.command("import")
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "--as", "username", help="Import as this user (owner of the new records); default: coordinator."
)
@click.option(
    "--valid-only", is_flag=True, help="Store the activities without errors and leave out the rest."
)
@click.option("--lang", default="en", show_default=True, help="Language of the messages.")
def import_cmd(source: Path, username: str | None, valid_only: bool, lang: str) -> None:
    """Import SOURCE into the registry: all or nothing (XLSX, CSV, folder of CSVs, IATI activity XML)."""
    _django()
    from gcts.registry.visibility import COORDINATOR, Viewer

    viewer, user = _viewer(username) if username else (Viewer(role=COORDINATOR), None)
    if source.suffix.lower() == ".xml":
        from gcts.registry.iati_in import import_iati

        if not source.exists():
            raise InputError(f"{source}: no such file")
        result = import_iati(source.read_bytes(), viewer, label=str(source), progress=_bar("importing"))
        for line in result.notes:
            click.echo(f"gcts: {source}: {line}", err=True)
        click.echo(f"gcts: {source}: {len(result.stored)} activities imported")
        return
    from gcts.registry.importing.store import import_workbook

    report = import_workbook(
        _read(source), viewer, valid_only=valid_only, progress=_bar("importing"), user=user
    )
    _report_lines(report, lang)
    if report.errors and not valid_only:
        click.echo(f"gcts: {source}: nothing imported: {len(report.errors)} errors", err=True)
        sys.exit(3)
    click.echo(
        f"gcts: {source}: {len(report.stored)} activities imported"
        + (f", {len(report.left_out)} left out" if report.left_out else "")
    )


@command.command("export")
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--as", "username", help="Export what this user may see (default: public records only).")
def export_cmd(target: Path, username: str | None) -> None:
    """Export the registry: IATI 2.03 activity XML (.xml) or a workbook in the template's shape (.xlsx)."""
    _django()
    from gcts.registry.exporting import export_xlsx
    from gcts.registry.iati_out import export_iati

    viewer, _user = _viewer(username)
    if target.suffix.lower() == ".xml":
        data, count = export_iati(viewer)
    elif target.suffix.lower() == ".xlsx":
        data, count = export_xlsx(viewer)
    else:
        raise InputError(f"{target}: choose .xml (IATI) or .xlsx", field="TARGET")
    try:
        target.write_bytes(data)
    except OSError as exc:
        from gcts.errors import OutputError

        raise OutputError(f"{target}: {exc.strerror}") from exc
    click.echo(f"gcts: {count} activities exported to {target}")


@command.command("sample")
@click.option("--force", is_flag=True, help="Load it even when sample records exist.")
def sample_cmd(force: bool) -> None:
    """Load the sample registry (synthetic records built from public facts)."""
    _django()
    from gcts.registry.sample import load_sample

    click.echo(f"gcts: {load_sample(force=force)} synthetic activities loaded")


@command.command("generate")
@click.option("--activities", default=1000, show_default=True, type=click.IntRange(1, 10_000_000))
@click.option("--transactions", default=10_000, show_default=True, type=click.IntRange(0, 100_000_000))
@click.option("--seed", default=1, show_default=True, type=int)
def generate_cmd(activities: int, transactions: int, seed: int) -> None:
    """Add a large synthetic registry (for benchmarks): activities with shares, countries and flows."""
    _django()
    from gcts.registry.generator import generate

    made = generate(activities, transactions, seed=seed, progress=_bar("generating"))
    click.echo(f"gcts: {made[0]} synthetic activities and {made[1]} transactions generated")


@command.command("relink")
def relink_cmd() -> None:
    """Point every paragraph link at the library's paragraph of its key (after documents were added)."""
    _django()
    from gcts.registry.lineage import relink_all

    linked, unresolved = relink_all()
    click.echo(f"gcts: {linked} links point at library paragraphs, {unresolved} wait for their document")

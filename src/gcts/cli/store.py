"""The store as the command line opens it: configure Django, bring the database up to date, fill it once.

Commands that read or write stored documents (``corpus``, ``compare`` and ``lineage`` of stored ids,
``annotate`` of a stored id) call :func:`open_collection`; on a new ``GCTS_HOME`` it creates the database,
loads the bundled corpus with a progress bar on standard error and imports the file collection of an earlier
release, saying so. Django is imported only then, so the file-only commands never pay for it.
"""

from __future__ import annotations

from contextlib import ExitStack
from typing import TYPE_CHECKING

import click

from gcts.errors import OutputError

if TYPE_CHECKING:
    from gcts.library.collection import StoredCollection


def open_store(*, settings_module: str | None = None, quiet: bool = False) -> None:
    """Set up Django on the store's settings (or ``settings_module``) and prepare the database."""
    import gcts.store

    try:
        gcts.store.setup(settings_module or gcts.store.SETTINGS_MODULE)
    except OSError as exc:  # the data folder (GCTS_HOME) cannot be made or written
        raise OutputError(
            f"the store's data folder cannot be written ({exc.strerror or exc}); set GCTS_HOME to a "
            "writable folder",
            file=getattr(exc, "filename", None),
        ) from exc
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from gcts.library.bootstrap import prepare_store

    console = Console(stderr=True)
    quiet = quiet or not console.is_terminal  # a script's standard error gets errors and imports only
    with ExitStack() as stack:
        bars: list[tuple[Progress, object]] = []

        def progress(done: int, total: int, name: str) -> None:
            if quiet:
                return
            if not bars:  # shown only when the corpus is really being loaded (a new store)
                bar = Progress(
                    TextColumn("[bold]loading the bundled corpus[/]"),
                    BarColumn(),
                    TextColumn("{task.description}"),
                    TimeElapsedColumn(),
                    console=console,
                )
                stack.enter_context(bar)
                bars.append((bar, bar.add_task("", total=total)))
            bar, task = bars[0]
            bar.update(task, completed=done, total=total, description=name)  # type: ignore[arg-type]

        report = prepare_store(progress, say=lambda line: click.echo(f"gcts: {line}", err=True))
    for name, reason in report.skipped:
        click.echo(f"gcts: warning: {name} not loaded: {reason}", err=True)
    if report.stored and not quiet:
        click.echo(f"gcts: {len(report.stored)} bundled documents loaded into the store", err=True)


def open_collection() -> StoredCollection:
    """The store's collection, ready to read and write (see :func:`open_store`)."""
    open_store()
    from gcts.library.collection import StoredCollection

    return StoredCollection()

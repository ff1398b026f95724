"""``gcts serve``: start the web application (creating the database and loading the corpus on first start);
``gcts serve manage …``: run a Django management command (``createsuperuser``, ``migrate`` …).

Django is imported only when one of these commands runs, so the rest of the CLI never pays for it.
"""

from __future__ import annotations

import os
import sys

import click


def _django() -> None:
    from gcts.web import setup

    setup()


def _compile_messages() -> None:
    """Compile the UI's message catalogues (.po → .mo) when they are newer than the compiled ones."""
    from gcts.web.i18n import compile_catalogues

    problem = compile_catalogues()
    if problem:
        click.echo(f"gcts: warning: {problem}", err=True)


def prepare(*, load: bool = True, quiet: bool = False) -> None:
    """Create/upgrade the database and, on first start, load the bundled corpus (with a progress bar) and
    import an earlier release's file collection: the same first start as the command line's
    (:func:`gcts.cli.store.open_store`). ``load=False`` only brings the schema up to date."""
    _compile_messages()
    if not load:
        from gcts.library.bootstrap import migrate

        migrate()
        return
    from gcts.cli.store import open_store

    open_store(settings_module="gcts.web.settings", quiet=quiet)


def gunicorn_command(bind: str, workers: int, *, access_log: bool = False) -> list[str]:
    """The gunicorn command line ``gcts serve --workers N`` runs (the production set-up of docs/web.md).

    Synchronous workers, one request at a time each, fit this CPU-bound application best on a small
    machine (measured in benchmarks/web.py: threads in one process only contend for the GIL); the
    application is loaded once before the workers fork (``--preload``), so the segmenter and templates are
    shared and ready. Behind a proxy that buffers slow clients, as the production docs require.
    """
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "gcts.web.wsgi:application",
        "--bind",
        bind,
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--preload",
        "--backlog",
        "512",
        "--access-logfile",
        "-" if access_log else "/dev/null",
    ]


@click.group("serve", invoke_without_command=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on."
)
@click.option("--no-load", is_flag=True, help="Do not load the bundled corpus on first start.")
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes; more than 1 runs gunicorn (Unix) instead of the embedded server.",
)
@click.pass_context
def command(ctx: click.Context, host: str, port: int, no_load: bool, workers: int) -> None:
    """Start the gcts web application (data under GCTS_HOME; database from DATABASE_URL, else SQLite).

    This embedded server is meant for one user or a small team; for production run gunicorn (see docs/web.md).
    ``gcts serve manage <command>`` runs a Django management command instead (e.g. ``createsuperuser``).
    """
    if ctx.invoked_subcommand is not None:
        return
    _django()
    from django.conf import settings
    from django.core.servers.basehttp import WSGIServer, get_internal_wsgi_application, run

    prepare(load=not no_load)
    click.echo(f"gcts: serving on http://{host}:{port}/ (data in {settings.GCTS_HOME}); Ctrl+C stops")
    sys.stdout.flush()
    if workers > 1:
        from django.db import connections

        connections.close_all()  # the preloading master must not hand its connection to forked workers
        bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        os.execv(sys.executable, gunicorn_command(bind, workers, access_log=settings.DEBUG))
    ipv6 = ":" in host

    class Server(WSGIServer):
        """Django's WSGI server with a listen backlog fit for many clients (the default of 5 drops bursts)."""

        request_queue_size = 128

    run(host, port, get_internal_wsgi_application(), ipv6=ipv6, threading=True, server_cls=Server)


@command.command(
    "manage",
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []},
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Run a Django management command on the gcts application, e.g. ``gcts serve manage createsuperuser``."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gcts.web.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["gcts serve manage", *args])

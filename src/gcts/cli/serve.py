"""``gcts serve``: start the web application (creating the database and loading the corpus on first start);
``gcts serve manage …``: run a Django management command (``createsuperuser``, ``migrate`` …).

Django is imported only when one of these commands runs, so the rest of the CLI never pays for it.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import click

from gcts.errors import OutputError


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
    (:func:`gcts.cli.store.open_store`). ``load=False`` only brings the schema up to date. A data folder
    that is read-only or nearly full is warned about; one the database cannot be made in is exit 6."""
    from django.conf import settings
    from django.db import DatabaseError

    from gcts.web.faults import home_problem

    _compile_messages()
    problem = home_problem(Path(settings.GCTS_HOME))
    if problem:
        click.echo(f"gcts: warning: {problem}", err=True)
    try:
        if not load:
            from gcts.library.bootstrap import migrate

            migrate()
            return
        from gcts.cli.store import open_store

        open_store(settings_module="gcts.web.settings", quiet=quiet)
        _registry_sample(quiet)
    except (OSError, DatabaseError) as exc:
        raise OutputError(
            f"the database cannot be created or upgraded: {exc}", file=str(settings.GCTS_HOME)
        ) from exc


def _die_with_parent() -> None:
    """In a job worker before it runs: end it (SIGTERM) when the server process ends, whatever the way
    (Linux ``PR_SET_PDEATHSIG``; the server's pid stays the same when it becomes gunicorn)."""
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG


def start_job_worker() -> subprocess.Popen[bytes]:
    """Start a job worker (``gcts serve manage jobs_worker``) beside the web server; it ends with it."""
    command = [sys.executable, "-c", "from gcts.cli import main; main()", "serve", "manage", "jobs_worker"]
    return subprocess.Popen(command, preexec_fn=_die_with_parent if sys.platform == "linux" else None)


def _registry_sample(quiet: bool) -> None:
    """On first start, the sample registry (synthetic records) a new user sees; after the corpus, so that its
    paragraph links find their paragraphs."""
    from gcts.registry.models import Activity
    from gcts.registry.sample import load_sample

    if Activity.objects.exists():
        return
    made = load_sample()
    if not quiet:
        click.echo(f"gcts: sample registry loaded ({made} synthetic activities)")


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
@click.option(
    "--job-workers",
    default=1,
    show_default=True,
    type=click.IntRange(0, 16),
    help="Processes running queued jobs (uploads, imports, reports); 0 when they run elsewhere "
    "(gcts serve manage jobs_worker).",
)
@click.pass_context
def command(ctx: click.Context, host: str, port: int, no_load: bool, workers: int, job_workers: int) -> None:
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
    from django.db import connections

    connections.close_all()  # neither the job workers nor forked web workers may share this connection
    for _ in range(job_workers):
        start_job_worker()
    if workers > 1:
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

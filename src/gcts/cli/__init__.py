"""The ``gcts`` command: one group, one module per job (``parse``, ``annotate``, ``compare`` …).

Every subcommand raises :class:`gcts.errors.GctsError` for bad input; :func:`main` turns it into one line on
standard error and the error's documented exit code, never a traceback (set ``GCTS_DEBUG=1`` to see one).

Exit codes: 0 success · 1 internal error · 2 usage error · 3 unreadable input · 4 input is not a structurable
resolution · 5 malformed structured input (AKN, JSON) · 6 output cannot be written · 130 interrupted.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import os
import sys

import click

from gcts import __version__
from gcts.errors import GctsError, OutputError

# Each module defines ``command`` (a click command or group); a job is added by naming its module here.
COMMAND_MODULES: tuple[str, ...] = (
    "gcts.cli.parse",
    "gcts.cli.serve",
    "gcts.cli.annotate",
    "gcts.cli.evaluate",
    "gcts.cli.compare",
    "gcts.cli.corpus",
    "gcts.cli.lineage",
    "gcts.cli.sanctions",
    "gcts.cli.report",
    "gcts.cli.labels",
    "gcts.cli.names",
    "gcts.cli.screen",
    "gcts.cli.registry",
)


class _LazyGroup(click.Group):
    """A group whose subcommands are imported when used: ``gcts parse`` never imports the web server, the
    comparison models or numpy (start-up time is most of a small parse). A module ``gcts.cli.<name>`` is
    assumed to hold the command ``<name>``; any other is found by importing the modules one by one."""

    def _module_command(self, module: str) -> click.Command:
        command: click.Command = importlib.import_module(module).command
        self.add_command(command)
        return command

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        guess = f"gcts.cli.{cmd_name}"
        if guess in COMMAND_MODULES and self._module_command(guess).name == cmd_name:
            return self.commands[cmd_name]
        for module in COMMAND_MODULES:
            if self._module_command(module).name == cmd_name:
                return self.commands[cmd_name]
        return None

    def list_commands(self, ctx: click.Context) -> list[str]:
        for module in COMMAND_MODULES:
            self._module_command(module)
        return sorted(self.commands)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gcts")
def cli() -> None:
    """gcts: read, structure, annotate and compare UN counter-terrorism resolutions."""


def main(argv: list[str] | None = None) -> None:
    """Run the CLI, mapping gcts errors to one-line messages and documented exit codes."""
    try:
        cli.main(args=argv, prog_name="gcts", standalone_mode=False)
        sys.stdout.flush()  # a full output device fails here, not in the interpreter's exit
    except click.exceptions.Abort:
        click.echo("gcts: interrupted", err=True)
        sys.exit(130)
    except click.exceptions.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except GctsError as exc:
        click.echo(f"gcts: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("gcts: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except OSError as exc:
        if exc.errno not in OUTPUT_FAULTS:
            raise _internal(exc) from exc
        _quiet_stdout()
        click.echo(f"gcts: error: the output cannot be written: {exc.strerror}", err=True)
        sys.exit(OutputError.exit_code)
    except Exception as exc:  # the last line of defence: a user never sees a traceback
        raise _internal(exc) from exc
    sys.exit(0)


#: Faults of the device the output goes to (standard output or ``-o``): exit 6 like any unwritable output.
OUTPUT_FAULTS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO, errno.EFBIG}


def _quiet_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's final flush of what could not be written
    does not print a second error."""
    with contextlib.suppress(OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _internal(exc: Exception) -> SystemExit:
    """Report an unexpected error in one line (exit 1); with ``GCTS_DEBUG`` set, let it through."""
    if os.environ.get("GCTS_DEBUG"):
        raise exc
    click.echo(f"gcts: internal error: {type(exc).__name__}: {exc} (set GCTS_DEBUG=1 for details)", err=True)
    return SystemExit(1)

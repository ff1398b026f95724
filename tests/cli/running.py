"""Run the whole ``gcts`` command line in-process, through :func:`gcts.cli.main` (the exit-code mapping
included), with click's CliRunner isolation: standard input fed as bytes, standard output and error captured
apart. Faster than a subprocess, and what a user gets from the console script."""

from __future__ import annotations

from dataclasses import dataclass

from click.testing import CliRunner

from gcts.cli import main

#: The exit codes the command line documents (src/gcts/cli/__init__.py, docs/user-guide.md); 1 is a bug.
DOCUMENTED = {0, 2, 3, 4, 5, 6, 130}


@dataclass
class Run:
    """What one run of ``gcts`` gave: exit code, standard output, standard error (decoded)."""

    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        """The non-blank lines of standard error."""
        return [x for x in self.err.splitlines() if x.strip()]


def run(*args: str, stdin: bytes | None = None) -> Run:
    """Run ``gcts ARGS…`` and return its exit code and output (never raises for the command's errors)."""
    runner = CliRunner()
    with runner.isolation(input=stdin or b"") as (out, err, _):
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        return Run(code, out.getvalue().decode("utf-8", "replace"), err.getvalue().decode("utf-8", "replace"))


def assert_one_line_error(result: Run, code: int, *words: str) -> None:
    """Exit ``code``, one line on standard error holding every one of ``words``, no traceback or internal
    error, nothing on standard output."""
    assert result.code == code, result.err
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    assert len(result.err_lines) == 1, result.err
    for w in words:
        assert w in result.err_lines[0], result.err
    assert result.out == "", result.out[:300]

"""Typed errors raised at the edges (readers, importers) and turned into clear messages by the CLI and web.

Each error names the place a person must look at (file, line, field) and maps to a documented exit code.
"""

from __future__ import annotations


class GctsError(Exception):
    """Base of all errors gcts reports to a user; ``exit_code`` is the CLI's documented exit status."""

    exit_code = 1

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None,
                 field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.field = field

    def __str__(self) -> str:
        place = self.file or ""
        if self.line is not None:
            place += f":{self.line}"
        if self.field:
            place += f" [{self.field}]" if place else f"[{self.field}]"
        message = " ".join(self.message.split())  # one line, whatever a library put in the message
        return f"{place}: {message}" if place else message


class InputError(GctsError):
    """The input cannot be read at all: missing, empty, binary, undecodable, too large, no text layer."""

    exit_code = 3


class StructureError(GctsError):
    """The input was read but is not a resolution gcts can structure (e.g. no operative paragraphs)."""

    exit_code = 4


class FormatError(GctsError):
    """A structured input format (Akoma Ntoso, JSON) is malformed or invalid."""

    exit_code = 5


class OutputError(GctsError):
    """The result cannot be written: ``-o`` names a missing or read-only folder, or ``GCTS_HOME`` is not
    writable. Nothing half-written is left behind."""

    exit_code = 6

"""Where the command line writes its results (``-o``): whole files or nothing.

A result goes through a temporary file in the target folder and ``os.replace``, so a failed run never leaves
a truncated file, and an existing file is only replaced by a complete one. A target that cannot be written
(missing folder, read-only folder, a folder where a file is wanted) is an :class:`OutputError` (exit 6).
"""

from __future__ import annotations

from pathlib import Path

from gcts.errors import OutputError
from gcts.home import write_atomically


def write_output(path: Path, text: str | bytes) -> None:
    """Write ``text`` (str as UTF-8, or bytes) to ``path`` atomically; :class:`OutputError` naming ``path`` if
    it cannot be."""
    if path.is_dir():
        raise OutputError("is a folder: give a file name", file=str(path))
    if not path.parent.is_dir():
        raise OutputError(f"the folder {str(path.parent)!r} does not exist", file=str(path))
    try:
        write_atomically(path, text.encode("utf-8") if isinstance(text, str) else text)
    except OSError as exc:
        raise OutputError(f"cannot be written: {exc.strerror or exc}", file=str(path)) from exc


def output_folder(path: Path) -> Path:
    """The folder ``path`` for one output per input, made if missing; :class:`OutputError` if it cannot be."""
    if path.exists() and not path.is_dir():
        raise OutputError("is a file, not a folder: several inputs need -o FOLDER", file=str(path))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"the folder cannot be made: {exc.strerror or exc}", file=str(path)) from exc
    return path

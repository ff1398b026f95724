"""Inputs → :class:`gcts.model.Resolution`: one entry point for every kind of file gcts reads.

:func:`load` looks at the file's extension and first bytes: PDF (``%PDF``) goes through
:func:`gcts.reading.pdf.extract_text` then the structurer; Word (``.docx``, or a zip holding
``word/document.xml``) through :func:`gcts.reading.docx.extract_text` then the structurer; Akoma Ntoso XML
through :func:`gcts.formats.akn_reader.read_akn`; gcts JSON through
:func:`gcts.formats.json_format.from_json`; anything else is decoded as text (:mod:`gcts.reading.text`)
and structured (:func:`gcts.structure.parse_text`). Readers of other formats are imported only when needed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from gcts.errors import FormatError, InputError
from gcts.model import Resolution
from gcts.reading.text import MAX_BYTES, check_size, decode

__all__ = ["MAX_BYTES", "load", "load_bytes"]


def _is_docx(data: bytes) -> bool:
    """A zip package holding ``word/document.xml``, whatever the file is called."""
    from gcts.reading.docx import is_docx

    return is_docx(data)


def _kind(name: str, head: bytes, data: bytes = b"") -> str:
    lower = name.lower()
    if head.startswith(b"%PDF") or lower.endswith(".pdf"):
        return "pdf"
    if lower.endswith((".docx", ".doc")) or (head.startswith(b"PK") and _is_docx(data)):
        return "docx"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if (
        lower.endswith((".xml", ".akn"))
        or stripped.startswith(b"<?xml")
        or stripped.startswith(b"<akomaNtoso")
    ):
        return "akn"
    if lower.endswith(".json") or (stripped.startswith(b"{") and b'"schema"' in head):
        return "json"
    return "text"


def load(
    path: str | Path,
    *,
    language: str | None = None,
    symbol: str | None = None,
    max_bytes: int = MAX_BYTES,
    partial: bool = False,
) -> Resolution:
    """Read the resolution in ``path`` (``-`` for standard input).

    With ``partial``, a text that stops early (the first page of a resolution) is read and what it lacks is
    reported in ``quality`` (code ``partial``, ``cut``); see :mod:`gcts.structure.partial`.
    """
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        return load_bytes(
            data, source="<stdin>", language=language, symbol=symbol, max_bytes=max_bytes, partial=partial
        )
    p = Path(path)
    if not p.exists():
        raise InputError("no such file", file=name)
    if p.is_dir():
        raise InputError("is a folder, not a file", file=name)
    check_size(p.stat().st_size, name, max_bytes)
    try:
        # At most one byte above the limit: devices and pipes report size 0 and may never end.
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", file=name) from exc
    return load_bytes(
        data, source=name, language=language, symbol=symbol, max_bytes=max_bytes, partial=partial
    )


def load_bytes(
    data: bytes,
    *,
    source: str | None = None,
    language: str | None = None,
    symbol: str | None = None,
    max_bytes: int = MAX_BYTES,
    partial: bool = False,
) -> Resolution:
    """Read a resolution from the bytes of a file (``source`` names it in messages; ``partial`` as in
    :func:`load`). PDF bytes are read in memory, so errors name ``source``, never a temporary file.

    The given ``language`` and ``symbol`` and the result pass :func:`gcts.admission.admit` (fields of the
    right type and length, the document within the caps): what fails is refused naming the field."""
    from gcts.admission import admit, language_problem, symbol_problem

    for problem in (language and language_problem(language), symbol and symbol_problem("symbol", symbol)):
        if problem:
            raise InputError(problem, file=source, field=problem.split(" ", 1)[0])
    check_size(len(data), source, max_bytes)
    kind = _kind(source or "", data[:1024], data)
    res = _read(
        data, kind, source=source, language=language, symbol=symbol, max_bytes=max_bytes, partial=partial
    )
    return admit(res, source=source, error=FormatError if kind in {"akn", "json"} else InputError)


def _read(
    data: bytes,
    kind: str,
    *,
    source: str | None,
    language: str | None,
    symbol: str | None,
    max_bytes: int,
    partial: bool,
) -> Resolution:
    """The resolution in ``data``, read by the reader of its ``kind``."""
    if kind == "docx":
        from gcts.reading.docx import extract_text as docx_text
        from gcts.structure import parse_text

        text = docx_text(data, source=source)
        return parse_text(text, source=source, language=language, symbol=symbol, partial=partial)
    if kind == "pdf":
        from gcts.reading.pdf import extract_text
        from gcts.reading.pdf_limits import check_document
        from gcts.structure import parse_text

        check_document(data, source=source or "<PDF bytes>")  # pages, decompressed size: refused at once
        text = extract_text(data, source=source)
        return parse_text(text, source=source, language=language, symbol=symbol, partial=partial)
    if kind == "akn":
        from gcts.formats.akn_reader import read_akn

        return read_akn(data, source=source)
    if kind == "json":
        from gcts.formats.json_format import from_json

        text, _ = decode(data, source=source, max_bytes=max_bytes)
        return from_json(text, source=source)
    from gcts.structure import parse_text

    text, _ = decode(data, source=source, max_bytes=max_bytes)
    return parse_text(text, source=source, language=language, symbol=symbol, partial=partial)

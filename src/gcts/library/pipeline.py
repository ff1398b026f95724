"""The web application's use of the core library: read a file into an annotated Resolution, write formats,
compare two Resolutions.

The core modules are imported when first needed, so a missing or failing stage gives a clear
:class:`gcts.errors.GctsError` rather than breaking the whole application at start-up.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gcts.errors import GctsError, InputError
from gcts.model import QualityIssue, Resolution

FORMATS: dict[str, tuple[str, str]] = {
    # name → (file extension, media type)
    "json": ("json", "application/json; charset=utf-8"),
    "md": ("md", "text/markdown; charset=utf-8"),
    "akn": ("akn.xml", "application/akn+xml; charset=utf-8"),
}


class StageUnavailable(GctsError):
    """A stage of the core library (reader, annotator, writer, comparer) is not installed."""


def _stage(module: str, attribute: str) -> Any:
    try:
        return getattr(importlib.import_module(module), attribute)
    except (ImportError, AttributeError) as exc:
        raise StageUnavailable(f"{module}.{attribute} is not available in this installation ({exc})") from exc


def annotate(res: Resolution) -> Resolution:
    """Annotate ``res`` (openings, pillars, themes, references, actors, mandates) and report it in quality.

    A missing annotator is not fatal: the document is kept with its structure and the quality report says so.
    """
    try:
        annotator = _stage("gcts.annotate", "annotate")
    except StageUnavailable as exc:
        res.quality.append(QualityIssue(code="not-annotated", message=str(exc), severity="warning"))
        return res
    result: Resolution = annotator(res)
    return result


def read(
    path: Path, *, language: str | None = None, symbol: str | None = None, partial: bool = False
) -> Resolution:
    """Read ``path`` (text, PDF, Word or AKN4UN XML) into an annotated Resolution.

    Bad files raise a GctsError.

    ``partial``: the file holds only the opening of a resolution (what is missing goes to its quality report).
    """
    loader = _stage("gcts.reading", "load")
    res: Resolution = loader(path, language=language, symbol=symbol, partial=partial)
    return annotate(res)


def read_bytes(
    data: bytes, *, name: str, language: str | None = None, symbol: str | None = None
) -> Resolution:
    """Read the bytes of an uploaded file called ``name`` into an annotated Resolution, without writing them
    anywhere (messages name ``name``, never a server path). Bad files raise a GctsError."""
    loader = _stage("gcts.reading", "load_bytes")
    res: Resolution = loader(data, source=name, language=language, symbol=symbol)
    res.source = name
    return annotate(res)


def upload_name(name: str, *, limit: int = 200) -> str:
    """The last part of an uploaded file's ``name``, at most ``limit`` characters (its extension kept):
    browsers may send a path, and file systems refuse names above 255 bytes."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "upload"
    if len(base) <= limit:
        return base
    stem, dot, suffix = base.rpartition(".")
    if not dot or len(suffix) > 10:
        return base[:limit]
    return f"{stem[: limit - len(suffix) - 1]}.{suffix}"


def read_with_symbol(
    path: Path, *, symbol: str | None = None, language: str | None = None, partial: bool = False
) -> Resolution:
    """Read and annotate ``path`` (text, PDF, Word, AKN or gcts JSON) for the store's collection, which names
    documents by symbol: the symbol the text prints, or ``symbol`` (given, it wins), or the adopted text's
    number (``72/284`` → ``A/RES/72/284``). :class:`InputError` when there is none; the reader's own errors
    for unreadable files. Needs no database, so every file of a batch is read before any is stored."""
    from gcts.compare.collection import canonical_symbol

    res = read(path, language=language, symbol=symbol, partial=partial)
    h = res.heading
    found = symbol or h.symbol or (f"A/RES/{h.resolution_number}" if h.resolution_number else None)
    if not found:
        raise InputError(
            "the document prints no symbol: give one with --symbol (e.g. A/RES/70/291)",
            file=str(path),
            field="symbol",
        )
    h.symbol = canonical_symbol(found) if symbol or not h.symbol else h.symbol
    return res


def write(res: Resolution, fmt: str) -> str:
    """``res`` written in ``fmt`` (``json``, ``md``, ``akn``)."""
    writer = _stage("gcts.formats", "write")
    text: str = writer(res, fmt)
    return text


def compare(
    old: Resolution, new: Resolution, *, ui_languages: Sequence[str] = ("en",)
) -> tuple[dict[str, Any], dict[str, str]]:
    """The comparison of two Resolutions as a dict (pairs, added, removed, summary) and its redline HTML in
    each of ``ui_languages`` (UN codes: the redline's own words are in that language, the texts in theirs)."""
    comparer = _stage("gcts.compare", "compare")
    to_html = _stage("gcts.compare.redline", "to_html")
    cmp = comparer(old, new)
    result: dict[str, Any] = cmp.to_dict()
    return result, {code: str(to_html(cmp, ui_language=code)) for code in ui_languages}

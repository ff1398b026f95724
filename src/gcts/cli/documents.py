"""How the compare-family commands name a document: a file to read, or an id of the store's collection."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gcts.compare.collection import Collection
from gcts.errors import InputError
from gcts.model import Resolution


def is_stored_id(ref: str) -> bool:
    """Whether ``ref`` names a stored document (``A/RES/72/284@zh``) rather than a file: it is no existing
    path, has the slash of a symbol and no file ending."""
    path = Path(ref)
    return not (ref == "-" or path.exists()) and "/" in ref and path.suffix.lower() not in _FILE_SUFFIXES


def resolve(
    ref: str,
    collection: Callable[[], Collection],
    *,
    language: str | None = None,
    symbol: str | None = None,
    partial: bool = False,
) -> Resolution:
    """An existing path is read (text, PDF, Word, AKN, JSON); anything else is looked up in the store's
    collection (``A/RES/72/284@zh``, ``A/72/L.62``), which ``collection()`` opens only then. With ``partial``,
    a file that stops early (a first page) is read too; :func:`partial_warning` then says what it lacks."""
    if is_stored_id(ref):
        return collection().load(ref)
    if ref == "-" or Path(ref).exists():
        from gcts.reading import load

        return load(ref, language=language, symbol=symbol, partial=partial)
    raise InputError("no such file (nor a document id of the collection, e.g. A/RES/72/284@en)", file=ref)


#: Endings of file names gcts reads: a reference ending so is a missing file, not a symbol.
_FILE_SUFFIXES = {".txt", ".pdf", ".docx", ".xml", ".akn", ".json"}


def partial_warning(res: Resolution, name: str) -> str | None:
    """A one-line warning when ``res`` was read as a partial document (quality codes ``partial``/``cut``)."""
    lacks = [q.message for q in res.quality if q.code in ("partial", "cut")]
    return f"{name} is partial: {'; '.join(lacks)}" if lacks else None


def annotate_quietly(res: Resolution) -> None:
    """Annotate ``res`` when the annotator is installed (pillar and theme counts need it); else leave it."""
    if any(p.annotations.pillars or p.annotations.themes for p in res.paragraphs):
        return
    try:
        from gcts.annotate import annotate
    except ImportError:
        return
    annotate(res)

"""How the compare-family commands name a document: a file to read, or an id of the collection."""

from __future__ import annotations

from pathlib import Path

from gcts.compare.collection import Collection
from gcts.model import Resolution


def resolve(
    ref: str, collection: Collection, *, language: str | None = None, symbol: str | None = None
) -> Resolution:
    """An existing path is read (text, PDF, AKN, JSON); anything else is looked up in the collection
    (``A/RES/72/284@zh``, ``A/72/L.62``)."""
    path = Path(ref)
    if ref == "-" or path.exists():
        from gcts.reading import load

        return load(ref, language=language, symbol=symbol)
    return collection.load(ref)


def annotate_quietly(res: Resolution) -> None:
    """Annotate ``res`` when the annotator is installed (pillar and theme counts need it); else leave it."""
    if any(p.annotations.pillars or p.annotations.themes for p in res.paragraphs):
        return
    try:
        from gcts.annotate import annotate
    except ImportError:
        return
    annotate(res)

"""The file collection of earlier releases (``<GCTS_HOME>/collection/``), imported into the store once.

Before the store was one, ``gcts corpus add`` kept gcts JSON files and an ``index.json`` under
``<GCTS_HOME>/collection/``; the web never saw them. On the first start of this release the documents of that
index are read, annotated and stored in one transaction (all or nothing), and the index is renamed to
``index.imported.json`` so they are not imported twice; the files stay where they were.

Reads: ``collection/index.json`` (schema ``gcts-collection/1``) and the JSON documents it lists.
Writes: the documents into the store; renames the index.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from gcts.errors import FormatError, InputError
from gcts.model import Resolution

INDEX_SCHEMA = "gcts-collection/1"
IMPORTED_NAME = "index.imported.json"


@dataclass(frozen=True, slots=True)
class Imported:
    """What the import did: the ids stored, and where the old index now is."""

    ids: list[str]
    index: Path


def _index(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("schema") != INDEX_SCHEMA:
            schema = data.get("schema") if isinstance(data, dict) else None
            raise FormatError(
                f"not a gcts collection index (schema {schema!r})", file=str(path), field="schema"
            )
        documents = data["documents"]
        if not isinstance(documents, list) or not all(isinstance(d, dict) for d in documents):
            raise TypeError("documents is not a list of objects")
        return documents
    except (ValueError, KeyError, TypeError, RecursionError) as exc:  # ValueError: JSON, UTF-8
        raise FormatError(f"the collection index is damaged: {exc}", file=str(path)) from exc
    except OSError as exc:
        raise InputError(
            f"the collection index cannot be read: {exc.strerror or exc}", file=str(path)
        ) from exc


def _document(folder: Path, item: dict[str, Any]) -> Resolution:
    from gcts.formats.json_format import from_json
    from gcts.library.pipeline import annotate

    path = folder / str(item.get("file", ""))
    try:
        res = from_json(path.read_text(encoding="utf-8"), source=str(path))
    except OSError as exc:
        raise InputError(f"a document of the file collection cannot be read: {exc}", file=str(path)) from exc
    res.heading.symbol = item.get("symbol") or res.heading.symbol  # the id the old collection knew it by
    if not any(p.annotations.opening for p in res.paragraphs):  # the file collection kept texts unannotated
        annotate(res)
    return res


def import_file_collection(home: Path) -> Imported | None:
    """Store the documents of ``home``'s file collection (all or none) and rename its index; None when there
    is none (or it was imported before). A damaged index or document is a one-line error and nothing is
    stored."""
    from gcts.library.store import store_resolution

    folder = home / "collection"
    index = folder / "index.json"
    if not index.is_file():
        return None
    items = _index(index)
    documents = [(item, _document(folder, item)) for item in items]  # read everything before storing
    with transaction.atomic():
        ids = [
store_resolution(res, series=item.get("series"), place=item.get("place")).slug
            for item, res in documents
        ]
    moved = folder / IMPORTED_NAME
    index.replace(moved)
    return Imported(ids=ids, index=moved)

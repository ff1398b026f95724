"""The bundled corpus and the facts its texts lack, from ``gcts/data/corpus/manifest.toml``.

The PDF-extracted texts often lost their symbol block (the reference text does not say it is A/72/L.62, nor
that it was adopted as A/RES/72/284); the manifest restores those facts. Without a manifest every top-level
``.txt`` file of the corpus folder is listed, its language taken from the name (``X.zh.txt``).

Manifest entries are read tolerantly: ``[[document]]`` (or ``[[documents]]``) tables, or tables keyed by file
name; the file is named by ``file``, ``path`` or ``source``. The adoption date is ``adoption_date`` or
``adopted``; a draft's adopted symbol is ``adopted_as`` or ``draft_of``. Entries with ``load = false`` are not
loaded. Entries with ``partial = true`` (only a document's first page) are loaded as partial documents (their
quality report says what is missing) when they are resolutions or drafts — e.g. the English A/RES/72/284
beside the Chinese reference text; partial reports are not resolutions and are left out.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from gcts.errors import FormatError
from gcts.model import Resolution

MANIFEST = "manifest.toml"


@dataclass(frozen=True)
class CorpusEntry:
    """One bundled document: its file and the facts to add to what the reader finds."""

    path: Path
    language: str | None = None
    symbol: str | None = None
    adopted_as: str | None = None
    adoption_date: date | None = None
    kind: str | None = None
    title: str | None = None
    partial: bool = False

    def apply(self, res: Resolution) -> Resolution:
        """Fill the heading fields the text lacks with the manifest's facts (what the text says wins)."""
        h = res.heading
        h.symbol = h.symbol or self.symbol
        h.adopted_as = h.adopted_as or self.adopted_as
        h.adoption_date = h.adoption_date or self.adoption_date
        h.kind = h.kind or self.kind
        h.title = h.title or self.title
        return res


def corpus_folder() -> Path:
    """The folder of the bundled corpus inside the installed package (a namespace package: no __init__)."""
    import gcts

    root = resources.files(gcts) / "data" / "corpus"
    return Path(str(root))


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _entry(folder: Path, name: str, data: dict[str, Any]) -> CorpusEntry:
    language = data.get("language") or _language_from_name(name)
    adopted = data.get("adopted")
    adopted_as = data.get("adopted_as") or data.get("draft_of")
    if isinstance(adopted, str) and "/" in adopted:  # ``adopted = "A/RES/…"``: a symbol, not a date
        adopted_as, adopted = adopted_as or adopted, None
    return CorpusEntry(
        path=folder / name,
        language=language,
        symbol=data.get("symbol"),
        adopted_as=adopted_as,
        adoption_date=_as_date(data.get("adoption_date") or adopted),
        kind=data.get("kind"),
        title=data.get("title"),
        partial=bool(data.get("partial", False)),
    )


def _language_from_name(name: str) -> str | None:
    parts = Path(name).name.split(".")
    return parts[-2] if len(parts) >= 3 and len(parts[-2]) == 2 else None


def _loadable(item: dict[str, Any]) -> bool:
    """Whether a manifest entry is loaded: whole documents, and partial resolutions or drafts."""
    return not item.get("partial", False) or "resolution" in str(item.get("kind", ""))


def _listed(folder: Path) -> list[tuple[CorpusEntry, bool]]:
    """Every manifest entry not marked ``load = false``, with whether the store loads it (see
    :func:`_loadable`), in manifest order."""
    manifest = folder / MANIFEST
    if not manifest.exists():
        return [(_entry(folder, p.name, {}), True) for p in sorted(folder.glob("*.txt"))]
    try:
        data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise FormatError(str(exc), file=str(manifest)) from exc
    listed = data.get("document") or data.get("documents") or data.get("files")
    found: list[tuple[CorpusEntry, bool]] = []
    if isinstance(listed, list):
        for item in listed:
            name = item.get("file") or item.get("path") or item.get("source")
            if name and item.get("load", True) is not False:
                found.append((_entry(folder, name, item), _loadable(item)))
    else:
        for key, item in data.items():
            if isinstance(item, dict) and (folder / key).is_file() and item.get("load", True) is not False:
                found.append((_entry(folder, key, item), True))
    return [(e, loads) for e, loads in found if e.path.is_file()]


def entries(folder: Path | None = None) -> list[CorpusEntry]:
    """The documents to load on first start, in manifest order."""
    return [e for e, loads in _listed(folder or corpus_folder()) if loads]


def listed_excerpts(folder: Path | None = None) -> list[CorpusEntry]:
    """The bundled excerpts the store does not load (first pages of reports): known, but not held."""
    return [e for e, loads in _listed(folder or corpus_folder()) if not loads]

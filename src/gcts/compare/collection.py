"""The document collection a user grows: documents as gcts JSON, an index, and the series they belong to.

Layout under ``<GCTS_HOME>/collection/``::

    index.json                 {"schema": "gcts-collection/1", "documents": [entry, …]}
    docs/A-RES-70-291@en.json  one gcts JSON document per entry (gcts.formats.json_format)

A document id is its canonical symbol and language: ``A/RES/72/284@zh``. Every write goes through a temporary
file and ``os.replace`` (document first, index last), so a failed ``add`` leaves the collection as it was.

The bundled corpus (``gcts/data/corpus/manifest.toml``) is part of every collection without being copied: its
documents are read from the package on demand. Series come from ``gcts/compare/series.toml`` plus an optional
``<GCTS_HOME>/series.toml`` of the user's own; a document whose symbol (or draft symbol) is a member of a
series gets its place automatically, so adding an earlier review is one command: ``gcts corpus add FILE``.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path

from gcts.compare.home import gcts_home, write_atomically
from gcts.errors import FormatError, InputError, OutputError
from gcts.model import Resolution

INDEX_SCHEMA = "gcts-collection/1"
_SYMBOL_SPACE = re.compile(r"\s+")


def canonical_symbol(symbol: str) -> str:
    """``a/res/72/284`` → ``A/RES/72/284``; a bare ``72/284`` is a General Assembly resolution."""
    s = _SYMBOL_SPACE.sub("", symbol.strip()).upper()
    if re.fullmatch(r"\d{1,3}/\d{1,4}", s):
        s = f"A/RES/{s}"
    return s


def doc_id(symbol: str, language: str) -> str:
    """``A/RES/72/284@zh``."""
    return f"{canonical_symbol(symbol)}@{language}"


def parse_doc_id(text: str) -> tuple[str, str | None]:
    """``A/RES/72/284@zh`` → (``A/RES/72/284``, ``zh``); without ``@`` the language is None."""
    symbol, _, language = text.partition("@")
    return canonical_symbol(symbol), (language.strip().lower() or None)


@dataclass(frozen=True, slots=True)
class SeriesMember:
    """One place of a series: the adopted resolution and, where known, its draft."""

    series: str
    place: int
    symbol: str
    label: str = ""
    draft: str | None = None
    adopted: date | None = None
    session: int | None = None
    verified: bool = True


@dataclass(frozen=True, slots=True)
class Series:
    """Resolutions that follow one another (e.g. the Strategy reviews), in order."""

    id: str
    title: str
    members: tuple[SeriesMember, ...]

    def member(self, symbol: str) -> SeriesMember | None:
        """The member whose resolution or draft symbol is ``symbol``."""
        s = canonical_symbol(symbol)
        return next((m for m in self.members if s in (m.symbol, m.draft)), None)


@dataclass(slots=True)
class Entry:
    """One document of the collection as the index records it."""

    id: str
    symbol: str
    language: str
    kind: str = "resolution"
    title: str | None = None
    series: str | None = None
    place: int | None = None
    is_draft: bool = False
    adopted: str | None = None
    file: str = ""
    bundled: bool = False
    partial: bool = False
    added: str | None = None
    paragraphs: int | None = None

    @property
    def order(self) -> tuple[int, int]:
        """Position in its series: place, then draft before adopted text."""
        return (self.place if self.place is not None else -1, 0 if self.is_draft else 1)


def _load_series(texts: Iterable[tuple[str, str]]) -> dict[str, Series]:
    out: dict[str, Series] = {}
    for name, text in texts:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise FormatError(f"series file is not valid TOML: {exc}", file=name) from exc
        for k, s in enumerate(data.get("series", [])):
            if "id" not in s:
                raise FormatError("a series has no id", file=name, field=f"series[{k}].id")
            members = []
            for m in s.get("member", []):
                try:
                    members.append(
                        SeriesMember(
                            series=s["id"],
                            place=int(m["place"]),
                            symbol=canonical_symbol(m["symbol"]),
                            label=m.get("label", ""),
                            draft=canonical_symbol(m["draft"]) if m.get("draft") else None,
                            adopted=m.get("adopted"),
                            session=m.get("session"),
                            verified=m.get("verified", True),
                        )
                    )
                except (KeyError, TypeError, ValueError) as exc:
                    raise FormatError(
                        f"a member of series {s['id']} lacks place or symbol ({exc})",
                        file=name,
                        field=f"series[{k}].member",
                    ) from exc
            out[s["id"]] = Series(
                s["id"], s.get("title", s["id"]), tuple(sorted(members, key=lambda m: m.place))
            )
    return out


class Collection:
    """The documents known to gcts: the bundled corpus plus what the user added under ``home``."""

    def __init__(self, home: Path | None = None) -> None:
        self.home = home if home is not None else gcts_home()
        self.folder = self.home / "collection"
        self.index_path = self.folder / "index.json"
        self._cache: dict[str, Resolution] = {}
        bundled = resources.files("gcts.compare") / "series.toml"
        sources = [("gcts/compare/series.toml", bundled.read_text(encoding="utf-8"))]
        user = self.home / "series.toml"
        if user.is_file():
            try:
                sources.append((str(user), user.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as exc:
                raise FormatError(
                    f"the series file cannot be read as UTF-8 TOML: {exc}", file=str(user)
                ) from exc
        self.series: dict[str, Series] = _load_series(sources)

    # --- index -----------------------------------------------------------------------------------------
    def _stored(self) -> list[Entry]:
        if not self.index_path.is_file():
            return []
        try:
            data = json.loads(self.index_path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("schema") != INDEX_SCHEMA:
                schema = data.get("schema") if isinstance(data, dict) else None
                raise FormatError(
                    f"not a gcts collection index (schema {schema!r})",
                    file=str(self.index_path),
                    field="schema",
                )
            return [Entry(**e) for e in data["documents"]]
        except (ValueError, KeyError, TypeError, RecursionError) as exc:  # ValueError: JSON, UTF-8
            raise FormatError(f"the collection index is damaged: {exc}", file=str(self.index_path)) from exc
        except OSError as exc:
            raise InputError(
                f"the collection index cannot be read: {exc.strerror or exc}", file=str(self.index_path)
            ) from exc

    def _bundled(self) -> list[Entry]:
        folder = resources.files("gcts.data.corpus")
        manifest = tomllib.loads((folder / "manifest.toml").read_text(encoding="utf-8"))
        entries = []
        for d in manifest.get("document", []):
            symbol = canonical_symbol(d["symbol"])
            kind = d.get("kind", "resolution")
            entry = Entry(
                id=doc_id(symbol, d["language"]),
                symbol=symbol,
                language=d["language"],
                kind=kind,
                title=d.get("title"),
                series=d.get("series"),
                place=d.get("place"),
                is_draft=kind.startswith("draft"),
                adopted=str(d["adopted"]) if d.get("adopted") else None,
                file=d["file"],
                bundled=True,
                partial=bool(d.get("partial", False)),
            )
            entries.append(entry)
        return entries

    def entries(self) -> list[Entry]:
        """Every document: the user's own first (they win over a bundled one with the same id), then the
        bundled ones; sorted by series and place, then symbol."""
        stored = self._stored()
        seen = {e.id for e in stored}
        all_entries = stored + [e for e in self._bundled() if e.id not in seen]
        return sorted(all_entries, key=lambda e: (e.series or "~", e.order, e.symbol, e.language))

    def entry(self, ref: str) -> Entry:
        """The entry named ``ref`` (``A/RES/72/284@zh``; without ``@lang`` the only or first full one)."""
        symbol, language = parse_doc_id(ref)
        matches = [
            e for e in self.entries() if e.symbol == symbol and (language is None or e.language == language)
        ]
        if not matches:
            raise InputError(
                f"{ref} is not in the collection (see `gcts corpus list`; add it with "
                "`gcts corpus add FILE`)",
                field="document",
            )
        matches.sort(key=lambda e: (e.partial, not e.bundled))
        return matches[0]

    # --- documents --------------------------------------------------------------------------------------
    def load(self, ref: str) -> Resolution:
        """The document ``ref`` as a :class:`Resolution` (cached for the life of this object)."""
        entry = self.entry(ref)
        if entry.id in self._cache:
            return self._cache[entry.id]
        if entry.bundled:
            from gcts.reading import load

            path = Path(str(resources.files("gcts.data.corpus") / entry.file))
            res = load(path, language=entry.language, symbol=entry.symbol, partial=entry.partial)
        else:
            from gcts.formats.json_format import from_json

            path = self.folder / entry.file
            try:
                res = from_json(path.read_text(encoding="utf-8"), source=str(path))
            except OSError as exc:
                raise InputError(
                    f"the stored copy of {entry.id} cannot be read: {exc}", file=str(path)
                ) from exc
        if not res.heading.symbol:
            res.heading.symbol = entry.symbol
        self._cache[entry.id] = res
        return res

    def add(
        self,
        path: Path,
        *,
        symbol: str | None = None,
        language: str | None = None,
        series: str | None = None,
        place: int | None = None,
        partial: bool = False,
    ) -> Entry:
        """Read ``path`` (text, PDF, AKN or gcts JSON), store it as gcts JSON and index it (``partial``: a
        first page is accepted and marked partial, as bundled excerpts are).

        The symbol comes from the document (or ``symbol``; an adopted text's number ``72/284`` also works);
        series and place from the series data, unless given. Raises :class:`InputError` when the document
        names no symbol and none is given, and the reader's own errors for unreadable files.
        """
        prepared = self.prepare(
            path, symbol=symbol, language=language, series=series, place=place, partial=partial
        )
        self.store([prepared])
        return prepared[0]

    def prepare(
        self,
        path: Path,
        *,
        symbol: str | None = None,
        language: str | None = None,
        series: str | None = None,
        place: int | None = None,
        partial: bool = False,
    ) -> tuple[Entry, Resolution]:
        """Read ``path`` and make its index entry, writing nothing (see :meth:`add`): several files are all
        read before any is stored, so one bad file leaves the collection as it was."""
        from gcts.reading import load

        res = load(path, language=language, symbol=symbol, partial=partial)
        found = (
            symbol
            or res.heading.symbol
            or (f"A/RES/{res.heading.resolution_number}" if res.heading.resolution_number else None)
        )
        if not found:
            raise InputError(
                "the document prints no symbol: give one with --symbol (e.g. A/RES/70/291)",
                file=str(path),
                field="symbol",
            )
        sym = canonical_symbol(found)
        res.heading.symbol = res.heading.symbol or sym
        member = None
        if series is None:
            for s in self.series.values():
                member = s.member(sym)
                if member:
                    series = s.id
                    break
        elif series in self.series:
            member = self.series[series].member(sym)
        is_draft = "/L." in sym or (res.heading.kind or "").startswith("draft")
        if place is None and member is not None:
            place = member.place
        adopted = res.heading.adoption_date or (member.adopted if member else None)
        entry = Entry(
            id=doc_id(sym, res.language),
            symbol=sym,
            language=res.language,
            kind=res.heading.kind or ("draft resolution" if is_draft else "resolution"),
            title=res.heading.title,
            series=series,
            place=place,
            is_draft=is_draft,
            adopted=str(adopted) if adopted else None,
            file=f"docs/{doc_id(sym, res.language).replace('/', '-')}.json",
            bundled=False,
            partial=any(q.code == "partial" for q in res.quality),
            added=datetime.now(UTC).isoformat(timespec="seconds"),
            paragraphs=len(res.paragraphs),
        )
        return entry, res

    def store(self, prepared: list[tuple[Entry, Resolution]]) -> None:
        """Write prepared documents, then the index once (last, so a failure leaves the index as it was);
        :class:`OutputError` when the collection folder cannot be written."""
        from gcts.formats.json_format import to_json

        new_ids = {entry.id for entry, _ in prepared}
        try:
            for entry, res in prepared:
                write_atomically(self.folder / entry.file, to_json(res).encode("utf-8"))
            self._write_index([e for e in self._stored() if e.id not in new_ids] + [e for e, _ in prepared])
        except OSError as exc:
            raise OutputError(
                f"the collection cannot be written ({exc.strerror or exc}); "
                "set GCTS_HOME to a writable folder",
                file=str(self.folder),
            ) from exc
        for entry, res in prepared:
            self._cache[entry.id] = res

    def _write_index(self, entries: list[Entry]) -> None:
        data = {"schema": INDEX_SCHEMA, "documents": [asdict(e) for e in entries]}
        write_atomically(self.index_path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))

    # --- series -----------------------------------------------------------------------------------------
    def predecessors(self, ref: str, *, include_drafts: bool = True) -> list[Entry]:
        """The documents before ``ref`` in its series, nearest first, one per step (same language preferred;
        partial documents skipped). Empty when ``ref`` belongs to no series."""
        me = self.entry(ref)
        if me.series is None or me.place is None:
            return []
        steps: dict[tuple[int, int], list[Entry]] = {}
        for e in self.entries():
            if e.series != me.series or e.place is None or e.partial or e.id == me.id or e.order >= me.order:
                continue
            if e.is_draft and not include_drafts:
                continue
            steps.setdefault(e.order, []).append(e)
        out = []
        for order in sorted(steps, reverse=True):
            candidates = sorted(steps[order], key=lambda e: (e.language != me.language, e.bundled))
            out.append(candidates[0])
        return out

    def missing(self, ref: str) -> list[SeriesMember]:
        """The members of ``ref``'s series before it that the collection does not hold (in any language)."""
        me = self.entry(ref)
        if me.series is None or me.series not in self.series or me.place is None:
            return []
        have = {(e.series, e.place) for e in self.entries() if not e.partial}
        return [
            m
            for m in self.series[me.series].members
            if m.place < me.place and (me.series, m.place) not in have
        ]

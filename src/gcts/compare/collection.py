"""What the comparison needs to know of a document collection: entries, series and places, without storage.

A document id is its canonical symbol and language: ``A/RES/72/284@zh``. Series come from
``gcts/compare/series.toml`` plus an optional ``<GCTS_HOME>/series.toml`` of the user's own; a document whose
symbol (or draft symbol) is a member of a series gets its place automatically.

:class:`Collection` is the shape :func:`gcts.compare.lineage.lineage` walks: a subclass says which documents
there are (:meth:`Collection.entries`) and reads one (:meth:`Collection.load`); finding an entry, its
predecessors in the series and the members missing are worked out here, from the entries alone. The store's
collection (:class:`gcts.library.collection.StoredCollection`, the one the command line and the web share)
is such a subclass; this module stays free of the database so the comparison can be used on its own.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from gcts.errors import FormatError, InputError
from gcts.home import gcts_home
from gcts.model import Resolution

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
    #: Held in the store (False: a bundled excerpt that is only listed, e.g. a report's first page).
    stored: bool = True

    @property
    def order(self) -> tuple[int, int]:
        """Position in its series: place, then draft before adopted text."""
        return (self.place if self.place is not None else -1, 0 if self.is_draft else 1)


def load_series(texts: Iterable[tuple[str, str]]) -> dict[str, Series]:
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


def series_of(home: Path | None = None) -> dict[str, Series]:
    """The series data: the bundled ``gcts/compare/series.toml`` and the user's ``<home>/series.toml``."""
    home = home if home is not None else gcts_home()
    bundled = resources.files("gcts.compare") / "series.toml"
    sources = [("gcts/compare/series.toml", bundled.read_text(encoding="utf-8"))]
    user = home / "series.toml"
    if user.is_file():
        try:
            sources.append((str(user), user.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            raise FormatError(f"the series file cannot be read as UTF-8 TOML: {exc}", file=str(user)) from exc
    return load_series(sources)


def place_in_series(
    series: dict[str, Series], symbol: str, given: str | None = None
) -> tuple[str | None, SeriesMember | None]:
    """The series id and member of ``symbol`` (resolution or draft symbol): in ``given`` when named, else in
    the first series that holds it."""
    if given is not None:
        return given, series[given].member(symbol) if given in series else None
    for s in series.values():
        member = s.member(symbol)
        if member:
            return s.id, member
    return None, None


class Collection:
    """The documents known to gcts, with the series they belong to (subclasses say where documents live)."""

    def __init__(self, home: Path | None = None) -> None:
        self.home = home if home is not None else gcts_home()
        self.series: dict[str, Series] = series_of(self.home)

    def entries(self) -> list[Entry]:
        """Every document, sorted by series and place, then symbol and language."""
        raise NotImplementedError

    def load(self, ref: str) -> Resolution:
        """The document ``ref`` as a :class:`Resolution`."""
        raise NotImplementedError

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
        matches.sort(key=lambda e: (not e.stored, e.partial, not e.bundled))
        return matches[0]

    # --- series -----------------------------------------------------------------------------------------
    def predecessors(self, ref: str, *, include_drafts: bool = True) -> list[Entry]:
        """The documents before ``ref`` in its series, nearest first, one per step (same language preferred;
        partial documents skipped). Empty when ``ref`` belongs to no series."""
        return self._neighbours(ref, later=False, include_drafts=include_drafts)

    def successors(self, ref: str, *, include_drafts: bool = True) -> list[Entry]:
        """The documents after ``ref`` in its series, nearest first (as :meth:`predecessors`)."""
        return self._neighbours(ref, later=True, include_drafts=include_drafts)

    def _neighbours(self, ref: str, *, later: bool, include_drafts: bool) -> list[Entry]:
        me = self.entry(ref)
        if me.series is None or me.place is None:
            return []
        steps: dict[tuple[int, int], list[Entry]] = {}
        for e in self.entries():
            if e.series != me.series or e.place is None or e.partial or e.id == me.id:
                continue
            if (e.order <= me.order) if later else (e.order >= me.order):
                continue
            if e.is_draft and not include_drafts:
                continue
            steps.setdefault(e.order, []).append(e)
        out = []
        for order in sorted(steps, reverse=not later):
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

"""The controlled vocabularies of gcts as data: pillars, themes, actors and instruments.

Each vocabulary is one TOML file in this package (``pillars.toml``, ``themes.toml``, ``actors.toml``,
``instruments.toml``). An entry has a stable id (the ids of ``shared/gold/README.md`` for themes and actors),
a kind where relevant, and names per UN language (``names.<code>`` is the display name, ``aliases.<code>``
the other surface forms a text may use). Code reads the vocabularies through this module only, so adding an
actor or a language's names is a data edit.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Entry:
    """One vocabulary entry: id, kind, display names and aliases per language, free description."""

    id: str
    kind: str = ""
    names: Mapping[str, str] = field(default_factory=dict)
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    description: str = ""

    def name(self, lang: str) -> str:
        """The display name in ``lang``, falling back to English and then to the id."""
        return self.names.get(lang) or self.names.get("en") or self.id

    def surfaces(self, lang: str) -> tuple[str, ...]:
        """Every surface form of the entry in ``lang``: the display name first, then the aliases."""
        out: list[str] = []
        if lang in self.names:
            out.append(self.names[lang])
        out.extend(self.aliases.get(lang, ()))
        return tuple(dict.fromkeys(s for s in out if s))


@cache
def _load(name: str) -> Mapping[str, Any]:
    return tomllib.loads((resources.files(__name__) / f"{name}.toml").read_text(encoding="utf-8"))


def _entries(name: str) -> tuple[Entry, ...]:
    data = _load(name)
    out = []
    for key, raw in data.items():
        if not isinstance(raw, dict):
            continue
        aliases = {lang: tuple(v) for lang, v in raw.get("aliases", {}).items()}
        out.append(Entry(id=key, kind=raw.get("kind", ""), names=dict(raw.get("names", {})),
                         aliases=aliases, description=raw.get("description", "")))
    return tuple(out)


@cache
def pillars() -> tuple[Entry, ...]:
    """The four pillars of the Strategy (I–IV) and ``ALL`` (the Strategy as a whole)."""
    return _entries("pillars")


@cache
def themes() -> tuple[Entry, ...]:
    """The theme vocabulary of the gold contract, in its order."""
    return _entries("themes")


@cache
def actors() -> tuple[Entry, ...]:
    """The actor taxonomy: the gold ids plus other bodies UN texts name (UNDP, FATF, ICAO …)."""
    return _entries("actors")


@cache
def instruments() -> tuple[Entry, ...]:
    """Treaties, declarations and other instruments a resolution may name without a symbol."""
    return _entries("instruments")


@cache
def _index(name: str) -> Mapping[str, Entry]:
    return {e.id: e for e in _entries(name)}


def actor(actor_id: str) -> Entry:
    """The actor ``actor_id``; KeyError when the taxonomy has no such actor."""
    return _index("actors")[actor_id]


def theme(theme_id: str) -> Entry:
    """The theme ``theme_id``; KeyError when the vocabulary has no such theme."""
    return _index("themes")[theme_id]


def instrument(instrument_id: str) -> Entry:
    """The instrument ``instrument_id``; KeyError when unknown."""
    return _index("instruments")[instrument_id]

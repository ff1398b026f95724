"""Language knowledge as data: one folder per UN language, loaded by one mechanism.

Each language has a folder ``gcts/languages/<code>/`` holding TOML files, one per concern (``structure.toml``
for heading words, numbering and footnote conventions; ``openings.toml`` for opening phrases; and so on).
:func:`profile` merges them into one read-only :class:`LanguageProfile`. Code never branches on a language
code: it asks the profile. Adding a language means adding a folder.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

UN_LANGUAGES: tuple[str, ...] = ("ar", "zh", "en", "fr", "ru", "es")


class UnknownLanguage(ValueError):
    """A language code for which gcts ships no data."""


@dataclass(frozen=True)
class LanguageProfile:
    """All that gcts knows of one language, section by section (one section per TOML file)."""

    code: str
    sections: Mapping[str, Mapping[str, Any]]

    def section(self, name: str) -> Mapping[str, Any]:
        """The data of ``<code>/<name>.toml``; an empty mapping when the language has no such file."""
        return self.sections.get(name, {})

    def get(self, section: str, key: str, default: Any = None) -> Any:
        """One value of one section, or ``default``."""
        return self.section(section).get(key, default)


def available() -> tuple[str, ...]:
    """The language codes that have a data folder, in the UN's order."""
    root = resources.files(__name__)
    have = {p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")}
    return tuple(c for c in UN_LANGUAGES if c in have) + tuple(sorted(have - set(UN_LANGUAGES)))


@cache
def profile(code: str) -> LanguageProfile:
    """Load (once) and return the profile of language ``code``."""
    folder = resources.files(__name__) / code
    if not folder.is_dir():
        raise UnknownLanguage(f"no language data for {code!r}; known: {', '.join(available())}")
    sections: dict[str, Mapping[str, Any]] = {}
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml"):
            sections[entry.name.removesuffix(".toml")] = tomllib.loads(entry.read_text(encoding="utf-8"))
    return LanguageProfile(code=code, sections=sections)

"""The words a comparison shows a reader, in the reader's language: redline headings, legend, summary
categories, confidence notes, pairing reasons and warnings.

The texts are language data: the ``[labels]`` table of ``languages/<code>/compare.toml``, read through
:func:`gcts.languages.profile`. A label is a template with named fields (``"{a} → {b} (changed)"``). English
is complete and is the fallback of every other language, key by key, so a language with a partial table still
shows words, never a raw key. The interface language (``ui_language``) is independent of the language of the
documents compared: a Chinese reader may compare two English resolutions.

Reasons and warnings are built by the aligner as :class:`Note` values (a key and its fields) so that they
can be rendered in any language later; their English rendering is what the JSON output carries.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from gcts.languages import profile

#: The language whose labels are complete and fill the gaps of the others.
FALLBACK = "en"


@dataclass(frozen=True, slots=True)
class Note:
    """A message to render later in some language: a label key and the values of its fields."""

    key: str
    fields: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, key: str, **fields: object) -> Note:
        """``Note.of("reason-moved")``, ``Note.of("warning-low-confidence", low=3, high="0.40")``."""
        return cls(key, tuple((k, str(v)) for k, v in fields.items()))


class MissingLabel(KeyError):
    """A label key that not even the English data defines (a programming error, caught by the tests)."""


class Labels:
    """The labels of one interface language, falling back to English key by key."""

    def __init__(self, language: str, own: Mapping[str, str], fallback: Mapping[str, str]) -> None:
        self.language = language
        self._own = dict(own)
        self._fallback = dict(fallback)

    def template(self, key: str) -> str:
        """The raw template of ``key`` (own language first, then English)."""
        if key in self._own:
            return self._own[key]
        if key in self._fallback:
            return self._fallback[key]
        raise MissingLabel(f"no label {key!r} in the compare data of {self.language!r} or {FALLBACK!r}")

    def __call__(self, key: str, **fields: object) -> str:
        """The label ``key`` with its fields filled in."""
        values = {k: str(v) for k, v in fields.items()}
        own = self._own.get(key)
        if own is not None:
            try:
                return own.format_map(values)
            except (KeyError, IndexError, ValueError):
                pass  # a translation naming a field the code does not give: use the English wording
        if key not in self._fallback:
            raise MissingLabel(f"no label {key!r} in the compare data of {FALLBACK!r}")
        return self._fallback[key].format_map(values)

    def note(self, note: Note) -> str:
        """One note rendered."""
        return self(note.key, **dict(note.fields))

    def notes(self, notes: Iterable[Note]) -> str:
        """Several notes rendered and joined by this language's ``note-separator``."""
        return self("note-separator").join(self.note(n) for n in notes)

    def own_keys(self) -> set[str]:
        """The keys this language defines itself (without the English fallback)."""
        return set(self._own)


def _table(code: str) -> dict[str, str]:
    raw = profile(code).section("compare").get("labels", {})
    return {str(k): str(v) for k, v in raw.items()}


@cache
def labels(ui_language: str = FALLBACK) -> Labels:
    """The labels of ``ui_language`` (a UN language code with data under ``gcts/languages``).

    Raises :class:`gcts.languages.UnknownLanguage` for a code without language data.
    """
    return Labels(ui_language, _table(ui_language), _table(FALLBACK))


def fields_of(template: str) -> set[str]:
    """The named fields a template uses (``"{a} → {b}"`` → ``{"a", "b"}``)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}

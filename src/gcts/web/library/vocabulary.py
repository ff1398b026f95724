"""Display names of pillars, themes and actors in the interface language, from :mod:`gcts.taxonomy`."""

from __future__ import annotations

from functools import cache

from django.utils.translation import get_language

from gcts import taxonomy


def ui_language() -> str:
    """The UN language code of the active interface language (``zh-hans`` → ``zh``)."""
    return (get_language() or "en").split("-", 1)[0]


@cache
def _names(vocabulary: str, lang: str) -> dict[str, str]:
    loaders = {"pillar": taxonomy.pillars, "theme": taxonomy.themes, "actor": taxonomy.actors}
    try:
        return {e.id: e.name(lang) for e in loaders[vocabulary]()}
    except (OSError, ValueError, KeyError):  # a vocabulary file missing: show ids
        return {}


def name(vocabulary: str, entry_id: str) -> str:
    """The display name of ``entry_id`` in ``vocabulary`` (pillar, theme, actor); the id when unknown."""
    return _names(vocabulary, ui_language()).get(entry_id, entry_id)


def choices(vocabulary: str) -> list[tuple[str, str]]:
    """(id, display name) of every entry of ``vocabulary``, for filter menus."""
    return sorted(_names(vocabulary, ui_language()).items(), key=lambda kv: kv[0])

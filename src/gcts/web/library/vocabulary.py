"""Display names in the interface language: pillars, themes and actors (from :mod:`gcts.taxonomy`), and the
closed vocabularies the interface shows as labels (paragraph functions, finding severities, change categories
of a comparison) through Django's message catalogues. The pages never show a raw key when a name exists."""

from __future__ import annotations

from functools import cache

from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from gcts import taxonomy


def ui_language() -> str:
    """The UN language code of the active interface language (``zh-hans`` → ``zh``)."""
    return (get_language() or "en").split("-", 1)[0]


@cache
def _names(vocabulary: str, lang: str) -> dict[str, str]:
    loaders = {
        "pillar": taxonomy.pillars,
        "theme": taxonomy.themes,
        "actor": taxonomy.actors,
        "instrument": taxonomy.instruments,
    }
    try:
        return {e.id: e.name(lang) for e in loaders[vocabulary]()}
    except (OSError, ValueError, KeyError):  # a vocabulary file missing: show ids
        return {}


def name(vocabulary: str, entry_id: str) -> str:
    """The display name of ``entry_id`` in ``vocabulary`` (pillar, theme, actor, instrument); else the id."""
    return _names(vocabulary, ui_language()).get(entry_id, entry_id)


def choices(vocabulary: str) -> list[tuple[str, str]]:
    """(id, display name) of every entry of ``vocabulary``, for filter menus."""
    return list(_choices(vocabulary, ui_language()))


@cache
def _choices(vocabulary: str, lang: str) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(_names(vocabulary, lang).items(), key=lambda kv: kv[0]))


#: The ``function`` vocabulary of the gold contract (what a paragraph's opening does).
FUNCTIONS: dict[str, Promise] = {
    "reaffirm": _("reaffirms"),
    "affirm": _("affirms"),
    "recall": _("recalls"),
    "recognize": _("recognizes"),
    "note": _("notes"),
    "welcome": _("welcomes"),
    "concern": _("expresses concern"),
    "condemn": _("condemns"),
    "emphasize": _("emphasizes"),
    "encourage": _("encourages"),
    "call_upon": _("calls upon"),
    "urge": _("urges"),
    "request": _("requests"),
    "invite": _("invites"),
    "decide": _("decides"),
    "other": _("other function"),
}

#: Severities of the quality report's findings.
SEVERITIES: dict[str, Promise] = {"error": _("error"), "warning": _("warning"), "info": _("for information")}

#: The change categories of a comparison's summary (:data:`gcts.compare.summary.CATEGORIES`).
CHANGES: dict[str, Promise] = {
    "new": _("new"),
    "removed": _("removed"),
    "substantially changed": _("substantially changed"),
    "changed": _("changed"),
    "moved": _("moved"),
    "split": _("split"),
    "merged": _("merged"),
    "unchanged": _("unchanged"),
}

#: Fixed periods of a recurring mandate.
RECURRENCES: dict[str, Promise] = {
    "annual": _("every year"),
    "quarterly": _("every quarter"),
    "biennial": _("every two years"),
    "triennial": _("every three years"),
}

#: Parts of a resolution as paragraph ids name them (``preamble:3``, ``operative:83``): "paragraph n" in each.
PARTS: dict[str, Promise] = {
    "preamble": _("preambular paragraph %(n)s"),
    "operative": _("operative paragraph %(n)s"),
}


INSTRUMENT_PREFIX = "instrument:"


def reference_name(symbol: str) -> str:
    """A cited symbol for people: document symbols as they are, ``instrument:strategy`` by its name."""
    if symbol.startswith(INSTRUMENT_PREFIX):
        return name("instrument", symbol.removeprefix(INSTRUMENT_PREFIX))
    return symbol


def label(vocabulary: dict[str, Promise], key: str) -> str:
    """The translated name of ``key`` in one of the closed vocabularies above; the key itself when unknown."""
    found = vocabulary.get(key)
    return str(found) if found is not None else key


#: The parts themselves (a finding about the whole operative part has ``where="operative"``).
PART_NAMES: dict[str, Promise] = {"preamble": _("preamble"), "operative": _("operative part")}


def paragraph_label(pid: str) -> str:
    """A paragraph id for people: ``operative:83`` → "operative paragraph 83" in the interface language;
    a part alone (``operative``) by its name."""
    part, _sep, index = pid.partition(":")
    if part in PARTS and not index:
        return str(PART_NAMES[part])
    return str(PARTS[part]) % {"n": index} if part in PARTS else pid

"""Template helpers of the library pages: vocabulary names and the highlighted opening of a paragraph."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from gcts.followup.due import Due
from gcts.web.library import vocabulary

register = template.Library()


@register.filter
def pillar_name(value: str) -> str:
    """The pillar's display name in the interface language."""
    return vocabulary.name("pillar", value)


@register.filter
def theme_name(value: str) -> str:
    """The theme's display name in the interface language."""
    return vocabulary.name("theme", value)


@register.filter
def actor_name(value: str) -> str:
    """The actor's display name in the interface language."""
    return vocabulary.name("actor", value)


@register.filter
def reference_name(value: str) -> str:
    """A cited document's symbol, or an instrument's name in the interface language."""
    return vocabulary.reference_name(value)


@register.filter
def function_name(value: str) -> str:
    """A paragraph function's name in the interface language (``call_upon`` → "calls upon")."""
    return vocabulary.label(vocabulary.FUNCTIONS, value)


@register.filter
def severity_name(value: str) -> str:
    """A finding's severity in the interface language."""
    return vocabulary.label(vocabulary.SEVERITIES, value)


@register.filter
def recurrence_name(value: str) -> str:
    """A mandate's recurrence in the interface language (``annual`` → "every year")."""
    return vocabulary.label(vocabulary.RECURRENCES, value)


@register.filter
def change_name(value: str) -> str:
    """A comparison's change category in the interface language."""
    return vocabulary.label(vocabulary.CHANGES, value)


@register.filter
def pid_label(pid: str) -> str:
    """A paragraph id for people (``operative:83`` → "operative paragraph 83")."""
    return vocabulary.paragraph_label(pid)


@register.simple_tag
def paragraph_text(text: str, opening: str) -> SafeString:
    """The paragraph text (escaped) with its opening phrase wrapped in ``<strong class="opening">``."""
    at = text.find(opening) if opening else -1
    if at < 0:
        return format_html("{}", text)
    return format_html(
        '{}<strong class="opening">{}</strong>{}', text[:at], opening, text[at + len(opening) :]
    )


@register.filter
def pid_anchor(pid: str) -> str:
    """The HTML id of a paragraph id in the reading view (``preamble:3`` → ``preamble-3``)."""
    return pid.replace(":", "-")


#: The pillars that have a colour in the design system (``--pillar-I`` … in gcts.css).
PILLAR_CLASSES = {"I", "II", "III", "IV", "ALL"}


@register.filter
def pillar_class(pillar: str) -> str:
    """The CSS class that gives a pillar its colour (``II`` → ``pillar-II``); empty for an unknown value."""
    return f"pillar-{pillar}" if pillar in PILLAR_CLASSES else ""


@register.filter
def text_direction(language: str) -> str:
    """``rtl`` for a language written right to left (Arabic), else ``ltr`` — for a document's ``dir``."""
    from django.utils.translation import get_language_info

    try:
        return "rtl" if get_language_info(language)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


@register.filter
def state_name(state: str) -> str:
    """A mandate's state on the tracker's day (``overdue`` → "overdue") in the interface language."""
    from gcts.web.library.tracking import STATES

    return str(STATES.get(state, state))


@register.filter
def due_text(due: Due) -> str:
    """How a mandate's due date was read, in words of the interface language."""
    from gcts.web.library.tracking import due_text as text

    return text(due)


@register.filter
def session_text(due: Due) -> str:
    """The session a mandate names, with its dates."""
    from gcts.web.library.tracking import session_text as text

    return text(due)


@register.filter
def get_item(mapping: Mapping[str, Any], key: str) -> Any:
    """``mapping[key]`` in a template (None when absent)."""
    return mapping.get(key)


@register.filter
def is_partial(quality: list[dict[str, Any]]) -> bool:
    """Whether a document's findings say it is partial (an excerpt, a first page)."""
    from gcts.web.library.findings import is_partial as partial

    return partial(quality or [])

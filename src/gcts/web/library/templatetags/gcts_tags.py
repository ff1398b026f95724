"""Template helpers of the library pages: vocabulary names and the highlighted opening of a paragraph."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

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

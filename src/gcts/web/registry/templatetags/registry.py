"""Template filters of the registry pages: names in the interface language, money, table cells."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils.translation import gettext as _

register = template.Library()

REASONS = {
    "state_named": "the offer names the State",
    "any_state": "the offer is open to every State",
    "themes": "shared themes",
    "paragraphs": "shared paragraphs",
    "pillar": "same pillar",
}


def _pick(texts: dict[str, str] | None, lang: str) -> str:
    texts = texts or {}
    return texts.get(lang) or texts.get("en") or next(iter(texts.values()), "")


@register.filter
def text_in(texts: dict[str, str] | None, lang: str) -> str:
    return _pick(texts, lang)


@register.filter
def title_in(obj: Any, lang: str) -> str:
    return str(obj.title_in(lang))


@register.filter
def org_name(org: Any, lang: str) -> str:
    return "" if org is None else str(org.name(lang))


@register.filter
def state_name(state: Any, lang: str) -> str:
    return "" if state is None else str(state.name(lang))


@register.filter
def entry_name(entry: Any, lang: str) -> str:
    return str(entry.name(lang))


@register.filter
def theme_name(theme_id: str, lang: str) -> str:
    from gcts.taxonomy import theme

    try:
        return str(theme(theme_id).name(lang))
    except KeyError:
        return theme_id


@register.filter
def money(value: Decimal | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}"


@register.filter
def reason(rule: str) -> str:
    return _(REASONS.get(rule, rule))


@register.simple_tag
def cell(table: Any, row: Any, col: Any) -> Any:
    return table.value(row, col)

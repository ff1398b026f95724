"""A report's words in its language: labels, number and date formats and fonts, as per-language data.

Each language has ``gcts/languages/<code>/report.toml`` with three tables: ``[labels]`` (key → text, with
``{name}`` fields), ``[format]`` (decimal and group marks, percent, money and date patterns) and ``[fonts]``
(the font families for text and charts, the writing direction). Label lookup is the comparison's mechanism
(:class:`gcts.compare.labels.Labels`): English is complete and fills a language's gaps key by key, so a
report never shows a raw key; :attr:`Labels.untranslated` says which keys fell back, so a report in a
partly translated language can say so.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from gcts.compare import labels as label_tables
from gcts.languages import profile

FALLBACK = "en"


def _section(code: str, name: str) -> Mapping[str, Any]:
    return profile(code).section("report").get(name, {})


@cache
def _words(code: str) -> label_tables.Labels:
    own = {str(k): str(v) for k, v in _section(code, "labels").items()}
    base = {str(k): str(v) for k, v in _section(FALLBACK, "labels").items()}
    return label_tables.Labels(code, own, base)


class Labels:
    """The report words and formats of one language, with English as the stated fallback."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._words = _words(language)

    def __call__(self, key: str, **values: Any) -> str:
        """The label ``key`` with its fields filled."""
        return self._words(key, **values)

    def term(self, kind: str, key: str) -> str:
        """The name of ``key`` in a closed vocabulary (``action``, ``status``, ``recurrence``): the label
        ``{kind}_{key}``, or the key itself when no language names it (new values show, never vanish)."""
        name = f"{kind}_{key}"
        return self(name) if name in _section(FALLBACK, "labels") else key

    @property
    def untranslated(self) -> set[str]:
        """The label keys this language lacks (shown in English)."""
        return set(_section(FALLBACK, "labels")) - self._words.own_keys()

    def _format(self, key: str) -> Any:
        own = _section(self.language, "format")
        return own[key] if key in own else _section(FALLBACK, "format")[key]

    def number(self, value: float | int | Decimal, decimals: int = 0) -> str:
        """``1234567.8`` → ``1,234,568`` (English) with the language's group and decimal marks."""
        text = f"{value:,.{decimals}f}"
        group, decimal = self._format("group"), self._format("decimal")
        return text.replace(",", "\x00").replace(".", decimal).replace("\x00", group)

    def money(self, value: float | int | Decimal) -> str:
        """A US-dollar amount in whole dollars, in the language's pattern (``US$ {amount}``)."""
        return str(self._format("money")).format(amount=self.number(value))

    def percent(self, share: float, decimals: int = 1) -> str:
        """``0.253`` → ``25.3%`` in the language's pattern."""
        return str(self._format("percent")).format(value=self.number(100 * share, decimals))

    def date(self, day: date) -> str:
        """A calendar date in the language's pattern."""
        return str(self._format("date")).format(year=day.year, month=day.month, day=day.day)

    @property
    def fonts(self) -> list[str]:
        """Font families for text and charts, most specific first (Debian's Noto fonts)."""
        families = _section(self.language, "fonts").get("family") or _section(FALLBACK, "fonts")["family"]
        return [str(f) for f in families]

    @property
    def direction(self) -> str:
        """``ltr`` or ``rtl``."""
        return str(_section(self.language, "fonts").get("direction", "ltr"))

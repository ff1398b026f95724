"""The import rules as data (``rules.toml``: id, severity, messages per language) and the issues they raise.

An :class:`Issue` names the place a person must fix — file, sheet, row, column — and the rule; its message is
rendered in the interface language (falling back to English, never to a raw key).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

ERROR = "error"
WARNING = "warning"


@cache
def rule_set() -> dict[str, Any]:
    """The rules file, parsed."""
    return tomllib.loads((resources.files(__package__) / "rules.toml").read_text(encoding="utf-8"))


def version() -> str:
    return str(rule_set()["version"])


def rules() -> dict[str, dict[str, str]]:
    return dict(rule_set()["rules"])


@dataclass(frozen=True)
class Issue:
    """One problem found in an import: where, which rule, and the values for its message."""

    rule: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    params: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    key: str = ""  # the activity identifier the row belongs to (for importing only the valid activities)

    @property
    def severity(self) -> str:
        return rules()[self.rule]["severity"]

    def message(self, lang: str = "en") -> str:
        """The rule's message in ``lang`` (``zh-hans`` → ``zh``), English when that language has none."""
        rule = rules()[self.rule]
        code = (lang or "en").split("-")[0]
        template = rule.get(code) or rule["en"]
        values = {"column": self.column, "value": "", "expected": "", **dict(self.params)}
        return template.format(**values)

    def place(self) -> str:
        """``sheet 'activities', row 4, column 'pillar'`` (the parts that are known)."""
        parts = []
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts)

    def line(self, lang: str = "en") -> str:
        """One line for the command line: place, rule id and severity, message."""
        where = self.place()
        return f"{where + ': ' if where else ''}{self.rule} {self.severity}: {self.message(lang)}"

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message(lang),
        }


def issue(
    rule: str, sheet: str = "", row: int | None = None, column: str = "", key: str = "", **params: Any
) -> Issue:
    """An :class:`Issue` with its message parameters as strings."""
    if rule not in rules():
        raise KeyError(f"no import rule {rule}")
    return Issue(rule, sheet, row, column, tuple((k, str(v)) for k, v in params.items()), key)

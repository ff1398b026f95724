"""Validation of a spreadsheet against the schema and the rules, before anything is stored (framework-free).

Reads: a :class:`~gcts.registry.importing.sheets.Workbook` and :class:`Lookups` (what the store knows) ·
Writes: :class:`Parsed` — typed activities and their rows, and every issue found (not only the first), each
keyed to the activity it belongs to so that "import only the valid activities" can leave out exactly those.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from gcts.registry.importing.rules import ERROR, Issue, issue
from gcts.registry.importing.schema import REQUIRED_SHEETS, SHEETS, Column, SheetSpec
from gcts.registry.importing.sheets import Workbook

PARAGRAPH = re.compile(r"^(?:(operative|preamble):)?(\d{1,3})$")
SHARE_SHEETS = (("pillars",), ("themes",), ("countries", "regions"))
HUNDRED = Decimal(100)


@dataclass
class Lookups:
    """What the store knows, as plain data and callables (so validation needs no framework)."""

    organisations: Mapping[str, str]  # any identifier (ref or IATI id, upper case) -> ref
    states: frozenset[str]
    regions: frozenset[str]
    activities: frozenset[str]
    codelists: Mapping[str, frozenset[str]]
    may_report: Callable[[str], bool] = lambda ref: True
    has_rate: Callable[[str, date], bool] = lambda currency, on: True
    paragraph_known: Callable[[str, str], bool] = lambda symbol, pid: True


@dataclass
class Row:
    sheet: str
    number: int
    key: str
    values: dict[str, Any]


@dataclass
class Parsed:
    activities: dict[str, Row] = field(default_factory=dict)
    rows: dict[str, list[Row]] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == ERROR]

    def invalid_keys(self) -> set[str]:
        """Activities with at least one error; an error with no activity makes every key invalid."""
        keys = {i.key for i in self.errors}
        return set(self.activities) if "" in keys else keys


def paragraph_id(text: str) -> str | None:
    """``66`` → ``operative:66``; ``operative:66`` and ``preamble:3`` as they are; else ``None``."""
    m = PARAGRAPH.match(text.strip().lower().replace(" ", ""))
    if not m:
        return None
    return f"{m.group(1) or 'operative'}:{int(m.group(2))}"


def _parse(
    col: Column, raw: str, spec: SheetSpec, number: int, key: str, lk: Lookups, out: list[Issue]
) -> Any:
    """The typed value of one cell, or ``None`` with an issue added."""

    def bad(rule: str, **params: Any) -> None:
        out.append(issue(rule, spec.name, number, col.name, key, value=raw, **params))

    if col.kind == "text":
        if len(raw) > col.max_length:
            bad("R018", expected=col.max_length)
            return None
        return raw
    if col.kind == "date":
        try:
            return date.fromisoformat(raw[:10])
        except ValueError:
            bad("R002")
            return None
    if col.kind in ("amount", "share"):
        try:
            value = Decimal(raw.replace(",", "").replace(" ", ""))
        except InvalidOperation:
            bad("R003")
            return None
        if not value.is_finite():
            bad("R003")
            return None
        if value < 0:
            bad("R017")
            return None
        if col.kind == "share" and value > HUNDRED:
            bad("R007", expected=value)
            return None
        return value.quantize(Decimal("0.01"))
    if col.kind == "code":
        allowed = lk.codelists.get(col.codelist, frozenset())
        code = raw.upper() if col.codelist == "Currency" else raw
        if code not in allowed:
            bad("R004", expected=col.codelist)
            return None
        return code
    if col.kind == "organisation":
        ref = lk.organisations.get(raw.upper())
        if ref is None:
            bad("R005")
        return ref
    if col.kind == "state":
        if raw.upper() not in lk.states:
            bad("R006")
            return None
        return raw.upper()
    if col.kind == "region":
        code = raw.zfill(3)
        if code not in lk.regions:
            bad("R004", expected="M49")
            return None
        return code
    if col.kind == "paragraph":
        pid = paragraph_id(raw)
        if pid is None:
            bad("R016")
        return pid
    return raw  # activity references are checked once all identifiers are known


def validate(book: Workbook, lk: Lookups) -> Parsed:
    """Every issue of the workbook; the typed rows of what is valid."""
    parsed = Parsed(issues=list(book.issues))
    for name in REQUIRED_SHEETS:
        if name not in book.sheets:
            parsed.issues.append(issue("R011", name, value=name))
    for spec in SHEETS:
        sheet = book.sheets.get(spec.name)
        if sheet is None:
            continue
        missing = [c.name for c in spec.columns if c.required and c.name not in sheet.headers]
        for name in missing:
            parsed.issues.append(issue("R012", spec.name, 1, name, value=name))
        if missing:
            continue
        key_col = "identifier" if spec.name == "activities" else "activity"
        for number, raw_row in sheet.rows:
            key = raw_row.get(key_col, "").strip()
            values: dict[str, Any] = {}
            for col in spec.columns:
                raw = raw_row.get(col.name, "").strip()
                if not raw:
                    if col.required:
                        parsed.issues.append(issue("R001", spec.name, number, col.name, key))
                    values[col.name] = None
                    continue
                values[col.name] = _parse(col, raw, spec, number, key, lk, parsed.issues)
            row = Row(spec.name, number, key, values)
            if spec.name == "activities":
                if key in parsed.activities:
                    parsed.issues.append(issue("R008", spec.name, number, "identifier", key, value=key))
                    continue
                if key:
                    parsed.activities[key] = row
            else:
                parsed.rows.setdefault(spec.name, []).append(row)
    _cross_checks(parsed, lk)
    return parsed


def _cross_checks(parsed: Parsed, lk: Lookups) -> None:
    known = set(parsed.activities) | set(lk.activities)
    add = parsed.issues.append
    for key, row in parsed.activities.items():
        v = row.values
        for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
            if v.get(start) and v.get(end) and v[end] < v[start]:
                add(issue("R015", "activities", row.number, end, key, value=v[end], expected=v[start]))
        reporter = v.get("reporting_org")
        if reporter and not lk.may_report(reporter):
            add(issue("R019", "activities", row.number, "reporting_org", key, value=reporter))
        parent = v.get("parent")
        if parent and parent not in known:
            add(issue("R009", "activities", row.number, "parent", key, value=parent))
    for sheet, rows in parsed.rows.items():
        for row in rows:
            for col in ("activity", "source_activity", "destination_activity"):
                ref = row.values.get(col)
                if ref and ref not in known:
                    add(issue("R009", sheet, row.number, col, row.key, value=ref))
            if (
                sheet in ("transactions", "budgets")
                and row.values.get("currency")
                and row.values.get("value_date" if sheet == "transactions" else "period_start")
            ):
                on = row.values["value_date" if sheet == "transactions" else "period_start"]
                if not lk.has_rate(row.values["currency"], on):
                    add(
                        issue(
                            "R014",
                            sheet,
                            row.number,
                            "currency",
                            row.key,
                            value=f"{row.values['currency']} {on.year}",
                        )
                    )
            if (
                sheet == "paragraphs"
                and row.values.get("paragraph")
                and row.values.get("symbol")
                and not lk.paragraph_known(row.values["symbol"], row.values["paragraph"])
            ):
                add(
                    issue(
                        "R021",
                        sheet,
                        row.number,
                        "paragraph",
                        row.key,
                        value=f"{row.values['symbol']} {row.values['paragraph']}",
                    )
                )
            if (
                sheet == "budgets"
                and row.values.get("period_start")
                and row.values.get("period_end")
                and row.values["period_end"] < row.values["period_start"]
            ):
                add(
                    issue(
                        "R015",
                        sheet,
                        row.number,
                        "period_end",
                        row.key,
                        value=row.values["period_end"],
                        expected=row.values["period_start"],
                    )
                )
    for sheets in SHARE_SHEETS:
        totals: dict[str, tuple[Decimal, int, str]] = {}
        for sheet in sheets:
            for row in parsed.rows.get(sheet, []):
                share = row.values.get("share")
                if share is None or not row.key:
                    continue
                total, first, first_sheet = totals.get(row.key, (Decimal(0), row.number, sheet))
                totals[row.key] = (total + share, first, first_sheet)
        for key, (total, number, sheet) in totals.items():
            if abs(total - HUNDRED) > Decimal("0.01"):
                add(issue("R007", sheet, number, "share", key, value=key, expected=total))
        seen_dup: set[tuple[str, str]] = set()
        for sheet in sheets:
            code_col = {"pillars": "pillar", "themes": "theme", "countries": "country", "regions": "region"}[
                sheet
            ]
            for row in parsed.rows.get(sheet, []):
                pair = (row.key, f"{sheet}:{row.values.get(code_col)}")
                if row.values.get(code_col) and pair in seen_dup:
                    add(issue("R008", sheet, row.number, code_col, row.key, value=row.values.get(code_col)))
                seen_dup.add(pair)

"""The layout conventions of one language, read from ``languages/<code>/structure.toml`` and compiled once.

The structurer never asks which language it reads: it asks a :class:`Conventions` object for the pattern of
an operative number, the words that open a preambular paragraph, how lines join, and so on. A language
without a ``structure.toml`` gets the English conventions for everything it does not say (numbers, rules
and symbols are written the same way in all six UN languages).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from gcts.errors import StructureError
from gcts.languages import UnknownLanguage, profile

#: Footnote markers as Unicode superscripts are script-neutral: every language may carry them.
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_LINE = r"^(?P<number>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(?P<text>[^\s⁰¹²³⁴⁵⁶⁷⁸⁹].*)$"
NEVER = r"(?!x)x"


def superscript_value(marks: str) -> int:
    """The integer written by a run of superscript digits (``¹⁰`` → 10)."""
    return int("".join(str(SUPERSCRIPT_DIGITS.index(c)) for c in marks))


@dataclass(frozen=True)
class Conventions:
    """Compiled layout conventions of one language (see ``languages/en/structure.toml`` for the meaning)."""

    language: str
    line_join: str
    cased: bool
    rejoin_split_words: bool
    fix_space_before_hyphen: bool
    heading: Mapping[str, re.Pattern[str]]
    kind_draft: str
    kind_adopted: str
    meeting: re.Pattern[str]
    date: re.Pattern[str]
    months: Mapping[str, int]
    number_words: Mapping[str, int]
    number_multipliers: Mapping[str, int]
    number_separators: str
    operative_number: re.Pattern[str]
    preamble_endings: tuple[str, ...]
    operative_endings: tuple[str, ...]
    final_endings: tuple[str, ...]
    preamble_opening: re.Pattern[str]
    continuation_words: frozenset[str]
    subparagraph_label: re.Pattern[str]
    roman: re.Pattern[str]
    footnote_rule: re.Pattern[str]
    footnote_superscript_line: re.Pattern[str]
    footnote_numbered_line: re.Pattern[str]
    footnote_number_line: re.Pattern[str]
    inline_markers: bool
    glued_markers: bool
    glued_to_word: bool
    marker_not_after: frozenset[str]
    marker_not_before: frozenset[str]
    stop_words: tuple[str, ...] = field(default=())
    adopted_chapeau: re.Pattern[str] = field(default=re.compile(NEVER))
    adopted_opening: re.Pattern[str] = field(default=re.compile(NEVER))


HEADING_KEYS = (
    "organisation",
    "organ",
    "distribution",
    "original",
    "session",
    "agenda",
    "draft_by",
    "draft_after",
    "draft_only",
    "main_committee",
    "adopted",
    "adopted_date",
    "committee",
    "number_title",
    "number_only",
    "body",
    "report",
)


def _merged(code: str) -> dict[str, Any]:
    """The ``structure`` section of ``code``, each table completed from English where it is silent."""
    base = dict(profile("en").section("structure"))
    if code == "en":
        return base
    own = profile(code).section("structure")
    merged: dict[str, Any] = {}
    for table in set(base) | set(own):
        merged[table] = {**base.get(table, {}), **own.get(table, {})}
    return merged


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:  # a broken data file is a bug of the data, reported with its place
        raise StructureError(f"bad regular expression in language data: {exc}", field=where) from exc


@cache
def conventions(code: str) -> Conventions:
    """The conventions of language ``code`` (loaded once); unknown codes raise StructureError."""
    try:
        data = _merged(code)
    except UnknownLanguage as exc:
        raise StructureError(str(exc), field="language") from exc
    head = data.get("heading", {})
    par = data.get("paragraphs", {})
    fn = data.get("footnotes", {})
    adopted = data.get("adopted_text", {})
    where = f"languages/{code}/structure.toml"
    return Conventions(
        language=code,
        line_join=str(data["script"].get("line_join", " ")),
        cased=bool(data["script"].get("cased", True)),
        rejoin_split_words=bool(data["script"].get("rejoin_split_words", False)),
        fix_space_before_hyphen=bool(data["script"].get("fix_space_before_hyphen", False)),
        heading={k: _compile(str(head.get(k) or NEVER), f"{where} [heading.{k}]") for k in HEADING_KEYS},
        kind_draft=str(head.get("kind_draft", "draft resolution")),
        kind_adopted=str(head.get("kind_adopted", "resolution")),
        meeting=_compile(str(data.get("closing", {}).get("meeting") or NEVER), f"{where} [closing.meeting]"),
        date=_compile(str(data.get("dates", {}).get("pattern") or NEVER), f"{where} [dates.pattern]"),
        months={k.lower(): int(v) for k, v in data.get("dates", {}).get("months", {}).items()},
        number_words={k.lower(): int(v) for k, v in data.get("numbers", {}).get("words", {}).items()},
        number_multipliers={k: int(v) for k, v in data.get("numbers", {}).get("multipliers", {}).items()},
        number_separators=str(data.get("numbers", {}).get("separators", "")),
        operative_number=_compile(str(par["operative_number"]), f"{where} [paragraphs.operative_number]"),
        preamble_endings=tuple(par.get("preamble_endings", [])),
        operative_endings=tuple(par.get("operative_endings", [])),
        final_endings=tuple(par.get("final_endings", [])),
        preamble_opening=_compile(str(par.get("preamble_opening") or NEVER), f"{where} [paragraphs]"),
        continuation_words=frozenset(par.get("continuation_words", [])),
        subparagraph_label=_compile(str(data["subparagraphs"]["label"]), f"{where} [subparagraphs.label]"),
        roman=_compile(str(data["subparagraphs"]["roman"]), f"{where} [subparagraphs.roman]"),
        footnote_rule=_compile(str(fn.get("rule") or NEVER), f"{where} [footnotes.rule]"),
        footnote_superscript_line=_compile(
            str(fn.get("superscript_line") or SUPERSCRIPT_LINE), f"{where} [footnotes.superscript_line]"
        ),
        footnote_numbered_line=_compile(str(fn.get("numbered_line") or NEVER), f"{where} [footnotes]"),
        footnote_number_line=_compile(str(fn.get("number_line") or NEVER), f"{where} [footnotes]"),
        inline_markers=fn.get("markers", "inline") == "inline",
        glued_markers=bool(fn.get("glued_after_punctuation", False)),
        glued_to_word=bool(fn.get("glued_to_word", False)),
        marker_not_after=frozenset(w.lower() for w in fn.get("not_after", [])),
        marker_not_before=frozenset(w.lower() for w in fn.get("not_before", [])),
        stop_words=tuple(data.get("detect", {}).get("stop_words", [])),
        adopted_chapeau=_compile(str(adopted.get("chapeau") or NEVER), f"{where} [adopted_text.chapeau]"),
        adopted_opening=_compile(str(adopted.get("opening") or NEVER), f"{where} [adopted_text.opening]"),
    )


def words_to_number(text: str, conv: Conventions) -> int | None:
    """An integer written in words (``Seventy-second`` → 72, ``七十二`` → 72), or None if a word is unknown.

    Values of ordinary words add up; a multiplier (十, 百) multiplies what precedes it (or 1).
    """
    tokens = re.split(conv.number_separators, text.strip().lower()) if conv.number_separators else list(text)
    total = current = 0
    seen = False
    for tok in tokens:
        if not tok:
            continue
        if tok in conv.number_multipliers:
            total += (current or 1) * conv.number_multipliers[tok]
            current = 0
        elif tok in conv.number_words:
            current += conv.number_words[tok]
        else:
            return None
        seen = True
    return total + current if seen else None

"""What a document must satisfy before gcts keeps or shows it: every field's type and length, and caps on its
size (paragraphs, paragraph length).

Readers produce a :class:`gcts.model.Resolution` from files nobody vetted (an AKN upload may name any
language, a gcts JSON file any symbol). :func:`admit` is the one gate every reader's result passes through
(``gcts.reading.load``) and the store checks again: it refuses a field that is too long or of the wrong shape
with an error naming the field, and it neutralises the characters that would change how text around them is
shown (bidi embeddings and overrides, "Trojan source"). The limits are those of the store (PostgreSQL
``varchar`` columns, 32-bit integers), so a document admitted here is one the store can hold.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from gcts.errors import FormatError, GctsError, InputError
from gcts.model import Heading, Paragraph, QualityIssue, Resolution

#: A language code as gcts stores it: ISO 639 (2–3 letters), optionally a region or script subtag
#: (``zh``, ``en``, ``zh-hans``). The store's column holds 8 characters.
LANGUAGE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,4})?")
LANGUAGE_MAX = 8
#: UN symbols (``A/RES/60/288``, ``S/RES/2178 (2014)``): the store's column holds 80 characters.
SYMBOL_MAX = 80
#: Free text of the heading (title, agenda title, submitter …).
HEADING_TEXT_MAX = 4000
#: The largest integer the store's integer columns hold (session, paragraph and footnote numbers).
INT_MAX = 2**31 - 1
#: Caps on a document's size: far above any resolution (the longest review has about 200 paragraphs of at
#: most a few thousand characters), low enough that annotating the largest admitted document stays bounded.
MAX_PARAGRAPHS = 5000
MAX_PARAGRAPH_CHARS = 100_000
MAX_FOOTNOTES = 5000

#: Characters no stored text may hold: C0 controls other than tab, line feed, carriage return; DEL and the
#: C1 controls; surrogates; the non-characters U+FFFE/U+FFFF. XML (the AKN output) cannot carry most of them
#: and PostgreSQL refuses NUL.
INVALID = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
#: Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder the text shown after
#: them, so a symbol or paragraph could read differently from what it holds. Marks (U+200E/U+200F, U+061C)
#: are kept: Arabic text uses them legitimately and they reorder nothing beyond one character.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def neutralise(text: str) -> str:
    """``text`` without bidi embedding, override and isolate controls (for anything shown to people)."""
    return BIDI_CONTROLS.sub("", text)


def field_problem(
    name: str, value: Any, *, max_length: int, pattern: re.Pattern[str] | None = None
) -> str | None:
    """Why ``value`` cannot be the field ``name`` (a string of at most ``max_length`` characters, matching
    ``pattern`` when given), or None when it can."""
    if not isinstance(value, str):
        return f"{name} must be text, not {type(value).__name__}"
    if len(value) > max_length:
        return f"{name} is {len(value)} characters long; at most {max_length} are allowed"
    if INVALID.search(value):
        return f"{name} holds a control character (U+{ord(INVALID.search(value)[0]):04X})"  # type: ignore[index]
    if pattern is not None and value and not pattern.fullmatch(value):
        return f"{name} {value[:40]!r} is not of the expected form"
    return None


def language_problem(value: Any) -> str | None:
    """Why ``value`` is not a language code gcts can store (``zh``, ``en``, ``zh-hans``), or None."""
    problem = field_problem("language", value, max_length=LANGUAGE_MAX, pattern=LANGUAGE)
    if problem is None and not value:
        return "language is empty"
    return problem


def symbol_problem(name: str, value: Any) -> str | None:
    """Why ``value`` is not a document symbol gcts can store (at most 80 characters, one line), or None."""
    problem = field_problem(name, value, max_length=SYMBOL_MAX)
    if problem is None and any(unicodedata.category(c) in {"Zl", "Zp", "Cf"} or c in "\r\n\t" for c in value):
        return f"{name} must be one line of visible characters"
    return problem


def _integer_problem(name: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        return f"{name} must be an integer"
    if not 0 <= value <= INT_MAX:
        return f"{name} {value if abs(value) < 10**12 else '(a very long number)'} is out of range"
    return None


def _heading_problems(h: Heading) -> Iterator[str]:
    for name in ("symbol", "adopted_as", "resolution_number"):
        value = getattr(h, name)
        if value is not None:
            yield from filter(None, [symbol_problem(f"heading.{name}", value)])
    yield from filter(None, [_integer_problem("heading.session", h.session)])
    for f in dataclasses.fields(Heading):
        value = getattr(h, f.name)
        if isinstance(value, str) and f.name not in {"symbol", "adopted_as", "resolution_number"}:
            yield from filter(None, [field_problem(f"heading.{f.name}", value, max_length=HEADING_TEXT_MAX)])
        elif value is not None and f.type in {"str | None", "str"} and not isinstance(value, str):
            yield f"heading.{f.name} must be text"


def _paragraph_problems(p: Paragraph, where: str) -> Iterator[str]:
    if not isinstance(p.text, str):
        yield f"{where}.text must be text"
        return
    if len(p.text) > MAX_PARAGRAPH_CHARS:
        yield f"{where} is {len(p.text):,} characters long; at most {MAX_PARAGRAPH_CHARS:,} are allowed"
    if INVALID.search(p.text):
        yield f"{where}.text holds a control character"
    for name in ("number", "index"):
        yield from filter(None, [_integer_problem(f"{where}.{name}", getattr(p, name))])
    for n in p.footnotes:
        yield from filter(None, [_integer_problem(f"{where}.footnotes", n)])


def problems(res: Resolution) -> list[str]:
    """Everything that keeps ``res`` from being admitted, one line each starting with the field's name (empty
    when it is admissible)."""
    found: list[str] = []
    found.extend(filter(None, [language_problem(res.language)]))
    found.extend(_heading_problems(res.heading))
    paragraphs = len(res.preamble) + len(res.operative)
    if paragraphs > MAX_PARAGRAPHS:
        found.append(f"paragraphs: {paragraphs:,} of them; at most {MAX_PARAGRAPHS:,} are allowed")
        return found  # checking each of them would cost what the cap is there to prevent
    for part, items in (("preamble", res.preamble), ("operative", res.operative)):
        for i, p in enumerate(items, start=1):
            found.extend(_paragraph_problems(p, f"{part}[{i}]"))
    if len(res.footnotes) > MAX_FOOTNOTES:
        found.append(f"footnotes: {len(res.footnotes):,} of them; at most {MAX_FOOTNOTES:,} are allowed")
    for f in res.footnotes[:MAX_FOOTNOTES]:
        found.extend(filter(None, [_integer_problem("footnotes.number", f.number)]))
        found.extend(filter(None, [field_problem("footnotes.text", f.text, max_length=MAX_PARAGRAPH_CHARS)]))
    return found


def _neutralise_all(res: Resolution) -> int:
    """Remove bidi controls from every shown text of ``res`` in place; how many fields changed."""
    changed = 0
    h = res.heading
    for f in dataclasses.fields(Heading):
        value = getattr(h, f.name)
        if isinstance(value, str) and BIDI_CONTROLS.search(value):
            setattr(h, f.name, neutralise(value))
            changed += 1
    for p in (*res.preamble, *res.operative):
        if BIDI_CONTROLS.search(p.text):
            p.text = neutralise(p.text)
            changed += 1
    for fn in res.footnotes:
        if BIDI_CONTROLS.search(fn.text):
            fn.text = neutralise(fn.text)
            changed += 1
    return changed


def admit(res: Resolution, *, source: str | None = None, error: type[GctsError] = InputError) -> Resolution:
    """``res`` checked for storing and showing: bidi controls removed (noted in its quality report), and an
    ``error`` (default :class:`InputError`; :class:`FormatError` for structured formats) raised naming the
    first offending field when any field is of the wrong type or too long, or the document too large."""
    found = problems(res)
    if found:
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        field = found[0].split(" ", 1)[0].rstrip(":")
        raise error(f"{found[0]}{more}", file=source, field=field)
    if _neutralise_all(res):
        res.quality.append(
            QualityIssue(
                code="bidi-controls-removed",
                message="bidirectional embedding/override characters were removed from the text",
                severity="info",
            )
        )
    return res


__all__ = [
    "LANGUAGE_MAX",
    "MAX_PARAGRAPHS",
    "MAX_PARAGRAPH_CHARS",
    "SYMBOL_MAX",
    "FormatError",
    "admit",
    "field_problem",
    "language_problem",
    "neutralise",
    "problems",
    "symbol_problem",
]

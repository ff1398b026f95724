"""General Assembly sessions: session numbers written in words, and the dates a session implies.

The regular session N of the General Assembly opens in September of the year 1945 + N and runs until the next
session opens a year later (the 74th: 17 September 2019 to 14 September 2020); the days come from the table
of sessions shipped with :mod:`gcts.followup.sessions` (month precision outside it). Number words come from
the language data (``[numbers]`` of ``languages/<code>/mandates.toml``): Chinese digits with multiplying
units (七十四), English tens and ordinals (seventy-fourth, sixtieth).
"""

from __future__ import annotations

import re
from datetime import date

from gcts.followup import sessions as ga_sessions
from gcts.languages import profile


def session_dates(session: int) -> tuple[date, date]:
    """The first and last day of regular session ``session`` (ValueError below 1)."""
    dates = ga_sessions.session(session)
    return dates.opens, dates.closes


def session_of(day: date) -> int:
    """The regular session in course on ``day`` (the inverse of :func:`session_dates`)."""
    return ga_sessions.in_course(day)


def parse_number(words: str, lang: str) -> int | None:
    """A session number written as digits or number words in ``lang``; None when it is not a number."""
    text = re.sub(r"\s*-\s*", "-", words.strip().lower())
    if text.isdigit():
        return int(text)
    numbers = profile(lang).get("mandates", "numbers", {})
    if "digits" in numbers:
        return _multiplicative(text, numbers["digits"], numbers.get("units", {}))
    cardinal = numbers.get("cardinal", {})
    ordinal = numbers.get("ordinal", {})
    total = 0
    seen = False
    for part in re.split(r"[-\s]+", text):
        if part in ordinal:
            total += ordinal[part]
        elif part in cardinal:
            total += cardinal[part]
        else:
            return None
        seen = True
    return total if seen and total > 0 else None


def _multiplicative(text: str, digits: dict[str, int], units: dict[str, int]) -> int | None:
    """Digits-and-units numerals (七十四 = 7×10 + 4, 十二 = 10 + 2, 一百零五 = 105)."""
    total, current = 0, None
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch in units:
            total += (current if current is not None else 1) * units[ch]
            current = None
        else:
            return None
    total += current or 0
    return total if total > 0 else None

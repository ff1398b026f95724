"""Dates of the regular sessions of the General Assembly, from the table ``ga-sessions.toml`` shipped here.

Each session opens on the day the table gives and runs until the next one opens. A session outside the table
is dated by month only (1 September of 1945 + N to 31 August of the year after), and says so.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

TABLE = Path(__file__).with_name("ga-sessions.toml")
FIRST_SESSION_YEAR = 1945


@dataclass(frozen=True, slots=True)
class Session:
    """A regular session: its number, the day it opens, the last day before the next one opens.

    ``basis`` is ``record`` (the date as held), ``rule`` (computed from the rules of procedure, for sessions
    to come) or ``month`` (not in the table: September to August at month precision).
    """

    number: int
    opens: date
    closes: date
    basis: str


@cache
def _table() -> dict[int, tuple[date, str]]:
    data = tomllib.loads(TABLE.read_text(encoding="utf-8"))
    return {int(s["number"]): (s["opens"], str(s["basis"])) for s in data["session"]}


def session(number: int) -> Session:
    """The dates of regular session ``number`` (ValueError for a number below 1)."""
    if number < 1:
        raise ValueError(f"no General Assembly session {number}")
    table = _table()
    if number in table:
        opens, basis = table[number]
        following = table.get(number + 1)
        next_opens = following[0] if following else date(opens.year + 1, 9, 1)
        closes = next_opens - timedelta(days=1)
        return Session(number, opens, closes, basis)
    year = FIRST_SESSION_YEAR + number
    return Session(number, date(year, 9, 1), date(year + 1, 8, 31), "month")


def in_course(day: date) -> int:
    """The number of the regular session in course on ``day``."""
    guess = day.year - FIRST_SESSION_YEAR
    for number in (guess, guess - 1):
        s = session(number)
        if s.opens <= day <= s.closes:
            return number
    return guess if day >= session(guess).opens else guess - 1

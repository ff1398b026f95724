"""When a mandate falls due, relative to a given day: its due date, next occurrences, and state.

A mandate's text gives a deadline (a day, a month, or a year alone), a General Assembly session, a
recurrence (annual, quarterly, biennial, triennial), or several of these. The due day is read the way a
delegate reads it:

- a day is that day; a month ("no later than May 2019") is its last day; a year alone ("by 2020") is
  31 December of that year — with the precision kept, so the interface can say "by the end of 2020";
- a session alone ("at its seventy-fifth session") is the day the session opens (the report must be before
  the Assembly then), from the table of sessions;
- a deadline and a session together: the deadline;
- a recurrence repeats from that first due day; a recurrence with no date at all repeats from the day the
  resolution was adopted (the first report one period after adoption).

The state compares the due day with ``today``: ``done`` (status says so), ``overdue`` (a one-off duty whose
day has passed), ``due-soon`` (within ``soon_days``), ``upcoming``, or ``undated`` (nothing to date it by). A
recurring duty is never overdue as a whole: it has a next occurrence, and the last one that passed.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from gcts.followup.sessions import Session, session

#: Months between two occurrences of each recurrence; also the iCalendar RRULE of each.
PERIODS: dict[str, int] = {"annual": 12, "quarterly": 3, "biennial": 24, "triennial": 36}
RRULES: dict[str, dict[str, str | int]] = {
    "annual": {"FREQ": "YEARLY"},
    "quarterly": {"FREQ": "MONTHLY", "INTERVAL": 3},
    "biennial": {"FREQ": "YEARLY", "INTERVAL": 2},
    "triennial": {"FREQ": "YEARLY", "INTERVAL": 3},
}
SOON_DAYS = 30
SHOWN_OCCURRENCES = 3


@dataclass(frozen=True, slots=True)
class Terms:
    """What the text says about time: ``deadline`` as stored (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or
    empty), the session number, the recurrence key, and the resolution's adoption day (the base of a bare
    recurrence)."""

    deadline: str = ""
    session: int | None = None
    recurrence: str = ""
    adopted: date | None = None


@dataclass(frozen=True, slots=True)
class Due:
    """A mandate's dates relative to ``today``.

    ``first`` is the first due day and ``precision`` how it was read (``day``, ``month``, ``year``,
    ``session``, ``adoption`` or ``none``); ``session`` the session's dates when one is named. ``next`` is
    the first due day on or after today (a recurring duty's next occurrence), ``last`` the latest one before
    today, ``upcoming`` the next few occurrences, ``state`` one of the states above.
    """

    first: date | None
    precision: str
    session: Session | None
    recurrence: str
    next: date | None
    last: date | None
    upcoming: tuple[date, ...]
    state: str

    @property
    def sort_key(self) -> tuple[int, date]:
        """Chronological order: by the day that matters now (next, else first), undated last."""
        day = self.next or self.first
        return (0, day) if day else (1, date.max)


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months, on the same day of the month or the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def read_deadline(deadline: str) -> tuple[date | None, str]:
    """(due day, precision) of a stored deadline; (None, "none") when empty or malformed."""
    parts = deadline.split("-") if deadline else []
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 3:
            return date(*numbers), "day"
        if len(numbers) == 2:
            year, month = numbers
            return date(year, month, calendar.monthrange(year, month)[1]), "month"
        if len(numbers) == 1:
            return date(numbers[0], 12, 31), "year"
    except ValueError:
        pass
    return None, "none"


def first_due(terms: Terms) -> tuple[date | None, str, Session | None]:
    """The first due day, how it was read, and the named session's dates."""
    named = session(terms.session) if terms.session and terms.session > 0 else None
    day, precision = read_deadline(terms.deadline)
    if day is None and named is not None:
        day, precision = named.opens, "session"
    if day is None and terms.recurrence in PERIODS and terms.adopted is not None:
        day, precision = add_months(terms.adopted, PERIODS[terms.recurrence]), "adoption"
    return day, precision, named


def occurrences(first: date, recurrence: str, after: date, count: int) -> tuple[list[date], date | None]:
    """The next ``count`` occurrences on or after ``after`` of a duty first due on ``first``, and the last one
    before ``after`` (None when the first is still to come)."""
    months = PERIODS[recurrence]
    step = 0
    if first < after:  # jump close to ``after`` instead of walking period by period
        elapsed = (after.year - first.year) * 12 + after.month - first.month
        step = max(0, elapsed // months - 1)
    while add_months(first, step * months) < after:
        step += 1
    last = add_months(first, (step - 1) * months) if step > 0 else None
    return [add_months(first, (step + k) * months) for k in range(count)], last


def follow(terms: Terms, today: date, status: str = "open", soon_days: int = SOON_DAYS) -> Due:
    """The mandate's dates and state on ``today``."""
    first, precision, named = first_due(terms)
    recurrence = terms.recurrence if terms.recurrence in PERIODS else ""
    if first is None:
        return Due(None, "none", named, recurrence, None, None, (), "done" if status == "done" else "undated")
    if recurrence:
        upcoming, last = occurrences(first, recurrence, today, SHOWN_OCCURRENCES)
        nxt: date | None = upcoming[0]
    else:
        upcoming, last = ([first], None) if first >= today else ([], first)
        nxt = first if first >= today else None
    if status == "done":
        state = "done"
    elif nxt is None:
        state = "overdue"
    elif (nxt - today).days <= soon_days:
        state = "due-soon"
    else:
        state = "upcoming"
    return Due(first, precision, named, recurrence, nxt, last, tuple(upcoming), state)

"""Due dates of mandates: deadlines, sessions, recurrences, and the state on a given day."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from gcts.followup.due import PERIODS, Terms, add_months, follow, occurrences, read_deadline

TODAY = date(2026, 12, 1)


def test_deadlines_by_day_month_and_year() -> None:
    assert read_deadline("2019-05-31") == (date(2019, 5, 31), "day")
    assert read_deadline("2019-05") == (date(2019, 5, 31), "month")  # "no later than May 2019"
    assert read_deadline("2020-02") == (date(2020, 2, 29), "month")
    assert read_deadline("2020") == (date(2020, 12, 31), "year")  # end of the year, and it says so
    assert read_deadline("") == (None, "none") and read_deadline("2019-13") == (None, "none")


def test_a_session_alone_is_due_when_the_session_opens() -> None:
    due = follow(Terms(session=75), TODAY)
    assert (due.first, due.precision, due.state) == (date(2020, 9, 15), "session", "overdue")
    assert due.session is not None and due.session.closes == date(2021, 9, 13)


def test_a_deadline_wins_over_the_session_it_names() -> None:
    due = follow(Terms(deadline="2019-05", session=73), TODAY)
    assert due.first == date(2019, 5, 31) and due.precision == "month" and due.session is not None


def test_overdue_due_soon_upcoming_done() -> None:
    assert follow(Terms(deadline="2026-11-30"), TODAY).state == "overdue"
    assert follow(Terms(deadline="2026-12-01"), TODAY).state == "due-soon"
    assert follow(Terms(deadline="2026-12-31"), TODAY).state == "due-soon"
    assert follow(Terms(deadline="2027-01"), TODAY).state == "upcoming"
    assert follow(Terms(deadline="2019"), TODAY, status="done").state == "done"
    assert follow(Terms(), TODAY).state == "undated"


def test_a_recurring_duty_is_expanded_into_its_next_occurrences() -> None:
    annual = follow(Terms(deadline="2019-05", recurrence="annual"), TODAY)
    assert annual.upcoming == (date(2027, 5, 31), date(2028, 5, 31), date(2029, 5, 31))
    assert annual.last == date(2026, 5, 31) and annual.state == "upcoming"
    quarterly = follow(Terms(recurrence="quarterly", adopted=date(2018, 6, 26)), TODAY)
    assert quarterly.precision == "adoption" and quarterly.first == date(2018, 9, 26)
    assert quarterly.upcoming == (date(2026, 12, 26), date(2027, 3, 26), date(2027, 6, 26))
    assert quarterly.state == "due-soon"
    biennial = follow(Terms(session=73, recurrence="biennial"), TODAY)
    assert biennial.upcoming[0] == date(2028, 9, 18)  # every two years from the 73rd session's opening
    assert follow(Terms(recurrence="annual"), TODAY).state == "undated"  # nothing to count from


def test_chronological_order() -> None:
    dues = [follow(Terms(deadline=d), TODAY) for d in ("2030", "", "2019-05", "2027-02-01")]
    ordered = sorted(dues, key=lambda d: d.sort_key)
    assert [d.first for d in ordered] == [date(2019, 5, 31), date(2027, 2, 1), date(2030, 12, 31), None]


@given(st.dates(date(1950, 1, 1), date(2100, 12, 31)), st.sampled_from(sorted(PERIODS)),
       st.dates(date(1950, 1, 1), date(2100, 12, 31)))
def test_occurrences_are_the_first_ones_on_or_after_the_day(
    first: date, recurrence: str, after: date
) -> None:
    upcoming, last = occurrences(first, recurrence, after, 3)
    assert upcoming[0] >= after and (last is None or last < after)
    months = PERIODS[recurrence]
    series = [add_months(first, k * months) for k in range(0, 12 * 200 // months)]
    expected = [d for d in series if d >= after][:3]
    assert upcoming == expected
    before = [d for d in series if d < after]
    assert last == (before[-1] if before else None)

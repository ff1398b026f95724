"""The table of General Assembly sessions."""

from __future__ import annotations

from datetime import date, timedelta

from gcts.followup import sessions


def test_recorded_openings_and_a_session_runs_until_the_next_opens() -> None:
    s74 = sessions.session(74)
    assert (s74.opens, s74.closes, s74.basis) == (date(2019, 9, 17), date(2020, 9, 14), "record")
    assert sessions.session(78).opens == date(2023, 9, 5)  # earlier than the 2017 schedule had planned
    assert sessions.session(80).opens == date(2025, 9, 9)
    for n in range(60, 85):
        assert sessions.session(n).closes + timedelta(days=1) == sessions.session(n + 1).opens


def test_every_session_opens_on_a_tuesday_in_september() -> None:
    for n in range(60, 86):
        s = sessions.session(n)
        assert s.opens.weekday() == 1 and s.opens.month == 9 and s.opens.year == 1945 + n


def test_sessions_outside_the_table_are_dated_by_month_and_say_so() -> None:
    s = sessions.session(40)
    assert (s.opens, s.closes, s.basis) == (date(1985, 9, 1), date(1986, 8, 31), "month")


def test_session_in_course() -> None:
    assert sessions.in_course(date(2019, 9, 17)) == 74
    assert sessions.in_course(date(2019, 9, 16)) == 73
    assert sessions.in_course(date(2026, 12, 1)) == 81

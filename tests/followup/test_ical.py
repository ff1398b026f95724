"""The iCalendar file: valid by the icalendar library, one VEVENT per mandate, RRULEs, whole words."""

from __future__ import annotations

from datetime import date

import icalendar
from hypothesis import given
from hypothesis import strategies as st

from gcts.followup.ical import ELLIPSIS, Event, _is_word_char, calendar, shorten


def test_one_event_per_mandate_with_rules_for_recurrences() -> None:
    events = [
        Event("m-1@x", date(2019, 5, 31), "Secretary-General: report", "whole text 1", "http://x/1"),
        Event("m-2@x", date(2027, 5, 31), "UNOCT: brief", "whole text 2", recurrence="quarterly"),
        Event("m-3@x", date(2020, 12, 31), "秘书长：报告", "全文", recurrence="biennial"),
    ]
    parsed = icalendar.Calendar.from_ical(calendar(events, "gcts"))
    vevents = parsed.walk("VEVENT")
    assert [str(e["UID"]) for e in vevents] == ["m-1@x", "m-2@x", "m-3@x"]
    assert vevents[0].decoded("DTSTART") == date(2019, 5, 31) and "RRULE" not in vevents[0]
    assert dict(vevents[1]["RRULE"]) == {"FREQ": ["MONTHLY"], "INTERVAL": [3]}
    assert dict(vevents[2]["RRULE"]) == {"FREQ": ["YEARLY"], "INTERVAL": [2]}
    assert str(vevents[2]["SUMMARY"]) == "秘书长：报告" and str(vevents[2]["DESCRIPTION"]) == "全文"


def test_a_long_summary_is_cut_between_words() -> None:
    text = "Secretary-General: requests to submit a report on the implementation of the Strategy " * 3
    short = shorten(text, 60)
    assert len(short) <= 60 and short.endswith(ELLIPSIS)
    assert text.startswith(short[: -len(ELLIPSIS)])
    assert text[len(short) - len(ELLIPSIS)] in " ,"  # the cut falls where a word ends
    assert shorten("请秘书长" * 40, 20) == "请秘书长" * 4 + "请秘书长"[:3] + ELLIPSIS


@given(st.text(alphabet=st.sampled_from(list("ab cdé,Жж秘书 -")), min_size=0, max_size=300),
       st.integers(5, 150))
def test_shorten_never_cuts_inside_a_word(text: str, limit: int) -> None:
    short = shorten(text, limit)
    flat = " ".join(text.split())
    if len(flat) <= limit:
        assert short == flat
        return
    kept = short.removesuffix(ELLIPSIS)
    assert flat.startswith(kept)
    end = len(kept)
    # the next character of the text does not continue a word the summary ends with
    assert not (end and _is_word_char(kept[-1]) and end < len(flat) and _is_word_char(flat[end]))
    first_word = flat.split(" ", 1)[0]
    assert len(short) <= limit or kept == first_word

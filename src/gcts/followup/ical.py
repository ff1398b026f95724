"""Mandates as an iCalendar file (RFC 5545), written by the ``icalendar`` library: one all-day VEVENT per
mandate, with an RRULE when the duty recurs.

The texts (summary, description) are given ready in the reader's language by the caller; this module only
shortens a summary that is too long for a calendar's list view — at a word boundary, never inside a word — and
keeps the whole text in the description.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import icalendar

from gcts.followup.due import RRULES

SUMMARY_LIMIT = 120
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Event:
    """One mandate on the calendar; ``uid`` stays the same for the same mandate (calendars update in
    place)."""

    uid: str
    start: date
    summary: str
    description: str
    url: str = ""
    recurrence: str = ""
    categories: tuple[str, ...] = ()


def _is_word_char(ch: str) -> bool:
    """A letter or digit of a script that separates words by spaces (Latin, Cyrillic, Arabic …): cutting
    between two of them would cut a word. Chinese characters are words of their own."""
    if not ch.isalnum():
        return False
    name = unicodedata.name(ch, "")
    return not name.startswith(("CJK ", "HIRAGANA", "KATAKANA", "HANGUL"))


def shorten(text: str, limit: int = SUMMARY_LIMIT) -> str:
    """``text`` on one line, at most ``limit`` characters, cut only between words (with an ellipsis)."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = limit - len(ELLIPSIS)
    while cut > 0 and _is_word_char(text[cut - 1]) and _is_word_char(text[cut]):
        cut -= 1
    if cut == 0:  # one word longer than the limit: keep it whole rather than cut it
        match = re.match(r"\S+", text)
        return (match.group(0) if match else text[:limit]) + ELLIPSIS
    return text[:cut].rstrip(" ,;:，、；：") + ELLIPSIS


def calendar(events: Iterable[Event], name: str, product: str = "-//gcts//mandate tracker//") -> bytes:
    """The iCalendar file of ``events`` (bytes, CRLF lines folded by the library)."""
    cal = icalendar.Calendar()
    cal.add("prodid", product)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    stamp = datetime.now(UTC).replace(microsecond=0)
    for e in events:
        event = icalendar.Event()
        event.add("uid", e.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", e.start)
        event.add("dtend", e.start + timedelta(days=1))
        event.add("summary", shorten(e.summary))
        event.add("description", e.description)
        if e.url:
            event.add("url", e.url)
        if e.categories:
            event.add("categories", list(e.categories))
        if e.recurrence in RRULES:
            event.add("rrule", RRULES[e.recurrence])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return bytes(cal.to_ical())

"""Secondary evidence — date of birth, nationality, gender, document numbers — raising or lowering a name
score.

Each piece of evidence is an :class:`Adjustment` with the amount and a sentence saying why, so that a hit's
explanation shows it. Amounts are small against the name score except for an identical document number: a
name alone decides whether an entry is a candidate; the rest orders candidates and lowers clear mismatches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gcts.screening.countries import country_code
from gcts.screening.listing import ListEntry

_DATE = re.compile(r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?\s*$")
_DMY = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")

DOB_EXACT = 0.15
DOB_YEAR = 0.07
DOB_NEAR = 0.02
DOB_CONFLICT = -0.15
NATIONALITY_MATCH = 0.03
NATIONALITY_CONFLICT = -0.04
GENDER_CONFLICT = -0.10
DOCUMENT_MATCH = 0.30
NEAR_YEARS = 2


@dataclass(frozen=True)
class Adjustment:
    amount: float
    reason: str


@dataclass(frozen=True)
class PartialDate:
    """A date of birth as an input gives it: a year, a year and month, or a full date."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p]
        return "-".join(parts)


UNKNOWN_DATES = {"", "-", "?", "n/a", "na", "unknown", "none", "null"}


def parse_partial_date(text: str) -> PartialDate | None:
    """``1965``, ``1969-7-16``, ``1960-06-29``, ``16/07/1969`` → a :class:`PartialDate`; None if not a
    date."""
    m = _DATE.match(text)
    if m:
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
    else:
        m = _DMY.match(text)
        if not m:
            return None
        day, month, year = m.group(1), m.group(2), int(m.group(3))
    month_n = int(month) if month else None
    day_n = int(day) if day else None
    if not 1800 <= year <= 2200:
        return None
    # an impossible month or day (records carry typos: "1974-01-32") leaves what is plausible: the year
    if month_n is None or not 1 <= month_n <= 12:
        return PartialDate(year)
    if day_n is None or not 1 <= day_n <= 31:
        return PartialDate(year, month_n)
    return PartialDate(year, month_n, day_n)


def _dob(record_dob: PartialDate, entry: ListEntry) -> Adjustment | None:
    best: Adjustment | None = None
    stated = [d for d in entry.birth_dates if d.years()]
    if not stated:
        return None
    for d in stated:
        low, high = d.years()  # type: ignore[misc]
        if d.date and record_dob.month and record_dob.day and d.date == record_dob.iso():
            return Adjustment(DOB_EXACT, f"date of birth {d.date} as listed")
        if low <= record_dob.year <= high:
            if d.date and record_dob.month and d.date[:7] != record_dob.iso()[:7]:
                candidate = Adjustment(DOB_NEAR, f"year of birth {record_dob.year} as listed, month differs")
            else:
                candidate = Adjustment(
                    DOB_YEAR,
                    f"year of birth {record_dob.year} within listed {low}–{high}"
                    if low != high
                    else f"year of birth {record_dob.year} as listed",
                )
        elif low - NEAR_YEARS <= record_dob.year <= high + NEAR_YEARS and d.kind in (
            "approximate",
            "between",
        ):
            candidate = Adjustment(
                DOB_NEAR, f"year of birth {record_dob.year} near listed approx. {low}–{high}"
            )
        else:
            continue
        if best is None or candidate.amount > best.amount:
            best = candidate
    if best:
        return best
    listed = ", ".join(sorted({d.date or str(d.years()[0]) for d in stated}))  # type: ignore[index]
    return Adjustment(DOB_CONFLICT, f"date of birth {record_dob.iso()} differs from listed {listed}")


def _digits(number: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", number.upper())


def adjustments(
    entry: ListEntry,
    *,
    dob: PartialDate | None = None,
    nationality: str = "",
    gender: str = "",
    documents: tuple[str, ...] = (),
) -> list[Adjustment]:
    """What the record's other fields say for or against it being this entry."""
    out: list[Adjustment] = []
    if dob is not None and entry.kind == "individual":
        a = _dob(dob, entry)
        if a:
            out.append(a)
    if nationality:
        code = country_code(nationality)
        listed = {c for c in (country_code(n) for n in entry.nationalities) if c}
        if code and listed:
            if code in listed:
                out.append(Adjustment(NATIONALITY_MATCH, f"nationality {code} as listed"))
            else:
                out.append(
                    Adjustment(
                        NATIONALITY_CONFLICT,
                        f"nationality {code} not among listed {', '.join(sorted(listed))}",
                    )
                )
    if gender and entry.gender in ("Male", "Female"):
        g = gender.strip().lower()[:1]
        if g in ("m", "f") and g != entry.gender[0].lower():
            out.append(Adjustment(GENDER_CONFLICT, f"gender {gender} differs from listed {entry.gender}"))
    if documents:
        listed_numbers = {_digits(d.number): d for d in entry.documents if len(_digits(d.number)) >= 5}
        for number in documents:
            hit = listed_numbers.get(_digits(number))
            if hit:
                out.append(
                    Adjustment(DOCUMENT_MATCH, f"{hit.type or 'document'} number {hit.number} as listed")
                )
                break
    return out

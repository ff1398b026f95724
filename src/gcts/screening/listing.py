"""The Consolidated List as plain data: entries (individuals and entities) and everything said of them.

Frozen dataclasses so that two snapshots can be compared field by field (:mod:`gcts.screening.changes`) and an
entry can be shared between threads and Dask workers without copying.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Kind = Literal["individual", "entity"]
Quality = Literal["primary", "good", "low", "aka", "fka", ""]


@dataclass(frozen=True)
class ListName:
    """One name of an entry: the primary name, an alias, or the name in original script.

    ``quality`` is the list's own word: ``good`` and ``low`` for individuals' aliases ("low" aliases are weak
    evidence: often a single common word), ``aka``/``fka`` for entities, ``primary`` for the main name and
    ``original`` for ``NAME_ORIGINAL_SCRIPT``.
    """

    name: str
    quality: str
    parts: tuple[str, ...] = ()  # FIRST_NAME, SECOND_NAME … for the primary name, in the list's order

    @property
    def weak(self) -> bool:
        return self.quality == "low"


@dataclass(frozen=True)
class BirthDate:
    """A date of birth as the list states it: ``kind`` is exact, year, range or approximate (with a year or a
    range). ``date`` is ISO ``YYYY-MM-DD`` when a full date is given."""

    kind: Literal["exact", "approximate", "between", "unknown"]
    date: str | None = None
    year: int | None = None
    from_year: int | None = None
    to_year: int | None = None
    note: str = ""

    def years(self) -> tuple[int, int] | None:
        """The inclusive range of years this statement allows, or None when it says nothing usable."""
        if self.date:
            y = int(self.date[:4])
            return (y, y)
        if self.year is not None:
            return (self.year, self.year)
        if self.from_year is not None and self.to_year is not None:
            return (min(self.from_year, self.to_year), max(self.from_year, self.to_year))
        return None


@dataclass(frozen=True)
class Place:
    """A place (of birth, or an address): the list's parts, any of which may be empty."""

    street: str = ""
    city: str = ""
    state_province: str = ""
    zip_code: str = ""
    country: str = ""
    note: str = ""

    def text(self) -> str:
        return ", ".join(
            p for p in (self.street, self.city, self.state_province, self.zip_code, self.country) if p
        )


@dataclass(frozen=True)
class Document:
    """An identity document: passport, national identification number …"""

    type: str
    number: str
    issuing_country: str = ""
    country_of_issue: str = ""
    city_of_issue: str = ""
    date_of_issue: str = ""
    note: str = ""


@dataclass(frozen=True)
class ListEntry:
    """One individual or entity of the list, identified by its reference number (``QDi.001``, ``QDe.004``)."""

    reference_number: str
    kind: Kind
    data_id: str
    version: int
    un_list_type: str  # the sanctions regime: Al-Qaida, Taliban, DPRK …
    list_types: tuple[str, ...]
    listed_on: str
    amended_on: tuple[str, ...]  # LAST_DAY_UPDATED values
    names: tuple[ListName, ...]
    gender: str = ""
    titles: tuple[str, ...] = ()
    designations: tuple[str, ...] = ()
    nationalities: tuple[str, ...] = ()
    birth_dates: tuple[BirthDate, ...] = ()
    birth_places: tuple[Place, ...] = ()
    addresses: tuple[Place, ...] = ()
    documents: tuple[Document, ...] = ()
    comments: str = ""

    @property
    def primary_name(self) -> str:
        return self.names[0].name if self.names else ""

    @property
    def aliases(self) -> tuple[ListName, ...]:
        return tuple(n for n in self.names if n.quality not in ("primary", "original"))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ConsolidatedList:
    """A snapshot of the list: when it was generated and its entries in file order."""

    generated: str  # the file's dateGenerated, ISO
    entries: tuple[ListEntry, ...] = field(default_factory=tuple)

    @property
    def snapshot_date(self) -> str:
        return self.generated[:10]

    @property
    def individuals(self) -> tuple[ListEntry, ...]:
        return tuple(e for e in self.entries if e.kind == "individual")

    @property
    def entities(self) -> tuple[ListEntry, ...]:
        return tuple(e for e in self.entries if e.kind == "entity")

    def by_reference(self) -> dict[str, ListEntry]:
        return {e.reference_number: e for e in self.entries}


def entry_from_dict(raw: dict[str, Any]) -> ListEntry:
    """The inverse of :meth:`ListEntry.to_dict` (the store keeps entries as JSON)."""
    return ListEntry(
        reference_number=raw["reference_number"],
        kind=raw["kind"],
        data_id=raw["data_id"],
        version=raw["version"],
        un_list_type=raw["un_list_type"],
        list_types=tuple(raw["list_types"]),
        listed_on=raw["listed_on"],
        amended_on=tuple(raw["amended_on"]),
        names=tuple(ListName(n["name"], n["quality"], tuple(n["parts"])) for n in raw["names"]),
        gender=raw["gender"],
        titles=tuple(raw["titles"]),
        designations=tuple(raw["designations"]),
        nationalities=tuple(raw["nationalities"]),
        birth_dates=tuple(BirthDate(**d) for d in raw["birth_dates"]),
        birth_places=tuple(Place(**p) for p in raw["birth_places"]),
        addresses=tuple(Place(**p) for p in raw["addresses"]),
        documents=tuple(Document(**d) for d in raw["documents"]),
        comments=raw["comments"],
    )

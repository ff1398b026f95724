"""Reader of the UN Security Council Consolidated List in its official XML (``sc-sanctions.xsd`` layout).

Parsed with defusedxml with DTDs forbidden: a document type declaration, an entity (internal or external) or a
reference to the network is refused before anything is expanded, so entity bombs and external-entity tricks
end in a one-line :class:`~gcts.errors.FormatError`. Any newer file in the same layout reads the same way;
unknown elements are ignored, missing ones are empty.
"""

from __future__ import annotations

import gzip
import re
from importlib import resources
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from gcts.errors import FormatError, InputError
from gcts.screening.listing import BirthDate, ConsolidatedList, Document, ListEntry, ListName, Place

MAX_BYTES = 200 * 1024 * 1024  # the 2026 list is 2 MB; a hundred times that is not a list
NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
_QUALITY = {"good": "good", "low": "low", "a.k.a.": "aka", "f.k.a.": "fka"}
_DATE_KINDS = {"EXACT": "exact", "APPROXIMATELY": "approximate", "BETWEEN": "between"}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _text(node: Element | None, tag: str) -> str:
    if node is None:
        return ""
    found = node.find(tag)
    return " ".join((found.text or "").split()) if found is not None else ""


def _values(node: Element, tag: str) -> tuple[str, ...]:
    return tuple(v for v in (" ".join((x.text or "").split()) for x in node.findall(f"{tag}/VALUE")) if v)


def _date(value: str) -> str:
    return value[:10] if _ISO_DATE.match(value) else value


def _year(value: str) -> int | None:
    return int(value) if value.isdigit() else None


def _place(node: Element, city: str = "CITY", country: str = "COUNTRY") -> Place:
    return Place(
        street=_text(node, "STREET"),
        city=_text(node, city),
        state_province=_text(node, "STATE_PROVINCE"),
        zip_code=_text(node, "ZIP_CODE"),
        country=_text(node, country),
        note=_text(node, "NOTE"),
    )


def _birth_date(node: Element) -> BirthDate | None:
    kind_word = _text(node, "TYPE_OF_DATE").upper()
    date = _text(node, "DATE")
    year = _year(_text(node, "YEAR"))
    from_year, to_year = _year(_text(node, "FROM_YEAR")), _year(_text(node, "TO_YEAR"))
    note = _text(node, "NOTE")
    if not (date or year or from_year or to_year or note):
        return None
    return BirthDate(
        kind=_DATE_KINDS.get(kind_word, "unknown"),  # type: ignore[arg-type]
        date=_date(date) or None,
        year=year,
        from_year=from_year,
        to_year=to_year,
        note=note,
    )


def _document(node: Element) -> Document | None:
    doc = Document(
        type=_text(node, "TYPE_OF_DOCUMENT"),
        number=_text(node, "NUMBER"),
        issuing_country=_text(node, "ISSUING_COUNTRY"),
        country_of_issue=_text(node, "COUNTRY_OF_ISSUE"),
        city_of_issue=_text(node, "CITY_OF_ISSUE"),
        date_of_issue=_date(_text(node, "DATE_OF_ISSUE")),
        note=_text(node, "NOTE"),
    )
    return doc if (doc.type or doc.number or doc.note) else None


def _entry(node: Element, kind: str) -> ListEntry:
    prefix = "INDIVIDUAL" if kind == "individual" else "ENTITY"
    reference = _text(node, "REFERENCE_NUMBER")
    parts = tuple(p for p in (_text(node, t) for t in NAME_PARTS) if p)
    names: list[ListName] = []
    if parts:
        names.append(ListName(" ".join(parts), "primary", parts))
    original = _text(node, "NAME_ORIGINAL_SCRIPT")
    if original:
        names.append(ListName(original, "original"))
    for alias in node.findall(f"{prefix}_ALIAS"):
        name = _text(alias, "ALIAS_NAME")
        if name:
            names.append(ListName(name, _QUALITY.get(_text(alias, "QUALITY").lower(), "")))
    dobs = tuple(d for d in (_birth_date(n) for n in node.findall("INDIVIDUAL_DATE_OF_BIRTH")) if d)
    pobs = tuple(
        p for p in (_place(n) for n in node.findall("INDIVIDUAL_PLACE_OF_BIRTH")) if p.text() or p.note
    )
    addresses = tuple(p for p in (_place(n) for n in node.findall(f"{prefix}_ADDRESS")) if p.text() or p.note)
    documents = tuple(d for d in (_document(n) for n in node.findall("INDIVIDUAL_DOCUMENT")) if d)
    version = _text(node, "VERSIONNUM")
    return ListEntry(
        reference_number=reference,
        kind=kind,  # type: ignore[arg-type]
        data_id=_text(node, "DATAID"),
        version=int(version) if version.isdigit() else 0,
        un_list_type=_text(node, "UN_LIST_TYPE"),
        list_types=_values(node, "LIST_TYPE"),
        listed_on=_date(_text(node, "LISTED_ON")),
        amended_on=tuple(_date(v) for v in _values(node, "LAST_DAY_UPDATED")),
        names=tuple(names),
        gender=_text(node, "GENDER").capitalize(),
        titles=_values(node, "TITLE"),
        designations=_values(node, "DESIGNATION"),
        nationalities=_values(node, "NATIONALITY"),
        birth_dates=dobs,
        birth_places=pobs,
        addresses=addresses,
        documents=documents,
        comments=_text(node, "COMMENTS1"),
    )


def parse_consolidated_list(data: bytes, source: str = "<list>") -> ConsolidatedList:
    """Read the list from the bytes of its XML file; ``source`` names the file in error messages."""
    if len(data) > MAX_BYTES:
        raise InputError(f"larger than {MAX_BYTES // (1024 * 1024)} MB; not a Consolidated List", file=source)
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise FormatError(
            f"refused: the XML declares a DTD or entities ({type(exc).__name__})", file=source
        ) from exc
    except ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise FormatError(f"not well-formed XML: {exc}", file=source, line=line) from exc
    if root.tag != "CONSOLIDATED_LIST":
        raise FormatError(f"root element is <{root.tag}>, expected <CONSOLIDATED_LIST>", file=source)
    entries: list[ListEntry] = []
    seen: set[str] = set()
    for kind, path in (("individual", "INDIVIDUALS/INDIVIDUAL"), ("entity", "ENTITIES/ENTITY")):
        for index, node in enumerate(root.findall(path), start=1):
            entry = _entry(node, kind)
            if not entry.reference_number:
                raise FormatError(
                    f"{kind} {index} has no REFERENCE_NUMBER", file=source, field="REFERENCE_NUMBER"
                )
            if not entry.names:
                raise FormatError(f"{entry.reference_number} has no name", file=source, field="FIRST_NAME")
            if entry.reference_number in seen:
                raise FormatError(
                    f"reference number {entry.reference_number} occurs twice",
                    file=source,
                    field="REFERENCE_NUMBER",
                )
            seen.add(entry.reference_number)
            entries.append(entry)
    return ConsolidatedList(generated=root.get("dateGenerated", ""), entries=tuple(entries))


def read_consolidated_list(path: str | Path) -> ConsolidatedList:
    """Read the list from a file, plain or gzip-compressed (see :func:`parse_consolidated_list`)."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            magic = handle.read(2)
            handle.seek(0)
            if magic == b"\x1f\x8b":  # decompressed no further than the cap: a gzip bomb stops there
                with gzip.GzipFile(fileobj=handle) as unpacked:
                    data = unpacked.read(MAX_BYTES + 1)
            else:
                data = handle.read(MAX_BYTES + 1)
    except (OSError, EOFError) as exc:
        raise InputError(f"cannot read: {getattr(exc, 'strerror', None) or exc}", file=str(path)) from exc
    return parse_consolidated_list(data, source=str(path))


def shipped_list_path() -> Path:
    """The newest snapshot shipped with gcts (``gcts/data/sanctions``)."""
    folder = Path(str(resources.files("gcts") / "data" / "sanctions"))
    return sorted(folder.glob("UNSC-consolidated-list.*.xml*"))[-1]

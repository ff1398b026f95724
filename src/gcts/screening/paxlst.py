"""UN/EDIFACT PAXLST passenger and crew manifests (as sent for advance passenger information, API).

A small reader of the segments a screening needs, after the PAXLST message implementation guide's
conventions: ``UNA`` (optional service characters), ``UNB``/``UNH`` headers, then per traveller a
``NAD+FL`` (passenger) or ``NAD+FM`` / ``NAD+DDT`` / ``NAD+DDU`` (crew) segment whose name composite is
family name : given name : further given names, followed by ``ATT+2`` (gender), ``DTM+329`` (date of birth,
YYMMDD), ``NAT+2`` (nationality), ``LOC+180`` (place of birth) and ``DOC``/``RFF`` (travel document number).
No library reads PAXLST (the EDIFACT libraries on PyPI parse syntax only), so this is written here
(decision 0018).
"""

from __future__ import annotations

from datetime import date

from gcts.errors import InputError
from gcts.screening.evidence import PartialDate
from gcts.screening.records import Record

TRAVELLER = {"FL", "FM", "DDT", "DDU", "COT"}


def is_paxlst(data: bytes) -> bool:
    head = data.lstrip()[:400]
    return head.startswith((b"UNA", b"UNB")) and b"PAXLST" in data[:2000]


def _service(text: str) -> tuple[str, str, str, str]:
    """(component, element, release, segment) separators: from UNA when present, else the defaults."""
    if text.startswith("UNA") and len(text) >= 9:
        return text[3], text[4], text[6], text[8]
    return ":", "+", "?", "'"


def _split(text: str, sep: str, release: str, *, keep: bool) -> list[str]:
    """Split at ``sep`` not preceded by ``release``; ``keep`` leaves release characters in for a later
    split."""
    parts: list[str] = []
    cur: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == release and i + 1 < len(text):
            cur.append(text[i : i + 2] if keep else text[i + 1])
            i += 2
            continue
        if ch == sep:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    parts.append("".join(cur))
    return parts


def segments(data: bytes, source: str) -> list[list[list[str]]]:
    """The message as segments → elements → components, release characters resolved."""
    try:
        text = data.decode("utf-8").lstrip("\ufeff \r\n\t")
    except UnicodeDecodeError:
        text = data.decode("latin-1").lstrip()
    comp, elem, release, seg = _service(text)
    body = text[9:] if text.startswith("UNA") else text
    body = body.replace("\r", "").replace("\n", "")
    out = []
    for raw in _split(body, seg, release, keep=True):
        if raw.strip():
            elements = _split(raw, elem, release, keep=True)
            out.append([_split(e, comp, release, keep=False) for e in elements])
    if not out:
        raise InputError("no EDIFACT segments", file=source)
    return out


def _dob(value: str, source: str, index: int) -> PartialDate:
    digits = value.strip()
    try:
        if len(digits) == 8:
            return PartialDate(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
        if len(digits) == 6:
            yy, mm, dd = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
            century = 1900 if yy > date.today().year % 100 else 2000
            date(century + yy, mm, dd)
            return PartialDate(century + yy, mm, dd)
    except ValueError:
        pass
    raise InputError(f"DTM+329 date of birth {value!r} is not YYMMDD", file=source, line=index, field="DTM")


def read_paxlst(data: bytes, source: str) -> list[Record]:
    """One :class:`Record` per traveller (row = traveller number from 1); ``line`` in errors is the
    segment."""
    segs = segments(data, source)
    if not any(s[0][0] == "UNH" and len(s) > 2 and s[2][0] == "PAXLST" for s in segs):
        raise InputError("no UNH segment of message type PAXLST", file=source)
    records: list[Record] = []
    current: dict[str, object] | None = None

    def close() -> None:
        if current is not None:
            records.append(
                Record(
                    row=len(records) + 1,
                    name=str(current["name"]),
                    date_of_birth=current.get("dob"),  # type: ignore[arg-type]
                    nationality=str(current.get("nationality", "")),
                    gender=str(current.get("gender", "")),
                    place_of_birth=str(current.get("pob", "")),
                    documents=tuple(current.get("docs", ())),  # type: ignore[arg-type]
                    extra={"role": str(current["role"])},
                )
            )

    for index, seg in enumerate(segs, start=1):
        tag = seg[0][0]
        if tag == "NAD" and len(seg) > 1 and seg[1][0] in TRAVELLER:
            close()
            name_parts = seg[4] if len(seg) > 4 else []
            family = name_parts[0].strip() if name_parts else ""
            given = " ".join(p.strip() for p in name_parts[1:] if p.strip())
            if not family and not given:
                raise InputError(
                    "NAD traveller segment has no name (element 4: family:given)",
                    file=source,
                    line=index,
                    field="NAD",
                )
            current = {"name": f"{given} {family}".strip(), "role": seg[1][0], "docs": []}
        elif current is None:
            continue
        elif tag == "ATT" and len(seg) > 3 and seg[1][0] == "2":
            current["gender"] = {"M": "male", "F": "female"}.get(seg[3][0].strip().upper(), "")
        elif tag == "DTM" and len(seg) > 1 and seg[1][0] == "329" and len(seg[1]) > 1:
            current["dob"] = _dob(seg[1][1], source, index)
        elif tag == "NAT" and len(seg) > 2 and seg[1][0] == "2":
            current["nationality"] = seg[2][0].strip()
        elif tag == "LOC" and len(seg) > 2 and seg[1][0] == "180":
            current["pob"] = seg[2][0].strip()
        elif tag == "DOC" and len(seg) > 2:
            current["docs"].append(seg[2][0].strip())  # type: ignore[attr-defined]
        elif tag in ("UNT", "CNT"):
            close()
            current = None
    close()
    return records

"""Input records: columns by name or mapping, XLSX, PAXLST manifests, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from gcts.errors import InputError
from gcts.screening.evidence import PartialDate, parse_partial_date
from gcts.screening.inputs import read_records
from gcts.screening.paxlst import read_paxlst

FIXTURES = Path(__file__).parent / "fixtures"


def test_csv_columns_recognised_by_name() -> None:
    records = read_records(FIXTURES / "records.csv")
    assert [r.row for r in records] == [1, 2, 3]
    first = records[0]
    assert first.name == "ABDULHAI SALEK" and first.date_of_birth == PartialDate(1965)
    assert first.nationality == "af"
    assert records[1].documents == ("A0000001",) and records[1].gender == "male"


def test_mapping_names_other_columns(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("Kunde;Geburt\nErika Mustermann;1964-08-12\n", encoding="utf-8")
    with pytest.raises(InputError, match="no name column"):
        read_records(path)
    (record,) = read_records(path, {"Kunde": "full_name", "Geburt": "date_of_birth"})
    assert record.name == "Erika Mustermann" and record.date_of_birth == PartialDate(1964, 8, 12)


def test_bad_date_names_file_row_field(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("full_name,date_of_birth\nA B,1970\nC D,yesterday\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_records(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:2 [date_of_birth]") and "\n" not in message


def test_partial_dates() -> None:
    assert parse_partial_date("1969-7-16") == PartialDate(1969, 7, 16)
    assert parse_partial_date("16/07/1969") == PartialDate(1969, 7, 16)
    assert parse_partial_date("1974-01-32") == PartialDate(1974, 1)  # a typo keeps what is plausible
    assert parse_partial_date("abc") is None


def test_xlsx(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["First name", "Last name", "Date of birth"])
    sheet.append(["Abdulhai", "Salek", "1965"])
    sheet.append([None, None, None])
    sheet.append(["Jana", "Novak", "1999-12-31"])
    path = tmp_path / "in.xlsx"
    book.save(path)
    records = read_records(path)
    assert [(r.row, r.name) for r in records] == [(1, "Abdulhai Salek"), (3, "Jana Novak")]


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "in.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(InputError, match="not a readable XLSX"):
        read_records(path)


def test_paxlst_manifest() -> None:
    records = read_records(FIXTURES / "manifest.paxlst")
    assert [(r.row, r.name, r.extra["role"]) for r in records] == [
        (1, "ABDULHAI SALEK", "FL"),
        (2, "MARY ANNE O'BRIEN", "FL"),
        (3, "ERIK HOLM", "FM"),
    ]
    assert records[0].date_of_birth == PartialDate(1965, 1, 1)
    assert records[0].nationality == "AFG" and records[0].documents == ("P1234567",)
    assert records[0].gender == "male" and records[0].place_of_birth == "AFG"
    assert records[1].date_of_birth == PartialDate(1992, 3, 15)


def test_paxlst_bad_date_names_segment() -> None:
    data = (FIXTURES / "bad-date.paxlst").read_bytes()
    with pytest.raises(InputError) as caught:
        read_paxlst(data, "bad-date.paxlst")
    assert str(caught.value).startswith("bad-date.paxlst:8 [DTM]")


def test_paxlst_without_message(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="PAXLST"):
        read_paxlst(b"UNB+UNOA:4+A+B+261201:0930+1'UNZ+1+1'", "x.edi")

"""``gcts screen`` and ``gcts names score`` end to end: formats, row numbers, one-line errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from openpyxl import load_workbook

from tests.cli.running import run

FIXTURES = Path(__file__).resolve().parents[1] / "screening" / "fixtures"


def test_jsonl_one_line_per_record(tmp_path: Path) -> None:
    out = tmp_path / "hits.jsonl"
    result = run("screen", str(FIXTURES / "records.csv"), "-o", str(out), "--format", "jsonl")
    assert result.code == 0, result.err
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["row"] for x in lines] == [1, 2, 3]
    assert lines[0]["matches"][0]["reference_number"] == "TAi.108"
    assert set(lines[0]["matches"][0]) == {"reference_number", "score", "name", "explanation"}
    assert "records against" in result.err


def test_csv_and_xlsx(tmp_path: Path) -> None:
    result = run("screen", str(FIXTURES / "manifest.paxlst"), "--format", "csv", "--quiet")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(result.out.splitlines()))
    assert rows[0]["row"] == "1" and rows[0]["reference_number"] == "TAi.108"
    assert {r["row"] for r in rows} == {"1", "2", "3"}
    xlsx = tmp_path / "hits.xlsx"
    assert run("screen", str(FIXTURES / "records.csv"), "--format", "xlsx", "-o", str(xlsx)).code == 0
    sheet = load_workbook(xlsx).active
    assert [c.value for c in next(sheet.iter_rows())][:3] == ["row", "input_name", "reference_number"]


def test_threshold_filters(tmp_path: Path) -> None:
    strict = run("screen", str(FIXTURES / "records.csv"), "--threshold", "1.0", "--quiet")
    assert all(
        json.loads(x)["matches"] == [] or json.loads(x)["matches"][0]["score"] >= 1.0
        for x in strict.out.splitlines()
    )


def test_bad_input_one_line(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("full_name,dob\nA B,not a date\n", encoding="utf-8")
    result = run("screen", str(path))
    assert result.code == 3 and result.err_lines == [
        f"gcts: error: {path}:1 [dob]: not a date of birth: 'not a date' (YYYY, YYYY-MM or YYYY-MM-DD)"
    ]
    bad_list = tmp_path / "list.xml"
    bad_list.write_bytes(b"<CONSOLIDATED_LIST><INDIVIDUALS>")
    result = run("screen", str(FIXTURES / "records.csv"), "--list", str(bad_list))
    assert result.code == 5 and len(result.err_lines) == 1


def test_names_score(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "schema,name1,name2,note\nPerson,Vladimir Putin,Владимир Путин,x\n"
        "Company,Siemens AG,Deutsche Bank AG,y\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    result = run("names", "score", str(pairs), "-o", str(out))
    assert result.code == 0, result.err
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["match"] for r in rows] == ["true", "false"] and rows[0]["note"] == "x"
    assert 0 <= float(rows[1]["score"]) < float(rows[0]["score"]) <= 1
    missing = tmp_path / "missing.csv"
    missing.write_text("name1,name2\na,b\n", encoding="utf-8")
    result = run("names", "score", str(missing))
    assert result.code == 3 and "missing column(s) schema" in result.err

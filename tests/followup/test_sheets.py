"""CSV and XLSX rows: read back by the csv module and openpyxl; formulas stay text."""

from __future__ import annotations

import csv
import io
from datetime import date

from openpyxl import load_workbook

from gcts.followup.sheets import to_csv, to_xlsx

HEADERS = ["文件", "Due", "What is asked"]
ROWS = [["A/72/L.62", date(2019, 5, 31), "提交报告"], ["A/RES/73/7", None, "=HYPERLINK(\"http://x\")"]]


def test_csv_reads_back_with_a_bom_and_formulas_as_text() -> None:
    text = to_csv(HEADERS, ROWS)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows == [HEADERS, ["A/72/L.62", "2019-05-31", "提交报告"], ["A/RES/73/7", "", "'=HYPERLINK(\"http://x\")"]]


def test_xlsx_reads_back_with_date_cells_and_formulas_as_text() -> None:
    book = load_workbook(io.BytesIO(to_xlsx(HEADERS, ROWS, "任务授权", widths=(14, 12, 60))))
    sheet = book["任务授权"]
    assert [c.value for c in sheet[1]] == HEADERS
    assert sheet["B2"].value.date() == date(2019, 5, 31) and sheet["B2"].number_format == "yyyy-mm-dd"
    assert sheet["C3"].value == "=HYPERLINK(\"http://x\")" and sheet["C3"].data_type == "s"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:C3"

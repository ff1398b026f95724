"""Imports: templates with drop-downs, all-or-nothing, every problem named (sheet, row, column, rule) in the
interface language, the explicit "valid rows only", hostile files (formulas, garbage, not a workbook)."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from gcts.registry.exporting import export_xlsx, template_lists
from gcts.registry.importing.schema import SHEETS
from gcts.registry.importing.sheets import read_csv, read_xlsx
from gcts.registry.importing.store import import_workbook
from gcts.registry.importing.template import xlsx_template
from gcts.registry.models import Activity, Flow, ParagraphLink
from gcts.registry.visibility import COORDINATOR, Viewer

pytestmark = pytest.mark.django_db
COORD = Viewer(role=COORDINATOR)


def good_rows(ident: str = "XM-DAC-41128-TEST-1") -> dict[str, list[list[Any]]]:
    return {
        "activities": [
            [
                ident,
                "Border security training",
                "",
                "",
                "",
                "边境安全培训",
                "",
                "Training",
                "UNODC",
                "2",
                "2024-01-01",
                "2026-12-31",
                "",
                "",
                "EUR",
                "public",
                "",
            ]
        ],
        "participants": [[ident, "UNODC", "4"], [ident, "NOR", "1"]],
        "countries": [[ident, "MLI", "60"], [ident, "NER", "40"]],
        "pillars": [[ident, "II", "100"]],
        "themes": [[ident, "border_travel", "70"], [ident, "ftf", "30"]],
        "paragraphs": [[ident, "A/RES/72/284", "66"]],
        "transactions": [
            [ident, "incoming_funds", "100000", "NOK", "2024-03-01", "NOR", "", "", "", "first"],
            [ident, "incoming_pledge", "500000", "NOK", "2024-01-15", "NOR", "", "", "", ""],
        ],
        "budgets": [[ident, "2024-01-01", "2024-12-31", "250000", "EUR"]],
    }


def workbook(rows: dict[str, list[list[Any]]]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    for spec in SHEETS:
        ws = wb.create_sheet(spec.name)
        ws.append(spec.headers)
        for row in rows.get(spec.name, []):
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_template_has_every_sheet_and_codelist_dropdowns() -> None:
    wb = load_workbook(io.BytesIO(xlsx_template(template_lists())))
    assert {s.name for s in SHEETS} <= set(wb.sheetnames)
    assert wb["codelists"].sheet_state == "hidden"
    formulas = [dv.formula1 for dv in wb["activities"].data_validations.dataValidation]
    assert any("codelists!" in f for f in formulas)
    headers = [c.value for c in wb["pillars"][1]]
    assert headers == ["activity", "pillar", "share"]


def test_a_good_workbook_is_stored_with_money_in_us_dollars() -> None:
    report = import_workbook(read_xlsx(workbook(good_rows())), COORD)
    assert report.ok, [i.line() for i in report.issues]
    act = Activity.objects.get(iati_identifier="XM-DAC-41128-TEST-1")
    assert act.title["zh"] == "边境安全培训"
    assert sorted(act.countries.values_list("state__iso3", "share")) == [
        ("MLI", Decimal(60)),
        ("NER", Decimal(40)),
    ]
    link = ParagraphLink.objects.get(activity=act)
    assert (link.symbol, link.pid) == ("A/RES/72/284", "operative:66")
    funds = Flow.objects.get(destination_activity=act, kind="disbursement")
    assert funds.currency == "NOK" and funds.usd is not None and funds.usd < funds.value
    assert funds.rate_table is not None and "IMF" in funds.rate_table.name
    assert Flow.objects.filter(destination_activity=act, kind="pledge").count() == 1


def test_one_bad_row_stores_nothing_and_the_report_names_it() -> None:
    rows = good_rows()
    rows["activities"].append(
        [
            "XM-DAC-41128-TEST-2",
            "Second",
            "",
            "",
            "",
            "",
            "",
            "",
            "UNODC",
            "9",
            "2024-13-01",
            "",
            "",
            "",
            "EUR",
            "public",
            "",
        ]
    )
    rows["pillars"].append(["XM-DAC-41128-TEST-2", "V", "100"])
    rows["countries"].append(["XM-DAC-41128-TEST-2", "Syria", "100"])
    before = Activity.objects.count()
    report = import_workbook(read_xlsx(workbook(rows)), COORD)
    assert Activity.objects.count() == before
    found = {(i.sheet, i.row, i.column, i.rule) for i in report.errors}
    assert ("activities", 3, "status", "R004") in found
    assert ("activities", 3, "planned_start", "R002") in found
    assert ("pillars", 3, "pillar", "R004") in found
    assert ("countries", 4, "country", "R006") in found  # every problem, not only the first
    zh = next(i for i in report.errors if i.rule == "R006").message("zh-hans")
    assert "不是会员国" in zh and "Syria" in zh


def test_valid_only_is_explicit_and_leaves_out_the_bad_activity() -> None:
    rows = good_rows()
    rows["activities"].append(
        [
            "XM-DAC-41128-TEST-2",
            "Second",
            "",
            "",
            "",
            "",
            "",
            "",
            "UNODC",
            "2",
            "2024-01-01",
            "",
            "",
            "",
            "EUR",
            "public",
            "",
        ]
    )
    rows["pillars"].append(["XM-DAC-41128-TEST-2", "II", "60"])  # shares sum to 60
    report = import_workbook(read_xlsx(workbook(rows)), COORD, valid_only=True)
    assert report.stored == ["XM-DAC-41128-TEST-1"] and report.left_out == ["XM-DAC-41128-TEST-2"]
    assert not Activity.objects.filter(iati_identifier="XM-DAC-41128-TEST-2").exists()
    assert any(i.rule == "R007" and i.sheet == "pillars" for i in report.errors)


def test_formulas_and_non_workbooks_are_refused() -> None:
    rows = good_rows()
    rows["pillars"] = [["XM-DAC-41128-TEST-1", "II", "=50+50"]]
    report = import_workbook(read_xlsx(workbook(rows)), COORD)
    assert any(i.rule == "R010" and i.sheet == "pillars" and i.column == "share" for i in report.errors)
    assert not report.stored
    assert read_xlsx(b"PK\x03\x04 not really").issues[0].rule == "R020"
    assert read_xlsx(b"hello").issues[0].rule == "R020"


def test_csv_files_are_sheets_and_csv_formulas_are_refused() -> None:
    book = read_csv({"activities.csv": b"identifier,title_en\nX-1,=cmd|' /C calc'!A0\n"})
    assert book.sheets["activities"].headers[:2] == ["identifier", "title_en"]
    assert any(i.rule == "R010" for i in book.issues)


def test_an_entity_focal_point_may_not_report_for_another_entity() -> None:
    from gcts.registry.models import Organisation

    undp = Organisation.objects.get(ref="UNDP")
    viewer = Viewer(role="entity_focal_point", organisations=frozenset({undp.pk}))
    report = import_workbook(read_xlsx(workbook(good_rows())), viewer)
    assert any(i.rule == "R019" for i in report.errors) and not report.stored


def test_export_in_the_template_shape_imports_again() -> None:
    import_workbook(read_xlsx(workbook(good_rows())), COORD)
    data, count = export_xlsx(Viewer(role="administrator"))
    assert count == 1
    Activity.objects.all().delete()
    report = import_workbook(read_xlsx(data), COORD)
    assert report.ok, [i.line() for i in report.issues]
    act = Activity.objects.get()
    assert act.pillars.get().pillar == "II" and act.themes.count() == 2 and act.budgets.count() == 1


cell = st.one_of(
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12),
    st.integers(-(10**6), 10**6),
    st.none(),
    st.sampled_from(["=1+1", "II", "MLI"]),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.dictionaries(
        st.sampled_from([s.name for s in SHEETS]),
        st.lists(st.lists(cell, min_size=1, max_size=8), max_size=4),
        max_size=4,
    )
)
def test_broken_workbooks_never_leave_partial_data(garbage: dict[str, list[list[Any]]]) -> None:
    rows = good_rows("XM-DAC-41128-HYP")
    for sheet, extra in garbage.items():
        rows.setdefault(sheet, []).extend(extra)
    before = (Activity.objects.count(), Flow.objects.count())
    report = import_workbook(read_xlsx(workbook(rows)), COORD)
    if report.errors:
        assert (Activity.objects.count(), Flow.objects.count()) == before
    else:
        assert Activity.objects.filter(iati_identifier="XM-DAC-41128-HYP").exists()
        Activity.objects.filter(iati_identifier="XM-DAC-41128-HYP").delete()

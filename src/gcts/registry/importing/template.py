"""The registry's templates, generated from the schema: an XLSX workbook with one sheet per kind of row, the
codelists on a hidden sheet and as drop-downs on the columns that use them, a README sheet; or one CSV per
sheet (framework-free: the lists of States and organisations are passed in)."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from gcts.registry.importing.codelists import iati_codelist
from gcts.registry.importing.rules import version
from gcts.registry.importing.schema import SHEETS, local_codelists

IATI_LISTS = ("ActivityStatus", "OrganisationRole", "Currency")


def codelists(extra: Mapping[str, Sequence[str]] | None = None) -> dict[str, tuple[str, ...]]:
    """Every codelist a template offers: IATI's (shipped), gcts's own, ``extra`` (States, organisations)."""
    out = {name: tuple(iati_codelist(name)) for name in IATI_LISTS}
    out.update(local_codelists())
    for name, values in (extra or {}).items():
        out[name] = tuple(values)
    return out


def xlsx_template(extra: Mapping[str, Sequence[str]] | None = None) -> bytes:
    """The XLSX template: README, a sheet per schema sheet (headers, help, drop-downs), the codelists."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    lists = codelists(extra)
    wb = Workbook()
    readme = wb.active
    assert readme is not None
    readme.title = "README"
    readme.append(["gcts implementation registry — import template"])
    readme.append([f"rules {version()}; codelists: IATI 2.03 (CC BY 4.0) and gcts's own; one row per item"])
    readme.append(["Dates as YYYY-MM-DD; shares in percent, summing to 100 per activity; no formulas."])
    for spec in SHEETS:
        readme.append([spec.name, spec.help])
    lists_ws = wb.create_sheet("codelists")
    list_names = list(lists)
    for j, name in enumerate(list_names, start=1):
        lists_ws.cell(row=1, column=j, value=name)
        for i, code in enumerate(lists[name], start=2):
            lists_ws.cell(row=i, column=j, value=code)
    lists_ws.sheet_state = "hidden"
    list_column = {name: get_column_letter(j) for j, name in enumerate(list_names, start=1)}
    kind_lists = {"organisation": "Organisation", "state": "MemberState", "region": "Region"}
    for spec in SHEETS:
        ws = wb.create_sheet(spec.name)
        for j, col in enumerate(spec.columns, start=1):
            cell = ws.cell(row=1, column=j, value=col.name)
            cell.font = Font(bold=True)
            if col.help:
                cell.comment = Comment(col.help, "gcts")
            ws.column_dimensions[get_column_letter(j)].width = max(14, len(col.name) + 4)
            name = col.codelist or kind_lists.get(col.kind, "")
            if lists.get(name):
                letter = list_column[name]
                dv = DataValidation(
                    type="list",
                    formula1=f"=codelists!${letter}$2:${letter}${len(lists[name]) + 1}",
                    allow_blank=not col.required,
                    showErrorMessage=True,
                    errorTitle=col.name,
                    error=f"choose a value of {name}",
                )
                ws.add_data_validation(dv)
                dv.add(f"{get_column_letter(j)}2:{get_column_letter(j)}5000")
        ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def csv_templates() -> dict[str, str]:
    """One CSV text (header row only) per sheet, keyed by file name."""
    out = {}
    for spec in SHEETS:
        buf = io.StringIO()
        csv.writer(buf).writerow(spec.headers)
        out[f"{spec.name}.csv"] = buf.getvalue()
    return out

"""For the registry's web tests: people in each role, and template workbooks with or without a bad row."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook

from gcts.registry.exporting import template_lists
from gcts.registry.importing.template import xlsx_template

IDENT = "XM-DAC-41128-BROWSER-1"


def person(name: str, group: str | None, org: str | None, password: str = "pw-registry-1") -> Any:
    from django.contrib.auth.models import Group, User

    from gcts.registry.models import Affiliation, Organisation

    user = User.objects.create_user(name, password=password)
    if group:
        user.groups.add(Group.objects.get(name=group))
    if org:
        Affiliation.objects.create(user=user, organisation=Organisation.objects.get(ref=org))
    return user


def filled_template(*, bad: bool) -> bytes:
    """The generated template, filled with one activity for operative paragraph 66 (one bad row if asked)."""
    wb = load_workbook(io.BytesIO(xlsx_template(template_lists())))
    wb["activities"].append(
        [
            IDENT,
            "Prosecutors' training on foreign terrorist fighters",
            "",
            "",
            "",
            "关于外国恐怖主义作战人员的检察官培训",
            "",
            "",
            "UNODC",
            "2",
            "2025-01-01",
            "2026-12-31",
            "",
            "",
            "USD",
            "public",
            "",
        ]
    )
    wb["pillars"].append([IDENT, "V" if bad else "II", "100"])
    wb["countries"].append([IDENT, "MLI", "100"])
    wb["paragraphs"].append([IDENT, "A/RES/72/284", "66"])
    wb["transactions"].append([IDENT, "incoming_funds", "250000", "EUR", "2025-02-01", "NOR", "", "", "", ""])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()

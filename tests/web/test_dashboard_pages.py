"""The dashboard page: the briefing's figures for the reader's audience, filters, every table as CSV and XLSX,
charts as PNG, reports as files; a public reader never sees a restricted value."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client

from gcts.report.labels import Labels
from gcts.web.dashboard import current
from tests.web import registry_sample
from tests.web.registry_sample import EXPECTED, SECRET_AMOUNT, SECRET_TITLE

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample(db: Any) -> dict[str, Any]:
    current.forget()
    return registry_sample.build()


def test_the_page_shows_the_public_figures(client: Client, sample: dict[str, Any]) -> None:
    page = client.get("/dashboard/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Balance between the four pillars" in page
    assert Labels("en").money(EXPECTED["committed"]["I"]) in page
    assert SECRET_TITLE not in page and Labels("en").number(SECRET_AMOUNT) not in page
    assert (
        'href="/dashboard/tables/pillar-count.csv?' in page and "/dashboard/charts/pillar-shares.png" in page
    )


def test_filters_narrow_the_figures(client: Client, sample: dict[str, Any]) -> None:
    page = client.get("/dashboard/?organisation=TESTA", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert Labels("en").money(EXPECTED["committed"]["I"]) in page  # a1 and a2 are TESTA's
    assert "US$ 180,000" not in page  # a4's pillar III money is TESTB's
    empty = client.get("/dashboard/?year=1990", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "no published activities" in empty


def test_tables_download_as_csv_and_xlsx(client: Client, sample: dict[str, Any]) -> None:
    from openpyxl import load_workbook

    csv_text = client.get("/dashboard/tables/pillar-committed.csv", HTTP_ACCEPT_LANGUAGE="en").content.decode(
        "utf-8-sig"
    )
    assert csv_text.splitlines()[0].startswith("Item,Pillar I")
    assert "1250000.0" in csv_text and str(SECRET_AMOUNT) not in csv_text
    xlsx = client.get("/dashboard/tables/pillar-committed.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None and sheet["B2"].value == 1250000.0
    assert client.get("/dashboard/tables/nothing.csv").status_code == 404


def test_charts_and_reports(client: Client, sample: dict[str, Any]) -> None:
    png = client.get("/dashboard/charts/pillar-shares.png")
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
    docx = client.get("/dashboard/reports/annual.docx")
    assert docx.status_code == 200 and docx.content.startswith(b"PK")

"""Every figure of the registry reports equals the registry query it stands for; a public report holds no
restricted value (searched in its HTML, its PDF text and its DOCX XML)."""

from __future__ import annotations

import io
import subprocess
import zipfile
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.db.models import Sum

from gcts.analyse import balance
from gcts.analyse.records import Records
from gcts.registry import models as m
from gcts.registry.suppression import TOTAL
from gcts.report import build, render
from gcts.report.labels import Labels
from gcts.web.dashboard.collect import snapshot
from tests.web import registry_sample
from tests.web.registry_sample import EXPECTED, SECRET_AMOUNT, SECRET_TITLE

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample(db: Any) -> dict[str, Any]:
    return registry_sample.build()


def _cells(table: balance.Table) -> dict[str, Decimal]:
    return {
        str(c): table.cells[(balance.ALL, c)].value for c in table.cols if table.cells[(balance.ALL, c)].value
    }


def test_counts_by_pillar_are_the_registrys_shares(sample: dict[str, Any]) -> None:
    records = Records.of(snapshot(audience="internal"))
    table = balance.breakdown(records, "pillar", "count")
    assert _cells(table) == EXPECTED["count"]
    # the same figures straight from the registry: published activities' shares summed per pillar
    query = (
        m.PillarShare.objects.filter(activity__workflow="published")
        .values("pillar")
        .annotate(total=Sum("share"))
    )
    assert {q["pillar"]: q["total"] / 100 for q in query} == {
        k: v for k, v in EXPECTED["count"].items() if k != "unattributed"
    }
    published = m.Activity.objects.filter(workflow="published").count()
    assert table.cells[(balance.ALL, TOTAL)].value == published == 8  # each activity counted once


def test_money_by_pillar_counts_each_incoming_flow_once(sample: dict[str, Any]) -> None:
    records = Records.of(snapshot(audience="internal"))
    committed = balance.breakdown(records, "pillar", "committed")
    assert _cells(committed) == EXPECTED["committed"]
    # the registry query: commitments from outside into published activities, split by their pillar shares
    expected: dict[str, Decimal] = defaultdict(Decimal)
    flows = m.Flow.objects.filter(
        kind="commitment",
        workflow="published",
        source_activity__isnull=True,
        destination_activity__workflow="published",
    )
    for f in flows:
        for p in m.PillarShare.objects.filter(activity=f.destination_activity):
            expected[p.pillar] += f.usd * p.share / 100
    assert {k: v.quantize(Decimal("0.01")) for k, v in expected.items()} == _cells(committed)
    assert committed.cells[(balance.ALL, TOTAL)].value == sum(f.usd for f in flows)  # no double counting
    assert _cells(balance.breakdown(records, "pillar", "disbursed")) == EXPECTED["disbursed"]


def test_two_way_tables_add_up(sample: dict[str, Any]) -> None:
    records = Records.of(snapshot(audience="internal"))
    for dimension in balance.DIMENSIONS:
        for measure in balance.MEASURES:
            table = balance.breakdown(records, dimension, measure)
            grand = table.cells[(TOTAL, TOTAL)] if table.two_way else table.cells[(table.rows[0], TOTAL)]
            one_way = balance.breakdown(records, "pillar", measure).cells[(balance.ALL, TOTAL)]
            assert grand.value == one_way.value, (dimension, measure)
            for r in table.rows:
                assert sum(table.cells[(r, c)].value for c in table.cols) == table.cells[(r, TOTAL)].value


def test_groups_follow_the_beneficiary_shares(sample: dict[str, Any]) -> None:
    records = Records.of(snapshot(audience="internal"))
    table = balance.breakdown(records, "group", "count")
    assert table.cells[("AG", TOTAL)].value == 1  # a2: Nigeria 50 % + Kenya 50 %
    assert table.cells[("AG", "I")].value == Decimal("0.5")
    assert table.cells[("APG", TOTAL)].value == 2  # a1 China, a7 Pakistan
    assert table.cells[("unattributed", TOTAL)].value == 2  # a5 and a6 name no State


def test_public_snapshot_keeps_restricted_records_countable_but_wordless(sample: dict[str, Any]) -> None:
    public = snapshot(audience="public")
    secret = next(a for a in public.table("activities") if a["restricted"])
    assert secret["title"] == {} and secret["ref"] == ""
    assert SECRET_TITLE not in str(public.tables)
    records = Records.of(public)
    assert balance.breakdown(records, "pillar", "committed").cells[(balance.ALL, "II")].restricted == 1


ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "report"


def _keep(pdf: bytes, docx: bytes, stem: str) -> None:
    """The PDF, its pages as PNG and the DOCX, kept for people to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{stem}.pdf").write_bytes(pdf)
    (ARTIFACTS / f"{stem}.docx").write_bytes(docx)
    for old in ARTIFACTS.glob(f"{stem}-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-r", "80", "-png", str(ARTIFACTS / f"{stem}.pdf"), str(ARTIFACTS / stem)], check=True
    )


def _pdf_text(pdf: bytes, tmp: Path) -> str:
    path = tmp / "r.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout.decode()


def _docx_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))


def test_a_public_briefing_holds_no_restricted_value(sample: dict[str, Any], tmp_path: Path) -> None:
    snap = snapshot(audience="public")
    report = build("quarterly", snap, "en")
    committed = report.table("pillar-committed")
    pillar_ii = committed.rows[0][1 + 1]
    assert pillar_ii.suppressed and "restricted" in committed.note
    en, zh = Labels("en"), Labels("zh")
    # the restricted words and amount, the hidden cell, and the grand total that would give it back
    grand = sum(EXPECTED["committed"].values(), Decimal(0))
    secrets = {
        SECRET_TITLE,
        *(f.number(v) for f in (en, zh) for v in (SECRET_AMOUNT, EXPECTED["committed"]["II"], grand)),
    }
    for kind, lang in (("quarterly", "en"), ("quarterly", "zh"), ("annual", "zh"), ("annual", "en")):
        report = build(kind, snap, lang)
        pdf, docx = render(report, "pdf"), render(report, "docx")
        outputs = {
            "html": render(report, "html").decode(),
            "pdf": _pdf_text(pdf, tmp_path),
            "docx": _docx_xml(docx),
        }
        _keep(pdf, docx, f"{kind}.public.{lang}")
        for fmt, text in outputs.items():
            for value in secrets:
                assert value not in text, (kind, lang, fmt, value)
    internal = build("quarterly", snapshot(audience="internal"), "en")
    assert en.money(EXPECTED["committed"]["II"]) in [
        c.text for c in internal.table("pillar-committed").rows[0]
    ]


def test_coverage_and_gaps(sample: dict[str, Any]) -> None:
    from gcts.analyse import coverage

    records = Records.of(snapshot(audience="internal"))
    covered = {
        c.pid: c
        for c in coverage.paragraphs(records, {"A/72/L.62"}, ["operative:3", "operative:62", "operative:9"])
    }
    assert covered["operative:62"].activities == {sample["a1"].id, sample["a5"].id}
    assert covered["operative:62"].money == Decimal("1000000.00")
    assert not covered["operative:9"].activities
    assert set(coverage.unmet_requests(records)) == {sample["a2"].countries.get(state__iso3="KEN").state_id}
    # r1's request is met by the offer, r2 is answered by a2, r3 has nothing
    assert [r["id"] for r in coverage.unassisted_recommendations(records)] == [sample["r3"].id]


def test_the_briefing_names_the_duplicate_pair(sample: dict[str, Any]) -> None:
    report = build("quarterly", snapshot(audience="public"), "en")
    rows = report.table("duplicates").rows
    assert len(rows) == 1
    assert "France" not in rows[0][3].text and rows[0][3].text == "FRA"
    assert {rows[0][0].text.split(" (")[0], rows[0][1].text.split(" (")[0]} == {
        "Sharing passenger data at the borders of France to detect foreign terrorist fighters",
        "Échange de données sur les passagers aux frontières de la France pour détecter les combattants "
        "terroristes étrangers",
    }

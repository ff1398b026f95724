"""The collector reads the store into a report snapshot: every document with its gcts JSON and review place,
every mandate with the tracker's status; the same store gives the same snapshot id."""

from __future__ import annotations

from typing import Any

from gcts.formats.json_format import from_json
from gcts.library.models import Mandate
from gcts.report import build
from gcts.web.dashboard.collect import snapshot


def test_documents_and_mandates_are_collected(stored_gold: Any) -> None:
    first = Mandate.objects.filter(document=stored_gold).order_by("id").first()
    assert first is not None
    first.status = "done"
    first.save()
    snap = snapshot(audience="internal")
    (doc,) = snap.table("documents")
    assert doc["symbol"] == "A/72/L.62" and doc["place"] == 6 and doc["series"] == "gcts-review"
    res = from_json(doc["resolution"])
    assert len(res.operative) == 85
    mandates = snap.table("mandates")
    assert len(mandates) == Mandate.objects.count() > 0
    assert [m["status"] for m in mandates].count("done") == 1
    assert snapshot(audience="internal").id == snap.id  # nothing changed, same id
    first.status = "open"
    first.save()
    assert snapshot(audience="internal").id != snap.id


def test_a_progress_report_from_the_store(stored_gold: Any) -> None:
    report = build("progress", snapshot(), "zh")
    assert len(report.table("mandates").rows) == Mandate.objects.filter(document=stored_gold).count()

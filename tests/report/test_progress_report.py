"""The progress report: each mandate's standing as of the snapshot, and totals that count the mandates."""

from __future__ import annotations

from collections import Counter
from datetime import date

from gcts.report import build
from gcts.report.progress_report import STANDINGS, due_date, standing
from gcts.report.snapshot import Snapshot


def test_standing_rules() -> None:
    today = date(2020, 1, 15)
    assert due_date({"deadline": "2019-02"}) == date(2019, 2, 28)
    assert standing({"deadline": "2019-12", "status": "open"}, today) == "overdue"
    assert standing({"deadline": "2019-12", "status": "in_progress"}, today) == "overdue"
    assert standing({"deadline": "2019-12", "status": "done"}, today) == "done"
    assert standing({"deadline": "2020-01-31", "status": "open"}, today) == "open"
    assert standing({"session_dates": ["2018-09-18", "2019-09-16"], "status": "open"}, today) == "overdue"
    assert standing({"recurrence": "annual", "status": "open"}, today) == "recurring"
    assert standing({"status": "in_progress"}, today) == "in_progress"


def test_the_totals_are_the_mandates_counted(review_snapshot: Snapshot) -> None:
    report = build("progress", review_snapshot, "en")
    mine = [m for m in review_snapshot.table("mandates") if m["document"] == "A/72/L.99@zh"]
    assert report.subtitle.startswith("Mandates of A/72/L.99")  # the latest review
    expected = Counter(standing(m, review_snapshot.taken_at.date()) for m in mine)
    table = report.table("standing")
    assert [int(r[1].value or 0) for r in table.rows] == [expected[s] for s in STANDINGS]
    by_actor = report.table("by-actor")
    assert sum(int(r[-1].value or 0) for r in by_actor.rows) == len(mine)
    for r in by_actor.rows:
        assert sum(int(c.value or 0) for c in r[1:-1]) == r[-1].value
    assert len(report.table("mandates").rows) == len(mine)


def test_the_tracker_status_is_used(review_snapshot: Snapshot) -> None:
    report = build("progress", review_snapshot, "zh", options=_options("A/72/L.62@zh"))
    counts = {r[0].text: r[1].value for r in report.table("standing").rows}
    assert counts["已完成"] == 1  # operative 83 marked done in the tracker
    assert "A/72/L.62" in report.subtitle


def _options(ref: str):  # type: ignore[no-untyped-def]
    from gcts.report import Options

    return Options(documents=(ref,))

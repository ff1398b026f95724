""" "What is new": every figure equals what the comparison counts, and the known edits are all reported."""

from __future__ import annotations

from gcts.compare import compare
from gcts.report import Options, build
from gcts.report.snapshot import Snapshot
from gcts.report.whats_new import SHOWN
from tests.report import reviews


def test_the_figures_are_the_comparisons(review_snapshot: Snapshot) -> None:
    report = build("whats-new", review_snapshot, "en")
    summary = compare(reviews.reference(), reviews.next_review()).summary
    changes = {row[0].text: row[1].value for row in report.table("changes").rows}
    assert changes["New"] == summary.counts["new"] == 2  # the added paragraph and the rewritten one
    assert changes["Removed"] == summary.counts["removed"] == 3
    assert sum(int(v or 0) for v in changes.values()) == sum(summary.counts.values())
    by_pillar = report.table("by-pillar")
    assert len(by_pillar.rows) == len(summary.by_pillar)
    for row in by_pillar.rows:
        pillar = next(
            p
            for p, counts in summary.by_pillar.items()
            if [counts[c] for c in SHOWN] == [c.value for c in row[1:]]
        )
        assert pillar  # each row is one pillar's counts, in the order of the table's columns
    assert sum(int(c.value or 0) for row in report.table("by-theme").rows for c in row[1:]) == sum(
        counts[c] for counts in summary.by_theme.values() for c in SHOWN
    )


def test_new_and_removed_paragraphs_are_quoted_with_links(review_snapshot: Snapshot) -> None:
    report = build("whats-new", review_snapshot, "zh", options=Options(base_url="https://gcts.example"))
    quotes = {s.anchor: s.blocks for s in report.sections}
    new_texts = [q.text for q in quotes["new"]]
    assert reviews.NEW_TEXT in new_texts and reviews.REWRITE in new_texts
    removed = [q.text for q in quotes["removed"]]
    ref = reviews.reference()
    for n in (*reviews.REMOVED, reviews.REWRITTEN):
        assert ref.paragraph(f"operative:{n}").text in removed
    assert all(
        q.link and q.link.startswith("https://gcts.example/documents/A-72-L.62.zh/#operative-")
        for q in quotes["removed"]
    )
    assert report.title == "A/72/L.99 有哪些新内容"


def test_the_same_snapshot_gives_the_same_report(review_snapshot: Snapshot) -> None:
    one, two = (build("whats-new", review_snapshot, "en") for _ in range(2))
    assert [t.rows for t in one.tables()] == [t.rows for t in two.tables()]
    assert one.snapshot_id == review_snapshot.id and one.snapshot_time == "2020-01-15 09:30:00 UTC"

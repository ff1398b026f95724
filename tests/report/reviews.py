"""Two "reviews" for the report tests: the reference text (A/72/L.62, Chinese, annotated) and a next review
made from it by known edits — two operative paragraphs removed, one added, one rewritten, all renumbered —
so that what the report must say is known exactly."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path

from gcts.annotate import annotate
from gcts.formats.json_format import to_dict
from gcts.model import Paragraph, Resolution
from gcts.reading import load

REFERENCE = Path(__file__).resolve().parents[2] / "src" / "gcts" / "data" / "corpus" / "A-72-L.62.zh.txt"
REMOVED = (3, 40)
NEW_TEXT = "请秘书长就各会员国打击利用无人驾驶航空系统实施恐怖主义行为的努力提出报告，包括对受害者的支助。"
REWRITTEN = 10
REWRITE = (
    "鼓励各会员国与联合国各实体合作，制定和实施国家和区域行动计划，以防止暴力极端主义，并定期审查这些计划。"
)


@cache
def reference() -> Resolution:
    """The reference text, read and annotated."""
    return annotate(load(REFERENCE, language="zh", symbol="A/72/L.62"))


@cache
def next_review() -> Resolution:
    """The reference with the known edits, annotated again, as "A/72/L.99"."""
    res = copy.deepcopy(reference())
    res.heading.symbol = "A/72/L.99"
    kept = [p for p in res.operative if p.number not in REMOVED]
    for p in kept:
        if p.number == REWRITTEN:
            p.text = REWRITE
            p.subparagraphs = []
    new = Paragraph(part="operative", index=0, text=NEW_TEXT)
    kept.insert(20, new)
    for i, p in enumerate(kept, start=1):
        p.index, p.number = i, i
    res.operative = kept
    return annotate(res)


def document_rows() -> list[dict[str, object]]:
    """The snapshot's ``documents`` table for the two reviews (places 6 and 7 of the review series)."""
    rows = []
    for res, place in ((reference(), 6), (next_review(), 7)):
        symbol = res.heading.symbol
        rows.append(
            {
                "id": f"{symbol}@zh",
                "symbol": symbol,
                "language": "zh",
                "series": "gcts-review",
                "place": place,
                "slug": symbol.replace("/", "-") + ".zh",
                "title": res.heading.title,
                "resolution": to_dict(res),
            }
        )
    return rows


def mandate_rows(statuses: dict[str, str] | None = None) -> list[dict[str, object]]:
    """The snapshot's ``mandates`` table from the annotations of both reviews (status ``open`` unless
    ``statuses`` maps a paragraph id of the reference to another)."""
    rows: list[dict[str, object]] = []
    for res in (reference(), next_review()):
        for p in res.operative:
            for m in p.annotations.mandates:
                rows.append(
                    {
                        "document": f"{res.heading.symbol}@zh",
                        "pid": p.id,
                        "actor": m.actor,
                        "action": m.action,
                        "object": m.object,
                        "deadline": m.deadline or "",
                        "session": m.session,
                        "recurrence": m.recurrence or "",
                        "session_dates": [d.isoformat() for d in m.session_dates]
                        if m.session_dates
                        else None,
                        "status": (statuses or {}).get(p.id, "open") if res is reference() else "open",
                    }
                )
    return rows

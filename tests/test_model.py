"""Identifiers and look-ups of the document model."""

from __future__ import annotations

import pytest

from gcts.model import Footnote, Paragraph, Resolution


def _resolution() -> Resolution:
    return Resolution(
        language="zh",
        preamble=[
            Paragraph(part="preamble", index=1, text="重申……，"),
            Paragraph(part="preamble", index=2, text="回顾……，"),
        ],
        operative=[Paragraph(part="operative", index=1, number=1, text="决定……。")],
        footnotes=[Footnote(number=1, text="A/71/858。", cited_in="preamble:2")],
    )


def test_paragraph_ids_follow_the_gold_contract() -> None:
    res = _resolution()
    assert [p.id for p in res.paragraphs] == ["preamble:1", "preamble:2", "operative:1"]


def test_operative_id_uses_the_printed_number_not_the_position() -> None:
    para = Paragraph(part="operative", index=3, number=7, text="请秘书长……；")
    assert para.id == "operative:7"


def test_lookups() -> None:
    res = _resolution()
    assert res.paragraph("preamble:2").text == "回顾……，"
    assert res.footnote(1).cited_in == "preamble:2"
    with pytest.raises(KeyError):
        res.paragraph("operative:9")

"""Agreement with the drafters' pillar headings: headings read, paragraphs assigned, both deciders scored.

The figures themselves are a measurement reported in docs/annotation.md, not asserted here: the test set
must not steer the code.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from gcts.annotate import drafters
from gcts.model import CrossHeading, Paragraph, Resolution

REPO = Path(__file__).resolve().parents[2]
SEVENTH = REPO / "src" / "gcts" / "data" / "corpus" / "real" / "A-RES-75-291.en.txt"


@pytest.mark.parametrize("text,lang,pillar", [
    ("Pillar I: measures to address the conditions conducive to the spread of terrorism", "en", "I"),
    ("Pillar IV: measures to ensure respect for human rights for all and the rule of law", "en", "IV"),
    ("III. Measures to build States' capacity", "en", "III"),
    ("防止和打击恐怖主义的措施", "zh", "II"),
    ("Follow-up", "en", None),
])
def test_a_heading_names_its_pillar(text: str, lang: str, pillar: str | None) -> None:
    assert drafters.heading_pillar(text, lang) == pillar


def test_paragraphs_take_the_heading_they_stand_under() -> None:
    res = Resolution(language="en")
    res.operative = [Paragraph(part="operative", index=i, number=i, text=f"Paragraph {i}")
                     for i in range(1, 7)]
    res.headings = [
        CrossHeading("Pillar II: measures to prevent and combat terrorism", "operative", "operative:2"),
        CrossHeading("Follow-up", "operative", "operative:5"),
    ]
    pairs = drafters.headed_paragraphs(res)
    assert [(p.number, h) for p, h in pairs] == [(2, "II"), (3, "II"), (4, "II")]
    assert [p.number for p, _ in drafters.headed_paragraphs(res, range(3, 10))] == [3, 4]


def test_the_score_counts_primary_and_extra_pillars() -> None:
    score = drafters.Agreement()
    score.add("operative:1", "II", ["II", "IV"])
    score.add("operative:2", "I", ["III"])
    d = score.as_dict()
    assert (d["primary_equal"], d["tp"], d["fp"], d["fn"]) == (1, 1, 2, 1)
    assert d["misses"] == ["operative:2: heading I, primary III, all III"]


def test_the_seventh_review_has_four_pillar_sections() -> None:
    from gcts.reading import load

    res = load(SEVENTH, language="en")
    pairs = drafters.headed_paragraphs(res, range(13, 118))
    counts = {h: sum(1 for _, x in pairs if x == h) for h in ("I", "II", "III", "IV")}
    assert counts == {"I": 13, "II": 51, "III": 24, "IV": 17}


def test_training_never_imports_the_test_set_reader() -> None:
    for path in (REPO / "src" / "gcts" / "annotate" / "labelling").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not any("drafters" in n for n in names), path.name

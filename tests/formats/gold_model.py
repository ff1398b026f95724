"""Build a :class:`~gcts.model.Resolution` from a gold JSON file (``shared/gold`` contract), for writer tests.

A small local helper so the writers can be tested on the hand-checked reference text before (and
independently of) the structurer; it fills what the gold holds: heading, paragraphs with numbers,
sub-paragraphs, footnotes with ``cited_in``, openings, functions, pillars, themes and cited symbols.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gcts.model import Annotations, Footnote, Heading, Label, Paragraph, Reference, Resolution, SubParagraph

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GOLD = FIXTURES / "A-72-L.62.zh.gold.json"


def _kind(symbol: str) -> str:
    if symbol.startswith("A/RES/"):
        return "ga_resolution"
    if symbol.startswith("S/RES/"):
        return "sc_resolution"
    return "instrument" if ":" in symbol else "document"


def _annotations(p: dict[str, Any]) -> Annotations:
    return Annotations(
        opening=p.get("opening"),
        function=p.get("function"),
        pillars=[Label(v) for v in p.get("pillars", [])],
        themes=[Label(v) for v in p.get("themes", [])],
        references=[Reference(s, _kind(s), "", 0, 0) for s in p.get("references", [])],  # type: ignore[arg-type]
    )


def resolution_from_gold(path: Path = GOLD, *, annotated: bool = True) -> Resolution:
    """The gold document at ``path`` as a model (annotations left empty unless ``annotated``)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    h = data["heading"]
    heading = Heading(**{k: v for k, v in h.items() if k in Heading.__slots__})

    def para(part: str, i: int, p: dict[str, Any]) -> Paragraph:
        return Paragraph(
            part=part,  # type: ignore[arg-type]
            index=i,
            text=p["text"],
            number=p.get("number"),
            footnotes=list(p.get("footnotes", [])),
            subparagraphs=[SubParagraph(s["label"], s["text"]) for s in p.get("subparagraphs", [])],
            annotations=_annotations(p) if annotated else Annotations(),
        )

    return Resolution(
        language=data["language"],
        heading=heading,
        preamble=[para("preamble", i, p) for i, p in enumerate(data["preamble"], 1)],
        operative=[para("operative", i, p) for i, p in enumerate(data["operative"], 1)],
        footnotes=[Footnote(f["number"], f["text"], f.get("cited_in")) for f in data["footnotes"]],
        source=data.get("source"),
    )

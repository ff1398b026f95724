"""Real documents as :class:`Resolution` objects for the comparison tests.

The Chinese reference text comes from its gold file (hand-checked paragraphs); the English resolutions of the
bundled corpus from ``gcts.reading.load`` (the real reader and structurer).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from gcts.model import Heading, Paragraph, Resolution

ROOT = Path(__file__).resolve().parents[2]
GOLD_ZH = ROOT / "tests" / "fixtures" / "A-72-L.62.zh.gold.json"
CORPUS = ROOT / "src" / "gcts" / "data" / "corpus"
ENGLISH = ("A-RES-73-3.en.txt", "A-RES-73-6.en.txt", "A-RES-73-7.en.txt", "A-RES-73-8.en.txt")


@cache
def reference_zh() -> Resolution:
    """A/72/L.62 in Chinese, paragraphs exactly as in the gold file."""
    gold = json.loads(GOLD_ZH.read_text(encoding="utf-8"))
    return Resolution(
        language="zh",
        heading=Heading(symbol=gold["heading"]["symbol"], title=gold["heading"]["title"]),
        preamble=[Paragraph("preamble", p["index"], p["text"]) for p in gold["preamble"]],
        operative=[
            Paragraph("operative", k, p["text"], number=p["number"])
            for k, p in enumerate(gold["operative"], 1)
        ],
        source=GOLD_ZH.name,
    )


@cache
def english(name: str) -> Resolution:
    """One English resolution of the bundled corpus, read by the real reader and structurer."""
    from gcts.reading import load

    return load(CORPUS / name, language="en")


def english_pool(exclude: str) -> list[str]:
    """Paragraph texts of the other English resolutions: realistic insertions."""
    return [p.text for n in ENGLISH if n != exclude for p in english(n).paragraphs]


def chinese_pool() -> list[str]:
    """Sentences of the Chinese report A/72/840 (same topic, other document): realistic insertions."""
    text = (CORPUS / "partial" / "A-72-840.zh.partial.txt").read_text(encoding="utf-8")
    return [s.strip() for s in re.split(r"(?<=。)", text) if len(s.strip()) > 30]


def english_72_284_opening() -> Resolution:
    """The three preambular paragraphs on the first page of the English A/RES/72/284 (a partial copy: the
    structurer refuses it for lack of operative paragraphs, so its paragraphs are cut here by their
    openings)."""
    text = (CORPUS / "partial" / "A-RES-72-284.en.partial.txt").read_text(encoding="utf-8")
    body = text.split("The General Assembly,", 1)[1].split("[... EXCERPT", 1)[0]
    parts = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n(?=(?:Reaffirming|Recalling)\b)", body)]
    return Resolution(
        language="en",
        heading=Heading(symbol="A/RES/72/284"),
        source="A-RES-72-284.en.partial.txt",
        preamble=[Paragraph("preamble", k, t) for k, t in enumerate((p for p in parts if p), 1)],
    )

"""Real documents as :class:`Resolution` objects for the comparison tests.

The Chinese reference text comes from its gold file (hand-checked paragraphs). The English resolutions of the
bundled corpus come from ``gcts.reading.load`` when the structurer is available, else from
:func:`rough_paragraphs`,
a deliberately small splitter of ``pdftotext -layout`` output: the comparison tests only need realistic
paragraph
texts to edit, not a perfect parse.
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


_FURNITURE = re.compile(r"^\s*(\d{2}-\d{5} \(E\)|\*\d+\*|A/RES/\d+/\d+\s*$|\d+/\d+\s*$)")
_OPERATIVE = re.compile(r"^\s*(\d+)\.\s+(.*)")


def rough_paragraphs(text: str, symbol: str) -> Resolution:
    """Split a ``pdftotext -layout`` resolution into paragraphs by first-line indentation (test use only)."""
    lines = text.replace("\f", "\n").splitlines()
    start = next(k for k, line in enumerate(lines) if line.strip().startswith("The General Assembly"))
    blocks: list[list[str]] = []
    in_notes = False
    for line in lines[start + 1 :]:
        stripped = line.strip()
        if not stripped or _FURNITURE.match(line):
            in_notes = False if not stripped and in_notes else in_notes
            continue
        if stripped.startswith("____"):
            in_notes = True
            continue
        if in_notes or re.match(r"^\s*\d+\s*$", line) or "plenary meeting" in stripped:
            continue
        indent = len(line) - len(line.lstrip())
        if indent >= 20 or not blocks:
            blocks.append([stripped])
        else:
            blocks[-1].append(stripped)
    preamble: list[Paragraph] = []
    operative: list[Paragraph] = []
    for block in blocks:
        joined = re.sub(r"\s+", " ", " ".join(block)).strip()
        m = _OPERATIVE.match(joined)
        if m:
            operative.append(
                Paragraph("operative", len(operative) + 1, m.group(2), number=len(operative) + 1)
            )
        elif not operative and len(joined) > 30:
            preamble.append(Paragraph("preamble", len(preamble) + 1, joined))
    return Resolution(
        language="en", heading=Heading(symbol=symbol), preamble=preamble, operative=operative, source=symbol
    )


@cache
def english(name: str) -> Resolution:
    """One English resolution of the bundled corpus (real structurer if present, else the rough splitter)."""
    path = CORPUS / name
    symbol = "A/RES/" + "/".join(name.split(".")[0].split("-")[2:])
    try:
        from gcts.reading import load  # type: ignore[attr-defined]

        res: Resolution = load(path, language="en")
        if res.operative:
            return res
    except Exception:
        pass
    return rough_paragraphs(path.read_text(encoding="utf-8"), symbol)


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

"""Property: the gold paragraphs and footnotes, re-cut the way PDF extraction cuts them, come back exactly.

Hypothesis draws page breaks at any point inside paragraphs (inside words too) and between them, and drops in
what extraction leaves at a page break: footnote blocks, running heads, job numbers, bar codes, page numbers,
form feeds, in the Chinese style (blank-line blocks, superscript footnotes) and in the English layout style
(indented first lines, footnotes under a rule with their numbers on a line apart).

Excluded, because no reader can decide them from the text alone: a break right after a paragraph-ending
mark (，；：) inside a preambular paragraph where the rest opens with a preambular word (重申 …), which looks
exactly like a new paragraph; and a break right before a run of digits and a full stop, which looks like an
operative number. On the reference text these are 6 of 3,657 preamble positions. A line (and so a page) never
ends inside a paragraph's first line or inside the digits of one footnote marker.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from gcts.structure import parse_text
from gcts.structure.conventions import conventions

GOLD: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parents[1] / "fixtures" / "A-72-L.62.zh.gold.json").read_text(encoding="utf-8")
)
SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
ZH = conventions("zh")
HEADING_ZH = (
    "第七十二届会议\n\n议程项目 118\n\n联合国全球反恐战略\n\n大会主席提交的决议草案\n\n"
    "联合国全球反恐战略审查\n\n大会，\n\n"
)
FURNITURE = ["18-10587 (C)", "*1810587*", "A/72/L.62", "3/18", "\f", ""]
#: A page break falls between lines, so never inside a paragraph's first line: its number and opening words
#: stay together. A printed line holds far more than this many characters.
FIRST_LINE = 10


def norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def _paragraphs() -> list[tuple[str, str, list[int]]]:
    """(kind, printed text with markers, footnote numbers) of every gold paragraph."""
    out = []
    for p in GOLD["preamble"]:
        marks = " ".join(str(n).translate(SUP) for n in p["footnotes"])
        out.append(("preamble", p["text"] + marks, p["footnotes"]))
    for p in GOLD["operative"]:
        marks = " ".join(str(n).translate(SUP) for n in p["footnotes"])
        out.append(("operative", f"{p['number']}. {p['text']}{marks}", p["footnotes"]))
    return out


PARAS = _paragraphs()
#: Shrinking a 46 kB document takes minutes on two cores; a failing example is printed as drawn.
NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)
NOTES = {f["number"]: f["text"] for f in GOLD["footnotes"]}


def _ambiguous(kind: str, text: str, at: int) -> bool:
    rest = text[at:]
    if text[at - 1] in "⁰¹²³⁴⁵⁶⁷⁸⁹" and rest[:1] in "⁰¹²³⁴⁵⁶⁷⁸⁹":
        return True  # a footnote number is printed as one raised group, never cut by a line end
    if re.match(r"\s*\d{1,3}[.．]", rest):
        return True
    return (
        kind == "preamble"
        and text[:at].rstrip()[-1:] in "，；："
        and ZH.preamble_opening.match(rest) is not None
    )


@st.composite
def zh_cut(draw: st.DrawFn) -> str:
    """The reference text as one Chinese PDF extraction could give it."""
    out = [HEADING_ZH]
    pending: list[int] = []
    for kind, text, notes in PARAS:
        low = min(FIRST_LINE, len(text) - 1)
        cuts = sorted(set(draw(st.lists(st.integers(low, max(low, len(text) - 1)), max_size=2))))
        cuts = [c for c in cuts if not _ambiguous(kind, text, c)]
        if len(cuts) == 2 and cuts[1] - cuts[0] < FIRST_LINE:  # two page breaks are a page apart
            cuts = cuts[:1]
        pos = 0
        for c in cuts:
            out.append(text[pos:c])
            out.append(_break(draw, pending))
            pos = c
        out.append(text[pos:] + "\n\n")
        pending += notes
        if draw(st.integers(0, 9)) == 0:
            out.append(_break(draw, pending))
    out.append(_break(draw, pending))
    return "".join(out)


def _break(draw: st.DrawFn, pending: list[int]) -> str:
    """What a page break leaves: footnotes whose markers went by, furniture, blank lines."""
    parts = [f"{str(n).translate(SUP)} {NOTES[n]}" for n in pending]
    pending.clear()
    parts += [f for f in draw(st.lists(st.sampled_from(FURNITURE), max_size=3)) if f]
    return "\n\n" + "\n\n".join(parts) + "\n\n"


def _check(text: str) -> None:
    res = parse_text(text, language="zh")
    assert [norm(p.text) for p in res.preamble] == [norm(p["text"]) for p in GOLD["preamble"]]
    assert [(p.number, norm(p.text)) for p in res.operative] == [
        (p["number"], norm(p["text"])) for p in GOLD["operative"]
    ]
    assert [p.footnotes for p in res.paragraphs] == [
        p["footnotes"] for p in GOLD["preamble"] + GOLD["operative"]
    ]
    assert [(f.number, norm(f.text), f.cited_in) for f in res.footnotes] == [
        (f["number"], norm(f["text"]), f["cited_in"]) for f in GOLD["footnotes"]
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=NO_SHRINK)
@given(zh_cut())
def test_chinese_cuts_give_back_the_gold(text: str) -> None:
    _check(text)


# --- English layout style --------------------------------------------------------------------------------

BODY, FIRST, WIDTH = 17, 23, 60


def _wrap(text: str, width: int) -> list[str]:
    """Cut ``text`` into lines of about ``width`` characters, anywhere (Chinese has no spaces to break at)."""
    return [text[i : i + width] for i in range(0, len(text), width)] or [""]


@st.composite
def layout_cut(draw: st.DrawFn) -> str:
    """The reference text laid out like ``pdftotext -layout`` output: indents, rules, footers, headers."""
    lines = [
        "                 United Nations                              A/72/L.62",
        "",
        "Seventy-second session",
        "Agenda item 118",
        "",
        "        大会，",
    ]
    page_lines: list[str] = []
    pending: list[int] = []
    page_size = draw(st.integers(10, 30))
    page = 1

    def flush() -> None:
        nonlocal page
        lines.extend(page_lines)
        page_lines.clear()
        if pending:
            lines.extend(["", "        __________________"])
            for n in pending:
                lines.extend([f"            {n}", f"                {NOTES[n]}"])
            pending.clear()
        lines.extend(["", f"{page}/120                                        18-10587", "A/72/L.62", ""])
        page += 1

    for _kind, text, notes in PARAS:
        for k, chunk in enumerate(_wrap(text, WIDTH)):
            page_lines.append(" " * (FIRST if k == 0 else BODY) + chunk)
            if len(page_lines) >= page_size:
                flush()
        pending += notes
    flush()
    return "\n".join(lines)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=NO_SHRINK)
@given(layout_cut())
def test_layout_cuts_give_back_the_gold(text: str) -> None:
    res = parse_text(text, language="zh")
    assert [norm(p.text) for p in res.preamble] == [norm(p["text"]) for p in GOLD["preamble"]]
    assert [(p.number, norm(p.text)) for p in res.operative] == [
        (p["number"], norm(p["text"])) for p in GOLD["operative"]
    ]
    assert [(f.number, norm(f.text)) for f in res.footnotes] == [
        (f["number"], norm(f["text"])) for f in GOLD["footnotes"]
    ]

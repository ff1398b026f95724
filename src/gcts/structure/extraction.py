"""Lines of any extraction style brought to one shape before the structurer reads them.

Text reaches gcts from many extractors: ``pdftotext -layout`` (columns, indents), ``pdftotext`` without
layout, PyMuPDF and pypdfium2 (one text line per printed line, trailing spaces), text copied from a browser
or a word processor. They differ in a few ways that this module undoes, each decided by the text itself
(no flag, no knowledge of which tool was used):

* **a paragraph number alone on its line** (``1.`` then the paragraph's first line): the number and the next
  line are one line (PyMuPDF writes the number's text run apart from the text beside it);
* **justified lines cut into one word per line** (``Renewing`` / ``its`` / ``unwavering`` / …): a run of at
  least :data:`MIN_WORD_RUN` lines of a single word each is one printed line;
* **non-breaking spaces and hyphens** (U+00A0, U+202F, U+2011) are written as ordinary spaces and hyphens,
  so that ``A/RES/60/288`` or ``counter‑terrorism`` read the same whatever the source (lengths are kept, so
  offsets into the input stay exact);
* trailing spaces are dropped by :func:`gcts.structure.lines.split_lines` already.

What was undone is counted in :class:`Style`, which the structurer reports (``extraction-style``) so that a
person sees how the text was read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gcts.structure.lines import Line

#: So many single-word lines in a row are one justified line cut into words (two could be a short heading).
MIN_WORD_RUN = 3
#: A word of a justified line is at most this long ("counter-terrorism-related" is 25).
MAX_WORD = 40
_NUMBER_ALONE = re.compile(r"^(?:\d{1,4}(?: ?(?:bis|ter|quater))?|[A-Z]{1,2})\.$")
_ONE_WORD = re.compile(r"^[^\s\d/*_]+$")
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2011": "-"})


@dataclass(slots=True)
class Style:
    """What :func:`normalise` found and undid: counts per feature of the extraction style."""

    numbers_alone: int = 0
    word_runs: int = 0
    non_breaking: int = 0
    notes: list[str] = field(default_factory=list)

    def describe(self) -> str | None:
        """One sentence for the quality report, or None when the text needed nothing."""
        parts = []
        if self.numbers_alone:
            parts.append(f"{self.numbers_alone} paragraph number(s) alone on their line joined to their text")
        if self.word_runs:
            parts.append(f"{self.word_runs} justified line(s) cut into one word per line rejoined")
        if self.non_breaking:
            parts.append(f"{self.non_breaking} line(s) with non-breaking spaces or hyphens")
        return "; ".join(parts) or None


def normalise(lines: list[Line], *, spaced: bool = True) -> tuple[list[Line], Style]:
    """``lines`` with the extraction artefacts above undone, and what was found.

    ``spaced`` tells that the script separates words by spaces: only there is a line of one word short (a
    Chinese line has no spaces at all)."""
    style = Style()
    out: list[Line] = []
    n = len(lines)
    k = 0
    while k < n:
        line = lines[k]
        if line.text and not line.text.isascii():
            fixed = line.text.translate(_SPACES)
            if fixed != line.text:
                style.non_breaking += 1
                line = _with_text(line, fixed)
        if spaced and _one_word(line.text):
            end = k
            while end < n and _one_word(lines[end].text) and not lines[end].form_feed:
                end += 1
            if end - k >= MIN_WORD_RUN:
                run = [line, *lines[k + 1 : end]]
                out.append(_merged(run, " ".join(x.text.translate(_SPACES) for x in run)))
                style.word_runs += 1
                k = end
                continue
        if _NUMBER_ALONE.match(line.text) and k + 1 < n and not line.form_feed:
            nxt = lines[k + 1]
            if nxt.text[:1].isalpha() or nxt.text[:1] in '“"(':
                text = line.text + " " + nxt.text.translate(_SPACES)
                out.append(_merged([line, nxt], text))
                style.numbers_alone += 1
                k += 2
                continue
        out.append(line)
        k += 1
    return out, style


def _one_word(text: str) -> bool:
    return len(text) <= MAX_WORD and _ONE_WORD.match(text) is not None


def _with_text(line: Line, text: str) -> Line:
    return Line(line.number, line.start, line.end, text, line.indent, line.form_feed)


def _merged(run: list[Line], text: str) -> Line:
    """One line standing for ``run``: it starts where the first starts and ends where the last ends."""
    first, last = run[0], run[-1]
    return Line(first.number, first.start, last.end, text, first.indent, last.form_feed)

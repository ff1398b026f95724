"""The input cut into lines that remember where they stand: offsets, line number, indentation, page.

Every later step works on :class:`Line` objects, so that each paragraph and footnote can point back to the
characters of the input it came from (:class:`gcts.model.SourceSpan`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"([^\n\r\f]*)(\r\n|\n|\r|\f|$)")
#: Columns are separated by runs of three or more spaces in ``pdftotext -layout`` output.
CELL_GAP = re.compile(r"\s{3,}")


@dataclass(slots=True)
class Line:
    """One line of the input.

    ``start``/``end`` are offsets of the stripped text in the input; ``number`` is 1-based; ``indent`` counts
    leading spaces (tabs as 8); ``form_feed`` tells that a form feed (a page break) ends the line.
    """

    number: int
    start: int
    end: int
    text: str
    indent: int
    form_feed: bool = False

    @property
    def blank(self) -> bool:
        """True for a line with nothing but whitespace."""
        return not self.text

    @property
    def cells(self) -> list[str]:
        """The line's text cut at wide gaps (columns of a layout: ``2/5      18-18142``)."""
        return [c for c in CELL_GAP.split(self.text) if c]


def split_lines(text: str) -> list[Line]:
    """The lines of ``text`` with their offsets; ``\\r\\n``, ``\\r`` and form feeds all end a line."""
    out: list[Line] = []
    number = 1  # editors count newlines, not form feeds
    for m in _LINE.finditer(text):
        raw, end_mark = m.group(1), m.group(2)
        if not raw and not end_mark:
            if m.start() == len(text):
                break
            continue
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        indent = len(raw[:lead].expandtabs(8))
        start = m.start(1) + lead
        out.append(
            Line(
                number=number,
                start=start,
                end=start + len(stripped),
                text=stripped,
                indent=indent,
                form_feed=end_mark == "\f",
            )
        )
        if end_mark and end_mark != "\f":
            number += 1
    return out

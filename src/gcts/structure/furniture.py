"""Page furniture: what a printed UN page carries besides the text, and must not end up in a paragraph.

UN documents print the same furniture in every language (UN editorial conventions, not language data):
job numbers (``18-18142 (E)    021118``), bar codes (``*1818142*``), page numbers (``2/5``), the document
symbol as running head (``A/RES/73/7``), and on adopted resolutions the title again as running head. In
``pdftotext -layout`` output they share a line, separated by wide gaps: a line is furniture when *each* of
its cells is. A running title is recognised by being a piece of the document's own title printed far to the
right or beside the symbol.
"""

from __future__ import annotations

import re

from gcts.structure.lines import Line

#: A UN document symbol (``A/RES/73/7``, ``A/72/L.62``, ``S/2017/375``, ``A/HRC/37/52``, ``A/C.3/72/L.10``).
SYMBOL = re.compile(
    r"(?<![\w/])(?:A|S|E|ST|[A-Z]{2,6})(?:/[A-Z]+(?:\.\d+)?)*/(?:RES/)?(?:S-\d+/|ES-\d+/)?(?:\d{1,4}/)?"
    r"(?:L\.)?\d+(?:/(?:Rev|Add|Corr|Amend)\.\d+)*(?![\w/])"
)
_JOB = re.compile(r"^(?:GE\.)?\d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\d{6})?$")
_BARCODE = re.compile(r"^\*\d{6,}\*$")
_PAGE = re.compile(r"^(?P<n>\d{1,3})\s*/\s*(?P<of>\d{1,3})$")
#: The release stamp printed beside the job number (``021118``: day, month, year).
_STAMP = re.compile(r"^\d{6}$")
_SPACES = re.compile(r"\s+")
#: A running title is at least this long, so that a short line of body text is never mistaken for one.
MIN_RUNNING_TITLE = 10
#: "n/N" is a page number only up to this many pages: beyond, "71/291" is a resolution cut by a line end.
MAX_PAGES = 120
#: A cell this far right (in columns) sits in the running-head area, not in the body column.
RUNNING_HEAD_INDENT = 30


def is_symbol(cell: str) -> bool:
    """True when ``cell`` is nothing but one document symbol."""
    m = SYMBOL.fullmatch(cell.strip())
    return m is not None


def _furniture_cell(cell: str) -> bool:
    cell = cell.strip()
    if _JOB.match(cell) or _BARCODE.match(cell) or is_symbol(cell):
        return True
    m = _PAGE.match(cell)
    return bool(m and 0 < int(m["n"]) <= int(m["of"]) <= MAX_PAGES)


def squeeze(text: str) -> str:
    """``text`` without any whitespace: how running titles are compared with the title."""
    return _SPACES.sub("", text)


def is_furniture(line: Line, title: str | None = None) -> bool:
    """True when ``line`` is page furniture (job number, bar code, page number, symbol, running title).

    ``title`` is the document's title, whitespace removed (see :func:`squeeze`), to recognise running titles.
    """
    if line.blank:
        return False
    t = line.text
    if not (t[0].isdigit() or t[0] == "*" or "/" in t or line.indent >= RUNNING_HEAD_INDENT) and not (
        title and squeeze(t[: MIN_RUNNING_TITLE * 2]) in title
    ):
        return False  # furniture starts with a digit, a star or a symbol, stands far right, or is the title
    cells = line.cells
    marks = [_furniture_cell(c) for c in cells]
    if all(m or _STAMP.match(c) for m, c in zip(marks, cells, strict=True)) and any(marks):
        return True
    if not title:
        return False
    rest = [c for c in cells if not _furniture_cell(c)]
    joined = squeeze("".join(rest))
    has_mark = len(rest) < len(cells) or line.indent >= RUNNING_HEAD_INDENT
    return has_mark and len(joined) >= MIN_RUNNING_TITLE and joined in title

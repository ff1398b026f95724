"""The body of a document separated from its page furniture and footnote blocks, page by page.

PDF extraction interleaves three streams: the running text, the footnotes printed at each page's foot, and
the furniture of each page (see :mod:`gcts.structure.furniture`). This module walks the lines once and
returns the running text as :class:`BodyLine` objects (each knowing its page, and whether a page break or a
blank line stands before it) and the footnotes as :class:`RawFootnote` objects.

Footnote blocks are recognised in the two shapes PDF extraction gives them:

* under a rule of underscores (``pdftotext -layout``): everything from the rule to the page's furniture (or
  a form feed, or two blank lines) is footnote text; a number alone on a line, or the next expected number
  at the start of a line, opens a footnote;
* as lines that start with superscript digits (``¹ A/71/858。``): one footnote per line, continued by the
  following lines (up to a blank line) while its text has not reached a final full stop.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gcts.model import QualityIssue
from gcts.structure.conventions import Conventions, superscript_value
from gcts.structure.furniture import MIN_RUNNING_TITLE, is_furniture, is_symbol, squeeze
from gcts.structure.lines import Line

#: A footnote block without furniture after it ends at this many blank lines in a row.
FOOTNOTE_BLOCK_BLANKS = 2
#: A page head (running title and symbol) is at most this many lines.
PAGE_HEAD_LINES = 3


@dataclass(slots=True)
class BodyLine:
    """A line of running text with what stands before it: a blank line, a page break (furniture, a footnote
    block or a form feed were removed)."""

    line: Line
    page: int
    blank_before: bool = False
    break_before: bool = False


@dataclass(slots=True)
class RawFootnote:
    """A footnote as found in a footnote block: its number, its text lines and its page."""

    number: int
    page: int
    parts: list[str] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class Separated:
    """The result of :func:`separate`."""

    body: list[BodyLine]
    footnotes: list[RawFootnote]
    issues: list[QualityIssue]
    pages: int


_FINAL_STOPS = ("。", ".", "．")


def separate(
    lines: list[Line], conv: Conventions, title: str | None = None, symbol: str | None = None
) -> Separated:
    """Split ``lines`` (the body region of a document) into running text and footnotes.

    ``title`` (whitespace removed) lets running titles be recognised as furniture; ``symbol`` (the document's
    own symbol, if known) lets page heads be recognised whatever short title stands beside it.
    """
    body: list[BodyLine] = []
    notes: list[RawFootnote] = []
    issues: list[QualityIssue] = []
    page = 1
    pending_break = False
    blank = False
    in_rule_block = False
    block_blanks = 0
    open_note: RawFootnote | None = None  # a superscript footnote that may continue on the next line

    def expected() -> int:
        return notes[-1].number + 1 if notes else 1

    furniture = _furniture_flags(lines, title)
    _flag_page_heads(lines, furniture, symbol)
    for k, line in enumerate(lines):
        if line.blank:
            blank = True
            open_note = None
            if in_rule_block:
                block_blanks += 1
                if block_blanks >= FOOTNOTE_BLOCK_BLANKS:
                    in_rule_block = False
            continue
        if furniture[k]:
            in_rule_block = False
            open_note = None
            pending_break = True
            blank = False
            if line.form_feed:
                pending_break = True
            continue
        if in_rule_block:
            block_blanks = 0
            _block_line(line, page, notes, conv, expected(), issues)
            if line.form_feed:
                in_rule_block = False
            continue
        if conv.footnote_rule.match(line.text):
            in_rule_block = True
            block_blanks = 0
            pending_break = True
            open_note = None
            continue
        sup = conv.footnote_superscript_line.match(line.text)
        if sup:
            open_note = RawFootnote(
                number=superscript_value(sup["number"]), page=page, parts=[sup["text"]], lines=[line]
            )
            notes.append(open_note)
            pending_break = True
            blank = False
            continue
        if open_note is not None and not open_note.parts[-1].rstrip().endswith(_FINAL_STOPS):
            open_note.parts.append(line.text)
            open_note.lines.append(line)
            continue
        open_note = None
        if pending_break and body:
            page += 1
        body.append(
            BodyLine(line=line, page=page, blank_before=blank, break_before=pending_break and bool(body))
        )
        pending_break = line.form_feed
        blank = False
    return Separated(body=body, footnotes=notes, issues=issues, pages=page)


def _furniture_flags(lines: list[Line], title: str | None) -> list[bool]:
    """Which lines are furniture; a piece of the title next to furniture is a running title wherever it stands
    (odd pages print it flush left, on its own line above the symbol)."""
    flags = [is_furniture(line, title) for line in lines]
    if not title:
        return flags
    candidates = [
        k
        for k, line in enumerate(lines)
        if not flags[k]
        and not line.blank
        and len(line.text) >= MIN_RUNNING_TITLE
        and squeeze(line.text) in title
    ]
    # forward then backward: a title printed over two lines above the symbol is furniture line by line
    for order in (candidates, candidates[::-1]):
        for k in order:
            near = [j for j in (k - 1, k + 1) if 0 <= j < len(lines)]
            if any(flags[j] for j in near):
                flags[k] = True
    return flags


def _flag_page_heads(lines: list[Line], flags: list[bool], symbol: str | None) -> None:
    """Mark as furniture the head of each page that carries the document's own symbol at either end of a line.

    A page head is the block of lines at the top of a page (after a form feed, or after the previous page's
    furniture) up to the first blank line, at most :data:`PAGE_HEAD_LINES` lines. When one of its lines has
    the symbol as its first or last cell (``A/RES/73/3   on the fight against tuberculosis``), the whole block
    is the running head, whatever short title stands beside the symbol. Without a known symbol, any symbol
    cell counts.
    """
    k = 0
    top = True  # the input starts at the top of a page (the first page's heading was cut off before)
    n = len(lines)
    while k < n:
        line = lines[k]
        if line.blank:
            top = top or line.form_feed
            k += 1
            continue
        if top:
            end = k
            while end < n and end - k <= PAGE_HEAD_LINES and not lines[end].blank:
                end += 1
            block = range(k, end)
            if len(block) <= PAGE_HEAD_LINES and any(_symbol_at_edge(lines[j], symbol) for j in block):
                for j in block:
                    flags[j] = True
                top = lines[end - 1].form_feed
                k = end
                continue
        # the next line starts a page after a page break or after the furniture at a page's foot
        top = line.form_feed or flags[k]
        k += 1


def _symbol_at_edge(line: Line, symbol: str | None) -> bool:
    cells = line.cells
    if len(cells) < 2:
        return False
    edges = (cells[0].strip(), cells[-1].strip())
    if symbol:
        return symbol in edges
    return any(is_symbol(c) for c in edges)


def _block_line(
    line: Line,
    page: int,
    notes: list[RawFootnote],
    conv: Conventions,
    expected: int,
    issues: list[QualityIssue],
) -> None:
    """Add one line of a ruled footnote block: a new footnote, or more text for the current one."""
    text = line.text
    m = conv.footnote_number_line.match(text)
    if m:
        notes.append(RawFootnote(number=int(m["number"]), page=page, lines=[line]))
        return
    m = conv.footnote_superscript_line.match(text)
    if m:
        notes.append(
            RawFootnote(number=superscript_value(m["number"]), page=page, parts=[m["text"]], lines=[line])
        )
        return
    m = conv.footnote_numbered_line.match(text)
    if m and int(m["number"]) == expected and (not notes or notes[-1].parts):
        notes.append(RawFootnote(number=expected, page=page, parts=[m["text"]], lines=[line]))
        return
    if not notes:
        issues.append(
            QualityIssue(
                "footnote-unnumbered",
                f"footnote text without a number: {text[:60]!r}",
                line=line.number,
                where=f"line {line.number}",
            )
        )
        notes.append(RawFootnote(number=expected, page=page))
    notes[-1].parts.append(text)
    notes[-1].lines.append(line)

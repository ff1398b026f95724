"""Text from a UN resolution PDF, shaped like ``pdftotext -layout`` output.

The structurer (:func:`gcts.structure.parse_text`) is written against the text that poppler's
``pdftotext -layout`` makes of UN PDFs, so this module rebuilds that shape from the PDF's own text layer,
in-process (PDFium through pypdfium2: no external program, no network; decision 0010):

* characters are grouped into lines by their *baseline*, so a 20-point ``A`` and a 10-point ``/RES/73/7``
  printed on one line stay on one line;
* superscripts (smaller glyphs raised above the baseline: the footnote markers) are kept as plain text,
  set apart by spaces (``Court 1``), exactly as ``pdftotext`` writes them; a superscript that opens a line
  (the number of a footnote in the footnote block) goes on a line of its own above its text;
* horizontal position becomes indentation in columns of a fixed width, so first-line indents and
  right-aligned running heads survive; large vertical gaps become blank lines;
* pages are separated by a form feed (``\\f``), as ``pdftotext`` does;
* glyphs are grouped into lines through an index of baselines (:class:`_LineIndex`), so a page is read in
  time linear in its glyphs.

A PDF with no text layer (a scan) or one that cannot be opened (encrypted, broken) raises
:class:`gcts.errors.InputError` naming the file.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from gcts.errors import InputError
from gcts.reading.pdf_limits import check_page

#: Width of one text column as a fraction of the page's body font size, counted from the leftmost glyph
#: of the page. Calibrated on UN resolution PDFs so that indents land where ``pdftotext -layout`` puts
#: them (10-point body text at column 17, first-line indents at 23, running heads at 0).
COLUMN_PITCH_RATIO = 0.375
#: A glyph is a superscript when it is at most this fraction of its line's size ...
SUPERSCRIPT_SIZE_RATIO = 0.8
#: ... and its baseline sits at least this fraction of its line's size above the line's baseline.
SUPERSCRIPT_RISE_RATIO = 0.15
#: Glyphs whose baselines differ by less than this fraction of their size share a line.
BASELINE_TOLERANCE_RATIO = 0.3
#: A horizontal gap wider than this fraction of the font size is a word space.
WORD_GAP_RATIO = 0.12
#: A horizontal gap wider than this many font sizes starts a new column on the same line.
COLUMN_GAP_RATIO = 2.5
#: A gap wider than this many font sizes and much wider than the line's usual word space (a tab after a
#: paragraph number, not the stretched spaces of a justified line) is also padded to its column.
TAB_GAP_RATIO = 0.8
#: Typographic ligatures a PDF may hold as one character; pdftotext spells them out.
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
             "\ufb05": "st", "\ufb06": "st"}


@dataclass(slots=True)
class Glyph:
    """One character of the text layer, in page coordinates (points, y growing downwards)."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    #: The PDF prints a space right after this glyph (a word ends here even if the gap looks narrow: an
    #: italic "f" overhangs the space after it).
    space_after: bool = False


@dataclass(slots=True)
class Line:
    """Glyphs sharing a baseline, plus the superscripts attached to it."""

    baseline: float
    size: float
    glyphs: list[Glyph] = field(default_factory=list)
    supers: list[Glyph] = field(default_factory=list)


def extract_text(path: str | Path | bytes, *, source: str | None = None) -> str:
    """Return the text of the PDF at ``path`` laid out like ``pdftotext -layout``; pages end with ``\\f``.

    ``path`` may also be the PDF's bytes (read in memory, no temporary file); ``source`` names the input
    in error messages (default: the path). Raises :class:`InputError` when the file cannot be opened as a
    PDF (missing, broken, encrypted) or has no text layer at all (a scanned document: OCR is not supported).
    """
    import pypdfium2 as pdfium

    if isinstance(path, bytes):
        name, data = source or "<PDF bytes>", path
    else:
        name = source or str(path)
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError as exc:
            raise InputError("no such file", file=name) from exc
        except OSError as exc:
            raise InputError(f"cannot be read: {exc.strerror or exc}", file=name) from exc
    pages: list[str] = []
    any_text = False
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower() or "security" in str(exc).lower():
            message = "the PDF is encrypted and cannot be read without its password"
            raise InputError(message, file=name) from exc
        raise InputError(f"not a readable PDF ({exc})", file=name) from exc
    try:
        for k in range(len(pdf)):
            try:
                page = pdf[k]
                glyphs, baselines = _page_glyphs(page)
            except pdfium.PdfiumError as exc:
                raise InputError(f"not a readable PDF (page {k + 1}: {exc})", file=name) from exc
            # lines and characters per page (h10's caps), on the glyphs' baselines
            check_page(({"top": b} for b in baselines), k + 1, source=name)
            any_text = any_text or bool(glyphs)
            pages.append(_layout(glyphs))
    finally:
        pdf.close()
    if not pages:
        raise InputError("the PDF has no pages", file=name)
    if not any_text:
        raise InputError("no text layer; OCR is not supported (is this a scanned document?)", file=name)
    return "".join(page + "\f" for page in pages)


def _page_glyphs(page: Any) -> tuple[list[Glyph], list[float]]:
    """The upright, visible characters of one pypdfium2 page as :class:`Glyph` (spaces dropped: gaps make
    spaces). Positions are the loose box (the font's advance, not the ink) and the baseline origin, which
    are what the layout's thresholds were calibrated on. A space the PDF itself prints (not one PDFium
    generated) marks the glyph before it as ending a word."""
    import ctypes

    import pypdfium2.raw as raw

    height = float(page.get_height())
    textpage = page.get_textpage()
    try:
        handle = textpage.raw
        count = raw.FPDFText_CountChars(handle)
        # all characters in one call (UTF-16, one unit per character index), then a few calls per glyph
        buffer = ctypes.create_string_buffer(2 * (count + 1))
        raw.FPDFText_GetText(handle, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
        codes = memoryview(buffer.raw).cast("H")[:count]
        font_size, angle_of = raw.FPDFText_GetFontSize, raw.FPDFText_GetCharAngle
        origin, loose_box = raw.FPDFText_GetCharOrigin, raw.FPDFText_GetLooseCharBox
        out: list[Glyph] = []
        baselines: list[float] = []
        x, y = ctypes.c_double(), ctypes.c_double()
        rect = raw.FS_RECTF()
        for i in range(count):
            code = codes[i]
            if code < 0x21 or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
                if code == 0x20:
                    if out and raw.FPDFText_IsGenerated(handle, i) != 1:
                        out[-1].space_after = True
                    continue
                if raw.FPDFText_IsHyphen(handle, i) == 1:
                    code = 0x2D  # a hyphen at a line end, which pdfium reports as a control character
                elif 0xD800 <= code <= 0xDBFF:  # a character outside the BMP: ask for it whole
                    code = raw.FPDFText_GetUnicode(handle, i)
                else:
                    continue
            text = chr(code)
            if text.isspace():
                continue
            origin(handle, i, x, y)
            baselines.append(height - y.value)  # every printed character counts towards the page caps
            size = float(font_size(handle, i))
            if size < 2.0:  # invisible spacer glyphs
                continue
            angle = float(angle_of(handle, i))
            if 0.01 < angle < 6.27:  # not upright (rotated side notes)
                continue
            if not loose_box(handle, i, rect):
                continue
            out.append(Glyph(LIGATURES.get(text, text), rect.left, rect.right, height - y.value, size))
        return out, baselines
    finally:
        textpage.close()


def _glyphs(chars: Iterable[dict[str, Any]], page_height: float) -> list[Glyph]:
    """The upright, visible characters of one page as :class:`Glyph` (spaces dropped: gaps make spaces)."""
    out: list[Glyph] = []
    for c in chars:
        text = c.get("text") or ""
        if not text or text.isspace() or not c.get("upright", True):
            continue
        size = float(c.get("size") or 0.0)
        if size < 2.0:  # invisible spacer glyphs
            continue
        matrix = c.get("matrix")
        baseline = page_height - float(matrix[5]) if matrix else float(c["bottom"])
        out.append(Glyph(LIGATURES.get(text, text), float(c["x0"]), float(c["x1"]), baseline, size))
    return out


def _layout(glyphs: Sequence[Glyph]) -> str:
    """Lay the glyphs of one page out as text lines (without the closing form feed)."""
    if not glyphs:
        return ""
    lines = _lines(glyphs)
    body = statistics.median_low(sorted(line.size for line in lines))
    grid = _Grid(left=min(g.x0 for g in glyphs), pitch=COLUMN_PITCH_RATIO * body)
    rows: list[str] = []
    previous: Line | None = None
    for line in lines:
        if previous is not None:
            rows.extend([""] * _blank_lines(line.baseline - previous.baseline, previous.size))
        rows.extend(_render(line, grid))
        previous = line
    return "\n".join(rows) + "\n"


def _blank_lines(gap: float, size: float) -> int:
    """How many empty rows stand for a vertical gap of ``gap`` points after a line set in ``size`` points.

    Ordinary leading (about 1.2 × the size) gives none; beyond 1.6 × the leading, one empty row per
    1.4 × the leading, at most four (as ``pdftotext`` does between heading blocks and at page feet).
    """
    leading = 1.2 * size
    if gap <= 1.6 * leading:
        return 0
    return min(4, max(1, int(gap / (1.4 * leading))))


def _lines(glyphs: Sequence[Glyph]) -> list[Line]:
    """Group glyphs into lines by baseline, largest glyphs first, then attach the superscripts."""
    index = _LineIndex()
    pending: list[Glyph] = []
    for g in sorted(glyphs, key=lambda g: -g.size):
        home = index.line_for(g)
        if home is None:
            # A small glyph with no line yet may be a superscript of a line still to come: decide later.
            pending.append(g)
            continue
        home.glyphs.append(g)
    lines = index.lines
    for g in sorted(pending, key=lambda g: -g.size):
        host = _superscript_host(lines, g)
        if host is not None:
            host.supers.append(g)
            continue
        home = index.line_for(g, create=True)
        assert home is not None
        home.glyphs.append(g)
    return sorted(lines, key=lambda line: line.baseline)


#: Height in points of one bucket of the baseline index.
_BUCKET = 2.0


class _LineIndex:
    """The lines of a page found so far, indexed by baseline, so that finding a glyph's line looks at the
    few lines near its baseline instead of every line (the reading stays linear in the number of glyphs).

    A glyph joins the first line (in creation order) whose baseline matches within the tolerance, as a scan
    of all lines in creation order would find it."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.buckets: dict[int, list[int]] = {}
        self.largest = 0.0

    def line_for(self, g: Glyph, *, create: bool = False) -> Line | None:
        """The line whose baseline matches ``g`` (creating one when ``create``); None if a new one is
        needed (a small glyph with no line of its size: maybe a superscript)."""
        reach = BASELINE_TOLERANCE_RATIO * g.size
        low, high = int((g.baseline - reach) // _BUCKET), int((g.baseline + reach) // _BUCKET)
        best: int | None = None
        for key in range(low, high + 1):
            for k in self.buckets.get(key, ()):
                if best is not None and k >= best:
                    continue
                line = self.lines[k]
                tolerance = BASELINE_TOLERANCE_RATIO * min(line.size, g.size)
                delta = abs(line.baseline - g.baseline)
                if delta <= tolerance * 0.5 or (
                    delta <= tolerance and g.size > line.size * SUPERSCRIPT_SIZE_RATIO
                ):
                    best = k
        if best is not None:
            return self.lines[best]
        if not self.lines or create or g.size >= self.largest * SUPERSCRIPT_SIZE_RATIO:
            return self._new(g)
        return None

    def _new(self, g: Glyph) -> Line:
        line = Line(g.baseline, g.size)
        self.buckets.setdefault(int(g.baseline // _BUCKET), []).append(len(self.lines))
        self.lines.append(line)
        self.largest = max(self.largest, g.size)
        return line


def _superscript_host(lines: list[Line], g: Glyph) -> Line | None:
    """The line ``g`` is a superscript of: a larger line whose baseline lies a little below ``g``'s."""
    best: Line | None = None
    for line in lines:
        rise = line.baseline - g.baseline
        if g.size > line.size * SUPERSCRIPT_SIZE_RATIO:
            continue
        if SUPERSCRIPT_RISE_RATIO * line.size <= rise <= 0.75 * line.size and (
            best is None or rise < best.baseline - g.baseline
        ):
            best = line
    return best


@dataclass(frozen=True, slots=True)
class _Grid:
    """Maps a horizontal position on the page to a text column."""

    left: float
    pitch: float

    def column(self, x: float) -> int:
        """The column of position ``x`` (points)."""
        return max(0, round((x - self.left) / self.pitch))


def _render(line: Line, grid: _Grid) -> list[str]:
    """One or two text rows for a line: a superscript opening the line gets a row of its own above it."""
    glyphs = sorted(line.glyphs, key=lambda g: g.x0)
    supers = sorted(line.supers, key=lambda g: g.x0)
    leading: list[Glyph] = []
    if glyphs:
        leading = [s for s in supers if s.x1 <= glyphs[0].x0 + 0.5]
    inline = [s for s in supers if s not in leading]
    rows: list[str] = []
    if leading:
        rows.append(_row([(g, False) for g in leading], grid))
    items = sorted([(g, False) for g in glyphs] + [(s, True) for s in inline], key=lambda it: it[0].x0)
    if items:
        rows.append(_row(items, grid))
    return rows


def _row(items: Sequence[tuple[Glyph, bool]], grid: _Grid) -> str:
    """Text of glyphs in x order: word spaces from gaps, columns from large gaps, superscripts spaced off."""
    word_gaps = sorted(
        b.x0 - a.x1 for (a, _), (b, _) in pairwise(items) if b.x0 - a.x1 > WORD_GAP_RATIO * b.size
    )
    usual_gap = word_gaps[len(word_gaps) // 2] if word_gaps else 0.0
    out: list[str] = []
    length = 0
    prev: Glyph | None = None
    prev_super = False
    for g, is_super in items:
        column = grid.column(g.x0)
        if prev is None:
            pad = " " * column
        else:
            gap = g.x0 - prev.x1
            size = max(prev.size, g.size)
            if gap > COLUMN_GAP_RATIO * size:
                pad = " " * max(1, column - length)
            elif gap > TAB_GAP_RATIO * size and gap > 3 * usual_gap and column > length + 1:
                pad = " " * (column - length)
            elif gap > WORD_GAP_RATIO * size or is_super != prev_super or (prev.space_after and gap > 0):
                pad = " "
            else:
                pad = ""
        out.append(pad)
        out.append(g.text)
        length += len(pad) + len(g.text)
        prev, prev_super = g, is_super
    return "".join(out)

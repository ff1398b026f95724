"""Footnote markers in paragraph text, and footnotes tied to the paragraph that first cites them.

Markers come in two shapes:

* Unicode superscripts (``报告¹ 并``, ``纲领》，²``): unambiguous, read and removed everywhere;
* a bare number after a word or punctuation (``Court 1 reaffirms``, ``Agreement, 3 which``), the way
  ``pdftotext`` writes a raised digit. Real numbers look the same (``paragraph 3 of``, ``12 February 2013``),
  so a bare number is taken as a marker only when (a) it is the next footnote not cited yet and stands on or
  before that footnote's page, or it is a footnote already cited (a repeated citation); (b) the word before
  it is not one after which numbers are ordinary (``paragraph``, ``from`` …, language data ``not_after``);
  (c) the word after it is not one before which numbers are ordinary (``February``, ``per`` …,
  ``not_before``). A repeated citation must moreover follow a word or closing punctuation, not a digit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gcts.model import Footnote, QualityIssue, SourceSpan
from gcts.structure.conventions import Conventions, superscript_value
from gcts.structure.layout import RawFootnote

_SUPERSCRIPTS = re.compile(r"\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*")
_BARE = re.compile(r"(?<=\S)([ \t\n]+)(\d{1,3})(?=\s|[,;:.](?:\s|$)|$)")
_GLUED = re.compile(r"(?<=[^\d\s][,;])(\d{1,2})(?=\s|$)|(?<=\d[,;])(\d)(?=\s|$)")
_WORD_END = re.compile(r"[\w)\]”’\"'.,;:]$")
#: Where a marker stood, kept in the text through the artefact repairs (a private-use character, which no
#: UN text holds and no repair matches) and turned into offsets by :func:`take_marks`.
MARK = "\ue000"


@dataclass(slots=True)
class Marker:
    """A footnote marker found in a paragraph: the footnote number and the slice of text to remove."""

    number: int
    start: int
    end: int


class MarkerReader:
    """Finds markers paragraph after paragraph, remembering which footnotes were cited already."""

    def __init__(self, notes: list[RawFootnote], conv: Conventions, *, partial: bool = False) -> None:
        self.conv = conv
        self.pages = {n.number: n.page for n in notes}
        self.pending = sorted(self.pages)
        self.cited: set[int] = set()
        #: In a partial text the footnote blocks may be cut off: a bare number that is the next footnote
        #: number after all those cited or found (and passes the word checks) is a marker even without text.
        self.partial = partial

    def read(self, text: str, pages: list[tuple[int, int]]) -> tuple[str, list[int], list[int]]:
        """``text`` with each marker replaced by :data:`MARK`, the footnote numbers cited in it (each once, in
        order of appearance), and the number of each marker in text order (one per :data:`MARK`).

        ``pages`` maps offsets of ``text`` to page numbers (see :meth:`RawParagraph.joined`).
        """
        found = self._superscripts(text)
        if self.conv.inline_markers:
            found += self._bare(text, pages, {m.start for m in found})
        if self.conv.glued_markers:
            found += self._glued(text)
        found.sort(key=lambda m: m.start)
        numbers: list[int] = []
        for m in found:
            if m.number not in numbers:
                numbers.append(m.number)
        return _remove(text, found, self.conv), numbers, [m.number for m in found]

    def _superscripts(self, text: str) -> list[Marker]:
        out = []
        for m in _SUPERSCRIPTS.finditer(text):
            n = superscript_value(m.group(1))
            out.append(Marker(n, m.start(), m.end()))
            self._cite(n)
        return out

    def _cite(self, n: int) -> None:
        self.cited.add(n)
        if n in self.pending:
            self.pending.remove(n)

    def _bare(self, text: str, pages: list[tuple[int, int]], taken: set[int]) -> list[Marker]:
        out = []
        for m in _BARE.finditer(text):
            if m.start() in taken:
                continue
            n = int(m.group(2))
            before = text[: m.start()].rsplit(None, 1)[-1] if text[: m.start()].strip() else ""
            after = text[m.end() :].split(None, 1)
            word_after = after[0] if after else ""
            if not self._plausible(before, word_after):
                continue
            new = bool(self.pending) and n == self.pending[0] and _page_at(pages, m.start()) <= self.pages[n]
            new = new or (self.partial and n not in self.pages and n == self._next_unknown())
            again = (
                n in self.cited
                and not before[-1:].isdigit()
                and _WORD_END.search(before) is not None
                and not word_after[:1].isupper()
            )
            if new or again:
                out.append(Marker(n, m.start(), m.end()))
                self._cite(n)
        return out

    def _next_unknown(self) -> int:
        """The number a footnote cut off from a partial text would have: one after all cited or found."""
        return max(self.cited | set(self.pages), default=0) + 1

    def _glued(self, text: str) -> list[Marker]:
        """Markers printed against the punctuation before them (``UNISPACE+50,1 Noting``)."""
        out = []
        for m in _GLUED.finditer(text):
            n = int(m.group(0))
            if n in self.cited or (self.pending and n == self.pending[0]):
                out.append(Marker(n, m.start(), m.end()))
                self._cite(n)
        return out

    def _plausible(self, before: str, after: str) -> bool:
        if not before or before[-1] in "-–—/(":
            return False
        word = before.lower().rstrip(",;:")
        if word in self.conv.marker_not_after or before.lower() in self.conv.marker_not_after:
            return False
        nxt = after.strip(",;:.").lower()
        return not (nxt and nxt in self.conv.marker_not_before)


def _page_at(pages: list[tuple[int, int]], offset: int) -> int:
    page = pages[0][1] if pages else 1
    for start, p in pages:
        if start > offset:
            break
        page = p
    return page


def _remove(text: str, markers: list[Marker], conv: Conventions) -> str:
    """``text`` with each marker slice replaced by :data:`MARK`; a space is kept between words where the
    script needs one (after the mark: the marker belongs to what precedes it)."""
    if not markers:
        return text
    out = []
    pos = 0
    for m in markers:
        out.append(text[pos : m.start])
        out.append(MARK)
        gap = text[m.start : m.end]
        had_space = gap[:1].isspace() and gap[-1:].isspace()
        if conv.line_join and had_space and m.end < len(text):
            out.append(" ")
        elif conv.line_join and "\n" in gap:
            out.append("\n")
        pos = m.end
    out.append(text[pos:])
    return "".join(out)


def take_marks(text: str, numbers: list[int]) -> tuple[str, list[tuple[int, int]]]:
    """``text`` without its :data:`MARK` characters, and ``(offset, number)`` for each, ``numbers`` being the
    markers' footnote numbers in text order."""
    refs: list[tuple[int, int]] = []
    parts = text.split(MARK)
    offset = 0
    for part, number in zip(parts, numbers, strict=False):
        offset += len(part)
        refs.append((offset, number))
    return "".join(parts), refs


def build_footnotes(
    notes: list[RawFootnote], conv: Conventions, cited_in: dict[int, str], clean: object, source: str | None
) -> tuple[list[Footnote], list[QualityIssue]]:
    """The document's footnotes, in order of number, each with its text, citing paragraph and span.

    ``clean`` is the artefact cleaner applied to paragraph text (link artefacts …), applied here too.
    """
    issues: list[QualityIssue] = []
    out: list[Footnote] = []
    seen: set[int] = set()
    for raw in notes:
        text = conv.line_join.join(p.strip() for p in raw.parts).strip()
        text = clean(text) if callable(clean) else text
        first, last = raw.lines[0], raw.lines[-1]
        span = SourceSpan(first.start, last.end, first.number, last.number, source)
        if raw.number in seen:
            issues.append(
                QualityIssue(
                    "footnote-duplicate",
                    f"footnote {raw.number} appears twice",
                    line=first.number,
                    where=f"footnote:{raw.number}",
                )
            )
            continue
        seen.add(raw.number)
        if not text:
            issues.append(
                QualityIssue(
                    "footnote-empty",
                    f"footnote {raw.number} has no text",
                    line=first.number,
                    where=f"footnote:{raw.number}",
                )
            )
        if raw.number not in cited_in:
            issues.append(
                QualityIssue(
                    "footnote-uncited",
                    f"no marker for footnote {raw.number} was found",
                    line=first.number,
                    where=f"footnote:{raw.number}",
                )
            )
        out.append(Footnote(number=raw.number, text=text, cited_in=cited_in.get(raw.number), span=span))
    out.sort(key=lambda f: f.number)
    return out, issues

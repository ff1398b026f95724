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
from bisect import bisect_right
from dataclasses import dataclass

from gcts.model import Footnote, QualityIssue, SourceSpan
from gcts.structure.conventions import Conventions, superscript_value
from gcts.structure.layout import RawFootnote

_SUPERSCRIPTS = re.compile(r"\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*")
_BARE = re.compile(r"(?<=\S)([ \t\n]+)(\d{1,3})(?=\s|[,;:.،؛](?:\s|$)|$)")
#: What :meth:`MarkerReader._candidates` checks character by character, in the shapes of the patterns here.
_DIGITS = re.compile(r"\d+")
_LETTER = re.compile(r"[^\W\d_]")
_BARE_STOPS = ",;:.،؛"
_GLUED_AFTER = ",;:.”’)"
_WORD_GLUE_STOPS = ",.;:)]”’\""
SUPERSCRIPT_CHARS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_GLUED = re.compile(r"(?<=[^\d\s][,;:.”’)])(\d{1,2})(?=\s|$)|(?<=\d[,;])(\d)(?=\s|$)")
#: A marker glued to the word it follows (``Strategy1 and``, ``thereto10 and``): two letters before it, and
#: a space, punctuation or the end after it. Taken only for a footnote the document holds (see above).
_GLUED_WORD = re.compile(r"(?<=[^\W\d_]{2})(\d{1,3})(?=[\s,.;:)\]”’\"]|$)")
#: The words around a bare number are looked for this far on each side (keeps the reading linear).
_WORD_WINDOW = 80
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
    """Finds markers paragraph after paragraph, remembering which footnotes were cited already.

    Candidates of every shape (superscript, bare, glued after punctuation, glued to a word) are collected in
    one pass each and decided in text order, so that a paragraph citing 5 glued and 6 bare reads both."""

    def __init__(
        self,
        notes: list[RawFootnote],
        conv: Conventions,
        *,
        partial: bool = False,
        guesses: frozenset[tuple[int, int]] = frozenset(),
    ) -> None:
        self.conv = conv
        #: Bare numbers refused only because of the words around them ("Aspects 5 Member States", "review
        #: resolutions 3 and"), which were the next footnote on that footnote's own page: footnote number →
        #: (paragraph, offset) of the first. When such a footnote stays uncited, another reading takes that
        #: place (``guesses``) and says so (see :func:`read_markers`).
        self.doubtful: dict[int, tuple[int, int]] = {}
        self.guesses = guesses
        self.guessed: list[tuple[int, int, int]] = []  # footnote, paragraph, offset
        self._paragraph = -1
        self.pages = {n.number: n.page for n in notes}
        self.pending = sorted(self.pages)
        self._next = 0  # index into pending of the first footnote not cited yet
        self.cited: set[int] = set()
        #: In a partial text the footnote blocks may be cut off: a bare number that is the next footnote
        #: number after all those cited or found (and passes the word checks) is a marker even without text.
        self.partial = partial

    def read(self, text: str, pages: list[tuple[int, int]]) -> tuple[str, list[int], list[int]]:
        """``text`` with each marker replaced by :data:`MARK`, the footnote numbers cited in it (each once, in
        order of appearance), and the number of each marker in text order (one per :data:`MARK`).

        ``pages`` maps offsets of ``text`` to page numbers (see :meth:`RawParagraph.joined`).
        """
        self._paragraph += 1
        found: list[Marker] = []
        page_at = _PageIndex(pages)
        taken_to = -1
        for start, _rank, kind, n, end, digits in self._candidates(text):
            if start < taken_to:
                continue
            marker = self._decide(kind, n, start, end, digits, text, page_at)
            if marker is not None:
                found.append(marker)
                self._cite(marker.number)
                taken_to = marker.end
        numbers: list[int] = []
        for mk in found:
            if mk.number not in numbers:
                numbers.append(mk.number)
        return _remove(text, found, self.conv), numbers, [mk.number for mk in found]

    def _candidates(self, text: str) -> list[tuple[int, int, str, int, int, int]]:
        """Every place a marker may stand, as (start, rank, kind, number, end, start of the digits), in text
        order (at one start: superscript, bare, glued after punctuation, glued to a word).

        One scan for superscripts (when the text has any) and one for runs of digits; each run of one to
        three digits is then classified by the characters around it, so that the text is read once
        whatever its length (the shapes are those of ``_BARE``, ``_GLUED`` and ``_GLUED_WORD``)."""
        out: list[tuple[int, int, str, int, int, int]] = []
        if any(c in text for c in SUPERSCRIPT_CHARS):
            for m in _SUPERSCRIPTS.finditer(text):
                out.append((m.start(), 0, "sup", superscript_value(m.group(1)), m.end(), m.start(1)))
        conv, size = self.conv, len(text)
        for m in _DIGITS.finditer(text):
            p, q = m.span()
            if q - p > 3 or p == 0:
                continue
            n = int(m.group())
            after = text[q] if q < size else ""
            before = text[p - 1]
            if conv.inline_markers and before in " \t\n":
                ws = p - 1
                while ws > 0 and text[ws - 1] in " \t\n":
                    ws -= 1
                ends = not after or after.isspace() or (
                    after in _BARE_STOPS and (q + 1 == size or text[q + 1].isspace())
                )
                if ws > 0 and not text[ws - 1].isspace() and ends:
                    out.append((ws, 1, "bare", n, q, p))
                continue
            if p < 2:
                continue
            if conv.glued_markers and (not after or after.isspace()):
                two = text[p - 2]
                if (before in _GLUED_AFTER and q - p <= 2 and not two.isdecimal() and not two.isspace()) or (
                    before in ",;" and q - p == 1 and two.isdecimal()
                ):
                    out.append((p, 2, "glued", n, q, p))
                    continue
            glue_end = not after or after.isspace() or after in _WORD_GLUE_STOPS
            if conv.glued_to_word and glue_end and _LETTER.match(before) and _LETTER.match(text[p - 2]):
                out.append((p, 3, "word", n, q, p))
        out.sort(key=lambda c: (c[0], c[1]))
        return out

    def _decide(
        self, kind: str, n: int, start: int, end: int, digits: int, text: str, page_at: _PageIndex
    ) -> Marker | None:
        if kind == "sup":
            return Marker(n, start, end)
        if kind == "bare":
            return self._bare(n, start, end, digits, text, page_at)
        if n in self.cited or self._is_next(n, start, page_at):
            if kind == "word" and n not in self.pages and not self.partial:
                return None
            return Marker(n, start, end)
        return None

    def _is_next(self, n: int, offset: int, page_at: _PageIndex) -> bool:
        """Is ``n`` the next footnote not cited yet, printed on or after the page at ``offset``?"""
        pending = self._pending_head()
        if pending is not None and n == pending and page_at(offset) <= self.pages[n]:
            return True
        return self.partial and n not in self.pages and n == self._next_unknown()

    def _pending_head(self) -> int | None:
        while self._next < len(self.pending) and self.pending[self._next] in self.cited:
            self._next += 1
        return self.pending[self._next] if self._next < len(self.pending) else None

    def _cite(self, n: int) -> None:
        self.cited.add(n)

    def _bare(
        self, n: int, start: int, end: int, digits: int, text: str, page_at: _PageIndex
    ) -> Marker | None:
        is_next = self._is_next(n, start, page_at)
        if not is_next and n not in self.cited:
            return None  # neither new nor a repeat: no need to look at the words around it
        window = text[max(0, start - _WORD_WINDOW) : start]
        before = window.rsplit(None, 1)[-1] if window.strip() else ""
        ahead = text[end : end + _WORD_WINDOW].split(None, 1)
        word_after = ahead[0] if ahead else ""
        if not self._plausible(before, word_after):
            if before and before[-1] not in "-–—/(" and is_next:
                where = (self._paragraph, start)
                if page_at(start) == self.pages.get(n):
                    self.doubtful.setdefault(n, where)
                if where in self.guesses:
                    self.guessed.append((n, self._paragraph, digits))
                    return Marker(n, start, end)
            return None
        again = (
            n in self.cited
            and not before[-1:].isdigit()
            and _WORD_END.search(before) is not None
            and not word_after[:1].isupper()
        )
        if is_next or again:
            return Marker(n, start, end)
        return None

    def uncited_guesses(self) -> frozenset[tuple[int, int]]:
        """The doubtful places of footnotes this reading left uncited: what a second reading may take."""
        return frozenset(w for n, w in self.doubtful.items() if n not in self.cited)

    def _next_unknown(self) -> int:
        """The number a footnote cut off from a partial text would have: one after all cited or found."""
        return max(self.cited | set(self.pages), default=0) + 1

    def _plausible(self, before: str, after: str) -> bool:
        if not before or before[-1] in "-–—/(":
            return False
        word = before.lower().rstrip(",;:")
        if word in self.conv.marker_not_after or before.lower() in self.conv.marker_not_after:
            return False
        nxt = after.strip(",;:.").lower()
        return not (nxt and nxt in self.conv.marker_not_before)


class _PageIndex:
    """Offset → page of a paragraph's text, by bisection over the pieces' start offsets."""

    def __init__(self, pages: list[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in pages]
        self.pages = [p for _, p in pages]

    def __call__(self, offset: int) -> int:
        if not self.pages:
            return 1
        k = bisect_right(self.starts, offset) - 1
        return self.pages[max(k, 0)]


#: A document is read again at most this many times to take doubtful markers (each reading is linear).
MAX_READINGS = 8


def read_markers(
    texts: list[tuple[str, list[tuple[int, int]]]], notes: list[RawFootnote], conv: Conventions, partial: bool
) -> tuple[list[tuple[str, list[int], list[int]]], list[tuple[int, int, int]]]:
    """Markers of every paragraph (``(text, pages)`` each, in document order), and the guesses made.

    A first reading takes only the markers the rules allow. A footnote it leaves uncited whose number stood
    on its own page where only the words around it argued against a marker is taken there in a further
    reading; as footnotes are read in order, taking one may let the next ones be found, so readings repeat
    while they take new places (at most :data:`MAX_READINGS`). Returns the readings and, for each guess,
    (footnote number, paragraph index, offset in its text)."""
    guesses: frozenset[tuple[int, int]] = frozenset()
    for _ in range(MAX_READINGS):
        reader = MarkerReader(notes, conv, partial=partial, guesses=guesses)
        out = [reader.read(text, pages) for text, pages in texts]
        more = reader.uncited_guesses() - guesses
        if not more:
            break
        guesses |= more
    return out, reader.guessed


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

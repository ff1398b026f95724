"""Running text cut into preambular and operative paragraphs, and each paragraph joined back into one string.

Where a paragraph starts:

* an operative paragraph starts with its number (``12.``) when that is the next number expected (a jump of a
  few numbers after a complete paragraph is accepted and reported as a numbering gap); every line after the
  first operative number that does not start a new number continues the current paragraph (sub-paragraphs
  (a), (b) … included), which also rejoins paragraphs cut by footnote blocks (operative 22 of the reference);
* a preambular paragraph starts, on a page laid out with indents, at a line indented deeper than the page's
  running text (``pdftotext -layout``); on a page without indents, at a line that follows a complete
  paragraph (ending with ``，`` / ``,`` / ``;`` …) and opens with a preambular word of the language (重申,
  Recalling …), or, in a script with case, starts in upper case after a blank line that is not a page
  break. Text cut by a page break inside a word (恐 / 怖主义) continues the paragraph, because the
  paragraph before it is not complete.

Lines are joined with the language's joiner (a space, or nothing for Chinese); a hyphen at a line end is
kept and joined without a space (``seventy-`` / ``fourth``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from gcts.model import PartName, QualityIssue
from gcts.structure.conventions import SUPERSCRIPT_DIGITS, Conventions
from gcts.structure.layout import BodyLine

#: A first line is indented at least this many columns deeper than the running text of its page.
FIRST_LINE_DEPTH = 3
#: A jump in operative numbering is accepted up to this many numbers (and reported).
MAX_NUMBER_JUMP = 5
_GLUED_TAIL = re.compile(r"[^\d\s]\d{1,3}$")
_TRAILING = "\"'”’»)]】》 \t" + SUPERSCRIPT_DIGITS


@dataclass(slots=True)
class Piece:
    """One line's contribution to a paragraph: its text (number stripped) and whether it opens a sub-item."""

    body: BodyLine
    text: str
    sub_start: bool = False


@dataclass(slots=True)
class RawParagraph:
    """A paragraph as cut from the running text, before markers and artefacts are handled."""

    part: PartName
    number: int | None
    pieces: list[Piece] = field(default_factory=list)

    def joined(self, conv: Conventions) -> tuple[str, list[tuple[int, int]]]:
        """The paragraph's text, and for each piece its (offset in that text, page)."""
        parts: list[str] = []
        length = 0  # len("".join(parts)), kept as parts grow
        where: list[tuple[int, int]] = []
        for k, piece in enumerate(self.pieces):
            text = piece.text
            if k:
                prev = parts[-1]
                if piece.sub_start:
                    parts[-1] = prev.rstrip()
                    length += len(parts[-1]) - len(prev)
                    sep = "\n"
                elif conv.line_join and prev.endswith(" -") and text[:1].isalpha():
                    parts[-1] = prev[:-2] + "-"  # pdftotext's "post -" / "conflict"
                    length -= 1
                    sep = ""
                elif conv.line_join and prev.endswith("-") and prev[-2:-1].isalpha():
                    sep = ""  # a hyphenated compound cut at the line end: keep the hyphen, no space
                elif prev[-1:] in SUPERSCRIPT_DIGITS and text[:1] in SUPERSCRIPT_DIGITS:
                    sep = " "  # two markers on two lines are two markers (⁷ / ⁸), not one (⁷⁸)
                else:
                    sep = conv.line_join
                parts.append(sep)
                length += len(sep)
            where.append((length, piece.body.page))
            parts.append(text)
            length += len(text)
        return "".join(parts), where


@dataclass(slots=True)
class RawHeading:
    """An unnumbered heading between paragraphs, and the index (in the paragraph list) of the paragraph
    after it."""

    part: PartName
    before: int
    lines: list[BodyLine] = field(default_factory=list)

    def text(self, conv: Conventions) -> str:
        """The heading's lines joined into one."""
        return conv.line_join.join(bl.line.text for bl in self.lines).strip()


#: A heading between paragraphs holds at most this many lines and characters.
HEADING_LINES = 3
HEADING_CHARS = 300


def ends_complete(text: str, endings: tuple[str, ...], inline_markers: bool) -> bool:
    """True when ``text`` ends with one of ``endings``, ignoring trailing quotes and footnote markers."""
    t = text.rstrip(_TRAILING)
    if inline_markers:
        head, _, tail = t.rpartition(" ")
        if tail.isdigit() and len(tail) <= 3 and head:
            t = head.rstrip(_TRAILING)
        else:  # a marker glued to the punctuation it follows ("Peace,2")
            m = _GLUED_TAIL.search(t)
            if m:
                t = t[: m.start() + 1].rstrip(_TRAILING)
    return t.endswith(endings)


def tail(para: RawParagraph) -> str:
    """The last piece of ``para`` that holds more than footnote markers and closing marks."""
    for piece in reversed(para.pieces):
        if piece.text.rstrip(_TRAILING):
            return piece.text
    return ""


def _page_bases(body: list[BodyLine]) -> dict[int, int | None]:
    """For each page, the indent of its running text, or None when the page shows no first-line indents."""
    indents: dict[int, list[int]] = defaultdict(list)
    for bl in body:
        indents[bl.page].append(bl.line.indent)
    bases: dict[int, int | None] = {}
    for page, values in indents.items():
        low = min(values)
        bases[page] = low if any(v >= low + FIRST_LINE_DEPTH for v in values) else None
    return bases


def segment(
    body: list[BodyLine], conv: Conventions
) -> tuple[list[RawParagraph], list[QualityIssue], list[RawHeading]]:
    """Cut the running text into paragraphs and the unnumbered headings between them (see the module
    docstring for the rules)."""
    paras: list[RawParagraph] = []
    issues: list[QualityIssue] = []
    headings: list[RawHeading] = []
    bases = _page_bases(body)
    expected = 1
    part: PartName = "preamble"
    k = 0
    while k < len(body):
        bl = body[k]
        text = bl.line.text
        base = bases.get(bl.page)
        deep = base is not None and bl.line.indent >= base + FIRST_LINE_DEPTH
        m = conv.operative_number.match(text)
        if m and (base is None or deep):  # on an indented page a number opens a paragraph only at its indent
            n = int(m["number"])
            prev_done = bool(paras) and ends_complete(
                tail(paras[-1]), conv.operative_endings + conv.preamble_endings, conv.inline_markers
            )
            jump_ok = expected < n <= expected + MAX_NUMBER_JUMP and prev_done and (base is None or deep)
            if n == expected or jump_ok:
                if n != expected:
                    issues.append(
                        QualityIssue(
                            "numbering-gap",
                            f"operative paragraph {n} follows {expected - 1}: "
                            f"{', '.join(str(k) for k in range(expected, n))} missing",
                            line=bl.line.number,
                            where=f"operative:{n}",
                        )
                    )
                para = RawParagraph(part="operative", number=n)
                para.pieces.append(Piece(bl, text[m.end() :]))
                paras.append(para)
                expected = n + 1
                part = "operative"
                k += 1
                continue
        size = _heading_size(body, k, paras, expected, conv)
        if size:
            headings.append(RawHeading(part=part, before=len(paras), lines=body[k : k + size]))
            k += size
            continue
        if part == "operative" or (paras and not _starts_preamble(paras[-1], bl, deep, base, conv)):
            paras[-1].pieces.append(Piece(bl, text, sub_start=bool(conv.subparagraph_label.match(text))))
            k += 1
            continue
        para = RawParagraph(part="preamble", number=None)
        para.pieces.append(Piece(bl, text))
        paras.append(para)
        k += 1
    return paras, issues, headings


def _heading_size(
    body: list[BodyLine], k: int, paras: list[RawParagraph], expected: int, conv: Conventions
) -> int:
    """How many lines from ``body[k]`` form an unnumbered heading between two paragraphs (0: none).

    A heading stands apart (a blank line or a page break before it, and before the line after it), follows
    a complete paragraph, holds at most :data:`HEADING_LINES` short lines of which the last does not end a
    paragraph (``;`` ``,`` ``.`` …), and is followed by the start of the next paragraph: the next operative
    number, or (in the preamble) a line opening with a preambular word.
    """
    bl = body[k]
    if not paras or not (bl.blank_before or bl.break_before) or is_chapeau(paras[-1], conv):
        return 0
    text = bl.line.text
    if conv.preamble_opening.match(text):
        return 0  # "Recalling …" opens a paragraph, never a heading
    if not text[:1].isalpha() or (conv.cased and not text[:1].isupper()):
        return 0  # a heading opens with a letter (a capital where there are capitals), never a marker
    if conv.subparagraph_label.match(text):
        return 0
    endings = conv.operative_endings + conv.preamble_endings
    if not ends_complete(tail(paras[-1]), endings, conv.inline_markers):
        return 0
    end = k + 1
    while end < len(body) and not (body[end].blank_before or body[end].break_before):
        end += 1
        if end - k > HEADING_LINES:
            return 0
    if end >= len(body):
        return 0
    block = body[k:end]
    if sum(len(b.line.text) for b in block) > HEADING_CHARS:
        return 0
    last = block[-1].line.text
    if ends_complete(last, endings, conv.inline_markers):
        return 0
    if any(conv.operative_number.match(b.line.text) for b in block):
        return 0
    nxt = body[end].line.text
    m = conv.operative_number.match(nxt)
    if m:
        return end - k if int(m["number"]) == expected else 0
    if paras[-1].part == "preamble" and conv.cased and conv.preamble_opening.match(nxt):
        return end - k  # (without case, a paragraph cut by a page break looks the same)
    return 0


def _starts_preamble(
    prev: RawParagraph, bl: BodyLine, deep: bool, base: int | None, conv: Conventions
) -> bool:
    """Does ``bl`` open a new preambular paragraph after ``prev``?"""
    if base is not None:
        return deep
    text = bl.line.text
    if is_chapeau(prev, conv):  # the adopted text's title lines belong to it, up to "We, Heads of State …"
        return conv.adopted_opening.match(text) is not None
    if not ends_complete(tail(prev), conv.preamble_endings, conv.inline_markers):
        return False
    if conv.cased and text[:1].islower():
        return False
    if conv.preamble_opening.match(text):
        return True
    if any(text.startswith(w + (" " if conv.line_join else "")) for w in conv.continuation_words):
        return False
    # A blank line that is not a page break separates paragraphs, but in a script without case an invisible
    # page break looks the same: there only an opening word decides.
    return bl.blank_before and not bl.break_before and conv.cased


def is_chapeau(para: RawParagraph, conv: Conventions) -> bool:
    """Is ``para`` the sentence by which a resolution adopts a text ("Adopts the following declaration:")?"""
    if para.part != "preamble" or not para.pieces:
        return False
    return conv.adopted_chapeau.match(para.pieces[0].text) is not None


def take_adopted_title(paras: list[RawParagraph], conv: Conventions) -> str | None:
    """Take the adopted text's title lines off the end of its chapeau, and return them.

    A resolution that adopts a declaration prints "Adopts the following political declaration …:" and then
    the declaration's title (and subtitle) before the declaration itself. The title is not part of the
    chapeau, which ends at its colon; the lines after it are returned, one title block per line (blocks are
    separated by blank lines in the layout), and removed from the paragraph.
    """
    for para in paras:
        if not is_chapeau(para, conv):
            continue
        for k, piece in enumerate(para.pieces):
            if piece.text.rstrip().endswith(":"):
                rest = para.pieces[k + 1 :]
                del para.pieces[k + 1 :]
                if not rest:
                    return None
                blocks: list[list[str]] = [[]]
                for p in rest:
                    if p.body.blank_before and blocks[-1]:
                        blocks.append([])
                    blocks[-1].append(p.text.strip())
                return "\n".join(conv.line_join.join(b) for b in blocks)
        return None
    return None

"""Text from a Word (DOCX) resolution, shaped like the plain texts the structurer reads.

UN documents are published as Word files too. This module opens the package with ``python-docx`` and writes
the document body as text that :func:`gcts.structure.parse_text` structures exactly like a PDF-extracted copy:

* each Word paragraph becomes one block of lines, blocks separated by a blank line; a table is read cell by
  cell (each cell's paragraphs in order); headers and footers are page furniture and are dropped;
* automatic list numbering (``w:numPr``, set on the paragraph or through its style) is computed from the
  numbering definitions and printed before the text (``1.``, ``(a)``, ``(一)``), the way Word shows it,
  because operative paragraphs are often numbered that way rather than typed;
* footnote references (``w:footnoteReference``, numbered in order of appearance) and digits raised as
  superscripts (a repeated citation made with a cross-reference) become Unicode superscript digits
  (``¹``), which the structurer reads as markers in every language;
* the footnotes (``word/footnotes.xml``, which python-docx does not expose) are read with a parser that
  resolves no entities and loads nothing, and written at the end as a block of lines that start with their
  numbers in superscript (``¹ A/71/858。``), the footnote-line shape every language's conventions accept.

Tracked changes are read as accepted (insertions kept, deletions dropped); field instructions are skipped and
field results kept.

Anything that is not a readable DOCX — not a zip, a zip without ``word/document.xml``, an old binary ``.doc``
or an encrypted document (both OLE compound files), a package whose declared uncompressed size is far above
any resolution (a zip bomb) — raises :class:`gcts.errors.InputError` naming the file.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from gcts.errors import InputError
from gcts.structure.conventions import SUPERSCRIPT_DIGITS

__all__ = ["MAX_MEMBERS", "MAX_UNCOMPRESSED", "extract_text", "is_docx"]

#: Sum of the declared uncompressed sizes above which a package is refused before anything is inflated.
#: A resolution's DOCX holds well under 1 MiB of XML; images may add a few MiB.
MAX_UNCOMPRESSED = 64 * 1024 * 1024
#: A Word package has a few dozen parts; thousands are not a document.
MAX_MEMBERS = 2000
#: The first bytes of an OLE compound file: a Word 97-2003 ``.doc``, or an encrypted OOXML document.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAIN_PART = "word/document.xml"

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_NUMBERING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
#: Footnotes of these types are the separator lines Word draws, not notes.
_SEPARATOR_TYPES = {"separator", "continuationSeparator", "continuationNotice"}
#: Containers whose runs are part of the paragraph's visible text (insertions, links, content controls …).
_TRANSPARENT = {"hyperlink", "ins", "smartTag", "sdt", "sdtContent", "customXml", "fldSimple", "moveTo",
                "dir", "bdo"}
_SUPERSCRIPT_TABLE = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
#: A gap between a paragraph's automatic number and its text: Word's default suffix is a tab.
_SUFFIX = {"tab": " ", "space": " ", "nothing": ""}


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def is_docx(data: bytes) -> bool:
    """Whether ``data`` is a zip package holding ``word/document.xml`` (how :mod:`gcts.reading` recognises a
    Word file whatever its name)."""
    if not data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return MAIN_PART in zf.NameToInfo
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return False


def extract_text(data: bytes, *, source: str | None) -> str:
    """The text of the Word document in ``data``, laid out for :func:`gcts.structure.parse_text`.

    ``source`` names the input in error messages. Raises :class:`InputError` for anything that is not a
    readable DOCX (see the module documentation).
    """
    _check_package(data, source)
    import docx  # imported here: only Word inputs pay for it

    try:
        document = docx.Document(io.BytesIO(data))
        reader = _Reader(document.part)
        return reader.text(document.element.body)
    except InputError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds of errors on a broken package
        problem = f"{type(exc).__name__}: {exc}"
        raise InputError(f"is not a readable Word document ({problem})", file=source) from exc


def _check_package(data: bytes, source: str | None) -> None:
    """Refuse what is not a DOCX before python-docx sees it, and a zip bomb before anything is inflated."""
    if data.startswith(OLE_MAGIC):
        raise InputError(
            "is an old Word .doc or an encrypted document (OLE compound file): save it as .docx without a "
            "password",
            file=source,
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(f"is not a Word document (not a zip package: {exc})", file=source) from exc
    if len(infos) > MAX_MEMBERS:
        raise InputError(f"is not a Word document ({len(infos)} parts in the package)", file=source)
    if MAIN_PART not in {i.filename for i in infos}:
        raise InputError(f"is not a Word document (the zip holds no {MAIN_PART})", file=source)
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise InputError(
            f"unpacks to {total / 1024 / 1024:.0f} MiB, above the limit of "
            f"{MAX_UNCOMPRESSED / 1024 / 1024:.0f} MiB for one Word document",
            file=source,
        )


def _safe_xml(blob: bytes) -> Any:
    """Parse a package part that python-docx does not load itself: no entities, no network, no huge trees."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    return etree.fromstring(blob, parser)


def _related(part: Any, reltype: str) -> Any | None:
    """The XML root of the part ``part`` relates to with ``reltype``, or ``None``."""
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            target = rel.target_part
            element = getattr(target, "element", None)  # parts python-docx loads itself
            return element if element is not None else _safe_xml(target.blob)
    return None


def _val(element: Any, tag: str) -> str | None:
    child = element.find(_w(tag)) if element is not None else None
    return None if child is None else child.get(_w("val"))


# ---------------------------------------------------------------------------------------------- numbering


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    restart: int | None = None  # w:lvlRestart: reset after this (1-based) level; None = any higher level


@dataclass(slots=True)
class _Numbering:
    """Word's list numbering: definitions (``w:abstractNum``), instances (``w:num``) and running counters."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId → ilvl → level
    style_links: dict[str, str] = field(default_factory=dict)  # abstractNumId → numbering style name
    #: numId → (abstractNumId, start overrides by level)
    instances: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstractNumId → ilvl → count
    started: set[str] = field(default_factory=set)  # numIds whose start overrides were applied

    @classmethod
    def read(cls, root: Any) -> _Numbering:
        out = cls()
        if root is None:
            return out
        for abstract in root.iter(_w("abstractNum")):
            aid = abstract.get(_w("abstractNumId")) or ""
            link = _val(abstract, "numStyleLink")
            if link:
                out.style_links[aid] = link
            out.levels[aid] = {
                _int(lvl.get(_w("ilvl")), 0): _level(lvl) for lvl in abstract.iter(_w("lvl"))
            }
        for num in root.iter(_w("num")):
            starts: dict[int, int] = {}
            for override in num.iter(_w("lvlOverride")):
                ilvl = _int(override.get(_w("ilvl")), 0)
                start = _val(override, "startOverride")
                if start is not None:
                    starts[ilvl] = _int(start, 1)
            out.instances[num.get(_w("numId")) or ""] = (_val(num, "abstractNumId") or "", starts)
        return out

    def label(self, num_id: str, ilvl: int, styles: _Styles) -> str:
        """The number Word prints for the next paragraph of list ``num_id`` at level ``ilvl``; the counters
        move on (a level restarts after a shallower one is used, unless ``w:lvlRestart`` says otherwise)."""
        if num_id not in self.instances or num_id == "0":
            return ""
        aid, starts = self.instances[num_id]
        aid = self._resolve(aid, styles)
        levels = self.levels.get(aid, {})
        counts = self.counters.setdefault(aid, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for k, start in starts.items():
                counts[k] = start - 1
        level = levels.get(ilvl, _Level())
        counts[ilvl] = counts.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            restart = levels.get(deeper, _Level()).restart
            if restart is None or (restart > 0 and ilvl <= restart - 1):
                del counts[deeper]
        if level.fmt in {"none", "bullet"}:
            return ""  # a bullet carries no number the structurer could use
        text = level.text
        for k in range(9):
            if f"%{k + 1}" in text:
                shown = levels.get(k, _Level())
                text = text.replace(f"%{k + 1}", _format(counts.get(k, shown.start), shown.fmt))
        return text + _SUFFIX.get(level.suffix, " ")

    def _resolve(self, aid: str, styles: _Styles) -> str:
        """Follow ``w:numStyleLink`` (a list defined by a numbering style) to the definition with levels."""
        for _ in range(5):
            link = self.style_links.get(aid)
            if not link:
                return aid
            target = styles.num_pr(link)
            if target is None or target[0] not in self.instances:
                return aid
            aid = self.instances[target[0]][0]
        return aid


def _level(lvl: Any) -> _Level:
    restart = _val(lvl, "lvlRestart")
    return _Level(
        start=_int(_val(lvl, "start"), 1),
        fmt=_val(lvl, "numFmt") or "decimal",
        text=_val(lvl, "lvlText") or "",
        suffix=_val(lvl, "suff") or "tab",
        restart=None if restart is None else _int(restart, 0),
    )


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_CHINESE_DIGITS = "〇一二三四五六七八九"


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    """Word's letter numbering: a … z, then aa … zz, aaa … (the letter repeated)."""
    if n < 1:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _chinese(n: int) -> str:
    """Chinese counting (一, 十, 十一, 二十一 …) for the numbers a list reaches."""
    if not 0 < n < 100:
        return str(n)
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CHINESE_DIGITS[tens] + "十")
    return head + (_CHINESE_DIGITS[units] if units else "")


def _format(n: int, fmt: str) -> str:
    """``n`` written in Word's number format ``fmt`` (unknown formats fall back to decimal digits)."""
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt in {"chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting",
               "chineseLegalSimplified"}:
        return _chinese(n)
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return str(n)


# ------------------------------------------------------------------------------------------------- styles


@dataclass(slots=True)
class _Styles:
    """Paragraph styles as far as numbering goes: each style's ``w:numPr`` and the style it is based on."""

    num: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)
    based_on: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # style name → styleId

    @classmethod
    def read(cls, root: Any) -> _Styles:
        out = cls()
        if root is None:
            return out
        for style in root.iter(_w("style")):
            sid = style.get(_w("styleId")) or ""
            name = _val(style, "name")
            if name:
                out.names[name] = sid
            base = _val(style, "basedOn")
            if base:
                out.based_on[sid] = base
            ppr = style.find(_w("pPr"))
            num_pr = ppr.find(_w("numPr")) if ppr is not None else None
            if num_pr is not None:
                ilvl = _val(num_pr, "ilvl")
                out.num[sid] = (_val(num_pr, "numId"), None if ilvl is None else _int(ilvl, 0))
        return out

    def num_pr(self, style: str | None) -> tuple[str, int] | None:
        """The list (numId, level) a paragraph of ``style`` (an id or a name) belongs to, if any."""
        sid = self.names.get(style or "", style)
        num_id: str | None = None
        ilvl: int | None = None
        for _ in range(20):  # a basedOn chain; guard against cycles
            if sid is None:
                break
            own_id, own_lvl = self.num.get(sid, (None, None))
            num_id = num_id if num_id is not None else own_id
            ilvl = ilvl if ilvl is not None else own_lvl
            sid = self.based_on.get(sid)
        return None if num_id is None else (num_id, ilvl or 0)


# ------------------------------------------------------------------------------------------------- reader


class _Reader:
    """Walks the body once, writing blocks of text and collecting the footnotes it cites."""

    def __init__(self, part: Any) -> None:
        self.styles = _Styles.read(_related(part, _STYLES_REL))
        self.numbering = _Numbering.read(_related(part, _NUMBERING_REL))
        self.notes_root = _related(part, _FOOTNOTES_REL)
        self.note_numbers: dict[str, int] = {}  # footnote id → number as printed
        self.next_note = 1

    def text(self, body: Any) -> str:
        blocks = list(self._blocks(body))
        notes = self._footnotes()
        out = "\n\n".join(b for b in blocks if b.strip())
        if notes:
            out += "\n\n" + "\n\n".join(notes)
        return out + "\n"

    def _blocks(self, container: Any) -> Iterator[str]:
        for child in container:
            tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if tag == "p":
                yield self._paragraph(child)
            elif tag == "tbl":
                for row in child.iter(_w("tr")):
                    for cell in row.findall(_w("tc")):
                        yield from self._blocks(cell)
            elif tag in {"sdt", "sdtContent", "customXml", "ins", "moveTo"}:
                yield from self._blocks(child)

    def _paragraph(self, p: Any) -> str:
        text = "".join(self._runs(p))
        if not text.strip():
            return ""
        return self._number(p) + text.strip()

    def _number(self, p: Any) -> str:
        ppr = p.find(_w("pPr"))
        num_pr = ppr.find(_w("numPr")) if ppr is not None else None
        style = _val(ppr, "pStyle")
        from_style = self.styles.num_pr(style)
        num_id = _val(num_pr, "numId") if num_pr is not None else None
        ilvl_text = _val(num_pr, "ilvl") if num_pr is not None else None
        if num_id is None and from_style is not None:
            num_id = from_style[0]
        if num_id is None:
            return ""
        ilvl = _int(ilvl_text, from_style[1] if from_style else 0)
        return self.numbering.label(num_id, ilvl, self.styles)

    def _runs(self, element: Any) -> Iterator[str]:
        in_field_code = False
        for child in element:
            if not isinstance(child.tag, str):
                continue
            tag = etree.QName(child).localname
            if tag == "r":
                for piece, code in self._run(child, in_field_code):
                    in_field_code = code
                    yield piece
            elif tag in _TRANSPARENT:
                yield from self._runs(child)

    def _run(self, r: Any, in_field_code: bool) -> Iterator[tuple[str, bool]]:
        """The visible pieces of one run, with whether a field's instructions are being read after it."""
        rpr = r.find(_w("rPr"))
        raised = _val(rpr, "vertAlign") == "superscript"
        for child in r:
            if not isinstance(child.tag, str):
                continue
            tag = etree.QName(child).localname
            if tag == "fldChar":
                kind = child.get(_w("fldCharType"))
                in_field_code = kind == "begin" or (in_field_code and kind not in {"separate", "end"})
                yield "", in_field_code
            elif in_field_code:
                continue
            elif tag == "t":
                text = child.text or ""
                if raised and text.strip().isdigit():
                    text = " " + text.strip().translate(_SUPERSCRIPT_TABLE) + " "
                yield text, in_field_code
            elif tag in {"tab", "ptab"}:
                yield " ", in_field_code
            elif tag in {"br", "cr"}:
                yield ("" if child.get(_w("type")) in {"page", "column"} else "\n"), in_field_code
            elif tag == "noBreakHyphen":
                yield "-", in_field_code
            elif tag == "sym":
                yield _symbol(child.get(_w("char"))), in_field_code
            elif tag == "footnoteReference":
                yield self._note_mark(child), in_field_code

    def _note_mark(self, ref: Any) -> str:
        if ref.get(_w("customMarkFollows")) in {"1", "true", "on"}:
            return ""  # the mark is the text of the following run
        note_id = ref.get(_w("id")) or ""
        number = self.note_numbers.get(note_id)
        if number is None:
            number = self.note_numbers[note_id] = self.next_note
            self.next_note += 1
        return " " + str(number).translate(_SUPERSCRIPT_TABLE) + " "

    def _footnotes(self) -> list[str]:
        """The cited footnotes in order of number, each one line that starts with its superscript number."""
        if self.notes_root is None or not self.note_numbers:
            return []
        texts: dict[str, str] = {}
        for note in self.notes_root.iter(_w("footnote")):
            if note.get(_w("type")) in _SEPARATOR_TYPES:
                continue
            parts = ["".join(self._runs(p)) for p in note.iter(_w("p"))]
            texts[note.get(_w("id")) or ""] = " ".join(" ".join(x.split()) for x in parts if x.strip())
        out = []
        for note_id, number in sorted(self.note_numbers.items(), key=lambda kv: kv[1]):
            text = texts.get(note_id, "")
            if text:
                out.append(str(number).translate(_SUPERSCRIPT_TABLE) + " " + text)
        return out


def _symbol(code: str | None) -> str:
    """The character of a ``w:sym`` (a symbol-font glyph), when it is a plain code point."""
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if 0xF000 <= value <= 0xF0FF:  # symbol fonts map their glyphs into the private-use area
        value -= 0xF000
    return chr(value) if 0x20 <= value < 0x110000 and not 0xD800 <= value < 0xE000 else ""

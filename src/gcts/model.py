"""The one document model of gcts.

Every reader (PDF-extracted text, PDF, Akoma Ntoso …) produces a :class:`Resolution`; every writer (JSON,
Markdown, AKN4UN) consumes one; the store persists one; annotation fills the ``annotations`` of its
paragraphs; comparison aligns two of them. Nothing here knows how a document was read or where it is stored.

Identifiers follow the gold contract (``shared/gold/README.md``): a paragraph is ``preamble:N`` (N = its
1-based index in the preamble) or ``operative:N`` (N = its number as printed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

PartName = Literal["preamble", "operative"]
Severity = Literal["info", "warning", "error"]
Method = Literal["rule", "model", "person"]

FUNCTIONS: tuple[str, ...] = (
    "reaffirm", "affirm", "recall", "recognize", "note", "welcome", "concern", "condemn", "emphasize",
    "encourage", "call_upon", "urge", "request", "invite", "decide", "other",
)
PILLARS: tuple[str, ...] = ("I", "II", "III", "IV", "ALL")


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """Where a piece of the model came from in its input: character offsets [start, end) and 1-based lines."""

    start: int
    end: int
    start_line: int
    end_line: int
    file: str | None = None


@dataclass(slots=True)
class QualityIssue:
    """One finding of a reader or annotator, kept in the document's quality report.

    ``code`` is a stable machine name (e.g. ``no-opening``, ``numbering-gap``); ``where`` names the paragraph
    id, field or line a person must look at.
    """

    code: str
    message: str
    severity: Severity = "warning"
    line: int | None = None
    where: str | None = None


# --- annotations -------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Evidence:
    """Why a label was given: the rule or model that decided and the terms or features it saw."""

    method: Method
    rule: str
    terms: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Label:
    """A pillar or theme label with its confidence (0..1) and evidence."""

    value: str
    confidence: float = 1.0
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Reference:
    """A document cited by symbol (or an instrument named without one).

    ``symbol`` is canonical (``A/RES/60/288``, ``S/RES/2178 (2014)``, ``A/71/858``); for instruments without
    a symbol it is a stable id such as ``instrument:charter``. ``start``/``end`` locate ``surface`` in the
    paragraph text, or in the footnote text when ``via_footnote`` is set.
    """

    symbol: str
    kind: Literal["ga_resolution", "sc_resolution", "document", "instrument"]
    surface: str
    start: int
    end: int
    via_footnote: int | None = None


@dataclass(slots=True)
class ActorMention:
    """A canonical actor (taxonomy id) named in a paragraph, with where and how it was named."""

    actor: str
    surface: str
    start: int
    end: int
    addressed: bool = False


@dataclass(slots=True)
class Mandate:
    """A duty the paragraph puts on a named actor.

    ``deadline`` is ``YYYY-MM`` or ``YYYY-MM-DD``; ``session`` a General Assembly session number;
    ``recurrence`` one of ``annual``, ``quarterly``, ``biennial`` (or another fixed period).
    """

    actor: str
    action: str
    object: str = ""
    deadline: str | None = None
    session: int | None = None
    recurrence: str | None = None
    session_dates: tuple[date, date] | None = None
    start: int = 0
    end: int = 0
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Annotations:
    """What a paragraph does: filled by :mod:`gcts.annotate`, empty after structuring alone."""

    opening: str | None = None
    function: str | None = None
    opening_evidence: list[Evidence] = field(default_factory=list)
    pillars: list[Label] = field(default_factory=list)
    themes: list[Label] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    mandates: list[Mandate] = field(default_factory=list)


# --- structure ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class SubParagraph:
    """A lettered or numbered item of an operative paragraph: (a), (b) …, (i), (ii) …, (一)、(二) …

    ``label`` is written without brackets (``a``, ``ii``, ``一``); nested items sit in ``children``.
    """

    label: str
    text: str
    children: list[SubParagraph] = field(default_factory=list)
    span: SourceSpan | None = None


@dataclass(slots=True)
class Paragraph:
    """A preambular or operative paragraph, whole and continuous, with no footnote text or page furniture.

    ``text`` is the paragraph as printed without its number and without footnote markers; ``footnotes``
    lists the numbers of the footnotes whose markers stand in it; ``footnote_refs`` says where each marker
    stood, as ``(offset, footnote number)`` in text order (the marker followed ``text[:offset]``), so that
    writers can put notes in place.
    """

    part: PartName
    index: int
    text: str
    number: int | None = None
    footnotes: list[int] = field(default_factory=list)
    subparagraphs: list[SubParagraph] = field(default_factory=list)
    span: SourceSpan | None = None
    annotations: Annotations = field(default_factory=Annotations)
    footnote_refs: list[tuple[int, int]] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The paragraph id of the gold contract: ``preamble:3`` or ``operative:62``."""
        n = self.number if self.part == "operative" and self.number is not None else self.index
        return f"{self.part}:{n}"


@dataclass(slots=True)
class CrossHeading:
    """An unnumbered heading inside the preamble or the operative part ("Pillar I: measures to address the
    conditions conducive to the spread of terrorism"), which belongs to no paragraph.

    ``before`` is the id of the paragraph it stands before (``operative:13``), so writers put it in place;
    ``text`` is the heading as printed, its lines joined.
    """

    text: str
    part: PartName
    before: str
    span: SourceSpan | None = None


@dataclass(slots=True)
class Footnote:
    """A footnote with its number as printed, its text, and the paragraph whose marker cites it."""

    number: int
    text: str
    cited_in: str | None = None
    span: SourceSpan | None = None


@dataclass(slots=True)
class Heading:
    """The heading block of a resolution, from the symbol line down to the organ line.

    The organ line is "The General Assembly," / "大会，".
    ``kind`` is ``draft resolution`` or ``resolution``; ``body`` the organ as printed (``大会``, ``The General
    Assembly``); ``adoption_date`` and ``meeting`` come from the adoption line ("Resolution adopted by the
    General Assembly on …") or the closing line ("30th plenary meeting / 1 November 2018"). ``annex_title``
    is the title of a text the resolution adopts ("Adopts the following political declaration …:" then the
    declaration's title lines, one per line), kept out of the paragraphs.
    """

    symbol: str | None = None
    symbol_in_text: bool = False
    session: int | None = None
    agenda_item: str | None = None
    agenda_title: str | None = None
    kind: str | None = None
    submitter: str | None = None
    title: str | None = None
    body: str | None = None
    resolution_number: str | None = None
    adopted_as: str | None = None
    adoption_date: date | None = None
    meeting: str | None = None
    distribution: str | None = None
    issued: date | None = None
    original_language: str | None = None
    annex_title: str | None = None


@dataclass(slots=True)
class Resolution:
    """A resolution or draft of the General Assembly (or another organ).

    It holds the heading, the preamble, the operative part, the footnotes and the unnumbered headings
    printed between paragraphs (:class:`CrossHeading`).
    """

    language: str
    heading: Heading = field(default_factory=Heading)
    preamble: list[Paragraph] = field(default_factory=list)
    operative: list[Paragraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    source: str | None = None
    quality: list[QualityIssue] = field(default_factory=list)
    #: Unnumbered headings inside the preamble or operative part, in document order.
    headings: list[CrossHeading] = field(default_factory=list)

    def heading_before(self, pid: str) -> list[CrossHeading]:
        """The cross-headings printed right before paragraph ``pid`` (usually none, at most a few)."""
        return [h for h in self.headings if h.before == pid]

    @property
    def paragraphs(self) -> list[Paragraph]:
        """Preambular then operative paragraphs, in document order."""
        return [*self.preamble, *self.operative]

    def paragraph(self, pid: str) -> Paragraph:
        """The paragraph with id ``pid`` (``preamble:3``, ``operative:62``); KeyError if there is none."""
        for p in self.paragraphs:
            if p.id == pid:
                return p
        raise KeyError(pid)

    def footnote(self, number: int) -> Footnote:
        """The footnote numbered ``number``; KeyError if there is none."""
        for f in self.footnotes:
            if f.number == number:
                return f
        raise KeyError(number)

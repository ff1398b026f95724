"""The one in-memory form of a report: sections of text, tables and charts, written once, rendered many ways.

A builder (:mod:`gcts.report.whats_new`, :mod:`gcts.report.progress_report` …) turns a snapshot into a
:class:`Report`; the writers (:mod:`gcts.report.html`, :mod:`gcts.report.pdf`, :mod:`gcts.report.word`)
turn the report into HTML, PDF and DOCX. Nothing here knows an output format, so the three outputs of one
report hold the same figures by construction.

Every figure can carry its *trace*: a link to the records it counts (a library paragraph, a registry filter),
so a reader can check it. Reads: nothing. Writes: plain dataclasses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal


@dataclass(frozen=True, slots=True)
class Cell:
    """One value of a table: its text as shown, the number behind it (for sums and checks) and its trace."""

    text: str
    value: float | int | Decimal | None = None
    link: str | None = None
    suppressed: bool = False
    numeric: bool = False


@dataclass(slots=True)
class Table:
    """A table with a caption, column headings and rows of cells; ``key`` names it for downloads and tests."""

    key: str
    caption: str
    columns: list[str]
    rows: list[list[Cell]]
    note: str = ""


@dataclass(slots=True)
class Text:
    """A paragraph of running text."""

    text: str


@dataclass(slots=True)
class Quote:
    """A quoted passage with its source (a paragraph of a resolution)."""

    source: str
    text: str
    link: str | None = None


@dataclass(slots=True)
class Series:
    """One named series of a chart's values, in the order of the chart's categories."""

    name: str
    values: list[float]


@dataclass(slots=True)
class Flow:
    """One band of a flow (Sankey) chart: ``value`` from the node ``source`` (column ``stage``) onwards."""

    source: str
    target: str
    value: float
    stage: int = 0


ChartKind = Literal["bar", "stacked-bar", "line", "sankey"]


@dataclass(slots=True)
class Chart:
    """A chart described by its data, not its drawing: categories and series, or flows for a Sankey."""

    key: str
    kind: ChartKind
    title: str
    categories: list[str] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    flows: list[Flow] = field(default_factory=list)
    value_label: str = ""
    horizontal: bool = False


Block = Text | Table | Chart | Quote


@dataclass(slots=True)
class Section:
    """A titled part of a report with its blocks, in order."""

    title: str
    blocks: list[Block] = field(default_factory=list)
    anchor: str = ""


@dataclass(slots=True)
class Report:
    """A whole report: title, the snapshot it was made from, the language, its sections and notes."""

    kind: str
    title: str
    language: str
    snapshot_id: str
    snapshot_time: str
    audience: str
    sections: list[Section] = field(default_factory=list)
    subtitle: str = ""
    notes: list[str] = field(default_factory=list)
    direction: str = "ltr"

    def tables(self) -> list[Table]:
        """Every table of the report, in order (for downloads and the property tests)."""
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]

    def charts(self) -> list[Chart]:
        """Every chart of the report, in order."""
        return [b for s in self.sections for b in s.blocks if isinstance(b, Chart)]

    def table(self, key: str) -> Table:
        """The table named ``key``; KeyError when the report has none."""
        for t in self.tables():
            if t.key == key:
                return t
        raise KeyError(key)


def column(table: Table, index: int) -> Sequence[Cell]:
    """The cells of one column of ``table``."""
    return [row[index] for row in table.rows]

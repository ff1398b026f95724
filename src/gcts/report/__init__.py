"""Reports generated from a snapshot of the data: "what is new in this review", the progress report (para 84),
the quarterly briefing (para 72) and the annual transparency report (para 62), as HTML, PDF and DOCX.

Pipeline (one direction)::

    collector (store → tables) ──> snapshot ──> builder (tables → Report) ──> writer (HTML | PDF | DOCX)

- :mod:`gcts.report.snapshot`: the frozen, content-addressed data (id and time printed on every report).
- builders, one module per report (:data:`KINDS`): plain functions ``build(snapshot, labels, options,
  progress) -> Report``.
- :mod:`gcts.report.content`: the report's one in-memory form; :mod:`~gcts.report.html`,
  :mod:`~gcts.report.pdf`, :mod:`~gcts.report.word` render it; :mod:`~gcts.report.charts` draws charts.

:func:`produce` is the whole job as one plain function with a progress callback, ready to be queued.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from gcts.errors import InputError
from gcts.report.content import Report
from gcts.report.labels import Labels
from gcts.report.snapshot import Snapshot

#: ``progress(fraction_done, message)``: called as the work advances (0.0 … 1.0).
Progress = Callable[[float, str], None]

#: Report kind → the module that builds it.
KINDS: Mapping[str, str] = {
    "whats-new": "gcts.report.whats_new",
    "progress": "gcts.report.progress_report",
    "quarterly": "gcts.report.quarterly",
    "annual": "gcts.report.annual",
}
FORMATS = ("html", "pdf", "docx")


@dataclass(frozen=True)
class Options:
    """What a builder may be told besides the snapshot: documents, period, where links go."""

    base_url: str = ""
    documents: tuple[str, ...] = ()
    period: str = ""
    filters: Mapping[str, str] = field(default_factory=dict)
    #: Look for duplicated activities (needs each description's embedding: minutes for 100,000 new texts,
    #: then cached).
    duplicates: bool = True
    extra: Mapping[str, Any] = field(default_factory=dict)

    def link(self, path: str) -> str:
        """``path`` (site-relative, ``/documents/…``) under the base URL of the web application."""
        return self.base_url.rstrip("/") + path


def _quiet(fraction: float, message: str) -> None:
    """A progress callback that ignores what it is told."""


def build(
    kind: str,
    snapshot: Snapshot,
    language: str,
    *,
    options: Options | None = None,
    progress: Progress = _quiet,
) -> Report:
    """The report ``kind`` made from ``snapshot`` in ``language``."""
    if kind not in KINDS:
        raise InputError(f"unknown report {kind!r}; known: {', '.join(KINDS)}", field="report")
    builder = importlib.import_module(KINDS[kind])
    report = builder.build(snapshot, Labels(language), options or Options(), progress)
    assert isinstance(report, Report)
    return report


def render(report: Report, fmt: str) -> bytes:
    """``report`` as the bytes of an HTML, PDF or DOCX file."""
    if fmt == "html":
        from gcts.report import html

        return html.render(report).encode("utf-8")
    if fmt == "pdf":
        from gcts.report import pdf

        return pdf.render(report)
    if fmt == "docx":
        from gcts.report import word

        return word.render(report)
    raise InputError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}", field="format")


def produce(
    kind: str,
    snapshot: Snapshot,
    language: str,
    fmt: str,
    *,
    options: Options | None = None,
    progress: Progress = _quiet,
) -> bytes:
    """Build and render one report: the job a CLI call, a web request or a queued task runs."""
    progress(0.0, "building")
    report = build(kind, snapshot, language, options=options, progress=lambda f, m: progress(0.7 * f, m))
    progress(0.7, f"writing {fmt}")
    data = render(report, fmt)
    progress(1.0, "done")
    return data


__all__ = ["FORMATS", "KINDS", "Options", "Progress", "Report", "Snapshot", "build", "produce", "render"]

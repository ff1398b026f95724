"""First start of the application: create the database, then load the bundled corpus (once).

Later starts only check that migrations are applied and that the corpus is there, which takes well under a
second. Each document is stored in its own transaction; a document that cannot be read is reported and
skipped, so one bad file never blocks the application.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.management import call_command

from gcts.errors import GctsError
from gcts.web.library import pipeline
from gcts.web.library.corpus import CorpusEntry, entries
from gcts.web.library.models import Document
from gcts.web.library.store import store_resolution

Progress = Callable[[int, int, str], None]


@dataclass
class LoadReport:
    """What a corpus load did."""

    stored: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)


def migrate() -> None:
    """Create or upgrade the database schema."""
    call_command("migrate", interactive=False, verbosity=0)


def load_entry(entry: CorpusEntry) -> Document:
    """Read, annotate and store one corpus document."""
    res = pipeline.read(entry.path, language=entry.language, symbol=entry.symbol, partial=entry.partial)
    return store_resolution(entry.apply(res), bundled=True)


def load_corpus(progress: Progress | None = None, *, force: bool = False) -> LoadReport:
    """Load the bundled corpus unless it is already stored (or ``force``); report progress per document."""
    report = LoadReport()
    if not force and Document.objects.filter(bundled=True).exists():
        return report
    todo = entries()
    for i, entry in enumerate(todo):
        if progress:
            progress(i, len(todo), entry.path.name)
        try:
            doc = load_entry(entry)
        except GctsError as exc:
            report.skipped.append((entry.path.name, str(exc)))
            continue
        except Exception as exc:  # a fault in a reader must not keep the application from starting
            report.skipped.append((entry.path.name, f"internal error: {type(exc).__name__}: {exc}"))
            continue
        report.stored.append(doc.slug)
    if progress:
        progress(len(todo), len(todo), "")
    return report

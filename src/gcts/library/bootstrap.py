"""First start of the store (command line or web): create the database, load the bundled corpus, import an
older file collection — each once.

Later starts only check that migrations are applied and that the corpus is there, which takes well under a
second. Each corpus document is stored in its own transaction; a document that cannot be read is reported and
skipped, so one bad file never blocks the application. The file collection is imported all or nothing
(:mod:`gcts.library.legacy`).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from django.core.management import call_command

from gcts.compare.collection import series_of
from gcts.errors import GctsError
from gcts.home import gcts_home
from gcts.library import pipeline
from gcts.library.corpus import CorpusEntry, entries
from gcts.library.legacy import import_file_collection
from gcts.library.models import Document
from gcts.library.store import document_slug, store_resolution
from gcts.model import Heading, Resolution

Progress = Callable[[int, int, str], None]


@dataclass
class LoadReport:
    """What a corpus load did."""

    stored: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)


def migrate() -> None:
    """Create or upgrade the database schema."""
    call_command("migrate", interactive=False, verbosity=0)


def schema_is_current() -> bool:
    """Whether every migration is applied (a few milliseconds; ``migrate`` itself takes longer)."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return not executor.migration_plan(executor.loader.graph.leaf_nodes())


@cache
def _read(entry: CorpusEntry) -> Resolution:
    """A corpus document read and annotated once per process (a store made afresh — a test's — reuses it)."""
    res = pipeline.read(entry.path, language=entry.language, symbol=entry.symbol, partial=entry.partial)
    return entry.apply(res)


def load_entry(entry: CorpusEntry) -> Document:
    """Read, annotate and store one corpus document."""
    return store_resolution(copy.deepcopy(_read(entry)), bundled=True)


def prepare_store(
    progress: Progress | None = None, *, say: Callable[[str], None] | None = None
) -> LoadReport:
    """Bring the schema up to date, load the bundled corpus into a new store and import the file collection
    of an earlier release under ``GCTS_HOME`` (each once); ``say`` hears what was imported."""
    if not schema_is_current():
        migrate()
    series_of()  # a broken series file is one clear error here, not a warning per corpus document
    report = load_corpus(progress)
    imported = import_file_collection(gcts_home())
    if imported is not None and say is not None:
        say(
            f"imported {len(imported.ids)} documents of the file collection into the store "
            f"(its index is kept as {imported.index})"
        )
    return report


def expected_slug(entry: CorpusEntry) -> str | None:
    """The identifier the entry's document will be stored under, when the manifest names its symbol."""
    if not (entry.symbol and entry.language):
        return None
    return document_slug(Resolution(language=entry.language, heading=Heading(symbol=entry.symbol)))


def missing_entries() -> list[CorpusEntry]:
    """The corpus documents not stored yet: all of them on a first start, the rest after a first start that
    was stopped halfway. A document counts as stored when a bundled document came from its file, or when any
    document holds its identifier (an editor's own upload of it is never replaced by the bundled copy)."""
    todo = entries()
    sources = set(Document.objects.filter(bundled=True).values_list("source", flat=True))
    slugs = {s for s in (expected_slug(e) for e in todo) if s}
    taken = set(Document.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    return [e for e in todo if e.path.name not in sources and expected_slug(e) not in taken]


def load_corpus(progress: Progress | None = None, *, force: bool = False) -> LoadReport:
    """Load the bundled corpus documents that are not stored yet (all of them with ``force``), one
    transaction each, so a load killed halfway is finished at the next start; report progress per document."""
    report = LoadReport()
    todo = entries() if force else missing_entries()
    if not todo:
        return report
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

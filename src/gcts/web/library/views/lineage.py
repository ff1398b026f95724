"""A paragraph through its series: the same paragraph in each earlier and later review the library holds,
with its wording at each step — the question a delegate asks first ("where does this come from, and what
became of it?").

Backwards it is :func:`gcts.compare.lineage.lineage` (the command line's ``gcts lineage``); forwards the same
walk the other way, following the paragraph into each later document of the series through the alignment.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language, gettext_lazy

from gcts.compare.align import align
from gcts.compare.collection import Collection, canonical_symbol, doc_id
from gcts.compare.lineage import Step, lineage
from gcts.errors import GctsError
from gcts.library.collection import StoredCollection
from gcts.library.models import Document, Paragraph
from gcts.web.library import fragments

#: How a paragraph relates to its counterpart in the next document of the series.
RELATIONS = {
    "identical": gettext_lazy("unchanged"),
    "changed": gettext_lazy("changed"),
    "moved": gettext_lazy("moved"),
    "split": gettext_lazy("split"),
    "merged": gettext_lazy("merged"),
}


@dataclass
class Station:
    """The paragraph in one document of the series, as the page shows it."""

    step: Step
    slug: str  # the stored document to link to ("" for a document the store does not hold)
    anchor: str
    current: bool
    relation: str  # how it came from the station before, in the interface language ("" for the first)


def _forward(collection: Collection, ref: str, pid: str) -> tuple[list[Step], str]:
    """The paragraph followed into each later document of the series, and why the walk stopped."""
    steps: list[Step] = []
    current, current_pid = ref, pid
    note = ""
    for newer in collection.successors(ref):
        alignment = align(collection.load(current), collection.load(newer.id))
        targets = alignment.targets_of(current_pid)
        if not targets:
            note = newer.symbol
            break
        best = targets[0]
        text = collection.load(newer.id).paragraph(best.b).text
        step = Step(newer.id, newer.symbol, newer.language, best.b, text)
        step.relation, step.score, step.confidence = best.relation, best.score, best.confidence
        steps.append(step)
        current, current_pid = newer.id, best.b
    return steps, note


def _slugs(collection: StoredCollection, steps: list[Step]) -> dict[str, str]:
    out = {}
    for s in steps:
        try:
            out[s.doc] = collection.document(s.doc).slug
        except GctsError:
            out[s.doc] = ""
    return out


def chain(doc: Document, pid: str) -> dict[str, Any]:
    """The paragraph's stations through the series, oldest first, and notes on where the walk stopped."""
    collection = StoredCollection()
    ref = doc_id(canonical_symbol(doc.symbol), doc.language) if doc.symbol else doc.slug
    back = lineage(collection, ref, pid)
    ahead, stopped_at = _forward(collection, ref, pid)
    older = list(reversed(back.steps))  # oldest first; its last one is the paragraph itself
    steps = [*older, *ahead]
    slugs = _slugs(collection, steps)
    stations = []
    for i, s in enumerate(steps):
        # each step carries its relation to the step before it in time (none for the oldest)
        relation = str(RELATIONS.get(s.relation, s.relation)) if i and s.relation else ""
        here = i == len(older) - 1
        stations.append(Station(s, slugs[s.doc], s.paragraph.replace(":", "-"), here, relation))
    return {
        "stations": stations,
        "first": back.first_appearance,
        "missing": back.missing,
        "not_carried_into": stopped_at,
    }


def paragraph_lineage(request: HttpRequest, slug: str, pid: str) -> HttpResponse:
    """The page: the paragraph, then its wording in each document of the series, oldest first."""
    doc = get_object_or_404(Document, slug=slug)
    paragraph = get_object_or_404(Paragraph, document=doc, pid=pid)
    try:
        key = ("lineage", slug, pid, get_language() or "", fragments.library_version())
        found = fragments.cached(key, lambda: chain(doc, pid))
        error = ""
    except GctsError as exc:
        found, error = {"stations": []}, str(exc)
    return render(
        request, "library/lineage.html", {"doc": doc, "paragraph": paragraph, "error": error, **found}
    )

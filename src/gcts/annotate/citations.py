"""The citation graph across a set of annotated resolutions: what cites what, and what is cited but missing.

A document is known by the symbols it carries (its heading symbol, its adopted resolution number as
``A/RES/<n>``, the symbol it was adopted as). An edge goes from a document to each canonical symbol its
paragraphs cite (instruments named without a symbol are left out), with the paragraphs that cite it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from gcts.annotate.references import canonical_symbol
from gcts.model import Resolution


def symbols_of(res: Resolution) -> set[str]:
    """The canonical symbols under which ``res`` can be cited."""
    h = res.heading
    raw = [h.symbol, h.adopted_as, f"A/RES/{h.resolution_number}" if h.resolution_number else None]
    return {c for s in raw if s and (c := canonical_symbol(s))}


@dataclass
class CitationGraph:
    """Documents (by their main symbol) and the symbols each cites, with the citing paragraph ids."""

    documents: dict[str, set[str]] = field(default_factory=dict)
    edges: dict[str, dict[str, list[str]]] = field(default_factory=lambda: defaultdict(dict))

    def cites(self, doc: str) -> list[str]:
        """The symbols ``doc`` cites, sorted."""
        return sorted(self.edges.get(doc, {}))

    def cited_by(self, symbol: str) -> list[str]:
        """The documents of the library that cite ``symbol`` (under any of its symbols)."""
        aliases = self.documents.get(symbol, {symbol})
        return sorted(d for d, out in self.edges.items() if aliases & set(out))

    def missing(self) -> dict[str, list[str]]:
        """Cited symbols that no document of the library carries → the documents citing them."""
        known = set().union(*self.documents.values()) if self.documents else set()
        out: dict[str, list[str]] = defaultdict(list)
        for doc, targets in self.edges.items():
            for target in targets:
                if target not in known:
                    out[target].append(doc)
        return {k: sorted(v) for k, v in sorted(out.items())}


def build(resolutions: Iterable[Resolution]) -> CitationGraph:
    """The citation graph of annotated ``resolutions`` (run :func:`gcts.annotate.annotate` first)."""
    graph = CitationGraph()
    for n, res in enumerate(resolutions):
        names = symbols_of(res)
        main = sorted(names)[0] if names else (res.source or f"document-{n + 1}")
        graph.documents[main] = names or {main}
        out = graph.edges[main]
        for p in res.paragraphs:
            for ref in p.annotations.references:
                if ref.kind == "instrument" or ref.symbol in names:
                    continue
                out.setdefault(ref.symbol, [])
                if p.id not in out[ref.symbol]:
                    out[ref.symbol].append(p.id)
    return graph

"""Compare resolutions: align versions and languages, redline, say what is new, trace lineage.

Public entry points (kept stable for the web app and the CLI):

- :func:`align` (``gcts.compare.align.align``): the paragraph pairs of two documents, with scores and reasons.
- :func:`compare`: alignment plus redlines and a "what is new" summary, as a :class:`Comparison`.
- ``gcts.compare.redline.to_html`` / ``to_markdown``: printable renderings of a comparison.
- ``gcts.compare.lineage.lineage``: a paragraph's ancestors through a series held in a ``Collection``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gcts.compare.align import Alignment, Pair, align

if TYPE_CHECKING:
    from gcts.compare.comparison import Comparison

__all__ = ["Alignment", "Comparison", "Pair", "align", "compare"]


def compare(a: Any, b: Any) -> Comparison:
    """Align ``a`` and ``b`` (two :class:`~gcts.model.Resolution`), redline each pair and summarise."""
    from gcts.compare.comparison import compare as _compare

    return _compare(a, b)


def __getattr__(name: str) -> Any:
    if name == "Comparison":
        from gcts.compare.comparison import Comparison

        return Comparison
    raise AttributeError(name)

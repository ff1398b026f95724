"""What is new: counts of new, removed, substantially changed, changed, moved and unchanged paragraphs.

When the paragraphs carry annotations (pillars, themes from :mod:`gcts.annotate`), the same counts are broken
down by pillar and by theme: a new paragraph counts under the labels of its new text, a removed one under the
labels it had.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gcts.model import Paragraph, Resolution

if TYPE_CHECKING:
    from gcts.compare.comparison import Change

#: A changed paragraph whose redline inserts or deletes at least this share of its characters is
#: "substantially changed" (the rest are minor edits: a word, a date, a symbol).
SUBSTANTIAL = 0.25

CATEGORIES: tuple[str, ...] = (
    "new",
    "removed",
    "substantially changed",
    "changed",
    "moved",
    "split",
    "merged",
    "unchanged",
)


@dataclass(slots=True)
class Summary:
    """Counts by category, and by pillar and theme (empty mappings when nothing is annotated)."""

    counts: dict[str, int]
    by_pillar: dict[str, dict[str, int]] = field(default_factory=dict)
    by_theme: dict[str, dict[str, int]] = field(default_factory=dict)
    paragraphs: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: counts, by_pillar, by_theme, and the paragraph ids of each category."""
        return {
            "counts": dict(self.counts),
            "by_pillar": self.by_pillar,
            "by_theme": self.by_theme,
            "paragraphs": self.paragraphs,
        }


def category(change: Change) -> str | None:
    """The summary category of one change (None for the "moved away" placeholders)."""
    if change.kind == "moved-out":
        return None
    if change.kind == "changed":
        return "substantially changed" if change.change_share >= SUBSTANTIAL else "changed"
    return {"added": "new", "identical": "unchanged"}.get(change.kind, change.kind)


def _labels(pars: Sequence[Paragraph]) -> tuple[set[str], set[str]]:
    pillars = {lab.value for p in pars for lab in p.annotations.pillars}
    themes = {lab.value for p in pars for lab in p.annotations.themes}
    return pillars, themes


def summarize(changes: Sequence[Change], a: Resolution, b: Resolution) -> Summary:
    """Count the changes by category, and by pillar and theme when annotations exist."""
    counts = dict.fromkeys(CATEGORIES, 0)
    ids: dict[str, list[str]] = {c: [] for c in CATEGORIES}
    by_pillar: dict[str, dict[str, int]] = {}
    by_theme: dict[str, dict[str, int]] = {}
    a_pars = {p.id: p for p in a.paragraphs}
    b_pars = {p.id: p for p in b.paragraphs}
    for change in changes:
        cat = category(change)
        if cat is None:
            continue
        counts[cat] += 1
        ids[cat].append(", ".join(change.a if cat == "removed" else change.b))
        side = (
            [a_pars[x] for x in change.a if x in a_pars]
            if cat == "removed"
            else [b_pars[x] for x in change.b if x in b_pars]
        )
        pillars, themes = _labels(side)
        for value in pillars:
            by_pillar.setdefault(value, dict.fromkeys(CATEGORIES, 0))[cat] += 1
        for value in themes:
            by_theme.setdefault(value, dict.fromkeys(CATEGORIES, 0))[cat] += 1
    return Summary(
        counts=counts,
        by_pillar=dict(sorted(by_pillar.items())),
        by_theme=dict(sorted(by_theme.items())),
        paragraphs=ids,
    )

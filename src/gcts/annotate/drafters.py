"""How far gcts's pillars agree with the drafters' own: a document whose operative part is grouped under
pillar headings (A/RES/75/291 files operative paragraphs 13-117 under the Strategy's four pillars).

This is a test set and stays one: nothing in :mod:`gcts.annotate.labelling` imports this module, and no
heading or paragraph of such a document is ever training data. The paragraphs are labelled from their texts
alone (headings are not paragraphs in :class:`gcts.model.Resolution`, so they are never seen), and each is
scored against the heading it stands under: the primary pillar should be the heading's, and micro-averaged
precision, recall and F1 take the heading as the one true label of the paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from gcts.annotate import classify
from gcts.annotate.labelling.apply import label_paragraphs
from gcts.annotate.labelling.modelfile import LabelModel
from gcts.model import Paragraph, Resolution
from gcts.taxonomy import pillars as pillar_vocabulary

# "Pillar I: …", "Pilier II. …", "III. …": a Roman numeral standing after the heading's first word or first
_NUMERAL = re.compile(r"^\W*(?:\w+\s+)?(IV|III|II|I)\s*[:.\-–—]", re.UNICODE)


def heading_pillar(text: str, language: str) -> str | None:
    """The pillar a heading names: by its numeral ("Pillar II: …"), else by the pillar's name in the
    language (taxonomy names, fuzzy match of at least 85); None for a heading of no pillar."""
    m = _NUMERAL.match(text)
    if m:
        return m.group(1)
    best, score = None, 0.0
    for entry in pillar_vocabulary():
        if entry.id == "ALL" or language not in entry.names:
            continue
        s = fuzz.partial_ratio(entry.names[language].lower(), text.lower())
        if s > score:
            best, score = entry.id, s
    return best if score >= 85 else None


def headed_paragraphs(res: Resolution, numbers: range | None = None) -> list[tuple[Paragraph, str]]:
    """Each operative paragraph under a pillar heading, with that heading's pillar (a heading of no pillar
    ends the section); ``numbers`` keeps only paragraphs so numbered."""
    before: dict[str, list[str]] = {}
    for h in res.headings:
        if h.part == "operative":
            before.setdefault(h.before, []).append(h.text)
    out, current = [], None
    for p in res.operative:
        for text in before.get(p.id, []):
            current = heading_pillar(text, res.language)
        if current and (numbers is None or (p.number is not None and p.number in numbers)):
            out.append((p, current))
    return out


@dataclass
class Agreement:
    """Agreement of one decider with the headings: primary equal to the heading, and micro P/R/F1."""

    paragraphs: int = 0
    primary_equal: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    none: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, pid: str, heading: str, labels: list[str]) -> None:
        """Count one paragraph: ``labels`` are its pillars, the primary first."""
        self.paragraphs += 1
        primary = labels[0] if labels else "-"
        self.primary_equal += primary == heading
        self.confusion[(heading, primary)] += 1
        self.none += not labels
        self.tp += heading in labels
        self.fn += heading not in labels
        self.fp += len(set(labels) - {heading})
        if primary != heading:
            self.misses.append(f"{pid}: heading {heading}, primary {primary}, all {'+'.join(labels) or '-'}")

    def as_dict(self) -> dict[str, object]:
        """Plain figures (for ``--json`` and the report)."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return {"paragraphs": self.paragraphs, "primary_equal": self.primary_equal,
                "primary_share": round(self.primary_equal / self.paragraphs, 4) if self.paragraphs else 0.0,
                "precision": round(p, 4), "recall": round(r, 4),
                "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
                "with_extra_pillars": sum(1 for m in self.misses if "+" in m), "none": self.none,
                "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "confusion": {f"{h}->{g}": n for (h, g), n in sorted(self.confusion.items())},
                "misses": self.misses}


def _rule_pillars(text: str, language: str) -> list[str]:
    """The rules' pillars with the best-scoring one first (how today's labels rank a primary)."""
    scores = classify.scores(text, language, "pillars")
    labels = [lab.value for lab in classify.labels(text, language, "pillars", force_one=True)]
    return sorted(labels, key=lambda v: -scores.get(v, (0.0, []))[0])


def agreement(pairs: list[tuple[Paragraph, str]], language: str, model: LabelModel | None = None
              ) -> dict[str, Agreement]:
    """The model's and the rules' agreement with the headings of ``pairs``."""
    model_scores, rule_scores = Agreement(), Agreement()
    found = label_paragraphs([p for p, _ in pairs], language, pillars=True, model=model)
    for (p, heading), labels in zip(pairs, found, strict=True):
        model_scores.add(p.id, heading, [lab.value for lab in labels.pillars])
        rule_scores.add(p.id, heading, _rule_pillars(p.text, language))
    return {"model": model_scores, "rules": rule_scores}

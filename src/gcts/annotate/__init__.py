"""Annotate every paragraph of a resolution: opening, function, references, actors, mandates, pillars,
themes.

:func:`annotate` fills ``Paragraph.annotations`` in place and appends to ``Resolution.quality`` what it
could not decide (a paragraph with no known opening, a symbol that cannot be one, a malformed date, a
timed duty with no known actor). It never raises on odd text: unknown things are left unknown and
reported. All language knowledge comes from ``gcts.languages`` and ``gcts.taxonomy``; patterns are
compiled once per language.

Pillars and themes can be decided by the trained labeller beside the cue rules
(:mod:`gcts.annotate.labelling`): one label set per paragraph, the primary pillar first, each label with the
evidence of the rules and of the model. ``labels="model"`` (or ``GCTS_LABELS=model``) turns it on;
``DEFAULT_LABELS`` says which decides by default.
"""

from __future__ import annotations

import os
from typing import Literal

from gcts.annotate import actors, classify, mandates, openings, references
from gcts.annotate.labelling.modelfile import LabelModel
from gcts.languages import UnknownLanguage, profile
from gcts.model import Annotations, Paragraph, QualityIssue, Resolution

__all__ = ["annotate", "annotate_paragraph"]


Deciders = Literal["model", "rules"]
# the rules decide until the trained labeller beats them on held-out figures (decision 0019)
DEFAULT_LABELS: Deciders = "rules"


def annotate(res: Resolution, *, labels: Deciders | None = None, held_out: bool = False,
             model: LabelModel | None = None) -> Resolution:
    """Fill the annotations of every paragraph of ``res`` (in place), add quality issues, return ``res``.

    ``labels``: ``model`` (the trained labeller beside the rules) or ``rules`` (the cue rules alone);
    ``GCTS_LABELS`` overrides ``DEFAULT_LABELS``. ``held_out``: paragraphs the model was trained on are
    labelled by the fold model that never saw them (for honest scores on training data). ``model``: a
    labeller to use instead of the one in use.
    """
    lang = res.language
    try:
        profile(lang)
    except UnknownLanguage:
        res.quality.append(QualityIssue(code="annotate-language", severity="warning",
                                        message=f"no annotation data for language {lang!r}"))
        return res
    footnotes = {f.number: f.text for f in res.footnotes}
    pillar_scope = classify.in_scope([p.text for p in res.paragraphs], lang, "pillars")
    decider = _decider(res, lang)
    by_model = (labels or os.environ.get("GCTS_LABELS") or DEFAULT_LABELS) == "model"
    for p in res.paragraphs:
        res.quality.extend(annotate_paragraph(p, lang, footnotes, pillars=pillar_scope, decider=decider,
                                              rule_labels=not by_model))
    if by_model:
        from gcts.annotate.labelling.apply import label_paragraphs

        found = label_paragraphs(res.paragraphs, lang, pillars=pillar_scope, held_out=held_out,
                                 model=model)
        for p, chosen in zip(res.paragraphs, found, strict=True):
            p.annotations.themes = chosen.themes
            if p.part == "operative" and pillar_scope:
                p.annotations.pillars = chosen.pillars
    return res


def annotate_paragraph(p: Paragraph, lang: str, footnotes: dict[int, str] | None = None, *,
                       pillars: bool = True, decider: str | None = None,
                       rule_labels: bool = True) -> list[QualityIssue]:
    """Annotate one paragraph in place; return the quality issues it raised.

    ``rule_labels``: give pillars and themes by the cue rules (off when the trained labeller decides them
    for the whole document afterwards).
    """
    issues: list[QualityIssue] = []
    ann = Annotations()
    found = openings.detect(p.text, p.part, lang)
    if found is None:
        issues.append(QualityIssue(code="no-opening", where=p.id,
                                   message=f"no known opening phrase at the start of {p.text[:30]!r}"))
    else:
        ann.opening, ann.function = found.surface, found.function
        ann.opening_evidence = [found.evidence()]
    refs, bad = references.references(p.text, lang)
    for n in p.footnotes:
        text = (footnotes or {}).get(n)
        if text is None:
            issues.append(QualityIssue(code="missing-footnote", where=p.id,
                                       message=f"footnote {n} is cited but not in the document"))
            continue
        more, worse = references.references(text, lang, via_footnote=n)
        refs.extend(more)
        bad.extend(worse)
    for b in dict.fromkeys(bad):
        issues.append(QualityIssue(code="unknown-symbol", where=p.id,
                                   message=f"{b!r} looks like a document symbol but is not a valid one"))
    ann.references = refs
    ann.actors = actors.find(p.text, lang)
    if rule_labels:
        ann.themes = classify.labels(p.text, lang, "themes")
    if p.part == "operative":
        ann.mandates, more_issues = mandates.find(p.text, lang, ann.actors, p.id, decider)
        issues.extend(more_issues)
        if pillars and rule_labels:
            ann.pillars = classify.labels(p.text, lang, "pillars", force_one=True)
    p.annotations = ann
    return issues


def _decider(res: Resolution, lang: str) -> str | None:
    """The actor that adopts the resolution (its organ line, e.g. 大会 / The General Assembly), if known."""
    body = res.heading.body or ""
    found = actors.find(body, lang)
    return found[0].actor if found else None

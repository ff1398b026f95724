"""Annotate every paragraph of a resolution: opening, function, references, actors, mandates, pillars,
themes.

:func:`annotate` fills ``Paragraph.annotations`` in place and appends to ``Resolution.quality`` what it
could not decide (a paragraph with no known opening, a symbol that cannot be one, a malformed date, a
timed duty with no known actor). It never raises on odd text: unknown things are left unknown and
reported. All language knowledge comes from ``gcts.languages`` and ``gcts.taxonomy``; patterns are
compiled once per language.
"""

from __future__ import annotations

from gcts.annotate import actors, classify, mandates, openings, references
from gcts.languages import UnknownLanguage, profile
from gcts.model import Annotations, Paragraph, QualityIssue, Resolution

__all__ = ["annotate", "annotate_paragraph"]


def annotate(res: Resolution) -> Resolution:
    """Fill the annotations of every paragraph of ``res`` (in place), add quality issues, return ``res``."""
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
    for p in res.paragraphs:
        res.quality.extend(annotate_paragraph(p, lang, footnotes, pillars=pillar_scope, decider=decider))
    return res


def annotate_paragraph(p: Paragraph, lang: str, footnotes: dict[int, str] | None = None, *,
                       pillars: bool = True, decider: str | None = None) -> list[QualityIssue]:
    """Annotate one paragraph in place; return the quality issues it raised."""
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
    ann.themes = classify.labels(p.text, lang, "themes")
    if p.part == "operative":
        ann.mandates, more_issues = mandates.find(p.text, lang, ann.actors, p.id, decider)
        issues.extend(more_issues)
        if pillars:
            ann.pillars = classify.labels(p.text, lang, "pillars", force_one=True)
    p.annotations = ann
    return issues


def _decider(res: Resolution, lang: str) -> str | None:
    """The actor that adopts the resolution (its organ line, e.g. 大会 / The General Assembly), if known."""
    body = res.heading.body or ""
    found = actors.find(body, lang)
    return found[0].actor if found else None

"""Pillars and themes: weighted cue terms per language, with the evidence and a confidence for each label.

The cue terms live in ``languages/<code>/themes.toml`` and ``languages/<code>/pillars.toml``: a
``[cues.<label>]`` table of term → weight, and ``[settings]`` (``threshold``: the score a label needs;
``prefix``: whether a term may be the start of a longer word, as for English stems such as "radicali"). A
paragraph's score for a label is the sum of the weights of the distinct cue terms it contains; a label is
given when the score reaches the threshold, with confidence ``1 - 0.5**score`` and the matched terms as
evidence.

Pillars apply to operative paragraphs of counter-terrorism texts only: ``[scope]`` of ``pillars.toml``
names the terms a document must contain (``min_hits`` times) for its paragraphs to be mapped onto the
Strategy's pillars at all. An operative paragraph of such a document always gets at least its best-scoring
pillar (``[settings].fallback``), with the lower confidence its score gives.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from gcts.annotate.phrases import trie_alternation
from gcts.languages import profile
from gcts.model import Evidence, Label


@dataclass(frozen=True)
class _Vocabulary:
    pattern: re.Pattern[str] | None
    cues: dict[str, list[tuple[str, float]]]
    threshold: float
    fallback: bool
    scope: re.Pattern[str] | None
    min_hits: int
    order: tuple[str, ...]


@cache
def _vocabulary(lang: str, concern: str) -> _Vocabulary:
    data = profile(lang).section(concern)
    settings = data.get("settings", {})
    spaced = bool(profile(lang).get("openings", "matching", {}).get("spaced", False))
    prefix = bool(settings.get("prefix", spaced))
    cues: dict[str, list[tuple[str, float]]] = defaultdict(list)
    order = []
    for label, terms in data.get("cues", {}).items():
        order.append(label)
        for term, weight in terms.items():
            cues[term.lower()].append((label, float(weight)))
    pattern = None
    if cues:
        alts = trie_alternation(cues)
        # ``infix``: a term may stand inside a word (Arabic clitics: الإرهاب, وللإرهاب)
        start = r"(?<![\w])" if spaced and not settings.get("infix", False) else ""
        end = "" if prefix or not spaced else r"(?![\w])"
        pattern = re.compile(rf"{start}(?=({alts}){end})", re.IGNORECASE)
    scope = data.get("scope", {})
    scope_terms = scope.get("terms", [])
    return _Vocabulary(
        pattern=pattern, cues=dict(cues), threshold=float(settings.get("threshold", 1.0)),
        fallback=bool(settings.get("fallback", False)),
        scope=re.compile("|".join(re.escape(t) for t in scope_terms), re.IGNORECASE) if scope_terms else None,
        min_hits=int(scope.get("min_hits", 1)), order=tuple(order))


def in_scope(texts: list[str], lang: str, concern: str = "pillars") -> bool:
    """Whether a document (its paragraph texts) is in the scope of ``concern`` (e.g. about terrorism)."""
    voc = _vocabulary(lang, concern)
    if voc.scope is None:
        return True
    hits = sum(len(voc.scope.findall(t)) for t in texts)
    return hits >= voc.min_hits


def scores(text: str, lang: str, concern: str) -> dict[str, tuple[float, list[str]]]:
    """Label → (score, matched terms) for ``text``."""
    voc = _vocabulary(lang, concern)
    if voc.pattern is None:
        return {}
    seen: set[str] = set()
    out: dict[str, tuple[float, list[str]]] = {}
    for m in voc.pattern.finditer(text):
        term = m.group(1).lower()
        if term in seen:
            continue
        seen.add(term)
        for label, weight in voc.cues[term]:
            score, terms = out.get(label, (0.0, []))
            out[label] = (score + weight, [*terms, m.group(1)])
    return out


def labels(text: str, lang: str, concern: str, *, force_one: bool = False,
           found: dict[str, tuple[float, list[str]]] | None = None) -> list[Label]:
    """The labels of ``concern`` (``themes`` or ``pillars``) for ``text``, in vocabulary order, with evidence.

    ``force_one``: give the best-scoring label even below the threshold (used for pillars of operative
    paragraphs of in-scope documents, which always serve at least one pillar). ``found``: the
    :func:`scores` of ``text`` when the caller has them already.
    """
    voc = _vocabulary(lang, concern)
    found = scores(text, lang, concern) if found is None else found
    chosen = {k for k, (s, _) in found.items() if s >= voc.threshold}
    if not chosen and force_one and voc.fallback and found:
        best = max(found.items(), key=lambda kv: (kv[1][0], -voc.order.index(kv[0])))
        if best[1][0] > 0:
            chosen = {best[0]}
    out = []
    for label in voc.order:
        if label in chosen:
            score, terms = found[label]
            rule = f"{concern}.{label}:" + ("threshold" if score >= voc.threshold else "fallback-best")
            out.append(Label(value=label, confidence=round(1 - 0.5 ** max(score, 0.0), 3),
                             evidence=[Evidence(method="rule", rule=rule, terms=terms)]))
    return out

"""Possible duplication (para 61): activities of *different* entities that do the same thing in the same place
at the same time.

A pair is a candidate when the two activities belong to different reporting organisations, share a
beneficiary State and overlap in time (dates missing count as overlapping). It is reported as a likely
duplicate when their descriptions say the same thing in any language — the cosine of the multilingual
sentence embeddings the library ships (:mod:`gcts.compare.embeddings`, USE-multilingual, offline) is at least
:data:`THRESHOLD` — with a lower bar (:data:`THRESHOLD_WITH_PARAGRAPH`) when they also serve the same
paragraph of a resolution. Each pair carries its evidence: similarity, shared States, days of overlap, shared
paragraphs and themes.

The thresholds were chosen on the labelled set shipped in ``data/duplicates.toml`` (pairs written in English,
Chinese, French, Spanish and Russian, with hard negatives: same place and time but another subject, same
subject elsewhere); :func:`evaluate` measures precision and recall on it.

Reads: :class:`~gcts.analyse.records.Records` (or plain activity facts). Writes: :class:`Pair` values.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from itertools import combinations

import numpy as np

from gcts.analyse.records import Records

THRESHOLD = 0.62
THRESHOLD_WITH_PARAGRAPH = 0.55

Encoder = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class Facts:
    """What duplication needs of one activity."""

    id: str
    organisation: str
    text: str
    states: frozenset[str]
    start: date | None = None
    end: date | None = None
    paragraphs: frozenset[str] = frozenset()
    themes: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Pair:
    """Two activities that look like the same work, with the evidence."""

    a: str
    b: str
    similarity: float
    states: tuple[str, ...]
    overlap_days: int | None
    paragraphs: tuple[str, ...] = ()
    themes: tuple[str, ...] = field(default_factory=tuple)


def overlap(x: Facts, y: Facts) -> int | None:
    """Days the two activities run together (None when a date is missing, taken as overlapping); <0: apart."""
    if None in (x.start, x.end, y.start, y.end):
        return None
    assert x.start and x.end and y.start and y.end
    return (min(x.end, y.end) - max(x.start, y.start)).days


def candidates(items: Sequence[Facts]) -> list[tuple[int, int]]:
    """Index pairs of different organisations sharing a State and overlapping in time (blocked by State)."""
    by_state: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for s in item.states:
            by_state[s].append(i)
    seen: set[tuple[int, int]] = set()
    for members in by_state.values():
        for i, j in combinations(members, 2):
            key = (min(i, j), max(i, j))
            if key in seen or items[i].organisation == items[j].organisation:
                continue
            days = overlap(items[i], items[j])
            if days is None or days >= 0:
                seen.add(key)
    return sorted(seen)


def default_encoder(texts: Sequence[str]) -> np.ndarray:
    """L2-normalised multilingual sentence vectors, cached on disk (:mod:`gcts.compare.embeddings`)."""
    from gcts.compare.embeddings import default_cache

    return default_cache().vectors(list(texts))


def find(items: Sequence[Facts], encoder: Encoder = default_encoder) -> list[Pair]:
    """The likely duplicates among ``items``, most similar first.

    Similarities are computed block by block (the activities of one State, one matrix product each), so a
    registry of 100,000 activities needs no pair-by-pair loop; organisation and dates are checked only for the
    pairs above the lower threshold."""
    by_state: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for s in item.states:
            by_state[s].append(i)
    blocks = [m for m in by_state.values() if len(m) > 1]
    if not blocks:
        return []
    used = sorted({i for m in blocks for i in m})
    row = {i: k for k, i in enumerate(used)}
    vectors = encoder([items[i].text for i in used])
    seen: set[tuple[int, int]] = set()
    out = []
    for members in blocks:
        block = vectors[[row[i] for i in members]]
        sims = block @ block.T
        for p, q in zip(*np.nonzero(np.triu(sims >= THRESHOLD_WITH_PARAGRAPH, k=1)), strict=True):
            i, j = sorted((members[int(p)], members[int(q)]))
            if (i, j) in seen:
                continue
            seen.add((i, j))
            x, y = items[i], items[j]
            days = overlap(x, y)
            if x.organisation == y.organisation or (days is not None and days < 0):
                continue
            sim = float(sims[p, q])
            shared_paragraphs = tuple(sorted(x.paragraphs & y.paragraphs))
            if sim >= (THRESHOLD_WITH_PARAGRAPH if shared_paragraphs else THRESHOLD):
                out.append(
                    Pair(
                        x.id,
                        y.id,
                        sim,
                        tuple(sorted(x.states & y.states)),
                        days,
                        shared_paragraphs,
                        tuple(sorted(x.themes & y.themes)),
                    )
                )
    return sorted(out, key=lambda p: (-p.similarity, p.a, p.b))


def facts_of(records: Records, *, include_restricted: bool) -> list[Facts]:
    """The activities of a snapshot as duplication facts (restricted ones only when they may be shown)."""
    states = {i: str(s.get("iso3", i)) for i, s in records.states.items()}
    orgs = {i: str(o.get("ref", i)) for i, o in records.organisations.items()}
    paragraphs: dict[int, set[str]] = defaultdict(set)
    for link in records.links:
        if link["kind"] == "activity":
            paragraphs[int(link["record"])].add(f"{link['symbol']} {link['pid']}")
    out = []
    for a, act in records.activities.items():
        if act.get("restricted") and not include_restricted:
            continue
        lang = act.get("language") or "en"
        title, description = act.get("title") or {}, act.get("description") or {}
        text = " ".join(
            x
            for x in (
                title.get(lang) or next(iter(title.values()), ""),
                description.get(lang) or next(iter(description.values()), ""),
            )
            if x
        )
        if not text:
            continue
        out.append(
            Facts(
                id=str(a),
                organisation=orgs.get(int(act.get("reporting_org") or 0), str(act.get("reporting_org"))),
                text=text,
                states=frozenset(states[s] for s in records.countries.get(a, {}) if s in states),
                start=_day(act.get("start")),
                end=_day(act.get("end")),
                paragraphs=frozenset(paragraphs.get(a, set())),
                themes=frozenset(records.themes.get(a, {})),
            )
        )
    return out


# --- the labelled set ---------------------------------------------------------------------------------------


def _day(value: object) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def labelled() -> tuple[list[Facts], set[frozenset[str]]]:
    """The shipped labelled set: its activities and the pairs labelled duplicates."""
    data = tomllib.loads((resources.files("gcts.analyse") / "data" / "duplicates.toml").read_text("utf-8"))
    items = [
        Facts(
            id=a["id"],
            organisation=a["org"],
            text=a["text"],
            states=frozenset(a["states"]),
            start=_day(a.get("start")),
            end=_day(a.get("end")),
            paragraphs=frozenset(a.get("paragraphs", [])),
            themes=frozenset(a.get("themes", [])),
        )
        for a in data["activity"]
    ]
    return items, {frozenset(p) for p in data["duplicates"]["pairs"]}


def evaluate(encoder: Encoder = default_encoder) -> tuple[float, float, int, int]:
    """(precision, recall, pairs found, pairs labelled) of :func:`find` on the labelled set."""
    items, truth = labelled()
    found = {frozenset((p.a, p.b)) for p in find(items, encoder)}
    hits = len(found & truth)
    precision = hits / len(found) if found else 1.0
    recall = hits / len(truth) if truth else 1.0
    return precision, recall, len(found), len(truth)

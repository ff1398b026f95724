"""Matching requests for technical assistance with offers of it, each match with its reasons (framework-free).

A match needs the offer to be open to the requesting State (named, or open to any State) and to share a
theme or a resolution paragraph with the request. The score adds named features, each a reason a person can
read: the State named in the offer (0.3) or an offer open to all (0.1); the share of the request's themes the
offer covers (up to 0.4); shared paragraphs (0.2); the same pillar (0.1).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

WEIGHTS = {"state_named": 0.3, "any_state": 0.1, "themes": 0.4, "paragraphs": 0.2, "pillar": 0.1}


@dataclass(frozen=True)
class Need:
    """What a request asks: by whom, on which themes, paragraphs and pillar."""

    id: int
    state: str
    themes: frozenset[str] = frozenset()
    paragraphs: frozenset[str] = frozenset()
    pillar: str = ""


@dataclass(frozen=True)
class Help:
    """What an offer gives: to which States (empty: any), themes, paragraphs and pillar."""

    id: int
    states: frozenset[str] = frozenset()
    themes: frozenset[str] = frozenset()
    paragraphs: frozenset[str] = frozenset()
    pillar: str = ""


@dataclass(frozen=True)
class Reason:
    """One feature of a match: its rule, weight given, and the values that made it."""

    rule: str
    weight: float
    values: tuple[str, ...] = ()


@dataclass
class Proposal:
    """A proposed pairing with its score and reasons."""

    need: int
    help: int
    score: float
    reasons: list[Reason] = field(default_factory=list)


def propose(need: Need, offer: Help) -> Proposal | None:
    """The match of one request and one offer, or ``None`` when they do not meet."""
    if offer.states and need.state not in offer.states:
        return None
    themes = need.themes & offer.themes
    paragraphs = need.paragraphs & offer.paragraphs
    if not themes and not paragraphs:
        return None
    reasons = []
    if offer.states:
        reasons.append(Reason("state_named", WEIGHTS["state_named"], (need.state,)))
    else:
        reasons.append(Reason("any_state", WEIGHTS["any_state"]))
    if themes:
        w = WEIGHTS["themes"] * len(themes) / len(need.themes)
        reasons.append(Reason("themes", round(w, 4), tuple(sorted(themes))))
    if paragraphs:
        reasons.append(Reason("paragraphs", WEIGHTS["paragraphs"], tuple(sorted(paragraphs))))
    if need.pillar and need.pillar == offer.pillar:
        reasons.append(Reason("pillar", WEIGHTS["pillar"], (need.pillar,)))
    return Proposal(need.id, offer.id, round(sum(r.weight for r in reasons), 4), reasons)


def match_all(needs: Iterable[Need], offers: Iterable[Help], minimum: float = 0.3) -> list[Proposal]:
    """Every request–offer pair scoring at least ``minimum``, best first."""
    offer_list = list(offers)
    out = [p for n in needs for o in offer_list if (p := propose(n, o)) and p.score >= minimum]
    return sorted(out, key=lambda p: (-p.score, p.need, p.help))

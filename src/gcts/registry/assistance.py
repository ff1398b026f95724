"""Stored requests and offers of assistance as the facts :mod:`gcts.registry.matching` works on."""

from __future__ import annotations

from collections.abc import Iterable

from gcts.registry.matching import Help, Need
from gcts.registry.models import AssistanceOffer, AssistanceRequest, ParagraphLink


def _paragraph_keys(obj: AssistanceRequest | AssistanceOffer) -> frozenset[str]:
    links = ParagraphLink.objects.filter(
        **({"request": obj} if isinstance(obj, AssistanceRequest) else {"offer": obj})
    )
    return frozenset(f"{link.symbol} {link.pid}" for link in links)


def needs(requests: Iterable[AssistanceRequest]) -> list[Need]:
    """The requests as matching facts (State by ISO3, themes, paragraph keys, pillar)."""
    return [Need(r.pk, r.state.iso3, frozenset(r.themes), _paragraph_keys(r), r.pillar) for r in requests]


def offers_as_help(offers: Iterable[AssistanceOffer]) -> list[Help]:
    """The offers as matching facts (the States they are open to, empty for any)."""
    return [
        Help(
            o.pk, frozenset(s.iso3 for s in o.states.all()), frozenset(o.themes), _paragraph_keys(o), o.pillar
        )
        for o in offers
    ]

"""Actors: which canonical actors (``gcts.taxonomy.actors``) a paragraph names, and which it addresses.

All surface forms of all actors in a language are compiled once into one regular expression (a trie of the
forms, :mod:`gcts.annotate.phrases`), longest form first, so that 反恐怖主义委员会执行局 (CTED) wins over
反恐怖主义委员会 (CTC). A mention is *addressed* when it follows an
address verb of the language (``[address_verbs]`` of ``mandates.toml``: 请, 促请, Requests, Calls upon …)
within a small gap.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from gcts import taxonomy
from gcts.annotate.phrases import trie_alternation
from gcts.languages import profile
from gcts.model import ActorMention


@dataclass(frozen=True)
class _Matcher:
    pattern: re.Pattern[str] | None
    ids: dict[str, str]
    address: re.Pattern[str] | None
    max_gap: int


@cache
def _matcher(lang: str) -> _Matcher:
    ids: dict[str, str] = {}
    for entry in taxonomy.actors():
        for surface in entry.surfaces(lang):
            ids.setdefault(surface, entry.id)
    spaced = bool(profile(lang).get("openings", "matching", {}).get("spaced", False))
    edge = (r"(?<![\w-])", r"(?![\w-])") if spaced else ("", "")
    pattern = None
    if ids:
        pattern = re.compile(rf"{edge[0]}(?:{trie_alternation(ids)}){edge[1]}")
    verbs = profile(lang).get("mandates", "address_verbs", {})
    address = None
    if verbs.get("verbs"):
        address = re.compile(rf"(?:{trie_alternation(verbs['verbs'])}){edge[1]}")
    return _Matcher(pattern, ids, address, int(verbs.get("max_gap", 4)))


def find(text: str, lang: str) -> list[ActorMention]:
    """The actor mentions of ``text`` in order, each with its canonical id and whether it is addressed."""
    m = _matcher(lang)
    if m.pattern is None:
        return []
    # verb ends in text order; each mention looks only at those at most max_gap characters before it, found
    # by bisection, so a paragraph of any length is read in linear time (not mentions × verbs)
    verb_ends = [v.end() for v in m.address.finditer(text)] if m.address else []
    out = []
    for hit in m.pattern.finditer(text):
        start = hit.start()
        first = bisect_left(verb_ends, start - m.max_gap)
        addressed = any(
            _gap_ok(text[end:start]) for end in verb_ends[first : bisect_right(verb_ends, start)]
        )
        out.append(ActorMention(actor=m.ids[hit.group(0)], surface=hit.group(0), start=start,
                                end=hit.end(), addressed=addressed))
    return out


def _gap_ok(gap: str) -> bool:
    """A gap between an address verb and an actor may not cross a clause boundary."""
    return _CLAUSE_END.search(gap) is None


_CLAUSE_END = re.compile(r"[，；。,;.]")

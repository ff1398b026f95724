"""The knowledge of names that normalisation uses, loaded once from ``data/names.toml`` (decision 0017)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


def _phrases(groups: dict[str, list[str]]) -> dict[tuple[str, ...], str]:
    """Each variant (as a token tuple) → its canonical form."""
    return {tuple(v.split()): canon for canon, variants in groups.items() for v in variants}


@dataclass(frozen=True)
class NameData:
    honorifics: frozenset[tuple[str, ...]]
    particles: dict[str, str]
    particle_weight: float
    light_words: frozenset[str]
    given_variants: dict[str, str]
    spellings: dict[str, tuple[str, ...]]
    nicknames: dict[str, frozenset[str]]
    legal_forms: dict[tuple[str, ...], str]
    abbreviations: dict[tuple[str, ...], str]
    stopwords: frozenset[str]
    number_units: dict[str, int]
    number_tens: dict[str, int]
    ordinals: dict[str, int]
    roman: dict[str, int]
    longest_phrase: int


@cache
def name_data() -> NameData:
    raw = tomllib.loads((resources.files(__package__) / "data" / "names.toml").read_text(encoding="utf-8"))
    honorifics = frozenset(tuple(h.split()) for words in raw["honorifics"].values() for h in words)
    particles = {v: canon for canon, variants in raw["particles"].items() for v in variants}
    given = {v: canon for canon, variants in raw["given_name_variants"].items() for v in variants}
    nicknames: dict[str, set[str]] = {}
    for full, shorts in raw["nicknames"].items():
        for short in shorts:
            nicknames.setdefault(short, set()).add(full)
    legal = _phrases(raw["legal_forms"])
    abbreviations = {k: v.replace("_", " ") for k, v in _phrases(raw["abbreviations"]).items()}
    numbers = raw["numbers"]
    tens = {w: i * 10 for i, w in enumerate(numbers["tens"]) if w}
    tens.update({k: tens[v] for k, v in numbers["tens_variants"].items()})
    longest = max(len(p) for p in [*honorifics, *legal, *abbreviations])
    return NameData(
        honorifics=honorifics,
        particles=particles,
        particle_weight=float(raw["particle_weight"]["weight"]),
        light_words=frozenset(raw["light_words"]["words"]),
        given_variants=given,
        spellings={c: tuple(v) for c, v in raw["given_name_variants"].items()},
        nicknames={k: frozenset(v) for k, v in nicknames.items()},
        legal_forms=legal,
        abbreviations=abbreviations,
        stopwords=frozenset(raw["stopwords"]["words"]),
        number_units={w: i for i, w in enumerate(numbers["units"])},
        number_tens=tens,
        ordinals={w: i for i, w in enumerate(numbers["ordinals"])},
        roman={w: i for i, w in enumerate(numbers["roman"]) if w},
        longest_phrase=longest,
    )

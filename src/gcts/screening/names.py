"""Scoring a pair of names, with an explanation of every score.

Each name becomes a :class:`~gcts.screening.normalise.NameForm`; tokens are aligned one to one by similarity
(exact, spelling variant, initial, nickname, edit distance, sound), and a handful of features describe the
alignment: how much of each name is covered, the weakest aligned pair, whole-name similarity with and without
word order, consonant skeletons (for scripts written without vowels), conflicting legal forms or numbers.
A logistic model (:mod:`gcts.screening.name_model`, weights shipped as data) turns the features into a score
in [0, 1]; the explanation lists the aligned tokens, what was dropped, and each feature's contribution.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import jellyfish
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from gcts.screening.name_data import name_data
from gcts.screening.name_model import NameModel, name_model
from gcts.screening.normalise import NameForm, name_form, skeleton

FEATURES: tuple[str, ...] = (
    "cover_short",
    "cover_long",
    "weakest_pair",
    "whole",
    "whole_unordered",
    "skeleton",
    "cross_script",
    "legal_form_conflict",
    "number_conflict",
    "order",
    "unmatched_long",
    "acronym",
    "identical",
    "organisation",
    "org_cover_long",
    "single_token",
    "patronymic_conflict",
    "first_aligned",
    "last_aligned",
    "best_whole",
    "person_unmatched",
)

# The direction each feature may move a score (+1 raise only, -1 lower only, 0 either): the fit keeps to
# it, so
# that an explanation never says that an exact name lowered a score.
FEATURE_SIGNS: dict[str, int] = {
    "cover_short": 1,
    "cover_long": 1,
    "weakest_pair": 1,
    "whole": 1,
    "whole_unordered": 1,
    "skeleton": 1,
    "cross_script": 0,
    "legal_form_conflict": -1,
    "number_conflict": -1,
    "order": 1,
    "unmatched_long": -1,
    "acronym": 1,
    "identical": 1,
    "organisation": 0,
    "org_cover_long": 0,
    "single_token": 0,
    "patronymic_conflict": -1,
    "first_aligned": 1,
    "last_aligned": 1,
    "best_whole": 1,
    "person_unmatched": -1,
}

# Features that describe the kind of pair rather than evidence about it: never named as lowering a score.
CONTEXT = frozenset(
    {"organisation", "single_token", "cross_script", "identical", "acronym", "org_cover_long"}
)


@dataclass(frozen=True)
class TokenPair:
    left: str
    right: str
    similarity: float
    how: str


@dataclass
class NameScore:
    """The score of one name pair and why."""

    left: str
    right: str
    score: float
    pairs: list[TokenPair] = field(default_factory=list)
    unmatched_left: list[str] = field(default_factory=list)
    unmatched_right: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)
    contributions: dict[str, float] = field(default_factory=dict)

    def explain(self) -> dict[str, Any]:
        top = sorted(self.contributions.items(), key=lambda kv: -abs(kv[1]))
        return {
            "names": [self.left, self.right],
            "aligned": [f"{p.left}~{p.right} {p.how} {p.similarity:.2f}" for p in self.pairs],
            "unmatched": self.unmatched_left + self.unmatched_right,
            "dropped": self.dropped,
            "raised_by": [f"{k} {v:+.2f}" for k, v in top if v > 0.05 and self.features[k] > 0][:4],
            "lowered_by": [f"{k} {v:+.2f}" for k, v in top if v < -0.05 and k not in CONTEXT][:4],
        }

    def explain_text(self) -> str:
        e = self.explain()
        parts = [f"{self.left!r} ~ {self.right!r}: " + (", ".join(e["aligned"]) or "nothing aligned")]
        if e["unmatched"]:
            parts.append("unmatched " + " ".join(e["unmatched"]))
        if e["dropped"]:
            parts.append("ignored " + ", ".join(e["dropped"]))
        if e["raised_by"]:
            parts.append("raised by " + ", ".join(e["raised_by"]))
        if e["lowered_by"]:
            parts.append("lowered by " + ", ".join(e["lowered_by"]))
        return "; ".join(parts)


@lru_cache(maxsize=262144)
def _phonetic(token: str) -> str:
    return jellyfish.metaphone(token) if token.isalpha() else token


@lru_cache(maxsize=262144)
def token_similarity(a: str, b: str) -> tuple[float, str]:
    """Similarity of two normalised tokens and the way they matched."""
    if a == b:
        return 1.0, "exact"
    if a.isdigit() or b.isdigit():
        return 0.0, "number"
    if (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return 0.9, "initial"
    data = name_data()
    nick = data.nicknames
    if b in nick.get(a, ()) or a in nick.get(b, ()):
        return 0.85, "nickname"
    # a folded given name ("muhammad") is compared with each of its spellings, so that a typo of one
    # spelling ("mohamed" → "mohaed") is as close as it looks
    sim = max(
        Levenshtein.normalized_similarity(x, y)
        for x in data.spellings.get(a, (a,))
        for y in data.spellings.get(b, (b,))
    )
    if len(a) > 2 and len(b) > 2 and _phonetic(a) == _phonetic(b) and sim < 0.85:
        return 0.85, "sound"
    return sim, "spelling"


def _align(left: NameForm, right: NameForm) -> tuple[list[tuple[int, int, float, str]], set[int], set[int]]:
    """Greedy one-to-one alignment of tokens, best pairs first (names have few tokens)."""
    candidates = []
    for i, a in enumerate(left.tokens):
        for j, b in enumerate(right.tokens):
            sim, how = token_similarity(a, b)
            if sim >= 0.5:
                candidates.append(
                    (sim, -abs(i / max(len(left.tokens), 1) - j / max(len(right.tokens), 1)), i, j, how)
                )
    candidates.sort(reverse=True)
    used_l: set[int] = set()
    used_r: set[int] = set()
    pairs = []
    for sim, _, i, j, how in candidates:
        if i not in used_l and j not in used_r:
            used_l.add(i)
            used_r.add(j)
            pairs.append((i, j, sim, how))
    return pairs, set(range(len(left.tokens))) - used_l, set(range(len(right.tokens))) - used_r


def _surname_aligned(pairs: list[tuple[int, int, float, str]], last_l: int, last_r: int) -> float:
    """1.0 when the last word of one name (the family name in most written orders) is aligned with the first
    or the last word of the other: "SALEK, Abdulhai", "Kim Jong Un" and "Jong Un Kim" all keep it."""
    for i, j, sim, _ in pairs:
        if sim >= 0.8 and ((i == last_l and j in (0, last_r)) or (j == last_r and i in (0, last_l))):
            return 1.0
    return 0.0


def _order(pairs: list[tuple[int, int, float, str]]) -> float:
    """Share of aligned token pairs that keep their relative order (1.0 for fewer than two pairs)."""
    ordered = sorted(pairs)
    total = agree = 0
    for x in range(len(ordered)):
        for y in range(x + 1, len(ordered)):
            total += 1
            agree += ordered[y][1] > ordered[x][1]
    return agree / total if total else 1.0


@dataclass(frozen=True)
class _Derived:
    text: str
    joined: str
    sorted_joined: str
    skeleton: str
    numbers: frozenset[str]
    weight: float


@lru_cache(maxsize=131072)
def derived(form: NameForm) -> _Derived:
    """What features need of one name, computed once per name (list names are compared many times)."""
    text = " ".join(form.tokens)
    return _Derived(
        text,
        "".join(form.tokens),
        "".join(sorted(form.tokens)),
        skeleton(text).replace(" ", ""),
        frozenset(t for t in form.tokens if t.isdigit()),
        sum(form.weights) or 1.0,
    )


def quick_similarity(left: NameForm, right: NameForm) -> float:
    """A cheap upper-bound-like similarity (0–1) used to skip hopeless candidates before full scoring."""
    a, b = derived(left), derived(right)
    return (
        max(
            fuzz.token_set_ratio(a.text, b.text),
            fuzz.ratio(a.skeleton, b.skeleton),
            fuzz.ratio(a.sorted_joined, b.sorted_joined),
        )
        / 100.0
    )


def features(
    left: NameForm, right: NameForm
) -> tuple[dict[str, float], list[tuple[int, int, float, str]], set[int], set[int]]:
    pairs, free_l, free_r = _align(left, right)
    dl, dr = derived(left), derived(right)
    wl, wr = dl.weight, dr.weight
    # an unmatched patronymic on the longer side weighs half: one form of a name often omits it
    cover_l = sum(sim * max(left.weights[i], right.weights[j]) for i, j, sim, _ in pairs)
    short_w, long_w = min(wl, wr), max(wl, wr)
    long_form, free_long = (left, free_l) if wl >= wr else (right, free_r)
    long_w -= sum(0.5 * long_form.weights[k] for k in free_long if long_form.patronymic[k])
    lt, rt = dl.text, dr.text
    nl, nr = dl.numbers, dr.numbers
    acronym = 0.0
    for a, b in ((left, right), (right, left)):
        if len(a.tokens) == 1 and len(b.tokens) >= 2 and a.tokens[0] == "".join(t[0] for t in b.tokens):
            acronym = 1.0
    patronymic_conflict = any(
        left.patronymic[i] and right.patronymic[j] and sim < 0.8 for i, j, sim, _ in pairs
    )
    org = 1.0 if left.kind != "person" else 0.0
    cover_long = min(1.0, cover_l / long_w) if long_w > 0 else 0.0
    values = {
        "cover_short": min(1.0, cover_l / short_w),
        "cover_long": cover_long,
        "weakest_pair": min((sim for *_, sim, _ in pairs), default=0.0),
        "whole": Levenshtein.normalized_similarity(dl.joined, dr.joined),
        "whole_unordered": Levenshtein.normalized_similarity(dl.sorted_joined, dr.sorted_joined),
        "skeleton": Levenshtein.normalized_similarity(dl.skeleton, dr.skeleton),
        "cross_script": 1.0 if left.script != right.script else 0.0,
        "legal_form_conflict": 1.0
        if left.legal_forms and right.legal_forms and not (left.legal_forms & right.legal_forms)
        else 0.0,
        "number_conflict": 1.0 if (nl or nr) and nl != nr else 0.0,
        "order": _order(pairs),
        "unmatched_long": min(3.0, float(sum(1 for k in free_long if long_form.weights[k] >= 1.0))),
        "acronym": acronym,
        "identical": 1.0 if lt == rt else 0.0,
        "organisation": org,
        "org_cover_long": org * cover_long,
        "single_token": 1.0 if min(len(left.tokens), len(right.tokens)) == 1 else 0.0,
        "patronymic_conflict": 1.0 if patronymic_conflict else 0.0,
        "first_aligned": 1.0 if any(i == 0 and j == 0 and sim >= 0.8 for i, j, sim, _ in pairs) else 0.0,
        "last_aligned": _surname_aligned(pairs, len(left.tokens) - 1, len(right.tokens) - 1),
        "best_whole": 0.0,
        "person_unmatched": 0.0,
    }
    values["best_whole"] = max(values["whole"], values["whole_unordered"], values["cover_long"])
    values["person_unmatched"] = (1.0 - org) * values["unmatched_long"]
    return values, pairs, free_l, free_r


def compare_forms(left: NameForm, right: NameForm, model: NameModel | None = None) -> NameScore:
    model = model or name_model()
    values, pairs, free_l, free_r = features(left, right)
    score, contributions = model.predict(values)
    return NameScore(
        left=left.original,
        right=right.original,
        score=score,
        pairs=[TokenPair(left.tokens[i], right.tokens[j], round(sim, 3), how) for i, j, sim, how in pairs],
        unmatched_left=[left.tokens[i] for i in sorted(free_l)],
        unmatched_right=[right.tokens[j] for j in sorted(free_r)],
        dropped=[*left.dropped, *right.dropped],
        features=values,
        contributions=contributions,
    )


def compare_names(left: str, right: str, kind: str = "person", model: NameModel | None = None) -> NameScore:
    """Score two names of the same kind (``person`` or ``organisation``) with an explanation."""
    return compare_forms(name_form(left, kind), name_form(right, kind), model)

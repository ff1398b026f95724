"""Candidate generation: which list names a record's name could be, without comparing it to every name.

Every name of every entry is normalised once and filed under keys of its tokens: the token, its sound
(metaphone) and its consonant skeleton, so that a typo, another transliteration or a script written without
vowels still meets the entry. Keys shared by very many names (``muhammad``, ``al``) are not used to find
candidates. A query gathers the names that share its keys, weighs each shared key by its rarity (IDF), and
keeps the best few entries for full scoring — the cost per record depends on how many names share its keys,
not on the size of the list.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from gcts.screening.listing import ConsolidatedList, ListEntry, ListName
from gcts.screening.name_data import name_data
from gcts.screening.names import _phonetic, quick_similarity
from gcts.screening.normalise import ORGANISATION, PERSON, NameForm, name_form, skeleton

MAX_POSTING_SHARE = 0.10  # a key on more than a tenth of the names finds too much to be worth following
MIN_POSTING = 40


@dataclass(frozen=True)
class IndexedName:
    entry: int  # position in ListIndex.entries
    name: ListName
    form: NameForm


def token_keys(token: str) -> set[str]:
    if len(token) < 2 or token.isdigit():
        return {f"t:{token}"} if token.isdigit() and len(token) > 1 else set()
    keys = {f"t:{token}", f"s:{skeleton(token)}"}
    if len(token) > 2:
        keys.add(f"p:{_phonetic(token)}")
    return keys


def form_keys(form: NameForm) -> set[str]:
    light = set(name_data().particles.values()) | name_data().light_words
    keys: set[str] = set()
    for t in form.tokens:
        if t not in light:
            keys |= token_keys(t)
    if len(form.tokens) > 1:  # names run together or split differently meet on the whole skeleton
        keys.add("w:" + skeleton("".join(form.tokens)))
    return keys


def entry_kind(entry: ListEntry) -> str:
    return PERSON if entry.kind == "individual" else ORGANISATION


class ListIndex:
    """The list's names, normalised and filed by key."""

    def __init__(self, listing: ConsolidatedList) -> None:
        self.listing = listing
        self.entries: tuple[ListEntry, ...] = listing.entries
        self.names: list[IndexedName] = []
        self.by_entry: dict[int, list[IndexedName]] = {}
        postings: dict[str, set[int]] = defaultdict(set)
        for e, entry in enumerate(self.entries):
            kind = entry_kind(entry)
            for n in entry.names:
                form = name_form(n.name, kind)
                if not form.tokens:
                    continue
                k = len(self.names)
                self.names.append(IndexedName(e, n, form))
                self.by_entry.setdefault(e, []).append(self.names[-1])
                for key in form_keys(form):
                    postings[key].add(k)
        cap = max(MIN_POSTING, int(MAX_POSTING_SHARE * len(self.names)))
        total = max(len(self.names), 1)
        self.postings = {key: tuple(sorted(v)) for key, v in postings.items() if len(v) <= cap}
        self.idf = {key: math.log(1 + total / len(v)) for key, v in self.postings.items()}

    def candidates(
        self, form: NameForm, limit: int = 8, wide: int = 16
    ) -> list[tuple[int, list[IndexedName]]]:
        """The ``limit`` entries most like ``form``, best first, each with its names that share keys: the
        ``wide`` entries sharing the most (rarity-weighted) keys, reordered by a quick string similarity."""
        weights: dict[int, float] = defaultdict(float)
        for key in form_keys(form):
            posting = self.postings.get(key)
            if posting:
                w = self.idf[key]
                for k in posting:
                    weights[k] += w
        by_entry: dict[int, float] = defaultdict(float)
        names_of: dict[int, list[IndexedName]] = defaultdict(list)
        for k, w in weights.items():
            n = self.names[k]
            by_entry[n.entry] = max(by_entry[n.entry], w)
            names_of[n.entry].append(n)
        wide_set = sorted(by_entry.items(), key=lambda kv: (-kv[1], kv[0]))[:wide]
        quick = {e: max(quick_similarity(form, n.form) for n in names_of[e]) for e, _ in wide_set}
        best = sorted(quick.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [(e, names_of[e]) for e, _ in best]

"""Repairs of what text extraction does to words: link artefacts, stray spaces before hyphens, split words.

* ``[60/288](#)`` (a link turned into Markdown by the extraction tool) becomes ``60/288``;
* ``Secretary -General`` becomes ``Secretary-General`` where the language says pdftotext does this;
* ``Amer ica`` becomes ``America`` where the language says words get split, and only when the joined word
  occurs elsewhere in the same document while neither half occurs on its own: a document is its
  own dictionary, so nothing is joined on a guess (``in to`` stays, both halves being words). A half that
  occurs only as part of such candidate pairs is not a word (``ng`` of ``includi ng`` and ``planni ng``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from itertools import pairwise

from gcts.structure.conventions import Conventions

_LINK = re.compile(r"\[([^\[\]\n]{1,200})\]\(#[^)\s]*\)")
_SPACE_HYPHEN = re.compile(r"(?<=\w) -(?=[A-Za-z])")
_WORD = re.compile(r"[^\W\d_]+")
#: Runs of words of letters separated by single spaces: each two neighbours in a run are a pair.
_RUN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)+")


def strip_links(text: str) -> str:
    """``[X](#)`` → ``X``."""
    return _LINK.sub(r"\1", text)


class Cleaner:
    """Applies the repairs of this module to the texts of one document."""

    def __init__(self, conv: Conventions, corpus: Iterable[str]) -> None:
        self.conv = conv
        self.vocabulary: Counter[str] = Counter()
        self.fragments: Counter[str] = Counter()  # occurrences as a half of a candidate split pair
        self.joins: re.Pattern[str] | None = None  # the split words of this document, as one pattern
        if conv.rejoin_split_words:
            texts = list(corpus)
            vocab = self.vocabulary
            pairs: Counter[tuple[str, str]] = Counter()
            for text in texts:  # one paragraph at a time: memory stays that of one paragraph's words
                vocab.update(_WORD.findall(text.lower()))
                for run in _RUN.findall(text):
                    words = run.split(" ")
                    pairs.update(pairwise(words))
            candidates: set[tuple[str, str]] = set()
            for (a, b), count in pairs.items():  # each distinct pair once, weighted by its occurrences
                if b[:1].islower() and vocab.get((a + b).lower()):
                    self.fragments[a.lower()] += count
                    self.fragments[b.lower()] += count
                    candidates.add((a, b))
            joins = sorted(f"{re.escape(a)} (?={re.escape(b)}(?![^\\W\\d_]))"
                           for a, b in candidates if self._split(a, b))
            if joins:
                self.joins = re.compile(f"(?<![^\\W\\d_])(?:{'|'.join(joins)})")

    def __call__(self, text: str) -> str:
        """``text`` repaired."""
        if "](#" in text:
            text = strip_links(text)
        if self.conv.fix_space_before_hyphen and " -" in text:
            text = _SPACE_HYPHEN.sub("-", text)
        if self.conv.rejoin_split_words:
            text = self._rejoin(text)
        return text

    def _rejoin(self, text: str) -> str:
        """``text`` with the document's split words joined (the pairs found when the cleaner was made)."""
        if self.joins is None:
            return text
        return self.joins.sub(lambda m: m.group(0)[:-1], text)

    def _split(self, a: str, b: str) -> bool:
        """Is ``a b`` one word split in two?"""
        if not b[:1].islower() or not self.vocabulary.get((a + b).lower()):
            return False
        return not (self._word(a) or self._word(b))

    def _word(self, w: str) -> bool:
        """Does ``w`` occur as a word of its own somewhere, not only as a half of candidate split pairs?"""
        w = w.lower()
        return self.vocabulary[w] - self.fragments[w] >= 1


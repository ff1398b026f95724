"""Repairs of what text extraction does to words: link artefacts, stray spaces before hyphens, split words.

* ``[60/288](#)`` (a link turned into Markdown by the extraction tool) becomes ``60/288``;
* ``Secretary -General`` becomes ``Secretary-General`` where the language says pdftotext does this;
* ``Amer ica`` becomes ``America`` where the language says words get split, and only when the joined word
  occurs elsewhere in the same document while neither half occurs on its own: a document is its
  own dictionary, so nothing is joined on a guess (``in to`` stays, both halves being words).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from gcts.structure.conventions import Conventions

_LINK = re.compile(r"\[([^\[\]\n]{1,200})\]\(#[^)\s]*\)")
_SPACE_HYPHEN = re.compile(r"(?<=\w) -(?=[A-Za-z])")
_WORD = re.compile(r"[^\W\d_]+")


def strip_links(text: str) -> str:
    """``[X](#)`` → ``X``."""
    return _LINK.sub(r"\1", text)


class Cleaner:
    """Applies the repairs of this module to the texts of one document."""

    def __init__(self, conv: Conventions, corpus: Iterable[str]) -> None:
        self.conv = conv
        self.vocabulary: Counter[str] = Counter()
        if conv.rejoin_split_words:
            for text in corpus:
                self.vocabulary.update(w.lower() for w in _WORD.findall(text))

    def __call__(self, text: str) -> str:
        """``text`` repaired."""
        text = strip_links(text)
        if self.conv.fix_space_before_hyphen:
            text = _SPACE_HYPHEN.sub("-", text)
        if self.conv.rejoin_split_words:
            text = self._rejoin(text)
        return text

    def _rejoin(self, text: str) -> str:
        words = list(_WORD.finditer(text))
        cuts: list[int] = []  # offsets of the single spaces to delete
        k = 0
        while k + 1 < len(words):
            a, b = words[k], words[k + 1]
            if b.start() == a.end() + 1 and text[a.end()] == " " and self._split(a.group(0), b.group(0)):
                cuts.append(a.end())
                k += 2
            else:
                k += 1
        if not cuts:
            return text
        out, pos = [], 0
        for c in cuts:
            out.append(text[pos:c])
            pos = c + 1
        out.append(text[pos:])
        return "".join(out)

    def _split(self, a: str, b: str) -> bool:
        """Is ``a b`` one word split in two?"""
        vocab = self.vocabulary
        if not b[:1].islower() or vocab[a.lower()] > 1:
            return False
        a_word, b_word = vocab[a.lower()] > 1, vocab[b.lower()] > 1
        return vocab[(a + b).lower()] >= 1 and not (a_word or b_word)

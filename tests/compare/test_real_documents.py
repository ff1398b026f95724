"""Comparison on the real texts of the bundled corpus (``data/corpus/real/``).

The Chinese draft A/72/L.62 and its adopted English text A/RES/72/284 hold the same 123 paragraphs; the
seventh review A/RES/75/291 rewrote the sixth (A/RES/72/284): paragraphs kept word for word, paragraphs
moved, and new ones (the COVID-19 pandemic is new in 2021).
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from gcts.compare import align
from gcts.model import Resolution
from gcts.reading import load
from tests.compare.compare_documents import CORPUS, reference_zh


@cache
def _real(name: str) -> Resolution:
    return load(CORPUS / "real" / name)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.slow
def test_the_chinese_draft_and_the_english_adopted_text_pair_one_to_one() -> None:
    zh, en = reference_zh(), _real("A-RES-72-284.en.txt")
    al = align(zh, en)
    assert al.mode == "cross-language" and al.related
    assert sorted((p.a, p.b) for p in al.pairs) == sorted((p.id, p.id) for p in zh.paragraphs)
    assert len(al.pairs) == 123 and not al.added and not al.removed


@pytest.mark.slow
def test_sixth_to_seventh_review_finds_the_kept_and_the_new_paragraphs() -> None:
    old, new = _real("A-RES-72-284.en.txt"), _real("A-RES-75-291.en.txt")
    al = align(old, new)
    pairs = {(p.a, p.b): p.relation for p in al.pairs}
    # every paragraph printed word for word in both reviews is paired with its twin (identical, or moved when
    # the seventh review put it elsewhere)
    old_by_text = {_norm(p.text): p.id for p in old.paragraphs}
    kept = [(old_by_text[_norm(p.text)], p.id) for p in new.paragraphs if _norm(p.text) in old_by_text]
    assert len(kept) >= 15
    assert all(pairs.get(k) in ("identical", "moved") for k in kept), [(k, pairs.get(k)) for k in kept]
    assert sum(pairs.get(k) == "identical" for k in kept) >= 10
    # and whatever is called identical is identical
    new_text = {p.id: _norm(p.text) for p in new.paragraphs}
    old_text = {p.id: _norm(p.text) for p in old.paragraphs}
    assert all(old_text[a] == new_text[b] for (a, b), rel in pairs.items() if rel == "identical")
    # the pandemic came after 2018: new paragraphs about it have no counterpart in the sixth review (the
    # first preambular paragraph mentions it too, in a sentence added to a kept paragraph)
    pandemic = [p.id for p in new.paragraphs if "COVID-19" in p.text]
    assert "preamble:1" in pandemic and ("preamble:1", "preamble:1") in pairs
    assert [pid for pid in pandemic if pid in al.added]
    # and nothing called new was printed in the sixth review
    assert not [pid for pid in al.added if new_text[pid] in old_by_text]

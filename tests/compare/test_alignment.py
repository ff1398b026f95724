"""Alignment measured against known truth: real resolutions edited at random (Chinese and English).

The edit generator (:mod:`gcts.compare.edits`) deletes, inserts (paragraphs of other real documents), rewords,
splits, merges and moves paragraphs and records the true pairs; the score is the one of
``shared/tools/score_compare.py`` (pair precision and recall, ``added`` and ``removed`` exact).
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gcts.compare import align, compare
from gcts.compare.edits import edit, score
from gcts.errors import StructureError
from gcts.model import Heading, Paragraph, Resolution
from tests.compare.compare_documents import chinese_pool, english, english_pool, reference_zh

CASES = [("zh", None), ("en", "A-RES-73-7.en.txt"), ("en", "A-RES-73-3.en.txt")]


def _base(lang: str, name: str | None) -> tuple[Resolution, list[str]]:
    if name is None:
        return reference_zh(), chinese_pool()
    return english(name), english_pool(name)


@pytest.mark.parametrize(("lang", "name"), CASES)
def test_many_random_edit_scripts_meet_the_bar(lang: str, name: str | None) -> None:
    base, pool = _base(lang, name)
    tp = n_pred = n_true = 0
    inexact: list[int] = []
    for seed in range(40):
        rng = random.Random(seed)
        version = edit(base, rng, n_edits=rng.randint(2, 14), insert_pool=pool)
        s = score(version.truth, align(base, version.resolution).to_dict())
        tp, n_pred, n_true = tp + s["tp"], n_pred + s["n_pred"], n_true + s["n_true"]
        if not (s["added_exact"] and s["removed_exact"]):
            inexact.append(seed)
    assert tp / n_pred >= 0.95
    assert tp / n_true >= 0.95
    assert inexact == []


@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32 - 1),
    n_edits=st.integers(1, 10),
    ops=st.sets(st.sampled_from(["delete", "insert", "reword", "split", "merge", "move"]), min_size=1),
)
def test_each_edit_script_is_recovered_chinese(seed: int, n_edits: int, ops: set[str]) -> None:
    base = reference_zh()
    version = edit(
        base, random.Random(seed), n_edits=n_edits, insert_pool=chinese_pool(), operations=sorted(ops)
    )
    s = score(version.truth, align(base, version.resolution).to_dict())
    assert s["added_exact"] and s["removed_exact"], version.operations
    assert s["precision"] >= 0.95 and s["recall"] >= 0.95, version.operations


@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32 - 1),
    n_edits=st.integers(1, 8),
    ops=st.sets(st.sampled_from(["delete", "insert", "reword", "split", "merge", "move"]), min_size=1),
)
def test_each_edit_script_is_recovered_english(seed: int, n_edits: int, ops: set[str]) -> None:
    base = english("A-RES-73-7.en.txt")
    version = edit(
        base,
        random.Random(seed),
        n_edits=n_edits,
        insert_pool=english_pool("A-RES-73-7.en.txt"),
        operations=sorted(ops),
    )
    s = score(version.truth, align(base, version.resolution).to_dict())
    assert s["added_exact"] and s["removed_exact"], version.operations
    assert s["precision"] >= 0.95 and s["recall"] >= 0.95, version.operations


def _only(base: Resolution, op: str, seed: int = 7) -> tuple[Resolution, dict[str, object]]:
    version = edit(base, random.Random(seed), n_edits=1, operations=[op], insert_pool=chinese_pool())
    assert version.operations, f"the generator could not apply {op}"
    return version.resolution, version.truth


@pytest.mark.parametrize("op", ["split", "merge", "move"])
def test_relations_are_named(op: str) -> None:
    base = reference_zh()
    new, truth = _only(base, op)
    pairs = {(p.a, p.b): p.relation for p in align(base, new).pairs}
    wanted = {"split": "split", "merge": "merged", "move": "moved"}[op]
    touched = [(t["a"], t["b"]) for t in truth["pairs"] if t["relation"] == wanted]  # type: ignore[index]
    assert touched and all(pairs.get(k) == wanted for k in touched)


def test_unchanged_document_is_all_identical() -> None:
    base = reference_zh()
    al = align(base, base)
    assert {p.relation for p in al.pairs} == {"identical"}
    assert len(al.pairs) == len(base.paragraphs) and not al.added and not al.removed and al.related


def test_a_document_that_failed_to_parse_is_refused_plainly() -> None:
    empty = Resolution(language="zh", heading=Heading(symbol="A/72/L.99"), source="broken.txt")
    with pytest.raises(StructureError, match="failed to parse"):
        align(reference_zh(), empty)


def test_unrelated_documents_are_said_to_be_unrelated() -> None:
    cmp = compare(english("A-RES-73-7.en.txt"), english("A-RES-73-8.en.txt"))
    assert cmp.alignment.related is False
    assert any("unrelated" in w for w in cmp.alignment.warnings)
    assert all(p.confidence == "low" for p in cmp.alignment.pairs)


def test_weak_pairs_are_flagged_not_forced() -> None:
    base = reference_zh()
    heavy = edit(base, random.Random(3), n_edits=30, operations=["reword"], reword_share=0.6).resolution
    al = align(base, heavy)
    low = [p for p in al.pairs if p.confidence == "low"]
    assert low, "a 60 % rewording should leave some pairs under the confidence threshold"
    assert all(p.score < 0.7 for p in low)
    assert all(c.score < min(p.score for p in al.pairs) + 0.5 for c in al.uncertain)


def test_every_pair_has_a_reason() -> None:
    base = reference_zh()
    new, _ = _only(base, "merge")
    assert all(p.reason and 0.0 <= p.score <= 1.0 for p in align(base, new).pairs)


@pytest.mark.slow
def test_english_preamble_of_72_284_aligns_with_the_chinese_draft(tmp_path: object) -> None:
    from tests.compare.compare_documents import english_72_284_opening

    en = english_72_284_opening()
    al = align(en, reference_zh())
    pairs = {(p.a, p.b) for p in al.pairs}
    assert {("preamble:1", "preamble:1"), ("preamble:2", "preamble:2"), ("preamble:3", "preamble:3")} <= pairs
    assert al.mode == "cross-language"
    assert "shared symbols 60/288" in next(p.reason for p in al.pairs if p.a == "preamble:1")


def test_paragraph_ids_follow_the_gold_contract() -> None:
    base = reference_zh()
    base_ids = {p.id for p in base.paragraphs}
    al = align(base, base)
    assert {p.a for p in al.pairs} == base_ids
    assert all(x.startswith(("preamble:", "operative:")) for x in base_ids)
    assert Paragraph("operative", 1, "x", number=5).id == "operative:5"

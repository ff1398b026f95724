"""The redline's own words in the reader's language: Chinese and English complete, English fallback key by
key, never a raw key, and the JSON keeps its English reasons."""

from __future__ import annotations

import random
import re
from functools import cache
from typing import get_args

import pytest

from gcts.compare import compare
from gcts.compare.comparison import Comparison, Kind
from gcts.compare.edits import edit
from gcts.compare.labels import FALLBACK, Labels, MissingLabel, Note, fields_of, labels
from gcts.compare.redline import to_html, to_markdown
from gcts.compare.summary import CATEGORIES
from gcts.languages import UnknownLanguage, available
from tests.compare.compare_documents import chinese_pool, english, reference_zh

#: A raw label key in rendered output (``heading-changed``, ``category-new``, ``reason-ngram`` …).
RAW_KEY = re.compile(
    r"\b(?:heading|category|reason|warning|legend|mark|mode|summary)-[a-z-]+\b|\{[a-z]+\}|note-separator"
)


@cache
def chinese_comparison() -> Comparison:
    """The Chinese reference text against a version of it with every kind of edit."""
    base = reference_zh()
    version = edit(
        base,
        random.Random(11),
        n_edits=10,
        insert_pool=chinese_pool(),
        operations=["reword", "insert", "delete", "move", "split", "merge"],
    )
    return compare(base, version.resolution)


@cache
def unrelated_comparison() -> Comparison:
    """Two unrelated English resolutions: warnings and low-confidence pairs."""
    return compare(english("A-RES-73-7.en.txt"), english("A-RES-73-8.en.txt"))


def test_every_english_label_has_a_chinese_one_with_the_same_fields() -> None:
    en, zh = labels("en"), labels("zh")
    assert en.own_keys() and en.own_keys() <= zh.own_keys()
    for key in en.own_keys():
        assert fields_of(zh.template(key)) == fields_of(en.template(key)), key


@pytest.mark.parametrize("code", available())
def test_every_language_only_translates_english_keys_and_keeps_their_fields(code: str) -> None:
    own, en = labels(code), labels("en")
    assert own.own_keys(), f"{code} has no [labels] table in compare.toml"
    assert own.own_keys() <= en.own_keys(), own.own_keys() - en.own_keys()
    for key in own.own_keys():
        assert fields_of(own.template(key)) == fields_of(en.template(key)), (code, key)


def test_the_keys_the_code_builds_exist_in_english() -> None:
    en = labels("en")
    for kind in get_args(Kind):
        assert f"heading-{kind}" in en.own_keys()
    for cat in CATEGORIES:
        assert "category-" + cat.replace(" ", "-") in en.own_keys()
    for mode in ("same-language", "cross-language"):
        assert f"mode-{mode}" in en.own_keys()


def test_a_missing_key_falls_back_to_english() -> None:
    english_table = {key: labels("en").template(key) for key in labels("en").own_keys()}
    partial = Labels("xx", {"legend": "Légende"}, english_table)
    assert partial("legend") == "Légende"
    assert partial("heading-changed", a="preamble:1", b="preamble:2") == "preamble:1 → preamble:2 (changed)"
    # a translation naming a field the code does not give is replaced by the English wording
    broken = Labels("xx", {"score": "note {points}"}, english_table)
    assert broken("score", score="0.50") == "score 0.50"
    with pytest.raises(MissingLabel):
        partial("no-such-label")
    with pytest.raises(UnknownLanguage):
        labels("xx")


def test_french_redline_mixes_its_own_words_with_english_fallbacks_never_keys() -> None:
    fr = labels("fr")
    assert "reason-ngram" not in fr.own_keys()  # prepared table: reasons still English
    page = to_html(chinese_comparison(), ui_language="fr")
    assert "Légende" in page and "(inchangé)" in page
    assert "char 2-3-gram cosine" in page  # the fallback, in English
    assert not RAW_KEY.search(page)


def test_chinese_html_redline_speaks_chinese() -> None:
    cmp = chinese_comparison()
    zh = to_html(cmp, ui_language="zh")
    en = to_html(cmp)
    assert '<section class="gcts-compare" lang="zh">' in zh and '<html lang="zh">' in zh
    for word in ("图例", "插入", "（未变）", "同一语文比较", "新内容", "实质性修改", "文字相同", "得分"):
        assert word in zh, word
    for word in ("Legend", "(unchanged)", "same-language comparison", "same text", "score ", "moved from"):
        assert word not in zh, word
        assert word in en, word
    assert not RAW_KEY.search(zh) and not RAW_KEY.search(en)
    # the relations that occurred are named in Chinese
    kinds = {c.kind for c in cmp.changes}
    names = {
        "moved": "移来）",
        "split": "（拆分）",
        "merged": "（合并）",
        "added": "（新增）",
        "removed": "（删除）",
    }
    assert {"moved", "split", "added", "removed", "moved-out"} <= kinds
    for kind, word in names.items():
        if kind in kinds:
            assert word in zh, kind
    assert "已移至" in zh


def test_chinese_markdown_redline_speaks_chinese() -> None:
    md = to_markdown(chinese_comparison(), ui_language="zh")
    assert "图例：**插入**" in md and "| 变化 | 段数 |" in md and "| 未变 |" in md
    assert "Legend" not in md and "(unchanged)" not in md and "| what |" not in md
    assert not RAW_KEY.search(md)
    assert "| unchanged |" in to_markdown(chinese_comparison())


def test_warnings_and_low_confidence_are_translated_and_the_json_stays_english() -> None:
    cmp = unrelated_comparison()
    assert cmp.alignment.warning_notes and len(cmp.alignment.warning_notes) == len(cmp.alignment.warnings)
    zh = to_markdown(cmp, ui_language="zh")
    assert "**警告：**" in zh and "似乎无关" in zh and "look unrelated" not in zh
    if any(c.confidence == "low" for c in cmp.changes):
        assert "低置信度" in zh and "low confidence" not in zh
    data = cmp.to_dict()
    assert any("look unrelated" in w for w in data["warnings"])
    english_labels = labels(FALLBACK)
    for pair in cmp.alignment.pairs:
        assert pair.notes and pair.reason == english_labels.notes(pair.notes)
    for cand in cmp.alignment.uncertain:
        assert cand.reason.startswith("below the pairing threshold; ")


def test_notes_render_with_fields_in_each_language() -> None:
    note = Note.of("reason-shared-symbols", symbols="60/288, 68/276")
    assert labels("en").note(note) == "shared symbols 60/288, 68/276"
    assert labels("zh").note(note) == "共同引用文号 60/288, 68/276"
    moved = (Note.of("reason-moved"), Note.of("reason-same-text"))
    assert labels("en").notes(moved) == "out of order; same text"
    assert labels("zh").notes(moved) == "顺序改变；文字相同"

"""Report words are language data: English complete, Chinese complete, the other four falling back key by key,
never a raw key; numbers, money and dates in each language's own pattern."""

from __future__ import annotations

from datetime import date

import pytest

from gcts.languages import UN_LANGUAGES, profile
from gcts.report.labels import Labels


def _keys(code: str) -> set[str]:
    return set(profile(code).section("report").get("labels", {}))


def test_chinese_is_as_complete_as_english() -> None:
    assert _keys("en") - _keys("zh") == set()
    assert Labels("zh").untranslated == set()


@pytest.mark.parametrize("code", UN_LANGUAGES)
def test_every_language_has_fonts_formats_and_no_unknown_keys(code: str) -> None:
    labels = Labels(code)
    assert labels.fonts and labels.direction in {"ltr", "rtl"}
    assert _keys(code) <= _keys("en")  # a key English lacks would never be shown
    assert labels("snapshot") and "{" not in labels("whats_new_title", b="X")


def test_fallback_is_english_and_counted() -> None:
    fr = Labels("fr")
    assert fr("overview") == "Vue d'ensemble"
    assert fr("by_pillar") == Labels("en")("by_pillar")
    assert "by_pillar" in fr.untranslated and "overview" not in fr.untranslated


def test_formats() -> None:
    assert Labels("en").number(1234567.8) == "1,234,568"
    assert Labels("fr").number(1234567.25, 2) == "1 234 567,25"
    assert Labels("zh").money(2500000) == "2,500,000 美元"
    assert Labels("zh").percent(0.253) == "25.3%"
    assert Labels("zh").date(date(2018, 6, 26)) == "2018年6月26日"
    assert Labels("ar").direction == "rtl"


def test_terms_of_closed_vocabularies_fall_back_to_the_key() -> None:
    assert Labels("zh").term("standing", "overdue") == "逾期"
    assert Labels("zh").term("action", "some_new_action") == "some_new_action"

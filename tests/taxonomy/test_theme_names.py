"""One name per theme in each language (issue 9: 刑事司法 was "Rule of law" in English)."""

from __future__ import annotations

from gcts import taxonomy

UN_LANGUAGES = ("en", "zh", "fr", "es", "ru", "ar")


def test_every_theme_is_named_in_the_six_languages_and_no_two_share_a_name() -> None:
    themes = taxonomy.themes()
    for lang in UN_LANGUAGES:
        names = [t.names.get(lang, "") for t in themes]
        assert all(names), (lang, [t.id for t in themes if not t.names.get(lang)])
        assert len(set(names)) == len(names), lang


def test_the_english_and_chinese_names_say_the_same() -> None:
    named = {t.id: (t.name("en"), t.name("zh")) for t in taxonomy.themes()}
    assert named["criminal_justice"] == ("Criminal justice", "刑事司法")
    assert named["capacity_building"] == ("Capacity-building", "能力建设")
    assert named["ict"] == ("Information and communications technologies", "信息和通信技术")
    assert named["un_coordination"] == ("United Nations coordination", "联合国协调")
    assert named["kidnapping"] == ("Kidnapping for ransom", "绑架勒索赎金")

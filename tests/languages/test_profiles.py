"""The one mechanism that loads language data."""

from __future__ import annotations

import pytest

from gcts.languages import UN_LANGUAGES, UnknownLanguage, available, profile


def test_every_un_language_has_a_data_folder() -> None:
    assert set(UN_LANGUAGES) <= set(available())


@pytest.mark.parametrize("code", UN_LANGUAGES)
def test_every_language_loads_with_the_same_sections_as_english(code: str) -> None:
    # Adding a language means adding the same files: a missing concern would silently fall back to nothing.
    assert set(profile("en").sections) <= set(profile(code).sections) | {"stopwords"}


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(UnknownLanguage, match="no language data for 'xx'"):
        profile("xx")


def test_profiles_are_loaded_once() -> None:
    assert profile("zh") is profile("zh")

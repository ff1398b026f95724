"""Properties of the search helpers on arbitrary input: segmentation never fails, snippets are always safe."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from gcts.web.library.search import query_words, segment_for_index, snippet

TAG = re.compile(r"<(/?)([a-z]+)>")


@settings(deadline=None)  # the first call loads the segmentation dictionary
@given(st.text(max_size=300))
def test_query_words_are_words_and_bounded(text: str) -> None:
    words = query_words(text)
    assert len(words) == len(set(words))
    assert all(w and w == w.lower() and " " not in w for w in words)


@settings(deadline=None)
@given(st.text(max_size=300), st.text(max_size=40))
def test_snippet_escapes_everything_but_its_marks(text: str, query: str) -> None:
    html = str(snippet(text, query_words(query)))
    assert {m.group(2) for m in TAG.finditer(html)} <= {"mark"}
    assert "<" not in TAG.sub("", html)


def test_index_words_cover_the_query_words_of_a_chinese_phrase() -> None:
    text = "吁请会员国处理外国恐怖主义作战人员构成的威胁"
    assert set(query_words("外国恐怖主义作战人员")) <= set(segment_for_index(text).split())

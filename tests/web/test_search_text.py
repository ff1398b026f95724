"""Properties of the search helpers on arbitrary input: segmentation never fails, snippets are always safe."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from gcts.library.search import query_words, segment_for_index, snippet

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


def test_the_snippet_shows_the_whole_phrase_where_the_text_holds_it() -> None:
    # Operative 29 of the reference text: 恐怖主义 occurs early, the phrase 外国恐怖主义作战人员 only near its
    # end; the snippet stood at the first 恐怖主义 and never showed the phrase the user searched for.
    text = (
        "敦促会员国根据其所承担的国际法义务，在有关资助或支助恐怖主义行为者的刑事调查或刑事诉讼中，进行充分"
        "协调并尽力提供相互协助，尤其是与那些发生恐怖行为或本国公民遭受恐怖行为的国家，包括为涉及恐怖组织、"
        "恐怖实体或外国恐怖主义作战人员的诉讼程序获取证据，并回顾所有国家必须根据相互法律援助和引渡或起诉原则"
        "全力开展反恐合作；"
    )
    words = ["外国", "恐怖主义", "作战", "人员"]
    shown = str(snippet(text, words, phrase="外国恐怖主义作战人员"))
    assert "<mark>外国</mark><mark>恐怖主义</mark><mark>作战</mark><mark>人员</mark>" in shown
    assert str(snippet(text, words)).startswith("敦促会员国")  # without the phrase: the first word, as before

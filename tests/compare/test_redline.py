"""Redlines: words as units (jieba for Chinese), symbols kept whole, moves shown as moves; HTML and
Markdown."""

from __future__ import annotations

import random
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from gcts.compare import compare
from gcts.compare.edits import edit
from gcts.compare.redline import diff, to_html, to_markdown, tokenize
from tests.compare.compare_documents import chinese_pool, english, reference_zh


def test_symbols_survive_chinese_segmentation() -> None:
    keys = [t.key for t in tokenize("又回顾其 2017 年 6 月 15 日第 71/291 号决议和第2178(2014)号决议", "zh")]
    assert "71/291" in keys and "2178(2014)" in keys
    assert "反恐办公室" in [t.key for t in tokenize("决定设立反恐办公室", "zh")]


def test_changed_symbol_is_one_replaced_token() -> None:
    segs = diff(["回顾第 71/291 号决议"], ["回顾第 72/284 号决议"], "zh")
    assert [s.text.strip() for s in segs if s.op == "delete"] == ["71/291"]
    assert [s.text.strip() for s in segs if s.op == "insert"] == ["72/284"]


def test_english_words_are_the_units() -> None:
    segs = diff(
        ["Requests the Secretary-General to submit a report"],
        ["Requests the Secretary-General to submit an annual report"],
        "en",
    )
    assert [s.text.strip() for s in segs if s.op == "insert"] == ["an annual"]
    assert [s.text.strip() for s in segs if s.op == "delete"] == ["a"]


def test_a_moved_clause_is_a_move_not_a_deletion_and_insertion() -> None:
    a = "Urges States, in accordance with international law, to cooperate fully, and calls upon all States"
    b = "Urges States to cooperate fully, and calls upon all States, in accordance with international law"
    segs = diff([a], [b], "en")
    ops = [s.op for s in segs]
    assert "move-from" in ops and "move-to" in ops
    assert {s.move for s in segs if s.op == "move-from"} == {s.move for s in segs if s.op == "move-to"}


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=0, max_size=80), st.sampled_from(["zh", "en"]))
def test_tokens_give_the_text_back(text: str, lang: str) -> None:
    assert "".join(t.text for t in tokenize(text, lang)) == text.lstrip()


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Recalls", "the", "resolution", "60/288", ",", "and", "urges", "States"]),
        max_size=12,
    ),
    st.lists(
        st.sampled_from(["Recalls", "the", "resolution", "72/284", ";", "and", "urges", "all"]), max_size=12
    ),
)
def test_redline_rebuilds_both_sides(words_a: list[str], words_b: list[str]) -> None:
    a, b = " ".join(words_a), " ".join(words_b)
    segs = diff([a], [b], "en")
    old = "".join(s.text for s in segs if s.op in ("equal", "delete", "move-from"))
    new = "".join(s.text for s in segs if s.op in ("equal", "insert", "move-to"))
    assert old.split() == a.split() and new.split() == b.split()


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def test_html_marks_insertions_deletions_and_is_printable() -> None:
    base = reference_zh()
    version = edit(
        base,
        random.Random(11),
        n_edits=8,
        insert_pool=chinese_pool(),
        operations=["reword", "insert", "delete", "move"],
    )
    page = to_html(compare(base, version.resolution))
    parser = _Tags()
    parser.feed(page)
    assert "ins" in parser.tags and "del" in parser.tags
    assert "@media print" in page and page.startswith("<!DOCTYPE html>")
    assert "moved from" in page


def test_html_escapes_document_text() -> None:
    base = english("A-RES-73-7.en.txt")
    new = edit(base, random.Random(2), n_edits=1, operations=["reword"]).resolution
    new.operative[0].text = "<script>alert(1)</script> " + new.operative[0].text
    page = to_html(compare(base, new))
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_markdown_uses_strike_and_bold() -> None:
    base = english("A-RES-73-7.en.txt")
    new = edit(base, random.Random(4), n_edits=3, operations=["reword"]).resolution
    md = to_markdown(compare(base, new))
    assert "~~" in md and "**" in md and md.startswith("# ")

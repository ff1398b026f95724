"""Property tests for the reference and number parsers: stable canonical forms, no crash on random text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gcts.annotate import citations, mandates, sessions
from gcts.annotate.references import canonical_symbol, references, scan
from gcts.model import Paragraph, Resolution

_ALPHABET = list("第号决议和A B()/0123456789 resolutionsofIVX年月日、,;S-RE")
_text = st.text(alphabet=st.sampled_from(_ALPHABET), max_size=80)


@given(st.integers(1, 99), st.integers(1, 999), st.sampled_from(["", "A", "B"]))
def test_ga_symbols_canonical_and_idempotent(session: int, number: int, part: str) -> None:
    raw = f"A/RES/{session}/{number}{part}"
    c = canonical_symbol(raw)
    assert c == f"A/RES/{session}/{number}" + (f" {part}" if part else "")
    assert canonical_symbol(c) == c


@given(st.integers(1, 2999), st.integers(1946, 2099), st.sampled_from(["", " ", "  "]))
def test_sc_symbols_canonical_and_idempotent(number: int, year: int, space: str) -> None:
    c = canonical_symbol(f"S/RES/{number}{space}({year})")
    assert c == f"S/RES/{number} ({year})"
    assert canonical_symbol(c) == c


@given(st.text(max_size=40))
def test_canonicalisation_never_crashes_and_is_idempotent(raw: str) -> None:
    c = canonical_symbol(raw)
    if c is not None:
        assert canonical_symbol(c) == c


@given(_text, st.sampled_from(["zh", "en"]))
def test_scanning_random_text_never_crashes(text: str, lang: str) -> None:
    cites, _ = scan(text, lang)
    for c in cites:
        assert text[c.start:c.end] == c.surface
        assert all(canonical_symbol(s) == s for s in c.symbols)
    refs, _ = references(text, lang)
    assert all(r.kind in ("ga_resolution", "sc_resolution", "document", "instrument") for r in refs)


@given(st.integers(1, 99), st.integers(1, 999))
def test_chinese_citation_round_trip(session: int, number: int) -> None:
    cites, _ = scan(f"回顾其第 {session}/{number} 号决议", "zh")
    assert [c.symbols for c in cites] == [(f"A/RES/{session}/{number}",)]


@given(st.integers(1, 99))
def test_session_number_words(n: int) -> None:
    digits = "〇一二三四五六七八九"
    tens = (("" if n // 10 == 1 else digits[n // 10]) + "十") if n >= 10 else ""
    zh = tens + (digits[n % 10] if n % 10 else "")
    assert sessions.parse_number(zh, "zh") == n
    start, end = sessions.session_dates(n)
    assert (start.year, start.month) == (1945 + n, 9) and start.day <= 30
    assert sessions.session_of(start) == n and sessions.session_of(end) == n


def test_english_session_words() -> None:
    assert sessions.parse_number("seventy-fourth", "en") == 74
    assert sessions.parse_number("seventy- fourth", "en") == 74
    assert sessions.parse_number("sixtieth", "en") == 60
    assert sessions.parse_number("seventy-banana", "en") is None


@given(_text)
def test_mandates_on_random_text_never_crash(text: str) -> None:
    found, issues = mandates.find("请秘书长" + text, "zh", [], "operative:1")
    assert all(m.actor for m in found)
    assert all(i.where == "operative:1" for i in issues)


def test_citation_graph_finds_what_is_missing() -> None:
    from gcts.annotate import annotate
    a = Resolution(language="zh", operative=[Paragraph(part="operative", index=1, number=1,
                                                       text="回顾第 60/288 号决议和第 72/284 号决议；")])
    a.heading.symbol = "A/RES/73/1"
    b = Resolution(language="zh", operative=[Paragraph(part="operative", index=1, number=1,
                                                       text="回顾第 73/1 号决议；")])
    b.heading.symbol = "A/RES/72/284"
    graph = citations.build([annotate(a), annotate(b)])
    assert graph.cites("A/RES/73/1") == ["A/RES/60/288", "A/RES/72/284"]
    assert graph.cited_by("A/RES/72/284") == ["A/RES/73/1"]
    assert graph.missing() == {"A/RES/60/288": ["A/RES/73/1"]}

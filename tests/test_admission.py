"""The gate every document passes before it is stored or shown (:mod:`gcts.admission`): fields of the right
form and length, documents within the caps, bidi controls neutralised. Each case is a probe that once broke
the site (a language holding markup or ``/``, over-long symbols on PostgreSQL, numbers past 32 bits)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gcts.admission import (
    INT_MAX,
    MAX_PARAGRAPH_CHARS,
    MAX_PARAGRAPHS,
    admit,
    language_problem,
    problems,
)
from gcts.errors import FormatError, GctsError, InputError
from gcts.model import Footnote, Heading, Paragraph, Resolution


def _res(language: str = "en", **heading: object) -> Resolution:
    res = Resolution(language=language, heading=Heading(**heading))  # type: ignore[arg-type]
    res.operative = [Paragraph(part="operative", index=1, number=1, text="Decides to remain seized.")]
    return res


@pytest.mark.parametrize("code", ["en", "zh", "ar", "zh-hans", "fil"])
def test_language_codes_are_admitted(code: str) -> None:
    assert language_problem(code) is None
    assert admit(_res(code)).language == code


@pytest.mark.parametrize(
    "code",
    ['en"><script>alert(1)</script>', "en/../../etc", "EN", "e", "english-language", "", "zh\x00", "en "],
)
def test_languages_that_are_not_codes_are_refused_naming_the_field(code: str) -> None:
    with pytest.raises(InputError) as caught:
        admit(_res(code), source="upload.xml")
    assert caught.value.field == "language" and caught.value.file == "upload.xml"


def test_a_symbol_longer_than_the_store_holds_is_refused() -> None:
    with pytest.raises(FormatError) as caught:
        admit(_res(symbol="A/RES/" + "7" * 200), error=FormatError)
    assert caught.value.field == "heading.symbol" and "at most 80" in str(caught.value)


@pytest.mark.parametrize("symbol", ["A/RES/1\n2", "A/RES/\u202e27/3", "A\x07/RES"])
def test_a_symbol_must_be_one_line_of_visible_characters(symbol: str) -> None:
    assert any(p.startswith("heading.symbol") for p in problems(_res(symbol=symbol)))


@pytest.mark.parametrize("session", [2**31, -1])
def test_numbers_past_the_store_range_are_refused(session: int) -> None:
    assert any(p.startswith("heading.session") for p in problems(_res(session=session)))
    res = _res()
    res.operative[0].number = INT_MAX + 1
    assert any(p.startswith("operative[1].number") for p in problems(res))


def test_paragraph_numbers_above_9999_are_admitted() -> None:
    res = _res()
    res.operative[0].number = 12345
    assert problems(res) == []


def test_caps_on_paragraphs_and_their_length() -> None:
    many = _res()
    many.preamble = [
        Paragraph(part="preamble", index=i, text="Recalling x") for i in range(MAX_PARAGRAPHS + 1)
    ]
    assert problems(many)[0].startswith("paragraphs:")
    long = _res()
    long.operative[0].text = "a" * (MAX_PARAGRAPH_CHARS + 1)
    with pytest.raises(InputError, match="at most 100,000"):
        admit(long)


def test_control_characters_in_text_are_refused() -> None:
    res = _res()
    res.operative[0].text = "Decides\x01 to"
    assert problems(res) == ["operative[1].text holds a control character"]
    res = _res()
    res.footnotes = [Footnote(number=1, text="See \x0b")]
    assert any(p.startswith("footnotes.text") for p in problems(res))


def test_bidi_controls_are_removed_and_noted() -> None:
    res = _res(title="On \u202ethe\u202c strategy")
    res.operative[0].text = "Decides \u2067x\u2069 and \u200f keeps marks"
    admit(res)
    assert res.heading.title == "On the strategy"
    assert res.operative[0].text == "Decides x and \u200f keeps marks"
    assert [q.code for q in res.quality] == ["bidi-controls-removed"]


@given(
    language=st.text(max_size=20),
    symbol=st.one_of(st.none(), st.text(max_size=120)),
    title=st.one_of(st.none(), st.text(max_size=50)),
)
def test_admission_either_admits_or_refuses_with_a_gcts_error(
    language: str, symbol: str | None, title: str | None
) -> None:
    try:
        res = admit(_res(language, symbol=symbol, title=title))
    except GctsError as exc:
        assert exc.field
    else:
        assert language_problem(res.language) is None
        assert res.heading.symbol is None or len(res.heading.symbol) <= 80

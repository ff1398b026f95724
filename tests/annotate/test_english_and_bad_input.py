"""English texts of the corpus, other languages' data, and bad input (never a crash, always a warning)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gcts.annotate import annotate
from gcts.model import Paragraph, Resolution
from gcts.structure import parse_text

CORPUS = Path(__file__).resolve().parents[2] / "src" / "gcts" / "data" / "corpus"


def _annotated(name: str) -> Resolution:
    return annotate(parse_text((CORPUS / name).read_text(encoding="utf-8"), source=name))


def test_english_resolution_on_the_cuba_embargo() -> None:
    res = _annotated("A-RES-73-8.en.txt")
    p6 = res.paragraph("preamble:6").annotations
    assert p6.opening == "Recalling" and p6.function == "recall"
    symbols = [r.symbol for r in p6.references]
    assert symbols[0] == "A/RES/47/19" and symbols[-1] == "A/RES/72/4" and len(symbols) == 26
    op = {p.number: p.annotations for p in res.operative}
    assert (op[2].opening, op[2].function) == ("Reiterates its call upon", "call_upon")
    assert (op[3].opening, op[3].function) == ("Once again urges", "urge")
    assert [(m.actor, m.session) for m in op[4].mandates] == [("secretary_general", 74)]
    assert [(m.actor, m.session) for m in op[5].mandates] == [("general_assembly", 74)]
    assert {r.symbol for r in op[1].references} == {"A/RES/72/4", "A/73/85"}
    assert not any(p.annotations.pillars for p in res.operative), "not a counter-terrorism text"


def test_english_icc_report_mandates_and_footnotes() -> None:
    res = _annotated("A-RES-73-7.en.txt")
    op = {p.number: p.annotations for p in res.operative}
    assert [(m.actor, m.session) for m in op[12].mandates] == [("secretary_general", 74)]
    assert [(m.actor, m.session) for m in op[28].mandates] == [("icc", 74)]
    assert {r.symbol for r in op[13].references} == {"A/67/828", "S/2013/210", "A/73/335"}
    assert res.paragraph("preamble:2").annotations.opening == "Recalling also"


@pytest.mark.parametrize("lang,text,function", [
    ("fr", "Réaffirmant également sa résolution 60/288,", "reaffirm"),
    ("es", "Reafirmando también la Estrategia,", "reaffirm"),
    ("ru", "вновь подтверждая свою резолюцию,", "reaffirm"),
    ("ar", "وإذ تشير أيضا إلى قرارها,", "recall"),
])
def test_other_languages_have_openings(lang: str, text: str, function: str) -> None:
    res = Resolution(language=lang, preamble=[Paragraph(part="preamble", index=1, text=text)])
    assert annotate(res).preamble[0].annotations.function == function


def _one(text: str, part: str = "operative", lang: str = "zh") -> Resolution:
    p = Paragraph(part=part, index=1, number=1 if part == "operative" else None, text=text)  # type: ignore[arg-type]
    res = Resolution(language=lang)
    (res.operative if part == "operative" else res.preamble).append(p)
    return annotate(res)


def test_no_known_opening_is_unknown_with_a_warning() -> None:
    res = _one("这段话没有开头动词；")
    a = res.operative[0].annotations
    assert a.opening is None and a.function is None
    assert [q.code for q in res.quality] == ["no-opening"]
    assert res.quality[0].where == "operative:1"


def test_unknown_symbol_is_reported_not_referenced() -> None:
    res = _one("回顾第 0/0 号决议和第 217A(IIII)号决议；")
    assert res.operative[0].annotations.references == []
    assert {q.code for q in res.quality} == {"unknown-symbol"}


def test_malformed_date_gives_no_deadline_and_a_warning() -> None:
    res = _one("请秘书长至迟于 2019 年 13 月向大会第七十三届会议提交一份报告；")
    m = res.operative[0].annotations.mandates
    assert [(x.actor, x.deadline, x.session) for x in m] == [("secretary_general", None, 73)]
    assert "bad-date" in {q.code for q in res.quality}


def test_unknown_language_is_a_warning() -> None:
    res = annotate(Resolution(language="xx", operative=[Paragraph(part="operative", index=1, number=1,
                                                                   text="Requests;")]))
    assert [q.code for q in res.quality] == ["annotate-language"]


def test_missing_footnote_is_a_warning() -> None:
    res = Resolution(language="zh", operative=[Paragraph(part="operative", index=1, number=1,
                                                         text="回顾该报告；", footnotes=[9])])
    assert "missing-footnote" in {q.code for q in annotate(res).quality}


def test_empty_text_does_not_crash() -> None:
    for lang in ("zh", "en"):
        res = _one("", lang=lang)
        assert res.operative[0].annotations.function is None


def test_corpus_files_are_present() -> None:
    assert Path(CORPUS / "A-RES-73-8.en.txt").is_file()

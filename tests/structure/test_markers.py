"""Footnote markers in the shapes real documents carry them.

The official PDFs of the yearly "Measures to eliminate international terrorism" resolutions (78/115, 79/129,
80/171, the draft A/C.6/80/L.22) and of 78/226 print markers after commas (``adopted on 8 September 2006, 1
which``, ``occasions, 4``), after words that usually take real numbers (``review resolutions 3 and``,
``eighth session, 11``), and each footnote number on its own line above its text. The short texts below are
written for these tests in UN style: Arabic bare markers before the Arabic comma, and two superscript
markers side by side.
"""

from __future__ import annotations

import re

import pytest

from gcts.formats.akn import to_akn
from gcts.formats.akn_reader import read_akn
from gcts.formats.akn_schema import validate
from gcts.formats.json_format import from_json, to_json
from gcts.formats.markdown import to_markdown
from gcts.reading import load
from gcts.structure import parse_text
from tests.structure.conftest import CORPUS
from tests.structure.test_real_documents import assert_clean

FAMILY = {
    "A-RES-78-115.en.pdf": (35, 26, 17),
    "A-RES-79-129.en.pdf": (35, 26, 16),
    "A-RES-80-171.en.pdf": (35, 26, 16),
    "A-C.6-80-L.22.en.pdf": (35, 26, 16),
    "A-RES-78-226.en.pdf": (20, 36, 11),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FAMILY))
def test_real_pdfs_cite_every_footnote_and_keep_no_stray_number(name: str) -> None:
    res = load(CORPUS / "real" / name)
    assert (len(res.preamble), len(res.operative), len(res.footnotes)) == FAMILY[name]
    assert_clean(res)
    if name != "A-RES-78-226.en.pdf":
        p2 = res.paragraph("preamble:2")
        assert p2.footnotes == [1, 2, 3, 4]
        assert "adopted on 8 September 2006, which enhances" in p2.text
        assert p2.text.endswith("held on those occasions,")
        guessed = [q.where for q in res.quality if q.code == "marker-guessed"]
        assert "preamble:2" in guessed  # "review resolutions 3 and": a guess, and said so


AR = """الأمم المتحدة                                              A/RES/99/5
الجمعية العامة                                   Distr.: General

الدورة الثالثة والسبعون
البند 12 من جدول الأعمال

قرار اتخذته الجمعية العامة في 1 نوفمبر 2044

99/5. التعاون الدولي في مكافحة الإرهاب

إن الجمعية العامة،

إذ تؤكد من جديد استراتيجية الأمم المتحدة العالمية لمكافحة الإرهاب 1، وقرارها
المتعلق باستعراضها،
وإذ تدرك ضرورة تعزيز التعاون بين الدول الأعضاء والمنظمات الإقليمية 2؛
1 - تهيب بالدول الأعضاء أن تتبادل المعلومات عن
__________________
1 القرار 60/288.
2 انظر A/99/10.
44-00005 (A)
التهديدات الإرهابية؛
2 - تطلب إلى الأمين العام أن يقدم إليها تقريرا في دورتها المائة.
"""


def test_arabic_bare_markers_before_the_arabic_comma() -> None:
    res = parse_text(AR, language="ar")
    assert [p.footnotes for p in res.paragraphs] == [[1], [2], [], []]
    assert res.preamble[0].text.startswith(
        "إذ تؤكد من جديد استراتيجية الأمم المتحدة العالمية لمكافحة الإرهاب، وقرارها"
    )
    assert res.preamble[1].text.endswith("الإقليمية؛")
    assert [(f.number, f.cited_in) for f in res.footnotes] == [(1, "preamble:1"), (2, "preamble:2")]


SIDE_BY_SIDE = """United Nations                                              A/RES/99/6
General Assembly                                 Distr.: General

Ninety-ninth session
Agenda item 12

Resolution adopted by the General Assembly on 1 November 2044

99/6. Human rights while countering terrorism

The General Assembly,

Recalling the Universal Declaration of Human Rights and the International Covenants on Human Rights,¹ ²

1. Urges States to respect the right to privacy, as set out in the instruments recalled above;⁷ ⁸

2. Decides to remain seized of the matter.
__________________
¹ Resolution 217 A (III).
² Resolution 2200 A (XXI), annex.
⁷ See A/99/7.
⁸ See A/99/8.
"""


def test_two_superscripts_side_by_side_stay_two_when_written_out() -> None:
    res = parse_text(SIDE_BY_SIDE, language="en")
    op1 = res.paragraph("operative:1")
    assert res.paragraph("preamble:1").footnotes == [1, 2]
    assert op1.footnotes == [7, 8]
    assert op1.footnote_refs == [(len(op1.text), 7), (len(op1.text), 8)]
    assert from_json(to_json(res)).paragraph("operative:1").footnote_refs == op1.footnote_refs
    md = to_markdown(res)
    assert "recalled above;[^7] [^8]" in md and "Rights,[^1] [^2]" in md
    assert "[^78]" not in md and "[^12]" not in md
    xml = to_akn(res)
    assert validate(xml) == []
    assert re.findall(r'authorialNote marker="(\d+)"', xml) == ["1", "2", "7", "8"]
    back = read_akn(xml.encode("utf-8")).paragraph("operative:1")
    assert (back.footnotes, back.footnote_refs) == ([7, 8], op1.footnote_refs)

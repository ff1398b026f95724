"""Per-kind scores of the annotator on the reference gold, at the bars of the issue."""

from __future__ import annotations

from typing import Any

import pytest

from gcts.annotate.evaluate import Report, compare, prediction
from gcts.model import Resolution


@pytest.fixture(scope="module")
def report(gold: dict[str, Any], annotated: Resolution) -> Report:
    return compare(gold, prediction(annotated))


def test_openings_and_functions_all_right(report: Report) -> None:
    assert report.kinds["openings"].f1 == 1.0, report.misses
    assert report.kinds["functions"].f1 == 1.0, report.misses


def test_references_precision_and_recall(report: Report) -> None:
    s = report.kinds["references"]
    assert s.tp >= 30
    assert s.precision >= 0.98 and s.recall >= 0.98, report.misses


def test_every_timed_mandate_found_with_actor_and_time(report: Report) -> None:
    s = report.kinds["mandates"]
    assert s.recall == 1.0 and s.precision >= 0.8, report.misses


def test_pillars_and_themes_f1(report: Report) -> None:
    assert report.kinds["pillars"].f1 >= 0.85
    assert report.kinds["themes"].f1 >= 0.75


@pytest.mark.parametrize("parity", [0, 1])
def test_pillars_and_themes_hold_on_each_half(gold: dict[str, Any], annotated: Resolution,
                                              parity: int) -> None:
    """The cue vocabulary is not fitted to one half: both halves of the paragraphs stay above the bars."""
    half = dict(gold)
    half["preamble"] = [p for p in gold["preamble"] if p["index"] % 2 == parity]
    half["operative"] = [p for p in gold["operative"] if p["number"] % 2 == parity]
    r = compare(half, prediction(annotated))
    assert r.kinds["pillars"].f1 >= 0.85
    assert r.kinds["themes"].f1 >= 0.75


def test_mandates_of_the_known_paragraphs(annotated: Resolution) -> None:
    got = {p.number: [(m.actor, m.deadline, m.session, m.recurrence) for m in p.annotations.mandates]
           for p in annotated.operative if p.annotations.mandates}
    assert got[83] == [("secretary_general", "2019-05", 73, None)]
    assert got[84] == [("secretary_general", "2020-02", 74, None)]
    assert got[85] == [("general_assembly", "2020-06", 74, None)]
    assert got[62] == [("secretary_general", None, None, "annual")]
    assert got[72] == [("unoct", None, None, "quarterly")]
    m84 = annotated.paragraph("operative:84").annotations.mandates[0]
    assert m84.session_dates is not None and m84.session_dates[0].isoformat().startswith("2019-09")

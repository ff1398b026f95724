"""Regressions from the paragraph-by-paragraph audit of the English corpus texts, and the English rendering of
the reference resolution: an English paragraph must get the labels its Chinese counterpart has in the gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gcts.annotate import annotate
from gcts.annotate.evaluate import resolution_from_gold
from gcts.model import Annotations, Resolution
from gcts.structure import parse_text

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1] / "src" / "gcts" / "data" / "corpus"
RENDERING = HERE / "fixtures" / "A-RES-72-284.en.rendering.json"


def _corpus(name: str) -> Resolution:
    return annotate(parse_text((CORPUS / name).read_text(encoding="utf-8"), source=name))


def _starting(res: Resolution, head: str) -> Annotations:
    """The annotations of the one paragraph whose text starts with ``head`` (robust to renumbering)."""
    found = [p for p in res.paragraphs if p.text.startswith(head)]
    assert len(found) == 1, f"{len(found)} paragraphs start with {head!r}"
    return found[0].annotations


@pytest.fixture(scope="module")
def tb() -> Resolution:
    return _corpus("A-RES-73-3.en.txt")


@pytest.fixture(scope="module")
def space() -> Resolution:
    return _corpus("A-RES-73-6.en.txt")


@pytest.fixture(scope="module")
def icc() -> Resolution:
    return _corpus("A-RES-73-7.en.txt")


def test_further_before_a_noun_is_not_part_of_the_opening(icc: Resolution) -> None:
    # "Encourages further efforts by …": "further" qualifies the object, not the verb
    a = _starting(icc, "Encourages further efforts")
    assert (a.opening, a.function) == ("Encourages", "encourage")
    assert _starting(icc, "Encourages further dialogue").opening == "Encourages"
    assert _starting(icc, "Further welcomes").opening == "Further welcomes"


def test_compound_and_lead_in_openings_of_the_tuberculosis_declaration(tb: Resolution) -> None:
    a = _starting(tb, "Recall with concern")
    assert (a.opening, a.function) == ("Recall with concern", "concern")
    a = _starting(tb, "Given the strong association")
    assert (a.opening, a.function) == ("commit", "affirm")
    assert _starting(tb, "Further reaffirm").function == "reaffirm"
    unopened = [q.where for q in tb.quality if q.code == "no-opening"]
    assert not [w for w in unopened if w and w.startswith("operative")]


def test_world_health_assembly_citations_and_records(tb: Resolution) -> None:
    symbols = [r.symbol for r in _starting(tb, "Further reaffirm").references if r.kind != "instrument"]
    assert symbols == ["A/RES/71/3", "A/RES/70/266", "A/RES/68/300", "A/RES/72/139", "WHA69.2",
                       "A/HRC/RES/33/11", "WHA67.1", "WHA69/2016/REC/1", "A/71/53/Add.1",
                       "A/71/53/Add.1/Corr.1", "WHA67/2014/REC/1"]


def test_year_only_deadlines_and_declaration_requests(tb: Resolution) -> None:
    who = _starting(tb, "Request the Director General")
    assert [(m.actor, m.deadline, m.session) for m in who.mandates] == [("who", "2019", None)]
    sg = _starting(tb, "Also request the Secretary-General")
    assert (sg.opening, sg.function) == ("Also request", "request")
    assert [(m.actor, m.deadline) for m in sg.mandates] == [("secretary_general", "2020")]
    # commitments of the Heads of State ("Commit to … by 2022") are not requests or decisions
    assert not _starting(tb, "Commit to mobilize sufficient and sustainable financing for universal").mandates


def test_treaty_body_symbols_in_footnotes_and_invitations_to_committees(space: Resolution) -> None:
    conv = _starting(space, "Convinced that the fulfilment")
    assert {r.symbol for r in conv.references if r.kind != "instrument"} == {
        "A/RES/70/1", "A/RES/69/283", "FCCC/CP/2015/10/Add.1"}
    assert "critical_infrastructure" not in {t.value for t in conv.themes}, "space infrastructure"
    inv = _starting(space, "Invites the Committee on the Peaceful Uses")
    assert [(m.actor, m.session) for m in inv.mandates] == [("copuos", 75)]


def test_review_conference_is_not_the_strategy_review(icc: Resolution) -> None:
    notes = _starting(icc, "Notes the recent ratifications")
    assert "strategy" not in {t.value for t in notes.themes}
    assert "criminal_justice" in {t.value for t in _starting(icc, "Convinced that ending impunity").themes}


# --- the English rendering of the reference resolution -------------------------------------------------

def _gold_by_key(gold: dict[str, Any]) -> dict[tuple[str, int], dict[str, Any]]:
    out = {("preamble", int(p["index"])): p for p in gold["preamble"]}
    out.update({("operative", int(p["number"])): p for p in gold["operative"]})
    return out


@pytest.fixture(scope="module")
def rendering() -> Resolution:
    return annotate(resolution_from_gold(json.loads(RENDERING.read_text(encoding="utf-8"))))


def _pairs(res: Resolution, gold: dict[str, Any]) -> list[tuple[Annotations, dict[str, Any]]]:
    by_key = _gold_by_key(gold)
    return [(p.annotations, by_key[(p.part, p.index if p.part == "preamble" else int(p.number or 0))])
            for p in res.paragraphs]


def test_english_rendering_gets_the_functions_references_and_mandates_of_the_chinese_gold(
        rendering: Resolution, gold: dict[str, Any]) -> None:
    pairs = _pairs(rendering, gold)
    assert len(pairs) == 54
    for a, g in pairs:
        assert a.function == g["function"], (a.opening, g["opening"])
        assert sorted({r.symbol for r in a.references if r.kind != "instrument"}) == sorted(g["references"])
        assert sorted((m.actor, m.deadline, m.session, m.recurrence) for m in a.mandates) == sorted(
            (m["actor"], m["deadline"], m["session"], m["recurrence"]) for m in g.get("mandates") or [])


def test_english_rendering_compound_openings(rendering: Resolution) -> None:
    assert rendering.paragraph("preamble:24").annotations.opening == "Expressing deep concern also"
    assert rendering.paragraph("preamble:4").annotations.opening == "Recalling further"
    first = rendering.operative[0].annotations
    assert first.opening == "Reiterates its strong and unequivocal condemnation"
    assert first.function == "condemn"


@pytest.mark.parametrize("kind,bar", [("pillars", 0.85), ("themes", 0.75)])
def test_english_rendering_pillars_and_themes_at_the_bars(rendering: Resolution, gold: dict[str, Any],
                                                          kind: str, bar: float) -> None:
    tp = fp = fn = 0
    for a, g in _pairs(rendering, gold):
        got = {label.value for label in getattr(a, kind)}
        want = set(g.get(kind) or [])
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= bar, f"{kind} micro-F1 {f1:.3f}"

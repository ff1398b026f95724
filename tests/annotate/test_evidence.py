"""The evidence behind the labels of a handful of known paragraphs of the reference text."""

from __future__ import annotations

from gcts.model import Resolution


def test_opening_evidence_names_the_data_entry(annotated: Resolution) -> None:
    a = annotated.paragraph("preamble:24").annotations
    assert a.opening == "又表示深为关切" and a.function == "concern"
    assert a.opening_evidence[0].rule == "openings.preambular:表示深为关切"
    assert a.opening_evidence[0].terms == ["又表示深为关切"]


def test_theme_evidence_lists_the_cue_terms(annotated: Resolution) -> None:
    themes = {lab.value: lab for lab in annotated.paragraph("operative:50").annotations.themes}
    assert "大规模毁灭性武器" in themes["wmd"].evidence[0].terms
    assert themes["wmd"].evidence[0].rule == "themes.wmd:threshold"
    assert 0 < themes["wmd"].confidence < 1


def test_pillar_evidence_and_confidence(annotated: Resolution) -> None:
    pillars = {lab.value: lab for lab in annotated.paragraph("operative:66").annotations.pillars}
    assert {"II", "III"} <= set(pillars)
    assert "能力建设" in pillars["III"].evidence[0].terms
    assert pillars["III"].confidence >= 0.5


def test_reference_spans_point_at_the_citation(annotated: Resolution) -> None:
    p = annotated.paragraph("operative:36")
    refs = [r for r in p.annotations.references if r.kind == "sc_resolution"]
    assert [r.symbol for r in refs] == ["S/RES/2178 (2014)", "S/RES/2396 (2017)"]
    for r in refs:
        assert p.text[r.start:r.end] == r.surface


def test_footnote_references_say_which_footnote(annotated: Resolution) -> None:
    refs = annotated.paragraph("operative:19").annotations.references
    via = {r.symbol: r.via_footnote for r in refs if r.kind != "instrument"}
    assert via == {"A/RES/217 A (III)": 7, "A/RES/2200 A (XXI)": 8}
    assert {r.symbol for r in refs if r.kind == "instrument"} >= {"instrument:udhr", "instrument:iccpr"}


def test_addressed_actors(annotated: Resolution) -> None:
    actors = annotated.paragraph("operative:72").annotations.actors
    addressed = [m.actor for m in actors if m.addressed]
    assert addressed == ["compact_entities", "unoct"]

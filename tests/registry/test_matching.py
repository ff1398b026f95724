"""Matching requests and offers of assistance, each match with its reasons."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gcts.registry.matching import Help, Need, match_all, propose

themes = st.frozensets(st.sampled_from(["ftf", "financing", "border_travel", "pve", "victims"]), max_size=4)
paras = st.frozensets(st.sampled_from(["A/RES/72/284 operative:66", "A/RES/72/284 operative:41"]), max_size=2)


def test_state_theme_and_paragraph_make_the_reasons() -> None:
    need = Need(1, "MLI", frozenset({"border_travel", "ftf"}), frozenset({"A/RES/72/284 operative:66"}), "II")
    offer = Help(
        7,
        frozenset({"MLI", "NER"}),
        frozenset({"border_travel"}),
        frozenset({"A/RES/72/284 operative:66"}),
        "II",
    )
    p = propose(need, offer)
    assert p is not None
    assert [r.rule for r in p.reasons] == ["state_named", "themes", "paragraphs", "pillar"]
    assert p.reasons[1].values == ("border_travel",)
    assert p.score == pytest.approx(0.3 + 0.2 + 0.2 + 0.1)


def test_an_offer_for_other_states_or_themes_does_not_match() -> None:
    need = Need(1, "MLI", frozenset({"ftf"}))
    assert propose(need, Help(2, frozenset({"NER"}), frozenset({"ftf"}))) is None
    assert propose(need, Help(3, frozenset(), frozenset({"victims"}))) is None
    assert propose(need, Help(4, frozenset(), frozenset({"ftf"}))) is not None


@given(
    st.lists(st.tuples(st.sampled_from(["MLI", "IRQ"]), themes, paras), max_size=6),
    st.lists(st.tuples(st.frozensets(st.sampled_from(["MLI", "IRQ"])), themes, paras), max_size=6),
)
def test_every_match_shares_something_and_states_fit(needs_raw: list, offers_raw: list) -> None:
    needs = [Need(i, s, t, p) for i, (s, t, p) in enumerate(needs_raw)]
    offers = [Help(i, s, t, p) for i, (s, t, p) in enumerate(offers_raw)]
    by_id_n = {n.id: n for n in needs}
    by_id_o = {o.id: o for o in offers}
    result = match_all(needs, offers, minimum=0)
    for m in result:
        n, o = by_id_n[m.need], by_id_o[m.help]
        assert (n.themes & o.themes) or (n.paragraphs & o.paragraphs)
        assert not o.states or n.state in o.states
        assert abs(m.score - sum(r.weight for r in m.reasons)) < 1e-9
    assert [m.score for m in result] == sorted((m.score for m in result), reverse=True)

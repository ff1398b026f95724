"""Name-pair scoring: explained, script-independent, and folding what should not count."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gcts.screening.name_model import name_model
from gcts.screening.names import compare_names
from gcts.screening.normalise import ORGANISATION

THRESHOLD = name_model().threshold
words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10)


@settings(max_examples=100, deadline=None)
@given(st.lists(words, min_size=1, max_size=4))
def test_a_name_matches_itself(parts: list[str]) -> None:
    name = " ".join(parts)
    result = compare_names(name, name.upper())
    assert result.score >= THRESHOLD
    assert all(p.how == "exact" for p in result.pairs)


@settings(max_examples=100, deadline=None)
@given(st.lists(words, min_size=2, max_size=3, unique=True))
def test_order_of_parts_matters_little(parts: list[str]) -> None:
    straight = compare_names(" ".join(parts), " ".join(parts))
    turned = compare_names(" ".join(parts), " ".join(reversed(parts)))
    assert turned.score >= THRESHOLD and turned.score <= straight.score


def test_every_score_is_explained() -> None:
    result = compare_names("Mr. Recep Tayyip Erdoğan", "ERDOGAN, Recep Tayyip")
    e = result.explain()
    assert e["names"] == ["Mr. Recep Tayyip Erdoğan", "ERDOGAN, Recep Tayyip"]
    assert "erdogan~erdogan exact 1.00" in e["aligned"] and "mr" in e["dropped"]
    assert e["raised_by"] and set(result.contributions) == set(result.features)
    assert "raised by" in result.explain_text()


def test_cross_script_names_match() -> None:
    for a, b in [
        ("Владимир Путин", "Vladimir Putin"),
        ("Κυριάκος Μητσοτάκης", "Kyriakos Mitsotakis"),
        ("محمد بن سلمان", "Mohammed bin Salman"),
        ("习近平", "Xi Jinping"),
    ]:
        assert compare_names(a, b).score >= THRESHOLD, (a, b)


def test_initials_and_typos_raise_different_people_do_not() -> None:
    assert compare_names("A. Khamenei", "Ali Khamenei").score >= THRESHOLD
    assert compare_names("Emanuel Macron", "Emmanuel Macron").score >= THRESHOLD
    assert compare_names("Paul Murphy", "Pol Pot").score < THRESHOLD
    assert compare_names("Sergey Ivanov", "Sergey Viktorovich LAVROV").score < THRESHOLD


def test_legal_forms() -> None:
    same = compare_names("OOO Oboronnye Initsiativy", "Oboronnye Initsiativy LLC", ORGANISATION)
    assert same.score >= THRESHOLD
    other = compare_names("Deutsche Bank AG", "Deutsche Bank GmbH", ORGANISATION)
    assert other.features["legal_form_conflict"] == 1.0 and other.score < same.score

"""Training is reproducible, cross-validated honestly, and the model file is small and exact."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from gcts.annotate.labelling.examples import Example
from gcts.annotate.labelling.modelfile import LabelModel
from gcts.annotate.labelling.training import deduplicate, fold_of, train
from gcts.errors import FormatError


@pytest.mark.slow
def test_same_examples_and_seed_give_the_same_file(small_set: list[Example], small_model: LabelModel) -> None:
    again, _ = train(small_set, seed=0)
    assert again.to_bytes() == small_model.to_bytes()
    # another seed deals the paragraphs into other folds
    assert [fold_of(e["group"], 1) for e in small_model.examples] != [e["fold"] for e in small_model.examples]


def test_folds_keep_a_paragraphs_languages_together(small_model: LabelModel) -> None:
    by_group: dict[str, set[int]] = {}
    for e in small_model.examples:
        by_group.setdefault(e["group"], set()).add(e["fold"])
    assert any(len([x for x in small_model.examples if x["group"] == g]) > 1 for g in by_group)
    assert all(len(folds) == 1 for folds in by_group.values())
    assert fold_of("A/RES/72/284 operative:1", 0) == fold_of("A/RES/72/284 operative:1", 0)


def test_figures_are_out_of_fold_and_beside_the_rules(small_model: LabelModel) -> None:
    fig = small_model.meta["figures"]
    for key in ("pillars", "themes", "rules_pillars", "rules_themes"):
        assert 0.0 < fig[key]["f1"] <= 1.0
    assert 0.5 < fig["primary_in_gold"] <= 1.0
    assert sum(fig["sources"].values()) == fig["examples"] == len(small_model.examples)


def test_the_file_round_trips(small_model: LabelModel, tmp_path: Path) -> None:
    path = tmp_path / "m.gctsmodel"
    small_model.save(path)
    back = LabelModel.load(path)
    assert back.to_bytes() == small_model.to_bytes()
    head, old = back.heads["pillars"], small_model.heads["pillars"]
    assert np.array_equal(head.coef, old.coef) and head.settings == old.settings
    path.write_bytes(b"PK not a model")
    with pytest.raises(FormatError, match=r"m\.gctsmodel"):
        LabelModel.load(path)


def test_a_later_example_replaces_an_earlier_one(small_set: list[Example]) -> None:
    first = small_set[0]
    corrected = Example(text=first.text, language=first.language, part=first.part, pillars=("IV",),
                        themes=(), document="A/72/L.62", pid=first.pid, source="editors' corrections",
                        group=first.group, concerns=("pillars",))
    kept = deduplicate([*small_set, corrected])
    assert len(kept) == len(small_set) and kept[-1] is corrected


def test_nothing_to_learn_is_an_error() -> None:
    e = Example(text="Decides", language="en", part="operative", pillars=(), themes=(), document="X",
                pid="operative:1", source="test", group="g")
    with pytest.raises(ValueError, match="no example has a pillar"):
        train([e])

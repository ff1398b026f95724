"""Labelling with the model: a primary pillar first, evidence from rules and neighbours, held-out mode."""

from __future__ import annotations

from typing import Any

from gcts.annotate import annotate
from gcts.annotate.evaluate import compare, prediction, resolution_from_gold
from gcts.annotate.labelling.apply import label_paragraphs, load_model, shipped_model_path
from gcts.annotate.labelling.modelfile import LabelModel
from gcts.model import Paragraph


def test_one_label_set_with_a_primary_pillar_and_both_evidences(small_model: LabelModel) -> None:
    text = ("Calls upon Member States to strengthen border security and to prevent the movement of foreign "
            "terrorist fighters, including through the exchange of advance passenger information;")
    p = Paragraph(part="operative", index=1, number=1, text=text)
    found = label_paragraphs([p], "en", pillars=True, model=small_model)[0]
    assert found.pillars[0].value == "II"
    first = found.pillars[0]
    methods = [e.method for e in first.evidence]
    assert methods[-1] == "model" and first.evidence[-1].rule == "model.pillars:primary"
    assert "rule" in methods  # the cue rules also gave pillar II
    near = first.evidence[-1].terms[1:]
    assert len(near) == 3 and all("operative:" in t or "preamble:" in t for t in near)
    assert all(0.0 <= lab.confidence <= 1.0 for lab in found.pillars)
    assert [lab.confidence for lab in found.pillars[1:]] == sorted(
        (lab.confidence for lab in found.pillars[1:]), reverse=True)


def test_preambular_paragraphs_get_themes_but_no_pillars(small_model: LabelModel) -> None:
    p = Paragraph(part="preamble", index=1, text="Recalling the United Nations Global Counter-Terrorism "
                  "Strategy and the need to counter the financing of terrorism,")
    found = label_paragraphs([p], "en", pillars=True, model=small_model)[0]
    assert found.pillars == [] and "financing" in {t.value for t in found.themes}


def test_held_out_labels_training_text_with_the_fold_model(small_model: LabelModel,
                                                           gold: dict[str, Any]) -> None:
    res = resolution_from_gold(gold)
    texts = [p.text for p in res.paragraphs]
    held = small_model.model_index(texts, held_out=True)
    assert (held > 0).any() and (small_model.model_index(texts, held_out=False) == 0).all()
    near = small_model.nearest(load_embeddings(texts), texts, 3, held_out=True)
    ex = small_model.meta["examples"]
    for i, row in enumerate(near):
        if held[i]:
            assert all(ex[j]["fold"] != held[i] - 1 for j, _ in row)


def load_embeddings(texts: list[str]) -> Any:
    from gcts.annotate.labelling.features import embeddings

    return embeddings(texts)


def test_shipped_model_on_the_reference_gold_held_out(gold: dict[str, Any]) -> None:
    """The shipped model's held-out figures on the reference (it is training data, so fold models decide)."""
    model = load_model(shipped_model_path())
    res = annotate(resolution_from_gold(gold), labels="model", held_out=True, model=model)
    report = compare(gold, prediction(res))
    assert report.kinds["pillars"].f1 >= 0.8 and report.kinds["themes"].f1 >= 0.85
    firsts = [p.annotations.pillars[0] for p in res.operative]
    assert all(lab.evidence[-1].rule == "model.pillars:primary" for lab in firsts)

"""Label a document's paragraphs with the trained model beside the rules.

The model in use is ``<GCTS_HOME>/labels/model.gctsmodel`` when an editor has trained and adopted one
(``gcts labels train`` then ``gcts labels use``), otherwise the model shipped in ``gcts/data/labels/``. It is
read once per process (again when the file changes).

Each label carries the evidence of both deciders: the rule and its cue terms when the rules gave the label,
and the model's probability with the nearest labelled paragraphs (document, paragraph, cosine, their labels).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from gcts.annotate import classify
from gcts.annotate.labelling import decide, features
from gcts.annotate.labelling.modelfile import LabelModel
from gcts.home import gcts_home
from gcts.languages import UnknownLanguage
from gcts.model import Evidence, Label, Paragraph

MODEL_FILE = "model.gctsmodel"
NEIGHBOURS = 3

_lock = threading.Lock()
_loaded: dict[tuple[str, float], LabelModel] = {}


def shipped_model_path() -> Path:
    """The model trained from the shipped label files (``gcts/data/labels/model.gctsmodel``)."""
    return Path(str(resources.files("gcts") / "data" / "labels" / MODEL_FILE))


def home_model_path() -> Path:
    """Where an adopted retrained model lives: ``<GCTS_HOME>/labels/model.gctsmodel``."""
    return gcts_home() / "labels" / MODEL_FILE


def active_model_path() -> Path:
    """The model annotation uses: the adopted one in the home folder, else the shipped one."""
    home = home_model_path()
    return home if home.is_file() else shipped_model_path()


def load_model(path: Path | None = None) -> LabelModel:
    """The model at ``path`` (default: the active one), read once per process and file version."""
    path = path or active_model_path()
    key = (str(path), path.stat().st_mtime)
    with _lock:
        if key not in _loaded:
            _loaded.clear()
            _loaded[key] = LabelModel.load(path)
        return _loaded[key]


@dataclass(frozen=True, slots=True)
class ParagraphLabels:
    """The pillars (primary first) and themes of one paragraph."""

    pillars: list[Label]
    themes: list[Label]


def _rule_labels(text: str, lang: str, concern: str, force_one: bool, found: features.Scores
                 ) -> dict[str, Label]:
    try:
        labels = classify.labels(text, lang, concern, force_one=force_one, found=found)
    except UnknownLanguage:
        return {}
    return {lab.value: lab for lab in labels}


def _neighbour_terms(model: LabelModel, found: list[tuple[int, float]], concern: str) -> list[str]:
    ex = model.meta["examples"]
    out = []
    for j, cos in found:
        labels = ", ".join(ex[j][concern]) or "none"
        out.append(f"{ex[j]['key']} ({cos:.2f}: {labels})")
    return out


def _label(value: str, prob: float, rule: Label | None, concern: str, role: str, near: list[str]) -> Label:
    evidence = list(rule.evidence) if rule else []
    evidence.append(Evidence(method="model", rule=f"model.{concern}:{role}", terms=[f"p={prob:.2f}", *near]))
    return Label(value=value, confidence=round(prob, 3), evidence=evidence)


def label_paragraphs(paragraphs: list[Paragraph], lang: str, *, pillars: bool, held_out: bool = False,
                     model: LabelModel | None = None) -> list[ParagraphLabels]:
    """Pillars (operative paragraphs, when ``pillars``) and themes of every paragraph, in one batch.

    ``held_out``: a paragraph the model was trained on is labelled by the fold model that never saw it, and
    its own fold gives no neighbours (honest scores on training data, e.g. the reference gold).
    """
    model = model or load_model()
    texts = [p.text for p in paragraphs]
    if not texts:
        return []
    settings = features.FeatureSettings(**model.meta["features"])
    emb = features.embeddings(texts)
    found = [(features.rule_scores(t, lang, "pillars"), features.rule_scores(t, lang, "themes"))
             for t in texts]
    x = features.vectors(texts, [lang] * len(texts), settings, embedded=emb, found=found)
    which = model.model_index(texts, held_out)
    p_head, t_head = model.heads["pillars"], model.heads["themes"]
    from threadpoolctl import threadpool_limits

    # small products: a multi-threaded BLAS would mostly wait for its threads on a busy machine
    with threadpool_limits(limits=1, user_api="blas"):
        p_probs = p_head.probabilities(x, which)
        t_probs = t_head.probabilities(x, which)
        near = model.nearest(emb, texts, NEIGHBOURS, held_out)
    out = []
    for i, p in enumerate(paragraphs):
        rule_t = _rule_labels(p.text, lang, "themes", False, found[i][1])
        t_near = _neighbour_terms(model, near[i], "themes")
        themes = [_label(v, prob, rule_t.get(v), "themes", "label", t_near)
                  for v, prob in decide.theme_choice(t_head.labels, t_probs[i], rule_t, t_head.settings)]
        chosen: list[Label] = []
        if pillars and p.part == "operative":
            rule_p = _rule_labels(p.text, lang, "pillars", True, found[i][0])
            at_threshold = {v for v, lab in rule_p.items()
                            if any(e.rule.endswith(":threshold") for e in lab.evidence)}
            p_near = _neighbour_terms(model, near[i], "pillars")
            picks = decide.pillar_choice(p_head.labels, p_probs[i], at_threshold, p_head.settings)
            chosen = [_label(v, prob, rule_p.get(v), "pillars", "primary" if k == 0 else "secondary", p_near)
                      for k, (v, prob) in enumerate(picks)]
        out.append(ParagraphLabels(pillars=chosen, themes=themes))
    return out


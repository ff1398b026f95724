"""Evaluation: compare gcts's annotations with gold files (format of ``shared/gold/README.md``).

For each annotation kind the measure of the gold contract is computed over sets of pairs keyed by paragraph id
(``preamble:3``, ``operative:62``): openings and functions (one per paragraph; English openings match when
they share the first word and one is a prefix of the other, as in the project's scorer), references
((paragraph, symbol); instruments named without a symbol are not references), mandates ((paragraph, actor,
deadline, session, recurrence)), pillars and themes ((paragraph, label)). Precision, recall and F1 are
given per kind and per label (function, pillar, theme, actor).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from gcts.model import Footnote, Heading, Paragraph, Resolution

KINDS: tuple[str, ...] = ("openings", "functions", "references", "mandates", "pillars", "themes")


@dataclass
class Score:
    """Precision, recall and F1 over a set of pairs, with the counts behind them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was predicted and nothing was expected."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: set[Any], pred: set[Any]) -> None:
        """Count one comparison of a gold set with a predicted set."""
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def as_dict(self) -> dict[str, float | int]:
        """The score as plain data (for ``--json``)."""
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Report:
    """The evaluation of one or more documents: per kind and per (kind, label)."""

    documents: list[str] = field(default_factory=list)
    kinds: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    labels: dict[str, dict[str, Score]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Score)))
    misses: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The report as plain data (for ``--json``)."""
        return {"documents": self.documents,
                "kinds": {k: v.as_dict() for k, v in self.kinds.items()},
                "labels": {k: {lab: s.as_dict() for lab, s in sorted(v.items())}
                           for k, v in self.labels.items()},
                "misses": self.misses}


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", s or ""))


def _paragraphs(doc: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    out = {}
    for sec in ("preamble", "operative"):
        for p in doc.get(sec) or []:
            n = p.get("index") if sec == "preamble" else p.get("number", p.get("index"))
            out[f"{sec}:{n}"] = p
    return out


def _opening_match(gold: str, pred: str | None) -> bool:
    a, b = _norm(gold).lower(), _norm(pred).lower()
    if not gold.isascii():
        return a == b
    first = (gold.split() or [""])[0].lower() == ((pred or "").split() or [""])[0].lower()
    return first and bool(b) and (a.startswith(b) or b.startswith(a))


def _symbols(values: Iterable[Any]) -> set[str]:
    out = set()
    for v in values or []:
        s = v if isinstance(v, str) else v.get("symbol", "")
        if s and not s.startswith("instrument:"):
            out.add(s)
    return out


def _mandates(values: Iterable[Mapping[str, Any]]) -> set[tuple[Any, ...]]:
    return {(m.get("actor"), m.get("deadline"), m.get("session"), m.get("recurrence")) for m in values or []}


def _labels(values: Iterable[Any]) -> set[str]:
    return {v if isinstance(v, str) else v.get("value", "") for v in values or []}


def compare(gold: Mapping[str, Any], pred: Mapping[str, Any], report: Report | None = None) -> Report:
    """Add the comparison of one predicted document with its gold to ``report`` (a new one by default)."""
    report = report or Report()
    report.documents.append(str(gold.get("source", "?")))
    g_par, p_par = _paragraphs(gold), _paragraphs(pred)
    for pid, g in g_par.items():
        p = p_par.get(pid, {})
        operative = pid.startswith("operative:")
        if g.get("opening") is not None:
            ok = _opening_match(g["opening"], p.get("opening"))
            wrong = {(pid, "x")} if p.get("opening") else set()
            report.kinds["openings"].add({pid}, {pid} if ok else wrong)
            if not ok:
                report.misses.append(f"{pid} opening: gold {g['opening']!r} got {p.get('opening')!r}")
        if g.get("function") is not None:
            gf, pf = g["function"], p.get("function")
            report.kinds["functions"].add({(pid, gf)}, {(pid, pf)} if pf else set())
            report.labels["functions"][gf].add({pid}, {pid} if pf == gf else set())
            if pf and pf != gf:
                report.labels["functions"][pf].add(set(), {pid})
                report.misses.append(f"{pid} function: gold {gf} got {pf}")
        if "references" in g:
            gs, ps = _symbols(g["references"]), _symbols(p.get("references") or [])
            report.kinds["references"].add({(pid, s) for s in gs}, {(pid, s) for s in ps})
            for s in gs ^ ps:
                report.misses.append(f"{pid} reference {s}: {'missed' if s in gs else 'extra'}")
        if operative and "mandates" in g:
            gm, pm = _mandates(g["mandates"]), _mandates(p.get("mandates") or [])
            report.kinds["mandates"].add({(pid, *m) for m in gm}, {(pid, *m) for m in pm})
            for m in gm | pm:
                gold_ids, pred_ids = ({pid} if m in gm else set()), ({pid} if m in pm else set())
                report.labels["mandates"][str(m[0])].add(gold_ids, pred_ids)
            for m in gm ^ pm:
                report.misses.append(f"{pid} mandate {m}: {'missed' if m in gm else 'extra'}")
        for kind in ("pillars", "themes"):
            if kind not in g or (kind == "pillars" and not operative):
                continue
            gl, pl = _labels(g[kind]), _labels(p.get(kind) or [])
            report.kinds[kind].add({(pid, x) for x in gl}, {(pid, x) for x in pl})
            for lab in gl | pl:
                report.labels[kind][lab].add({pid} if lab in gl else set(), {pid} if lab in pl else set())
    return report


def prediction(res: Resolution) -> dict[str, Any]:
    """The annotations of ``res`` in the gold contract's fields (what evaluation reads of the JSON output)."""
    def para(p: Paragraph) -> dict[str, Any]:
        a = p.annotations
        out: dict[str, Any] = {
            "opening": a.opening, "function": a.function,
            "themes": [lab.value for lab in a.themes],
            "references": sorted({r.symbol for r in a.references if r.kind != "instrument"}),
        }
        if p.part == "operative":
            out["number"] = p.number
            out["pillars"] = [lab.value for lab in a.pillars]
            out["mandates"] = [{"actor": m.actor, "deadline": m.deadline, "session": m.session,
                                "recurrence": m.recurrence} for m in a.mandates]
        else:
            out["index"] = p.index
        return out
    return {"source": res.source, "language": res.language,
            "preamble": [para(p) for p in res.preamble], "operative": [para(p) for p in res.operative]}


def resolution_from_gold(gold: Mapping[str, Any]) -> Resolution:
    """A Resolution holding the gold's texts and footnotes (no annotations): a fixture for annotation."""
    res = Resolution(language=str(gold.get("language", "")), source=gold.get("source"))
    h = gold.get("heading") or {}
    res.heading = Heading(symbol=h.get("symbol"), body=h.get("body"), title=h.get("title"),
                          session=h.get("session"))
    for p in gold.get("preamble") or []:
        res.preamble.append(Paragraph(part="preamble", index=int(p["index"]), text=str(p.get("text", "")),
                                      footnotes=list(p.get("footnotes") or [])))
    for i, p in enumerate(gold.get("operative") or [], start=1):
        res.operative.append(Paragraph(part="operative", index=i, number=p.get("number"),
                                       text=str(p.get("text", "")), footnotes=list(p.get("footnotes") or [])))
    res.footnotes = [Footnote(number=int(f["number"]), text=str(f.get("text", "")),
                              cited_in=f.get("cited_in")) for f in gold.get("footnotes") or []]
    return res


def load_json(path: str) -> dict[str, Any]:
    """Read a gold or prediction JSON file (ValueError when it is not a JSON object)."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    return data


_TEXT_FIELDS = ("opening", "function", "text")
_LIST_FIELDS = ("pillars", "themes", "references", "mandates", "footnotes")


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float)


def shape_problem(doc: Mapping[str, Any]) -> tuple[str, str] | None:
    """The first field of a gold or prediction document that :func:`compare` cannot read, as (field, what
    is wrong); None when the shape is right. Values are not judged, only types, so a wrong label scores as
    wrong instead of stopping the evaluation."""
    for key, kind in (("source", str), ("language", str), ("heading", dict)):
        if doc.get(key) is not None and not isinstance(doc[key], kind):
            return key, f"expected {'an object' if kind is dict else 'a string'}"
    for sec in ("preamble", "operative"):
        paras = doc.get(sec)
        if paras is None:
            continue
        if not isinstance(paras, list):
            return sec, "expected a list of paragraphs"
        for k, p in enumerate(paras):
            where = f"{sec}[{k}]"
            if not isinstance(p, dict):
                return where, "expected an object"
            for key in ("number", "index"):
                if p.get(key) is not None and (not isinstance(p[key], int) or isinstance(p[key], bool)):
                    return f"{where}.{key}", "expected a whole number"
            for key in _TEXT_FIELDS:
                if p.get(key) is not None and not isinstance(p[key], str):
                    return f"{where}.{key}", "expected a string"
            for key in _LIST_FIELDS:
                if p.get(key) is not None and not isinstance(p[key], list):
                    return f"{where}.{key}", "expected a list"
            for key, inner in (("pillars", "value"), ("themes", "value"), ("references", "symbol")):
                for i, v in enumerate(p.get(key) or []):
                    if not isinstance(v, str | dict) or (isinstance(v, dict) and not _scalar(v.get(inner))):
                        return f"{where}.{key}[{i}]", f"expected a string or an object with a {inner} string"
            for i, m in enumerate(p.get("mandates") or []):
                if not isinstance(m, dict):
                    return f"{where}.mandates[{i}]", "expected an object"
                for key in ("actor", "deadline", "session", "recurrence"):
                    if not _scalar(m.get(key)):
                        return f"{where}.mandates[{i}].{key}", "expected a string, a number or null"
    return None

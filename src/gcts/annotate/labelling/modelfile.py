"""The trained labeller as one small file, read and applied with numpy alone.

Training needs scikit-learn (:mod:`gcts.annotate.labelling.training`); applying the model does not: the file
holds the coefficients of linear models, so annotation only multiplies matrices and never imports the
training library (which alone takes longer to import than the model may take to load).

The file is a zip archive written byte for byte the same for the same model: fixed entry order, fixed
timestamps, ``meta.json`` with sorted keys, arrays as ``.npy``. It holds, per concern (``pillars``,
``themes``), the full model and one model per cross-validation fold (trained without that fold). The fold
models give honest predictions for the training paragraphs themselves (``held_out=True``): a paragraph the
model learned from is labelled by the fold model that never saw it, so scoring the reference gold, which is
also training data, gives cross-validated figures instead of the training fit.

It also holds the training paragraphs' embeddings and keys, so the evidence of a label can name the nearest
labelled paragraphs.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from gcts.errors import FormatError

FORMAT = "gcts-labeller/1"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def text_hash(text: str) -> str:
    """The key of a paragraph text in the model (whitespace-insensitive SHA-256, 16 hex digits)."""
    return hashlib.sha256("".join(text.split()).encode("utf-8")).hexdigest()[:16]


@dataclass
class Head:
    """One concern's linear models: index 0 is the full model, index k (1..K) the one trained without fold k.

    ``kind`` is ``softmax`` (one label per paragraph, the primary: pillars) or ``sigmoid`` (independent
    labels: themes). ``coef`` is (K+1, labels, features), ``bias`` (K+1, labels). ``settings`` holds the
    decision thresholds chosen by cross-validation.
    """

    labels: tuple[str, ...]
    kind: str
    coef: np.ndarray
    bias: np.ndarray
    settings: dict[str, float] = field(default_factory=dict)

    def probabilities(self, x: np.ndarray, model: np.ndarray) -> np.ndarray:
        """Label probabilities of the rows of ``x``, row i by the model numbered ``model[i]``."""
        scores = np.einsum("nd,nld->nl", x, self.coef[model]) + self.bias[model]
        if self.kind == "softmax":
            scores = scores - scores.max(axis=1, keepdims=True)
            e = np.exp(scores)
            return np.asarray(e / e.sum(axis=1, keepdims=True))
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(scores, -50.0, 50.0))))


@dataclass
class LabelModel:
    """The labeller: heads per concern, training paragraphs for neighbours, and its metadata.

    ``meta`` records how it was made (seed, feature settings, sources, the cross-validated figures) and one
    entry per training paragraph (``key``, ``source``, ``fold``, ``hash``, ``group``, labels).
    """

    meta: dict[str, Any]
    heads: dict[str, Head]
    neighbours: np.ndarray
    _by_hash: dict[str, int] = field(default_factory=dict, repr=False)
    _groups: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64), repr=False)
    _folds: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64), repr=False)

    def __post_init__(self) -> None:
        ex = self.meta.get("examples", [])
        self._by_hash = {e["hash"]: i for i, e in enumerate(ex)}
        ids: dict[str, int] = {}
        self._groups = np.array([ids.setdefault(e["group"], len(ids)) for e in ex], dtype=np.int64)
        self._folds = np.array([e["fold"] for e in ex], dtype=np.int64)
        self.neighbours = self.neighbours.astype(np.float32)

    @property
    def examples(self) -> list[dict[str, Any]]:
        """The training paragraphs' records (no text: keys, sources, folds, labels)."""
        return list(self.meta.get("examples", []))

    def model_index(self, texts: list[str], held_out: bool) -> np.ndarray:
        """Which model labels each text: 0 (full), or with ``held_out`` the fold model that never saw it."""
        out = np.zeros(len(texts), dtype=np.int64)
        if held_out:
            for i, t in enumerate(texts):
                j = self._by_hash.get(text_hash(t))
                if j is not None:
                    out[i] = int(self.meta["examples"][j]["fold"]) + 1
        return out

    def nearest(self, embedded: np.ndarray, texts: list[str], k: int, held_out: bool
                ) -> list[list[tuple[int, float]]]:
        """The ``k`` nearest training paragraphs of each row (index, cosine); a text's own group, and with
        ``held_out`` its whole fold, never counts."""
        if not len(self.neighbours) or not len(embedded):
            return [[] for _ in texts]
        cos = embedded.astype(np.float32) @ self.neighbours.T
        out = []
        for i, t in enumerate(texts):
            row = cos[i]
            j = self._by_hash.get(text_hash(t))
            if j is not None:
                row[self._groups == self._groups[j]] = -2.0
                if held_out:
                    row[self._folds == self._folds[j]] = -2.0
            best = np.argsort(-row, kind="stable")[:k]
            out.append([(int(b), float(row[b])) for b in best if row[b] > -2.0])
        return out

    # --- file ------------------------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """The model file's bytes (the same bytes for the same model)."""
        arrays: dict[str, np.ndarray] = {"neighbours": self.neighbours.astype(np.float16)}
        heads = {}
        for name, head in self.heads.items():
            arrays[f"{name}.coef"] = head.coef.astype(np.float32)
            arrays[f"{name}.bias"] = head.bias.astype(np.float32)
            heads[name] = {"labels": list(head.labels), "kind": head.kind, "settings": head.settings}
        meta = {**self.meta, "format": FORMAT, "heads": heads}
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
            entries = [("meta.json", json.dumps(meta, sort_keys=True, ensure_ascii=False, indent=1).encode())]
            for name in sorted(arrays):
                b = io.BytesIO()
                np.save(b, arrays[name], allow_pickle=False)
                entries.append((f"{name}.npy", b.getvalue()))
            for name, data in entries:
                info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                z.writestr(info, data)
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes, file: str = "model") -> LabelModel:
        """Read a model file (FormatError naming the file when it is not one)."""
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                meta = json.loads(z.read("meta.json"))
                if meta.get("format") != FORMAT:
                    raise FormatError(f"not a {FORMAT} model file", file=file, field="format")

                def array(name: str) -> np.ndarray:
                    return np.load(io.BytesIO(z.read(f"{name}.npy")), allow_pickle=False)

                heads = {name: Head(labels=tuple(h["labels"]), kind=h["kind"], coef=array(f"{name}.coef"),
                                    bias=array(f"{name}.bias"), settings=dict(h["settings"]))
                         for name, h in meta.pop("heads").items()}
                neighbours = array("neighbours")
        except (zipfile.BadZipFile, KeyError, ValueError, json.JSONDecodeError) as exc:
            raise FormatError(f"not a readable model file ({exc})", file=file) from exc
        return cls(meta=meta, heads=heads, neighbours=neighbours)

    def save(self, path: Path) -> None:
        """Write the model to ``path`` atomically."""
        from gcts.home import write_atomically

        write_atomically(path, self.to_bytes())

    @classmethod
    def load(cls, path: Path) -> LabelModel:
        """Read the model at ``path``."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise FormatError(f"cannot be read: {exc.strerror or exc}", file=str(path)) from exc
        return cls.from_bytes(data, str(path))

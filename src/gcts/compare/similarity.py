"""How alike two paragraphs are, with the reason, in one language or across two.

Same language: TF-IDF weighted character n-grams (cosine), computed on text normalised the way the language
data says (``languages/<code>/compare.toml``: Chinese drops white space, alphabetic scripts collapse it). This
needs no word segmentation, so it works for Chinese and for alphabetic scripts alike, and it separates an
edited paragraph (cosine 0.6-1.0) from an unrelated one of the same resolution (usually below 0.3).

Across languages: the cosine of multilingual sentence embeddings (:mod:`gcts.compare.embeddings`), corrected
by what survives translation unchanged: cited document symbols (``60/288``, ``A/71/858``), years, and the
paragraph's place (same part and number).

Both scorers expose the same small interface to :mod:`gcts.compare.align`: a score matrix, a score for any two
texts (used for split and merge checks on concatenations), a "part of" measure, and a reason string per pair.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal, Protocol

import numpy as np
from rapidfuzz import fuzz

from gcts.compare.labels import Note
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


@lru_cache(maxsize=1)
def _blas_controller() -> Any:
    try:
        from threadpoolctl import ThreadpoolController

        return ThreadpoolController()
    except Exception:
        return None


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Run the small matrix products of an alignment on one BLAS thread.

    They take milliseconds; on a busy machine a multi-threaded BLAS spends far longer waiting for its threads
    (measured: 27 ms median on one thread against 250 ms with the default threads, 2 cores under load).
    """
    controller = _blas_controller()
    if controller is None:
        yield
        return
    with controller.limit(limits=1, user_api="blas"):
        yield


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


@lru_cache(maxsize=16384)
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


def _stable_key(gram: str) -> int:
    """A 64-bit key of ``gram`` that is the same in every process (CRC-32 and Adler-32 of its UTF-8 side by
    side: two independent checksums make a collision among a document pair's few thousand grams unlikely)."""
    data = gram.encode("utf-8")
    return ((zlib.crc32(data) << 32) | zlib.adler32(data)) - (1 << 63)


@lru_cache(maxsize=16384)
def gram_vector(norm: str, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray]:
    """The n-grams of a normalised text as sorted 64-bit keys (stable gram hashes) with their counts.

    Cached per text, so a paragraph met again (the same document in another comparison, a lineage walk) costs
    nothing. The keys also fix the order in which the cosine sums its terms, so they must not change between
    runs: Python's ``hash`` of a string is salted per process and made scores differ in the last float digits.
    """
    grams = ngram_counts(norm, lo, hi)
    keys = np.fromiter((_stable_key(g) for g in grams), dtype=np.int64, count=len(grams))
    counts = np.fromiter(grams.values(), dtype=np.float64, count=len(grams))
    order = np.argsort(keys)
    return keys[order], counts[order]


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

    def reason(self, i: int, j: int, score: float) -> list[Note]:
        """Why paragraph ``i`` of A and ``j`` of B got ``score``, as notes (rendered in a reader's
        language)."""
        ...


class NgramScorer:
    """Same-language similarity: TF-IDF character n-gram cosine, IDF taken over both documents."""

    mode: Mode = "same-language"

    def __init__(self, a_texts: Sequence[str], b_texts: Sequence[str], language: str) -> None:
        self.rules = rules_for(language)
        lo, hi = self.rules.ngram_min, self.rules.ngram_max
        self.a_norm = [normalize(t, self.rules) for t in a_texts]
        self.b_norm = [normalize(t, self.rules) for t in b_texts]
        vecs = [gram_vector(t, lo, hi) for t in (*self.a_norm, *self.b_norm)]
        n_docs = len(vecs)
        lengths = np.array([len(k) for k, _ in vecs], dtype=np.int64)
        keys = np.concatenate([k for k, _ in vecs]) if vecs else np.zeros(0, dtype=np.int64)
        counts = np.concatenate([c for _, c in vecs]) if vecs else np.zeros(0)
        rows = np.repeat(np.arange(n_docs), lengths)
        self._keys, inverse = np.unique(keys, return_inverse=True)
        df = np.bincount(inverse, minlength=len(self._keys))  # a gram occurs once per text's vector
        self._idf = np.log((1.0 + n_docs) / (1.0 + df)) + 1.0
        self._default_idf = float(np.log(1.0 + n_docs) + 1.0)
        weights = (1.0 + np.log(counts)) * self._idf[inverse]
        norms = np.sqrt(np.bincount(rows, weights=weights**2, minlength=n_docs))
        # grams found in one text only add to its norm, never to a dot product: keep them out of the matrix
        shared = df[inverse] >= 2
        cols = np.cumsum(df >= 2) - 1
        dense = np.zeros((n_docs, max(1, int((df >= 2).sum()))), dtype=np.float32)
        safe = np.where(norms == 0, 1.0, norms)
        dense[rows[shared], cols[inverse[shared]]] = weights[shared] / safe[rows[shared]]
        self._a = dense[: len(self.a_norm)]
        self._b = dense[len(self.a_norm) :]
        self._matrix: np.ndarray | None = None

    def matrix(self) -> np.ndarray:
        """Cosine of the TF-IDF n-gram vectors, A rows by B columns."""
        if self._matrix is None:
            with one_blas_thread():
                product = self._a @ self._b.T
            self._matrix = np.clip(product, 0.0, 1.0).astype(np.float64)
        return self._matrix

    def _weighted(self, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Gram keys, counts and IDF (the documents' IDF; unseen grams get the highest) of any text."""
        keys, counts = gram_vector(normalize(text, self.rules), self.rules.ngram_min, self.rules.ngram_max)
        pos = np.searchsorted(self._keys, keys)
        pos_ok = np.minimum(pos, max(0, len(self._keys) - 1))
        known = (
            (pos < len(self._keys)) & (self._keys[pos_ok] == keys)
            if len(self._keys)
            else np.zeros(len(keys), dtype=bool)
        )
        idf = np.where(known, self._idf[pos_ok] if len(self._keys) else 0.0, self._default_idf)
        return keys, counts, idf

    def text_score(self, a_text: str, b_text: str) -> float:
        """TF-IDF n-gram cosine of two texts, with the IDF of the documents being compared."""
        ka, ca, ia = self._weighted(a_text)
        kb, cb, ib = self._weighted(b_text)
        wa, wb = (1.0 + np.log(ca)) * ia, (1.0 + np.log(cb)) * ib
        _, xa, xb = np.intersect1d(ka, kb, assume_unique=True, return_indices=True)
        na, nb = float(np.sqrt((wa**2).sum())), float(np.sqrt((wb**2).sum()))
        return 0.0 if na == 0 or nb == 0 else min(1.0, float((wa[xa] * wb[xb]).sum()) / (na * nb))

    def part_of(self, part: str, whole: str) -> float:
        """IDF-weighted share of the n-grams of ``part`` that also occur in ``whole``."""
        kp, cp, ip = self._weighted(part)
        kw, cw, _ = self._weighted(whole)
        _, xp, xw = np.intersect1d(kp, kw, assume_unique=True, return_indices=True)
        total = float((ip * cp).sum())
        found = float((ip[xp] * np.minimum(cp[xp], cw[xw])).sum())
        return 0.0 if total == 0 else found / total

    def edit_similarity(self, i: int, j: int) -> float:
        """Indel similarity (0..1) of the normalised texts: how much of the wording survived."""
        return fuzz.ratio(self.a_norm[i], self.b_norm[j]) / 100.0

    def reason(self, i: int, j: int, score: float) -> list[Note]:
        """E.g. ``same text`` or ``char 2-3-gram cosine 0.82, edit similarity 0.79`` (in English)."""
        if self.a_norm[i] == self.b_norm[j]:
            return [Note.of("reason-same-text")]
        lo, hi = self.rules.ngram_min, self.rules.ngram_max
        edit = f"{self.edit_similarity(i, j):.2f}"
        return [Note.of("reason-ngram", lo=lo, hi=hi, score=f"{score:.2f}", edit=edit)]


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
        with one_blas_thread():
            product = self._ea @ self._eb.T
        self._cos = (
            np.clip(product, 0.0, 1.0).astype(np.float64)
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

    def _agreement_matrix(self, kind: str) -> np.ndarray:
        """:meth:`_agreement` for every pair at once (sets as 0/1 matrices, overlaps by matrix product)."""
        sa = [getattr(m, kind) for m in self._ma]
        sb = [getattr(m, kind) for m in self._mb]
        vocab = {x: k for k, x in enumerate(sorted(set().union(*sa, *sb)))}
        if not vocab:
            return np.zeros((len(sa), len(sb)))
        xa = np.zeros((len(sa), len(vocab)))
        xb = np.zeros((len(sb), len(vocab)))
        for r, items in enumerate(sa):
            xa[r, [vocab[x] for x in items]] = 1.0
        for r, items in enumerate(sb):
            xb[r, [vocab[x] for x in items]] = 1.0
        with one_blas_thread():
            inter = xa @ xb.T
        na, nb = xa.sum(1)[:, None], xb.sum(1)[None, :]
        union = na + nb - inter
        jaccard = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
        out = np.where(inter > 0, 2.0 * jaccard - 1.0, -1.0)
        out = np.where((na == 0) | (nb == 0), -0.5, out)
        return np.where((na == 0) & (nb == 0), 0.0, out)

    def matrix(self) -> np.ndarray:
        """Embedding cosine plus marker and position corrections, clipped to 0..1."""
        if self._matrix is None:
            same_place = np.equal.outer(
                np.array(self.a_places, dtype=object), np.array(self.b_places, dtype=object)
            )
            m = (
                self._cos
                + self.SYMBOL_WEIGHT * self._agreement_matrix("symbols")
                + self.YEAR_WEIGHT * self._agreement_matrix("years")
                + self.POSITION_WEIGHT * same_place
            )
            self._matrix = np.clip(m.astype(np.float64), 0.0, 1.0)
        return self._matrix

    def text_score(self, a_text: str, b_text: str) -> float:
        """Embedding cosine of two texts (each encoded once and cached)."""
        va, vb = self._cache.vectors([a_text, b_text])
        return float(np.clip(va @ vb, 0.0, 1.0))

    def part_of(self, part: str, whole: str) -> float:
        """Embedding cosine: across languages, containment cannot be measured more finely."""
        return self.text_score(part, whole)

    def reason(self, i: int, j: int, score: float) -> list[Note]:
        """E.g. ``embedding cosine 0.78; shared symbols 60/288, 68/276; same place (preamble:1)`` (in
        English)."""
        parts = [Note.of("reason-embedding", cosine=f"{self._cos[i, j]:.2f}")]
        shared = sorted(self._ma[i].symbols & self._mb[j].symbols)
        if shared:
            parts.append(Note.of("reason-shared-symbols", symbols=", ".join(shared)))
        elif self._ma[i].symbols and self._mb[j].symbols:
            parts.append(Note.of("reason-symbols-differ"))
        years = sorted(self._ma[i].years & self._mb[j].years)
        if years:
            parts.append(Note.of("reason-shared-years", years=", ".join(years)))
        if self.a_places[i] == self.b_places[j]:
            parts.append(Note.of("reason-same-place", place=self.a_places[i]))
        return parts

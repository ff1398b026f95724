"""Pair the paragraphs of two documents: versions in one language, or one text in two languages.

The steps, each on the score matrix of :mod:`gcts.compare.similarity` (A rows, B columns, 0..1):

1. **Order.** A monotone dynamic programme (like a sequence alignment) picks the in-order pairs with the
   largest total of ``score - accept``; pairs scoring below ``accept`` are never taken. Preamble and operative
   part form one sequence, so a paragraph may also cross from one part to the other.
2. **Rescue.** A paragraph left over whose best counterpart was taken by a much weaker in-order pair gets it
   back (a moved paragraph that the order pass had paired with an unrelated neighbour).
3. **Split and merge.** A paragraph of A whose text is covered by a run of consecutive paragraphs of B (each
   mostly contained in it, and the run joined together more like it than any single piece) was split; the
   mirror case is a merge. Each part gives one pair.
4. **Moves.** What is still unpaired on both sides is paired by best score, strongest first, if the score
   clears the (stricter) ``move`` threshold: these pairs break the order and are reported as ``moved``.

Every pair carries a score and a reason; pairs under the ``high`` threshold are marked low-confidence, and
near misses that were *not* paired are listed as ``uncertain`` rather than forced. Documents with too few
confident pairs are flagged unrelated.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, TypeVar

import numpy as np

from gcts.compare.labels import Note, labels
from gcts.compare.similarity import EmbeddingScorer, Mode, NgramScorer, Scorer
from gcts.errors import StructureError
from gcts.model import Paragraph, Resolution

Relation = Literal["identical", "changed", "moved", "split", "merged"]
Confidence = Literal["high", "low"]


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Score limits of one comparison mode (see the module docstring for where each one acts)."""

    accept: float
    high: float
    move: float
    part: float
    uncertain: float
    join_gain: float = 0.03
    whole: float = 0.9
    whole_gain: float = 0.005
    rescue_margin: float = 0.15
    related_share: float = 0.25
    accept_ceiling: float = 0.45
    margin: float = 0.10

    def adapted(self, scores: np.ndarray) -> Thresholds:
        """Raise the limits above the background of these two documents.

        Most cells of the matrix are unrelated paragraph pairs, so its 95th and 99th percentiles measure how
        alike two unrelated paragraphs of these documents are (English legal prose shares far more n-grams
        than Chinese does). ``accept`` and ``move`` are kept ``margin`` above that background.
        """
        if scores.size < 4:
            return self
        bg95, bg99 = (float(x) for x in np.percentile(scores, [95, 99]))
        accept = min(self.accept_ceiling, max(self.accept, bg95 + self.margin))
        lift = accept - self.accept
        return replace(
            self,
            accept=accept,
            high=self.high + lift,
            uncertain=self.uncertain + lift,
            move=max(self.move, min(bg99 + self.margin, self.accept_ceiling + 0.1)),
        )


THRESHOLDS: dict[Mode, Thresholds] = {
    # Same language, TF-IDF char n-grams: unrelated Chinese paragraphs of one resolution score < 0.15 (95 %),
    # English ones < 0.35; edited paragraphs 0.5-1.
    "same-language": Thresholds(accept=0.25, high=0.40, move=0.45, part=0.75, uncertain=0.15),
    # Across languages, embedding cosine: true pairs ~0.75, the best wrong one ~0.45.
    "cross-language": Thresholds(
        accept=0.40, high=0.55, move=0.58, part=0.50, uncertain=0.30, accept_ceiling=0.50
    ),
}


@dataclass(frozen=True, slots=True)
class Pair:
    """Paragraph ``a`` of the first document corresponds to paragraph ``b`` of the second."""

    a: str
    b: str
    relation: Relation
    score: float
    reason: str
    confidence: Confidence = "high"
    #: The reason as notes, to render in a reader's language (``reason`` is their English rendering).
    notes: tuple[Note, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``{"a", "b", "relation", "score", "confidence", "reason"}``."""
        return {
            "a": self.a,
            "b": self.b,
            "relation": self.relation,
            "score": round(self.score, 3),
            "confidence": self.confidence,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible counterpart that scored too low to be paired: shown to a person, never counted as a pair."""

    a: str
    b: str
    score: float
    reason: str
    notes: tuple[Note, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``{"a", "b", "score", "reason"}``."""
        return {"a": self.a, "b": self.b, "score": round(self.score, 3), "reason": self.reason}


@dataclass(slots=True)
class Alignment:
    """The paragraph correspondence between documents ``a`` and ``b``."""

    a: Resolution
    b: Resolution
    mode: Mode
    pairs: list[Pair]
    added: list[str]
    removed: list[str]
    uncertain: list[Candidate] = field(default_factory=list)
    related: bool = True
    warnings: list[str] = field(default_factory=list)
    #: The warnings as notes, to render in a reader's language (``warnings`` holds their English rendering).
    warning_notes: list[Note] = field(default_factory=list)

    def sources_of(self, b_id: str) -> list[Pair]:
        """The pairs whose ``b`` is ``b_id`` (several for a merge), best score first."""
        return sorted((p for p in self.pairs if p.b == b_id), key=lambda p: -p.score)

    def targets_of(self, a_id: str) -> list[Pair]:
        """The pairs whose ``a`` is ``a_id`` (several for a split), best score first."""
        return sorted((p for p in self.pairs if p.a == a_id), key=lambda p: -p.score)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: mode, related, pairs, added, removed, uncertain, warnings."""
        return {
            "mode": self.mode,
            "related": self.related,
            "pairs": [p.to_dict() for p in self.pairs],
            "added": list(self.added),
            "removed": list(self.removed),
            "uncertain": [c.to_dict() for c in self.uncertain],
            "warnings": list(self.warnings),
        }


def document_name(res: Resolution) -> str:
    """How a document is named in messages: its symbol, else its source file, else ``the document``."""
    return res.heading.symbol or res.source or "the document"


def check_comparable(res: Resolution) -> None:
    """Refuse a document that failed to parse (no paragraphs) with a plain :class:`StructureError`."""
    if not res.paragraphs:
        raise StructureError(
            f"{document_name(res)} has no paragraphs: it failed to parse, so there is nothing to compare",
            file=res.source,
        )


_WS = re.compile(r"\s+")


def same_text(x: str, y: str) -> bool:
    """Equal after NFC and deleting every white-space character (the gold README's comparison rule)."""
    return _WS.sub("", unicodedata.normalize("NFC", x)) == _WS.sub("", unicodedata.normalize("NFC", y))


def monotone_pairs(scores: np.ndarray, accept: float) -> list[tuple[int, int]]:
    """The in-order pairs (i, j) maximising the sum of ``score - accept`` (only scores >= accept count).

    Row by row: ``t[j] = max(D[i-1, j], D[i-1, j-1] + w[i-1, j-1])`` and ``D[i, j] = max(t[j], D[i, j-1])``,
    which is a running maximum, so each row is a few numpy operations.
    """
    n, m = scores.shape
    weight = np.where(scores >= accept, scores - accept, -np.inf)
    table = np.zeros((n + 1, m + 1), dtype=np.float64)
    for i in range(1, n + 1):
        diag = table[i - 1, :-1] + weight[i - 1]
        t = np.maximum(table[i - 1, 1:], diag)
        table[i, 1:] = np.maximum.accumulate(t)
    pairs: list[tuple[int, int]] = []
    i, j = n, m
    while i > 0 and j > 0:
        w = weight[i - 1, j - 1]
        if np.isfinite(w) and table[i, j] == table[i - 1, j - 1] + w:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif table[i, j] == table[i - 1, j]:
            i -= 1
        else:
            j -= 1
    pairs.reverse()
    return pairs


_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class _GroupSide:
    """The direction of a group pass: one ``whole`` paragraph that became a run of consecutive ``pieces``.

    A split looks from A (wholes) to B (pieces); a merge is its mirror image, the same pass run with the
    sides swapped and the score matrix transposed, so that ``scores[whole, piece]`` holds in both.
    """

    relation: Relation  # "split" (wholes in A) or "merged" (wholes in B)
    wholes: Sequence[Paragraph]
    pieces: Sequence[Paragraph]
    match_whole: dict[int, int]
    match_piece: dict[int, int]
    scores: np.ndarray

    def a_b(self, whole: _T, piece: _T) -> tuple[_T, _T]:
        """``whole`` and ``piece`` (indices or texts) in the (A, B) order the scorer and the pair keys use."""
        return (whole, piece) if self.relation == "split" else (piece, whole)


class _Aligner:
    """One alignment run; holds the state the passes share."""

    def __init__(self, a: Resolution, b: Resolution, scorer: Scorer) -> None:
        self.a_pars, self.b_pars = a.paragraphs, b.paragraphs
        self.a_ids = [p.id for p in self.a_pars]
        self.b_ids = [p.id for p in self.b_pars]
        self.scorer = scorer
        self.s = scorer.matrix()
        self.th = THRESHOLDS[scorer.mode].adapted(self.s)
        self.match_a: dict[int, int] = {}
        self.match_b: dict[int, int] = {}
        self.relation: dict[tuple[int, int], Relation] = {}
        self.group_score: dict[tuple[int, int], float] = {}
        self.reach = 4

    # --- bookkeeping -----------------------------------------------------------------------------------
    def _link(self, i: int, j: int, relation: Relation) -> None:
        self.match_a[i], self.match_b[j] = j, i
        self.relation[(i, j)] = relation

    def _unlink(self, i: int, j: int) -> None:
        self.match_a.pop(i, None)
        self.match_b.pop(j, None)
        self.relation.pop((i, j), None)

    def _in_order_relation(self, i: int, j: int) -> Relation:
        if self.scorer.mode == "cross-language":
            return "identical"  # a counterpart in the other language; wording changes cannot be measured
        return "identical" if same_text(self.a_pars[i].text, self.b_pars[j].text) else "changed"

    # --- passes --------------------------------------------------------------------------------------------
    def order(self) -> None:
        for i, j in monotone_pairs(self.s, self.th.accept):
            self._link(i, j, self._in_order_relation(i, j))

    def rescue(self) -> None:
        """Give a leftover paragraph its clearly better counterpart back from a weak in-order pair."""
        for _ in range(len(self.a_ids) + len(self.b_ids)):
            changed = False
            for j in range(len(self.b_ids)):
                if j in self.match_b:
                    continue
                i = int(np.argmax(self.s[:, j]))
                best = self.s[i, j]
                if best < self.th.move or i not in self.match_a:
                    continue
                j_old = self.match_a[i]
                if self.s[i, j_old] + self.th.rescue_margin < best:
                    self._unlink(i, j_old)
                    self._link(i, j, "moved")
                    changed = True
            for i in range(len(self.a_ids)):
                if i in self.match_a:
                    continue
                j = int(np.argmax(self.s[i, :]))
                best = self.s[i, j]
                if best < self.th.move or j not in self.match_b:
                    continue
                i_old = self.match_b[j]
                if self.s[i_old, j] + self.th.rescue_margin < best:
                    self._unlink(i_old, j)
                    self._link(i, j, "moved")
                    changed = True
            if not changed:
                break

    def _runs(self, members: Sequence[int], anchor: int | None, paired: dict[int, int]) -> list[list[int]]:
        """Runs of ``members`` in order, bridging only gaps of unpaired paragraphs (e.g. deleted ones).

        With ``anchor`` only the run holding it is returned; runs of one are dropped.
        """
        runs: list[list[int]] = []
        for k in sorted(set(members)):
            if runs and all(x not in paired for x in range(runs[-1][-1] + 1, k)):
                runs[-1].append(k)
            else:
                runs.append([k])
        if anchor is not None:
            runs = [r for r in runs if anchor in r]
        return [r for r in runs if len(r) >= 2]

    def _better_elsewhere(self, side: _GroupSide, piece: int, whole: int) -> bool:
        """Whether another unpaired ``whole`` paragraph wants ``piece`` much more than ``whole`` does."""
        free = np.array(
            [k not in side.match_whole and k != whole for k in range(len(side.wholes))], dtype=bool
        )
        vals, own = side.scores[free, piece], side.scores[whole, piece]
        return bool(np.any((vals >= self.th.move) & (vals > own + 0.1)))

    def _near(
        self, anchor: int | None, paired: dict[int, int], size: int, free: Sequence[int], scores: np.ndarray
    ) -> list[int]:
        """Unpaired paragraphs that could be pieces next to ``anchor``: walking out from it over unpaired
        ones only (at most ``reach`` each way); without an anchor, any unpaired one that scores at all."""
        if anchor is None:
            return [k for k in free if k not in paired and scores[k] >= self.th.uncertain]
        out: list[int] = []
        for step in (-1, 1):
            k = anchor + step
            while 0 <= k < size and k not in paired and abs(k - anchor) <= self.reach:
                out.append(k)
                k += step
        return out

    def _gain(self, run: Sequence[int], contained: dict[int, float]) -> float:
        """How much joining must improve the score: little when every new piece is wholly contained."""
        whole = all(contained.get(k, 0.0) >= self.th.whole for k in run if k in contained)
        return self.th.whole_gain if whole else self.th.join_gain

    def splits(self) -> None:
        """One paragraph of A became several consecutive paragraphs of B."""
        self._groups(_GroupSide("split", self.a_pars, self.b_pars, self.match_a, self.match_b, self.s))

    def merges(self) -> None:
        """Several consecutive paragraphs of A became one paragraph of B: a split seen from B."""
        self._groups(_GroupSide("merged", self.b_pars, self.a_pars, self.match_b, self.match_a, self.s.T))

    def _groups(self, side: _GroupSide) -> None:
        """Give each ``whole`` paragraph the run of consecutive ``pieces`` whose joined text matches it
        clearly better than any single piece (the shared body of :meth:`splits` and :meth:`merges`)."""
        free = [p for p in range(len(side.pieces)) if p not in side.match_piece]
        if not free:
            return
        for w in range(len(side.wholes)):
            anchor = side.match_whole.get(w)
            if anchor is not None and self.relation.get(side.a_b(w, anchor)) in ("split", "merged"):
                continue
            whole_text = side.wholes[w].text
            near = self._near(anchor, side.match_piece, len(side.pieces), free, side.scores[w])
            contained = {
                p: self.scorer.part_of(side.pieces[p].text, whole_text)
                for p in near
                if side.scores[w, p] >= 0.1 and not self._better_elsewhere(side, p, w)
            }
            cands = [p for p, share in contained.items() if share >= self.th.part]
            if anchor is not None:
                cands.append(anchor)
            for run in self._runs(cands, anchor, side.match_piece):
                joined = " ".join(side.pieces[p].text for p in run)
                score = self.scorer.text_score(*side.a_b(whole_text, joined))
                best_single = max(side.scores[w, p] for p in run)
                if score >= self.th.high and score >= best_single + self._gain(run, contained):
                    if anchor is not None:
                        self._unlink(*side.a_b(w, anchor))
                    for p in run:
                        side.match_piece[p] = w
                        self.relation[side.a_b(w, p)] = side.relation
                        self.group_score[side.a_b(w, p)] = score
                    side.match_whole[w] = run[0]
                    break

    def moves(self) -> None:
        """Pair what is left on both sides by best score, strongest first, above the move threshold."""
        free_a = [i for i in range(len(self.a_ids)) if i not in self.match_a]
        free_b = [j for j in range(len(self.b_ids)) if j not in self.match_b]
        cands = sorted(
            ((self.s[i, j], i, j) for i in free_a for j in free_b if self.s[i, j] >= self.th.move),
            reverse=True,
        )
        for _score, i, j in cands:
            if i in self.match_a or j in self.match_b:
                continue
            self._link(i, j, "moved")

    # --- result --------------------------------------------------------------------------------------------
    def _uncertain_reason(self, i: int, j: int) -> tuple[str, tuple[Note, ...]]:
        """The reason of a near miss: in English, and as notes."""
        notes = (Note.of("reason-uncertain"), *self.scorer.reason(i, j, float(self.s[i, j])))
        return labels().notes(notes), notes

    def result(self, a: Resolution, b: Resolution) -> Alignment:
        english = labels()
        pairs: list[Pair] = []
        for (i, j), relation in sorted(self.relation.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            score = float(self.group_score.get((i, j), self.s[i, j]))
            notes = self.scorer.reason(i, j, float(self.s[i, j]))
            if relation == "split":
                notes.insert(0, Note.of("reason-split", score=f"{score:.2f}"))
            elif relation == "merged":
                notes.insert(0, Note.of("reason-merged", score=f"{score:.2f}"))
            elif relation == "moved":
                notes.insert(0, Note.of("reason-moved"))
            confidence: Confidence = "high" if score >= self.th.high else "low"
            pairs.append(
                Pair(
                    self.a_ids[i],
                    self.b_ids[j],
                    relation,
                    min(1.0, score),
                    english.notes(notes),
                    confidence,
                    tuple(notes),
                )
            )
        paired_a = {i for i, _ in self.relation}
        paired_b = {j for _, j in self.relation}
        removed = [self.a_ids[i] for i in range(len(self.a_ids)) if i not in paired_a]
        added = [self.b_ids[j] for j in range(len(self.b_ids)) if j not in paired_b]
        uncertain: list[Candidate] = []
        best_of_b: dict[int, float] = {}
        for i, j in self.relation:
            best_of_b[j] = max(best_of_b.get(j, 0.0), float(self.group_score.get((i, j), self.s[i, j])))
        for i in range(len(self.a_ids)):
            if i not in paired_a and self.s.shape[1]:
                j = int(np.argmax(self.s[i]))
                if self.s[i, j] >= self.th.uncertain and best_of_b.get(j, 0.0) < self.s[i, j]:
                    uncertain.append(
                        Candidate(
                            self.a_ids[i],
                            self.b_ids[j],
                            float(self.s[i, j]),
                            *self._uncertain_reason(i, j),
                        )
                    )
        best_pair = {i: float(self.group_score.get((i, j), self.s[i, j])) for (i, j) in self.relation}
        for j in range(len(self.b_ids)):
            if j not in paired_b and self.s.shape[0]:
                i = int(np.argmax(self.s[:, j]))
                if (
                    self.s[i, j] >= self.th.uncertain
                    and best_pair.get(i, 0.0) < self.s[i, j]
                    and not any(c.a == self.a_ids[i] and c.b == self.b_ids[j] for c in uncertain)
                ):
                    uncertain.append(
                        Candidate(
                            self.a_ids[i],
                            self.b_ids[j],
                            float(self.s[i, j]),
                            *self._uncertain_reason(i, j),
                        )
                    )
        confident = sum(1 for p in pairs if p.confidence == "high")
        smaller = min(len(self.a_ids), len(self.b_ids))
        related = confident >= max(1.0, self.th.related_share * smaller)
        warnings: list[Note] = []
        if not related:
            warnings.append(
                Note.of(
                    "warning-unrelated",
                    a=document_name(a),
                    b=document_name(b),
                    confident=confident,
                    smaller=smaller,
                )
            )
        low = sum(1 for p in pairs if p.confidence == "low")
        if low:
            warnings.append(Note.of("warning-low-confidence", low=low, high=f"{self.th.high:.2f}"))
        for name, ids in ((document_name(a), self.a_ids), (document_name(b), self.b_ids)):
            if len(set(ids)) != len(ids):
                warnings.append(Note.of("warning-duplicate-ids", name=name))
        return Alignment(
            a=a,
            b=b,
            mode=self.scorer.mode,
            pairs=pairs,
            added=added,
            removed=removed,
            uncertain=uncertain,
            related=related,
            warnings=[english.note(w) for w in warnings],
            warning_notes=warnings,
        )


def make_scorer(a: Resolution, b: Resolution) -> Scorer:
    """Char n-grams for one language, sentence embeddings (plus symbols and place) for two."""
    a_texts = [p.text for p in a.paragraphs]
    b_texts = [p.text for p in b.paragraphs]
    if a.language == b.language:
        return NgramScorer(a_texts, b_texts, a.language)
    return EmbeddingScorer(a_texts, b_texts, [p.id for p in a.paragraphs], [p.id for p in b.paragraphs])


def align(a: Resolution, b: Resolution) -> Alignment:
    """Pair the paragraphs of ``a`` and ``b`` (see the module docstring for the method).

    Raises :class:`StructureError` when either document has no paragraphs (it failed to parse).
    """
    check_comparable(a)
    check_comparable(b)
    aligner = _Aligner(a, b, make_scorer(a, b))
    aligner.order()
    aligner.rescue()
    aligner.splits()
    aligner.merges()
    aligner.moves()
    return aligner.result(a, b)

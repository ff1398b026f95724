"""Random edits of a real resolution with the true alignment: the yardstick of the aligner.

:func:`edit` deletes, inserts, rewords, splits, merges and moves paragraphs of a :class:`Resolution` (each
paragraph is touched at most once, so the truth stays unambiguous), renumbers the result the way a new version
is numbered, and returns it with the truth in the JSON form of ``gcts compare`` (``pairs``, ``added``,
``removed``), so that :func:`score` can measure an alignment exactly as ``shared/tools/score_compare.py``
does. Tests use it as a property-test oracle; ``benchmarks/compare.py`` uses it to build documents of a given
size.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from gcts.compare.similarity import rules_for
from gcts.model import Heading, Paragraph, Resolution

OPERATIONS: tuple[str, ...] = ("delete", "insert", "reword", "split", "merge", "move")

# Where a paragraph may be cut in two: after a clause mark, in any of the six UN languages.
_CUT = re.compile(r"(?<=[，；,;،])\s*")
_WORD = re.compile(r"\S+")


@dataclass(slots=True)
class _Item:
    part: str
    text: str
    origins: list[str]
    relation: str  # identical | changed | moved | split | merged | added


@dataclass(slots=True)
class EditedVersion:
    """The new version, its true alignment with the original, and the operations applied (for messages)."""

    resolution: Resolution
    truth: dict[str, Any]
    operations: list[str] = field(default_factory=list)


def _reword(text: str, rng: random.Random, donors: Sequence[str], share: float, spaced: bool) -> str:
    """Replace about ``share`` of the text by pieces of other paragraphs (words, or 2-4 characters
    unspaced)."""
    words = _WORD.findall(text)
    if spaced and len(words) >= 6:
        donor_words = [w for d in donors for w in _WORD.findall(d)] or words
        out = list(words)
        for _ in range(max(1, int(len(words) * share))):
            k = rng.randrange(len(out))
            if rng.random() < 0.5:
                out[k] = rng.choice(donor_words)
            elif rng.random() < 0.5:
                out.insert(k, rng.choice(donor_words))
            elif len(out) > 3:
                out.pop(k)
        return " ".join(out)
    chars = list(text)
    for _ in range(max(1, int(len(chars) * share / 3))):
        donor = rng.choice(donors) if donors else text
        n = rng.randint(2, 4)
        start = rng.randrange(max(1, len(donor) - n))
        piece = list(donor[start : start + n])
        k = rng.randrange(max(1, len(chars)))
        kind = rng.random()
        if kind < 0.5:
            chars[k : k + n] = piece
        elif kind < 0.8:
            chars[k:k] = piece
        elif len(chars) > 2 * n:
            del chars[k : k + n]
    return "".join(chars)


def _cut(text: str, rng: random.Random) -> tuple[str, str] | None:
    """Cut ``text`` at a clause mark near its middle third; None when it has none."""
    cuts = [m.end() for m in _CUT.finditer(text) if len(text) * 0.25 <= m.end() <= len(text) * 0.75]
    if not cuts:
        return None
    k = rng.choice(cuts)
    return text[:k].strip(), text[k:].strip()


def edit(
    res: Resolution,
    rng: random.Random,
    *,
    n_edits: int = 6,
    insert_pool: Sequence[str] = (),
    operations: Sequence[str] = OPERATIONS,
    reword_share: float = 0.15,
) -> EditedVersion:
    """Apply ``n_edits`` random operations to ``res`` and return the new version with the true alignment.

    ``insert_pool`` holds texts of other documents used for inserted paragraphs (same language).
    """
    items = [_Item(p.part, p.text, [p.id], "identical") for p in res.paragraphs]
    pristine = lambda k: items[k].relation == "identical"  # noqa: E731 — a one-line predicate
    donors = [p.text for p in res.paragraphs]
    spaced = rules_for(res.language).whitespace == "collapse"
    done: list[str] = []
    for _ in range(n_edits * 4):
        if len(done) >= n_edits:
            break
        op = rng.choice(list(operations))
        k = rng.randrange(len(items))
        if op == "delete" and pristine(k) and len(items) > 4:
            done.append(f"delete {items[k].origins[0]}")
            items.pop(k)
        elif op == "insert" and insert_pool:
            text = rng.choice(list(insert_pool))
            part = items[k].part
            items.insert(k, _Item(part, text, [], "added"))
            done.append(f"insert before position {k}")
        elif op == "reword" and pristine(k):
            items[k].text = _reword(items[k].text, rng, donors, reword_share, spaced)
            items[k].relation = "changed"
            done.append(f"reword {items[k].origins[0]}")
        elif op == "split" and pristine(k):
            cut = _cut(items[k].text, rng)
            if cut is None:
                continue
            first = _Item(items[k].part, cut[0], list(items[k].origins), "split")
            second = _Item(items[k].part, cut[1], list(items[k].origins), "split")
            items[k : k + 1] = [first, second]
            done.append(f"split {first.origins[0]}")
        elif (
            op == "merge"
            and k + 1 < len(items)
            and pristine(k)
            and pristine(k + 1)
            and items[k].part == items[k + 1].part
        ):
            joined = _Item(
                items[k].part,
                f"{items[k].text} {items[k + 1].text}",
                [*items[k].origins, *items[k + 1].origins],
                "merged",
            )
            items[k : k + 2] = [joined]
            done.append(f"merge {joined.origins[0]} + {joined.origins[1]}")
        elif op == "move" and pristine(k) and len(items) > 8:
            item = items.pop(k)
            same_part = [
                x
                for x in range(len(items) + 1)
                if abs(x - k) >= 3 and (x == len(items) or items[x].part == item.part)
            ]
            if not same_part:
                items.insert(k, item)
                continue
            items.insert(rng.choice(same_part), item)
            item.relation = "moved"
            done.append(f"move {item.origins[0]}")
    return _rebuild(res, items, done)


def _rebuild(res: Resolution, items: list[_Item], done: list[str]) -> EditedVersion:
    preamble = [it for it in items if it.part == "preamble"]
    operative = [it for it in items if it.part == "operative"]
    new_pre = [Paragraph(part="preamble", index=k, text=it.text) for k, it in enumerate(preamble, 1)]
    new_op = [
        Paragraph(part="operative", index=k, number=k, text=it.text) for k, it in enumerate(operative, 1)
    ]
    pairs: list[dict[str, Any]] = []
    added: list[str] = []
    for it, par in zip([*preamble, *operative], [*new_pre, *new_op], strict=True):
        if not it.origins:
            added.append(par.id)
        for origin in it.origins:
            pairs.append({"a": origin, "b": par.id, "relation": it.relation})
    kept = {o for it in items for o in it.origins}
    removed = [p.id for p in res.paragraphs if p.id not in kept]
    heading = Heading(symbol=(res.heading.symbol or "X") + "/edited", title=res.heading.title)
    new = Resolution(
        language=res.language,
        heading=heading,
        preamble=new_pre,
        operative=new_op,
        source=f"{res.source or 'document'} (edited)",
    )
    return EditedVersion(new, {"pairs": pairs, "added": added, "removed": removed}, done)


def score(truth: dict[str, Any], predicted: dict[str, Any]) -> dict[str, Any]:
    """Pair precision and recall, right relations, and exactness of ``added``/``removed`` (as
    score_compare.py)."""
    t = {(p["a"], p["b"]) for p in truth["pairs"]}
    p = {(x.get("a"), x.get("b")) for x in predicted.get("pairs", [])}
    tp = len(t & p)
    relations = {(x["a"], x["b"]): x["relation"] for x in truth["pairs"]}
    right = sum(
        1 for x in predicted.get("pairs", []) if relations.get((x.get("a"), x.get("b"))) == x.get("relation")
    )
    return {
        "tp": tp,
        "n_pred": len(p),
        "n_true": len(t),
        "precision": tp / len(p) if p else 0.0,
        "recall": tp / len(t) if t else 1.0,
        "relations_right": right,
        "added_exact": set(predicted.get("added", [])) == set(truth["added"]),
        "removed_exact": set(predicted.get("removed", [])) == set(truth["removed"]),
    }

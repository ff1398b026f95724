# mypy: disable-error-code="attr-defined"
"""Paragraph links that survive the next review.

- :func:`relink_all` resolves every link's stable key (symbol, language, paragraph id) to the library's
  paragraph row (by the lazy label ``library.Paragraph``), so links survive the library re-storing a document.
- :func:`plan_moves` (framework-free) reads an alignment of the old review with the new one and says, for
  each linked paragraph, where its link goes: to the descendant (``carried``), to the best descendant with a
  note when the alignment is unsure or the paragraph was split (``to_confirm``), or nowhere — the link then
  stays on the old paragraph, marked ``to_confirm`` with the reason. A link is never dropped.
- :func:`carry_links` applies the plan to the stored links, keeping each link's history in ``carried_from``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models, transaction

from gcts.registry.models import LinkStatus, ParagraphLink


@dataclass(frozen=True)
class Move:
    """Where the link to ``old_pid`` goes in the new document (``new_pid`` empty: it stays)."""

    old_pid: str
    new_pid: str
    status: str
    confidence: float | None
    note: str


def plan_moves(alignment: Any, pids: Iterable[str], new_symbol: str) -> dict[str, Move]:
    """The move of each old paragraph id, read from a :class:`gcts.compare.align.Alignment` (old = ``a``)."""
    out: dict[str, Move] = {}
    for pid in set(pids):
        targets = alignment.targets_of(pid)
        if not targets:
            out[pid] = Move(pid, "", LinkStatus.TO_CONFIRM, None, f"no descendant in {new_symbol}; kept here")
            continue
        best = targets[0]
        sure = best.confidence == "high" and len(targets) == 1
        note = (
            ""
            if sure
            else (
                f"split into {', '.join(t.b for t in targets)}"
                if len(targets) > 1
                else f"{best.confidence} confidence"
            )
        )
        out[pid] = Move(
            pid, best.b, LinkStatus.CARRIED if sure else LinkStatus.TO_CONFIRM, round(best.score, 3), note
        )
    return out


def _paragraph_model() -> type[models.Model]:
    return apps.get_model("library", "Paragraph")


def _find_paragraph(symbol: str, language: str, pid: str) -> Any:
    paragraph = _paragraph_model()
    qs = paragraph._default_manager.filter(
        models.Q(document__symbol=symbol) | models.Q(document__adopted_as=symbol), pid=pid
    )
    return qs.filter(document__language=language).first() or qs.order_by("document__language").first()


def relink_all(links: Iterable[ParagraphLink] | None = None) -> tuple[int, int]:
    """Point each link at the library's paragraph of its key; (linked, unresolved). Keys never change here."""
    linked = unresolved = 0
    rows = list(links if links is not None else ParagraphLink.objects.all())
    for link in rows:
        p = _find_paragraph(link.symbol, link.language, link.pid)
        status = link.status
        if p is None and status == LinkStatus.CONFIRMED:
            status = LinkStatus.UNRESOLVED
        elif p is not None and status == LinkStatus.UNRESOLVED:
            status = LinkStatus.CONFIRMED
        if p is None:
            unresolved += 1
        else:
            linked += 1
        if link.paragraph_id != getattr(p, "pk", None) or status != link.status:
            link.paragraph = p
            link.status = status
            link.save(update_fields=["paragraph", "status"])
    return linked, unresolved


@transaction.atomic
def carry_links(
    old_symbols: Iterable[str], new_symbol: str, new_language: str, moves: dict[str, Move]
) -> int:
    """Move the links of ``old_symbols`` along ``moves`` to ``new_symbol``; the number of links touched."""
    touched = 0
    for link in ParagraphLink.objects.filter(symbol__in=list(old_symbols), pid__in=list(moves)):
        move = moves[link.pid]
        history = [
            *link.carried_from,
            {"symbol": link.symbol, "pid": link.pid, "confidence": move.confidence},
        ]
        if move.new_pid:
            link.symbol, link.pid, link.language = new_symbol, move.new_pid, new_language
            link.carried_from = history
        link.status = move.status
        link.confidence = move.confidence
        link.note = move.note[:300]
        link.paragraph = _find_paragraph(link.symbol, link.language, link.pid)
        link.save()
        touched += 1
    return touched

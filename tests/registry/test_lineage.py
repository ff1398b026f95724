"""Paragraph links survive the next review: moved to the descendant paragraph, marked for confirmation when
the alignment is unsure, never dropped (aligned by gcts.compare: the reference text and a next version)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from gcts.compare.align import align
from gcts.model import Paragraph
from gcts.registry.lineage import carry_links, plan_moves
from gcts.registry.models import Activity, LinkStatus, Organisation, ParagraphLink
from tests.web.conftest import resolution_from_gold

pytestmark = pytest.mark.django_db


def _next_review() -> Any:
    old = resolution_from_gold()
    new = copy.deepcopy(old)
    new.heading.symbol = "A/75/L.NEXT"
    # a new operative paragraph 1 pushes every number down by one; paragraph 70 disappears
    new.operative.insert(
        0,
        Paragraph(
            part="operative",
            index=1,
            number=1,
            text="Decides to welcome a new paragraph about something else entirely;",
        ),
    )
    del new.operative[70]  # old operative 70 (index 0 is the new paragraph)
    for i, p in enumerate(new.operative, start=1):
        p.index, p.number = i, i
    return old, new


def test_links_move_to_descendants_and_are_never_dropped() -> None:
    old, new = _next_review()
    alignment = align(old, new)
    moves = plan_moves(alignment, ["operative:66", "operative:70"], "A/75/L.NEXT")
    assert moves["operative:66"].new_pid == "operative:67"
    assert moves["operative:66"].status == LinkStatus.CARRIED
    assert moves["operative:70"].new_pid == "" and moves["operative:70"].status == LinkStatus.TO_CONFIRM

    act = Activity.objects.create(
        ref="A1",
        iati_identifier="X-A1",
        title={"en": "a"},
        reporting_org=Organisation.objects.get(ref="UNODC"),
    )
    ParagraphLink.objects.create(activity=act, symbol="A/72/L.62", language="zh", pid="operative:66")
    ParagraphLink.objects.create(activity=act, symbol="A/72/L.62", language="zh", pid="operative:70")
    assert carry_links(["A/72/L.62"], "A/75/L.NEXT", "zh", moves) == 2
    links = {
        link.carried_from[0]["pid"]: link
        for link in ParagraphLink.objects.filter(activity=act)
        if link.carried_from
    } | {link.pid: link for link in ParagraphLink.objects.filter(activity=act) if not link.carried_from}
    moved = links["operative:66"]
    assert (moved.symbol, moved.pid, moved.status) == ("A/75/L.NEXT", "operative:67", LinkStatus.CARRIED)
    kept = links["operative:70"]
    assert (kept.symbol, kept.pid, kept.status) == ("A/72/L.62", "operative:70", LinkStatus.TO_CONFIRM)
    assert "no descendant" in kept.note
    assert ParagraphLink.objects.filter(activity=act).count() == 2

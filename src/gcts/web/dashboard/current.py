"""The dashboard's data: a snapshot of the store per audience, and the reports built from it, cached in the
process until the store changes.

The store's *version* (row counts and newest change times of the tables the figures read, one query each) says
when a snapshot is stale; a page then takes a new one. The version is asked at most every
:data:`VERSION_TTL` seconds (its queries scan the registry's tables: half a second on 100,000 activities), so
a change shows on the dashboard within that time. Built reports are kept per (snapshot, kind, language,
filters), so the same page asked again costs a cache lookup and a render.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

from django.db.models import Count, Max

from gcts.report import Options, build
from gcts.report.content import Report
from gcts.report.snapshot import Snapshot

_lock = threading.Lock()
_snapshots: dict[str, tuple[tuple[Any, ...], Snapshot]] = {}
_reports: OrderedDict[tuple[Any, ...], Report] = OrderedDict()
_version: list[Any] = [0.0, None]
KEEP = 64
VERSION_TTL = 5.0


def store_version() -> tuple[Any, ...]:
    """Counts and newest change times of what the figures read (a change to any makes a new snapshot)."""
    from gcts.library.models import Document, Mandate
    from gcts.registry import models as m

    out: list[Any] = []
    for model in (m.Activity, m.Flow, m.Recommendation, m.AssistanceRequest, m.AssistanceOffer, Document):
        agg = model.objects.aggregate(n=Count("id"), t=Max("updated_at"))
        out += [agg["n"], agg["t"]]
    for part in (m.PillarShare, m.ThemeShare, m.BeneficiaryCountry, m.ParagraphLink):
        out.append(part.objects.aggregate(n=Count("id"), s=Max("id"))["s"])
    out.append(tuple(Mandate.objects.values_list("status").annotate(n=Count("id")).order_by("status")))
    return tuple(out)


def snapshot(audience: str) -> Snapshot:
    """The current snapshot for ``audience`` (taken again when the store has changed)."""
    from gcts.web.dashboard.collect import snapshot as collect

    now = time.monotonic()
    with _lock:
        fresh = now - _version[0] < VERSION_TTL and _version[1] is not None
        version = _version[1] if fresh else None
    if version is None:
        version = store_version()
        with _lock:
            _version[0], _version[1] = now, version
    with _lock:
        held = _snapshots.get(audience)
        if held and held[0] == version:
            return held[1]
    snap = collect(audience=audience)
    with _lock:
        _snapshots[audience] = (version, snap)
    return snap


def report(kind: str, audience: str, language: str, filters: Mapping[str, str]) -> Report:
    """The report ``kind`` of the current snapshot, built once per snapshot, language and filters."""
    snap = snapshot(audience)
    key = (snap.id, kind, language, tuple(sorted(filters.items())))
    with _lock:
        if key in _reports:
            _reports.move_to_end(key)
            return _reports[key]
    # the search for duplicates embeds every new description: too slow for a page, so it stays in the reports
    built = build(kind, snap, language, options=Options(filters=dict(filters), duplicates=False))
    with _lock:
        _reports[key] = built
        while len(_reports) > KEEP:
            _reports.popitem(last=False)
    return built


def forget() -> None:
    """Drop every cached snapshot and report (tests)."""
    with _lock:
        _snapshots.clear()
        _reports.clear()
        _version[0], _version[1] = 0.0, None

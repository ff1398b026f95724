"""Registry tables for snapshots made up in the tests: hypothesis strategies and a builder."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from hypothesis import strategies as st

from gcts.registry.shares import even_shares
from gcts.report.snapshot import Row, Snapshot, take

PILLARS = ("I", "II", "III", "IV")
STATES = [
    {
        "id": i,
        "iso3": f"S{i:02d}",
        "names": {"en": f"State {i}"},
        "region": f"R{i % 3}",
        "subregion": None,
        "groups": [("AG", "APG", "WEOG")[i % 3]],
    }
    for i in range(1, 7)
]


@st.composite
def activity(draw: st.DrawFn, ident: int) -> dict[str, list[Row]]:
    """One activity with its pillar and country shares and one to three incoming commitments."""
    pillars = draw(st.lists(st.sampled_from(PILLARS), unique=True, max_size=3))
    states = draw(st.lists(st.sampled_from([s["id"] for s in STATES]), unique=True, max_size=3))
    year = draw(st.integers(2019, 2024))
    restricted = draw(st.booleans())
    amounts = draw(st.lists(st.integers(1, 10_000_000), min_size=0, max_size=3))
    p_shares = even_shares(len(pillars))
    c_shares = even_shares(len(states))
    return {
        "activities": [
            {
                "id": ident,
                "ref": f"A{ident}",
                "reporting_org": 1 + ident % 4,
                "title": {},
                "description": {},
                "status": "2",
                "start": f"{year}-01-01",
                "end": None,
                "restricted": restricted,
                "language": "en",
                "synthetic": True,
            }
        ],
        "pillar_shares": [
            {"activity": ident, "pillar": p, "share": str(s)} for p, s in zip(pillars, p_shares, strict=True)
        ],
        "countries": [
            {"activity": ident, "state": c, "share": str(s)} for c, s in zip(states, c_shares, strict=True)
        ],
        "flows": [
            {
                "id": ident * 10 + k,
                "kind": "commitment",
                "usd": f"{Decimal(a) / 100:.2f}",
                "source_org": 99,
                "source_activity": None,
                "destination_org": None,
                "destination_activity": ident,
                "date": f"{year}-06-01",
                "fulfils": None,
                "parent": None,
                "restricted": False,
            }
            for k, a in enumerate(amounts)
        ],
    }


@st.composite
def registries(draw: st.DrawFn, max_activities: int = 12) -> Snapshot:
    """A snapshot of up to ``max_activities`` activities, plus internal flows between them that totals must
    not count again."""
    n = draw(st.integers(0, max_activities))
    tables: dict[str, list[Row]] = {
        "activities": [],
        "pillar_shares": [],
        "countries": [],
        "flows": [],
        "states": STATES,
        "organisations": [],
        "regions": [],
    }
    for i in range(1, n + 1):
        for name, rows in draw(activity(i)).items():
            tables[name].extend(rows)
    if n >= 2:
        tables["flows"].append(
            {
                "id": 1,
                "kind": "commitment",
                "usd": "5000.00",
                "source_org": None,
                "source_activity": 1,
                "destination_org": None,
                "destination_activity": 2,
                "date": "2022-01-01",
                "fulfils": None,
                "parent": None,
                "restricted": False,
            }
        )
    return take(tables, audience="internal", taken_at=datetime(2025, 1, 1, tzinfo=UTC))

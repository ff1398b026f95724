"""Pillar balance: how activities and money divide between the four pillars, overall and by actor, State,
region, regional group and year; the balance index, its uncertainty and its trend.

The rules (stated on every report and page that shows these figures):

- **By count**, an activity is one unit divided between its pillars by its shares (50 % I and 50 % IV gives
  0.5 to each), so the pillar counts add up to the number of activities; an activity without pillar shares
  counts under *unattributed*. Split by beneficiary State, the unit is divided again by the country shares
  (a State's regional group and M49 region take its share); what no State carries (regional or global work)
  is unattributed.
- **By money**, committed and disbursed are the registry's totals (:mod:`gcts.registry.totals`): money coming
  into an activity from outside the registry, each flow once, pledges never; money passed between two
  activities of the registry is not counted again. Each flow is split by its activity's pillar (and country)
  shares with exact cents, so every table adds up to its total. Co-funding needs no rule of its own: each
  donor's flow into a co-funded activity counts once, for what it is.
- By actor an activity belongs to its reporting organisation; by year to the year it starts (count) or the
  year of the flow (money).

Reads: :class:`~gcts.analyse.records.Records`. Writes: :class:`gcts.registry.suppression.Table` values
(cells with their record and restricted-record counts) and :class:`Index` values.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from gcts.analyse.records import HUNDRED, PILLARS, Records
from gcts.registry.shares import split
from gcts.registry.suppression import TOTAL, Cell, Table
from gcts.registry.totals import UNATTRIBUTED, attributed_activity, counted

DIMENSIONS = ("pillar", "actor", "state", "region", "group", "year")
MEASURES = ("count", "committed", "disbursed")
ALL = "all"
COLUMNS: tuple[str, ...] = (*PILLARS, UNATTRIBUTED)
ONE = Decimal(1)

Weights = Sequence[tuple[Hashable, Decimal]]


def pillar_weights(records: Records, activity: int) -> Weights:
    """An activity's pillars with their shares as fractions (unattributed when it has none); kept per
    activity in ``records``, since every breakdown asks again."""
    held = records.memo.get(activity)
    if held is None:
        held = records.memo[activity] = _pillar_weights(records, activity)
    return held


def _pillar_weights(records: Records, activity: int) -> Weights:
    shares = {k: v for k, v in records.pillars.get(activity, {}).items() if v > 0}
    if not shares:
        return [(UNATTRIBUTED, ONE)]
    return [(p, shares[p] / HUNDRED) for p in PILLARS if p in shares] + [
        (p, v / HUNDRED) for p, v in shares.items() if p not in PILLARS
    ]


def _state_weights(records: Records, activity: int, key: Callable[[int], Hashable | None]) -> Weights:
    out: dict[Hashable, Decimal] = defaultdict(Decimal)
    for state, share in records.countries.get(activity, {}).items():
        k = key(state)
        out[k if k is not None else UNATTRIBUTED] += share / HUNDRED
    rest = ONE - sum(out.values(), Decimal(0))
    if rest > 0:
        out[UNATTRIBUTED] += rest
    return [(k, v) for k, v in out.items() if v > 0]


def row_weights(records: Records, dimension: str) -> Callable[[int, int | None], Weights]:
    """For ``dimension``, a function (activity, flow year) → the rows the activity falls under, weighted."""

    def state(s: int) -> Hashable:
        return s

    def region(s: int) -> Hashable | None:
        return records.states.get(s, {}).get("region")

    def group(s: int) -> Hashable | None:
        groups = records.states.get(s, {}).get("groups") or []
        return groups[0] if groups else None

    if dimension == "pillar":
        return lambda a, y: [(ALL, ONE)]
    if dimension == "actor":
        return lambda a, y: [(records.activities[a].get("reporting_org") or UNATTRIBUTED, ONE)]
    if dimension == "year":
        return lambda a, y: [((y if y is not None else records.year(a)) or UNATTRIBUTED, ONE)]
    key = {"state": state, "region": region, "group": group}[dimension]
    return lambda a, y: _state_weights(records, a, key)


@dataclass
class _Cell:
    value: Decimal
    activities: set[int]
    restricted: set[int]


def _table(cells: dict[tuple[Hashable, Hashable], _Cell], rows: list[Hashable]) -> Table:
    inner = {k: Cell(c.value, len(c.activities), len(c.restricted)) for k, c in cells.items()}
    margins: dict[tuple[Hashable, Hashable], tuple[int, int]] = {}
    for r in rows:  # an activity split over several cells is one record of the margin
        acts = set().union(*(c.activities for (rr, _), c in cells.items() if rr == r))
        restricted = set().union(*(c.restricted for (rr, _), c in cells.items() if rr == r))
        margins[(r, TOTAL)] = (len(acts), len(restricted))
    for col in COLUMNS:
        acts = set().union(*(c.activities for (_, cc), c in cells.items() if cc == col))
        restricted = set().union(*(c.restricted for (_, cc), c in cells.items() if cc == col))
        margins[(TOTAL, col)] = (len(acts), len(restricted))
    everything = set().union(*(c.activities for c in cells.values()))
    hidden = set().union(*(c.restricted for c in cells.values()))
    margins[(TOTAL, TOTAL)] = (len(everything), len(hidden))
    if len(rows) == 1:
        margins[(rows[0], TOTAL)] = margins[(TOTAL, TOTAL)]
    return Table.build(rows, list(COLUMNS), inner, margins)


def _order(rows: Iterable[Hashable]) -> list[Hashable]:
    return sorted(set(rows), key=lambda r: (r == UNATTRIBUTED, str(type(r)), r))


def breakdown(records: Records, dimension: str, measure: str) -> Table:
    """The ``measure`` (count, committed, disbursed) by ``dimension`` × pillar, with margins."""
    if dimension not in DIMENSIONS or measure not in MEASURES:
        raise ValueError(f"unknown breakdown {dimension!r} × {measure!r}")
    rows_of = row_weights(records, dimension)
    cells: dict[tuple[Hashable, Hashable], _Cell] = {}

    def add(key: tuple[Hashable, Hashable], value: Decimal, activity: int, restricted: bool) -> None:
        cell = cells.setdefault(key, _Cell(Decimal(0), set(), set()))
        cell.value += value
        cell.activities.add(activity)
        if restricted:
            cell.restricted.add(activity)

    if measure == "count":
        for a in sorted(records.activities):
            restricted = records.restricted(a)
            for r, wr in rows_of(a, None):
                for c, wc in pillar_weights(records, a):
                    add((r, c), wr * wc, a, restricted)
    else:
        restricted_flows = {int(f["id"]) for f in records.flow_rows if f.get("restricted")}
        for f in counted(records.flows, records.scope, measure):
            act = attributed_activity(f, measure)
            if f.usd is None or act is None:
                continue
            weights = {
                (r, c): wr * wc for r, wr in rows_of(act, f.year) for c, wc in pillar_weights(records, act)
            }
            for key, amount in split(f.usd, weights).items():
                add(key, amount, act, records.restricted(act) or f.id in restricted_flows)
    rows = _order(r for r, _c in cells) or [ALL]
    return _table(cells, rows)


# --- the balance index -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Index:
    """The balance index of a set of activities, its 95 % bootstrap interval, and the activities behind it."""

    value: float | None
    low: float | None
    high: float | None
    activities: int

    @property
    def thin(self) -> bool:
        """Too few activities, or too wide an interval, to read much into the value."""
        return self.activities < THIN or (
            self.low is not None and self.high is not None and self.high - self.low > 0.2
        )


THIN = 30
BOOTSTRAP = 200


def evenness(totals: np.ndarray) -> np.ndarray:
    """Pielou's evenness of pillar totals (last axis): H / ln 4, 1 when the four pillars are equal, 0 when
    everything is in one; NaN when there is nothing."""
    sums = totals.sum(axis=-1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(sums > 0, totals / sums, 0.0)
        h = -np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0).sum(axis=-1)
    out = h / math.log(len(PILLARS))
    return np.where(sums[..., 0] > 0, out, np.nan)


def activity_matrix(
    records: Records, measure: str, activities: Iterable[int] | None = None, year: int | None = None
) -> tuple[list[int], np.ndarray]:
    """One row per activity: its count or money under each pillar (unattributed left out)."""
    chosen = sorted(records.activities if activities is None else activities)
    index = {a: i for i, a in enumerate(chosen)}
    matrix = np.zeros((len(chosen), len(PILLARS)))
    pillar_col = {p: j for j, p in enumerate(PILLARS)}
    if measure == "count":
        for a in chosen:
            for p, w in pillar_weights(records, a):
                if p in pillar_col:
                    matrix[index[a], pillar_col[p]] += float(w)
    else:
        for f in counted(records.flows, records.scope, measure):
            act = attributed_activity(f, measure)
            if act is None or act not in index or f.usd is None or (year is not None and f.year != year):
                continue
            for p, w in pillar_weights(records, act):
                if p in pillar_col:
                    matrix[index[act], pillar_col[p]] += float(f.usd * w)
    keep = matrix.sum(axis=1) > 0
    return [a for a, k in zip(chosen, keep, strict=True) if k], matrix[keep]


def index(matrix: np.ndarray, seed: int, draws: int = BOOTSTRAP) -> Index:
    """The evenness of the matrix's column totals, with a percentile interval from a Poisson bootstrap over
    activities (each activity drawn Poisson(1) times per replicate, ``draws`` replicates, fixed ``seed``)."""
    n = matrix.shape[0]
    if n == 0:
        return Index(None, None, None, 0)
    value = float(evenness(matrix.sum(axis=0)))
    rng = np.random.default_rng(seed)
    results = []
    for start in range(0, draws, 50):
        weights = rng.poisson(1.0, size=(min(50, draws - start), n)).astype(np.float64)
        results.append(evenness(weights @ matrix))
    replicates = np.concatenate(results)
    replicates = replicates[~np.isnan(replicates)]
    low, high = (
        (float(x) for x in np.percentile(replicates, [2.5, 97.5])) if replicates.size else (None, None)
    )
    return Index(value, low, high, n)


def trend(records: Records, measure: str, seed: int) -> dict[int, Index]:
    """The balance index year by year (start year for counts, flow year for money)."""
    out: dict[int, Index] = {}
    if measure == "count":
        by_year: dict[int, list[int]] = defaultdict(list)
        for a in records.activities:
            y = records.year(a)
            if y is not None:
                by_year[y].append(a)
        for y in sorted(by_year):
            out[y] = index(activity_matrix(records, measure, by_year[y])[1], seed + y)
    else:
        years = sorted({f.year for f in counted(records.flows, records.scope, measure) if f.year is not None})
        for y in years:
            out[y] = index(activity_matrix(records, measure, year=y)[1], seed + y)
    return out

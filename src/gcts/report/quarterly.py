"""The quarterly briefing (para 72): what the registry shows of implementation — the pillar balance by count
and by money, with its index, uncertainty and trend; the balance by regional group, region and actor; the
coverage of the current review and the gaps; the mandates' standing.

Figures come from :mod:`gcts.analyse` on the snapshot; a public briefing suppresses small cells of restricted
records (:mod:`gcts.analyse.publish`) and says how many restricted records its totals count.

Reads: the snapshot's registry tables, ``documents`` and ``mandates``. Writes: a :class:`Report`.
"""

from __future__ import annotations

from collections.abc import Hashable

from gcts.analyse import balance, coverage
from gcts.analyse.publish import THRESHOLD, publish
from gcts.analyse.records import PILLARS, Records
from gcts.errors import InputError
from gcts.registry.suppression import TOTAL
from gcts.report import Options, Progress, selection
from gcts.report.content import Cell, Chart, Report, Section, Series, Table, Text
from gcts.report.figures import SUPPRESSED, published_table, value_text
from gcts.report.labels import Labels
from gcts.report.snapshot import Snapshot
from gcts.taxonomy import themes

TOP_ACTORS = 15


def _seed(snapshot: Snapshot) -> int:
    return int(snapshot.id[:8], 16)


def _index_text(ix: balance.Index, labels: Labels) -> str:
    if ix.value is None:
        return "—"

    def show(x: float) -> str:
        return labels.number(min(1.0, max(0.0, x)) + 0.0, 2)  # never "-0.00"

    text = show(ix.value)
    if ix.low is not None and ix.high is not None:
        text += f" [{show(ix.low)}–{show(ix.high)}]"
    return text + (" *" if ix.thin else "")


def _index_cells(ix: balance.Index, hidden: bool, labels: Labels) -> list[Cell]:
    """An index and the activities it rests on; hidden (a public report) when it would give back a hidden
    cell: the evenness of four pillar totals, three of them published, determines the fourth."""
    if hidden:
        return [
            Cell(SUPPRESSED, None, suppressed=True, numeric=True),
            Cell(SUPPRESSED, None, suppressed=True, numeric=True),
        ]
    return [
        Cell(_index_text(ix, labels), ix.value, numeric=True),
        Cell(labels.number(ix.activities), ix.activities, numeric=True),
    ]


def _small_restricted(records: Records, activities: list[int]) -> bool:
    restricted = sum(1 for a in activities if records.restricted(a))
    return 0 < restricted < THRESHOLD


def balance_section(
    snapshot: Snapshot, records: Records, labels: Labels, options: Options, progress: Progress
) -> Section:
    """Pillar balance by count and by money, the index with its interval, and its trend."""
    section = Section(title=labels("balance"), anchor="balance")
    section.blocks.append(Text(labels("balance_rules")))
    shares: dict[str, list[float]] = {}
    indices = []
    for i, measure in enumerate(balance.MEASURES):
        table = balance.breakdown(records, "pillar", measure)
        published = publish(table, snapshot.audience)
        section.blocks.append(
            published_table(
                f"pillar-{measure}",
                labels(f"pillar_caption_{measure}"),
                published,
                measure,
                labels,
                options,
                row_name=str,
            )
        )
        total = table.cells[(balance.ALL, TOTAL)].value
        shares[measure] = [
            float(v / total)
            if total and (v := published.value((balance.ALL, p))) is not None
            else float("nan")
            for p in PILLARS
        ]
        ix = balance.index(balance.activity_matrix(records, measure)[1], _seed(snapshot))
        hidden = any((balance.ALL, p) in published.hidden for p in PILLARS)
        indices.append([Cell(labels(f"measure_{measure}")), *_index_cells(ix, hidden, labels)])
        progress(0.1 + 0.1 * i, f"balance by {measure}")
    section.blocks.append(
        Chart(
            key="pillar-shares",
            kind="bar",
            title=labels("pillar_shares_chart"),
            categories=[labels("pillar_short", id=p) for p in PILLARS],
            series=[Series(labels(f"measure_{m}"), [100 * v for v in shares[m]]) for m in balance.MEASURES],
            value_label="%",
        )
    )
    section.blocks.append(
        Table(
            key="balance-index",
            caption=labels("index_caption"),
            columns=[labels("measure"), labels("index"), labels("activities")],
            rows=indices,
            note=labels("index_method"),
        )
    )
    trend = balance.trend(records, "count", _seed(snapshot))
    if trend:
        public = snapshot.audience == "public"
        hide = {
            y: public and _small_restricted(records, [a for a in records.activities if records.year(a) == y])
            for y in trend
        }
        section.blocks.append(
            Table(
                key="balance-trend",
                caption=labels("trend_caption"),
                columns=[labels("year"), labels("index"), labels("activities")],
                rows=[[Cell(str(y)), *_index_cells(ix, hide[y], labels)] for y, ix in trend.items()],
            )
        )
        section.blocks.append(
            Chart(
                key="balance-trend",
                kind="line",
                title=labels("trend_chart"),
                categories=[str(y) for y in trend],
                series=[
                    Series(
                        labels("index"),
                        [
                            ix.value if ix.value is not None and not hide[y] else float("nan")
                            for y, ix in trend.items()
                        ],
                    )
                ],
                value_label=labels("index"),
            )
        )
    return section


def places_section(snapshot: Snapshot, records: Records, labels: Labels, options: Options) -> Section:
    """The balance by regional group, M49 region and reporting organisation (counts)."""
    lang = labels.language
    section = Section(title=labels("by_place_and_actor"), anchor="places")
    named = {
        "group": (lambda r: records.name("regions", r, lang), lambda r: {"group": str(r)}),
        "region": (lambda r: records.name("regions", r, lang), lambda r: {}),
        "actor": (
            lambda r: records.name("organisations", r, lang),
            lambda r: {"organisation": str(records.organisations.get(r, {}).get("ref", r))},
        ),
    }
    pillar = publish(balance.breakdown(records, "pillar", "count"), snapshot.audience)
    for dimension in ("group", "region", "actor"):
        table = balance.breakdown(records, dimension, "count")
        if dimension == "actor" and len(table.rows) > TOP_ACTORS:
            top = sorted(table.rows, key=lambda r: -table.cells[(r, TOTAL)].value)[:TOP_ACTORS]
            table = _rows_only(table, top)
        name, flt = named[dimension]
        section.blocks.append(
            published_table(
                f"{dimension}-count",
                labels(f"{dimension}_caption"),
                publish(table, snapshot.audience, linked=pillar),
                "count",
                labels,
                options,
                row_name=name,
                row_filter=flt,
                row_heading=labels(f"dimension_{dimension}"),
            )
        )
    return section


def _rows_only(table: balance.Table, rows: list[Hashable]) -> balance.Table:
    """The table restricted to ``rows`` (its column margins recomputed from them)."""
    from gcts.registry.suppression import Table as SupTable

    inner = {k: v for k, v in table.cells.items() if k[0] in rows and k[1] != TOTAL}
    margins: dict[tuple[Hashable, Hashable], tuple[int, int]] = {
        (r, TOTAL): (table.cells[(r, TOTAL)].records, table.cells[(r, TOTAL)].restricted) for r in rows
    }
    return SupTable.build(rows, table.cols, inner, margins)


def coverage_section(snapshot: Snapshot, records: Records, labels: Labels, options: Options) -> Section:
    """Paragraphs and themes with no activity or no money; unmet requests; recommendations with no help."""
    lang = labels.language
    section = Section(title=labels("coverage"), anchor="coverage")
    try:
        (review,) = selection.reviews(snapshot, lang, options.documents, count=1)
    except InputError:
        review = None
    if review is not None:
        symbols = {review["symbol"], review.get("adopted_as") or review["symbol"]}
        pids = [
            f"operative:{p['number']}"
            for p in review["resolution"].get("operative", [])
            if p.get("number") is not None
        ]
        covered = coverage.paragraphs(records, symbols, pids)
        none = [c.pid for c in covered if not c.activities]
        unfunded = [c.pid for c in covered if c.activities and not c.money]
        section.blocks.append(
            Text(
                labels(
                    "paragraph_coverage",
                    symbol=review["symbol"],
                    n=labels.number(len(pids)),
                    none=labels.number(len(none)),
                    unfunded=labels.number(len(unfunded)),
                )
            )
        )
        section.blocks.append(
            Table(
                key="paragraphs",
                caption=labels("paragraphs_caption", symbol=review["symbol"]),
                columns=[labels("paragraph"), labels("activities"), labels("measure_committed")],
                rows=[
                    [
                        Cell(
                            labels("pid_operative", n=c.pid.partition(":")[2]),
                            link=options.link(
                                f"/documents/{review.get('slug', '')}/#{c.pid.replace(':', '-')}"
                            ),
                        ),
                        Cell(
                            labels.number(len(c.activities)),
                            len(c.activities),
                            numeric=True,
                            link=options.link(f"/registry/activities/?paragraph={c.pid}"),
                        ),
                        Cell(labels.money(c.money), c.money, numeric=True),
                    ]
                    for c in covered
                    if not c.activities or not c.money
                ],
            )
        )
    theme_rows = coverage.themes(records, [t.id for t in themes()])
    gaps = [(t, n, m) for t, (n, m) in theme_rows.items() if not n or not m]
    section.blocks.append(
        Table(
            key="theme-gaps",
            caption=labels("theme_gaps_caption"),
            columns=[labels("theme"), labels("activities"), labels("measure_committed")],
            rows=[
                [
                    Cell(next(x.name(lang) for x in themes() if x.id == t)),
                    Cell(labels.number(n), n, numeric=True),
                    Cell(labels.money(m), m, numeric=True),
                ]
                for t, n, m in gaps
            ],
        )
    )
    unmet = coverage.unmet_requests(records)
    section.blocks.append(
        Table(
            key="unmet-requests",
            caption=labels("unmet_caption"),
            columns=[labels("dimension_state"), labels("requests")],
            rows=[
                [
                    Cell(records.name("states", s, lang)),
                    Cell(labels.number(len(reqs)), len(reqs), numeric=True),
                ]
                for s, reqs in sorted(unmet.items(), key=lambda kv: records.name("states", kv[0], lang))
                if snapshot.audience != "public" or all(not r.get("restricted") for r in reqs)
            ],
            note=labels("unmet_note"),
        )
    )
    lonely = coverage.unassisted_recommendations(records)
    shown = [r for r in lonely if snapshot.audience != "public" or not r.get("restricted")]
    section.blocks.append(
        Text(
            labels(
                "unassisted", n=labels.number(len(shown)), total=labels.number(len(records.recommendations))
            )
        )
    )
    return section


def duplication_section(snapshot: Snapshot, records: Records, labels: Labels, options: Options) -> Section:
    """Pairs of activities of different entities that look like the same work (para 61), with evidence."""
    from gcts.analyse import duplicates

    section = Section(title=labels("duplication"), anchor="duplication")
    facts = duplicates.facts_of(records, include_restricted=snapshot.audience != "public")
    pairs = duplicates.find(facts)
    section.blocks.append(
        Text(
            labels(
                "duplication_intro",
                n=labels.number(len(pairs)),
                threshold=labels.number(duplicates.THRESHOLD, 2),
            )
        )
    )

    def who(a: str) -> Cell:
        act = records.activities[int(a)]
        title = act.get("title") or {}
        name = (
            title.get(labels.language)
            or title.get(act.get("language") or "en")
            or next(iter(title.values()), a)
        )
        org = records.name("organisations", act.get("reporting_org"), labels.language)
        return Cell(f"{name} ({org})", link=options.link(f"/registry/activities/{act.get('ref', '')}/"))

    section.blocks.append(
        Table(
            key="duplicates",
            caption=labels("duplicates_caption"),
            columns=[
                labels("activity"),
                labels("activity"),
                labels("similarity"),
                labels("dimension_state"),
                labels("overlap_days"),
                labels("paragraph"),
            ],
            rows=[
                [
                    who(p.a),
                    who(p.b),
                    Cell(labels.number(p.similarity, 2), p.similarity, numeric=True),
                    Cell(", ".join(p.states)),
                    Cell(
                        "—" if p.overlap_days is None else labels.number(p.overlap_days),
                        p.overlap_days,
                        numeric=True,
                    ),
                    Cell(", ".join(p.paragraphs)),
                ]
                for p in pairs[:50]
            ],
            note=labels("duplicates_method"),
        )
    )
    return section


def build(snapshot: Snapshot, labels: Labels, options: Options, progress: Progress) -> Report:
    """The briefing."""
    records = Records.of(snapshot).where(dict(options.filters))
    if not records.activities:
        raise InputError("the snapshot holds no published activities of the registry", field="snapshot")
    report = Report(
        kind="quarterly",
        title=labels("quarterly_title"),
        subtitle=labels("quarterly_subtitle", day=labels.date(snapshot.taken_at.date())),
        language=labels.language,
        snapshot_id=snapshot.id,
        snapshot_time=snapshot.taken_on,
        audience=snapshot.audience,
        direction=labels.direction,
    )
    # the totals as the pillar tables publish them: a hidden grand total is not printed here either
    grand = (balance.ALL, TOTAL)
    count = publish(balance.breakdown(records, "pillar", "count"), snapshot.audience).value(grand)
    committed = publish(balance.breakdown(records, "pillar", "committed"), snapshot.audience).value(grand)
    restricted = sum(1 for a in records.activities if records.restricted(a))
    overview = Section(title=labels("overview"), anchor="overview")
    overview.blocks.append(
        Text(
            labels(
                "quarterly_intro",
                n=value_text(count, "count", labels) if count is not None else labels("not_shown"),
                orgs=labels.number(len({a.get("reporting_org") for a in records.activities.values()})),
                committed=value_text(committed, "committed", labels)
                if committed is not None
                else labels("not_shown"),
                restricted=labels.number(restricted),
            )
        )
    )
    report.sections.append(overview)
    progress(0.05, "balance")
    report.sections.append(balance_section(snapshot, records, labels, options, progress))
    progress(0.5, "places and actors")
    report.sections.append(places_section(snapshot, records, labels, options))
    progress(0.8, "coverage")
    report.sections.append(coverage_section(snapshot, records, labels, options))
    if options.duplicates:
        progress(0.9, "duplication")
        report.sections.append(duplication_section(snapshot, records, labels, options))
    report.notes.extend([labels("balance_rules"), labels("index_method"), labels("suppression_method")])
    progress(1.0, "report built")
    return report

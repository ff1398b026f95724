"""The annual report on the transparency of project selection and funding (para 62): money from donors to
entities to activities and pillars (tables and a flow chart), earmarked or not, co-funding, the time from
pledge to full funding, and what the registry records of project selection.

For the public, restricted flows are not shown donor by donor: they are one line, whose amount is printed
only when it gathers at least three flows (the total likewise), so no restricted amount can be read or
worked out. The flow chart shows public flows only.

Reads: the snapshot's registry tables. Writes: a :class:`Report`.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from decimal import Decimal

from gcts.analyse import balance
from gcts.analyse.funding import Funding, Line, funding
from gcts.analyse.publish import THRESHOLD, publish
from gcts.analyse.records import PILLARS, Records
from gcts.errors import InputError
from gcts.report import Options, Progress
from gcts.report.content import Cell, Chart, Flow, Report, Section, Table, Text
from gcts.report.figures import SUPPRESSED, published_table
from gcts.report.labels import Labels
from gcts.report.snapshot import Snapshot

TOP = 6


def _money(value: Decimal, labels: Labels) -> Cell:
    return Cell(labels.money(value), value, numeric=True)


def _hidden() -> Cell:
    return Cell(SUPPRESSED, None, suppressed=True, numeric=True)


def _lines_table(
    key: str,
    caption: str,
    heading: str,
    shown: dict[int | None, Line],
    every: Funding | None,
    names: dict[int | None, str],
    labels: Labels,
    restricted_lines: dict[int | None, Line],
) -> Table:
    """Lines by donor or entity, largest first; restricted money as one line (hidden when thin)."""
    rows = []
    for key_, line in sorted(shown.items(), key=lambda kv: (-kv[1].committed, names.get(kv[0], ""))):
        earmarked = line.earmarked / line.committed if line.committed else Decimal(0)
        rows.append(
            [
                Cell(names.get(key_, labels("unattributed"))),
                _money(line.committed, labels),
                _money(line.disbursed, labels),
                Cell(labels.percent(float(earmarked)), float(earmarked), numeric=True),
                Cell(labels.number(len(line.activities)), len(line.activities), numeric=True),
            ]
        )
    flows = sum(line.restricted for line in restricted_lines.values())
    committed = sum((line.committed for line in restricted_lines.values()), Decimal(0))
    disbursed = sum((line.disbursed for line in restricted_lines.values()), Decimal(0))
    total_c = sum((line.committed for line in shown.values()), Decimal(0))
    total_d = sum((line.disbursed for line in shown.values()), Decimal(0))
    note = ""
    if flows:
        visible = flows >= THRESHOLD
        rows.append(
            [
                Cell(labels("restricted_flows", n=labels.number(flows))),
                _money(committed, labels) if visible else _hidden(),
                _money(disbursed, labels) if visible else _hidden(),
                Cell(""),
                Cell(""),
            ]
        )
        note = labels("restricted_flows_note", threshold=THRESHOLD)
        if visible:
            total_c, total_d = total_c + committed, total_d + disbursed
        rows.append(
            [
                Cell(labels("total")),
                _money(total_c, labels) if visible else _hidden(),
                _money(total_d, labels) if visible else _hidden(),
                Cell(""),
                Cell(""),
            ]
        )
    else:
        rows.append(
            [Cell(labels("total")), _money(total_c, labels), _money(total_d, labels), Cell(""), Cell("")]
        )
    return Table(
        key=key,
        caption=caption,
        note=note,
        columns=[
            heading,
            labels("measure_committed"),
            labels("measure_disbursed"),
            labels("earmarked"),
            labels("activities"),
        ],
        rows=rows,
    )


def _sankey(fund: Funding, names: dict[int | None, str], labels: Labels) -> Chart:
    donors: dict[int | None, Decimal] = defaultdict(Decimal)
    entities: dict[int | None, Decimal] = defaultdict(Decimal)
    for (d, e, _p), v in fund.bands.items():
        donors[d] += v
        entities[e] += v
    top_d = set(sorted(donors, key=lambda k: -donors[k])[:TOP])
    top_e = set(sorted(entities, key=lambda k: -entities[k])[:TOP])
    other = labels("others")
    first: dict[tuple[str, str], float] = defaultdict(float)
    second: dict[tuple[str, str], float] = defaultdict(float)
    for (d, e, p), v in fund.bands.items():
        dn = names.get(d, other) if d in top_d else other
        en = names.get(e, other) if e in top_e else f"{other} "
        pn = (
            labels("core_funding")
            if p == "core"
            else (labels("pillar_short", id=p) if p in PILLARS else labels("unattributed"))
        )
        first[(dn, en)] += float(v)
        second[(en, pn)] += float(v)
    flows = [Flow(s, t, v, 0) for (s, t), v in first.items() if v > 0]
    flows += [Flow(s, t, v, 1) for (s, t), v in second.items() if v > 0]
    return Chart(key="funding-flows", kind="sankey", title=labels("sankey_title"), flows=flows)


def build(snapshot: Snapshot, labels: Labels, options: Options, progress: Progress) -> Report:
    """The annual transparency report."""
    records = Records.of(snapshot).where(dict(options.filters))
    if not records.activities:
        raise InputError("the snapshot holds no published activities of the registry", field="snapshot")
    lang = labels.language
    public = snapshot.audience == "public"
    names: dict[int | None, str] = {k: records.name("organisations", k, lang) for k in records.organisations}
    every = funding(records)
    shown = funding(records, include_restricted=not public)
    progress(0.4, "funding")
    report = Report(
        kind="annual",
        title=labels("annual_title"),
        subtitle=labels("annual_subtitle", day=labels.date(snapshot.taken_at.date())),
        language=lang,
        snapshot_id=snapshot.id,
        snapshot_time=snapshot.taken_on,
        audience=snapshot.audience,
        direction=labels.direction,
    )

    def restricted_part(
        lines: dict[int | None, Line], base: dict[int | None, Line]
    ) -> dict[int | None, Line]:
        if not public:
            return {}
        out: dict[int | None, Line] = {}
        for k, line in lines.items():
            seen = base.get(k, Line())
            extra = Line(
                committed=line.committed - seen.committed,
                disbursed=line.disbursed - seen.disbursed,
                restricted=line.restricted,
            )
            if extra.restricted:
                out[k] = extra
        return out

    flows_section = Section(title=labels("flows"), anchor="flows")
    flows_section.blocks.append(Text(labels("funding_rules")))
    flows_section.blocks.append(_sankey(shown, names, labels))
    flows_section.blocks.append(
        _lines_table(
            "donors",
            labels("donors_caption"),
            labels("donor"),
            shown.donors,
            every,
            names,
            labels,
            restricted_part(every.donors, shown.donors),
        )
    )
    flows_section.blocks.append(
        _lines_table(
            "entities",
            labels("entities_caption"),
            labels("entity"),
            shown.entities,
            every,
            names,
            labels,
            restricted_part(every.entities, shown.entities),
        )
    )
    report.sections.append(flows_section)

    pillar = publish(balance.breakdown(records, "pillar", "committed"), snapshot.audience)
    pillars = Section(title=labels("by_pillar"), anchor="pillars")
    pillars.blocks.append(
        published_table(
            "pillar-committed",
            labels("pillar_caption_committed"),
            pillar,
            "committed",
            labels,
            options,
            row_name=str,
        )
    )
    report.sections.append(pillars)
    progress(0.7, "co-funding and pledges")

    co = Section(title=labels("cofunding"), anchor="cofunding")
    cofunded = {a: d for a, d in shown.cofunded.items() if not (public and records.restricted(a))}
    in_co = sum((sum(d.values(), Decimal(0)) for d in cofunded.values()), Decimal(0))
    earmarked = sum((line.earmarked for line in shown.donors.values()), Decimal(0))
    co.blocks.append(
        Text(
            labels(
                "cofunding_intro",
                n=labels.number(len(cofunded)),
                share=labels.percent(float(in_co / earmarked) if earmarked else 0.0),
            )
        )
    )
    rows = []
    for a, donors in sorted(cofunded.items(), key=lambda kv: -sum(kv[1].values()))[:15]:
        total = sum(donors.values(), Decimal(0))
        act = records.activities[a]
        title = (
            (act.get("title") or {}).get(lang)
            or (act.get("title") or {}).get("en")
            or act.get("ref")
            or str(a)
        )
        rows.append(
            [
                Cell(str(title), link=options.link(f"/registry/activities/{act.get('ref', '')}/")),
                Cell(labels.number(len(donors)), len(donors), numeric=True),
                _money(total, labels),
                Cell(labels.percent(float(max(donors.values()) / total)), numeric=True),
            ]
        )
    co.blocks.append(
        Table(
            key="cofunded",
            caption=labels("cofunded_caption"),
            rows=rows,
            columns=[
                labels("activity"),
                labels("donors"),
                labels("measure_committed"),
                labels("largest_share"),
            ],
        )
    )
    days = every.pledge_days
    co.blocks.append(
        Table(
            key="pledges",
            caption=labels("pledges_caption"),
            columns=[labels("label_item"), labels("value")],
            rows=[
                [Cell(labels("pledges")), Cell(labels.number(every.pledges), every.pledges, numeric=True)],
                [Cell(labels("pledges_met")), Cell(labels.number(len(days)), len(days), numeric=True)],
                [
                    Cell(labels("pledges_outstanding")),
                    Cell(labels.number(every.outstanding), every.outstanding, numeric=True),
                ],
                [
                    Cell(labels("median_days")),
                    Cell(
                        labels.number(statistics.median(days)) if days else "—",
                        statistics.median(days) if days else None,
                        numeric=True,
                    ),
                ],
            ],
            note=labels("pledges_note"),
        )
    )
    report.sections.append(co)

    selection = Section(title=labels("selection"), anchor="selection")
    selection.blocks.append(Text(labels("selection_text")))
    report.sections.append(selection)
    report.notes.extend([labels("funding_rules"), labels("suppression_method")])
    progress(1.0, "report built")
    return report

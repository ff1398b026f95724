""" "What is new in this review": two reviews of the Strategy compared, paragraph by paragraph, by pillar and
by theme (gcts.compare does the alignment and the redline; this module counts and writes).

Which two: ``Options.documents`` (``A/RES/72/284@en``, ``A/RES/75/291@en``), otherwise the two latest places
of the review series that the snapshot holds in one language (:mod:`gcts.report.selection`).
A new paragraph counts under the pillars and themes of its text, a removed one under those it had
(:mod:`gcts.compare.summary`); a paragraph with two pillars counts under both, so the pillar rows are not
meant to add up to the total, and the table says so.

Reads: the snapshot's ``documents`` table (each row with its gcts JSON). Writes: a :class:`Report`.
"""

from __future__ import annotations

from typing import Any

from gcts.compare import compare
from gcts.compare.summary import CATEGORIES, SUBSTANTIAL
from gcts.formats.json_format import from_json
from gcts.model import Resolution
from gcts.report import Options, Progress, selection
from gcts.report.content import Cell, Chart, Quote, Report, Section, Series, Table, Text
from gcts.report.labels import Labels
from gcts.report.snapshot import Row, Snapshot
from gcts.taxonomy import pillars, themes

#: The categories shown in the tables (split and merged are rare and kept in the totals table only).
SHOWN = ("new", "removed", "substantially changed", "changed", "unchanged")


def _name(entry: Any, lang: str) -> str:
    return str(entry.name(lang))


def _count_table(
    key: str,
    caption: str,
    rows: dict[str, dict[str, int]],
    names: dict[str, str],
    labels: Labels,
    note: str = "",
) -> Table:
    columns = [labels("label_item")] + [labels(f"change_{c.replace(' ', '_')}") for c in SHOWN]
    body = [
        [Cell(names.get(k, k))]
        + [Cell(labels.number(counts.get(c, 0)), counts.get(c, 0), numeric=True) for c in SHOWN]
        for k, counts in rows.items()
    ]
    return Table(key=key, caption=caption, columns=columns, rows=body, note=note)


def _paragraph_link(options: Options, row: Row, pid: str) -> str | None:
    slug = row.get("slug")
    return options.link(f"/documents/{slug}/#{pid.replace(':', '-')}") if slug else None


def build(snapshot: Snapshot, labels: Labels, options: Options, progress: Progress) -> Report:
    """The report: totals, pillar and theme tables and charts, the new and the removed paragraphs."""
    row_a, row_b = selection.reviews(snapshot, labels.language, options.documents, count=2)
    progress(0.1, f"comparing {row_a['id']} with {row_b['id']}")
    a: Resolution = from_json(row_a["resolution"], source=row_a["id"])
    b: Resolution = from_json(row_b["resolution"], source=row_b["id"])
    comparison = compare(a, b)
    progress(0.7, "counting")
    summary = comparison.summary
    lang = labels.language
    name_a, name_b = row_a["symbol"], row_b["symbol"]
    report = Report(
        kind="whats-new",
        title=labels("whats_new_title", b=name_b),
        subtitle=labels("whats_new_subtitle", a=name_a, b=name_b),
        language=lang,
        snapshot_id=snapshot.id,
        snapshot_time=snapshot.taken_on,
        audience=snapshot.audience,
        direction=labels.direction,
    )
    total_new = summary.counts["new"] + summary.counts["substantially changed"]
    overview = Section(title=labels("overview"), anchor="overview")
    overview.blocks.append(
        Text(
            labels(
                "whats_new_intro",
                a=name_a,
                b=name_b,
                n_a=labels.number(len(a.operative)),
                n_b=labels.number(len(b.operative)),
                p_a=labels.number(len(a.preamble)),
                p_b=labels.number(len(b.preamble)),
                new=labels.number(summary.counts["new"]),
                removed=labels.number(summary.counts["removed"]),
                changed=labels.number(total_new),
            )
        )
    )
    compare_link = options.link(f"/compare/?a={row_a.get('slug', '')}&b={row_b.get('slug', '')}")
    overview.blocks.append(
        Table(
            key="changes",
            caption=labels("changes_caption"),
            columns=[labels("change"), labels("paragraphs")],
            rows=[
                [
                    Cell(labels(f"change_{c.replace(' ', '_')}")),
                    Cell(
                        labels.number(summary.counts[c]), summary.counts[c], link=compare_link, numeric=True
                    ),
                ]
                for c in CATEGORIES
                if c in SHOWN or summary.counts[c]
            ],
            note=labels("changes_method", share=labels.percent(SUBSTANTIAL, 0)),
        )
    )
    report.sections.append(overview)

    pillar_names = {p.id: _name(p, lang) for p in pillars()}
    pillar_short = {p.id: labels("pillar_short", id=p.id) for p in pillars() if p.id != "ALL"}
    pillar_short["ALL"] = labels("pillar_all")
    by_pillar = {p: summary.by_pillar[p] for p in pillar_names if p in summary.by_pillar}
    pillar_section = Section(title=labels("by_pillar"), anchor="pillars")
    pillar_section.blocks.append(
        _count_table(
            "by-pillar",
            labels("by_pillar_caption"),
            by_pillar,
            {
                k: pillar_names[k] if k == "ALL" else f"{pillar_short[k]} — {pillar_names[k]}"
                for k in pillar_names
            },
            labels,
            note=labels("multi_label_note"),
        )
    )
    if by_pillar:
        pillar_section.blocks.append(
            Chart(
                key="by-pillar",
                kind="stacked-bar",
                title=labels("by_pillar_chart"),
                categories=[pillar_short[k] for k in by_pillar],
                series=[
                    Series(
                        labels(f"change_{c.replace(' ', '_')}"),
                        [float(by_pillar[k].get(c, 0)) for k in by_pillar],
                    )
                    for c in SHOWN
                ],
                value_label=labels("paragraphs"),
            )
        )
    else:
        pillar_section.blocks.append(Text(labels("not_annotated")))
    report.sections.append(pillar_section)

    theme_names = {t.id: _name(t, lang) for t in themes()}
    by_theme = {t: summary.by_theme[t] for t in theme_names if t in summary.by_theme}
    theme_section = Section(title=labels("by_theme"), anchor="themes")
    theme_section.blocks.append(
        _count_table(
            "by-theme",
            labels("by_theme_caption"),
            by_theme,
            theme_names,
            labels,
            note=labels("multi_label_note"),
        )
    )
    moving = {k: v for k, v in by_theme.items() if v.get("new", 0) + v.get("substantially changed", 0)}
    if moving:
        order = sorted(
            moving, key=lambda k: -(moving[k].get("new", 0) + moving[k].get("substantially changed", 0))
        )
        theme_section.blocks.append(
            Chart(
                key="by-theme",
                kind="stacked-bar",
                horizontal=True,
                title=labels("by_theme_chart"),
                categories=[theme_names[k] for k in order],
                series=[
                    Series(
                        labels(f"change_{c.replace(' ', '_')}"), [float(moving[k].get(c, 0)) for k in order]
                    )
                    for c in ("new", "substantially changed")
                ],
                value_label=labels("paragraphs"),
            )
        )
    report.sections.append(theme_section)

    new_section = Section(title=labels("new_paragraphs"), anchor="new")
    removed_section = Section(title=labels("removed_paragraphs"), anchor="removed")
    for change in comparison.changes:
        if change.kind == "added":
            for pid in change.b:
                new_section.blocks.append(
                    Quote(
                        source=f"{name_b} {_pid_label(pid, labels)}",
                        text=change.b_text,
                        link=_paragraph_link(options, row_b, pid),
                    )
                )
        elif change.kind == "removed":
            for pid in change.a:
                removed_section.blocks.append(
                    Quote(
                        source=f"{name_a} {_pid_label(pid, labels)}",
                        text=change.a_text,
                        link=_paragraph_link(options, row_a, pid),
                    )
                )
    for section in (new_section, removed_section):
        if not section.blocks:
            section.blocks.append(Text(labels("none")))
        report.sections.append(section)
    report.notes.append(labels("whats_new_method"))
    progress(1.0, "report built")
    return report


def _pid_label(pid: str, labels: Labels) -> str:
    part, _, number = pid.partition(":")
    return labels(f"pid_{part}", n=number)

"""The progress report (para 84): the mandates the current review puts on the Secretary-General, the Office
and the Member States, and where each stands, as of the snapshot.

A mandate is *overdue* when the snapshot's date is past its deadline (``YYYY-MM`` counts to the month's end)
or past the end of the General Assembly session it names, and it is not done. Recurring mandates (annual,
quarterly) are never "done" for good: they are shown with their period and counted as recurring.

Reads: the snapshot's ``documents`` (to choose the review) and ``mandates`` tables. Writes: a :class:`Report`.
"""

from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from datetime import date

from gcts.report import Options, Progress, selection
from gcts.report.content import Cell, Chart, Report, Section, Series, Table, Text
from gcts.report.labels import Labels
from gcts.report.snapshot import Row, Snapshot
from gcts.taxonomy import actors

STATUSES = ("open", "in_progress", "done")


def due_date(mandate: Row) -> date | None:
    """The last day a mandate may be met: its deadline, or the end of the session it names; else None."""
    deadline = mandate.get("deadline") or ""
    if deadline:
        parts = [int(x) for x in deadline.split("-")]
        if len(parts) == 2:
            return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        if len(parts) == 3:
            return date(*parts)
    dates = mandate.get("session_dates")
    if dates:
        return date.fromisoformat(dates[1])
    return None


def standing(mandate: Row, today: date) -> str:
    """``done``, ``in_progress``, ``open``, ``overdue`` (not done and past due) or ``recurring``."""
    status = mandate.get("status") or "open"
    if mandate.get("recurrence"):
        return "recurring"
    due = due_date(mandate)
    if status != "done" and due is not None and due < today:
        return "overdue"
    return str(status)


STANDINGS = ("overdue", "open", "in_progress", "recurring", "done")


def _actor_name(actor_id: str, lang: str) -> str:
    for entry in actors():
        if entry.id == actor_id:
            return entry.name(lang)
    return actor_id


def build(snapshot: Snapshot, labels: Labels, options: Options, progress: Progress) -> Report:
    """The report: overview, standing by actor (table and chart), and every mandate with its paragraph."""
    (review,) = selection.reviews(snapshot, labels.language, options.documents, count=1)
    lang = labels.language
    today = snapshot.taken_at.date()
    mandates = [m for m in snapshot.table("mandates") if m.get("document") == review["id"]]
    mandates.sort(key=lambda m: (int(m["pid"].partition(":")[2] or 0), m.get("actor", "")))
    progress(0.3, f"{len(mandates)} mandates of {review['id']}")
    report = Report(
        kind="progress",
        title=labels("progress_title"),
        subtitle=labels("progress_subtitle", symbol=review["symbol"]),
        language=lang,
        snapshot_id=snapshot.id,
        snapshot_time=snapshot.taken_on,
        audience=snapshot.audience,
        direction=labels.direction,
    )
    standings = {id(m): standing(m, today) for m in mandates}
    totals = Counter(standings.values())
    overview = Section(title=labels("overview"), anchor="overview")
    overview.blocks.append(
        Text(
            labels(
                "progress_intro",
                symbol=review["symbol"],
                n=labels.number(len(mandates)),
                actors=labels.number(len({m["actor"] for m in mandates})),
                day=labels.date(today),
                overdue=labels.number(totals["overdue"]),
                done=labels.number(totals["done"]),
            )
        )
    )
    tracker = options.link(f"/mandates/?document={review.get('slug', '')}")
    overview.blocks.append(
        Table(
            key="standing",
            caption=labels("standing_caption"),
            columns=[labels("standing"), labels("mandates")],
            rows=[
                [
                    Cell(labels.term("standing", s)),
                    Cell(
                        labels.number(totals[s]),
                        totals[s],
                        link=f"{tracker}&status={s}" if s in STATUSES else None,
                        numeric=True,
                    ),
                ]
                for s in STANDINGS
            ],
            note=labels("standing_method"),
        )
    )
    report.sections.append(overview)

    by_actor: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mandates:
        by_actor[m["actor"]][standings[id(m)]] += 1
    order = sorted(by_actor, key=lambda a: (-sum(by_actor[a].values()), a))
    actor_section = Section(title=labels("by_actor"), anchor="actors")
    actor_section.blocks.append(
        Table(
            key="by-actor",
            caption=labels("by_actor_caption"),
            columns=[labels("actor")] + [labels.term("standing", s) for s in STANDINGS] + [labels("total")],
            rows=[
                [Cell(_actor_name(a, lang))]
                + [Cell(labels.number(by_actor[a][s]), by_actor[a][s], numeric=True) for s in STANDINGS]
                + [
                    Cell(
                        labels.number(sum(by_actor[a].values())),
                        sum(by_actor[a].values()),
                        link=f"{tracker}&actor={a}",
                        numeric=True,
                    )
                ]
                for a in order
            ],
        )
    )
    if order:
        actor_section.blocks.append(
            Chart(
                key="by-actor",
                kind="stacked-bar",
                horizontal=True,
                title=labels("by_actor_chart"),
                categories=[_actor_name(a, lang) for a in order],
                series=[
                    Series(labels.term("standing", s), [float(by_actor[a][s]) for a in order])
                    for s in STANDINGS
                ],
                value_label=labels("mandates"),
            )
        )
    report.sections.append(actor_section)

    detail = Section(title=labels("mandate_list"), anchor="mandates")
    rows = []
    for m in mandates:
        pid = m["pid"]
        when = m.get("deadline") or (labels("session_n", n=m["session"]) if m.get("session") else "")
        if m.get("recurrence"):
            when = (when + " · " if when else "") + labels.term("recurrence", m["recurrence"])
        link = options.link(f"/documents/{review.get('slug', '')}/#{pid.replace(':', '-')}")
        rows.append(
            [
                Cell(labels(f"pid_{pid.partition(':')[0]}", n=pid.partition(":")[2]), link=link),
                Cell(_actor_name(m["actor"], lang)),
                Cell(labels.term("action", m.get("action") or "")),
                Cell(when or "—"),
                Cell(labels.term("standing", standings[id(m)])),
            ]
        )
    detail.blocks.append(
        Table(
            key="mandates",
            caption=labels("mandate_list_caption", symbol=review["symbol"]),
            columns=[
                labels("paragraph"),
                labels("actor"),
                labels("action"),
                labels("due"),
                labels("standing"),
            ],
            rows=rows,
        )
        if rows
        else Text(labels("no_mandates"))
    )
    report.sections.append(detail)
    report.notes.append(labels("progress_method"))
    progress(1.0, "report built")
    return report

"""Charts drawn offline with matplotlib, in the report language's fonts: SVG for HTML and PDF, PNG for DOCX.

A :class:`~gcts.report.content.Chart` says what to draw (categories and series, or the flows of a Sankey);
this module draws it. matplotlib rather than Vega-Lite: it needs no JavaScript engine, draws CJK and Arabic
text with Debian's Noto fonts, and is the one library here that can also draw the Sankey bands (Vega-Lite has
no Sankey mark). The object-oriented API (``Figure`` without ``pyplot``) keeps it free of global state, so
charts can be drawn in worker threads. SVG text stays text (``svg.fonttype = none``): the PDF's text layer
holds the chart's words, which the confidentiality tests search.
"""

from __future__ import annotations

import io
from collections import defaultdict
from typing import Any

import matplotlib

matplotlib.use("Agg")

from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch, Rectangle
from matplotlib.path import Path as MplPath
from matplotlib.ticker import MaxNLocator

from gcts.report.content import Chart
from gcts.report.labels import Labels

#: Colour-blind-safe palette (Okabe & Ito), one colour per series or Sankey node.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")


def _draw(chart: Chart, labels: Labels) -> Figure:
    height = 3.2 if chart.kind != "sankey" else 4.2
    if chart.horizontal:
        height = max(2.4, 0.32 * len(chart.categories) + 1.2)
    fig = Figure(figsize=(7.0, height), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    if chart.kind == "sankey":
        _sankey(ax, chart)
    elif chart.kind == "line":
        for i, s in enumerate(chart.series):
            ax.plot(chart.categories, s.values, marker="o", color=PALETTE[i % len(PALETTE)], label=s.name)
        ax.set_ylabel(chart.value_label)
    else:
        _bars(ax, chart)
    ax.set_title(chart.title, fontsize=11, loc="left")
    values = [v for s in chart.series for v in s.values if v == v]  # NaN: a value not shown
    if chart.kind != "sankey" and values and all(float(v).is_integer() for v in values):
        axis = ax.xaxis if chart.horizontal else ax.yaxis
        axis.set_major_locator(MaxNLocator(integer=True))  # counts: no 0.5 of a paragraph
    if chart.kind != "sankey" and len(chart.series) > 1:
        ax.legend(fontsize=8, frameon=False, loc="best")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig


def _bars(ax: object, chart: Chart) -> None:
    from matplotlib.axes import Axes

    assert isinstance(ax, Axes)
    positions = list(range(len(chart.categories)))
    stacked = chart.kind == "stacked-bar"
    n = max(1, len(chart.series))
    width = 0.8 if stacked else 0.8 / n
    base = [0.0] * len(positions)
    for i, s in enumerate(chart.series):
        offset = 0.0 if stacked else (i - (n - 1) / 2) * width
        where = [p + offset for p in positions]
        colour = PALETTE[i % len(PALETTE)]
        if chart.horizontal:
            ax.barh(where, s.values, height=width, left=base if stacked else None, color=colour, label=s.name)
        else:
            ax.bar(where, s.values, width=width, bottom=base if stacked else None, color=colour, label=s.name)
        if stacked:
            base = [b + v for b, v in zip(base, s.values, strict=True)]
    if chart.horizontal:
        ax.set_yticks(positions, chart.categories, fontsize=8)
        ax.invert_yaxis()
        ax.set_xlabel(chart.value_label)
    else:
        ax.set_xticks(positions, chart.categories, fontsize=8)
        ax.set_ylabel(chart.value_label)


def _sankey(ax: object, chart: Chart) -> None:
    """Columns of nodes (one per stage), bands between them as filled cubic Bézier ribbons."""
    from matplotlib.axes import Axes

    assert isinstance(ax, Axes)
    stages: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for f in chart.flows:  # a node's height is the larger of what comes in and what goes out
        stages[f.stage][f.source] += 0.0
        stages[f.stage + 1][f.target] += f.value
    for stage in list(stages):
        outgoing: dict[str, float] = defaultdict(float)
        for f in chart.flows:
            if f.stage == stage:
                outgoing[f.source] += f.value
        for node, out in outgoing.items():
            stages[stage][node] = max(stages[stage][node], out)
    total = max((sum(nodes.values()) for nodes in stages.values()), default=0.0) or 1.0
    gap = 0.02
    columns = sorted(stages)
    node_box: dict[
        tuple[int, str], list[float]
    ] = {}  # (stage, node) -> [x, y0, height, out_cursor, in_cursor]
    colours: dict[str, str] = {}
    for col in columns:
        nodes = sorted(stages[col].items(), key=lambda kv: -kv[1])
        y = 1.0
        x = col / max(1, len(columns) - 1)
        for name, size in nodes:
            h = 0.9 * size / total
            y -= h
            node_box[(col, name)] = [x, y, h, y + h, y + h]
            colours.setdefault(name, PALETTE[len(colours) % len(PALETTE)])
            ax.add_patch(Rectangle((x - 0.008, y), 0.016, h, color="#444444"))
            align = "left" if col < len(columns) - 1 else "right"
            ax.text(
                x + (0.015 if align == "left" else -0.015), y + h / 2, name, fontsize=7, va="center", ha=align
            )
            y -= gap
    for f in sorted(chart.flows, key=lambda f: (f.stage, -f.value)):
        src, dst = node_box[(f.stage, f.source)], node_box[(f.stage + 1, f.target)]
        h = 0.9 * f.value / total
        x0, x1 = src[0] + 0.008, dst[0] - 0.008
        top0, top1 = src[3], dst[4]
        src[3] -= h
        dst[4] -= h
        mid = (x0 + x1) / 2
        verts = [
            (x0, top0),
            (mid, top0),
            (mid, top1),
            (x1, top1),
            (x1, top1 - h),
            (mid, top1 - h),
            (mid, top0 - h),
            (x0, top0 - h),
            (x0, top0),
        ]
        codes = [
            MplPath.MOVETO,
            MplPath.CURVE4,
            MplPath.CURVE4,
            MplPath.CURVE4,
            MplPath.LINETO,
            MplPath.CURVE4,
            MplPath.CURVE4,
            MplPath.CURVE4,
            MplPath.CLOSEPOLY,
        ]
        ax.add_patch(PathPatch(MplPath(verts, codes), facecolor=colours[f.source], alpha=0.45, lw=0))
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(min((b[1] for b in node_box.values()), default=0.0) - 0.02, 1.02)
    ax.axis("off")


def _rc(labels: Labels) -> dict[str, Any]:
    return {
        "font.family": "sans-serif",
        "font.sans-serif": labels.fonts,
        "svg.fonttype": "none",
        "axes.unicode_minus": False,
        "svg.hashsalt": "gcts",
    }


def svg(chart: Chart, labels: Labels) -> str:
    """The chart as an SVG document (text kept as text, in the language's fonts)."""
    with rc_context(_rc(labels)):  # type: ignore[arg-type]
        fig = _draw(chart, labels)
        out = io.StringIO()
        fig.savefig(out, format="svg", metadata={"Date": None})
    text = out.getvalue()
    return text[text.index("<svg") :]


def png(chart: Chart, labels: Labels, dpi: int = 150) -> bytes:
    """The chart as a PNG image (for DOCX, which cannot hold SVG)."""
    with rc_context(_rc(labels)):  # type: ignore[arg-type]
        fig = _draw(chart, labels)
        out = io.BytesIO()
        fig.savefig(out, format="png", dpi=dpi, metadata={"Software": None})
    return out.getvalue()

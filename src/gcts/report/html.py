"""A report as one self-contained HTML page (Jinja2 template, charts inline as SVG, print CSS for the PDF).

Jinja2 rather than Django templates: the report core runs without Django (from the CLI, a notebook or a
queued job) and Jinja2 autoescapes everything from the data. The page carries its own CSS, fonts by family
name (Debian's Noto fonts, resolved by the browser or by WeasyPrint) and the snapshot's id in the header, a
``<meta>`` element and every printed page's footer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

import jinja2
from markupsafe import Markup

from gcts import __version__
from gcts.report import charts
from gcts.report.content import Report
from gcts.report.labels import Labels

_FONT_NAME = re.compile(r"[A-Za-z0-9 ._-]+")


def font_stack(families: list[str]) -> Markup:
    """A CSS ``font-family`` value from the language's font names (names of other characters are dropped)."""
    names = [f'"{f}"' for f in families if _FONT_NAME.fullmatch(f)]
    return Markup(", ".join([*names, "sans-serif"]))


def _css_string(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("gcts.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["cssstring"] = _css_string
    return env


def chart_images(report: Report, labels: Labels) -> dict[str, str]:
    """Every chart of ``report`` as SVG text, by chart key."""
    return {c.key: charts.svg(c, labels) for c in report.charts()}


def render(report: Report, *, svgs: Mapping[str, str] | None = None) -> str:
    """The report as an HTML document (``svgs``: charts drawn already, by key)."""
    labels = Labels(report.language)
    footer = f"gcts · {labels('snapshot')} {report.snapshot_id} · {report.snapshot_time}"
    fonts = font_stack(labels.fonts)
    return (
        _environment()
        .get_template("report.html")
        .render(
            report=report,
            t=labels,
            charts=svgs if svgs is not None else chart_images(report, labels),
            fonts=fonts,
            footer=footer,
            version=__version__,
        )
    )

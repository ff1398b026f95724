"""A report as PDF: its HTML page laid out by WeasyPrint, with Debian's Noto and Noto CJK fonts.

Nothing is fetched: the page is self-contained (inline CSS and SVG) and a URL fetcher that refuses every
URL keeps WeasyPrint from reaching out for anything the data might name.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from gcts.report import html
from gcts.report.content import Report


def render(report: Report, *, svgs: Mapping[str, str] | None = None) -> bytes:
    """The report as PDF bytes."""
    import weasyprint

    page = html.render(report, svgs=svgs)
    # No protocol is allowed: the page needs nothing from outside, and a link in the data fetches nothing.
    fetcher = weasyprint.urls.URLFetcher(allowed_protocols=(), fail_on_errors=False)
    # WeasyPrint logs every SVG presentation attribute its CSS parser does not know (matplotlib writes many),
    # though it draws them: only errors are worth a line on the console.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    out = weasyprint.HTML(string=page, url_fetcher=fetcher, base_url=".").write_pdf()
    assert isinstance(out, bytes)
    return out

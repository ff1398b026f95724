"""The search page: full text over every document and language, filtered by pillar, theme, actor, document."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from gcts.web.library import fragments, vocabulary
from gcts.web.library.models import Document
from gcts.web.library.search import Filters, search, snippet

PAGE_SIZE = 20
RESULT_FIELDS = (
    "pid",
    "text",
    "document__slug",
    "document__symbol",
    "document__source",
    "document__language",
)


def _result(row: dict[str, Any], words: list[str], reading_url: str) -> SafeString:
    """One hit as a list item: link to the paragraph, document and paragraph, language, snippet.

    Made with ``format_html`` (everything escaped) rather than a template loop: a page of twenty hits is
    the search page's largest part, and Django's template engine is several times slower at it.
    """
    slug = row["document__slug"]
    language = row["document__language"]
    return format_html(
        '<li><a class="hit" href="{}#{}">{} · {}</a> <span class="lang">{}</span><p lang="{}">{}</p></li>',
        reading_url.replace("__slug__", slug),
        row["pid"].replace(":", "-"),
        row["document__symbol"] or row["document__source"] or slug,
        vocabulary.paragraph_label(row["pid"]),
        language,
        language,
        snippet(row["text"], words),
    )


def _page(paginator: Paginator, number: str | None) -> Page:
    """The requested page of hits; on the first page of a short result list, without a COUNT query."""
    if number not in (None, "", "1"):
        return paginator.get_page(number)
    rows = list(paginator.object_list[: PAGE_SIZE + 1])
    if len(rows) <= PAGE_SIZE:
        paginator.__dict__["count"] = len(rows)  # all hits are here: the count is known
    return Page(rows[:PAGE_SIZE], 1, paginator)


def search_page(request: HttpRequest) -> HttpResponse:
    """Results of ``?q=`` with the filters, each linking to its paragraph in the reading view.

    Only the columns a result shows are read; the filter menus are a cached fragment keyed to the library's
    version (:mod:`gcts.web.library.fragments`).
    """
    q = request.GET.get("q", "").strip()
    filters = Filters(
        **{k: request.GET.get(k, "").strip()[:120] for k in ("pillar", "theme", "actor", "document")}
    )
    words, qs = search(q, filters)
    page = _page(Paginator(qs.values(*RESULT_FIELDS), PAGE_SIZE), request.GET.get("page"))
    reading_url = reverse("reading", args=["__slug__"])
    results = [_result(row, words, reading_url) for row in page.object_list]
    context = {
        "q": q,
        "filters": filters,
        "page": page,
        "results": results,
        "searched": bool(q) or any(vars(filters).values()),
        "pillars": vocabulary.choices("pillar"),
        "themes": vocabulary.choices("theme"),
        "actors": vocabulary.choices("actor"),
        "documents": Document.objects.only("slug", "symbol", "language", "source").order_by("slug"),
        "documents_version": fragments.library_version(),
    }
    return render(request, "library/search.html", context)

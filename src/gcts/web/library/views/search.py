"""The search page: full text over every document and language, filtered by pillar, theme, actor, document."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from gcts.library.models import Document
from gcts.library.search import Filters, hits, query_phrase, snippet
from gcts.web.library import fragments, vocabulary

PAGE_SIZE = 20


def _result(row: dict[str, Any], words: list[str], phrase: str, reading_url: str) -> SafeString:
    """One hit as a list item: link to the paragraph, document and paragraph, language, snippet.

    Made with ``format_html`` (everything escaped) rather than a template loop: a page of twenty hits is
    the search page's largest part, and Django's template engine is several times slower at it.
    """
    slug = str(row["slug"])
    language = row["language"]
    return format_html(
        '<li><a class="hit" href="{}#{}">{} · {}</a> <span class="lang">{}</span><p lang="{}">{}</p></li>',
        reading_url.replace("__slug__", slug),
        str(row["pid"]).replace(":", "-"),
        row["symbol"] or row["source"] or slug,
        vocabulary.paragraph_label(str(row["pid"])),
        language,
        language,
        snippet(str(row["text"]), words, phrase=phrase),
    )


#: The highest page number taken as asked; larger ones show the last page.
MAX_PAGE = 10_000


def _page(query: str, filters: Filters, number: str | None) -> tuple[list[str], Page]:
    """The words and the requested page of hits (page 1 when the number is not one, the last when too big)."""
    try:
        wanted = max(1, int(number or 1))
    except ValueError:
        wanted = 1
    wanted = min(wanted, MAX_PAGE)  # beyond: the last page (a huge offset would fail in the database)
    words, rows, count = hits(query, filters, limit=PAGE_SIZE, offset=(wanted - 1) * PAGE_SIZE)
    last = max(1, -(-count // PAGE_SIZE))
    if wanted > last:  # past the end: show the last page, as Paginator.get_page does
        wanted = last
        words, rows, count = hits(query, filters, limit=PAGE_SIZE, offset=(wanted - 1) * PAGE_SIZE)
    paginator: Paginator[dict[str, object]] = Paginator([], PAGE_SIZE)
    paginator.__dict__["count"] = count  # known from the query: Paginator need not count a list
    return words, Page(rows, wanted, paginator)


def search_page(request: HttpRequest) -> HttpResponse:
    """Results of ``?q=`` with the filters, each linking to its paragraph in the reading view.

    Only the columns a hit shows are read (:func:`gcts.library.search.hits`); the filter menus are a
    cached fragment keyed to the library's version (:mod:`gcts.web.library.fragments`).
    """
    q = request.GET.get("q", "").strip()
    filters = Filters(
        **{k: request.GET.get(k, "").strip()[:120] for k in ("pillar", "theme", "actor", "document")}
    )
    words, page = _page(q, filters, request.GET.get("page"))
    reading_url = reverse("reading", args=["__slug__"])
    phrase = query_phrase(q)
    results = [_result(row, words, phrase, reading_url) for row in page.object_list]
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

"""The search page: full text over every document and language, filtered by pillar, theme, actor, document."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

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


def _result(row: dict[str, Any], words: list[str], reading_url: str) -> dict[str, Any]:
    """One hit for the template: link to the paragraph, document label, language and snippet."""
    slug = row["document__slug"]
    return {
        "url": reading_url.replace("__slug__", slug) + "#" + row["pid"].replace(":", "-"),
        "label": f"{row['document__symbol'] or row['document__source'] or slug} · {row['pid']}",
        "language": row["document__language"],
        "snippet": snippet(row["text"], words),
    }


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
    page = Paginator(qs.values(*RESULT_FIELDS), PAGE_SIZE).get_page(request.GET.get("page"))
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

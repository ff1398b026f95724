"""The search page: full text over every document and language, filtered by pillar, theme, actor, document."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gcts.web.library import vocabulary
from gcts.web.library.models import Document
from gcts.web.library.search import Filters, search, snippet

PAGE_SIZE = 20


def _library_version() -> str:
    """Changes whenever a document is added, replaced, corrected or removed (a key for cached fragments)."""
    latest = Document.objects.aggregate(n=Count("id"), t=Max("updated_at"))
    return f"{latest['n']}@{latest['t'].timestamp() if latest['t'] else 0}"


def search_page(request: HttpRequest) -> HttpResponse:
    """Results of ``?q=`` with the filters, each linking to its paragraph in the reading view."""
    q = request.GET.get("q", "").strip()
    filters = Filters(
        **{k: request.GET.get(k, "").strip()[:120] for k in ("pillar", "theme", "actor", "document")}
    )
    words, qs = search(q, filters)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    results = [{"p": p, "snippet": snippet(p.text, words)} for p in page.object_list]
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
        "documents_version": _library_version(),
    }
    return render(request, "library/search.html", context)

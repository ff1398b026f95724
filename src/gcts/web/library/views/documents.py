"""The library page, the reading view, the quality report and the downloads of one document."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import PermissionsMixin
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from gcts.errors import GctsError
from gcts.library import pipeline
from gcts.library.models import Document, Paragraph
from gcts.library.store import series_titles, to_resolution
from gcts.web.library import findings, fragments, vocabulary


def library(request: HttpRequest) -> HttpResponse:
    """Every stored document, filtered by language, year, kind and series (GET parameters)."""
    f = {k: request.GET.get(k, "").strip()[:40] for k in ("language", "year", "kind", "series")}
    docs = (
        Document.objects.filtered(**f)
        .annotate(n_paragraphs=Count("paragraphs"))
        .only(
            "slug", "symbol", "language", "kind", "series", "year", "title", "adopted_as", "source", "quality"
        )
    )
    titles = series_titles()
    facets = {
        "languages": Document.objects.order_by("language").values_list("language", flat=True).distinct(),
        "years": Document.objects.exclude(year=None)
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct(),
        "series": [
            (s, titles.get(s, s))
            for s in Document.objects.exclude(series="")
            .order_by("series")
            .values_list("series", flat=True)
            .distinct()
        ],
    }
    return render(
        request,
        "library/library.html",
        {"documents": docs, "filters": f, "facets": facets, "kinds": Document.KIND_CHOICES},
    )


def _translations(doc: Document) -> list[Document]:
    """Other-language documents of the same text (same symbol or same adopted symbol)."""
    keys = {s for s in (doc.symbol, doc.adopted_as) if s}
    if not keys:
        return []
    others = Document.objects.filter(Q(symbol__in=keys) | Q(adopted_as__in=keys))
    return list(
        others.exclude(pk=doc.pk)
        .exclude(language=doc.language)
        .only("slug", "language", "symbol", "source")
        .order_by("language")
    )


def _paragraphs(doc: Document) -> list[Paragraph]:
    return list(
        doc.paragraphs.order_by("position")
        .defer("search_text", "span", "opening_evidence")
        .prefetch_related("labels", "references", "actors", "mandates")
    )


def _reference_targets(paragraphs: list[Paragraph], language: str) -> dict[str, str]:
    """symbol → slug of a stored document for each cited symbol in the library (same language first)."""
    symbols = {r.symbol for p in paragraphs for r in p.references.all()}
    targets: dict[str, str] = {}
    if not symbols:
        return targets
    found = Document.objects.filter(Q(symbol__in=symbols) | Q(adopted_as__in=symbols)).only(
        "slug", "symbol", "adopted_as", "language"
    )
    for d in sorted(found, key=lambda d: d.language != language):
        for s in (d.symbol, d.adopted_as):
            if s in symbols:
                targets.setdefault(s, d.slug)
    return targets


def _contents(paragraphs: list[Paragraph], footnotes: int) -> list[dict[str, Any]]:
    """The table of contents of the reading view: each part (at its first paragraph, with its number of
    paragraphs), then the footnotes."""
    out: list[dict[str, Any]] = []
    for part in ("preamble", "operative"):
        members = [p for p in paragraphs if p.part == part]
        if members:
            name = vocabulary.PART_NAMES[part]
            out.append({"kind": part, "anchor": members[0].anchor, "label": name, "count": len(members)})
    if footnotes:
        out.append({"kind": "footnotes", "anchor": "footnotes", "label": _("Footnotes"), "count": footnotes})
    return out


def _article(request: HttpRequest, doc: Document, with_slug: str) -> dict[str, str]:
    """The rendered document (heading, annotated paragraphs, footnotes, quality report) and its page title.

    ``with_slug`` names another-language document of the same text to show beside it (ignored when it is
    not one).
    """
    translations = _translations(doc)
    other = next((d for d in translations if d.slug == with_slug), None) if with_slug else None
    paragraphs = _paragraphs(doc)
    other_by_pid: dict[str, Paragraph] = {}
    if other is not None:
        other_by_pid = {
            p.pid: p for p in other.paragraphs.order_by("position").only("pid", "number", "text", "opening")
        }
    targets = _reference_targets(paragraphs, doc.language)
    rows: list[dict[str, Any]] = []
    for p in paragraphs:
        labels = list(p.labels.all())
        references = {r.symbol: r for r in p.references.all()}.values()
        rows.append(
            {
                "p": p,
                "pillars": [x for x in labels if x.kind == "pillar"],
                "themes": [x for x in labels if x.kind == "theme"],
                "references": [(r, targets.get(r.symbol)) for r in references],
                "actors": sorted({a.actor for a in p.actors.all()}),
                "mandates": list(p.mandates.all()),
                "other": other_by_pid.get(p.pid),
            }
        )
    footnotes = list(doc.footnotes.all())
    context = {
        "doc": doc,
        "rows": rows,
        "toc": _contents(paragraphs, len(footnotes)),
        "lineage": bool(doc.series),
        "footnotes": footnotes,
        "translations": translations,
        "other": other,
        "heading": doc.heading,
        "issues": findings.findings(doc.quality),
        "partial": findings.partial_notes(doc.quality),
        "other_partial": findings.partial_notes(other.quality) if other is not None else [],
    }
    html = render_to_string("library/reading_article.html", context, request=request)
    return {"title": doc.display_symbol, "article": html}


def reading(request: HttpRequest, slug: str) -> HttpResponse:
    """A document: heading, annotated paragraphs, footnotes; a second language beside it (``?with=``).

    For readers the document part is rendered once per (library version, document, companion, interface
    language) and then served from the cache (see :mod:`gcts.web.library.fragments`): documents change rarely
    and are read often, so a cached reading view costs one query. Editors' pages carry per-session CSRF
    tokens in their correction forms, so they are always rendered afresh.
    """
    with_slug = request.GET.get("with", "")[:100]
    if with_slug and not Document.objects.filter(slug=with_slug).exists():
        with_slug = ""  # an unknown companion shows the document alone (and adds no cache entry)

    def build() -> dict[str, str]:
        return _article(request, get_object_or_404(Document, slug=slug), with_slug)

    user = request.user
    if isinstance(user, PermissionsMixin) and user.has_perm("library.change_paragraph"):
        page = build()
    else:
        page = fragments.cached(
            ("reading", slug, with_slug, get_language() or "", fragments.library_version()), build
        )
    return render(
        request, "library/reading.html", {"title": page["title"], "article": mark_safe(page["article"])}
    )


def quality(request: HttpRequest, slug: str) -> HttpResponse:
    """The quality report of a document: the findings of the reader and the annotator."""
    doc = get_object_or_404(Document, slug=slug)
    context = {
        "doc": doc,
        "issues": findings.findings(doc.quality),
        "partial": findings.partial_notes(doc.quality),
    }
    return render(request, "library/quality.html", context)


def download(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """The document as JSON, Markdown or AKN4UN XML, as an attachment."""
    if fmt not in pipeline.FORMATS:
        raise Http404(_("Unknown format"))
    doc = get_object_or_404(Document, slug=slug)
    extension, media_type = pipeline.FORMATS[fmt]
    try:
        body = pipeline.write(to_resolution(doc), fmt)
    except GctsError as exc:
        return render(request, "library/error.html", {"message": str(exc)}, status=503)
    response = HttpResponse(body, content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="{doc.slug}.{extension}"'
    return response

"""The comparison page: choose two documents, see the redline and the "what is new" summary (printable)."""

from __future__ import annotations

import re

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gcts.errors import GctsError
from gcts.languages import available
from gcts.library import pipeline
from gcts.library.models import Comparison, Document
from gcts.library.store import to_resolution
from gcts.web.library import findings, vocabulary

_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.DOTALL | re.IGNORECASE)
_STYLE = re.compile(r"<style[^>]*>.*?</style>", re.DOTALL | re.IGNORECASE)


def redline_fragment(html: str) -> str:
    """The redline's body to embed in the page (a whole HTML document cannot nest).

    Its own style sheet is left out: it styles ``body`` and ``h1`` of a standalone page and would restyle
    the application; the page's CSS carries the redline's rules, scoped to ``.redline`` (screen and print).
    The redline's section declares the language of its own words (``lang``), its paragraphs theirs.
    """
    body = _BODY.search(html)
    return body.group(1) if body is not None else _STYLE.sub("", html)


def redline_languages() -> tuple[str, ...]:
    """The UN codes of the interface languages (``zh-hans`` → ``zh``) that have redline labels, English
    first (it is also kept as ``Comparison.redline``)."""
    have = set(available())
    codes = [code.split("-", 1)[0] for code, _name in settings.LANGUAGES]
    return tuple(dict.fromkeys(["en", *(c for c in codes if c in have)]))


def comparison_for(old: Document, new: Document, ui_language: str | None = None) -> Comparison:
    """The stored comparison of ``old`` → ``new``, computed (and kept) when missing or out of date, or when
    it lacks the redline of ``ui_language`` (a row stored before redlines were kept per language)."""
    found = Comparison.objects.filter(old=old, new=new).first()
    languages = redline_languages()
    if (
        found is not None
        and found.created_at >= max(old.updated_at, new.updated_at)
        and (ui_language is None or ui_language not in languages or ui_language in found.redlines)
    ):
        return found
    result, redlines = pipeline.compare(to_resolution(old), to_resolution(new), ui_languages=languages)
    Comparison.objects.filter(old=old, new=new).delete()
    return Comparison.objects.create(
        old=old, new=new, result=result, redline=redlines.get("en", ""), redlines=redlines
    )


def _changes(counts: dict[str, int]) -> list[tuple[str, int]]:
    """The non-zero change counts with their categories named in the interface language."""
    return [(vocabulary.label(vocabulary.CHANGES, k), n) for k, n in counts.items() if n]


def _breakdown(by: dict[str, dict[str, int]], kind: str) -> list[tuple[str, str, list[tuple[str, int]]]]:
    """(id, display name, named change counts) per pillar or theme of a comparison summary."""
    return [(key, vocabulary.name(kind, key), _changes(counts)) for key, counts in by.items()]


def compare_page(request: HttpRequest) -> HttpResponse:
    """The form (``?old=&new=`` slugs) and, when both are chosen, the comparison."""
    documents = Document.objects.only("slug", "symbol", "language", "source").order_by("slug")
    old_slug, new_slug = request.GET.get("old", ""), request.GET.get("new", "")
    context: dict[str, object] = {"documents": documents, "old_slug": old_slug, "new_slug": new_slug}
    if old_slug and new_slug:
        old = Document.objects.filter(slug=old_slug).first()
        new = Document.objects.filter(slug=new_slug).first()
        if old is None or new is None:
            context["error"] = "unknown-document"
            return render(request, "library/compare.html", context, status=404)
        try:
            cmp = comparison_for(old, new, vocabulary.ui_language())
        except GctsError as exc:
            context["error"] = str(exc)
            return render(request, "library/compare.html", context, status=503)
        summary = cmp.result.get("summary", {})
        context.update(
            {
                "old": old,
                "new": new,
                "partial": [(d, findings.partial_notes(d.quality)) for d in (old, new) if d.quality and
                            findings.is_partial(d.quality)],
                "comparison": cmp,
                "summary": summary,
                "counts": _changes(summary.get("counts", {})),
                "by_pillar": _breakdown(summary.get("by_pillar", {}), "pillar"),
                "by_theme": _breakdown(summary.get("by_theme", {}), "theme"),
                "redline": redline_fragment(cmp.redlines.get(vocabulary.ui_language()) or cmp.redline),
                "added": cmp.result.get("added", []),
                "removed": cmp.result.get("removed", []),
            }
        )
    return render(request, "library/compare.html", context)

"""The REST API: reads are public, writes need a signed-in editor (session with CSRF, or HTTP Basic).

Every error is answered as RFC 9457 problem details (``application/problem+json``).
"""

from __future__ import annotations

import uuid
from html import unescape
from http import HTTPStatus
from typing import Any

from django.contrib.auth import authenticate
from django.contrib.auth.models import PermissionsMixin
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from ninja import File, Form, NinjaAPI, Query, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.files import UploadedFile
from ninja.security import APIKeyCookie, HttpBasicAuth
from ninja.utils import check_csrf

from gcts.admission import language_problem, symbol_problem
from gcts.errors import GctsError
from gcts.jobs.models import Job
from gcts.library import pipeline
from gcts.library.models import ActorMention, Document, Mandate
from gcts.library.search import Filters, hits, query_phrase, snippet
from gcts.web.api import schemas as s
from gcts.web.faults import problem as _problem
from gcts.web.jobs.views import may_see
from gcts.web.library import findings, fragments, vocabulary
from gcts.web.library.uploads import queue_upload
from gcts.web.library.views.comparison import comparison_for
from gcts.web.library.views.upload import HEAD_BYTES, type_problem

api = NinjaAPI(
    title="gcts API",
    version="1",
    description="Resolutions, paragraphs with annotations, search, "
    "comparisons, mandates and actors. Reads are public; writes need an editor's credentials.",
    urls_namespace="api",
)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _problem(404, "Not Found", str(exc) or "no such resource")


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    detail = "; ".join(
        f"{'.'.join(str(x) for x in e.get('loc', []))}: {e.get('msg', '')}" for e in exc.errors
    )
    return _problem(422, "Unprocessable Content", detail)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
    response = _problem(401, "Unauthorized", "sign in as an editor to write")
    response["WWW-Authenticate"] = 'Basic realm="gcts"'
    return response


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _problem(exc.status_code, HTTPStatus(exc.status_code).phrase, str(exc))


@api.exception_handler(GctsError)
def gcts_error(request: HttpRequest, exc: GctsError) -> HttpResponse:
    return _problem(422, "Unprocessable Content", str(exc))


# --- authentication for writes ---


class EditorBasic(HttpBasicAuth):
    """HTTP Basic credentials of a user allowed to add documents (``permission``; subclasses name others)."""

    permission = "library.add_document"

    def authenticate(self, request: HttpRequest, username: str, password: str) -> Any:
        user = authenticate(request, username=username, password=password)
        if isinstance(user, PermissionsMixin) and user.has_perm(self.permission):
            request.user = user
            return user
        return None


class EditorSession(APIKeyCookie):
    """A signed-in session (the pages' cookie) of a user allowed to add documents; CSRF is checked.

    The CSRF check runs only for a session that is signed in: a request without credentials is answered
    401 (problem details, naming what is missing), not 403 "CSRF check failed" as ninja's cookie
    authentication would answer before looking at the user.
    """

    param_name = "sessionid"
    permission = "library.add_document"

    def __init__(self) -> None:
        super().__init__(csrf=False)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.has_perm(self.permission):
            return None
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request) is not None:
            raise HttpError(403, "CSRF check failed: send the csrftoken cookie's value as X-CSRFToken")
        return user


# --- helpers ---


def _doc_url(request: HttpRequest, doc: Document) -> str:
    return request.build_absolute_uri(reverse("reading", args=[doc.slug]))


def _summary(request: HttpRequest, doc: Document) -> dict[str, Any]:
    return {
        "slug": doc.slug,
        "symbol": doc.symbol,
        "language": doc.language,
        "kind": doc.kind,
        "series": doc.series,
        "session": doc.session,
        "year": doc.year,
        "title": doc.title,
        "adopted_as": doc.adopted_as,
        "url": _doc_url(request, doc),
        "partial": findings.partial_messages(doc.quality),
    }


def _mandate(md: Mandate, slug: str, pid: str) -> dict[str, Any]:
    return {
        "id": md.pk,
        "document": slug,
        "paragraph": pid,
        "actor": md.actor,
        "action": md.action,
        "deadline": md.deadline or None,
        "session": md.session,
        "recurrence": md.recurrence or None,
        "status": md.status,
    }


# --- endpoints ----------------------------------------------------------------------------------------------


class DocumentFilters(Schema):
    language: str = ""
    year: str = ""
    kind: str = ""
    series: str = ""


@api.get("/documents", response=s.answers({200: list[s.DocumentSummary]}), tags=["documents"])
def list_documents(request: HttpRequest, filters: Query[DocumentFilters]) -> list[dict[str, Any]]:
    """Every stored document, filtered by language, year, kind (draft/adopted) and series."""
    return [_summary(request, d) for d in Document.objects.filtered(**filters.dict())]


@api.get("/documents/{slug}", response=s.answers({200: s.DocumentDetail}, 404), tags=["documents"])
def get_document(request: HttpRequest, slug: str) -> HttpResponse:
    """A document with its heading, paragraphs (with annotations) and footnotes.

    The JSON body is made once per (library version, document, host) and then served from the cache
    (:mod:`gcts.web.library.fragments`); it is validated against ``DocumentDetail`` when made.
    """
    body = fragments.cached(
        ("api-document", slug, request.build_absolute_uri("/"), fragments.library_version()),
        lambda: s.DocumentDetail.model_validate(_document_detail(request, slug)).model_dump_json(),
    )
    return HttpResponse(body, content_type="application/json")


def _document_detail(request: HttpRequest, slug: str) -> dict[str, Any]:
    """The document ``slug`` with its paragraphs, annotations and footnotes (404 when unknown)."""
    doc = get_object_or_404(Document, slug=slug)
    paragraphs = (
        doc.paragraphs.order_by("position")
        .defer("search_text", "span", "opening_evidence")
        .prefetch_related("labels", "references", "actors", "mandates")
    )
    rows = list(paragraphs)
    symbols = {r.symbol for p in rows for r in p.references.all()}
    in_library = {
        d.symbol: d.slug for d in Document.objects.filter(symbol__in=symbols).only("slug", "symbol")
    }
    in_library.update(
        {
            d.adopted_as: d.slug
            for d in Document.objects.filter(adopted_as__in=symbols).only("slug", "adopted_as")
        }
    )
    out = _summary(request, doc)
    out.update(
        {
            "heading": doc.heading,
            "quality": doc.quality,
            "footnotes": [
                {"number": f.number, "text": f.text, "cited_in": f.cited_in or None}
                for f in doc.footnotes.all()
            ],
            "paragraphs": [
                {
                    "id": p.pid,
                    "part": p.part,
                    "number": p.number,
                    "text": p.text,
                    "opening": p.opening or None,
                    "function": p.function or None,
                    "footnotes": p.footnote_numbers,
                    "pillars": [x for x in p.labels.all() if x.kind == "pillar"],
                    "themes": [x for x in p.labels.all() if x.kind == "theme"],
                    "references": [
                        {
                            "symbol": r.symbol,
                            "kind": r.kind,
                            "surface": r.surface,
                            "via_footnote": r.via_footnote,
                            "document": in_library.get(r.symbol),
                        }
                        for r in p.references.all()
                    ],
                    "actors": list(p.actors.all()),
                    "mandates": [_mandate(md, doc.slug, p.pid) for md in p.mandates.all()],
                }
                for p in rows
            ],
        }
    )
    return out


@api.post(
    "/documents",
    response=s.answers({202: s.JobOut}, *s.WRITE_STATUSES),
    auth=[EditorBasic(), EditorSession()],
    tags=["documents"],
)
def add_document(
    request: HttpRequest, file: File[UploadedFile], language: Form[str] = "", symbol: Form[str] = ""
) -> HttpResponse:
    """Add a document (text, PDF, Word or AKN4UN XML): checked at once (size, type, the language and symbol
    given: 422 naming the field), then read, annotated and stored as a job. The answer is the job (202,
    ``Location`` its URL): poll ``GET /api/jobs/{id}`` until its state is ``done`` (``document`` names the
    stored document) or ``failed`` (``error`` says why; nothing was stored).
    """
    from django.conf import settings

    if (file.size or 0) > settings.MAX_UPLOAD_BYTES:
        raise HttpError(422, f"file: larger than {settings.MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
    for problem in (language and language_problem(language), symbol and symbol_problem("symbol", symbol)):
        if problem:
            raise HttpError(422, problem)
    data = file.read()
    with translation.override("en"):  # the API speaks English
        problem = type_problem(file.name or "", data[:HEAD_BYTES])
    if problem:
        raise HttpError(422, f"file: {problem}")
    name = pipeline.upload_name(file.name or "upload")
    job = queue_upload(data, name=name, language=language or None, symbol=symbol or None, user=request.user)
    job.refresh_from_db()  # an immediate queue (tests) has run it already
    body = s.JobOut.model_validate(_job(request, job)).model_dump_json()
    response = HttpResponse(body, status=202, content_type="application/json")
    response["Location"] = request.build_absolute_uri(reverse("api:get_job", args=[job.pk]))
    return response


def _job(request: HttpRequest, job: Job) -> dict[str, Any]:
    slug = job.result.get("slug") if job.state == Job.DONE else None
    return {
        **job.as_dict(),
        "document": slug,
        "document_url": request.build_absolute_uri(reverse("reading", args=[slug])) if slug else None,
    }


@api.get(
    "/jobs/{job_id}",
    response=s.answers({200: s.JobOut}, 401, 404),
    auth=[EditorBasic(), EditorSession()],
    tags=["jobs"],
)
def get_job(request: HttpRequest, job_id: uuid.UUID) -> dict[str, Any]:
    """A job's state and progress (``queued``, ``running``, ``done`` with its ``document``, ``failed`` with
    its ``error``); only its owner (or staff) sees it."""
    job = get_object_or_404(Job, pk=job_id)
    if not may_see(request.user, job):
        raise Http404("no such job")
    return _job(request, job)


class SearchQuery(Schema):
    q: str = ""
    pillar: str = ""
    theme: str = ""
    actor: str = ""
    document: str = ""
    limit: int = 20
    offset: int = 0


@api.get("/search", response=s.answers({200: s.SearchResults}), tags=["search"])
def search_paragraphs(request: HttpRequest, params: Query[SearchQuery]) -> dict[str, Any]:
    """Paragraphs matching the words of ``q`` (Chinese segmented) and the filters, with snippets."""
    limit = max(1, min(params.limit, 100))
    offset = max(0, min(params.offset, 100_000))
    filters = Filters(params.pillar, params.theme, params.actor, params.document)
    words, rows, count = hits(params.q, filters, limit=limit, offset=offset)
    reading = request.build_absolute_uri(reverse("reading", args=["__slug__"]))
    return {
        "query": params.q,
        "words": words,
        "count": count,
        "results": [
            {
                "document": row["slug"],
                "symbol": row["symbol"],
                "language": row["language"],
                "paragraph": row["pid"],
                "snippet": unescape(
                    strip_tags(snippet(str(row["text"]), words, phrase=query_phrase(params.q)))
                ),
                "url": reading.replace("__slug__", str(row["slug"]))
                + "#"
                + str(row["pid"]).replace(":", "-"),
            }
            for row in rows
        ],
    }


@api.get("/comparisons", response=s.answers({200: s.ComparisonOut}, 404), tags=["comparisons"])
def get_comparison(request: HttpRequest, old: str, new: str) -> dict[str, Any]:
    """The comparison of two stored documents (slugs): paragraph pairs, additions, removals and summary."""
    a = get_object_or_404(Document, slug=old)
    b = get_object_or_404(Document, slug=new)
    cmp = comparison_for(a, b)
    warnings = [
        f"{d.display_symbol} ({d.language}) is partial: {'; '.join(notes)}"
        for d in (a, b)
        if (notes := findings.partial_messages(d.quality))
    ]
    return {
        "old": a.slug,
        "new": b.slug,
        "partial": warnings,
        "summary": cmp.result.get("summary", {}),
        "result": cmp.result,
    }


class MandateFilters(Schema):
    actor: str = ""
    document: str = ""
    status: str = ""


@api.get("/mandates", response=s.answers({200: list[s.MandateOut]}), tags=["mandates"])
def list_mandates(request: HttpRequest, filters: Query[MandateFilters]) -> list[dict[str, Any]]:
    """Every mandate with actor, deadline or session, source paragraph and status."""
    qs = Mandate.objects.select_related("document", "paragraph").order_by(
        "document__slug", "paragraph__position"
    )
    if filters.actor:
        qs = qs.filter(actor=filters.actor)
    if filters.document:
        qs = qs.filter(document__slug=filters.document)
    if filters.status:
        qs = qs.filter(status=filters.status)
    return [_mandate(md, md.document.slug, md.paragraph.pid) for md in qs]


@api.get("/actors", response=s.answers({200: list[s.ActorSummary]}), tags=["actors"])
def list_actors(request: HttpRequest) -> list[dict[str, Any]]:
    """Every actor named in the library, with how often it is named and how many mandates it holds."""
    mentions = dict(
        ActorMention.objects.values_list("actor").annotate(n=Count("id")).values_list("actor", "n")
    )
    mandates = dict(Mandate.objects.values_list("actor").annotate(n=Count("id")).values_list("actor", "n"))
    ids = sorted(set(mentions) | set(mandates))
    return [
        {
            "id": a,
            "name": vocabulary.name("actor", a),
            "mentions": mentions.get(a, 0),
            "mandates": mandates.get(a, 0),
        }
        for a in ids
    ]


# The implementation registry's routes (gcts.web.registry.api), under /api/registry/.
from gcts.web.registry.api import router as registry_router  # noqa: E402

api.add_router("/registry", registry_router)

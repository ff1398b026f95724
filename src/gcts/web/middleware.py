"""Request hygiene that applies to every page and API call."""

from __future__ import annotations

import json
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class RejectNulMiddleware:
    """Refuse requests whose query or form parameters contain NUL characters (400), before any view runs.

    No legitimate input holds U+0000, and PostgreSQL text cannot store it: without this check such a request
    would reach the database and fail there as a server error.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or any(
            "\x00" in k or "\x00" in v for k, values in request.GET.lists() for v in [k, *values]
        ):
            detail = "request parameters must not contain NUL characters"
            if request.path.startswith("/api/"):
                body = json.dumps(
                    {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": detail}
                )
                return HttpResponse(body, status=400, content_type="application/problem+json")
            return HttpResponse(detail, status=400, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

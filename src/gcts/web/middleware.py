"""Request hygiene that applies to every page and API call."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from gcts.web.faults import problem

#: Characters no legitimate input holds: NUL and the other C0 controls except tab, line feed and carriage
#: return, and the non-characters U+FFFE/U+FFFF. PostgreSQL text cannot store U+0000, XML (the AKN download)
#: cannot carry any of them.
INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _parameters(request: HttpRequest) -> Iterator[str]:
    """The path, every query and form parameter name and value, and uploaded file names."""
    yield request.path
    for data in (request.GET, request.POST if request.method == "POST" else None):
        if data is None:
            continue
        for k, values in data.lists():
            yield k
            yield from values
    if request.method == "POST":
        for k, uploads in request.FILES.lists():
            yield k
            yield from (u.name or "" for u in uploads)


class RejectInvalidCharactersMiddleware:
    """Refuse requests whose path, query or form data hold invalid characters (400), before any view runs.

    Without this check such a request would reach the database (PostgreSQL refuses NUL in text: a server
    error) or be stored and break the XML written from it. Pages get a short page in the interface
    language; the API gets RFC 9457 problem details.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if any(INVALID.search(value) for value in _parameters(request)):
            if request.path.startswith("/api/"):
                detail = "request parameters must not contain NUL or other control characters"
                return problem(400, "Bad Request", detail)
            message = _("The request contained characters that no text can hold (such as NUL).")
            context = {"heading": _("Request refused"), "message": message}
            return render(request, "library/error.html", context, status=400)
        return self.get_response(request)


#: The former name, kept for settings written against it.
RejectNulMiddleware = RejectInvalidCharactersMiddleware

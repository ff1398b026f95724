"""Faults of the machine, not of the request (a full or read-only data folder, a busy database), told plainly.

A disk that fills up or a data folder mounted read-only used to surface as an HTML 500 page, even on the API.
:func:`gcts.jobs.faults.classify` recognises these faults (for jobs too); :class:`FaultMiddleware` answers
them with 503 (problem details on the API, a short page in the interface language elsewhere) and answers
any other unexpected error of the API as problem details that name no server path and show no stack (the
error is logged). :func:`home_problem` is the same check made at start, so the server warns before the
first write fails.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from gcts.jobs.faults import BUSY, Fault, classify

log = logging.getLogger("gcts.web")

#: Below this much free space in the data folder the server warns at start.
LOW_SPACE_BYTES = 100 * 1024 * 1024


def _message(fault: Fault) -> str:
    """The fault in the interface language, for pages."""
    return {
        "full": _(
            "The data folder is full, so nothing was stored. Ask the administrator to free some space."
        ),
        "read-only": _("The data folder is read-only, so nothing can be stored. Ask the administrator."),
        "busy": _("The library is busy storing other documents. Nothing was stored; please try again."),
    }[fault.code]


def problem(status: int, title: str, detail: str) -> HttpResponse:
    """An RFC 9457 problem details response (the API's only form of error)."""
    body = json.dumps(
        {"type": "about:blank", "title": title, "status": status, "detail": detail}, ensure_ascii=False
    )
    return HttpResponse(body, status=status, content_type="application/problem+json")


class FaultMiddleware:
    """Answer faults of the machine as 503 and the API's unexpected errors as problem details (no stack)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        fault = classify(exc)
        api = request.path.startswith("/api/")
        if fault is None:
            if not api:
                return None  # Django's own 500 page (no detail unless debugging)
            log.exception("unexpected error answering %s %s", request.method, request.path)
            return problem(500, "Internal Server Error", "an unexpected error occurred; it has been logged")
        log.error("%s answering %s %s: %s", fault.code, request.method, request.path, exc)
        if api:
            response = problem(fault.status, "Service Unavailable", fault.detail)
        else:
            context = {"heading": _("Not stored"), "message": _message(fault)}
            response = render(request, "library/error.html", context, status=fault.status)
        if fault is BUSY:
            response["Retry-After"] = "5"
        return response


def home_problem(home: Path) -> str | None:
    """Why the data folder ``home`` cannot take writes (read-only, not writable, nearly full), or None."""
    try:
        fd, name = tempfile.mkstemp(prefix=".gcts-write-check-", dir=home)
    except OSError as exc:
        fault = classify(exc)
        return f"{home}: {fault.detail if fault else exc.strerror or exc}"
    os.close(fd)
    os.unlink(name)
    free = shutil.disk_usage(home).free
    if free < LOW_SPACE_BYTES:
        return f"{home}: only {free // (1024 * 1024)} MB free; uploads will fail when it is full"
    return None

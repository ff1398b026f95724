"""The request's viewer and the page helpers every registry view shares (one place that reads rights)."""

from __future__ import annotations

import base64
from typing import Any

from django.contrib.auth import authenticate
from django.http import HttpRequest

from gcts.registry.visibility import Viewer, viewer_for


def request_user(request: HttpRequest) -> Any:
    """The signed-in user, or the one an HTTP Basic header names (API clients), or the anonymous user."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return user
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if header.startswith("Basic "):
        try:
            name, _sep, password = base64.b64decode(header[6:]).decode("utf-8").partition(":")
        except (ValueError, UnicodeDecodeError):
            return user
        found = authenticate(request, username=name, password=password)
        if found is not None:
            return found
    return user


def viewer(request: HttpRequest) -> Viewer:
    """Who is asking, as the visibility layer sees them."""
    return viewer_for(request_user(request))


def lang(request: HttpRequest) -> str:
    """The interface language code for names and messages (``zh-hans`` → ``zh``)."""
    return (getattr(request, "LANGUAGE_CODE", "") or "en").split("-")[0]

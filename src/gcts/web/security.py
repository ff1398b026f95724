"""Defences that apply to every answer: a strict Content-Security-Policy, and throttled sign-in.

**Content-Security-Policy.** Every page's scripts and styles are static files of the application (no inline
script, no inline style, no ``on…=`` attribute), so the policy allows only the application's own origin and
nothing inline: even if some value escaped escaping, a browser would not run a script injected into a page.
The OpenAPI explorer (``/api/docs``, Swagger UI) sets element styles from its script, so its page alone also
allows inline *styles* (never inline scripts).

**Sign-in throttling.** Failed sign-ins (the sign-in form, HTTP Basic on the API: every call of Django's
``authenticate`` that fails) are counted per client address and user name in the shared cache; past
:data:`MAX_FAILURES` within :data:`WINDOW_SECONDS`, further attempts from that address for that name (and
past :data:`MAX_FAILURES_PER_ADDRESS`, any attempt from that address) are answered 429 before a password is
checked, until the window has passed. A few lines over Django's ``user_login_failed`` signal and cache
rather than a library such as django-axes, which would add its own tables, authentication backend and
lock-out pages.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from gcts.web.faults import problem

POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
#: The API explorer's page: the same, with inline styles (Swagger UI sets them from its script).
EXPLORER_POLICY = POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
EXPLORER_PATHS = ("/api/docs",)


class ContentSecurityPolicyMiddleware:
    """Send :data:`POLICY` with every answer that does not set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = EXPLORER_POLICY if request.path.startswith(EXPLORER_PATHS) else POLICY
        response.headers.setdefault("Content-Security-Policy", policy)
        return response


MAX_FAILURES = 10
MAX_FAILURES_PER_ADDRESS = 100
WINDOW_SECONDS = 15 * 60
LOGIN_PATH = "/accounts/login/"


def _address(request: HttpRequest | None) -> str:
    return str(request.META.get("REMOTE_ADDR", "")) if request is not None else ""


def _keys(address: str, username: str) -> tuple[str, str]:
    name = hashlib.sha256(username.strip().lower().encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"gcts-signin:{address}:{name}", f"gcts-signin:{address}"


def _count(key: str) -> int:
    value = cache.get(key, 0)
    return value if isinstance(value, int) else 0


def _bump(key: str) -> None:
    if cache.add(key, 1, WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)


@receiver(user_login_failed)
def count_failure(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kw: Any
) -> None:
    """Count a failed sign-in against its client address and user name."""
    both, address = _keys(_address(request), str(credentials.get("username", "")))
    _bump(both)
    _bump(address)


def throttled(request: HttpRequest, username: str) -> bool:
    """Whether sign-in attempts for ``username`` from this client are refused for now."""
    both, address = _keys(_address(request), username)
    return _count(both) >= MAX_FAILURES or _count(address) >= MAX_FAILURES_PER_ADDRESS


def _attempted_username(request: HttpRequest) -> str | None:
    """The user name a request tries to sign in as (form or HTTP Basic), or None when it tries none."""
    if request.method == "POST" and request.path == LOGIN_PATH:
        return request.POST.get("username", "")
    header = request.headers.get("Authorization", "")
    if request.path.startswith("/api/") and header[:6].lower() == "basic ":
        import base64
        import binascii

        try:
            return base64.b64decode(header[6:], validate=True).decode("utf-8").partition(":")[0]
        except (binascii.Error, UnicodeDecodeError):
            return ""
    return None


class SignInThrottleMiddleware:
    """Answer 429 to sign-in attempts (form or HTTP Basic) of a client that failed too often lately."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        username = _attempted_username(request)
        if username is not None and throttled(request, username):
            minutes = WINDOW_SECONDS // 60
            if request.path.startswith("/api/"):
                response = problem(
                    429, "Too Many Requests", f"too many failed sign-ins; try again in {minutes} minutes"
                )
            else:
                message = _("Too many failed sign-ins. Please try again in %(minutes)d minutes.") % {
                    "minutes": minutes
                }
                context = {"heading": _("Sign-in paused"), "message": message}
                response = render(request, "library/error.html", context, status=429)
            response["Retry-After"] = str(WINDOW_SECONDS)
            return response
        return self.get_response(request)

"""The site's navigation: one list of sections, shown by the base template on every page.

A page joins the navigation by a line in :data:`SECTIONS` (its URL name, its label, and the permission
it needs, if any); the sections of work in progress — the implementation registry, the dashboard,
screening — are listed already and appear as soon as their app registers a URL of that name, so no
template needs to change. The context processor :func:`navigation` gives the template the sections the
user may see, the current one marked.
How to add a page: docs/design.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    """One entry of the navigation.

    ``url_name`` is the name of the section's page in the URL map; ``also`` are path prefixes of other pages
    that belong to the section (the library's reading views under ``/documents/``); ``permission`` hides the
    entry from users without it (``"library.add_document"``).
    """

    url_name: str
    label: Promise
    also: tuple[str, ...] = ()
    permission: str | None = None


#: The sections, in the order shown. The last three appear when their apps are installed.
SECTIONS: tuple[Section, ...] = (
    Section("library", _("Library"), also=("/documents/",)),
    Section("search", _("Search")),
    Section("compare", _("Compare")),
    Section("mandates", _("Mandates")),
    Section("registry", _("Registry")),
    Section("dashboard", _("Dashboard")),
    Section("screening", _("Screening"), permission="sanctions.add_screeningrun"),
    Section("upload", _("Add a document"), permission="library.add_document"),
)


def _url(section: Section) -> str | None:
    try:
        return reverse(section.url_name)
    except NoReverseMatch:  # the section's app is not installed (yet)
        return None


def entries(request: HttpRequest) -> list[dict[str, Any]]:
    """The sections this user may see: label, url, and whether the current page belongs to it."""
    out = []
    # a page rendered before the authentication middleware ran (a refused request) has no user yet
    user = getattr(request, "user", None)
    for section in SECTIONS:
        url = _url(section)
        if url is None:
            continue
        if section.permission and (user is None or not user.has_perm(section.permission)):
            continue
        path = request.path
        current = path == url if url == "/" else path.startswith(url)
        current = current or any(path.startswith(prefix) for prefix in section.also)
        out.append({"label": section.label, "url": url, "current": current, "name": section.url_name})
    return out


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Template context processor: ``navigation``, the list of :func:`entries`."""
    return {"navigation": entries(request)}

"""URL map of the gcts web application: pages, the REST API, the admin, sign-in, language switching."""

from __future__ import annotations

from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from gcts.web.api.app import api
from gcts.web.screening import api as _screening_api  # noqa: F401 - registers POST /api/screen on api

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", api.urls),
    path("screening/", include("gcts.web.screening.urls")),
    path("dashboard/", include("gcts.web.dashboard.urls")),
    path("", include("gcts.web.jobs.urls")),
    path("", include("gcts.web.registry.urls")),
    path("", include("gcts.web.library.urls")),
]

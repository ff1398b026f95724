"""URLs of the job pages."""

from __future__ import annotations

from django.urls import path

from gcts.web.jobs import views

urlpatterns = [
    path("jobs/<uuid:pk>/", views.job_page, name="job"),
    path("jobs/<uuid:pk>/retry/", views.job_retry, name="job-retry"),
]

"""URLs of the screening pages."""

from __future__ import annotations

from django.urls import path

from gcts.web.screening import views

urlpatterns = [
    path("", views.runs, name="screening"),
    path("list/", views.load_list, name="screening-load-list"),
    path("runs/<int:pk>/", views.run_detail, name="screening-run"),
    path("hits/<int:pk>/decide/", views.decide, name="screening-decide"),
]

"""URLs of the dashboard."""

from __future__ import annotations

from django.urls import URLPattern, path

from gcts.web.dashboard import views

urlpatterns: list[URLPattern] = [
    path("", views.dashboard, name="dashboard"),
    path("tables/<slug:key>.<str:fmt>", views.table_download, name="dashboard-table"),
    path("charts/<slug:key>.png", views.chart_image, name="dashboard-chart"),
    path("reports/<slug:kind>.<str:fmt>", views.report_download, name="dashboard-report"),
]

"""URLs of the registry's pages (``/registry/…``)."""

from __future__ import annotations

from django.urls import path

from gcts.web.registry import views

urlpatterns = [
    path("registry/", views.overview, name="registry"),
    path("registry/activities/", views.activity_list, name="registry-activities"),
    path("registry/activities/new/", views.activity_form, name="registry-activity-new"),
    path("registry/activities/<path:ref>/edit/", views.activity_form, name="registry-activity-edit"),
    path(
        "registry/activities/<path:ref>/workflow/", views.activity_workflow, name="registry-activity-workflow"
    ),
    path("registry/activities/<path:ref>/", views.activity_detail, name="registry-activity"),
    path("registry/import/", views.import_page, name="registry-import"),
    path("registry/template.xlsx", views.template_download, name="registry-template"),
    path("registry/export.<str:fmt>", views.export, name="registry-export"),
    path("registry/recommendations/", views.recommendation_list, name="registry-recommendations"),
    path("registry/recommendations/<path:ref>/", views.recommendation_detail, name="registry-recommendation"),
    path("registry/assistance/", views.assistance, name="registry-assistance"),
]

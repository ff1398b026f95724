"""URLs of the library pages."""

from __future__ import annotations

from django.urls import path

from gcts.web.library.views import comparison, documents, lineage, mandates, search, upload

urlpatterns = [
    path("", documents.library, name="library"),
    path("documents/<str:slug>/", documents.reading, name="reading"),
    path("documents/<str:slug>/quality/", documents.quality, name="quality"),
    path("documents/<str:slug>/download/<str:fmt>/", documents.download, name="download"),
    path("documents/<str:slug>/paragraphs/<str:pid>/correct/", upload.correct, name="correct"),
    path(
        "documents/<str:slug>/paragraphs/<str:pid>/lineage/",
        lineage.paragraph_lineage,
        name="paragraph-lineage",
    ),
    path("search/", search.search_page, name="search"),
    path("compare/", comparison.compare_page, name="compare"),
    path("mandates/", mandates.tracker, name="mandates"),
    path("mandates.csv", mandates.mandates_csv, name="mandates-csv"),
    path("mandates.xlsx", mandates.mandates_xlsx, name="mandates-xlsx"),
    path("mandates.ics", mandates.mandates_ics, name="mandates-ics"),
    path("mandates/<int:pk>/status/", upload.mandate_status, name="mandate-status"),
    path("upload/", upload.upload, name="upload"),
]

"""The navigation: sections from one list, those of absent apps left out, the current one marked."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import RequestFactory

from gcts.web import navigation


@pytest.mark.django_db
def test_sections_of_installed_pages_only_and_the_current_one_marked() -> None:
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/documents/A-72-L.62.zh/")
    request.user = AnonymousUser()
    entries = navigation.entries(request)
    names = [e["name"] for e in entries]
    assert names[:4] == ["library", "search", "compare", "mandates"]
    assert "upload" not in names  # an anonymous reader may not add documents
    assert [e["name"] for e in entries if e["current"]] == ["library"]
    reserved = {"registry", "dashboard", "screening"}
    from django.urls import NoReverseMatch, reverse

    def installed(name: str) -> bool:
        try:
            reverse(name)
        except NoReverseMatch:
            return False
        return True

    public = {sec.url_name for sec in navigation.SECTIONS if sec.permission is None}
    assert {n for n in reserved if n in names} == {n for n in reserved if installed(n) and n in public}


def test_every_page_shows_the_navigation_with_its_section_current(client: Any, stored_gold: Any) -> None:
    page = client.get("/mandates/").content.decode()
    assert '<nav class="sections"' in page
    assert 'data-section="mandates" aria-current="page"' in page
    assert 'data-section="library" aria-current' not in page

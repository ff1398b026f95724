"""The API documentation renders with the network off: Swagger UI from the files django-ninja ships, served by
the application itself (issue 9). The browser may reach only the test server; any other request is refused and
recorded."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_api_docs_render_with_the_network_off(page: Any, live_server: Any, artifacts: Path) -> None:
    own = urlsplit(live_server.url).netloc
    elsewhere: list[str] = []

    def only_the_server(route: Any) -> None:
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort("internetdisconnected")

    page.route("**/*", only_the_server)
    page.goto(live_server.url + "/api/docs")
    title = page.locator(".swagger-ui .info .title")
    title.wait_for(timeout=20_000)
    assert "gcts" in title.inner_text().lower()
    assert page.locator(".swagger-ui .opblock").count() > 3  # the operations are listed
    assert elsewhere == []
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(artifacts / "api-docs-offline-390.png"))

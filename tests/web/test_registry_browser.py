"""The registry in a real browser (Debian chromium through Playwright): a focal point signs in, imports the
template with one bad row, reads the report, fixes the row, imports it, and sees the activity linked to
operative paragraph 66; a public reader does not see a confidential recommendation but sees that it exists."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gcts.registry import roles
from tests.web.registry_helpers import IDENT, filled_template, person

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def browser(live_server: Any, transactional_db: Any) -> Iterator[Any]:
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (Debian package chromium)")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop here
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def test_focal_point_fixes_a_bad_row_and_sees_paragraph_66(
    browser: Any, live_server: Any, stored_gold: Any, artifacts: Path
) -> None:
    person("unodc.fp", roles.ENTITY_FOCAL_POINT, "UNODC", password="pw-registry-1")
    page = browser.new_context(locale="en-GB").new_page()
    page.goto(f"{live_server.url}/accounts/login/?next=/registry/import/")
    page.fill("input[name=username]", "unodc.fp")
    page.fill("input[name=password]", "pw-registry-1")
    page.click("form[action='/accounts/login/'] button[type=submit]")
    page.wait_for_url("**/registry/import/")

    page.set_input_files(
        "input[name=file]", {"name": "activities.xlsx", "mimeType": XLSX, "buffer": filled_template(bad=True)}
    )
    page.click("main form button[type=submit]")
    report = page.locator(".import-report")
    report.wait_for()
    page.screenshot(path=str(artifacts / "registry-import-report.png"), full_page=True)
    assert report.get_attribute("data-errors") == "1"
    row = report.locator("tbody tr").first
    assert row.locator("td").nth(0).inner_text() == "pillars"
    assert row.locator("td").nth(1).inner_text() == "2"
    assert row.locator("td").nth(2).inner_text() == "pillar"
    assert "R004" in row.inner_text() and "'V'" in row.inner_text()
    assert "Nothing was stored" in report.inner_text()

    page.set_input_files(
        "input[name=file]",
        {"name": "activities.xlsx", "mimeType": XLSX, "buffer": filled_template(bad=False)},
    )
    page.click("main form button[type=submit]")
    page.locator(".import-report .ok").wait_for()
    page.goto(f"{live_server.url}/registry/activities/{IDENT}/")
    link = page.locator("li[data-pid='operative:66'] a")
    assert "66" in link.inner_text()
    assert link.get_attribute("href").endswith("#operative-66")
    page.screenshot(path=str(artifacts / "registry-activity.png"), full_page=True)
    link.click()
    page.wait_for_url("**#operative-66")


def test_public_reader_sees_that_a_confidential_recommendation_exists(
    browser: Any, live_server: Any, artifacts: Path
) -> None:
    from gcts.registry.sample import load_sample

    load_sample()
    page = browser.new_context(locale="en-GB").new_page()
    page.goto(f"{live_server.url}/registry/recommendations/")
    note = page.locator(".restricted")
    assert int(note.get_attribute("data-restricted") or 0) >= 1
    assert "restricted record" in note.inner_text()
    assert "Review the terrorism offences" not in page.content()
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(artifacts / "registry-recommendations-390.png"), full_page=True)
    assert page.goto(f"{live_server.url}/registry/recommendations/SAMPLE-CTED-MLI-2023-R2/").status == 404

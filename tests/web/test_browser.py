"""The application in a real browser: Debian chromium driven by Playwright against a live test server.

The library is filled the way a first start fills it (the bundled corpus through the real reader and
annotator). Screenshots of every step go to ``test-artifacts/web/`` (git-ignored).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from defusedxml import ElementTree as defused_etree

from tests.web.conftest import REFERENCE

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_a_delegate_reads_searches_compares_and_downloads(
    page: Any, corpus_server: Any, artifacts: Path
) -> None:
    base = corpus_server.url
    # The library, in Chinese.
    page.goto(base + "/")
    assert page.locator("h1").inner_text() == "决议库"
    page.screenshot(path=str(artifacts / "1-library.png"), full_page=True)

    # The Chinese reference resolution, operative paragraph 83 and its mandate.
    page.locator(f"a[href='/documents/{REFERENCE}/']").first.click()
    page.wait_for_url(f"**/documents/{REFERENCE}/")
    para = page.locator("#operative-83")
    assert "请秘书长至迟于" in para.inner_text()
    mandate = para.locator(".mandate")
    assert mandate.count() >= 1 and "2019-05" in mandate.first.inner_text()
    para.scroll_into_view_if_needed()
    para.screenshot(path=str(artifacts / "2-operative-83.png"))

    # Search for foreign terrorist fighters and land on a matching paragraph.
    page.goto(base + "/search/")
    page.fill("input[name=q]", "外国恐怖主义作战人员")
    page.locator("form.search button[type=submit]").click()
    page.wait_for_url("**/search/?*")
    first = page.locator("ol.results a.hit").first
    href = first.get_attribute("href") or ""
    page.screenshot(path=str(artifacts / "3-search.png"), full_page=True)
    first.click()
    anchor = href.split("#", 1)[1]
    page.wait_for_url(f"**#{anchor}")
    assert "外国恐怖主义作战人员" in page.locator(f"#{anchor}").inner_text()

    # Compare two documents and see an insertion.
    page.goto(base + "/compare/")
    page.select_option("#compare-old", "A-RES-73-6.en")
    page.select_option("#compare-new", "A-RES-73-7.en")
    page.locator("form.compare button[type=submit]").click()
    page.wait_for_url("**/compare/?*")
    assert page.locator(".redline ins").count() > 0
    page.screenshot(path=str(artifacts / "4-compare.png"), full_page=True)

    # Switch the interface to English (the menu submits itself when JavaScript runs).
    page.goto(base + f"/documents/{REFERENCE}/")
    page.select_option("#ui-language", "en")
    page.wait_for_load_state("load")
    page.wait_for_function("document.documentElement.lang === 'en'")
    assert "Download" in page.locator("nav.doc-tools").inner_text()
    page.screenshot(path=str(artifacts / "5-english.png"))

    # Download the AKN file.
    with page.expect_download() as info:
        page.locator("#download-akn").click()
    download = info.value
    target = artifacts / download.suggested_filename
    download.save_as(str(target))
    root = defused_etree.parse(str(target)).getroot()
    assert root is not None
    assert download.suggested_filename == f"{REFERENCE}.akn.xml"
    assert root.tag.endswith("akomaNtoso")
    assert "请秘书长至迟于" in "".join(root.itertext())


def _no_horizontal_overflow(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))


def test_two_languages_keyboard_print_and_narrow_screens(
    page: Any, corpus_server: Any, artifacts: Path
) -> None:
    base = corpus_server.url
    # The Chinese draft beside the English resolution (its first page, loaded as a partial document).
    page.goto(base + f"/documents/{REFERENCE}/?with=A-RES-72-284.en")
    assert page.locator("article.resolution").get_attribute("lang") == "zh"
    first = page.locator("#preamble-1")
    assert first.locator(".text.other").get_attribute("lang") == "en"
    assert "Reaffirming" in first.locator(".text.other").inner_text()
    assert first.locator("aside.annotations").get_attribute("lang") == "zh-hans"
    assert _no_horizontal_overflow(page)
    page.screenshot(path=str(artifacts / "5-side-by-side-zh.png"))

    # Keyboard: the first Tab reaches the skip link, shown with a visible focus ring.
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "(() => { const e = document.activeElement; const s = getComputedStyle(e);"
        " return [e.className, s.outlineStyle, s.outlineWidth, e.getBoundingClientRect().top]; })()"
    )
    assert focused[0] == "skip" and focused[1] == "solid" and focused[2] == "3px" and focused[3] >= 0
    page.keyboard.press("Tab")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"

    # A narrow screen: long Chinese paragraphs and annotation chips wrap, nothing runs off the side.
    page.set_viewport_size({"width": 390, "height": 800})
    assert _no_horizontal_overflow(page)
    page.screenshot(path=str(artifacts / "6-narrow-zh.png"))
    page.set_viewport_size({"width": 1280, "height": 900})

    # The comparison, printed: navigation and form gone, summary and redline kept, page styles intact.
    page.goto(base + "/compare/?old=A-RES-73-6.en&new=A-RES-73-7.en")
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Serif" not in font  # the redline's own page style does not leak into the application
    page.emulate_media(media="print")
    assert page.locator("header.site").is_hidden() and page.locator("form.compare").is_hidden()
    assert (
        page.locator("section.summary").is_visible()
        and page.locator(".redline .change ins").first.is_visible()
    )
    pdf = artifacts / "7-compare-print.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf.read_bytes().startswith(b"%PDF-") and pdf.stat().st_size > 10_000
    page.emulate_media(media="screen")

    # The same pages in English.
    page.goto(base + f"/documents/{REFERENCE}/?with=A-RES-72-284.en")
    page.select_option("#ui-language", "en")
    page.wait_for_function("document.documentElement.lang === 'en'")
    assert page.locator("#preamble-1 aside.annotations").get_attribute("lang") == "en"
    assert "Quality report" in page.locator("details.quality-report summary").inner_text()
    page.screenshot(path=str(artifacts / "8-side-by-side-en.png"))

"""The design system in a real browser: every page at desktop and phone width, in Chinese and English.

Each page is checked for horizontal overflow at 390 px (a phone) and 1280 px, and photographed into
``test-artifacts/web/design/`` (``<ui language>-<width>-<page>.png``). Type is checked per script: Chinese in
the CJK face, English in the bundled Latin face even on the Chinese interface.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import REFERENCE

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ENGLISH_DOC = "A-RES-73-7.en"
PAGES = {
    "library": "/",
    "reading": f"/documents/{REFERENCE}/",
    "reading-english": f"/documents/{ENGLISH_DOC}/",
    "side-by-side": f"/documents/{REFERENCE}/?with=A-RES-72-284.en",
    "quality": f"/documents/{REFERENCE}/quality/",
    "search": "/search/?q=外国恐怖主义作战人员",
    "search-english": "/search/?q=terrorism",
    "compare": "/compare/?old=A-RES-73-6.en&new=A-RES-73-7.en",
    "mandates": "/mandates/",
    "lineage": f"/documents/{REFERENCE}/paragraphs/operative:83/lineage/",
    "upload": "/upload/",
    "sign-in": "/accounts/login/",
}
WIDTHS = (1280, 390)


def _overflow(page: Any) -> int:
    """How many pixels the page is wider than the window (0 when nothing runs off the side)."""
    return int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


def _sign_in_editor(page: Any, base: str) -> None:
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("designer", password="x-design-1")
    user.groups.add(Group.objects.get(name="editor"))
    page.goto(base + "/accounts/login/")
    page.fill("input[name=username]", "designer")
    page.fill("input[name=password]", "x-design-1")
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state("load")


def _switch_to(page: Any, base: str, language: str) -> None:
    page.goto(base + "/")
    page.select_option("#ui-language", language)
    page.wait_for_function(f"document.documentElement.lang === '{language}'")


def test_every_page_fits_a_phone_and_a_desk_in_both_languages(
    page: Any, corpus_server: Any, artifacts: Path
) -> None:
    base = corpus_server.url
    folder = artifacts / "design"
    folder.mkdir(exist_ok=True)
    overflowing = []
    for language in ("zh-hans", "en"):
        _switch_to(page, base, language)
        if language == "zh-hans":
            _sign_in_editor(page, base)  # the session (and the sign-in) survives the language switch
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            for name, path in PAGES.items():
                page.goto(base + path)
                assert page.locator("main h1").count() >= 1, (name, path)
                if (extra := _overflow(page)) > 1:
                    overflowing.append(f"{language} {width}px {name}: {extra}px too wide")
                tall = page.evaluate("document.documentElement.scrollHeight") > 5000
                page.screenshot(path=str(folder / f"{language}-{width}-{name}.png"), full_page=not tall)
    assert overflowing == []


def test_type_is_set_per_script_and_pillars_take_their_colour(page: Any, corpus_server: Any) -> None:
    base = corpus_server.url
    _switch_to(page, base, "zh-hans")
    page.goto(base + "/")
    english_title = page.locator("table.documents td[lang=en]").first
    chinese_title = page.locator("table.documents td[lang=zh]").first
    assert english_title.evaluate("e => getComputedStyle(e).fontFamily").startswith('"gcts Sans"')
    assert chinese_title.evaluate("e => getComputedStyle(e).fontFamily").startswith('"Noto Sans CJK SC"')
    # The bundled Latin face is really used (loaded from our own static files, no network).
    page.goto(base + f"/documents/{ENGLISH_DOC}/")
    assert page.evaluate("document.fonts.ready.then(() => document.fonts.check('16px \"gcts Sans\"', 'a'))")
    assert page.locator("article.resolution").get_attribute("dir") == "ltr"
    # A pillar's chip takes the pillar's colour from the design system's token (gcts.css, --pillar-II).
    page.goto(base + f"/documents/{REFERENCE}/")
    chip = page.locator("aside.annotations span.pillar.pillar-II").first
    colour = chip.evaluate("e => getComputedStyle(e).color")
    token = page.evaluate(
        "(() => { const s = document.createElement('span'); s.style.color = 'var(--pillar-II)';"
        " document.body.append(s); return getComputedStyle(s).color; })()"
    )
    assert colour == token and colour != chip.evaluate("e => getComputedStyle(e.parentElement).color")

"""The reading view beyond its paragraphs: quality report, two languages side by side, labels by name, the
comparison summary by name, and the cache that must never serve a stale page."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from gcts.library import pipeline
from gcts.library.corpus import corpus_folder
from gcts.library.store import store_resolution
from gcts.reading import load
from tests.web.conftest import adopted_variant, resolution_from_gold

pytestmark = pytest.mark.django_db

PARTIAL_EN = corpus_folder() / "partial" / "A-RES-72-284.en.partial.txt"


@pytest.fixture
def english_partial(stored_gold: Any) -> Any:
    """The English A/RES/72/284 (its first page only), read as a partial document beside the Chinese draft."""
    res = pipeline.annotate(load(PARTIAL_EN, language="en", partial=True))
    return store_resolution(res, bundled=True)


def _section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    return html[start : html.index("</section>", start)]


def test_the_partial_english_text_is_shown_beside_the_chinese_one(
    client: Client, english_partial: Any
) -> None:
    assert english_partial.symbol == "A/RES/72/284"
    html = client.get("/documents/A-72-L.62.zh/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f'href="?with={english_partial.slug}"' in html  # the other language is offered
    side = client.get(
        "/documents/A-72-L.62.zh/", {"with": english_partial.slug}, HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert 'class="resolution side-by-side"' in side
    first = _section(side, "preamble-1")
    assert '<div class="text other" lang="en" dir="ltr">' in first and "Reaffirming" in first
    assert "重申" in first  # the Chinese paragraph stays in its column
    # paragraphs the English page does not reach have an empty companion column, not someone else's text
    assert '<div class="text other" lang="en" dir="ltr"></div>' in _section(side, "operative-83")


def test_the_reading_view_shows_the_quality_report(client: Client, english_partial: Any) -> None:
    html = client.get(f"/documents/{english_partial.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    report = html[html.index('<details class="quality-report') : html.index("</details>")]
    codes = {q["code"] for q in english_partial.quality}
    assert "partial" in codes
    assert f"Quality report: {len(english_partial.quality)} findings" in report
    partial = next(q for q in english_partial.quality if q["code"] == "partial")
    n = re.search(r"after preambular paragraph (\d+)", partial["message"]).group(1)  # type: ignore[union-attr]
    said = f"The text is partial: it has no operative paragraphs and ends after preambular paragraph {n}."
    assert said in report.replace("&#x27;", "'")  # in the interface's words, with the number


def test_labels_are_named_in_the_interface_language_never_raw_keys(client: Client, stored_gold: Any) -> None:
    zh = _section(client.get("/documents/A-72-L.62.zh/").content.decode(), "operative-83")
    en = _section(
        client.get("/documents/A-72-L.62.zh/", HTTP_ACCEPT_LANGUAGE="en").content.decode(), "operative-83"
    )
    # operative 83 requests the Secretary-General to report: function "request"
    assert re.search(r'<span class="function"[^>]*>请</span>', zh)
    assert re.search(r'<span class="function"[^>]*>requests</span>', en)
    for page in (zh, en):
        assert ">request<" not in page and "secretary_general<" not in page
        assert " — request " not in page  # the mandate's action, named too
    assert "秘书长 — 请" in zh and "Secretary-General — requests" in en
    assert "秘书长" in zh and "Secretary-General" in en


def test_cited_instruments_are_named(client: Client, english_partial: Any) -> None:
    refs = {r.symbol for r in english_partial.paragraphs.get(pid="preamble:1").references.all()}
    assert (
        "instrument:strategy" in refs
    )  # the annotator's id for the Strategy ("Reaffirming the ... Strategy")
    for lang, name in (
        ("en", "United Nations Global Counter-Terrorism Strategy"),
        ("zh-hans", "联合国全球反恐战略"),
    ):
        html = client.get(f"/documents/{english_partial.slug}/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
        first = _section(html, "preamble-1")
        assert f'<span class="reference">{name}</span>' in first and "instrument:" not in first


def test_the_comparison_summary_names_its_categories(client: Client, stored_gold: Any) -> None:
    adopted = adopted_variant(resolution_from_gold())
    adopted.operative[0].text += "（新增的文字）"
    new = store_resolution(adopted)
    redline_words = {
        "en": ("en", "Legend: ", "(unchanged)", "(changed)", "same text"),
        "zh-hans": ("zh", "图例：", "（未变）", "（修改）", "文字相同"),
    }
    for lang, unchanged in (("en", "unchanged"), ("zh-hans", "未变")):
        html = client.get(
            "/compare/", {"old": "A-72-L.62.zh", "new": new.slug}, HTTP_ACCEPT_LANGUAGE=lang
        ).content.decode()
        summary = html[html.index('<section class="summary">') : html.index("</section>")]
        assert f'<th scope="row">{unchanged}</th>' in summary
        # the redline's own words (legend, relations, reasons) are in the interface language too
        redline = html[html.index('<section class="redline">') :]
        code, legend, same, changed, reason = redline_words[lang]
        assert f'<section class="gcts-compare" lang="{code}">' in redline
        assert legend in redline and same in redline and changed in redline and reason in redline
        if code == "zh":
            for english in ("Legend", "(unchanged)", "(changed)", "same text", "score ", "comparison"):
                assert english not in redline, english
            assert '<p lang="zh">' in redline  # the document's text keeps its own language
        assert (
            "by_pillar" not in summary
            and "by_theme" not in summary
            and "substantially_changed" not in summary
        )
        assert 'class="by-pillar"' in summary  # the gold text has pillars: broken down by name


def test_a_comparison_stored_without_the_readers_language_is_redone(client: Client, stored_gold: Any) -> None:
    """A row stored with only an English redline (before redlines were kept per language) is recomputed."""
    from gcts.library.models import Comparison

    adopted = adopted_variant(resolution_from_gold())
    new = store_resolution(adopted)
    client.get("/compare/", {"old": "A-72-L.62.zh", "new": new.slug}, HTTP_ACCEPT_LANGUAGE="en")
    row = Comparison.objects.get(old__slug="A-72-L.62.zh", new=new)
    assert {"en", "zh"} <= row.redlines.keys() and row.redline == row.redlines["en"]
    Comparison.objects.filter(pk=row.pk).update(redlines={})
    html = client.get("/compare/", {"old": "A-72-L.62.zh", "new": new.slug}).content.decode()
    assert "图例：" in html[html.index('<section class="redline">') :]
    assert "zh" in Comparison.objects.get(old__slug="A-72-L.62.zh", new=new).redlines


def test_a_correction_reaches_readers_at_once(stored_gold: Any) -> None:
    """The cached reading view is keyed to the library's version: the next reader sees an editor's change."""
    from django.contrib.auth.models import Group, User

    reader, editor = Client(HTTP_ACCEPT_LANGUAGE="en"), Client()
    before = reader.get("/documents/A-72-L.62.zh/").content.decode()
    assert re.search(r'<span class="function"[^>]*>requests</span>', _section(before, "operative-83"))
    user = User.objects.create_user("ed", password="x-editor-1")
    user.groups.add(Group.objects.get(name="editor"))
    editor.login(username="ed", password="x-editor-1")
    response = editor.post(
        "/documents/A-72-L.62.zh/paragraphs/operative:83/correct/",
        {"function": "decide", "pillars": "III", "themes": "strategy"},
    )
    assert response.status_code == 302
    after = reader.get("/documents/A-72-L.62.zh/").content.decode()
    assert re.search(r'<span class="function"[^>]*>decides</span>', _section(after, "operative-83"))


def test_an_unknown_companion_shows_the_document_alone(client: Client, english_partial: Any) -> None:
    alone = client.get("/documents/A-72-L.62.zh/").content.decode()
    unknown = client.get("/documents/A-72-L.62.zh/", {"with": "no-such-document"}).content.decode()

    def article(html: str) -> str:
        return html[html.index("<article") : html.index("</article>")]

    assert article(unknown) == article(alone) and "side-by-side" not in unknown

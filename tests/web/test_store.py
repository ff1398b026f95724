"""The store: Resolutions round-trip through the database, storing is all-or-nothing, search finds Chinese."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import IntegrityError

from gcts.library import models as m
from gcts.library.search import Filters, hits, search
from gcts.library.store import document_slug, store_resolution, symbol_series, to_resolution
from gcts.model import Heading, Paragraph, Resolution

pytestmark = pytest.mark.django_db


def test_round_trip_keeps_paragraphs_footnotes_and_annotations(gold_resolution: Resolution) -> None:
    doc = store_resolution(gold_resolution)
    back = to_resolution(doc)
    assert [p.id for p in back.paragraphs] == [p.id for p in gold_resolution.paragraphs]
    assert [p.text for p in back.paragraphs] == [p.text for p in gold_resolution.paragraphs]
    assert [(f.number, f.text, f.cited_in) for f in back.footnotes] == [
        (f.number, f.text, f.cited_in) for f in gold_resolution.footnotes
    ]
    for a, b in zip(back.paragraphs, gold_resolution.paragraphs, strict=True):
        assert a.annotations.function == b.annotations.function
        assert sorted(x.value for x in a.annotations.themes) == sorted(x.value for x in b.annotations.themes)
        assert [r.symbol for r in a.annotations.references] == [r.symbol for r in b.annotations.references]
        assert [(x.actor, x.deadline, x.session) for x in a.annotations.mandates] == [
            (x.actor, x.deadline, x.session) for x in b.annotations.mandates
        ]
    assert back.heading.symbol == "A/72/L.62"


def test_document_facts_for_the_library_filters(gold_resolution: Resolution) -> None:
    doc = store_resolution(gold_resolution)
    assert (doc.slug, doc.kind, doc.series, doc.language) == ("A-72-L.62.zh", "draft", "gcts-review", "zh")
    assert doc.paragraphs.count() == 38 + 85
    assert doc.mandates.filter(
        paragraph__pid="operative:83", actor="secretary_general", deadline="2019-05", session=73
    ).exists()


def test_storing_again_replaces_the_document(gold_resolution: Resolution) -> None:
    store_resolution(gold_resolution)
    store_resolution(gold_resolution)
    assert m.Document.objects.count() == 1
    assert m.Paragraph.objects.count() == 123


def test_a_failed_store_leaves_nothing(gold_resolution: Resolution) -> None:
    # Two paragraphs with one id violate the unique constraint half-way through the transaction.
    gold_resolution.operative.append(gold_resolution.operative[0])
    with pytest.raises(IntegrityError):
        store_resolution(gold_resolution)
    assert m.Document.objects.count() == 0
    assert m.Paragraph.objects.count() == 0
    assert m.Label.objects.count() == 0


def test_a_failed_replacement_keeps_the_old_document(gold_resolution: Resolution) -> None:
    store_resolution(gold_resolution)
    broken = to_resolution(m.Document.objects.get())
    broken.operative.append(broken.operative[0])
    with pytest.raises(IntegrityError):
        store_resolution(broken)
    assert m.Paragraph.objects.count() == 123


def test_search_finds_the_chinese_phrase(stored_gold: Any) -> None:
    words, qs = search("外国恐怖主义作战人员")
    pids = [p.pid for p in qs]
    assert words and pids
    texts = [p.text for p in qs]
    assert all("外国恐怖主义作战人员" in t or all(w in t for w in words) for t in texts)
    expected = {p.pid for p in stored_gold.paragraphs.all() if "外国恐怖主义作战人员" in p.text}
    assert expected <= set(pids)


def test_search_filters_by_theme_and_actor(stored_gold: Any) -> None:
    _, qs = search("", Filters(theme="ftf"))
    assert qs.count() == m.Paragraph.objects.filter(labels__kind="theme", labels__value="ftf").count() > 0
    _, qs = search("报告", Filters(actor="secretary_general"))
    assert "operative:83" in {p.pid for p in qs}


def test_deleting_a_document_empties_the_search_index(stored_gold: Any) -> None:
    stored_gold.delete()
    _, qs = search("恐怖主义")
    assert qs.count() == 0


@pytest.mark.parametrize(
    ("symbol", "series"),
    [("A/RES/73/3", "A/RES"), ("A/72/L.62", "A/L"), ("S/RES/2178 (2014)", "S/RES"), ("", "")],
)
def test_symbol_series(symbol: str, series: str) -> None:
    assert symbol_series(symbol) == series


def test_slug_without_symbol_uses_the_file_name() -> None:
    assert document_slug(Resolution(language="en", source="/x/A-RES-73-3.en.txt")) == "A-RES-73-3.en"


@pytest.mark.parametrize(
    ("query", "filters"),
    [
        ("外国恐怖主义作战人员", Filters()),
        ("会员国", Filters()),
        ("恐怖主义 融资", Filters()),
        ("", Filters(theme="ftf")),
        ("报告", Filters(actor="secretary_general")),
        ("会员国", Filters(pillar="IV", document="A-72-L.62.zh")),
        ("会员国", Filters(document="no-such-document")),
        ("no such words", Filters()),
        ("", Filters()),
    ],
)
def test_hits_are_the_search_querysets_rows(stored_gold: Any, query: str, filters: Filters) -> None:
    _words, qs = search(query, filters)
    expected = [(p.document.slug, p.pid) for p in qs]
    for offset in (0, 20):
        words, rows, count = hits(query, filters, limit=20, offset=offset)
        assert count == len(expected)
        assert [(r["slug"], r["pid"]) for r in rows] == expected[offset : offset + 20]
        assert words == _words


@pytest.mark.parametrize("query", ["资助恐怖主义", "外国恐怖主义作战人员", "100% _x_"])
def test_paragraphs_holding_the_whole_phrase_come_first(stored_gold: Any, query: str) -> None:
    # Results were in document order only: for 资助恐怖主义 (segmented 资助 / 恐怖主义) the paragraphs that
    # hold the two words apart stood among the six that hold the phrase as typed.
    _words, rows, _count = hits(query, Filters(), limit=100)
    phrase = " ".join(query.split())
    holds = [phrase.upper() in str(r["text"]).upper() for r in rows]
    assert holds == sorted(holds, reverse=True)
    if query == "资助恐怖主义":
        assert holds.count(True) == 6 and holds.count(False) >= 1


def test_a_review_of_the_strategy_belongs_to_the_review_series(stored_gold: Any) -> None:
    # The library's series filter groups the Strategy and its reviews (draft A/72/L.62 is the draft of
    # A/RES/72/284, sixth review); a document of no known series keeps its symbol series.
    assert stored_gold.series == "gcts-review"
    other = store_resolution(
        Resolution(
            language="en",
            heading=Heading(symbol="A/RES/73/7"),
            operative=[Paragraph(part="operative", index=1, number=1, text="Welcomes;")],
        )
    )
    assert other.series == "A/RES"


def test_the_library_names_the_series_by_its_title(client: Any, stored_gold: Any) -> None:
    page = client.get("/").content.decode()
    assert (
        '<option value="gcts-review">The United Nations Global Counter-Terrorism Strategy and its reviews'
        in page
    )

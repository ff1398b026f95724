"""The store's collection: the bundled corpus, adding documents atomically, series places, lineage; the
file collection of an earlier release imported once."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from gcts.compare.collection import canonical_symbol, series_of
from gcts.compare.edits import edit
from gcts.compare.lineage import lineage
from gcts.errors import GctsError, InputError
from gcts.formats.json_format import to_json
from gcts.library import models as m
from gcts.library.bootstrap import prepare_store
from gcts.library.collection import StoredCollection
from tests.compare.compare_documents import reference_zh

pytestmark = pytest.mark.django_db

REVIEWS = (
    "A/RES/60/288",
    "A/RES/62/272",
    "A/RES/64/297",
    "A/RES/66/282",
    "A/RES/68/276",
    "A/RES/70/291",
    "A/RES/72/284",
    "A/RES/75/291",
    "A/RES/77/298",
)


@pytest.fixture
def store(db: Any, gcts_home: Path) -> Path:
    """A new store (the test database) prepared as on first start; its home."""
    prepare_store()
    return gcts_home


def test_bundled_corpus_is_in_the_store(store: Path) -> None:
    c = StoredCollection(store)
    ids = {e.id for e in c.entries()}
    assert {"A/72/L.62@zh", "A/RES/73/7@en"} <= ids
    draft = c.entry("A/72/L.62@zh")
    assert (draft.series, draft.place, draft.is_draft, draft.adopted) == (
        "gcts-review",
        6,
        True,
        "2018-06-26",
    )
    assert len(c.load("A/72/L.62@zh").operative) == 85
    # the first pages of reports are listed (known to citations) but not held
    listed = c.entry("A/72/840@en")
    assert (listed.stored, listed.partial) == (False, True)
    with pytest.raises(InputError, match="only listed"):
        c.load("A/72/840@en")


def test_series_data_knows_the_reviews(tmp_path: Path) -> None:
    series = series_of(tmp_path)["gcts-review"]
    assert [m.symbol for m in series.members] == list(REVIEWS)
    assert series.member("A/72/L.62") is not None and series.member("A/72/L.62").symbol == "A/RES/72/284"


def test_symbols_are_canonical() -> None:
    assert canonical_symbol(" a/res/72/284 ") == "A/RES/72/284"
    assert canonical_symbol("70/291") == "A/RES/70/291"


def _series(tmp_path: Path, n: int = 9) -> StoredCollection:
    """Nine versions of the reference text, each an edit of the one before, added as the nine reviews."""
    c = StoredCollection()
    version = reference_zh()
    docs = [version]
    rng = random.Random(5)
    for _ in range(n - 1):
        version = edit(
            version,
            rng,
            n_edits=4,
            operations=["reword", "insert", "delete", "move"],
            insert_pool=[p.text for p in reference_zh().operative[:5]],
        ).resolution
        docs.append(version)
    for k, (symbol, res) in enumerate(zip(REVIEWS, reversed(docs), strict=False)):
        f = tmp_path / f"v{k}.json"
        f.write_text(to_json(res), encoding="utf-8")
        c.add(f, symbol=symbol)
    return c


def test_added_documents_take_their_place_in_the_series(store: Path, tmp_path: Path) -> None:
    c = _series(tmp_path, 3)
    e = c.entry("A/RES/64/297@zh")
    assert (e.series, e.place, e.bundled) == ("gcts-review", 2, False)
    assert [p.id for p in c.predecessors("A/RES/64/297@zh")] == ["A/RES/62/272@zh", "A/RES/60/288@zh"]
    # they are the web's documents too, annotated
    doc = m.Document.objects.get(symbol="A/RES/64/297", language="zh")
    assert doc.paragraphs.count() == len(c.load("A/RES/64/297@zh").paragraphs)
    assert m.Label.objects.filter(paragraph__document=doc).exists()


def test_a_failed_add_leaves_nothing_behind(store: Path, tmp_path: Path) -> None:
    c = _series(tmp_path, 2)
    before = sorted(m.Document.objects.values_list("slug", "updated_at"))
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    with pytest.raises(GctsError):
        c.add(bad, symbol="A/RES/66/282")
    assert sorted(m.Document.objects.values_list("slug", "updated_at")) == before


def test_unknown_document_is_a_plain_error(store: Path) -> None:
    with pytest.raises(InputError, match="not in the collection"):
        StoredCollection(store).entry("A/RES/99/1@en")


def test_a_given_series_and_place_are_kept(store: Path, tmp_path: Path) -> None:
    f = tmp_path / "doc.json"
    f.write_text(to_json(reference_zh()), encoding="utf-8")
    StoredCollection(store).add(f, symbol="A/RES/99/9", series="my-series", place=3)
    e = StoredCollection(store).entry("A/RES/99/9@zh")
    assert (e.series, e.place) == ("my-series", 3)


def test_the_file_collection_of_an_earlier_release_is_imported_once(
    db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "collection"
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "A-RES-75-291@zh.json").write_text(to_json(reference_zh()), encoding="utf-8")
    entry = {"id": "A/RES/75/291@zh", "symbol": "A/RES/75/291", "language": "zh"}
    index = {"schema": "gcts-collection/1", "documents": [{**entry, "file": "docs/A-RES-75-291@zh.json"}]}
    (folder / "index.json").write_text(json.dumps(index), encoding="utf-8")
    monkeypatch.setenv("GCTS_HOME", str(tmp_path))
    heard: list[str] = []
    prepare_store(say=heard.append)
    assert len(heard) == 1 and "imported 1 documents" in heard[0]
    assert StoredCollection(tmp_path).entry("A/RES/75/291@zh").place == 7
    assert (folder / "index.imported.json").is_file() and not (folder / "index.json").exists()
    prepare_store(say=heard.append)  # a second start imports nothing again
    # (the bundled corpus holds the English A/RES/75/291 besides: only the imported Chinese one is counted)
    imported = m.Document.objects.filter(symbol="A/RES/75/291", language="zh")
    assert len(heard) == 1 and imported.count() == 1


def test_lineage_walks_back_to_the_first_appearance(store: Path, tmp_path: Path) -> None:
    c = _series(tmp_path)
    newest = c.load("A/RES/77/298@zh")
    first = newest.operative[0].id
    result = lineage(c, "A/RES/77/298@zh", first, include_drafts=False)
    assert result.steps[0].doc == "A/RES/77/298@zh"
    assert [s.doc.split("@")[0] for s in result.steps] == list(reversed(REVIEWS))[: len(result.steps)]
    assert all(s.text for s in result.steps)
    assert result.first_appearance is result.steps[-1]
    # by default the bundled draft A/72/L.62 is a step between A/RES/70/291 and A/RES/72/284
    with_drafts = [s.doc for s in lineage(c, "A/RES/77/298@zh", first).steps]
    if "A/RES/72/284@zh" in with_drafts and "A/RES/70/291@zh" in with_drafts:
        k = with_drafts.index("A/RES/72/284@zh")
        assert with_drafts[k + 1] == "A/72/L.62@zh"


def test_lineage_of_an_inserted_paragraph_stops_where_it_appeared(store: Path, tmp_path: Path) -> None:
    c = StoredCollection(store)
    old = reference_zh()
    new = edit(
        old,
        random.Random(1),
        n_edits=1,
        operations=["insert"],
        insert_pool=["决定将题为“一个全新的议程项目”的项目列入其第七十八届会议临时议程。"],
    ).resolution
    for symbol, res in (("A/RES/75/291", old), ("A/RES/77/298", new)):
        f = tmp_path / f"{symbol.replace('/', '-')}.json"
        f.write_text(to_json(res), encoding="utf-8")
        c.add(f, symbol=symbol)
    inserted = next(p.id for p in new.paragraphs if "全新" in p.text)
    result = lineage(c, "A/RES/77/298@zh", inserted)
    assert len(result.steps) == 1 and "first appears in A/RES/77/298@zh" in result.note
    # place 6 is held through the bundled draft A/72/L.62; the earlier reviews are not
    assert "A/RES/70/291" in result.missing and "A/RES/72/284" not in result.missing

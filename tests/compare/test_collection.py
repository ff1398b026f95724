"""The collection: bundled corpus without copying, adding documents atomically, series places, lineage."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from gcts.compare.collection import Collection, canonical_symbol
from gcts.compare.edits import edit
from gcts.compare.lineage import lineage
from gcts.errors import GctsError, InputError
from gcts.formats.json_format import to_json
from tests.compare.compare_documents import reference_zh

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


def test_bundled_corpus_is_known_without_copying(tmp_path: Path) -> None:
    c = Collection(tmp_path)
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
    assert not (tmp_path / "collection").exists()


def test_series_data_knows_the_reviews(tmp_path: Path) -> None:
    series = Collection(tmp_path).series["gcts-review"]
    assert [m.symbol for m in series.members] == list(REVIEWS)
    assert series.member("A/72/L.62") is not None and series.member("A/72/L.62").symbol == "A/RES/72/284"


def test_symbols_are_canonical() -> None:
    assert canonical_symbol(" a/res/72/284 ") == "A/RES/72/284"
    assert canonical_symbol("70/291") == "A/RES/70/291"


def _series(tmp_path: Path, n: int = 9) -> Collection:
    """Nine versions of the reference text, each an edit of the one before, added as the nine reviews."""
    c = Collection(tmp_path / "home")
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


def test_added_documents_take_their_place_in_the_series(tmp_path: Path) -> None:
    c = _series(tmp_path, 3)
    e = c.entry("A/RES/64/297@zh")
    assert (e.series, e.place, e.bundled) == ("gcts-review", 2, False)
    assert [p.id for p in c.predecessors("A/RES/64/297@zh")] == ["A/RES/62/272@zh", "A/RES/60/288@zh"]
    index = json.loads((tmp_path / "home" / "collection" / "index.json").read_text(encoding="utf-8"))
    assert index["schema"] == "gcts-collection/1" and len(index["documents"]) == 3


def test_a_failed_add_leaves_nothing_behind(tmp_path: Path) -> None:
    c = _series(tmp_path, 2)
    before = (c.index_path.read_bytes(), sorted(p.name for p in c.folder.rglob("*")))
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    with pytest.raises(GctsError):
        c.add(bad, symbol="A/RES/66/282")
    assert (c.index_path.read_bytes(), sorted(p.name for p in c.folder.rglob("*"))) == before


def test_unknown_document_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not in the collection"):
        Collection(tmp_path).entry("A/RES/99/1@en")


def test_lineage_walks_back_to_the_first_appearance(tmp_path: Path) -> None:
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


def test_lineage_of_an_inserted_paragraph_stops_where_it_appeared(tmp_path: Path) -> None:
    c = Collection(tmp_path / "home")
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

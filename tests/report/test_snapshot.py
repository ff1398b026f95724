"""A snapshot is named by its content: the same data give the same id, and a stored snapshot comes back whole
or is refused."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gcts.errors import FormatError, InputError
from gcts.report import snapshot

rows = st.lists(
    st.dictionaries(
        st.text(min_size=1, max_size=5), st.one_of(st.integers(), st.text(max_size=8), st.none()), max_size=4
    ),
    max_size=5,
)


@settings(deadline=None)
@given(rows, rows)
def test_the_id_depends_on_the_content_only(a: list[dict[str, object]], b: list[dict[str, object]]) -> None:
    one = snapshot.take({"x": a, "y": b}, audience="public", taken_at=datetime(2020, 1, 1, tzinfo=UTC))
    # the same tables built in another order, taken at another time
    two = snapshot.take({"y": [dict(reversed(list(r.items()))) for r in b], "x": a}, audience="public")
    assert one.id == two.id
    if a != b:
        assert snapshot.take({"x": b, "y": a}, audience="public").id != one.id
    assert snapshot.take({"x": a, "y": b}, audience="internal").id != one.id


def test_saved_and_loaded_whole(tmp_path: Path) -> None:
    snap = snapshot.take(
        {"documents": [{"id": "A/RES/72/284@zh", "n": 1}]}, audience="internal", source="test"
    )
    path = snapshot.save(snap, home=tmp_path)
    again = snapshot.load(snap.id, home=tmp_path)
    assert (again.id, again.audience, again.tables, again.taken_on) == (
        snap.id,
        snap.audience,
        snap.tables,
        snap.taken_on,
    )
    assert snapshot.load(str(path)).id == snap.id


def test_an_edited_snapshot_is_refused(tmp_path: Path) -> None:
    snap = snapshot.take({"activities": [{"budget": "100"}]}, audience="public")
    path = snapshot.save(snap, home=tmp_path)
    data = json.loads(gzip.decompress(path.read_bytes()))
    data["tables"]["activities"][0]["budget"] = "1000000"
    path.write_bytes(gzip.compress(json.dumps(data).encode()))
    with pytest.raises(FormatError, match="does not match its id"):
        snapshot.load(snap.id, home=tmp_path)
    path.write_bytes(b"not gzip")
    with pytest.raises(FormatError, match="damaged"):
        snapshot.load(snap.id, home=tmp_path)


def test_unknown_snapshots_and_audiences_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no snapshot"):
        snapshot.load("0123456789abcdef", home=tmp_path)
    with pytest.raises(InputError, match="audience"):
        snapshot.take({}, audience="everyone")

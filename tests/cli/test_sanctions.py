"""``gcts sanctions diff``: what changed between two list files, and a one-line error for a bad one."""

from __future__ import annotations

import json

from tests.cli.running import run
from tests.screening.conftest import SNAPSHOTS


def test_diff_json_counts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    if len(SNAPSHOTS) < 2:
        return
    result = run("sanctions", "diff", str(SNAPSHOTS[-2]), str(SNAPSHOTS[-1]), "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["new_date"] == SNAPSHOTS[-1].name[-14:-4]
    text = run("sanctions", "diff", str(SNAPSHOTS[-2]), str(SNAPSHOTS[-1]))
    assert f"{len(data['listed'])} listed, {len(data['delisted'])} delisted" in text.out


def test_diff_bad_file_one_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "list.xml"
    bad.write_bytes(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><CONSOLIDATED_LIST/>')
    result = run("sanctions", "diff", str(bad), str(bad))
    assert result.code == 5 and len(result.err_lines) == 1 and "list.xml" in result.err

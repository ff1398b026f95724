"""``gcts corpus citations``: the citation graph over the collection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from gcts.cli import cli


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GCTS_HOME", str(tmp_path))
    return tmp_path


def test_citations_of_the_bundled_collection(home: Path) -> None:
    result = CliRunner().invoke(cli, ["corpus", "citations", "--format", "json"])
    assert result.exit_code == 0, result.output
    graph = json.loads(result.output)
    # The reference text cites the Strategy itself (preamble 1 and operative 2) and S/RES/2178 (2014).
    cites = graph["cites"]["A/72/L.62"]
    assert cites["A/RES/60/288"] == ["preamble:1", "operative:2"]
    assert "S/RES/2178 (2014)" in cites
    # A/72/840 is bundled as an excerpt: known to the collection, so not reported missing.
    assert "A/72/840" in graph["excerpts"]
    assert "A/72/840" not in graph["missing"]
    # the fourth review is cited by the sixth, in both its languages, and is not bundled
    assert {"A/72/L.62", "A/RES/72/284"} <= set(graph["missing"]["A/RES/68/276"])
    # the sixth review is bundled whole: the seventh's citation of it is not missing
    assert "A/RES/72/284" not in graph["missing"]
    assert "A/RES/72/284" in graph["cites"]["A/RES/75/291"]


def test_citations_as_markdown_names_what_to_add(home: Path) -> None:
    result = CliRunner().invoke(cli, ["corpus", "citations"])
    assert result.exit_code == 0, result.output
    assert "- A/72/840: operative:57  (excerpt only)" in result.output
    assert "are not in the collection; add them with `gcts corpus add FILE`" in result.output

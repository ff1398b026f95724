"""``gcts labels train / use / evaluate``: a retrained model is reported first and used only when adopted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from gcts.annotate.labelling import examples
from gcts.annotate.labelling.apply import active_model_path, shipped_model_path
from gcts.cli import cli
from tests.cli.running import assert_one_line_error, run

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "A-72-L.62.zh.gold.json"


@pytest.fixture
def small_labels(tmp_path: Path) -> Path:
    """A label file of 60 paragraphs of the shipped English labels."""
    data = json.loads((examples.shipped_files()[-1]).read_text(encoding="utf-8"))
    data["paragraphs"] = data["paragraphs"][:60]
    path = tmp_path / "small.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.slow
def test_train_reports_then_use_adopts(small_labels: Path, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GCTS_HOME", str(tmp_path / "home"))
    runner = CliRunner()
    out = runner.invoke(cli, ["labels", "train", "--no-shipped", "--no-store", "--labels", str(small_labels)])
    assert out.exit_code == 0, out.output
    assert "change (new - in use):" in out.output and "not in use yet" in out.output
    assert "60  gold of A/72/L.62 (zh), transferred" in out.output
    assert active_model_path() == shipped_model_path()  # nothing changed before `use`
    out = runner.invoke(cli, ["labels", "use"])
    assert out.exit_code == 0 and active_model_path() == tmp_path / "home" / "labels" / "model.gctsmodel"
    out = runner.invoke(cli, ["labels", "evaluate", "--json"])
    assert out.exit_code == 0
    assert json.loads(out.output)["figures"]["examples"] == 60


def test_evaluate_the_shipped_model(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GCTS_HOME", str(tmp_path))
    out = CliRunner().invoke(cli, ["labels", "evaluate", "--json", str(GOLD)])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["figures"]["examples"] >= 200
    assert data["gold"]["A-72-L.62.zh.gold.json"]["pillars"]["f1"] >= 0.8


def test_bad_inputs_are_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GCTS_HOME", str(tmp_path))
    assert_one_line_error(run("labels", "use"), 3, "candidate.gctsmodel", "no such model file")
    missing = str(tmp_path / "x.json")
    assert_one_line_error(run("labels", "train", "--no-shipped", "--no-store", "--labels", missing), 3,
                          "x.json", "no such file")
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "gcts-labels/1"}', encoding="utf-8")
    assert_one_line_error(run("labels", "train", "--no-shipped", "--no-store", "--labels", str(bad)), 5,
                          "bad.json", "[document]")
    empty = tmp_path / "empty.json"
    empty.write_text('{"schema": "gcts-labels/1", "document": "X", "language": "en", "label_source": "t", '
                     '"paragraphs": []}', encoding="utf-8")
    assert_one_line_error(run("labels", "train", "--no-shipped", "--no-store", "--labels", str(empty)), 5,
                          "nothing to train on")

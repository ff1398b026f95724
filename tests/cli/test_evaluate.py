"""``gcts evaluate``: scores against the reference gold, from the source text or from a prediction file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from gcts.cli import cli

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "A-72-L.62.zh.gold.json"


def test_evaluate_the_reference_from_its_source() -> None:
    result = CliRunner().invoke(cli, ["evaluate", str(GOLD), "--json"])
    assert result.exit_code == 0, result.output
    kinds = json.loads(result.output)["kinds"]
    assert kinds["openings"]["f1"] == 1.0 and kinds["functions"]["f1"] == 1.0
    assert kinds["references"]["precision"] >= 0.98 and kinds["references"]["recall"] >= 0.98
    assert kinds["mandates"]["recall"] == 1.0
    assert kinds["pillars"]["f1"] >= 0.85 and kinds["themes"]["f1"] >= 0.75


def test_evaluate_a_prediction_file_shows_a_table(tmp_path: Path) -> None:
    pred = tmp_path / "pred.json"
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    pred.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")  # the gold scores perfectly
    result = CliRunner().invoke(cli, ["evaluate", str(GOLD), "--pred", str(pred)])
    assert result.exit_code == 0, result.output
    assert "themes" in result.output and "1.000" in result.output
    data = json.loads(CliRunner().invoke(cli, ["evaluate", str(GOLD), "--pred", str(pred), "--json"]).output)
    assert all(v["f1"] == 1.0 for v in data["kinds"].values())
    assert data["labels"]["pillars"]["ALL"]["tp"] == 7


def test_bad_gold_file_is_a_format_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", "from gcts.cli import main; main()", "evaluate", str(bad)],
                          capture_output=True, text=True)
    assert proc.returncode == 5
    assert "Traceback" not in proc.stderr and "bad.json" in proc.stderr

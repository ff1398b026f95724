"""``gcts annotate``: the terminal view and the JSON output on real documents; bad input."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from gcts.cli import cli

CORPUS = Path(__file__).resolve().parents[2] / "src" / "gcts" / "data" / "corpus"


def test_terminal_view_of_the_reference() -> None:
    result = CliRunner().invoke(cli, ["annotate", str(CORPUS / "A-72-L.62.zh.txt"), "--symbol", "A/72/L.62"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "A/72/L.62" in out
    assert "operative:83" in out and "secretary_general request — by 2019-05, session 73" in out
    assert "pillars:" in out and "themes:" in out and "references:" in out


def test_json_output_of_an_english_resolution() -> None:
    result = CliRunner().invoke(cli, ["annotate", str(CORPUS / "A-RES-73-8.en.txt"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    by_id = {p["id"]: p for p in data["paragraphs"]}
    assert by_id["operative:5"]["function"] == "decide"
    assert by_id["operative:5"]["mandates"] == [{"actor": "general_assembly", "action": "decide",
                                                 "deadline": None, "session": 74, "recurrence": None}]


def test_missing_file_is_one_line_and_exit_code_3(tmp_path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", "from gcts.cli import main; main()", "annotate",
                           str(tmp_path / "none.txt")], capture_output=True, text=True)
    assert proc.returncode == 3
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1

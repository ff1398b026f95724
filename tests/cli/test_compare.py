"""``gcts compare``, ``gcts corpus`` and ``gcts lineage`` from the command line, on real documents."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "src" / "gcts" / "data" / "corpus"
TOOLS = ROOT / "tests" / "fixtures"


def gcts(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"GCTS_HOME": str(home), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-c", "from gcts.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def _edited(tmp_path: Path) -> tuple[Path, Path, dict[str, object]]:
    """A/RES/73/7 and an edited version of it as gcts JSON, with the true alignment."""
    from gcts.compare.edits import edit
    from gcts.formats.json_format import to_json
    from gcts.reading import load

    base = load(CORPUS / "A-RES-73-7.en.txt")
    version = edit(
        base,
        random.Random(9),
        n_edits=6,
        insert_pool=[p.text for p in load(CORPUS / "A-RES-73-6.en.txt").paragraphs],
    )
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(to_json(base), encoding="utf-8")
    b.write_text(to_json(version.resolution), encoding="utf-8")
    return a, b, version.truth


def test_compare_json_meets_the_contract_and_the_scorer(tmp_path: Path, home: Path) -> None:
    a, b, truth = _edited(tmp_path)
    out = tmp_path / "cmp.json"
    r = gcts(home, "compare", str(a), str(b), "--format", "json", "-o", str(out), "--no-annotate")
    assert r.returncode == 0, r.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"pairs", "added", "removed"} <= data.keys()
    for p in data["pairs"]:
        assert {"a", "b", "relation", "score"} <= p.keys()
        assert p["relation"] in {"identical", "changed", "moved", "split", "merged"}
        assert p["a"].split(":")[0] in {"preamble", "operative"}
    truth_file = tmp_path / "truth.json"
    truth_file.write_text(json.dumps(truth), encoding="utf-8")
    scored = subprocess.run(
        [sys.executable, str(TOOLS / "score_compare.py"), str(truth_file), str(out)],
        capture_output=True,
        text=True,
    )
    assert scored.returncode == 0, scored.stdout


@pytest.mark.parametrize(("fmt", "marker"), [("html", "<del"), ("md", "~~")])
def test_compare_redlines(tmp_path: Path, home: Path, fmt: str, marker: str) -> None:
    a, b, _ = _edited(tmp_path)
    r = gcts(home, "compare", str(a), str(b), "--format", fmt, "--no-annotate")
    assert r.returncode == 0, r.stderr
    assert marker in r.stdout


@pytest.mark.parametrize(("fmt", "legend"), [("html", "图例："), ("md", "图例：**插入**")])
def test_compare_writes_the_redline_words_in_the_ui_language(
    tmp_path: Path, home: Path, fmt: str, legend: str
) -> None:
    a, b, _ = _edited(tmp_path)
    zh = gcts(home, "compare", str(a), str(b), "--format", fmt, "--no-annotate", "--ui-lang", "zh")
    assert zh.returncode == 0, zh.stderr
    assert legend in zh.stdout and "（未变）" in zh.stdout
    assert "Legend" not in zh.stdout and "(unchanged)" not in zh.stdout
    en = gcts(home, "compare", str(a), str(b), "--format", fmt, "--no-annotate")
    assert "Legend" in en.stdout and "(unchanged)" in en.stdout and "图例" not in en.stdout
    bad = gcts(home, "compare", str(a), str(b), "--ui-lang", "xx")
    assert bad.returncode == 2 and "--ui-lang" in bad.stderr


def test_compare_refuses_a_document_that_fails_to_parse(tmp_path: Path, home: Path) -> None:
    bad = tmp_path / "not-a-resolution.txt"
    bad.write_text("Minutes of a meeting.\nNothing numbered here.\n", encoding="utf-8")
    r = gcts(home, "compare", str(CORPUS / "A-RES-73-7.en.txt"), str(bad))
    assert r.returncode in (3, 4), r.stderr
    assert "Traceback" not in r.stderr and r.stderr.startswith("gcts: error:")


def test_compare_says_when_documents_are_unrelated(home: Path) -> None:
    r = gcts(home, "compare", "A/RES/73/7@en", "A/RES/73/8@en", "--format", "json", "--no-annotate")
    assert r.returncode == 0, r.stderr
    assert "look unrelated" in r.stderr
    assert json.loads(r.stdout)["related"] is False


def test_corpus_add_list_and_lineage(tmp_path: Path, home: Path) -> None:
    a, b, _ = _edited(tmp_path)
    r = gcts(home, "corpus", "add", str(a), "--symbol", "A/RES/75/291")
    assert r.returncode == 0, r.stderr
    assert "gcts-review place 7" in r.stdout
    r = gcts(home, "corpus", "add", str(b), "--symbol", "A/RES/77/298")
    assert r.returncode == 0, r.stderr
    listing = gcts(home, "corpus", "list")
    assert "A/RES/77/298@en" in listing.stdout and "A/72/L.62@zh" in listing.stdout
    r = gcts(home, "lineage", "A/RES/77/298@en", "preamble:1", "--format", "json")
    assert r.returncode == 0, r.stderr
    steps = json.loads(r.stdout)["steps"]
    assert [s["doc"] for s in steps][:2] == ["A/RES/77/298@en", "A/RES/75/291@en"]


def test_lineage_of_an_unknown_paragraph_is_a_plain_error(home: Path) -> None:
    r = gcts(home, "lineage", "A/72/L.62@zh", "operative:999")
    assert r.returncode == 3 and "no paragraph operative:999" in r.stderr


def test_corpus_add_without_symbol_says_what_to_do(tmp_path: Path, home: Path) -> None:
    r = gcts(home, "corpus", "add", str(CORPUS / "A-72-L.62.zh.txt"))
    assert r.returncode == 3 and "--symbol" in r.stderr


def test_compare_accepts_a_partial_document_with_a_warning(home: Path) -> None:
    """The first page of the English A/RES/72/284 against the Chinese draft: preamble 1–3 pair up."""
    partial = CORPUS / "partial" / "A-RES-72-284.en.partial.txt"
    reference = CORPUS / "A-72-L.62.zh.txt"
    r = gcts(home, "compare", str(reference), str(partial), "--format", "json", "--no-annotate")
    assert r.returncode == 0, r.stderr
    assert "is partial" in r.stderr and "ends after preambular paragraph 3" in r.stderr
    pairs = {(p["a"], p["b"]) for p in json.loads(r.stdout)["pairs"]}
    assert pairs == {(f"preamble:{n}", f"preamble:{n}") for n in (1, 2, 3)}

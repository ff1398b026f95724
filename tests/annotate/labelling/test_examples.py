"""Label files: every shipped label states its source; malformed files are one clear error; no test text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gcts.annotate.labelling import examples
from gcts.errors import FormatError
from gcts.model import PILLARS

REPO = Path(__file__).resolve().parents[3]
TEST_SET = REPO / "src" / "gcts" / "data" / "corpus" / "real" / "A-RES-75-291.en.txt"


def test_shipped_label_files_state_their_sources() -> None:
    files = examples.shipped_files()
    assert len(files) >= 2
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["label_source"].strip() and data["text_source"].strip(), path.name
    shipped = examples.shipped()
    assert all(e.source for e in shipped)
    assert {e.language for e in shipped} >= {"zh", "en"}
    assert all(set(e.pillars) <= set(PILLARS) for e in shipped)


def test_the_test_set_is_not_training_data() -> None:
    """A/RES/75/291 (its pillar headings are the test set) is in no shipped label file, by document or
    text."""
    shipped = examples.shipped()
    assert not any("75/291" in e.document or "75-291" in e.source for e in shipped)
    for path in examples.shipped_files():
        assert "75-291" not in path.read_text(encoding="utf-8").replace("75/291", "75-291")
    if not TEST_SET.is_file():
        pytest.fail(f"the bundled test set {TEST_SET} is missing")
    # a training text found in the seventh review is one the sixth review already had (carried over)
    raw = re.sub(r"\s+", "", TEST_SET.read_text(encoding="utf-8"))
    shared = [e for e in shipped if re.sub(r"\s+", "", e.text) in raw]
    sixth = {e.document for e in shared}
    assert sixth <= {"A/RES/72/284", "A/72/L.62"}  # only text the sixth review already had


def test_bad_label_file_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"schema": "gcts-labels/1", "document": "X", "language": "en",
                                "label_source": "by hand", "paragraphs": [
                                    {"id": "operative:1", "text": "Decides", "pillars": ["V"]}]}))
    with pytest.raises(FormatError) as err:
        examples.load_file(path)
    assert "paragraphs[0].pillars" in str(err.value) and "'V'" in str(err.value)
    path.write_text("[1]")
    with pytest.raises(FormatError, match="not a JSON object"):
        examples.load_file(path)


def test_gold_files_read_as_examples() -> None:
    gold = REPO / "tests" / "fixtures" / "A-72-L.62.zh.gold.json"
    found = examples.load_file(gold)
    operative = [e for e in found if e.part == "operative"]
    assert len(operative) == 85 and all(e.pillars for e in operative)
    assert not any(e.pillars for e in found if e.part == "preamble")

"""One store: what the command line adds, the web shows; what the web stores, the command line compares."""

from __future__ import annotations

import json
from pathlib import Path

from django.test import Client

from gcts.library.store import store_resolution
from tests.cli.running import run
from tests.compare.compare_documents import reference_zh

CORPUS = Path(__file__).resolve().parents[2] / "src" / "gcts" / "data" / "corpus"


def test_corpus_add_then_the_web_library_shows_it(tmp_path: Path) -> None:
    f = tmp_path / "review.json"
    from gcts.formats.json_format import to_json

    f.write_text(to_json(reference_zh()), encoding="utf-8")
    added = run("corpus", "add", str(f), "--symbol", "A/RES/75/291")
    assert added.code == 0, added.err
    assert added.out.startswith("added A/RES/75/291@zh (gcts-review place 7;")
    page = Client().get("/", {"language": "zh"})
    assert page.status_code == 200 and "A/RES/75/291" in page.content.decode()
    reading = Client().get("/documents/A-RES-75-291.zh/")
    last = reference_zh().operative[-1].text
    assert reading.status_code == 200 and last[-12:] in reading.content.decode()


def test_a_document_stored_by_the_web_is_known_to_the_command_line() -> None:
    res = reference_zh()
    res.heading.symbol = "A/RES/77/298"
    store_resolution(res)  # what the upload page does
    listed = json.loads(run("corpus", "list", "--format", "json").out)
    assert "A/RES/77/298@zh" in {e["id"] for e in listed}
    compared = run("compare", "A/72/L.62@zh", "A/RES/77/298@zh", "--format", "json")
    assert compared.code == 0, compared.err
    assert json.loads(compared.out)["b"]["symbol"] == "A/RES/77/298"
    shown = run("annotate", "A/RES/77/298@zh", "--json")
    assert shown.code == 0, shown.err
    assert json.loads(shown.out)

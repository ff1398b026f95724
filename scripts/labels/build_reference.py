"""Build the shipped label files of the reference resolution (run once; the output is committed).

- ``A-72-L.62.zh.json``: the hand-checked gold of the Chinese reference text (``shared/gold``), pillars and
  themes as the gold gives them.
- ``A-RES-72-284.en.json``: the operative paragraphs of the adopted English text of the same resolution
  (``shared/corpus/real/A-RES-72-284.en.txt``, read by gcts's reader), each labelled with the gold's pillars
  and themes of the operative paragraph with the same number (A/72/L.62 was adopted unchanged as 72/284:
  85 operative paragraphs each). Preambular paragraphs are left out: the reader and the gold count them
  differently (37 / 38), so the transfer by position would not be safe.

Usage: python scripts/labels/build_reference.py ../shared
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from gcts.reading import load


def main(shared: Path) -> None:
    out = Path(__file__).resolve().parents[2] / "src" / "gcts" / "data" / "labels"
    gold = json.loads((shared / "gold" / "A-72-L.62.zh.gold.json").read_text(encoding="utf-8"))
    zh = []
    for part in ("preamble", "operative"):
        for p in gold[part]:
            pid = f"{part}:{p['number'] if part == 'operative' else p['index']}"
            item = {"id": pid, "text": p["text"], "themes": p["themes"], "group": f"A/RES/72/284 {pid}"}
            if part == "operative":
                item["pillars"] = p["pillars"]
            zh.append(item)
    write(out / "A-72-L.62.zh.json", {
        "schema": "gcts-labels/1", "document": "A/72/L.62", "language": "zh",
        "text_source": "shared/corpus/A-72-L.62.zh.txt (as the gold gives it)",
        "label_source": "gold file shared/gold/A-72-L.62.zh.gold.json (hand-checked)",
        "paragraphs": zh})
    res = load(shared / "corpus" / "real" / "A-RES-72-284.en.txt", language="en")
    by_number = {p["number"]: p for p in gold["operative"]}
    if [p.number for p in res.operative] != sorted(by_number):
        raise SystemExit("the English operative paragraphs are not numbered as the gold's: no transfer")
    en = [{"id": p.id, "text": p.text, "pillars": by_number[p.number]["pillars"],
           "themes": by_number[p.number]["themes"], "group": f"A/RES/72/284 {p.id}"} for p in res.operative]
    write(out / "A-RES-72-284.en.json", {
        "schema": "gcts-labels/1", "document": "A/RES/72/284", "language": "en",
        "text_source": "shared/corpus/real/A-RES-72-284.en.txt (the adopted English text, read by gcts)",
        "label_source": "gold of A/72/L.62 (zh), transferred to the operative paragraph with the same number",
        "paragraphs": en})


def write(path: Path, data: dict[str, object]) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{path}: {len(data['paragraphs'])} paragraphs")  # type: ignore[arg-type]


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))

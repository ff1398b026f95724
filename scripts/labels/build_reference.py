"""Build the shipped label files of the reference resolution (run once; the output is committed).

- ``A-72-L.62.zh.json``: the hand-checked gold of the Chinese reference text (``shared/gold``), pillars and
  themes as the gold gives them.
- ``A-RES-72-284.en.json``: the operative paragraphs of the adopted English text of the same resolution
  (``shared/corpus/real/A-RES-72-284.en.txt``, read by gcts's reader), each labelled with the gold's pillars
  and themes of the operative paragraph with the same number (A/72/L.62 was adopted unchanged as 72/284:
  85 operative paragraphs each). Preambular paragraphs are left out: the reader and the gold count them
  differently (37 / 38), so the transfer by position would not be safe.

The gold gives a set of pillars; where it gives more than one, ``PRIMARY`` below names the one a drafter
would file the paragraph under. Those 30 choices were made by hand (h14, reading the English text) by the
Strategy's own division of its plan of action (A/RES/60/288, annex): victims, dialogue, radicalization and
counter-narratives under I; financing, safe haven, refugee status, ICT misuse, foreign terrorist fighters,
sanctions, weapons and critical infrastructure under II; capacity-building and the United Nations system's
work under III; human rights, humanitarian law and the rule of law under IV; the Strategy as a whole, its
implementation and its reviews under ALL. They were made without looking at A/RES/75/291.

Usage: python scripts/labels/build_reference.py ../shared
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from gcts.reading import load

PRIMARY = {5: "ALL", 8: "II", 10: "IV", 13: "I", 14: "I", 18: "I", 21: "I", 22: "I", 24: "I", 25: "I",
           26: "II", 27: "II", 30: "II", 33: "IV", 35: "II", 39: "II", 41: "II", 44: "II", 48: "II", 49: "I",
           51: "II", 53: "II", 54: "II", 56: "II", 60: "I", 66: "III", 69: "III", 73: "III", 75: "III",
           84: "ALL"}
PRIMARY_SOURCE = "primary pillar chosen by hand among the gold's pillars (h14; see scripts/labels)"


def primary(number: int, pillars: list[str]) -> dict[str, str]:
    """The primary pillar fields of an operative paragraph: the gold's only pillar, or the hand choice."""
    if len(pillars) == 1:
        return {"primary": pillars[0]}
    choice = PRIMARY[number]
    if choice not in pillars:
        raise SystemExit(f"operative {number}: primary {choice} is not among the gold's {pillars}")
    return {"primary": choice, "primary_source": PRIMARY_SOURCE}


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
                item.update(primary(p["number"], p["pillars"]))
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
           "themes": by_number[p.number]["themes"], "group": f"A/RES/72/284 {p.id}",
           **primary(p.number or 0, by_number[p.number]["pillars"])} for p in res.operative]
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

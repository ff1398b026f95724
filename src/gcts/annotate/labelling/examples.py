"""Labelled paragraphs: what the trained labeller learns from, each with where its labels came from.

Three kinds of source feed training, and every example names its own:

- label files shipped under ``gcts/data/labels/*.json`` (schema ``gcts-labels/1``): the gold of the reference
  text and the paragraphs built from it, each file stating its document, language and label source;
- gold files of the gold contract (``shared/gold/README.md``), read as they are;
- corrections editors made in the store (read by the CLI through the store and handed in as examples).

An example's ``group`` ties together the same paragraph in several languages (the Chinese gold and its
English adopted text), so that cross-validation keeps them in the same fold. ``primary`` is the pillar a
drafter would file the paragraph under, where known (a paragraph with one pillar, or a label file's
``primary``); the others count as secondary. ``concerns`` says which labels the example teaches: an editor
who corrected only a paragraph's pillars teaches nothing about its themes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from gcts.errors import FormatError
from gcts.model import PILLARS
from gcts.taxonomy import themes as theme_vocabulary

SCHEMA = "gcts-labels/1"


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled paragraph: text, language, labels, and the document and source they come from."""

    text: str
    language: str
    part: str
    pillars: tuple[str, ...]
    themes: tuple[str, ...]
    document: str
    pid: str
    source: str
    group: str
    concerns: tuple[str, ...] = ("pillars", "themes")
    primary: str | None = None

    @property
    def key(self) -> str:
        """Document and paragraph id, e.g. ``A/72/L.62 operative:27`` (how evidence names a neighbour)."""
        return f"{self.document} {self.pid}"


def _strings(value: Any, where: str, allowed: Iterable[str]) -> tuple[str, ...]:
    ok = set(allowed)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FormatError("expected a list of strings", field=where)
    bad = [v for v in value if v not in ok]
    if bad:
        raise FormatError(f"unknown label {bad[0]!r}", field=where)
    return tuple(dict.fromkeys(value))


def from_label_file(data: Mapping[str, Any], file: str) -> list[Example]:
    """The examples of one ``gcts-labels/1`` document (FormatError naming the field when it is malformed)."""
    if data.get("schema") != SCHEMA:
        raise FormatError(f"not a {SCHEMA} file", file=file, field="schema")
    for key in ("document", "language", "label_source"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise FormatError("expected a non-empty string", file=file, field=key)
    paragraphs = data.get("paragraphs")
    if not isinstance(paragraphs, list):
        raise FormatError("expected a list of paragraphs", file=file, field="paragraphs")
    theme_ids = [t.id for t in theme_vocabulary()]
    out = []
    for i, p in enumerate(paragraphs):
        where = f"paragraphs[{i}]"
        if not isinstance(p, dict) or not isinstance(p.get("text"), str) or not p["text"].strip():
            raise FormatError("expected an object with a non-empty text", file=file, field=where)
        pid = p.get("id")
        if not isinstance(pid, str) or not pid.startswith(("preamble:", "operative:")):
            raise FormatError("expected an id preamble:N or operative:N", file=file, field=f"{where}.id")
        try:
            pillars = _strings(p.get("pillars", []), f"{where}.pillars", PILLARS)
            themes = _strings(p.get("themes", []), f"{where}.themes", theme_ids)
        except FormatError as exc:
            raise FormatError(exc.message, file=file, field=exc.field) from None
        group = p.get("group", f"{data['document']} {pid}")
        first = p.get("primary")
        if first is not None and first not in pillars:
            raise FormatError("the primary pillar must be one of the paragraph's pillars", file=file,
                              field=f"{where}.primary")
        out.append(Example(text=p["text"], language=data["language"], part=pid.split(":")[0],
                           pillars=pillars, themes=themes, document=data["document"], pid=pid,
                           source=str(p.get("source", data["label_source"])), group=str(group),
                           primary=first if first is not None else _only(pillars)))
    return out


def _only(pillars: tuple[str, ...]) -> str | None:
    """The primary pillar of a paragraph with one pillar; None when there are several."""
    return pillars[0] if len(pillars) == 1 else None


def from_gold(gold: Mapping[str, Any], file: str) -> list[Example]:
    """The paragraphs of a gold file as examples (pillars only for operative paragraphs, as the contract)."""
    heading = gold.get("heading") or {}
    document = str(heading.get("symbol") or gold.get("source") or file)
    lang = str(gold.get("language") or "")
    out = []
    for part in ("preamble", "operative"):
        for p in gold.get(part) or []:
            n = p.get("number", p.get("index")) if part == "operative" else p.get("index")
            pid = f"{part}:{n}"
            out.append(Example(text=str(p.get("text", "")), language=lang, part=part,
                               pillars=tuple(p.get("pillars") or ()) if part == "operative" else (),
                               themes=tuple(p.get("themes") or ()), document=document, pid=pid,
                               source=f"gold file {Path(file).name}", group=f"{document} {pid}",
                               primary=_only(tuple(p.get("pillars") or ())) if part == "operative" else None))
    return [e for e in out if e.text.strip()]


def shipped_files() -> list[Path]:
    """The label files that ship with gcts (``gcts/data/labels/*.json``), in name order."""
    folder = Path(str(resources.files("gcts") / "data" / "labels"))
    return sorted(folder.glob("*.json"))


def load_file(path: Path) -> list[Example]:
    """Read one label file or gold file (by its schema) as examples."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise FormatError(f"cannot be read: {exc}", file=str(path)) from exc
    except json.JSONDecodeError as exc:
        raise FormatError(f"not JSON: {exc.msg}", file=str(path), line=exc.lineno) from exc
    if not isinstance(data, dict):
        raise FormatError("not a JSON object", file=str(path))
    if data.get("schema") == SCHEMA:
        return from_label_file(data, str(path))
    if str(data.get("schema", "")).startswith("gcts-gold/"):
        return from_gold(data, str(path))
    raise FormatError(f"neither a {SCHEMA} nor a gcts-gold file", file=str(path), field="schema")


def shipped() -> list[Example]:
    """Every example of the shipped label files."""
    return [e for path in shipped_files() for e in load_file(path)]

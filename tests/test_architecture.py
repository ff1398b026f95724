"""The layering rules of docs/developing.md, checked on the source itself.

Data flows one way; the core library (everything but ``web`` and ``cli``) imports no web framework and nothing
imports the interfaces on top.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "gcts"
INTERFACES = ("web", "cli")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _core_modules() -> list[Path]:
    return [p for p in SRC.rglob("*.py") if p.relative_to(SRC).parts[0] not in INTERFACES]


def test_core_imports_no_web_framework() -> None:
    offenders = {
        str(p.relative_to(SRC)): sorted(n for n in _imports(p) if n.split(".")[0] in {"django", "ninja"})
        for p in _core_modules()
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_nothing_below_imports_the_interfaces() -> None:
    offenders = {
        str(p.relative_to(SRC)): sorted(
            n for n in _imports(p) if n.startswith(("gcts.web", "gcts.cli"))
        )
        for p in _core_modules()
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_core_is_not_empty() -> None:
    # Guards the two tests above against passing vacuously after a move of the source tree.
    assert len(_core_modules()) >= 3

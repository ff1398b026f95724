"""The layering rules of docs/developing.md, checked on the source itself.

Data flows one way; the core library (everything but ``web`` and ``cli``) imports no web framework and nothing
imports the interfaces on top.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "gcts"
INTERFACES = ("web", "cli")
# Django apps below the web layer (decision 0008): they may use the ORM; their framework-free modules may not.
STORE_APPS = ("registry",)
FRAMEWORK_FREE = {"registry": ("currency.py", "totals.py", "shares.py", "suppression.py", "matching.py")}


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


def _framework_free(path: Path) -> bool:
    parts = path.relative_to(SRC).parts
    if parts[0] not in STORE_APPS:
        return True
    return len(parts) == 2 and parts[1] in FRAMEWORK_FREE.get(parts[0], ())


def test_core_imports_no_web_framework() -> None:
    offenders = {
        str(p.relative_to(SRC)): sorted(n for n in _imports(p) if n.split(".")[0] in {"django", "ninja"})
        for p in _core_modules()
        if _framework_free(p)
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


def test_store_apps_import_no_api_framework() -> None:
    # The store's Django apps use the ORM but never the API framework (that is the web layer's).
    offenders = {
        str(p.relative_to(SRC)): sorted(n for n in _imports(p) if n.split(".")[0] == "ninja")
        for p in _core_modules()
        if not _framework_free(p)
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_core_is_not_empty() -> None:
    # Guards the two tests above against passing vacuously after a move of the source tree.
    assert len(_core_modules()) >= 3

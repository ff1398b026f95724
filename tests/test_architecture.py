"""The layering rules of docs/developing.md and decision 0008 (the store), checked on the source itself.

Data flows one way: the framework-free core → the store (Django apps below the web) → the interfaces
(``cli``, ``web``) on top, and nothing imports upwards. Which packages may import Django, and why:

- the **store**: ``gcts.store`` (the one Django configuration the command line, the web and a notebook share)
  and the store's Django apps — every package under ``src/gcts`` with an ``apps.py`` outside ``web``
  (``gcts.library`` today; the registry and the screening list as they come). Their models are the schema of
  the one database, so they need the ORM; they do not need the web, so they import neither ``gcts.web`` nor
  ``gcts.cli`` nor the API framework (``ninja``);
- the **interfaces**: ``gcts.web`` (pages, API) and ``gcts.cli`` (which imports Django lazily, only in the
  commands that open the store).

Everything else is the **core** (reading, structure, annotate, compare, formats, …): no web framework, no ORM,
and no import of the store either, so it runs in a notebook without a database.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "gcts"
INTERFACES = ("web", "cli")
STORE = "store"
FRAMEWORKS = {"django", "ninja"}
#: Modules of a store app that are plain logic over plain data (money, shares, totals, matching): they stay
#: framework-free so a notebook or another store can use them.
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


def _top(path: Path) -> str:
    return path.relative_to(SRC).parts[0]


def _store_apps() -> set[str]:
    """Top-level packages that are Django apps of the store (an ``apps.py`` defining an AppConfig)."""
    return {
        p.parent.name
        for p in SRC.glob("*/apps.py")
        if p.parent.name not in INTERFACES and "AppConfig" in p.read_text(encoding="utf-8")
    }


def _store_modules() -> list[Path]:
    below = _store_apps() | {STORE}
    return [p for p in SRC.rglob("*.py") if _top(p) in below]


def _core_modules() -> list[Path]:
    above = set(INTERFACES) | _store_apps() | {STORE}
    return [p for p in SRC.rglob("*.py") if _top(p) not in above]


def _offenders(modules: list[Path], bad: tuple[str, ...]) -> dict[str, list[str]]:
    found = {
        str(p.relative_to(SRC)): sorted(n for n in _imports(p) if n.startswith(bad)) for p in modules
    }
    return {k: v for k, v in found.items() if v}


def _prefixes(names: set[str]) -> tuple[str, ...]:
    return tuple(x for n in sorted(names) for x in (n, n + "."))


def test_core_imports_no_web_framework() -> None:
    assert _offenders(_core_modules(), _prefixes(FRAMEWORKS)) == {}


def test_core_imports_neither_the_store_nor_its_apps() -> None:
    below = {f"gcts.{a}" for a in _store_apps() | {STORE}}
    # the framework-free modules of a store app are plain logic meant for any caller (the analysis uses the
    # registry's money rules rather than a copy of them)
    plain = {f"gcts.{app}.{n.removesuffix('.py')}" for app, names in FRAMEWORK_FREE.items() for n in names}
    found = {
        where: [n for n in names if n not in plain]
        for where, names in _offenders(_core_modules(), _prefixes(below)).items()
    }
    assert {k: v for k, v in found.items() if v} == {}


def test_the_store_imports_no_api_framework() -> None:
    assert _offenders(_store_modules(), _prefixes({"ninja"})) == {}


def test_framework_free_modules_of_store_apps_import_no_django() -> None:
    modules = [
        p
        for p in _store_modules()
        if len(p.relative_to(SRC).parts) == 2 and p.name in FRAMEWORK_FREE.get(_top(p), ())
    ]
    assert _offenders(modules, _prefixes(FRAMEWORKS | {"gcts.web", "gcts.cli"})) == {}


def test_nothing_below_imports_the_interfaces() -> None:
    interfaces = _prefixes({"gcts.web", "gcts.cli"})
    assert _offenders(_core_modules() + _store_modules(), interfaces) == {}


def test_models_live_in_the_store_not_in_the_web() -> None:
    # The store's schema is usable without the web: no Django model is defined under gcts/web.
    web_models = [
        str(p.relative_to(SRC))
        for p in (SRC / "web").rglob("*.py")
        if "models.Model)" in p.read_text(encoding="utf-8") and "migrations" not in p.parts
    ]
    assert web_models == []
    assert not list((SRC / "web").rglob("migrations"))


def test_the_layers_are_not_empty() -> None:
    # Guards the tests above against passing vacuously after a move of the source tree.
    assert len(_core_modules()) >= 3
    assert "library" in _store_apps()
    assert any(p.name == "settings.py" for p in _store_modules())

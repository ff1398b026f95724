"""Two circles untied (issue 8): the structurer never imports the reading layer above it, and the Akoma
Ntoso writer never imports its reader (the reader uses the writer's names). Checked on the source."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "gcts"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_structure_does_not_import_reading() -> None:
    offenders = {
        str(p.relative_to(SRC)): sorted(n for n in _imports(p) if n.startswith("gcts.reading"))
        for p in (SRC / "structure").rglob("*.py")
    }
    assert not {k: v for k, v in offenders.items() if v}


def test_the_akn_writer_does_not_import_its_reader() -> None:
    assert not {n for n in _imports(SRC / "formats" / "akn.py") if n.startswith("gcts.formats.akn_reader")}
    assert "gcts.formats.akn" in _imports(SRC / "formats" / "akn_reader.py")

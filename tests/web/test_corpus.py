"""The bundled corpus manifest as the first start reads it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from gcts.web.library.corpus import entries


def test_the_reference_text_gets_its_symbol_and_adoption_from_the_manifest() -> None:
    found = {e.path.name: e for e in entries()}
    ref = found["A-72-L.62.zh.txt"]
    assert (ref.symbol, ref.adopted_as, ref.adoption_date, ref.language) == (
        "A/72/L.62",
        "A/RES/72/284",
        date(2018, 6, 26),
        "zh",
    )
    assert all(e.path.is_file() for e in found.values())
    # first pages: partial resolutions are loaded (A/RES/72/284 in English beside the Chinese draft),
    # partial reports are not resolutions and stay out
    partial = found["A-RES-72-284.en.partial.txt"]
    assert partial.partial and partial.symbol == "A/RES/72/284" and partial.language == "en"
    assert not any(name.startswith(("A-72-840", "A-75-729")) for name in found)
    assert not ref.partial


def test_catalogues_compile_or_say_why_not(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gcts.web.i18n import LOCALE, compile_catalogues, stale_catalogues

    po = tmp_path / "zh_Hans" / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True)
    po.write_bytes((LOCALE / "zh_Hans" / "LC_MESSAGES" / "django.po").read_bytes())
    monkeypatch.setenv("PATH", str(tmp_path))  # no msgfmt here
    problem = compile_catalogues(tmp_path)
    assert problem is not None and "msgfmt" in problem and "English" in problem
    assert stale_catalogues(tmp_path) == [po]
    monkeypatch.undo()
    if shutil.which("msgfmt") is None:
        pytest.skip("msgfmt (Debian gettext) is not installed")
    assert compile_catalogues(tmp_path) is None and po.with_suffix(".mo").stat().st_size > 1000
    assert stale_catalogues(tmp_path) == []

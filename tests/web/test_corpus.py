"""The bundled corpus manifest as the first start reads it."""

from __future__ import annotations

from datetime import date

from gcts.web.library.corpus import entries


def test_the_reference_text_gets_its_symbol_and_adoption_from_the_manifest() -> None:
    found = {e.path.name: e for e in entries()}
    ref = found["A-72-L.62.zh.txt"]
    assert (ref.symbol, ref.adopted_as, ref.adoption_date, ref.language) == (
        "A/72/L.62", "A/RES/72/284", date(2018, 6, 26), "zh")
    assert all(e.path.is_file() for e in found.values())
    assert not any(".partial." in name for name in found)  # first pages only: listed, not loaded

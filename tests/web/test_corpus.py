"""The bundled corpus manifest as the first start reads it."""

from __future__ import annotations

from datetime import date

from gcts.library.corpus import entries


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

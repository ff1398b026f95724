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
    # the full English A/RES/72/284 (the adopted text) replaces its first page; first pages of other
    # resolutions are loaded as partial, partial reports are not resolutions and stay out
    adopted = found["A-RES-72-284.en.txt"]
    assert not adopted.partial and adopted.symbol == "A/RES/72/284" and adopted.language == "en"
    assert "A-RES-72-284.en.partial.txt" not in found
    partial = found["A-RES-60-288.en.partial.txt"]
    assert partial.partial and partial.symbol == "A/RES/60/288"
    assert not any(name.startswith(("A-72-840", "A-75-729")) for name in found)
    assert not ref.partial

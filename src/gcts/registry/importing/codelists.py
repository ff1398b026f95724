"""The IATI codelists shipped with gcts (``data/iati/codelists``), read safely, never fetched."""

from __future__ import annotations

from functools import cache
from importlib import resources

from lxml import etree

SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@cache
def iati_codelist(name: str) -> dict[str, str]:
    """``{code: English name}`` of the IATI codelist ``name`` (e.g. ``Currency``), without withdrawn codes."""
    path = resources.files("gcts.registry") / "data" / "iati" / "codelists" / f"{name}.xml"
    root = etree.fromstring(path.read_bytes(), SAFE)
    out: dict[str, str] = {}
    for item in root.iter("codelist-item"):
        if item.get("status") == "withdrawn":
            continue
        code = (item.findtext("code") or "").strip()
        name_el = item.find("name/narrative")
        label = (name_el.text if name_el is not None and name_el.text else "").strip()
        if code:
            out[code] = label
    return out

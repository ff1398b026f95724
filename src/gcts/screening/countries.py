"""Country names, codes and demonyms to ISO 3166-1 alpha-2 (pycountry, plus the list's own spellings as
data)."""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from importlib import resources

import pycountry


@cache
def _aliases() -> dict[str, str]:
    raw = tomllib.loads(
        (resources.files(__package__) / "data" / "countries.toml").read_text(encoding="utf-8")
    )
    return dict(raw["aliases"])


@lru_cache(maxsize=4096)
def country_code(text: str) -> str | None:
    """ISO alpha-2 code of a country named, coded or described ("Afghan", "Iran (Islamic Republic of)"),
    or None.

    Qualified statements ("Bahrain (citizenship revoked in Jan. 2015)") give the country named first."""
    value = " ".join(text.split()).strip(" .")
    if not value:
        return None
    aliases = _aliases()
    for candidate in (value, re.split(r"[(/;,.]| by | as | also | until ", value)[0].strip()):
        low = candidate.lower().removeprefix("possibly ").strip()
        if not low:
            continue
        if low in aliases:
            return aliases[low]
        try:
            return str(pycountry.countries.lookup(low).alpha_2)
        except LookupError:
            continue
    return None

"""Opening phrases: the verb phrase a paragraph starts with, and the function it gives the paragraph.

The phrases live in ``languages/<code>/openings.toml`` (``[preambular]`` and ``[operative]`` phrase →
function, plus ``[variants]`` prefixes and suffixes such as 又/还 or "also"/"further" that make compound
openings). One regular expression per language and part, longest phrase first, is compiled once and
matched at the start of the paragraph; the opening is the matched text itself, so it is exactly as
printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from gcts.languages import profile
from gcts.model import FUNCTIONS, Evidence, PartName

_PARTS: dict[str, str] = {"preamble": "preambular", "operative": "operative"}


@dataclass(frozen=True)
class Opening:
    """A recognised opening: its surface in the text, its function and the data entry that decided it."""

    surface: str
    function: str
    phrase: str
    section: str

    def evidence(self) -> Evidence:
        """The evidence record of this opening (rule = the data entry that matched)."""
        return Evidence(method="rule", rule=f"openings.{self.section}:{self.phrase}", terms=[self.surface])


def _variants(phrase: str, prefixes: list[str], suffixes: list[str], spaced: bool) -> list[str]:
    """The phrase with every prefix and every suffix, compound forms whole ("又回顾", "Recalling also")."""
    out = [phrase]
    for pre in prefixes:
        head = phrase[:1].lower() + phrase[1:] if spaced and pre.endswith(" ") else phrase
        out.append(pre + head)
    out.extend(phrase + suf for suf in suffixes)
    return out


@cache
def _matcher(lang: str, section: str) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """Compile the phrases of one language and part: (pattern, lowered surface → (function, phrase))."""
    data = profile(lang).section("openings")
    variants = data.get("variants", {})
    prefixes = list(variants.get("prefixes", []))
    suffixes = list(variants.get("suffixes", []))
    spaced = bool(data.get("matching", {}).get("spaced", False))
    table: dict[str, tuple[str, str]] = {}
    explicit = {k: v for k, v in data.get(section, {}).items() if v in FUNCTIONS}
    for phrase, function in explicit.items():
        for form in _variants(phrase, prefixes, suffixes, spaced):
            table.setdefault(form.lower(), (function, phrase))
    for phrase, function in explicit.items():  # an explicit phrase always wins over a generated one
        table[phrase.lower()] = (function, phrase)
    if not table:
        return re.compile(r"(?!x)x"), {}
    alternatives = "|".join(re.escape(f) for f in sorted(table, key=len, reverse=True))
    boundary = r"(?![\w-])" if spaced else ""
    pattern = re.compile(rf"^[\s\"“*_]*(?P<o>(?:{alternatives})){boundary}", re.IGNORECASE)
    return pattern, table


def detect(text: str, part: PartName, lang: str) -> Opening | None:
    """The opening of a paragraph of ``part`` in ``lang``, or None when no known phrase starts it.

    The part's own list is tried first, then the other part's (a preambular verb may open an operative
    paragraph in some texts, e.g. 鼓励 / Encouraging).
    """
    own = _PARTS[part]
    other = "operative" if own == "preambular" else "preambular"
    for section in (own, other):
        pattern, table = _matcher(lang, section)
        m = pattern.match(text)
        if m:
            surface = m.group("o")
            function, phrase = table[surface.lower()]
            return Opening(surface=surface, function=function, phrase=phrase, section=section)
    return None

"""Opening phrases: the verb phrase a paragraph starts with, and the function it gives the paragraph.

The phrases live in ``languages/<code>/openings.toml`` (``[preambular]`` and ``[operative]`` phrase →
function) with the ways a language builds compound openings out of them:

* ``[variants]`` ``prefixes`` and ``suffixes`` (又/还, "Also …", "… also", "Recalling further"), and
  ``infixes`` put after the first word of a phrase of several words ("Expressing also deep concern",
  "Calls also upon");
* ``[variants.guard]``: suffixes that are only adverbs when the next word allows it ("Recalling further its
  resolution", but "Encourages further efforts", where "further" belongs to the object);
* ``[compounds.<part>]``: a head ("Reiterates its") followed by a noun that carries the function
  ("strong and unequivocal condemnation" → condemn), written as whole compound openings;
* ``[leadins]``: an introductory clause that may stand before the opening ("Given …, commit to"); the
  opening is then the phrase after it.

The forms of one language and part are a dictionary (lower case → entry), looked up once per distinct
length, longest first, at the start of the paragraph (nothing is compiled: see :class:`_Matcher`); the
opening is the matched text itself, so it is exactly as printed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

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


@dataclass(frozen=True)
class _Entry:
    """One opening form: its function, the data phrase it comes from, and, for a guarded suffix form, the
    length of the form without its suffix (used when the next word shows the suffix is not an adverb)."""

    function: str
    phrase: str
    base_len: int | None = None


_LEAD = re.compile(r"[\s\"“*_]*")
_WORD_AFTER = re.compile(r"[\w-]")


@dataclass(frozen=True)
class _Matcher:
    """The phrases of one language and part, looked up by length, longest first.

    The English lists expand to about 12,000 forms; one regular expression of them all took about a second
    to compile in every process. A dictionary lookup per distinct phrase length finds the same longest
    phrase (case-insensitively, followed by a word boundary in spaced scripts) without compiling anything.
    """

    table: Mapping[str, _Entry]
    lengths: tuple[int, ...]
    spaced: bool
    guard: re.Pattern[str] | None
    leadin: re.Pattern[str] | None
    leadin_after: re.Pattern[str]
    leadin_chars: int

    def match(self, text: str, pos: int) -> tuple[int, int] | None:
        """Where the longest known phrase stands at ``pos`` (after spaces, quotes and emphasis marks)."""
        start = _LEAD.match(text, pos).end()  # type: ignore[union-attr]  # matches the empty string too
        for n in self.lengths:
            end = start + n
            if end > len(text) or text[start:end].lower() not in self.table:
                continue
            if self.spaced and _WORD_AFTER.match(text, end):
                continue
            return start, end
        return None


def _lower_head(phrase: str, spaced: bool) -> str:
    return phrase[:1].lower() + phrase[1:] if spaced else phrase


def _variants(phrase: str, variants: Mapping[str, Any], spaced: bool) -> list[tuple[str, int | None]]:
    """The phrase with every prefix, suffix and infix: (form, base length if the form is a guarded suffix)."""
    guarded = set(variants.get("guard", {}).get("suffixes", []))
    out: list[tuple[str, int | None]] = [(phrase, None)]
    for pre in variants.get("prefixes", []):
        out.append((pre + (_lower_head(phrase, spaced) if pre.endswith(" ") else phrase), None))
    for suf in variants.get("suffixes", []):
        out.append((phrase + suf, len(phrase) if suf in guarded else None))
    if spaced and " " in phrase:
        head, rest = phrase.split(" ", 1)
        out.extend((f"{head}{inf} {rest}", None) for inf in variants.get("infixes", []))
    return out


def _compounds(data: Mapping[str, Any], section: str, spaced: bool) -> dict[str, str]:
    """Whole compound openings from ``[compounds.<section>]``: every head followed by every tail."""
    spec = data.get("compounds", {}).get(section, {})
    sep = " " if spaced else ""
    return {f"{head}{sep}{tail}": fn for head in spec.get("heads", [])
            for tail, fn in spec.get("tails", {}).items() if fn in FUNCTIONS}


@cache
def _matcher(lang: str, section: str) -> _Matcher:
    """Compile the phrases of one language and part."""
    data = profile(lang).section("openings")
    variants = data.get("variants", {})
    spaced = bool(data.get("matching", {}).get("spaced", False))
    table: dict[str, _Entry] = {}
    explicit = {k: v for k, v in data.get(section, {}).items() if v in FUNCTIONS}
    explicit.update(_compounds(data, section, spaced))
    for phrase, function in explicit.items():
        for form, base in _variants(phrase, variants, spaced):
            table.setdefault(form.lower(), _Entry(function, phrase, base))
    for phrase, function in explicit.items():  # an explicit phrase always wins over a generated one
        table[phrase.lower()] = _Entry(function, phrase)
    guard_next = variants.get("guard", {}).get("next")
    leadins = data.get("leadins", {})
    starts = leadins.get("patterns", [])
    after = re.compile(leadins.get("after", r",\s+"))
    chars = int(leadins.get("max_chars", 400))
    return _Matcher(
        table=table,
        lengths=tuple(sorted({len(f) for f in table}, reverse=True)),
        spaced=spaced,
        guard=re.compile(guard_next, re.IGNORECASE) if guard_next else None,
        leadin=re.compile("|".join(f"(?:{p})" for p in starts)) if starts else None,
        leadin_after=after,
        leadin_chars=chars,
    )


def _at(text: str, pos: int, m: _Matcher, section: str) -> Opening | None:
    found = m.match(text, pos)
    if not found:
        return None
    start, end = found
    surface = text[start:end]
    entry = m.table[surface.lower()]
    if entry.base_len is not None and m.guard is not None and not m.guard.match(text, end):
        surface = surface[: entry.base_len]
        entry = m.table.get(surface.lower(), entry)
    return Opening(surface=surface, function=entry.function, phrase=entry.phrase, section=section)


def detect(text: str, part: PartName, lang: str) -> Opening | None:
    """The opening of a paragraph of ``part`` in ``lang``, or None when no known phrase starts it.

    The part's own list is tried first, then the other part's (a preambular verb may open an operative
    paragraph in some texts, e.g. 鼓励 / Encouraging); then the same after a lead-in clause.
    """
    own = _PARTS[part]
    other = "operative" if own == "preambular" else "preambular"
    for section in (own, other):
        found = _at(text, 0, _matcher(lang, section), section)
        if found:
            return found
    for section in (own, other):
        m = _matcher(lang, section)
        lead = m.leadin.match(text) if m.leadin else None
        if lead is None:
            continue
        clause_end = min(len(text), lead.end() + m.leadin_chars)
        for stop in (";", ":"):
            cut = text.find(stop, lead.end(), clause_end)
            clause_end = cut if cut >= 0 else clause_end
        for comma in m.leadin_after.finditer(text, lead.end(), clause_end):
            found = _at(text, comma.end(), m, section)
            if found:
                return found
    return None

"""References: documents a paragraph cites by symbol, and instruments it names without one.

Three sources, all compiled once per language:

* the language's citation forms (``languages/<code>/references.toml``): 第 60/288 号决议, resolution 60/288,
  resolutions 47/19 of 24 November 1992, 48/16 of …, 第2178(2014)号, 217 A (III), 53/243 A and B …;
* Latin document symbols (A/71/858, A/HRC/37/52, S/2017/375, S/RES/2178 (2014)), the same in every language,
  recognised by :data:`SYMBOL` below (the UN symbol grammar, not language knowledge);
* instruments named without a symbol (the Charter, the Convention on the Rights of the Child …) from
  :func:`gcts.taxonomy.instruments`, recorded with kind ``instrument`` and symbol ``instrument:<id>``.

Every symbol is brought to the canonical form of the gold contract by :func:`canonical_symbol`. A citation
that looks like a symbol but cannot be one (session 0, a malformed Roman numeral …) is reported as a problem
for the quality report instead of becoming a reference.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from gcts import taxonomy
from gcts.languages import profile
from gcts.model import Reference

#: Latin UN document symbols: organ, optional subsidiary bodies and series, numbers, modifiers.
#: The first element of Latin UN document symbols: the organs, treaty bodies and conferences of parties.
ORGANS = ("A|S|E|ST|CRC|CCPR|CAT|CEDAW|CERD|CMW|CRPD|CED|HRI|TD|UNEP|DP|FCCC|ICCD|CTOC|CAC|NPT|BWC|CCW"
          "|APLC|ISBA|SPLOS|UNW|ICEF")

#: Latin UN document symbols: organ, optional subsidiary bodies and series, numbers, modifiers; and the
#: symbols of World Health Assembly resolutions and records (WHA69.2, WHA69/2016/REC/1), which UN texts cite.
SYMBOL = re.compile(
    r"(?<![\w/.\-])"
    r"(?:S/RES/\d{1,4}\s?\(\d{4}\)"
    r"|A/RES/\d{1,4}\s?[A-Z]?\s?\((?:E?S-)?[IVXLC]+\)"
    r"|WHA\d{1,2}(?:\.\d{1,2}(?![\d.])|/\d{4}/REC/\d+)"
    rf"|(?:{ORGANS})"
    r"(?:/(?:[A-Z][A-Za-z]*(?:\.\d+)?|\d{1,4}(?:-\d{1,4})?|(?:E?S-)\d{1,2}|(?:L|CRP|WP|PV|SR)\.\d+))*"
    r"/(?:\d{1,5}|(?:L|CRP|WP|PV|SR)\.\d+)"
    r"(?:/(?:Rev|Add|Corr|Amend)\.\d+)*"
    r"(?:\s[A-Z](?![\w/]))?)"
)
_ROMAN = re.compile(r"^(?:E?S-)?(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_SC = re.compile(r"^S/RES/(\d{1,4})\s*\((\d{4})\)$")
_OLD = re.compile(r"^A/RES/(\d{1,4})\s*([A-Z])?\s*\(((?:E?S-)?[IVXLC]+)\)$")
_GA = re.compile(r"^((?:A|E)/(?:[A-Z]+(?:\.\d+)?/)*RES/(?:E?S-)?\d{1,4}/\d{1,4})\s*([A-Z])?$")
_WHA = re.compile(r"^WHA\d{1,2}(?:\.\d{1,2}|/\d{4}/REC/\d+)$")
_DOC = re.compile(rf"^(?:{ORGANS})(?:/[A-Za-z0-9.\-]+)+$")


def canonical_symbol(symbol: str) -> str | None:
    """The canonical UN form of ``symbol`` (one space before a session letter or a year in parentheses, none
    elsewhere), or None if it is not a well-formed symbol. Idempotent: canonical forms map to themselves.

    >>> canonical_symbol("S/RES/2178(2014)")
    'S/RES/2178 (2014)'
    >>> canonical_symbol("A/RES/217A (III)")
    'A/RES/217 A (III)'
    """
    s = re.sub(r"\s+", " ", symbol.strip())
    m = _SC.match(s)
    if m:
        year = int(m.group(2))
        return f"S/RES/{int(m.group(1))} ({year})" if 1946 <= year <= 2199 and int(m.group(1)) > 0 else None
    m = _OLD.match(s)
    if m:
        number, part, roman = m.groups()
        if not _ROMAN.match(roman) or int(number) == 0:
            return None
        return f"A/RES/{int(number)}{' ' + part if part else ''} ({roman})"
    m = _GA.match(s)
    if m:
        base, part = m.groups()
        session, number = base.rsplit("/", 2)[-2:]
        if int(session.rsplit("-", 1)[-1]) == 0 or int(number) == 0:
            return None
        return base + (f" {part}" if part else "")
    compact = s.replace(" ", "")
    if _WHA.match(compact):
        return compact
    if _DOC.match(compact) and any(ch.isdigit() for ch in compact.rsplit("/", 1)[-1]):
        return compact
    return None


def kind_of(symbol: str) -> str:
    """The reference kind of a canonical symbol: ga_resolution, sc_resolution, document or instrument."""
    if symbol.startswith("instrument:"):
        return "instrument"
    if symbol.startswith("S/RES/"):
        return "sc_resolution"
    if symbol.startswith("A/RES/"):
        return "ga_resolution"
    return "document"


@dataclass(frozen=True)
class _Rules:
    """The compiled citation rules of one language."""

    mode: str
    trigger: re.Pattern[str] | None
    items: tuple[re.Pattern[str], ...]
    separator: re.Pattern[str] | None
    joiners: re.Pattern[str]
    ranges: frozenset[str]
    letters: Mapping[str, str]
    organs: tuple[tuple[str, str], ...]
    after: re.Pattern[str] | None
    after_templates: Mapping[str, str]
    filler: re.Pattern[str]
    instruments: re.Pattern[str] | None
    instrument_ids: Mapping[str, str]


@cache
def _rules(lang: str) -> _Rules:
    data: Mapping[str, Any] = profile(lang).section("references")
    matching = data.get("matching", {})
    trig = matching.get("trigger")
    items = tuple(re.compile(p) for p in data.get("items", {}).values())
    sep = data.get("separator", {}).get("pattern")
    parts = data.get("parts", {})
    joiners = parts.get("joiners", [])
    joiner_re = re.compile("|".join(
        (r"\s+" if j.isalpha() else r"\s*") + re.escape(j) + (r"\s+" if j.isalpha() else r"\s*")
        for j in joiners) or r"(?!x)x")
    organs = tuple(sorted(data.get("organs", {}).items(), key=lambda kv: -len(kv[0])))
    filler = re.compile(data.get("filler", {}).get("pattern", r"^\s*$"))
    after_data = data.get("after", {})
    after_templates = dict(after_data.get("organs", {}))
    after = None
    if after_templates:
        names = "|".join(re.escape(n) for n in sorted(after_templates, key=len, reverse=True))
        gap = after_data.get("gap", r"\s+")
        after = re.compile(rf"{gap}(?P<organ>{names})")
    surfaces: dict[str, str] = {}
    for entry in taxonomy.instruments():
        for surface in entry.surfaces(lang):
            surfaces.setdefault(surface, entry.id)
    inst = None
    if surfaces:
        alts = "|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True))
        spaced = bool(profile(lang).get("openings", "matching", {}).get("spaced", False))
        edge = (r"(?<![\w-])", r"(?![\w-])") if spaced else ("", "")
        inst = re.compile(rf"{edge[0]}《?(?:{alts})》?{edge[1]}")
    return _Rules(
        mode=matching.get("mode", "anchored"),
        trigger=re.compile(trig) if trig else None,
        items=items,
        separator=re.compile(sep) if sep else None,
        joiners=joiner_re,
        ranges=frozenset(parts.get("range", [])),
        letters=dict(data.get("letters", {})),
        organs=organs,
        after=after,
        after_templates=after_templates,
        filler=filler,
        instruments=inst,
        instrument_ids=surfaces,
    )


@dataclass(frozen=True)
class Citation:
    """One citation found in a text: the canonical symbols it stands for (several for "A and B"), its span."""

    symbols: tuple[str, ...]
    surface: str
    start: int
    end: int


def _expand_parts(parts: str | None, rules: _Rules) -> list[str]:
    """Session letters of "A and B" / "A 和 B" / "A to C" as a list of single letters."""
    if not parts:
        return []
    for word, letter in rules.letters.items():  # spelled-out session letters (ألف وباء → A, B)
        parts = parts.replace(word, f" {letter} ")
    letters = re.findall(r"[A-Z]", parts)
    is_range = any(re.search(rf"(?:^|\s){re.escape(r)}(?:\s|$)" if r.isalpha() else re.escape(r), parts)
                   for r in rules.ranges)
    if is_range and len(letters) == 2 and letters[0] < letters[1]:
        return [chr(c) for c in range(ord(letters[0]), ord(letters[1]) + 1)]
    return letters


def _organ_before(text: str, start: int, rules: _Rules, floor: int) -> str | None:
    """The symbol template of the organ named just before ``start`` (only filler in between), if any."""
    window = text[max(floor, start - 60):start]
    best: tuple[int, str] | None = None
    for name, template in rules.organs:
        pos = window.rfind(name)
        if pos >= 0 and rules.filler.match(window[pos + len(name):]) and (best is None or pos > best[0]):
            best = (pos, template)
    return best[1] if best else None


def _organ_within(trigger: str, rules: _Rules) -> str | None:
    """The template of an organ named inside the trigger itself (резолюции Совета Безопасности …)."""
    return next((template for name, template in rules.organs if name in trigger), None)


def _symbols_of(m: re.Match[str], template: str | None, rules: _Rules) -> tuple[list[str], list[str]]:
    """Canonical symbols for one item match, and the raw forms that could not be canonicalised."""
    g = m.groupdict()
    raw: list[str] = []
    if g.get("sc"):
        raw = [f"S/RES/{g['sc']} ({g['year']})"]
    elif g.get("old"):
        raw = [f"A/RES/{g['old']}{' ' + g['part'] if g.get('part') else ''} ({g['roman']})"]
    elif g.get("dot"):
        if template is None or "{dot}" not in template:  # 69.2 is a symbol only after its organ (WHA)
            return [], []
        raw = [template.format(dot=g["dot"])]
    elif g.get("num"):
        if template is not None and "{num}" not in template:
            return [], []
        base = (template or "A/RES/{num}").format(num=g["num"])
        letters = _expand_parts(g.get("parts"), rules)
        raw = [f"{base} {x}" for x in letters] if letters else [base]
    good: list[str] = []
    bad: list[str] = []
    for r in raw:
        c = canonical_symbol(r)
        (good if c else bad).append(c or r)
    return good, bad


def _items(text: str, rules: _Rules) -> Iterator[tuple[re.Match[str], str | None]]:
    """Every citation item in ``text`` with the organ template that governs it."""
    if rules.mode == "triggered" and rules.trigger is not None:
        for t in rules.trigger.finditer(text):
            template = _organ_within(t.group(0), rules) or _organ_before(text, t.start(), rules, 0)
            pos = t.end()
            batch: list[re.Match[str]] = []
            while True:
                m = next((mm for p in rules.items if (mm := p.match(text, pos))), None)
                if m is None:
                    break
                batch.append(m)
                if rules.separator is None:
                    break
                s = rules.separator.match(text, m.end())
                if s is None:
                    break
                pos = s.end()
            if template is None and batch and rules.after is not None:
                # "la résolution 33/11 du Conseil des droits de l'homme": the organ follows the enumeration
                a = rules.after.match(text, batch[-1].end())
                template = rules.after_templates[a.group("organ")] if a else None
            for m in batch:
                yield m, template
        return
    found = sorted((m for p in rules.items for m in p.finditer(text)), key=lambda m: (m.start(), -m.end()))
    last_end, template = 0, None
    for m in found:
        if m.start() < last_end:
            continue
        if not (last_end and rules.filler.match(text[last_end:m.start()])):
            template = _organ_before(text, m.start(), rules, last_end)
        yield m, template
        last_end = m.end()


def scan(text: str, lang: str) -> tuple[list[Citation], list[str]]:
    """All citations by symbol in ``text``: (citations, raw forms that are not valid symbols)."""
    rules = _rules(lang)
    out: list[Citation] = []
    bad: list[str] = []
    taken: list[tuple[int, int]] = []
    for m in SYMBOL.finditer(text):
        c = canonical_symbol(m.group(0))
        if c:
            out.append(Citation((c,), m.group(0), m.start(), m.end()))
            taken.append((m.start(), m.end()))
        else:
            bad.append(m.group(0))
    for m, template in _items(text, rules):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        good, wrong = _symbols_of(m, template, rules)
        bad.extend(wrong)
        if good:
            out.append(Citation(tuple(good), m.group(0), m.start(), m.end()))
    out.sort(key=lambda c: c.start)
    return out, bad


def instruments(text: str, lang: str) -> list[Citation]:
    """Instruments named in ``text`` without a symbol, as ``instrument:<id>`` citations."""
    rules = _rules(lang)
    if rules.instruments is None:
        return []
    out = []
    for m in rules.instruments.finditer(text):
        key = m.group(0)
        ident = rules.instrument_ids.get(key) or rules.instrument_ids.get(key.strip("《》"))
        if ident:
            out.append(Citation((f"instrument:{ident}",), key, m.start(), m.end()))
    return out


def references(text: str, lang: str, via_footnote: int | None = None) -> tuple[list[Reference], list[str]]:
    """The references of one text (a paragraph, or a footnote it cites), and the invalid symbol forms seen."""
    cites, bad = scan(text, lang)
    out = [Reference(symbol=s, kind=kind_of(s), surface=c.surface, start=c.start, end=c.end,  # type: ignore[arg-type]
                     via_footnote=via_footnote) for c in cites for s in c.symbols]
    out.extend(Reference(symbol=c.symbols[0], kind="instrument", surface=c.surface, start=c.start, end=c.end,
                         via_footnote=via_footnote) for c in instruments(text, lang))
    return out, bad

"""Names in any script to comparable tokens: transliteration, folding, and the parts a name is made of.

:func:`transliterate` turns text of any script into lower-case ASCII words (pypinyin for Han, so that a
Chinese
name reads as pinyin syllables; anyascii for every other script — Arabic, Persian, Cyrillic, Greek, Hangul,
Kana, Devanagari, Thai …). :func:`name_form` then splits a name into tokens, drops honorifics, folds particles
(bin/ibn/ben), given-name spellings, abbreviations, number words and legal forms, reorders "SURNAME, Given",
and keeps what it dropped so that an explanation can say so. Both are idempotent.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii
from pypinyin import lazy_pinyin

from gcts.screening.name_data import name_data

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+")
_SPLIT = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile(r"['`ʼʻ’‘ʿʾ]")
_PATRONYMIC = re.compile(r"(ovich|evich|ovych|evych|ovna|evna|ivna|ich|ichna|oglu|ogly|kyzy|qizi)$")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(st|nd|rd|th)$")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")

PERSON = "person"
ORGANISATION = "organisation"
# name_bench and FollowTheMoney schema names → the kind of name they hold.
SCHEMA_KIND = {"person": PERSON}


def kind_of(schema: str) -> str:
    return SCHEMA_KIND.get(schema.strip().lower(), ORGANISATION)


def script_of(text: str) -> str:
    """The first word of the Unicode name of the text's first letter (LATIN, ARABIC, CJK, HANGUL …)."""
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            return name.split(" ")[0] if name else "UNKNOWN"
    return "NONE"


def _han_person(run: str, alone: bool) -> str:
    """A Chinese personal name's pinyin as it is romanised. A run written apart from other parts ("志宏 黎")
    is
    one name part, one word ("zhihong"); a whole name in one run is family name then given name ("习近平" →
    "xi jinping", "欧阳修" → "ou yangxiu" is the rare compound family name's loss)."""
    syllables = lazy_pinyin(run)
    if not alone or len(syllables) == 1:
        return "".join(syllables)
    if len(syllables) == 4:
        return f"{syllables[0]}{syllables[1]} {syllables[2]}{syllables[3]}"
    return f"{syllables[0]} {''.join(syllables[1:])}"


@lru_cache(maxsize=65536)
def transliterate(text: str, person: bool = False) -> str:
    """Lower-case ASCII words for text in any script; apostrophes vanish, other punctuation splits words.

    Han characters read as pinyin: syllable by syllable, or for a ``person`` grouped as names are
    romanised."""
    text = unicodedata.normalize("NFKC", text)
    text = _CAMEL.sub(" ", text)  # "SergeiLavrov" is two words run together (Latin letters only)
    if person:
        alone = len(_HAN.findall(text)) == 1
        text = _HAN.sub(lambda m: " " + _han_person(m.group(0), alone) + " ", text)
    text = _HAN.sub(lambda m: " " + " ".join(lazy_pinyin(m.group(0))) + " ", text)
    text = text.replace("&", " and ")
    ascii_text = anyascii(text).lower()
    ascii_text = _APOSTROPHES.sub("", ascii_text)
    return " ".join(w for w in _SPLIT.split(ascii_text) if w)


@dataclass(frozen=True)
class NameForm:
    """A name ready for comparison: tokens in order, each token's weight, and what normalisation set aside."""

    original: str
    kind: str
    tokens: tuple[str, ...]
    weights: tuple[float, ...]
    patronymic: tuple[bool, ...]
    legal_forms: frozenset[str]
    dropped: tuple[str, ...]
    script: str

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def _reorder(name: str) -> str:
    """ "SURNAME, Given Names" → "Given Names SURNAME" (one comma, both sides non-empty)."""
    if name.count(",") == 1:
        last, first = (p.strip() for p in name.split(","))
        if last and first and len(first.split()) <= 4:
            return f"{first} {last}"
    return name


def _numbers(words: list[str], kind: str) -> list[str]:
    """Number words, ordinals (and in organisation names Roman numerals) to digits: "forty four" → "44"."""
    data = name_data()
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        m = _ORDINAL_DIGITS.match(w)
        if m:
            out.append(m.group(1))
        elif w in data.ordinals:
            out.append(str(data.ordinals[w]))
        elif w in data.number_tens:
            value = data.number_tens[w]
            if i + 1 < len(words) and 0 < data.number_units.get(words[i + 1], 0) < 10:
                value += data.number_units[words[i + 1]]
                i += 1
            out.append(str(value))
        elif w in data.roman and kind == ORGANISATION:
            out.append(str(data.roman[w]))
        elif w in data.number_units and w != "zero":
            out.append(str(data.number_units[w]))
        else:
            out.append(w)
        i += 1
    return out


def _phrase_at(
    words: list[str], i: int, table: dict[tuple[str, ...], str] | frozenset[tuple[str, ...]], longest: int
) -> int:
    """Length of the longest phrase of ``table`` starting at ``words[i]`` (0 if none)."""
    for n in range(min(longest, len(words) - i), 0, -1):
        if tuple(words[i : i + n]) in table:
            return n
    return 0


def _join_initials(words: list[str]) -> list[str]:
    """Runs of two or more single letters are one acronym: "a b c" → "abc" (organisations)."""
    out: list[str] = []
    run: list[str] = []
    for w in [*words, ""]:
        if len(w) == 1 and w.isalpha():
            run.append(w)
            continue
        if run:
            out.extend(["".join(run)] if len(run) > 1 else run)
            run = []
        if w:
            out.append(w)
    return out


@lru_cache(maxsize=65536)
def name_form(name: str, kind: str = PERSON) -> NameForm:
    """Tokens of ``name`` for comparison; ``kind`` is :data:`PERSON` or :data:`ORGANISATION`."""
    data = name_data()
    words = transliterate(_reorder(name), kind == PERSON).split()
    if kind == ORGANISATION:
        words = _join_initials(words)
    words = _numbers(words, kind)
    dropped: list[str] = []
    legal: set[str] = set()
    if kind == PERSON:  # legal forms after a person's name are noise ("Nicolás Maduro SA"), however many
        stripped = True
        while stripped and len(words) > 1:
            stripped = False
            for n in range(min(data.longest_phrase, len(words) - 1), 0, -1):
                if tuple(words[-n:]) in data.legal_forms:
                    legal.add(data.legal_forms[tuple(words[-n:])])
                    dropped.append(" ".join(words[-n:]))
                    words = words[:-n]
                    stripped = True
                    break
    tokens: list[str] = []
    i = 0
    while i < len(words):
        n = _phrase_at(words, i, data.legal_forms, data.longest_phrase)
        if n and kind == ORGANISATION and len(words) > n:
            legal.add(data.legal_forms[tuple(words[i : i + n])])
            dropped.append(" ".join(words[i : i + n]))
            i += n
            continue
        n = _phrase_at(words, i, data.honorifics, data.longest_phrase)
        if n and kind == PERSON and len(words) > n:
            dropped.append(" ".join(words[i : i + n]))
            i += n
            continue
        n = _phrase_at(words, i, data.abbreviations, data.longest_phrase)
        if n:
            tokens.extend(data.abbreviations[tuple(words[i : i + n])].split())
            i += n
            continue
        w = words[i]
        if kind == ORGANISATION and w in data.stopwords and len(words) > 1:
            dropped.append(w)
        else:
            tokens.append(data.given_variants.get(w, data.particles.get(w, w)) if kind == PERSON else w)
        i += 1
    if kind == ORGANISATION:  # what dropping and expanding left behind: initials side by side, "the", "and"
        tokens = _join_initials(tokens)
        kept = [t for t in tokens if t not in data.stopwords]
        dropped += [t for t in tokens if t in data.stopwords] if kept else []
        tokens = kept or tokens
    if not tokens:  # a name made only of a legal form or honorific is still a name
        tokens = [data.particles.get(w, w) for w in words]
        dropped = []
    light = set(data.particles.values()) | data.light_words
    weights = tuple(data.particle_weight if (kind == PERSON and t in light) else 1.0 for t in tokens)
    patronymic = tuple(
        kind == PERSON and len(tokens) >= 3 and bool(_PATRONYMIC.search(t)) and len(t) > 5 for t in tokens
    )
    return NameForm(
        original=name,
        kind=kind,
        tokens=tuple(tokens),
        weights=weights,
        patronymic=patronymic,
        legal_forms=frozenset(legal),
        dropped=tuple(dropped),
        script=script_of(name),
    )


def normalise(name: str, kind: str = PERSON) -> str:
    """The comparable text of a name: its tokens joined by spaces (idempotent)."""
    return name_form(name, kind).text


_VOWELS = str.maketrans("", "", "aeiouyw")
_CONSONANT_CLASSES = str.maketrans({"q": "k", "c": "k", "v": "b", "p": "b", "z": "s", "j": "g", "x": "k"})


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """Consonant skeleton of ASCII words: what an abjad (Arabic, Persian, Hebrew) or an abugida romanised
    without inherent vowels (Devanagari, Bengali, Thai) keeps of a name. "muhammad" and "mhmd" meet here."""
    out = []
    for word in text.split():
        first = word[0]
        rest = word[1:].replace("kh", "k").replace("sh", "s").replace("th", "t").replace("dh", "d")
        rest = rest.replace("gh", "g").replace("ph", "f").replace("h", "").translate(_VOWELS)
        core = (first + rest).translate(_CONSONANT_CLASSES)
        out.append(re.sub(r"(.)\1+", r"\1", core))
    return " ".join(out)

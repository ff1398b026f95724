"""Which UN language a text is written in, from its script and, for Latin script, its frequent words.

Han characters mean Chinese, Arabic letters Arabic, Cyrillic Russian. Latin script is shared by English,
French and Spanish: each language's ``[detect] stop_words`` (in ``languages/<code>/structure.toml``) are
counted in the text and the language with most hits wins. Document symbols, numbers and page furniture are
written in Latin characters in every language, so only letters outside ASCII digits and symbols count, and
a script must make up a real share of the letters to decide.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from gcts.languages import available, profile

#: Only this many characters are looked at: the first pages decide.
SAMPLE = 20_000
#: A non-Latin script decides when it makes up at least this share of the letters.
SCRIPT_SHARE = 0.3
#: Unicode script of a letter, as the first word of its Unicode name, mapped to a language.
SCRIPTS = {"CJK": "zh", "ARABIC": "ar", "CYRILLIC": "ru"}
_LATIN_WORD = re.compile(r"[^\W\d_]+")


def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return ""


def detect(text: str, default: str = "en") -> str:
    """The language code of ``text`` (zh, ar, ru, en, fr, es), ``default`` if unsure."""
    sample = text[:SAMPLE]
    scripts: Counter[str] = Counter()
    for ch in sample:
        if ch.isalpha():
            scripts[_script(ch)] += 1
    letters = sum(scripts.values())
    if not letters:
        return default
    for script, code in SCRIPTS.items():
        if scripts[script] / letters >= SCRIPT_SHARE:
            return code
    words = Counter(w.lower() for w in _LATIN_WORD.findall(sample))
    best, best_hits = default, 0
    for code in available():
        if code in SCRIPTS.values():
            continue
        stop = profile(code).section("structure").get("detect", {}).get("stop_words", [])
        hits = sum(words[w.lower()] for w in stop if w.islower())
        if hits > best_hits:
            best, best_hits = code, hits
    return best

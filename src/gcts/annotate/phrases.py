"""Many phrases as one regular expression that Python's ``re`` can run fast: a trie of alternatives.

``re`` tries the branches of ``a|b|c`` one after the other at every position of the text, so a list of
hundreds of actor names costs hundreds of comparisons per character. Factored by common prefix
(``Counter-Terrorism Committee(?: Executive Directorate)?``) the engine follows one path per position. The
longer continuation is tried first at each node, so the match is the longest phrase that fits (then the
pattern's own boundary), as with the alternatives sorted longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""
#: A trie node: next character → node; the key ``_END`` marks the end of a phrase.
_Node = dict[str, "_Node"]


def trie_alternation(phrases: Iterable[str]) -> str:
    """A regular expression (no outer group) matching exactly ``phrases``, longest first at each prefix."""
    root: _Node = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _pattern(root)


def _pattern(node: _Node) -> str:
    ends = _END in node
    branches = []
    for ch in sorted(k for k in node if k != _END):
        # a chain of single children is written as one literal run
        run, child = ch, node[ch]
        while len(child) == 1 and _END not in child:
            (nxt, grandchild), = child.items()
            run += nxt
            child = grandchild
        branches.append(re.escape(run) + _pattern(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return body + "?" if len(branches) == 1 and _single(body) else f"(?:{body})?"
    return body


def _single(body: str) -> bool:
    """Is ``body`` one group already (so that a ``?`` applies to it whole)?"""
    return body.startswith("(?:") and _closes_at_end(body)


def _closes_at_end(body: str) -> bool:
    depth = 0
    escaped = False
    for k, ch in enumerate(body):
        if escaped:
            escaped = False
            continue
        if ch == "\\":
            escaped = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0 and k != len(body) - 1:
                return False
    return True

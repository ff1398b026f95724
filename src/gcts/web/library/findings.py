"""The quality report in the interface language, and whether a document is partial.

The reader and the annotator record findings in English with a code (``gcts.model.QualityIssue``: code,
message, severity, where, line). The interface says each known finding in its own words, with the values
taken from the finding — numbers, and the quoted text of the document (a word, an ending) shown as written —
and never an editor's note that is not part of the document. A finding without words of its own here is
shown by its English message, marked ``lang="en"``.

A document is *partial* when its reader found it so: no operative paragraphs, or a last paragraph cut short
(codes ``partial``, ``cut``, ``truncated``) — the same rule as the command line's warning.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gcts.web.library import vocabulary

PARTIAL_CODES = ("partial", "cut", "truncated")

_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_NUMBER = re.compile(r"\d+")

#: Finding code → its words in the interface language; ``%(n)s`` the first number of the English message,
#: ``%(m)s`` the second, ``%(quoted)s`` its first quoted value (document text, shown as written).
MESSAGES: dict[str, Promise] = {
    "partial": gettext_lazy("The text is partial: it has no operative paragraphs."),
    "cut": gettext_lazy("The last paragraph is cut short: it ends “%(quoted)s”."),
    "truncated": gettext_lazy(
        "The last operative paragraph (%(n)s) does not end with a full stop: the document may be cut short."
    ),
    "excerpt-note": gettext_lazy("The text ends with an editor's note, which is not part of the document and "
                                 "was left out."),
    "unexpected-ending": gettext_lazy("The paragraph ends with “%(quoted)s”, not as a paragraph ends."),
    "foreign-word": gettext_lazy("A word in Latin letters in the text: “%(quoted)s”."),
    "marker-without-footnote": gettext_lazy("Footnote marker %(n)s has no footnote text."),
    "missing-footnote": gettext_lazy("Footnote %(n)s is cited but is not in the document."),
    "marker-guessed": gettext_lazy("The number %(n)s was taken as the marker of footnote %(n)s (the footnote "
                                   "has no other marker)."),
    "footnote-duplicate": gettext_lazy("Footnote %(n)s appears twice."),
    "footnote-empty": gettext_lazy("Footnote %(n)s has no text."),
    "footnote-uncited": gettext_lazy("No marker of footnote %(n)s was found in the text."),
    "no-opening": gettext_lazy("No known opening phrase at the start of the paragraph."),
    "unknown-symbol": gettext_lazy("“%(quoted)s” looks like a document symbol but is not a valid one."),
    "bad-date": gettext_lazy("A date in a mandate is not a valid date: “%(quoted)s”."),
    "mandate-no-actor": gettext_lazy("A duty with a time limit names no known actor."),
    "numbering-gap": gettext_lazy("Operative paragraph %(n)s follows paragraph %(m)s: numbers are missing."),
    "no-closing": gettext_lazy("No closing line (plenary meeting and date) after the last paragraph."),
}
#: Messages of ``partial`` by where the text ends.
PARTIAL_AFTER = gettext_lazy("The text is partial: it has no operative paragraphs and ends after preambular "
                             "paragraph %(n)s.")


@dataclass(frozen=True)
class Finding:
    """One finding as the interface shows it."""

    code: str
    severity: str
    severity_name: str
    where: str
    anchor: str
    message: str
    english: bool  # the message is the reader's English one (no words of its own here)
    line: str = ""  # "line 42" in the interface language, when the place is not already a line


def _quoted(message: str) -> str:
    found = _QUOTED.search(message)
    if not found:
        return ""
    try:
        value = ast.literal_eval(found.group(0))
    except (ValueError, SyntaxError):
        return found.group(0)[1:-1]
    return str(value)


def where_label(where: str) -> tuple[str, str]:
    """(label for people, anchor in the reading view or "") of a finding's place."""
    if not where:
        return "", ""
    part, _sep, rest = where.partition(":")
    if part in vocabulary.PARTS:
        return vocabulary.paragraph_label(where), where.replace(":", "-") if rest else ""
    if part == "footnote" and rest:
        return _("footnote %(n)s") % {"n": rest}, f"fn-{rest}"
    if where.startswith("line ") and where[5:].isdigit():
        return _("line %(n)s") % {"n": where[5:]}, ""
    if where.startswith("heading"):
        return _("heading"), ""
    return where, ""


def message(issue: Mapping[str, Any]) -> tuple[str, bool]:
    """The finding's words in the interface language, and whether they are the English original."""
    code = str(issue.get("code", ""))
    english = str(issue.get("message", ""))
    numbers = _NUMBER.findall(english)
    values = {"n": numbers[0] if numbers else "", "m": numbers[1] if len(numbers) > 1 else "",
              "quoted": _quoted(english)}
    if code == "partial" and "after preambular paragraph" in english and numbers:
        return str(PARTIAL_AFTER) % values, False
    template = MESSAGES.get(code)
    if template is None:
        return english, True
    return str(template) % values, False


def findings(quality: Iterable[Mapping[str, Any]]) -> list[Finding]:
    """The stored findings of a document, said in the interface language."""
    out = []
    for issue in quality:
        severity = str(issue.get("severity", "warning"))
        raw_where = str(issue.get("where") or "")
        where, anchor = where_label(raw_where)
        text, english = message(issue)
        name = vocabulary.label(vocabulary.SEVERITIES, severity)
        line = issue.get("line")
        # the line, unless the place already is that line ("line 43")
        shown = _("line %(n)s") % {"n": line} if isinstance(line, int) and raw_where != f"line {line}" else ""
        code = str(issue.get("code", ""))
        out.append(Finding(code, severity, name, where, anchor, text, english, shown))
    return out


def is_partial(quality: Iterable[Mapping[str, Any]]) -> bool:
    """Whether the reader found the document partial (see the module docstring)."""
    return any(issue.get("code") in PARTIAL_CODES for issue in quality)


def partial_notes(quality: Iterable[Mapping[str, Any]]) -> list[str]:
    """What a partial document lacks, in the interface language (empty for a whole document)."""
    return [message(issue)[0] for issue in quality if issue.get("code") in PARTIAL_CODES]


def partial_messages(quality: Iterable[Mapping[str, Any]] | None) -> list[str]:
    """What a partial document lacks in the reader's own (English) words, for the API and logs."""
    return [str(issue.get("message", "")) for issue in quality or () if issue.get("code") in PARTIAL_CODES]

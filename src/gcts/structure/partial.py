"""Partial documents: the first page(s) of a resolution, an excerpt cut mid-sentence, an editor's note.

People paste or download excerpts: the first page of a resolution (heading and a few preambular paragraphs,
the last one cut mid-sentence), sometimes closed by an editor's note such as ``[... excerpt ends here ...]``.
A partial text is still useful (its heading and preamble can be compared, annotated, stored), so
:func:`gcts.structure.parse_text` reads it when asked (``partial=True``) and says plainly what is missing:

* ``partial`` — no operative paragraphs: "the text ends after preambular paragraph 3";
* ``cut`` — the last paragraph does not end as a paragraph ends: "last paragraph is cut";
* ``excerpt-note`` — the editor's note found at the end, taken out of the last paragraph.

Without ``partial=True`` such a text raises :class:`~gcts.errors.StructureError`, whose message suggests
``--partial``. A partial text with neither heading nor organ line (a report's prose, a pasted page of
anything) is refused in both modes: nothing shows it is a resolution.
"""

from __future__ import annotations

import re

from gcts.model import QualityIssue, Resolution
from gcts.structure.conventions import Conventions
from gcts.structure.layout import BodyLine
from gcts.structure.paragraphs import ends_complete

#: An editor's note marking an elision: a line in square brackets opening with an ellipsis
#: (``[... EXCERPT ENDS HERE: …]``, ``[…]``). Brackets and ellipsis are the same in every UN language.
ELISION_NOTE = re.compile(r"^\[\s*(?:\.{3}|…)[^\[\]]*\]$")


def take_elision_note(body: list[BodyLine]) -> tuple[list[BodyLine], BodyLine | None]:
    """``body`` without an editor's elision note on its last line, and that note (or None)."""
    if body and ELISION_NOTE.match(body[-1].line.text):
        return body[:-1], body[-1]
    return body, None


def missing_operative_message(preamble: int, note: BodyLine | None) -> str:
    """The StructureError message for a text without operative paragraphs, suggesting ``--partial``."""
    why = f" (it ends with an editor's note, line {note.line.number})" if note else ""
    return (
        f'no operative paragraphs found (no line starts with "1."; read {preamble} preambular '
        f"paragraph(s)){why}: if the text is only the beginning of a resolution, read it with --partial "
        "(partial=True)"
    )


def partial_issues(res: Resolution, conv: Conventions, note: BodyLine | None) -> list[QualityIssue]:
    """What a partial reading lacks, as quality issues (see the module docstring for the codes)."""
    out: list[QualityIssue] = []
    if note is not None:
        out.append(
            QualityIssue(
                "excerpt-note",
                f"the text ends with an editor's note, not part of the document: {note.line.text[:120]!r}",
                severity="info",
                line=note.line.number,
                where=f"line {note.line.number}",
            )
        )
    if not res.operative:
        last = f"after preambular paragraph {len(res.preamble)}" if res.preamble else "before any paragraph"
        out.append(
            QualityIssue(
                "partial",
                f"the text is partial: no operative paragraphs: the text ends {last}",
                where="operative",
            )
        )
    paras = res.paragraphs
    if paras:
        last_para = paras[-1]
        endings = conv.final_endings if last_para.part == "operative" else conv.preamble_endings
        if not ends_complete(last_para.text, endings, False):
            words = " ".join(last_para.text.split()[-3:])
            out.append(
                QualityIssue(
                    "cut",
                    f"last paragraph is cut: {last_para.id} ends {words!r}",
                    where=last_para.id,
                    line=last_para.span.end_line if last_para.span else None,
                )
            )
    return out

"""Where sub-paragraphs sit in their paragraph's text: shared by the AKN and Markdown writers.

The model keeps a paragraph's whole text *and* its sub-paragraphs (label + text). A writer that shows the
sub-paragraphs as a list needs the exact cut: intro, each printed label (``(a)``, ``（一）``), each piece,
and the wrap-up, such that they join back into the whole text.
"""

from __future__ import annotations

from collections.abc import Sequence

from gcts.model import SubParagraph

#: (intro end, [(label start, label end, piece end) per sub-paragraph], wrap-up start)
Cut = tuple[int, list[tuple[int, int, int]], int]


def cut(text: str, subs: Sequence[SubParagraph]) -> Cut | None:
    """Lay ``subs`` over ``text``, or None when a sub-paragraph's text or label is not where it should be.

    Each piece runs from the end of its printed label to the start of the next label (or, for the last,
    to the end of its text plus following spaces), so intro + labels + pieces + wrap-up == ``text``.
    The printed label is the label plus the brackets and punctuation glued to it.
    """
    starts: list[tuple[int, int, int]] = []
    cursor = 0
    for sub in subs:
        at = text.find(sub.text, cursor) if sub.text else -1
        if at < 0:
            return None
        label_at = text.rfind(sub.label, cursor, at)
        if label_at < 0:
            return None
        num_start = label_at
        while num_start > cursor and not text[num_start - 1].isspace() and not text[num_start - 1].isalnum():
            num_start -= 1
        num_end = label_at + len(sub.label)
        while num_end < at and not text[num_end].isspace() and not text[num_end].isalnum():
            num_end += 1
        if text[num_end:at].strip():
            return None
        starts.append((num_start, num_end, at + len(sub.text)))
        cursor = at + len(sub.text)
    if not starts:
        return None
    pieces: list[tuple[int, int, int]] = []
    for i, (num_start, num_end, text_end) in enumerate(starts):
        nxt = starts[i + 1][0] if i + 1 < len(starts) else None
        if nxt is not None and text[text_end:nxt].strip():
            return None
        rest = text[text_end:]
        end = nxt if nxt is not None else text_end + (len(rest) - len(rest.lstrip()))
        pieces.append((num_start, num_end, end))
    return starts[0][0], pieces, pieces[-1][2]

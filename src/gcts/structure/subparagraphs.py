"""Sub-paragraphs of an operative paragraph: (a), (b) … with (i), (ii) … inside them; (一)、(二) … in Chinese.

The paragraph text keeps one line per item (the assembler starts each item on a new line), so items are read
from the lines that start with a label. A roman label is an item of the letter item before it, except where
it is simply the next letter (``(i)`` after ``(h)``, ``(v)`` after ``(u)``, ``(x)`` after ``(w)``).
"""

from __future__ import annotations

from gcts.model import SubParagraph
from gcts.structure.conventions import Conventions


def _next_letter(label: str) -> str:
    return chr(ord(label[-1]) + 1) if len(label) == 1 and label.isalpha() and label.isascii() else ""


def split_items(text: str, conv: Conventions) -> list[SubParagraph]:
    """The items of ``text`` (a paragraph whose items each start a line); empty when it has none."""
    items: list[SubParagraph] = []
    current: SubParagraph | None = None  # the item the next line continues
    for line in text.split("\n"):
        m = conv.subparagraph_label.match(line)
        if not m:
            if current is not None:
                current.text = f"{current.text}{conv.line_join}{line}".strip()
            continue
        label = m["label"]
        body = line[m.end() :].strip()
        item = SubParagraph(label=label, text=body)
        top = items[-1] if items else None
        is_child = (
            top is not None
            and conv.roman.match(label) is not None
            and not conv.roman.match(top.label)
            and label != _next_letter(top.label)
        )
        if is_child and top is not None:
            top.children.append(item)
        else:
            items.append(item)
        current = item
    return items

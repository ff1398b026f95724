"""Writers (and readers) of the document model: JSON (``gcts/1``), Markdown, Akoma Ntoso (AKN4UN).

:func:`write` is the one entry point for output; each format lives in its own module, imported only when
asked for, so that writing JSON does not load an XML stack.
"""

from __future__ import annotations

import importlib

from gcts.errors import FormatError
from gcts.model import Resolution

#: Output format → (module, function taking a Resolution and returning text).
WRITERS: dict[str, tuple[str, str]] = {
    "json": ("gcts.formats.json_format", "to_json"),
    "md": ("gcts.formats.markdown", "to_markdown"),
    "akn": ("gcts.formats.akn", "to_akn"),
}
#: File extension of each output format.
EXTENSIONS: dict[str, str] = {"json": ".json", "md": ".md", "akn": ".akn.xml"}


def formats() -> tuple[str, ...]:
    """The names of the output formats."""
    return tuple(WRITERS)


def write(res: Resolution, fmt: str) -> str:
    """``res`` written in format ``fmt`` (``json``, ``md`` or ``akn``)."""
    try:
        module_name, function = WRITERS[fmt]
    except KeyError:
        raise FormatError(
            f"unknown output format {fmt!r}; known: {', '.join(WRITERS)}", field="format"
        ) from None
    writer = getattr(importlib.import_module(module_name), function)
    text: str = writer(res)
    return text

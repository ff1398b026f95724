"""Caps on what a PDF may make gcts do, checked before and while its text is laid out (issue 10).

A 614 KB PDF can hold 600 MiB of compressed page content (a "PDF bomb"), and a 10 KB one a page of 3,000
lines. :func:`check_document` counts the pages and the decompressed size of the page content streams without
keeping what it decompresses (each stream is inflated in chunks and only counted), so a bomb is refused
after at most the cap's worth of work; :func:`check_page` refuses a page with more lines than any printed page
holds. Refusals are :class:`gcts.errors.InputError` naming the file and the cap, like the Word reader's cap
on its decompressed size (:data:`gcts.reading.docx.MAX_UNCOMPRESSED`).
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterable
from typing import Any

from gcts.errors import InputError

#: Far above any UN document (a resolution has a few dozen pages, a long report a few hundred).
MAX_PAGES = 1000
#: The decompressed page content streams of the whole document; the Word reader's cap.
MAX_CONTENT_BYTES = 64 * 1024 * 1024
#: Lines on one page: a printed A4 page holds well under 150, even in small print.
MAX_LINES_PER_PAGE = 600
#: Characters on one page.
MAX_CHARS_PER_PAGE = 40_000

_CHUNK = 1 << 20


def _inflated_size(raw: bytes, budget: int) -> int:
    """How many bytes ``raw`` (zlib data) inflates to, counting at most ``budget + 1`` of them."""
    inflater = zlib.decompressobj()
    size = 0
    data = raw
    while data and size <= budget:
        out = inflater.decompress(data, _CHUNK)
        size += len(out)
        data = inflater.unconsumed_tail
    return size


def _streams(contents: Any) -> list[Any]:
    """A page's content streams (``/Contents`` is one stream or an array of them)."""
    if contents is None:
        return []
    contents = contents.get_object()
    if isinstance(contents, list):  # pypdf's ArrayObject is a list
        return [c.get_object() for c in contents]
    return [contents]


def _stream_size(stream: Any, budget: int) -> int:
    """The decompressed size of one content stream (raw size for filters other than Flate)."""
    raw = getattr(stream, "_data", b"") or b""
    filters = stream.get("/Filter") if hasattr(stream, "get") else None
    names = [str(f) for f in (filters if isinstance(filters, list) else [filters] if filters else [])]
    if names[:1] == ["/FlateDecode"]:
        return _inflated_size(bytes(raw), budget)
    return len(raw)


def check_document(data: bytes, *, source: str) -> None:
    """Refuse a PDF with more than :data:`MAX_PAGES` pages or more than :data:`MAX_CONTENT_BYTES` of page
    content once decompressed. A PDF pypdf cannot open is left to the text reader, which says why."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError

        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            return  # the text reader says it is encrypted
        pages = reader.pages
        count = len(pages)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError, OSError):
        return
    if count > MAX_PAGES:
        raise InputError(f"the PDF has {count:,} pages; at most {MAX_PAGES:,} are read", file=source)
    total = 0
    for number in range(count):
        try:
            streams = _streams(pages[number].get("/Contents"))
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            continue
        for stream in streams:
            total += _stream_size(stream, MAX_CONTENT_BYTES - total)
            if total > MAX_CONTENT_BYTES:
                raise InputError(
                    f"the PDF's page content decompresses to more than {MAX_CONTENT_BYTES // 2**20} MiB "
                    f"(by page {number + 1}); such a file is refused",
                    file=source,
                )


def check_page(chars: Iterable[dict[str, Any]], number: int, *, source: str) -> None:
    """Refuse page ``number`` (1-based) when it holds more than :data:`MAX_CHARS_PER_PAGE` characters or
    more than :data:`MAX_LINES_PER_PAGE` lines (distinct baselines, to the point)."""
    tops: set[int] = set()
    for count, c in enumerate(chars, start=1):
        tops.add(round(float(c.get("top", 0))))
        if count > MAX_CHARS_PER_PAGE:
            raise InputError(
                f"page {number} holds more than {MAX_CHARS_PER_PAGE:,} characters; such a file is refused",
                file=source,
            )
    if len(tops) > MAX_LINES_PER_PAGE:
        raise InputError(
            f"page {number} holds {len(tops):,} lines; at most {MAX_LINES_PER_PAGE} are read", file=source
        )

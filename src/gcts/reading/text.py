"""Bytes → text: the encodings UN texts come in, and the inputs that are not text at all.

Tried in order: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32), UTF-16 without a BOM (seen by the zero
bytes of every other position; before UTF-8, which would accept ASCII in UTF-16-LE), strict UTF-8, then
GB18030 (a superset of GBK and GB2312, the Chinese legacy encodings) when it decodes cleanly and yields
mostly Han characters, and last charset-normalizer's best guess. Empty input, binary data (NUL bytes or
many control characters) and inputs above the size limit are refused with an
:class:`gcts.errors.InputError` that says why.

The size limit (``MAX_BYTES``, 20 MiB) is far above any resolution (the reference text is 46 kB; the longest
General Assembly resolutions stay under 1 MB): a bigger input is not a resolution, and refusing it up front
keeps memory bounded (parsing holds a few copies of the text).
"""

from __future__ import annotations

import codecs

from gcts.errors import InputError

MAX_BYTES = 20 * 1024 * 1024
#: Share of C0 control characters (other than tab, line ends, form feed) that marks binary data.
CONTROL_SHARE = 0.05
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f"}


def check_size(size: int, source: str | None, max_bytes: int = MAX_BYTES) -> None:
    """Refuse an input of ``size`` bytes above ``max_bytes``."""
    if size > max_bytes:
        mib = 1024 * 1024
        size_text = f"{size / mib:.1f} MiB" if size > max_bytes + mib / 10 else f"above {max_bytes} bytes"
        raise InputError(
            f"input is {size_text}, above the limit of {max_bytes / mib:.1f} MiB for one "
            "resolution (split it, or raise --max-bytes)",
            file=source,
        )


def decode(data: bytes, *, source: str | None = None, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """The text in ``data`` and the name of the encoding it was read with."""
    check_size(len(data), source, max_bytes)
    if not data.strip():
        raise InputError("input is empty", file=source)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _strict(data, name, source), name
    # UTF-16 first: UTF-16-LE of ASCII text is valid UTF-8 too (a NUL after each letter), but not text.
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), source), utf16
        except UnicodeDecodeError:
            pass
    try:
        return _checked(data.decode("utf-8"), source), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise InputError("input is binary data, not text (it contains NUL bytes)", file=source)
    try:
        text = data.decode("gb18030")
        if _han_share(text) > 0.2:
            return _checked(text, source), "gb18030"
    except UnicodeDecodeError:
        pass
    return _guess(data, source)


def _strict(data: bytes, name: str, source: str | None) -> str:
    try:
        return _checked(data.decode(name), source)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"input starts with a {name} byte-order mark but is not valid {name}: {exc.reason} at "
            f"byte {exc.start}",
            file=source,
        ) from exc


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    # ASCII characters (spaces, digits, line ends: present even in Chinese) have a zero high byte, which sits
    # at odd offsets in little-endian and at even ones in big-endian; binary data has zeros anywhere.
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    if zeros_odd >= 4 and zeros_even * 5 <= zeros_odd:
        return "utf-16-le"
    if zeros_even >= 4 and zeros_odd * 5 <= zeros_even:
        return "utf-16-be"
    return None


def _han_share(text: str) -> float:
    letters = [c for c in text[:5000] if c.isalpha()]
    if not letters:
        return 0.0
    return sum("\u4e00" <= c <= "\u9fff" for c in letters) / len(letters)


def _guess(data: bytes, source: str | None) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise InputError(
            "input is not text in any encoding gcts knows (UTF-8, UTF-16, GB18030 …)", file=source
        )
    try:
        return _checked(data.decode(best.encoding), source), best.encoding
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(
            f"input could not be decoded (best guess {best.encoding}: {exc})", file=source
        ) from exc


def _checked(text: str, source: str | None) -> str:
    """``text`` if it looks like text; InputError for binary data decoded by accident."""
    sample = text[:20000]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in _ALLOWED_CONTROLS)
    if "\x00" in sample or (sample and controls / len(sample) > CONTROL_SHARE):
        raise InputError("input is binary data, not text", file=source)
    if not text.strip():
        raise InputError("input is empty (only whitespace)", file=source)
    return text

"""Small PDFs made to cost much: a decompression bomb, a page of thousands of lines, many pages. Written out
object by object (with a correct cross-reference table), so they need no PDF library to make."""

from __future__ import annotations

import zlib


def pdf(pages: list[bytes], *, compress: bool = True) -> bytes:
    """A PDF whose pages have the given content streams (Helvetica as font F1)."""
    objects: list[bytes] = []
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, content in enumerate(pages):
        body = zlib.compress(content, 9) if compress else content
        flt = b" /Filter /FlateDecode" if compress else b""
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d%s >>\nstream\n" % (len(body), flt) + body + b"\nendstream")
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def text_page(lines: list[str], size: float = 10) -> bytes:
    """A content stream writing ``lines`` top-down, ``size`` points apart."""
    ops = [f"BT /F1 {size} Tf {size} TL 50 800 Td"]
    ops += [f"({line}) Tj T*" for line in lines]
    ops.append("ET")
    return "\n".join(ops).encode()


def bomb(mebibytes: int = 200) -> bytes:
    """One page whose content stream inflates to ``mebibytes`` MiB of spaces (about 200 KB of file)."""
    return pdf([text_page(["Decides"]) + b" " * (mebibytes * 2**20)])


def many_lines(count: int = 3060) -> bytes:
    """One page of ``count`` short lines in a tiny font (the issue's 10 KB PDF of 3,060 lines)."""
    return pdf([text_page([f"{i}" for i in range(count)], size=0.25)])


def many_pages(count: int) -> bytes:
    return pdf([text_page(["Decides"])] * count)

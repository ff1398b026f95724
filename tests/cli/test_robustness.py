"""Property tests of the whole command line: whatever a user feeds ``gcts parse`` — random bytes, random
Unicode text, real resolutions with lines deleted, swapped or page furniture inserted, spoilt gcts JSON or
Akoma Ntoso — it ends with one of the documented exit codes, never a traceback or an "internal error", and
an error is one line on standard error with nothing on standard output.

Runs in-process through :func:`gcts.cli.main` (tests.cli.running), with bounded examples.
"""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli.running import DOCUMENTED, Run, run

CORPUS = Path(__file__).resolve().parents[2] / "src" / "gcts" / "data" / "corpus"
TEXTS = sorted(CORPUS.glob("*.txt")) + sorted((CORPUS / "partial").glob("*.txt"))
#: Lines PDF extraction leaves between paragraphs: job numbers, bar codes, page numbers, running heads,
#: footnote rules and texts, form feeds.
FURNITURE = [
    "18-18142 (C)",
    "*1818142*",
    "2/15",
    "\f",
    "A/RES/73/7",
    "____________",
    "   1 A/71/858。",
    "   3 See resolution 60/288.",
    "Report of the International Criminal Court",
    "[60/288](#)",
    "",
    "1.",
    "(a)",
]
#: Bounded and repeatable by default; ``GCTS_FUZZ_EXAMPLES=500`` explores more, with fresh random examples.
FUZZ = os.environ.get("GCTS_FUZZ_EXAMPLES")
SETTINGS = settings(
    max_examples=int(FUZZ) if FUZZ else 25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=not FUZZ,
    database=None,
)


def _parse(data: bytes, suffix: str, *extra: str) -> Run:
    with tempfile.TemporaryDirectory() as folder:
        f = Path(folder) / f"input{suffix}"
        f.write_bytes(data)
        return run("parse", str(f), *extra)


def _well_behaved(result: Run) -> None:
    assert result.code in DOCUMENTED, (result.code, result.err[-2000:])
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err[-2000:]
    if result.code != 0:
        lines = result.err_lines
        assert len(lines) == 1 and lines[0].startswith(("gcts: error: ", "Usage:")), result.err[-2000:]
        assert result.out == ""


@SETTINGS
@given(st.binary(max_size=4000), st.sampled_from([".txt", ".pdf", ".json", ".xml", ""]))
def test_random_bytes(data: bytes, suffix: str) -> None:
    _well_behaved(_parse(data, suffix, "--no-annotate"))


@SETTINGS
@given(st.text(max_size=3000), st.sampled_from(["utf-8", "utf-16", "gb18030"]))
def test_random_unicode_text(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="replace")
    _well_behaved(_parse(data, ".txt"))


@cache
def _lines(path: Path) -> tuple[str, ...]:
    return tuple(path.read_text(encoding="utf-8").splitlines())


@st.composite
def mutated_resolutions(draw: st.DrawFn) -> str:
    """A real corpus text with some lines deleted, swapped, duplicated, cut, or furniture inserted."""
    lines = list(_lines(draw(st.sampled_from(TEXTS))))
    for _ in range(draw(st.integers(1, 8))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "swap", "furniture", "duplicate", "cut-line", "truncate"]))
        if op == "delete":
            del lines[i : i + draw(st.integers(1, 20))]
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "furniture":
            lines.insert(i, draw(st.sampled_from(FURNITURE)))
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "cut-line":
            lines[i] = lines[i][: draw(st.integers(0, max(0, len(lines[i]))))]
        else:
            lines = lines[:i]
    return "\n".join(lines)


@SETTINGS
@given(mutated_resolutions(), st.booleans(), st.booleans())
def test_mutated_corpus_texts(text: str, partial: bool, annotate: bool) -> None:
    extra = [*(["--partial"] if partial else []), *([] if annotate else ["--no-annotate"])]
    _well_behaved(_parse(text.encode("utf-8"), ".txt", *extra))


@cache
def _structured(fmt: str) -> bytes:
    result = run("parse", str(CORPUS / "A-RES-73-8.en.txt"), "--format", fmt)
    assert result.code == 0, result.err
    return result.out.encode("utf-8")


@SETTINGS
@given(
    st.sampled_from(["json", "akn"]),
    st.lists(st.tuples(st.floats(0, 1), st.integers(0, 200), st.binary(max_size=12)), min_size=1, max_size=6),
)
def test_spoilt_structured_inputs(fmt: str, edits: list[tuple[float, int, bytes]]) -> None:
    """gcts's own JSON and AKN output with byte ranges replaced: a malformed file, never a crash."""
    data = bytearray(_structured(fmt))
    for where, length, replacement in edits:
        at = int(where * len(data))
        data[at : at + length] = replacement
    _well_behaved(_parse(bytes(data), ".json" if fmt == "json" else ".xml"))

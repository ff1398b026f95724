"""Hostile and broken input on the whole command line: each test is a bug found by feeding gcts real files
spoiled the way users spoil them. Every failure must be one line naming the file, with a documented exit
code, and no traceback or "internal error"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.running import Run, assert_one_line_error, run

CORPUS = Path(__file__).resolve().parents[2] / "src" / "gcts" / "data" / "corpus"
ENGLISH = CORPUS / "A-RES-73-7.en.txt"


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("GCTS_HOME", str(home))
    return home


def test_english_in_utf16_without_byte_order_mark_is_read(tmp_path: Path) -> None:
    # UTF-16-LE of ASCII text is also valid UTF-8 (with a NUL after every letter): it was refused as binary.
    f = tmp_path / "en16.txt"
    f.write_bytes(ENGLISH.read_text(encoding="utf-8").encode("utf-16-le"))
    result = run("parse", str(f), "--no-annotate")
    assert result.code == 0, result.err
    assert json.loads(result.out)["heading"]["symbol"] == "A/RES/73/7"


def _unreadable_files(tmp_path: Path) -> list[Path]:
    """Files that exist but cannot be read: chmod 000 (not for root), /proc/1/mem (refused even to root)."""
    import os

    out = []
    locked = tmp_path / "locked.txt"
    locked.write_bytes(ENGLISH.read_bytes())
    locked.chmod(0)
    if not os.access(locked, os.R_OK):
        out.append(locked)
    mem = Path("/proc/1/mem")
    if mem.exists():
        try:
            with mem.open("rb") as fh:
                fh.read(1)
        except OSError:
            out.append(mem)
    return out


@pytest.mark.parametrize("command", [("parse",), ("annotate",), ("corpus", "add")])
def test_unreadable_file_is_one_line_exit_3(tmp_path: Path, command: tuple[str, ...]) -> None:
    files = _unreadable_files(tmp_path)
    if not files:
        pytest.skip("no unreadable file can be made here")
    for f in files:
        assert_one_line_error(run(*command, str(f)), 3, str(f), "cannot be read")


def test_endless_device_is_refused_by_size_not_read_into_memory() -> None:
    # /dev/zero has size 0 for stat(): reading it whole ran out of memory.
    result = run("parse", "/dev/zero", "--max-bytes", "100000")
    assert_one_line_error(result, 3, "/dev/zero", "above the limit")


def test_encrypted_pdf_says_so(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(CORPUS / "A-RES-73-7.en.pdf").pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    f = tmp_path / "encrypted.pdf"
    with f.open("wb") as fh:
        writer.write(fh)
    assert_one_line_error(run("parse", str(f)), 3, str(f), "encrypted")


def test_size_limit_is_stated_in_the_unit_of_the_size(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes(ENGLISH.read_bytes() * 1300)  # 23.7 MB
    result = run("parse", str(f))
    assert_one_line_error(result, 3, "above the limit of 20.0 MiB")
    assert "MiB, above" in result.err


def test_corpus_add_with_one_bad_file_adds_nothing_and_says_so_once(
    tmp_path: Path, _private_home: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    before = run("corpus", "list", "--format", "json")
    result = run("corpus", "add", str(ENGLISH), str(empty))
    assert result.code == 3
    assert [x for x in result.err_lines if "empty" in x] == [f"gcts: error: {empty}: input is empty"]
    assert "nothing added" in result.err and "Traceback" not in result.err
    assert run("corpus", "list", "--format", "json").out == before.out
    assert not (_private_home / "collection" / "index.json").exists()


def test_corpus_add_into_an_unwritable_home_is_one_line() -> None:
    # In a process of its own: the store's settings read GCTS_HOME once, when Django starts.
    import os
    import subprocess
    import sys

    env = {**os.environ, "GCTS_HOME": str(ENGLISH / "home")}  # below a file: no folder can be made there
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", "from gcts.cli import main; main()", "corpus", "add", str(ENGLISH)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert_one_line_error(Run(done.returncode, done.stdout, done.stderr), 6, "cannot be written", "GCTS_HOME")


@pytest.mark.parametrize("where", ["missing/x.json", "file-as-folder", "folder"])
def test_parse_output_that_cannot_be_written_is_one_line_and_leaves_nothing(
    tmp_path: Path, where: str
) -> None:
    (tmp_path / "folder").mkdir()
    target = {
        "missing/x.json": tmp_path / "missing" / "x.json",
        "file-as-folder": ENGLISH / "x.json",
        "folder": tmp_path / "folder",
    }[where]
    result = run("parse", str(ENGLISH), "--no-annotate", "-o", str(target))
    if where == "folder":  # an existing folder takes one output per input, as in batch mode
        assert result.code == 0, result.err
        assert [p.name for p in target.iterdir()] == ["A-RES-73-7.en.json"]
        return
    assert_one_line_error(result, 6, str(target))
    assert not (tmp_path / "missing").exists()


def test_compare_output_into_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "redline.md"
    result = run("compare", str(ENGLISH), str(ENGLISH), "--no-annotate", "-o", str(target))
    assert result.code == 6 and "internal error" not in result.err, result.err
    assert [x for x in result.err_lines if "error" in x] == [
        f"gcts: error: {target}: the folder {str(target.parent)!r} does not exist"
    ]


def test_failed_parse_leaves_an_existing_output_whole(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text('{"kept": true}\n', encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert_one_line_error(run("parse", str(empty), "-o", str(out)), 3, "empty")
    assert out.read_text(encoding="utf-8") == '{"kept": true}\n'
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_batch_lines_are_never_wrapped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "A-RES-73-7.en.txt").write_bytes(ENGLISH.read_bytes())
    long_name = "empty-file-with-a-long-name-so-that-its-error-line-is-wider-than-a-terminal.txt"
    (folder / long_name).write_bytes(b"")
    result = run("parse", str(folder), "--no-annotate", "-o", str(tmp_path / "out"))
    assert result.code == 3
    assert len(result.err_lines) == 2, result.err
    assert result.err_lines[0].endswith("0 warnings") and result.err_lines[1].endswith("input is empty")


GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "A-72-L.62.zh.gold.json"


@pytest.mark.parametrize(
    ("spoil", "field"),
    [
        (lambda g: g.update(heading="x"), "[heading]"),
        (lambda g: g.update(language=5), "[language]"),
        (lambda g: g.update(operative="x"), "[operative]"),
        (lambda g: g["operative"].__setitem__(0, "x"), "[operative[0]]"),
        (lambda g: g["operative"][0].update(references=[1, 2]), "[operative[0].references[0]]"),
        (lambda g: g["operative"][82].update(mandates=["x"]), "[operative[82].mandates[0]]"),
        (
            lambda g: g["operative"][82].update(mandates=[{"actor": ["x"]}]),
            "[operative[82].mandates[0].actor]",
        ),
        (lambda g: g["operative"][0].update(pillars=[{"value": ["I"]}]), "[operative[0].pillars[0]]"),
    ],
)
def test_evaluate_gold_of_the_wrong_shape_names_the_field(tmp_path: Path, spoil: object, field: str) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    spoil(gold)  # type: ignore[operator]
    f = tmp_path / "spoilt.gold.json"
    f.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    assert_one_line_error(run("evaluate", str(f), "--corpus", str(CORPUS)), 5, f"{f} {field}")


def test_deeply_nested_json_is_malformed_not_a_crash(tmp_path: Path) -> None:
    f = tmp_path / "deep.json"
    f.write_text('{"schema": "gcts/1", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    assert_one_line_error(run("parse", str(f)), 5, str(f), "nested too deeply")
    assert_one_line_error(run("evaluate", str(f)), 5, str(f), "nested too deeply")


def test_evaluate_empty_file_is_unreadable_input_said_once(tmp_path: Path) -> None:
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    assert_one_line_error(run("evaluate", str(empty)), 3, f"{empty}: input is empty")
    listed = tmp_path / "list.json"
    listed.write_text("[1, 2]", encoding="utf-8")
    assert_one_line_error(run("evaluate", str(listed)), 5)
    assert run("evaluate", str(listed)).err.count("not a JSON object") == 1


def test_gcts_json_with_a_mandate_that_is_not_an_object(tmp_path: Path) -> None:
    doc = json.loads(run("parse", str(ENGLISH)).out)
    doc["operative"][0]["annotations"]["mandates"] = [5]
    f = tmp_path / "doc.json"
    f.write_text(json.dumps(doc), encoding="utf-8")
    assert_one_line_error(run("parse", str(f)), 5, "[operative[0].annotations.mandates[0]]")


def test_lineage_of_a_bundled_partial_document() -> None:
    # The collection read its bundled first pages without --partial and stopped with exit 4.
    result = run("lineage", "A/RES/60/288@en", "preamble:1")
    assert result.code == 0, result.err
    assert "A/RES/60/288" in result.out


def test_compare_with_a_missing_file_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    assert_one_line_error(
        run("compare", str(missing), str(ENGLISH)), 3, f"gcts: error: {missing}: no such file"
    )


def test_errors_without_a_file_have_no_leading_blank() -> None:
    result = run("lineage", "A/72/L.62@zh", "operative:999")
    assert_one_line_error(result, 3, "gcts: error: [paragraph]: A/72/L.62@zh has no paragraph operative:999")


@pytest.mark.parametrize(
    ("index", "words"),
    [
        (b"[1]", "not a gcts collection index"),
        (b"\xff\xfe\x00", "damaged"),
        (b'{"schema": "gcts-collection/1"', "damaged"),
    ],
)
def test_damaged_collection_index_is_one_line(_private_home: Path, index: bytes, words: str) -> None:
    (_private_home / "collection").mkdir(parents=True)
    (_private_home / "collection" / "index.json").write_bytes(index)
    assert_one_line_error(run("corpus", "list"), 5, "index.json", words)


def test_series_file_not_in_utf8_is_one_line(_private_home: Path) -> None:
    _private_home.mkdir()
    (_private_home / "series.toml").write_bytes('[[series]]\nid = "é"\n'.encode("latin-1"))
    assert_one_line_error(run("corpus", "list"), 5, "series.toml", "UTF-8")


PARTIAL = CORPUS / "partial" / "A-RES-72-284.en.partial.txt"


def test_annotate_takes_the_partial_flag_its_error_suggests() -> None:
    refused = run("annotate", str(PARTIAL))
    assert_one_line_error(refused, 4, "--partial")
    result = run("annotate", str(PARTIAL), "--partial")
    assert result.code == 0, result.err
    assert "preamble:3" in result.out


@pytest.mark.parametrize(
    "args",
    [
        ("parse", str(ENGLISH), "--lang", "xx"),
        ("annotate", str(ENGLISH), "--lang", "../../etc"),
        ("compare", str(ENGLISH), str(ENGLISH), "--lang-a", "qq"),
        ("corpus", "add", str(ENGLISH), "--lang", "qq"),
        ("parse", str(ENGLISH), "--max-bytes", "-1"),
    ],
)
def test_a_wrong_option_value_is_a_usage_error(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.code == 2, result.err
    assert "Invalid value for" in result.err and "Traceback" not in result.err and result.out == ""


def test_language_codes_are_taken_in_any_case() -> None:
    result = run("parse", str(ENGLISH), "--lang", "EN", "--no-annotate")
    assert result.code == 0, result.err
    assert json.loads(result.out)["language"] == "en"


def test_akn_with_a_nul_character_is_one_line(tmp_path: Path) -> None:
    # Found by tests/cli/test_robustness.py: lxml's message held a line break, so the error took two lines.
    akn = run("parse", str(ENGLISH), "--format", "akn", "--no-annotate").out
    f = tmp_path / "nul.xml"
    f.write_text(akn.replace("<p>", "<p>\x00", 1), encoding="utf-8")
    assert_one_line_error(run("parse", str(f)), 5, str(f), "malformed XML")


def test_corpus_add_takes_the_partial_flag_its_error_suggests() -> None:
    first_page = CORPUS / "partial" / "A-RES-60-288.en.partial.txt"
    assert_one_line_error(run("corpus", "add", str(first_page)), 4, "--partial")
    result = run("corpus", "add", str(first_page), "--partial")
    assert result.code == 0, result.err
    assert result.out.startswith("added A/RES/60/288@en") and "partial" in result.out
    listed = json.loads(run("corpus", "list", "--format", "json").out)
    assert [e["partial"] for e in listed if e["id"] == "A/RES/60/288@en" and not e["bundled"]] == [True]


def test_standard_input_is_named_alike_in_summary_and_errors() -> None:
    ok = run("parse", "-", "--no-annotate", stdin=ENGLISH.read_bytes())
    assert ok.code == 0 and ok.err.startswith("<stdin>: en, "), ok.err
    assert_one_line_error(run("parse", "-", stdin=b""), 3, "<stdin>: input is empty")

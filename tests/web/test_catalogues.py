"""The interface's message catalogues: Chinese complete, compiled by setup, a clear word without msgfmt."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from gcts.web.i18n import LOCALE


def _entries(po: Path) -> list[tuple[str, str, bool]]:
    """(msgid, first msgstr, fuzzy) of each entry of a catalogue, header left out."""
    out = []
    for block in po.read_text(encoding="utf-8").split("\n\n"):
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        msgstr = re.search(r'^msgstr(?:\[0\])? ((?:".*"\n?)+)', block, re.M)
        if msgid and msgstr:
            key = "".join(re.findall(r'"(.*)"', msgid.group(1)))
            if key:
                out.append((key, "".join(re.findall(r'"(.*)"', msgstr.group(1))), "#, fuzzy" in block))
    return out


def test_the_chinese_interface_is_complete() -> None:
    entries = _entries(LOCALE / "zh_Hans" / "LC_MESSAGES" / "django.po")
    assert len(entries) > 150
    assert [k for k, v, fuzzy in entries if not v or fuzzy] == []
    translated = dict((k, v) for k, v, _ in entries)
    assert translated["calls upon"] == "吁请" and translated["substantially changed"] == "实质性修改"


def test_catalogues_compile_or_say_why_not(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gcts.web.i18n import LOCALE, compile_catalogues, stale_catalogues

    po = tmp_path / "zh_Hans" / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True)
    po.write_bytes((LOCALE / "zh_Hans" / "LC_MESSAGES" / "django.po").read_bytes())
    monkeypatch.setenv("PATH", str(tmp_path))  # no msgfmt here
    problem = compile_catalogues(tmp_path)
    assert problem is not None and "msgfmt" in problem and "English" in problem
    assert stale_catalogues(tmp_path) == [po]
    monkeypatch.undo()
    if shutil.which("msgfmt") is None:
        pytest.skip("msgfmt (Debian gettext) is not installed")
    assert compile_catalogues(tmp_path) is None and po.with_suffix(".mo").stat().st_size > 1000
    assert stale_catalogues(tmp_path) == []

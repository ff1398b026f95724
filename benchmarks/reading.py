"""Benchmark of reading real documents (issue 8), each figure beside its reference measured in the same run.

* structuring: ``parse_text`` on a large synthetic English resolution (the real paragraphs of A/RES/73/7
  repeated, ``pdftotext -layout`` shape, see ``benchmarks/parse.py``), in MB/s, and as a ratio to one regex
  pass over the same text (the operative numbers found by ``re.findall``);
* linearity: one paragraph of 1 MB and of 4 MB (real sentences with actors, address verbs and footnote
  markers repeated) through the structurer and the actor finder; time per MB should not grow;
* start-up: ``gcts parse`` of a small English and a small Chinese file, end to end (a new process each time,
  annotation included), and ``python -c pass`` as the floor;
* PDF: ``gcts.reading.pdf.extract_text`` of each corpus PDF, as a ratio to ``pdftotext -layout`` of the same
  file (poppler, when installed).

Times are CPU seconds (user + system, children included), the least of several runs: the machine may be
shared, and the load average is printed with the results. Run:
``.venv/bin/python benchmarks/reading.py`` (``--quick`` for fewer runs).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "src" / "gcts" / "data" / "corpus"
sys.path.insert(0, str(ROOT / "benchmarks"))


def _best(fn: Callable[[], object], runs: int) -> float:
    """Least CPU time (user + system, this process and its children) of ``runs`` calls of ``fn``: on a
    shared machine the wall clock measures the other jobs as much as this one."""
    times = []
    for _ in range(runs):
        t0 = _cpu()
        fn()
        times.append(_cpu() - t0)
    return min(times)


def _cpu() -> float:
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def structuring(runs: int) -> None:
    from gcts.structure import parse_text
    from parse import synthetic

    text = synthetic(4 * 1024 * 1024)
    mb = len(text.encode()) / 1e6
    numbers = re.compile(r"(?m)^\s*(\d{1,4})\.\s")
    parse_text(text[:200_000], language="en")
    t_parse = _best(lambda: parse_text(text, language="en"), runs)
    t_regex = _best(lambda: numbers.findall(text), runs)
    print(f"structuring {mb:.1f} MB: {mb / t_parse:.2f} MB/s ({t_parse:.2f} s); one regex pass "
          f"{t_regex * 1000:.0f} ms; ratio {t_parse / t_regex:.0f}x")


def _long_paragraph(size: int) -> str:
    sentence = (
        "Requests the Secretary-General and calls upon Member States, the Counter-Terrorism Committee "
        "Executive Directorate and the Office of Counter-Terrorism to strengthen cooperation, 1 and "
        "encourages the United Nations Office on Drugs and Crime to report, 2 "
    )
    return "1. " + sentence * (size // len(sentence)) + "and decides to remain seized of the matter."


def linearity(runs: int) -> None:
    from gcts.annotate.actors import find
    from gcts.structure import parse_text

    head = "United Nations   A/RES/99/9\n\nThe General Assembly,\n\nRecalling its resolutions,\n\n"
    notes = "\n__________________\n1 A/99/1.\n2 A/99/2.\n"
    for size in (1_000_000, 4_000_000):
        para = _long_paragraph(size)
        doc = head + para + notes
        t_struct = _best(lambda doc=doc: parse_text(doc, language="en"), runs)
        t_actors = _best(lambda para=para: find(para, "en"), runs)
        mb = len(para) / 1e6
        print(f"one paragraph of {mb:.1f} MB: structure {t_struct:.2f} s ({t_struct / mb:.2f} s/MB), "
              f"actors {t_actors:.2f} s ({t_actors / mb:.2f} s/MB)")


def startup(runs: int) -> None:
    gcts = shutil.which("gcts") or str(Path(sys.executable).parent / "gcts")
    files = [("en", CORPUS / "A-RES-73-8.en.txt"), ("zh", CORPUS / "A-72-L.62.zh.txt")]
    floor = _best(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), runs)
    print(f"python -c pass: {floor:.3f} s")
    for lang, path in files:
        cmd = [gcts, "parse", str(path), "--format", "json"]
        t = _best(lambda cmd=cmd: subprocess.run(cmd, check=True, capture_output=True), runs)
        print(f"gcts parse {path.name} ({path.stat().st_size // 1000} kB, {lang}, annotated): {t:.3f} s "
              f"end to end")


def pdf(runs: int) -> None:
    from gcts.reading.pdf import extract_text

    poppler = shutil.which("pdftotext")
    for path in sorted(CORPUS.glob("*.pdf")) + sorted((CORPUS / "real").glob("*.pdf")):
        data = path.read_bytes()
        ours = _best(lambda data=data: extract_text(data), runs)
        line = f"{path.name}: extract_text {ours * 1000:.0f} ms"
        if poppler:
            cmd = [poppler, "-layout", str(path), "-"]
            ref = _best(lambda cmd=cmd: subprocess.run(cmd, check=True, capture_output=True), runs)
            line += f", pdftotext -layout {ref * 1000:.0f} ms, ratio {ours / ref:.2f}"
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    runs = 2 if args.quick else 5
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    structuring(runs)
    linearity(max(1, runs // 2))
    startup(runs)
    pdf(runs)
    print(f"load average at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()

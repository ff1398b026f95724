"""The heading block (symbol line down to the organ line) and the closing line of a resolution.

Each line of the heading is cut into cells (the columns of a layout) and each cell is matched against the
heading patterns of the language (``[heading]`` in ``structure.toml``): symbol, distribution, date of issue,
session, agenda item, submitter line, adoption line, resolution number with title, organ line. Free text is
placed by what came before it: after the agenda item it is the agenda title, after the submitter or adoption
line it is the title. The closing line ("30th plenary meeting" / "1 November 2018", 第94次全体会议) is taken
from the end of the body and gives the meeting and, when the heading did not, the adoption date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from gcts.model import Heading, QualityIssue
from gcts.structure.conventions import Conventions, words_to_number
from gcts.structure.furniture import SYMBOL, is_furniture, is_symbol
from gcts.structure.lines import Line


@dataclass(slots=True)
class HeadingResult:
    """The heading read from the top of a document, where its body starts, and what could not be placed."""

    heading: Heading
    body_start: int  # index of the first line after the organ line
    organ_found: bool
    issues: list[QualityIssue] = field(default_factory=list)
    report: str | None = None  # the line naming a report's author ("Report of the Secretary-General")
    report_line: int | None = None


def parse_date(text: str, conv: Conventions, *, latin: bool = False) -> date | None:
    """The first date written in ``text`` in the language's style, or None.

    With ``latin``, a date in the English style is accepted too: the heading block of every language version
    may print the date of issue that way (``Distr.: General 20 April 2018``).
    """
    m = conv.date.search(text)
    if not m:
        if latin and conv.language != "en":
            from gcts.structure.conventions import conventions

            return parse_date(text, conventions("en"))
        return None
    raw_month = m["month"]
    month = int(raw_month) if raw_month.isdigit() else conv.months.get(raw_month.lower())
    if month is None:
        return None
    try:
        return date(int(m["year"]), month, int(m["day"]))
    except ValueError:
        return None


def find_body_start(lines: list[Line], conv: Conventions) -> tuple[int, bool]:
    """Index of the first line after the organ line ("The General Assembly,"), and whether it was found.

    Without an organ line the body starts at the first line that opens a preambular or operative paragraph.
    """
    for i, line in enumerate(lines):
        if conv.heading["body"].match(line.text):
            return i + 1, True
    for i, line in enumerate(lines):
        m = conv.operative_number.match(line.text)
        if (m and int(m["number"]) == 1) or conv.preamble_opening.match(line.text):
            return i, False
    return 0, False


def parse_heading(lines: list[Line], conv: Conventions) -> HeadingResult:
    """Read the heading block of ``lines``."""
    start, found = find_body_start(lines, conv)
    h = Heading()
    issues: list[QualityIssue] = []
    pat = conv.heading
    state: str | None = None
    agenda_parts: list[str] = []
    title_parts: list[str] = []
    region = lines[:start]
    report: tuple[str, int] | None = None
    i = 0
    while i < len(region):
        line = region[i]
        i += 1
        if line.blank:
            if state == "agenda" and agenda_parts:  # the agenda title is one block; what follows is the title
                state = "title"
            continue
        if is_furniture(line) and not any(is_symbol(c) for c in line.cells):
            continue  # job number and bar code, which some extractors put at the top of page 1
        cells = list(line.cells)
        while cells:
            cell = cells.pop(0)
            m = pat["body"].match(cell)
            if m:
                h.body = m["body"]
                continue
            m = pat["adopted"].match(cell)
            if m:
                h.kind = conv.kind_adopted
                when = m.groupdict().get("date")
                j = i
                while j < len(region) and region[j].blank:
                    j += 1
                if not when and j < len(region):  # "Resolution adopted by the General Assembly" / "on 1 …"
                    nxt = pat["adopted_date"].match(region[j].text)
                    if nxt:
                        when = nxt["date"]
                        i = j + 1
                h.adoption_date = parse_date(when or "", conv)
                state = "title"
                continue
            if pat["draft_only"].match(cell):
                h.kind = conv.kind_draft
                state = "title"
                continue
            if pat["main_committee"].match(cell):
                continue
            m = pat["draft_by"].match(cell) or pat["draft_after"].match(cell)
            if m:
                h.kind = conv.kind_draft
                h.submitter = m["submitter"].strip()
                state = "title"
                continue
            m = pat["number_title"].match(cell)
            if m and h.kind == conv.kind_adopted:
                h.resolution_number = m["number"]
                title_parts = [m["title"].strip()]
                state = "title"
                continue
            m = pat["number_only"].match(cell)
            if m and h.kind == conv.kind_adopted:
                h.resolution_number = m["number"]
                state = "title"
                continue
            if pat["committee"].match(cell):
                continue
            rest = _after_organ(cell, conv)
            if rest is not None:  # "General Assembly   Distr.: General" cut by single spaces only
                if rest:
                    cells.insert(0, rest)
                continue
            if _symbol_cell(cell, h, conv):
                continue
            if _meta_cell(cell, h, conv):
                continue
            m = pat["session"].match(cell)
            if m:
                if cell[m.end() :].strip():  # "第七十二届会议 议程项目 118 …" on one line
                    cells.insert(0, cell[m.end() :].strip())
                h.session = words_to_number(m["words"], conv)
                if h.session is None:
                    issues.append(
                        QualityIssue(
                            "heading-session",
                            f"session words not understood: {cell!r}",
                            line=line.number,
                            where="heading.session",
                        )
                    )
                continue
            m = pat["agenda"].match(cell)
            if m:
                h.agenda_item = m["value"]
                if m["rest"].strip():
                    agenda_parts.append(m["rest"].strip())
                state = "agenda"
                continue
            if h.kind is None and report is None and pat["report"].match(cell):
                report = (cell, line.number)
                continue
            if state == "agenda":
                agenda_parts.append(cell)
            elif state == "title":
                title_parts.append(cell)
            else:
                issues.append(
                    QualityIssue(
                        "heading-unrecognised",
                        f"heading line not understood: {cell!r}",
                        severity="info",
                        line=line.number,
                        where="heading",
                    )
                )
    if agenda_parts:
        h.agenda_title = conv.line_join.join(agenda_parts)
    if title_parts:
        h.title = conv.line_join.join(title_parts)
    if not found:
        issues.append(
            QualityIssue(
                "no-organ-line",
                'no organ line ("The General Assembly,") before the paragraphs',
                where="heading.body",
            )
        )
    result = HeadingResult(heading=h, body_start=start, organ_found=found, issues=issues)
    if report:
        result.report, result.report_line = report
    return result


def _symbol_cell(cell: str, h: Heading, conv: Conventions) -> bool:
    """A cell holding the symbol, alone or after the organisation's name (``联合国 A/72/840``)."""
    if is_symbol(cell):
        h.symbol = h.symbol or cell.strip()
        h.symbol_in_text = True
        return True
    m = SYMBOL.search(cell)
    patterns = conv.heading
    if m and patterns["organisation"].match(cell[: m.start()].strip()):
        h.symbol = h.symbol or m.group(0)
        h.symbol_in_text = True
        return True
    whole = cell.strip()
    return any((m := patterns[k].match(whole)) is not None and m.end() == len(whole)
               for k in ("organisation", "organ"))


def _after_organ(cell: str, conv: Conventions) -> str | None:
    """What follows the organisation or organ name at the start of ``cell`` when that is heading metadata
    (distribution, a date) or nothing; None when ``cell`` does not start so."""
    for key in ("organisation", "organ"):
        m = conv.heading[key].match(cell)
        if not m:
            continue
        rest = cell[m.end() :].strip()
        if (
            not rest
            or conv.heading["distribution"].match(rest)
            or _only_date(rest, conv)
            or ((d := parse_date(rest, conv, latin=True)) is not None and d and rest[:1].isdigit())
        ):
            return rest
    return None


def _meta_cell(cell: str, h: Heading, conv: Conventions) -> bool:
    """Distribution, date of issue and original language (``Distr.: General 20 April 2018``)."""
    used = False
    m = conv.heading["distribution"].search(cell)
    if m:
        h.distribution = m["value"]
        used = True
    m = conv.heading["original"].search(cell)
    if m:
        h.original_language = m["value"]
        used = True
    when = parse_date(cell, conv, latin=True)
    after_distr = bool(h.distribution and h.issued is None and h.kind is None)
    if when and (used or (after_distr and _only_date(cell, conv))):
        h.issued = h.issued or when
        used = True
    return used


def take_closing(texts: list[str], conv: Conventions) -> tuple[int, str | None, date | None]:
    """Find the closing lines among the last lines of the body.

    ``texts`` are the last few body lines; returns how many of them (counted from the end) belong to the
    closing, the meeting, and its date.
    """
    for back in range(1, len(texts) + 1):
        m = conv.meeting.match(texts[-back])
        if not m:
            continue
        when: date | None = None
        used = back
        if back > 1 and (d := parse_date(texts[-back + 1], conv)) and _only_date(texts[-back + 1], conv):
            when = d
        elif (
            back < len(texts)
            and (d := parse_date(texts[-back - 1], conv))
            and _only_date(texts[-back - 1], conv)
        ):
            when, used = d, back + 1
        return used, m["meeting"], when
    return 0, None, None


def _only_date(text: str, conv: Conventions) -> bool:
    m = conv.date.search(text)
    return bool(m and m.group(0).strip() == text.strip())

"""The mandate tracker: what is asked of whom, due when, overdue or soon; filters, order, and the exports."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from typing import Any

import icalendar
import pytest
from django.test import Client
from openpyxl import load_workbook

from gcts.library.models import Mandate
from gcts.web.library import tracking

ZH = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def annotated(db: Any) -> Any:
    """The reference text stored as the annotator reads it (mandates with their objects), adopted on
    26 June 2018."""
    from gcts.annotate import annotate
    from gcts.library.store import store_resolution
    from gcts.model import Annotations
    from tests.web.conftest import resolution_from_gold

    res = resolution_from_gold()
    for p in [*res.preamble, *res.operative]:
        p.annotations = Annotations()
    res = annotate(res)
    res.heading.adopted_as = "A/RES/72/284"
    res.heading.adoption_date = date(2018, 6, 26)
    return store_resolution(res, bundled=True)


@pytest.fixture
def on_day(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Set the tracker's today."""

    def set_day(day: date) -> None:
        monkeypatch.setattr(tracking, "today", lambda: day)

    return set_day


def _rows(html: str) -> list[str]:
    return re.findall(r'<tr id="mandate-\d+".*?</tr>', html, re.S)


def test_what_is_asked_of_whom_by_when_and_what_is_overdue(
    client: Client, annotated: Any, on_day: Any
) -> None:
    on_day(date(2019, 12, 1))
    html = client.get("/mandates/", **EN).content.decode()
    rows = _rows(html)
    assert len(rows) == Mandate.objects.count() == 5
    # operative 83: the Secretary-General, by the end of May 2019 — overdue on 1 December 2019
    (op83,) = [r for r in rows if "operative paragraph 83" in r]
    assert "Secretary-General" in op83 and 'data-state="overdue"' in op83
    assert "by the end of May 2019" in op83 and 'datetime="2019-05-31"' in op83
    assert "session 73: Sept. 18, 2018" in op83  # the session's dates, from the table of sessions
    whole = Mandate.objects.get(paragraph__pid="operative:83").object
    assert len(whole) > 100 and whole in op83 and whole.endswith("提供借鉴")  # the object, whole
    # operative 84: by the end of February 2020 — upcoming; operative 72: quarterly, next occurrences listed
    (op84,) = [r for r in rows if "operative paragraph 84" in r]
    assert 'data-state="upcoming"' in op84 and 'datetime="2020-02-29"' in op84
    (op72,) = [r for r in rows if "operative paragraph 72" in r]
    assert "every quarter" in op72 and 'datetime="2019-12-26"' in op72 and 'datetime="2020-03-26"' in op72
    assert 'data-state="due-soon"' in op72


def test_the_default_order_is_chronological(client: Client, annotated: Any, on_day: Any) -> None:
    on_day(date(2019, 12, 1))
    html = client.get("/mandates/", **EN).content.decode()
    days = [re.search(r'<time datetime="([\d-]+)"', r).group(1) for r in _rows(html)]  # type: ignore[union-attr]
    assert days == sorted(days) and len(days) == 5


def test_filters_show_and_clear(client: Client, annotated: Any, on_day: Any) -> None:
    on_day(date(2019, 12, 1))
    html = client.get("/mandates/", {"state": "overdue"}, **ZH).content.decode()
    assert len(_rows(html)) == 1 and "清除筛选" in html and 'href="/mandates/" class="clear"' in html
    html = client.get("/mandates/", {"document": "A-72-L.62.zh"}, **ZH).content.decode()
    assert '<option value="A-72-L.62.zh" selected>' in html and len(_rows(html)) == 5
    html = client.get("/mandates/", {"actor": "unoct"}, **ZH).content.decode()
    assert len(_rows(html)) == 1 and "联合国反恐怖主义办公室" in html
    assert "清除筛选" not in client.get("/mandates/", **ZH).content.decode()


def test_status_shows_who_set_it_and_when(editor: Client, annotated: Any) -> None:
    md = Mandate.objects.get(paragraph__pid="operative:83")
    editor.post(f"/mandates/{md.pk}/status/", {"status": "in_progress"})
    html = editor.get("/mandates/", **ZH).content.decode()
    (row,) = [r for r in _rows(html) if f'id="mandate-{md.pk}"' in r]
    assert re.search(r"由 ed 于 \d{4}年\d+月\d+日 设置", row)


def test_ical_one_event_per_mandate_in_the_interface_language(client: Client, annotated: Any) -> None:
    cal = icalendar.Calendar.from_ical(client.get("/mandates.ics", **ZH).content)
    events = cal.walk("VEVENT")
    assert len(events) == Mandate.objects.count()
    assert len({str(e["UID"]) for e in events}) == len(events)
    for summary in (str(e["SUMMARY"]) for e in events):
        assert not re.search(r"operative:|secretary_general|general_assembly|unoct|\brequest\b", summary)
        assert summary.startswith(("秘书长", "大会", "联合国反恐怖主义办公室"))
    rules = sorted(dict(e["RRULE"]).get("FREQ", [""])[0] for e in events if "RRULE" in e)
    assert rules == ["MONTHLY", "YEARLY"]  # quarterly (op. 72) and annual (op. 62)
    annual = next(e for e in events if "RRULE" in e and dict(e["RRULE"])["FREQ"] == ["YEARLY"])
    assert annual.decoded("DTSTART") == date(2019, 6, 26)  # a year after adoption on 26 June 2018
    assert "要求的事项：" in str(annual["DESCRIPTION"]) and "执行部分第 62 段" in str(annual["DESCRIPTION"])


def test_ical_summaries_in_english_are_cut_between_words(client: Client, annotated: Any) -> None:
    cal = icalendar.Calendar.from_ical(client.get("/mandates.ics", **EN).content)
    for event in cal.walk("VEVENT"):
        summary = str(event["SUMMARY"])
        assert summary.startswith(("Secretary-General — requests:", "General Assembly — decides:",
                                   "United Nations Office of Counter-Terrorism — requests:"))
        assert len(summary) <= 120


def test_csv_and_xlsx_hold_the_same_rows(client: Client, annotated: Any) -> None:
    text = client.get("/mandates.csv", **ZH).content.decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    assert table[0][:5] == ["文件", "段落", "行为体", "行动", "要求的事项"]
    book = load_workbook(io.BytesIO(client.get("/mandates.xlsx", **ZH).content))
    sheet = book.active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert len(values) == len(table) == Mandate.objects.count() + 1
    assert [r[0] for r in values[1:]] == [r[0] for r in table[1:]]
    dates = [r[6] for r in values[1:]]
    assert all(d is not None for d in dates) and dates == sorted(dates)

"""The mandate tracker in a real browser: what the Secretary-General must do by when, what is overdue, and the
calendar file with one event per mandate."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import icalendar
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_the_secretary_general_s_duties_by_date_and_the_calendar(
    page: Any, corpus_server: Any, artifacts: Path
) -> None:
    from gcts.library.models import Mandate

    base = corpus_server.url
    page.goto(base + "/mandates/")
    page.select_option("select[name=actor]", "secretary_general")
    page.wait_for_url("**/mandates/?*actor=secretary_general*")
    rows = page.locator("table.mandates tbody tr")
    expected = Mandate.objects.filter(actor="secretary_general").count()
    assert rows.count() == expected > 0
    # each row says what is asked, by when, from which paragraph; the earliest first
    days = [rows.nth(i).locator("td.due time").first.get_attribute("datetime") for i in range(expected)]
    assert days == sorted(days)
    op83 = page.locator("tr", has=page.locator("a[href$='#operative-83']")).first
    assert "秘书长" in op83.locator("td.actor").inner_text()
    assert "提交一份报告" in op83.locator("td.object").inner_text()
    assert "2019年5月底前" in op83.locator("td.due").inner_text()
    # which duties are overdue: counted from today, marked in the row and in the summary
    assert op83.get_attribute("data-state") == "overdue"
    assert "已逾期" in op83.locator(".badge").first.inner_text()
    page.locator("ul.states a.badge.overdue").click()
    page.wait_for_url("**/mandates/?state=overdue")
    overdue = page.locator("table.mandates tbody tr")
    assert overdue.count() > 0
    assert all(overdue.nth(i).get_attribute("data-state") == "overdue" for i in range(overdue.count()))
    # the filters clear
    page.locator("a.clear").click()
    page.wait_for_url("**/mandates/")
    assert page.locator("table.mandates tbody tr").count() == Mandate.objects.count()
    page.screenshot(path=str(artifacts / "tracker-zh.png"), full_page=True)
    # the calendar file: one event per mandate
    with page.expect_download() as info:
        page.locator("#ical").click()
    target = artifacts / "gcts-mandates.ics"
    info.value.save_as(str(target))
    cal = icalendar.Calendar.from_ical(target.read_bytes())
    assert len(cal.walk("VEVENT")) == Mandate.objects.count()

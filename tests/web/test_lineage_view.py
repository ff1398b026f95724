"""A paragraph through its series on the web: the same paragraph in the earlier and the later review, with the
wording at each step, and links to each (gcts.compare.lineage backwards, the same walk forwards)."""

from __future__ import annotations

import copy
import re
from typing import Any

from django.test import Client

from gcts.library.store import store_resolution
from tests.web.conftest import resolution_from_gold

CHANGED = "请秘书长至迟于 2022 年 5 月向大会第七十六届会议提交一份报告"


def _seventh_review() -> Any:
    """The reference text as if adopted again as the seventh review (A/RES/75/291), operative 83 reworded."""
    res = copy.deepcopy(resolution_from_gold())
    res.heading.symbol = "A/RES/75/291"
    res.heading.kind = "resolution"
    p83 = res.paragraph("operative:83")
    p83.text = CHANGED + p83.text[p83.text.index("，其中载有"):]
    return store_resolution(res)


def _stations(html: str) -> list[str]:
    return re.findall(r'<li class="station.*?</li>', html, re.S)


def test_the_paragraph_in_the_earlier_and_the_later_review(client: Client, stored_gold: Any) -> None:
    later = _seventh_review()
    zh = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}
    back = client.get(f"/documents/{later.slug}/paragraphs/operative:83/lineage/", **zh).content.decode()
    stations = _stations(back)
    assert len(stations) == 2
    older, here = stations
    assert "A/72/L.62 (zh)" in older and f'href="/documents/{stored_gold.slug}/#operative-83"' in older
    assert "请秘书长至迟于 2019 年 5 月" in older  # the wording at that step
    assert 'aria-current="true"' in here and CHANGED in here and "修改" in here  # changed since then
    url = f"/documents/{stored_gold.slug}/paragraphs/operative:83/lineage/"
    ahead = client.get(url, **zh).content.decode()
    stations = _stations(ahead)
    assert len(stations) == 2 and 'aria-current="true"' in stations[0]
    assert "A/RES/75/291 (zh)" in stations[1] and CHANGED in stations[1]
    # the reading view links each paragraph to its lineage, and gives it a permanent link and a contents list
    reading = client.get(f"/documents/{stored_gold.slug}/", **zh).content.decode()
    assert f'href="/documents/{stored_gold.slug}/paragraphs/operative:83/lineage/"' in reading
    assert '<a class="permalink no-print" href="#operative-83"' in reading
    assert '<nav class="toc' in reading and 'href="#footnotes"' in reading


def test_an_unknown_paragraph_is_not_found(client: Client, stored_gold: Any) -> None:
    assert client.get(f"/documents/{stored_gold.slug}/paragraphs/operative:999/lineage/").status_code == 404

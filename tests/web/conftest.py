"""pytest-django set-up for the web tests: compiled catalogues, documents from gold.

The settings read ``GCTS_HOME`` when first imported; ``tests/conftest.py`` has already pointed it at the run's
own temporary folder (whatever the user set), so Django is set up here, after it. Only the tests under
``tests/web`` load this file.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.store import setup_django

setup_django()  # pytest-django configured itself before this file was loaded; the test modules need the apps

from gcts.model import (  # noqa: E402
    ActorMention,
    Annotations,
    Evidence,
    Footnote,
    Heading,
    Label,
    Mandate,
    Paragraph,
    Reference,
    Resolution,
    SubParagraph,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GOLD = FIXTURES / "A-72-L.62.zh.gold.json"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"


def _kind(symbol: str) -> Any:
    if symbol.startswith("S/RES/"):
        return "sc_resolution"
    if symbol.startswith("A/RES/"):
        return "ga_resolution"
    return "instrument" if symbol.startswith("instrument:") else "document"


def resolution_from_gold(path: Path = GOLD) -> Resolution:
    """The hand-checked reference text as a Resolution with its gold annotations (method ``person``)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    gold = [Evidence(method="person", rule="gold")]
    heading = Heading(**{k: v for k, v in data["heading"].items() if k in Heading.__slots__})
    res = Resolution(language=data["language"], heading=heading, source=data["source"])
    for part in ("preamble", "operative"):
        for i, raw in enumerate(data[part], start=1):
            ann = Annotations(
                opening=raw.get("opening"),
                function=raw.get("function"),
                pillars=[Label(v, 1.0, gold) for v in raw.get("pillars", [])],
                themes=[Label(v, 1.0, gold) for v in raw.get("themes", [])],
                references=[
                    Reference(symbol=s, kind=_kind(s), surface=s, start=0, end=0)
                    for s in raw.get("references", [])
                ],
                mandates=[
                    Mandate(
                        actor=m["actor"],
                        action=raw.get("function") or "",
                        deadline=m["deadline"],
                        session=m["session"],
                        recurrence=m["recurrence"],
                        evidence=gold,
                    )
                    for m in raw.get("mandates", [])
                ],
                actors=[
                    ActorMention(actor=m["actor"], surface=m["actor"], start=0, end=0, addressed=True)
                    for m in raw.get("mandates", [])
                ],
            )
            res_part = res.preamble if part == "preamble" else res.operative
            res_part.append(
                Paragraph(
                    part=part,
                    index=raw.get("index", i),
                    number=raw.get("number"),
                    text=raw["text"],
                    footnotes=list(raw.get("footnotes", [])),
                    annotations=ann,
                    subparagraphs=[
                        SubParagraph(label=s["label"], text=s["text"]) for s in raw.get("subparagraphs", [])
                    ],
                )
            )
    res.footnotes = [
        Footnote(number=f["number"], text=f["text"], cited_in=f.get("cited_in")) for f in data["footnotes"]
    ]
    return res


def adopted_variant(res: Resolution) -> Resolution:
    """The reference text as adopted (A/RES/72/284, 26 June 2018) — a second document."""
    import copy

    out = copy.deepcopy(res)
    out.heading.symbol = "A/RES/72/284"
    out.heading.kind = "resolution"
    out.heading.adoption_date = date(2018, 6, 26)
    return out


@pytest.fixture(scope="session", autouse=True)
def _catalogues() -> None:
    """Compile the interface's message catalogues once per run."""
    from gcts.web.i18n import compile_catalogues

    compile_catalogues()


@pytest.fixture
def gold_resolution() -> Resolution:
    return resolution_from_gold()


@pytest.fixture
def stored_gold(db: Any) -> Any:
    """The gold reference text stored, with the manifest's adoption facts."""
    from gcts.library.store import store_resolution

    res = resolution_from_gold()
    res.heading.adopted_as = "A/RES/72/284"
    res.heading.adoption_date = date(2018, 6, 26)
    return store_resolution(res, bundled=True)


@pytest.fixture
def artifacts() -> Path:
    """The folder for screenshots and other test artefacts (git-ignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def editor(client: Any, db: Any) -> Any:
    """A client signed in as a member of the editor group (may upload and correct annotations)."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("ed", password="x-editor-1")
    user.groups.add(Group.objects.get(name="editor"))
    client.login(username="ed", password="x-editor-1")
    return client


# ---- Browser tests (Debian chromium through Playwright), shared by every test_*browser*/design module ----

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REFERENCE = "A-72-L.62.zh"


@pytest.fixture
def corpus_server(live_server: Any, transactional_db: Any) -> Any:
    """A live server whose library holds the bundled corpus, loaded as on first start."""
    from gcts.library.bootstrap import load_corpus

    report = load_corpus(force=True)
    assert REFERENCE in report.stored, report.skipped
    return live_server


@pytest.fixture
def page(corpus_server: Any) -> Iterator[Any]:
    """A Chromium page whose browser asks for Chinese first, as a Chinese delegate's would."""
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (Debian package chromium; scripts/setup dev installs it)")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = (
        "true"  # Playwright's sync API runs an event loop in this thread
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(locale="zh-CN", accept_downloads=True)
        yield context.new_page()
        context.close()
        browser.close()

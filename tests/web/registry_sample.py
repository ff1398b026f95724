"""A small registry with known figures for the dashboard and report tests: eight activities (one restricted,
one a draft), their pillar and country shares, flows of each kind (an internal one and a pledge that must not
count), paragraph links, an assessment with three recommendations, requests and an offer.

What the figures must be is written beside the data (EXPECTED), worked out by hand from the rules."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from gcts.registry import models as m

#: The restricted record's words and amount: no public report may print them.
SECRET_TITLE = "Confidential border project KX-9931"
SECRET_AMOUNT = Decimal("7654321.00")

PUBLISHED = "published"


def _org(ref: str, kind: str = "un_entity") -> m.Organisation:
    org, _ = m.Organisation.objects.get_or_create(
        ref=ref,
        defaults={
            "kind": kind,
            "names": {"en": f"Entity {ref}", "zh": f"实体{ref}"},
            "iati_id": f"XX-TEST-{ref}",
        },
    )
    return org


def _state(iso3: str) -> m.MemberState:
    return m.MemberState.objects.get(iso3=iso3)


def build() -> dict[str, Any]:
    """Create the records; return them by name."""
    a_org, b_org, donor = _org("TESTA"), _org("TESTB"), _org("TESTDONOR", "donor")
    spec = [
        # name, org, pillars, countries, start, visibility, workflow, title
        ("a1", a_org, {"I": 100}, {"CHN": 100}, date(2022, 3, 1), "public", PUBLISHED, "Youth dialogue"),
        (
            "a2",
            a_org,
            {"I": 50, "IV": 50},
            {"NGA": 50, "KEN": 50},
            date(2022, 6, 1),
            "public",
            PUBLISHED,
            "Rights-based prevention",
        ),
        ("a3", b_org, {"II": 100}, {"FRA": 100}, date(2023, 1, 10), "public", PUBLISHED, "Border data"),
        (
            "a4",
            b_org,
            {"III": 60, "II": 40},
            {"BRA": 100},
            date(2023, 5, 1),
            "public",
            PUBLISHED,
            "Prosecutors' training",
        ),
        ("a5", b_org, {}, {}, date(2024, 2, 1), "public", PUBLISHED, "Global conference"),
        ("a6", a_org, {"IV": 100}, {}, date(2024, 7, 1), "public", PUBLISHED, "Victims' network"),
        ("a7", b_org, {"II": 100}, {"PAK": 100}, date(2024, 9, 1), "owner", PUBLISHED, SECRET_TITLE),
        ("a8", a_org, {"III": 100}, {"CHN": 100}, date(2024, 1, 1), "public", "draft", "Draft idea"),
    ]
    # a3 and a9 are the same work (border data in France) reported by two entities: a duplicate pair
    spec[2] = (
        *spec[2][:7],
        "Sharing passenger data at the borders of France to detect foreign terrorist fighters",
    )
    spec.append(
        (
            "a9",
            a_org,
            {"II": 100},
            {"FRA": 100},
            date(2023, 3, 1),
            "public",
            PUBLISHED,
            "Échange de données sur les passagers aux frontières de la France pour détecter les combattants "
            "terroristes étrangers",
        )
    )
    out: dict[str, Any] = {}
    for name, org, pillars, countries, start, visibility, workflow, title in spec:
        act = m.Activity.objects.create(
            ref=f"TEST-{name}",
            iati_identifier=f"XX-TEST-{name}",
            title={"en": title},
            reporting_org=org,
            owner=org,
            planned_start=start,
            visibility=visibility,
            workflow=workflow,
            synthetic=True,
        )
        for pillar, share in pillars.items():
            m.PillarShare.objects.create(activity=act, pillar=pillar, share=Decimal(share))
        for iso3, share in countries.items():
            m.BeneficiaryCountry.objects.create(activity=act, state=_state(iso3), share=Decimal(share))
        out[name] = act
    m.ThemeShare.objects.create(activity=out["a1"], theme="youth", share=Decimal(100))
    m.ThemeShare.objects.create(activity=out["a2"], theme="human_rights", share=Decimal(100))

    def flow(
        name: str,
        kind: str,
        usd: str,
        dst: str | None,
        src: str | None = None,
        visibility: str = "public",
        day: date = date(2023, 1, 1),
        owner: m.Organisation = donor,
    ) -> None:
        out[name] = m.Flow.objects.create(
            ref=f"TEST-{name}",
            kind=kind,
            value=Decimal(usd),
            currency="USD",
            value_date=day,
            usd=Decimal(usd),
            source_org=donor if src is None else None,
            source_activity=out[src] if src else None,
            destination_activity=out[dst] if dst else None,
            visibility=visibility,
            workflow=PUBLISHED,
            owner=owner,
        )

    flow("f1", "commitment", "1000000.00", "a1", day=date(2022, 3, 1))
    flow("f2", "commitment", "500000.00", "a2", day=date(2022, 6, 1))
    flow("f3", "commitment", "250000.00", "a3")
    flow("f4", "commitment", "300000.00", "a4")
    flow("f5", "commitment", str(SECRET_AMOUNT), "a7", visibility="owner", day=date(2024, 9, 1), owner=b_org)
    flow("f6", "disbursement", "400000.00", "a1")
    flow("f7", "commitment", "100000.00", "a3", src="a1")  # internal: counted when it entered a1
    flow("f8", "pledge", "900000.00", "a2")  # a promise, never money
    flow("f9", "commitment", "80000.00", "a8")  # into a draft: not published, not counted
    for name, pid in (("a1", "operative:62"), ("a2", "operative:3"), ("a5", "operative:62")):
        m.ParagraphLink.objects.create(activity=out[name], symbol="A/72/L.62", language="zh", pid=pid)
    assessment = m.Assessment.objects.create(
        ref="TEST-ass",
        state=_state("NGA"),
        assessor=a_org,
        date=date(2023, 1, 1),
        visibility="public",
        consent="public",
        workflow=PUBLISHED,
        owner=a_org,
    )
    out["r1"] = m.Recommendation.objects.create(
        ref="TEST-r1",
        assessment=assessment,
        theme="ftf",
        visibility="public",
        consent="public",
        workflow=PUBLISHED,
    )
    out["r2"] = m.Recommendation.objects.create(
        ref="TEST-r2",
        assessment=assessment,
        theme="human_rights",
        visibility="public",
        consent="public",
        workflow=PUBLISHED,
    )
    out["r2"].answered_by.add(out["a2"])
    out["r3"] = m.Recommendation.objects.create(
        ref="TEST-r3",
        assessment=assessment,
        theme="ict",
        visibility="public",
        consent="public",
        workflow=PUBLISHED,
    )
    m.AssistanceRequest.objects.create(
        ref="TEST-q1",
        state=_state("NGA"),
        date=date(2023, 2, 1),
        themes=["ftf"],
        recommendation=out["r1"],
        visibility="public",
        workflow=PUBLISHED,
    )
    m.AssistanceRequest.objects.create(
        ref="TEST-q2",
        state=_state("KEN"),
        date=date(2023, 2, 1),
        themes=["financing"],
        visibility="public",
        workflow=PUBLISHED,
    )
    m.AssistanceOffer.objects.create(
        ref="TEST-o1",
        provider=b_org,
        date=date(2023, 3, 1),
        themes=["ftf"],
        visibility="public",
        workflow=PUBLISHED,
    )
    return out


#: Worked out by hand from the rules of gcts.analyse.balance (published activities a1–a7 and a9).
EXPECTED = {
    "count": {
        "I": Decimal("1.5"),
        "II": Decimal("3.4"),
        "III": Decimal("0.6"),
        "IV": Decimal("1.5"),
        "unattributed": Decimal(1),
    },
    "committed": {
        "I": Decimal("1250000.00"),
        "II": Decimal("250000.00") + Decimal("120000.00") + SECRET_AMOUNT,
        "III": Decimal("180000.00"),
        "IV": Decimal("250000.00"),
    },
    "disbursed": {"I": Decimal("400000.00")},
}

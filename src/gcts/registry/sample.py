"""The sample registry a user sees on first start: built from public facts (the Compact entities, the four
pillars, the kinds of projects the Office and its partners run, real donors and currencies, beneficiaries in
all five regional groups), with invented figures — every record is marked ``synthetic``.

:func:`load_sample` is idempotent (nothing happens when synthetic activities exist) and takes a progress
callback like every long job (see the task queue's decision record).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction

from gcts.registry import rates
from gcts.registry.matching import match_all
from gcts.registry.models import (
    Activity,
    ActivityDocument,
    Assessment,
    AssistanceOffer,
    AssistanceRequest,
    BeneficiaryCountry,
    BeneficiaryRegion,
    Budget,
    Flow,
    FlowKind,
    Indicator,
    Match,
    MemberState,
    Organisation,
    ParagraphLink,
    Participation,
    PillarShare,
    Recommendation,
    Region,
    Result,
    ThemeShare,
    Visibility,
    Workflow,
)
from gcts.registry.shares import allocate

Progress = Callable[[int, int, str], None]
REVIEW = "A/RES/72/284"  # the sixth review; its draft A/72/L.62 is the library's reference text
PUBLISHED = Workflow.PUBLISHED


@dataclass(frozen=True)
class Project:
    """One sample activity: who runs it, for whom, under which pillars, themes and paragraphs, with what."""

    ref: str
    title_en: str
    title_zh: str
    reporter: str
    implementers: tuple[str, ...]
    donors: tuple[tuple[str, str, int], ...]  # (donor ref, currency, amount in that currency)
    states: tuple[str, ...]
    pillars: tuple[tuple[str, int], ...]
    themes: tuple[str, ...]
    paragraphs: tuple[int, ...]
    start: date
    end: date
    status: str = "2"
    region: str = ""
    visibility: str = Visibility.PUBLIC
    parent: str = ""
    spent_share: int = 40


PROJECTS: tuple[Project, ...] = (
    Project(
        "UNOCT-CTTP",
        "Countering Terrorist Travel Programme: advance passenger information and passenger name records",
        "打击恐怖分子旅行方案：预报旅客资料和旅客姓名记录",
        "UNOCT",
        ("UNOCT", "CTED", "ICAO", "INTERPOL", "UNODC", "OICT"),
        (("NLD", "EUR", 4_000_000), ("QAT", "USD", 3_000_000), ("JPN", "JPY", 250_000_000)),
        ("GHA", "MDV", "PHL", "MNG", "BWA", "TGO"),
        (("II", 100),),
        ("border_travel", "ftf"),
        (39, 66),
        date(2019, 5, 7),
        date(2027, 12, 31),
    ),
    Project(
        "UNOCT-CFT",
        "Global programme on detecting, preventing and countering the financing of terrorism",
        "侦查、预防和打击资助恐怖主义全球方案",
        "UNOCT",
        ("UNOCT", "UNODC", "CTED"),
        (("SAU", "USD", 2_500_000), ("DEU", "EUR", 1_200_000)),
        ("KAZ", "UZB", "KGZ", "TJK", "TKM"),
        (("II", 70), ("III", 30)),
        ("financing", "capacity_building"),
        (23, 66),
        date(2020, 1, 1),
        date(2026, 12, 31),
    ),
    Project(
        "UNOCT-VOT",
        "Victims of Terrorism Support Programme",
        "恐怖主义受害者支助方案",
        "UNOCT",
        ("UNOCT", "OHCHR"),
        (("ESP", "EUR", 900_000), ("ITA", "EUR", 500_000)),
        ("IRQ", "NGA", "ESP", "BEL", "COL"),
        (("I", 40), ("IV", 60)),
        ("victims", "human_rights"),
        (11, 66),
        date(2018, 9, 1),
        date(2026, 6, 30),
    ),
    Project(
        "UNOCT-VT",
        "Global programme on the protection of vulnerable targets against terrorist attacks",
        "保护脆弱目标免遭恐怖袭击全球方案",
        "UNOCT",
        ("UNOCT", "UNICRI", "UNAOC", "CTED"),
        (("QAT", "QAR", 5_000_000),),
        ("KEN", "MAR", "PER", "ROU"),
        (("II", 100),),
        ("critical_infrastructure",),
        (66, 67),
        date(2020, 3, 1),
        date(2025, 12, 31),
        "3",
    ),
    Project(
        "UNOCT-PVE-YOUTH",
        "Youth engagement and empowerment for preventing violent extremism",
        "青年参与和增强权能以防止暴力极端主义",
        "UNOCT",
        ("UNOCT", "UNESCO", "UNDP"),
        (("NOR", "NOK", 12_000_000), ("CAN", "CAD", 1_500_000)),
        ("MLI", "NER", "BFA", "TCD", "MRT"),
        (("I", 100),),
        ("pve", "youth", "education"),
        (13, 66, 70),
        date(2021, 1, 1),
        date(2026, 12, 31),
    ),
    Project(
        "UNODC-GPTP-SAHEL",
        "Strengthening criminal justice responses to terrorism in the Sahel",
        "加强萨赫勒地区对恐怖主义的刑事司法对策",
        "UNODC",
        ("UNODC",),
        (("FRA", "EUR", 3_000_000), ("EU", "EUR", 6_000_000)),
        ("MLI", "NER", "BFA", "TCD", "MRT"),
        (("II", 60), ("IV", 40)),
        ("criminal_justice", "human_rights"),
        (68, 69),
        date(2019, 1, 1),
        date(2025, 12, 31),
        "3",
    ),
    Project(
        "UNODC-CBRN",
        "Legal framework against chemical, biological, radiological and nuclear terrorism",
        "打击化学、生物、放射性和核恐怖主义的法律框架",
        "UNODC",
        ("UNODC", "UNODA", "GOE1540", "IAEA", "OPCW"),
        (("USA", "USD", 1_800_000), ("GBR", "GBP", 700_000)),
        ("ARM", "GEO", "MDA", "UKR", "SRB"),
        (("II", 100),),
        ("wmd",),
        (66,),
        date(2022, 2, 1),
        date(2026, 1, 31),
    ),
    Project(
        "UNDP-PVE-AFRICA",
        "Preventing violent extremism in Africa: regional programme",
        "在非洲防止暴力极端主义区域方案",
        "UNDP",
        ("UNDP",),
        (("SWE", "SEK", 40_000_000), ("DNK", "DKK", 25_000_000)),
        ("SOM", "KEN", "ETH", "UGA", "CMR"),
        (("I", 80), ("IV", 20)),
        ("pve", "conditions_conducive", "gender"),
        (13, 70),
        date(2016, 1, 1),
        date(2026, 12, 31),
        region="002",
    ),
    Project(
        "UNOCT-CT-TECH",
        "CT TECH: countering terrorist use of new technologies",
        "CT TECH：打击恐怖分子利用新技术",
        "UNOCT",
        ("UNOCT", "INTERPOL"),
        (("EU", "EUR", 5_000_000),),
        ("PHL", "IDN", "MYS", "THA", "BRA"),
        (("II", 70), ("IV", 30)),
        ("ict", "human_rights"),
        (42, 66),
        date(2021, 9, 1),
        date(2026, 8, 31),
    ),
    Project(
        "UNOCT-BORDER-CA",
        "Border security and management in Central Asia",
        "中亚边境安全和管理",
        "UNOCT",
        ("UNOCT", "IOM", "WCO"),
        (("CHN", "CNY", 20_000_000), ("RUS", "USD", 1_000_000)),
        ("KAZ", "KGZ", "TJK", "TKM", "UZB"),
        (("II", 100),),
        ("border_travel", "small_arms"),
        (66, 41),
        date(2020, 6, 1),
        date(2025, 5, 31),
        "3",
    ),
    Project(
        "UNICRI-REHAB",
        "Rehabilitation and reintegration of violent extremist offenders in prisons",
        "监狱中暴力极端主义罪犯的改造和重返社会",
        "UNICRI",
        ("UNICRI", "UNODC"),
        (("USA", "USD", 900_000),),
        ("IDN", "PHL", "TUN", "JOR"),
        (("I", 50), ("II", 50)),
        ("pve", "criminal_justice"),
        (66,),
        date(2022, 1, 1),
        date(2025, 12, 31),
    ),
    Project(
        "UNOCT-GENDER",
        "Mainstreaming gender in counter-terrorism: national strategies",
        "将性别观点纳入反恐主流：国家战略",
        "UNOCT",
        ("UNOCT", "UNWOMEN"),
        (("CAN", "CAD", 800_000), ("AUS", "AUD", 600_000)),
        ("JOR", "TUN", "KEN", "ECU", "FJI"),
        (("III", 50), ("IV", 50)),
        ("gender", "human_rights"),
        (70, 12),
        date(2023, 1, 1),
        date(2027, 12, 31),
        "2",
    ),
    Project(
        "UNOCT-CTED-TA",
        "Technical assistance following CTED's assessment visits",
        "反恐执行局评估访问后的技术援助",
        "UNOCT",
        ("UNOCT", "CTED", "UNODC"),
        (("KOR", "USD", 700_000), ("CHE", "CHF", 500_000)),
        ("MLI", "IRQ", "TUN", "PHL", "NIC"),
        (("III", 100),),
        ("capacity_building",),
        (74, 66, 41),
        date(2022, 7, 1),
        date(2026, 6, 30),
        visibility=Visibility.UN_ENTITIES,
    ),
    Project(
        "UNOCT-CTTP-GHA",
        "Countering Terrorist Travel: national deployment in Ghana",
        "打击恐怖分子旅行：在加纳的国家部署",
        "UNOCT",
        ("UNOCT", "ICAO"),
        (),
        ("GHA",),
        (("II", 100),),
        ("border_travel",),
        (66,),
        date(2021, 2, 1),
        date(2025, 12, 31),
        parent="UNOCT-CTTP",
    ),
)


def _org(ref: str) -> Organisation:
    return Organisation.objects.get(ref=ref)


def _title(en: str, zh: str) -> dict[str, str]:
    return {"en": en, "zh": zh}


def _year_periods(start: date, end: date) -> list[tuple[date, date]]:
    out = []
    for year in range(start.year, min(end.year, 2026) + 1):
        out.append((max(start, date(year, 1, 1)), min(end, date(year, 12, 31))))
    return out


def _activity(p: Project, counter: list[int]) -> Activity:
    from gcts.taxonomy import themes as theme_vocabulary

    reporter = _org(p.reporter)
    act = Activity.objects.create(
        ref=f"SAMPLE-{p.ref}",
        iati_identifier=f"{reporter.iati_id}-{p.ref}",
        title=_title(p.title_en, p.title_zh),
        description={"en": f"{p.title_en}. Sample record with invented figures (synthetic)."},
        reporting_org=reporter,
        owner=reporter,
        status=p.status,
        planned_start=p.start,
        actual_start=p.start,
        planned_end=p.end,
        default_currency="USD",
        visibility=p.visibility,
        workflow=PUBLISHED,
        synthetic=True,
        parent=Activity.objects.get(ref=f"SAMPLE-{p.parent}") if p.parent else None,
    )
    Participation.objects.bulk_create(
        [Participation(activity=act, organisation=_org(ref), role="4") for ref in p.implementers]
        + [Participation(activity=act, organisation=_org(d), role="1") for d, _c, _a in p.donors]
        + [Participation(activity=act, organisation=reporter, role="2")]
    )
    states = list(MemberState.objects.filter(iso3__in=p.states))
    shares = allocate(Decimal(80 if p.region else 100), [Decimal(1)] * len(states)) if states else []
    BeneficiaryCountry.objects.bulk_create(
        BeneficiaryCountry(activity=act, state=s, share=sh) for s, sh in zip(states, shares, strict=True)
    )
    if p.region:
        BeneficiaryRegion.objects.create(
            activity=act, region=Region.objects.get(code=p.region), share=Decimal(20)
        )
    PillarShare.objects.bulk_create(
        PillarShare(activity=act, pillar=k, share=Decimal(v)) for k, v in p.pillars
    )
    known = {t.id for t in theme_vocabulary()}
    themes = [t for t in p.themes if t in known]
    for t, sh in zip(themes, allocate(Decimal(100), [Decimal(1)] * len(themes)), strict=True):
        ThemeShare.objects.create(activity=act, theme=t, share=sh)
    for n in p.paragraphs:
        ParagraphLink.objects.create(activity=act, symbol=REVIEW, language="en", pid=f"operative:{n}")
    result = Result.objects.create(
        activity=act, type="1", title={"en": "Capacity built in the beneficiary States"}
    )
    Indicator.objects.create(
        result=result,
        title={"en": "Officials trained"},
        baseline_year=p.start.year,
        baseline=Decimal(0),
        target_year=p.end.year,
        target=Decimal(40 * len(p.states)),
        actual_year=min(p.end.year, 2025),
        actual=Decimal(25 * len(p.states)),
    )
    ActivityDocument.objects.create(
        activity=act,
        url="https://www.un.org/counterterrorism/",
        title={"en": "Office of Counter-Terrorism: programmes and projects"},
        category="A01",
        language="en",
    )
    _money(act, p, counter)
    return act


def _money(act: Activity, p: Project, counter: list[int]) -> None:
    table = rates.default_table()
    book = rates.book(table)

    def flow(**kw: object) -> Flow:
        counter[0] += 1
        f = Flow(ref=f"SAMPLE-F{counter[0]:05d}", workflow=PUBLISHED, synthetic=True, owner=act.owner, **kw)
        rates.convert(f, table, book)
        f.save()
        return f

    periods = _year_periods(p.start, p.end)
    total_usd = Decimal(0)
    for donor_ref, currency, amount in p.donors:
        donor = _org(donor_ref)
        value = Decimal(amount)
        pledge = flow(
            kind=FlowKind.PLEDGE,
            value=value * Decimal("1.2"),
            currency=currency,
            value_date=p.start,
            source_org=donor,
            destination_org=act.reporting_org,
            destination_activity=act,
            reported_by=act,
            description="pledge at the launch (synthetic)",
        )
        flow(
            kind=FlowKind.COMMITMENT,
            value=value,
            currency=currency,
            value_date=p.start,
            source_org=donor,
            destination_org=act.reporting_org,
            destination_activity=act,
            reported_by=act,
            fulfils=pledge,
        )
        for i, (start, _end) in enumerate(periods[:3]):
            part = (value / 3).quantize(Decimal("0.01"))
            hidden = {"value": Visibility.OWNER} if donor_ref == "SAU" and i == 0 else {}
            flow(
                kind=FlowKind.DISBURSEMENT,
                value=part,
                currency=currency,
                value_date=start,
                source_org=donor,
                destination_org=act.reporting_org,
                destination_activity=act,
                reported_by=act,
                field_visibility=hidden,
            )
        usd = book.to_usd(value, currency, p.start)
        total_usd += usd or Decimal(0)
    if p.parent:
        parent = Activity.objects.get(ref=f"SAMPLE-{p.parent}")
        flow(
            kind=FlowKind.DISBURSEMENT,
            value=Decimal(450_000),
            currency="USD",
            value_date=p.start,
            source_org=parent.reporting_org,
            source_activity=parent,
            destination_org=act.reporting_org,
            destination_activity=act,
            reported_by=parent,
            description="allocation to the national deployment",
        )
    for start, end in periods:
        yearly = (total_usd / max(len(periods), 1)).quantize(Decimal("0.01"))
        b = Budget(
            activity=act, period_start=start, period_end=end, value=yearly, currency="USD", value_date=start
        )
        rates.convert(b, table, book)
        b.save()
    for start, _end in periods[:2]:
        spent = (total_usd * p.spent_share / 100 / 2).quantize(Decimal("0.01"))
        if spent > 0:
            flow(
                kind=FlowKind.EXPENDITURE,
                value=spent,
                currency="USD",
                value_date=start,
                source_activity=act,
                source_org=act.reporting_org,
                destination_name="training, experts and equipment (synthetic)",
                reported_by=act,
            )


def _assessments() -> None:
    cted = _org("CTED")
    facts = (
        # (State, date, consent, recommendations: (theme, pillar, priority, visibility, paragraph, text))
        (
            "MLI",
            date(2023, 3, 14),
            Visibility.UN_ENTITIES,
            (
                (
                    "border_travel",
                    "II",
                    "high",
                    Visibility.UN_ENTITIES,
                    66,
                    "Establish an advance passenger information system at the main international airport.",
                ),
                (
                    "criminal_justice",
                    "II",
                    "high",
                    Visibility.OWNER,
                    68,
                    "Review the terrorism offences of the penal code against the international instruments.",
                ),
                (
                    "victims",
                    "IV",
                    "medium",
                    Visibility.PUBLIC,
                    11,
                    "Adopt a national framework of assistance to victims of terrorism.",
                ),
            ),
        ),
        (
            "PHL",
            date(2022, 10, 3),
            Visibility.MEMBER_STATES,
            (
                (
                    "financing",
                    "II",
                    "high",
                    Visibility.MEMBER_STATES,
                    23,
                    "Strengthen the financial intelligence unit's analysis of terrorism financing risks.",
                ),
                (
                    "ict",
                    "II",
                    "medium",
                    Visibility.OWNER,
                    42,
                    "Set up a unit to counter terrorist content online with human rights safeguards.",
                ),
            ),
        ),
        (
            "TUN",
            date(2024, 5, 20),
            Visibility.OWNER,
            (
                (
                    "pve",
                    "I",
                    "medium",
                    Visibility.OWNER,
                    13,
                    "Engage youth and civil society in the national strategy against violent extremism.",
                ),
            ),
        ),
    )
    for iso3, when, consent, recs in facts:
        state = MemberState.objects.get(iso3=iso3)
        a = Assessment.objects.create(
            ref=f"SAMPLE-CTED-{iso3}-{when.year}",
            state=state,
            assessor=cted,
            date=when,
            consent=consent,
            title={"en": f"Assessment visit to {state.name('en')} ({when.year})"},
            owner=cted,
            visibility=Visibility.OWNER,
            workflow=PUBLISHED,
            synthetic=True,
        )
        for i, (theme, pillar, priority, vis, para, text) in enumerate(recs, start=1):
            r = Recommendation.objects.create(
                ref=f"{a.ref}-R{i}",
                assessment=a,
                text={"en": text},
                theme=theme,
                pillar=pillar,
                priority=priority,
                visibility=vis,
                workflow=PUBLISHED,
                owner=cted,
                synthetic=True,
            )
            ParagraphLink.objects.create(recommendation=r, symbol=REVIEW, pid=f"operative:{para}")
            if theme == "border_travel":
                r.answered_by.add(Activity.objects.get(ref="SAMPLE-UNOCT-CTTP"))


def _assistance() -> None:
    requests = (
        ("MLI", ("border_travel", "ftf"), "II", (66,), "Help to deploy advance passenger information."),
        ("IRQ", ("victims",), "IV", (11,), "Support for a national victims' assistance law."),
        ("KGZ", ("financing",), "II", (23,), "Training of the financial intelligence unit."),
        ("ECU", ("gender", "pve"), "I", (70,), "Gender-sensitive prevention programme."),
        ("FJI", ("critical_infrastructure",), "II", (67,), "Protection of tourist sites."),
    )
    offers = (
        ("UNOCT", (), ("border_travel",), "II", (66,), "Countering Terrorist Travel Programme deployment."),
        ("UNODC", ("MLI", "NER", "BFA"), ("criminal_justice", "ftf"), "II", (68,), "Prosecutors' training."),
        ("UNOCT", (), ("victims", "human_rights"), "IV", (11,), "Model legislation on victims' assistance."),
        ("UNWOMEN", (), ("gender",), "IV", (70,), "Gender analysis for national strategies."),
        (
            "NOR",
            ("KGZ", "KAZ", "UZB"),
            ("financing",),
            "II",
            (23,),
            "Bilateral expert secondments (financing).",
        ),
    )
    reqs = []
    for i, (iso3, themes, pillar, paras, text) in enumerate(requests, start=1):
        state = MemberState.objects.get(iso3=iso3)
        r = AssistanceRequest.objects.create(
            ref=f"SAMPLE-REQ-{i:03d}",
            state=state,
            date=date(2024, i, 10),
            themes=list(themes),
            pillar=pillar,
            description={"en": text},
            owner=Organisation.objects.get(state=state),
            visibility=Visibility.MEMBER_STATES,
            workflow=PUBLISHED,
            synthetic=True,
        )
        for n in paras:
            ParagraphLink.objects.create(request=r, symbol=REVIEW, pid=f"operative:{n}")
        reqs.append(r)
    offs = []
    for i, (ref, for_states, themes, pillar, paras, text) in enumerate(offers, start=1):
        org = _org(ref)
        o = AssistanceOffer.objects.create(
            ref=f"SAMPLE-OFF-{i:03d}",
            provider=org,
            date=date(2024, i, 1),
            themes=list(themes),
            pillar=pillar,
            description={"en": text},
            owner=org,
            visibility=Visibility.PUBLIC,
            workflow=PUBLISHED,
            synthetic=True,
        )
        o.states.set(MemberState.objects.filter(iso3__in=for_states))
        for n in paras:
            ParagraphLink.objects.create(offer=o, symbol=REVIEW, pid=f"operative:{n}")
        offs.append(o)
    refresh_matches()


def refresh_matches(minimum: float = 0.3) -> int:
    """Propose matches for every open request and offer (kept: matches people accepted or declined)."""
    from gcts.registry.assistance import needs, offers_as_help

    reqs = {r.pk: r for r in AssistanceRequest.objects.filter(open=True)}
    offs = {o.pk: o for o in AssistanceOffer.objects.filter(open=True)}
    proposals = match_all(needs(reqs.values()), offers_as_help(offs.values()), minimum)
    Match.objects.filter(status="proposed").delete()
    keep = set(Match.objects.values_list("request_id", "offer_id"))
    Match.objects.bulk_create(
        Match(
            request_id=p.need,
            offer_id=p.help,
            score=p.score,
            reasons=[{"rule": r.rule, "weight": r.weight, "values": list(r.values)} for r in p.reasons],
        )
        for p in proposals
        if (p.need, p.help) not in keep
    )
    return len(proposals)


def load_sample(progress: Progress | None = None, *, force: bool = False) -> int:
    """Load the sample registry unless synthetic activities exist (or ``force``); the activities made."""
    if not force and Activity.objects.filter(synthetic=True).exists():
        return 0
    with transaction.atomic():
        counter = [Flow.objects.count()]
        for i, p in enumerate(PROJECTS):
            if progress:
                progress(i, len(PROJECTS), p.ref)
            _activity(p, counter)
        _assessments()
        _assistance()
        from gcts.registry.lineage import relink_all

        relink_all()
    if progress:
        progress(len(PROJECTS), len(PROJECTS), "")
    return len(PROJECTS)

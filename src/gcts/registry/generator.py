# mypy: disable-error-code="attr-defined,union-attr"
"""Large synthetic registries for benchmarks: activities with pillar and theme shares, beneficiary countries
in every regional group, paragraph links and flows (pledges, commitments, disbursements, expenditure, some
internal). Every record is marked ``synthetic``. Written with bulk inserts in batches; a progress callback
reports each batch (a plain function, fit for the task queue)."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from gcts.registry import rates
from gcts.registry.models import (
    Activity,
    BeneficiaryCountry,
    Flow,
    FlowKind,
    MemberState,
    Organisation,
    ParagraphLink,
    PillarShare,
    ThemeShare,
    Visibility,
    Workflow,
)
from gcts.registry.shares import even_shares
from gcts.taxonomy import themes

Progress = Callable[[int, int, str], None]
BATCH = 5000
CURRENCIES = ("USD", "EUR", "GBP", "NOK", "JPY", "CAD", "CHF", "SEK")
WORDS = (
    "border",
    "financing",
    "victims",
    "youth",
    "prison",
    "aviation",
    "cyber",
    "justice",
    "community",
    "prevention",
    "gender",
    "maritime",
    "biometrics",
    "sanctions",
    "strategy",
    "rehabilitation",
)


def generate(
    n_activities: int, n_flows: int, *, seed: int = 1, progress: Progress | None = None
) -> tuple[int, int]:
    """Add ``n_activities`` activities and ``n_flows`` flows; (activities, flows) made."""
    rng = random.Random(seed)
    orgs = list(Organisation.objects.exclude(kind=Organisation.KIND_STATE))
    donors = list(Organisation.objects.filter(kind=Organisation.KIND_STATE, iati_id_minted=False)) or orgs
    states = list(MemberState.objects.all())
    theme_ids = [t.id for t in themes()]
    table = rates.default_table()
    book = rates.book(table)
    start_id = (Activity.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    tag = f"GEN{seed}-{start_id}"
    made_acts: list[int] = []
    total = n_activities + n_flows
    with transaction.atomic():
        for lo in range(0, n_activities, BATCH):
            batch = []
            for i in range(lo, min(lo + BATCH, n_activities)):
                reporter = rng.choice(orgs)
                start = date(2016, 1, 1) + timedelta(days=rng.randrange(3650))
                words = " ".join(rng.sample(WORDS, 3))
                batch.append(
                    Activity(
                        ref=f"{tag}-A{i}",
                        iati_identifier=f"{reporter.iati_id}-{tag}-{i}",
                        title={"en": f"Synthetic {words} project {i}"},
                        reporting_org=reporter,
                        owner=reporter,
                        status=rng.choice("12234"),
                        planned_start=start,
                        planned_end=start + timedelta(days=1460),
                        visibility=rng.choices(list(Visibility.values), weights=(80, 8, 8, 4))[0],
                        workflow=rng.choices(list(Workflow.values), weights=(5, 5, 90))[0],
                        synthetic=True,
                        search_text=f"synthetic {words} project {i}",
                    )
                )
            made = Activity.objects.bulk_create(batch, batch_size=BATCH)
            ids = [a.pk for a in made]
            made_acts += ids
            pillars, theme_rows, countries, links = [], [], [], []
            for a in ids:
                ps = rng.sample(["I", "II", "III", "IV"], rng.choice((1, 1, 2, 3)))
                pillars += [
                    PillarShare(activity_id=a, pillar=p, share=s)
                    for p, s in zip(ps, even_shares(len(ps)), strict=True)
                ]
                ts = rng.sample(theme_ids, rng.choice((1, 2, 3)))
                theme_rows += [
                    ThemeShare(activity_id=a, theme=t, share=s)
                    for t, s in zip(ts, even_shares(len(ts)), strict=True)
                ]
                cs = rng.sample(states, rng.choice((1, 1, 2, 4)))
                countries += [
                    BeneficiaryCountry(activity_id=a, state=c, share=s)
                    for c, s in zip(cs, even_shares(len(cs)), strict=True)
                ]
                links.append(
                    ParagraphLink(
                        activity_id=a, symbol="A/RES/72/284", pid=f"operative:{rng.randrange(1, 86)}"
                    )
                )
            PillarShare.objects.bulk_create(pillars, batch_size=BATCH)
            ThemeShare.objects.bulk_create(theme_rows, batch_size=BATCH)
            BeneficiaryCountry.objects.bulk_create(countries, batch_size=BATCH)
            ParagraphLink.objects.bulk_create(links, batch_size=BATCH)
            if progress:
                progress(len(made_acts), total, "activities")
        made_flows = 0
        kinds = (
            FlowKind.PLEDGE,
            FlowKind.COMMITMENT,
            FlowKind.DISBURSEMENT,
            FlowKind.DISBURSEMENT,
            FlowKind.DISBURSEMENT,
            FlowKind.EXPENDITURE,
        )
        for lo in range(0, n_flows, BATCH):
            batch_f = []
            for i in range(lo, min(lo + BATCH, n_flows)):
                kind = rng.choice(kinds)
                act = rng.choice(made_acts) if made_acts else None
                value = Decimal(rng.randrange(1000, 5_000_000))
                currency = rng.choice(CURRENCIES)
                when = date(2016, 1, 1) + timedelta(days=rng.randrange(3650))
                internal = kind == FlowKind.DISBURSEMENT and rng.random() < 0.1 and len(made_acts) > 1
                f = Flow(
                    ref=f"{tag}-F{i}",
                    kind=kind,
                    value=value,
                    currency=currency,
                    value_date=when,
                    visibility=Visibility.PUBLIC,
                    workflow=Workflow.PUBLISHED,
                    synthetic=True,
                    source_org=rng.choice(donors) if kind != FlowKind.EXPENDITURE else None,
                )
                if kind == FlowKind.EXPENDITURE:
                    f.source_activity_id = act
                    f.destination_name = "supplier (synthetic)"
                else:
                    f.destination_activity_id = act
                    if internal:
                        f.source_activity_id = rng.choice(made_acts)
                rates.convert(f, table, book)
                batch_f.append(f)
            Flow.objects.bulk_create(batch_f, batch_size=BATCH)
            made_flows += len(batch_f)
            if progress:
                progress(len(made_acts) + made_flows, total, "flows")
    return len(made_acts), made_flows

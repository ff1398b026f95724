"""Storing a validated spreadsheet: all or nothing, in one transaction.

Reads: a :class:`~gcts.registry.importing.sheets.Workbook`, the importing person's
:class:`~gcts.registry.visibility.Viewer` · Writes: activities with their participants, beneficiaries, shares,
paragraph links, budgets and flows — or nothing. With errors nothing is stored unless ``valid_only`` asks
explicitly for the activities without errors; the report lists every issue either way.

A long import is a plain function with a progress callback (``progress(done, total, what)``), so it can run on
the task queue as well as on the command line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import models, transaction

from gcts.registry import rates
from gcts.registry.importing import rules
from gcts.registry.importing.rules import Issue
from gcts.registry.importing.schema import LANGS, TRANSACTION_KINDS
from gcts.registry.importing.sheets import Workbook
from gcts.registry.importing.template import codelists
from gcts.registry.importing.validate import Lookups, Parsed, Row, validate
from gcts.registry.lineage import relink_all
from gcts.registry.models import (
    Activity,
    BeneficiaryCountry,
    BeneficiaryRegion,
    Budget,
    Flow,
    MemberState,
    Organisation,
    ParagraphLink,
    Participation,
    PillarShare,
    Region,
    ThemeShare,
    Visibility,
    Workflow,
)
from gcts.registry.visibility import Viewer, visible

Progress = Callable[[int, int, str], None]
SHEET_MODELS: dict[str, type[models.Model]] = {
    "participants": Participation,
    "countries": BeneficiaryCountry,
    "regions": BeneficiaryRegion,
    "pillars": PillarShare,
    "themes": ThemeShare,
    "paragraphs": ParagraphLink,
    "budgets": Budget,
}


@dataclass
class ImportReport:
    """What an import did (or would do): stored and left-out activities, every issue, the rule set."""

    issues: list[Issue] = field(default_factory=list)
    stored: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    dry_run: bool = False
    rule_set: str = field(default_factory=rules.version)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == rules.ERROR]

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "rule_set": self.rule_set,
            "dry_run": self.dry_run,
            "stored": self.stored,
            "left_out": self.left_out,
            "issues": [i.to_dict(lang) for i in self.issues],
        }


def stable_ref(prefix: str, key: str) -> str:
    """A record id from a key: the key itself when short, else a digest (ids are at most 120 characters)."""
    text = f"{prefix}{key}"
    return text if len(text) <= 120 else f"{prefix}{hashlib.sha1(key.encode()).hexdigest()}"


def lookups(viewer: Viewer) -> Lookups:
    """What validation needs from the store, for this importer."""
    org_ids: dict[str, str] = {}
    for ref, iati_id in Organisation.objects.values_list("ref", "iati_id"):
        org_ids[ref.upper()] = ref
        org_ids[iati_id.upper()] = ref
    own = set(Organisation.objects.filter(pk__in=viewer.organisations).values_list("ref", flat=True))
    anyone = viewer.role in ("administrator", "coordinator")
    table = rates.default_table()
    book = rates.book(table)
    paragraph_model = _paragraph_model()

    def paragraph_known(symbol: str, pid: str) -> bool:
        if paragraph_model is None:
            return False
        return paragraph_model._default_manager.filter(
            models.Q(document__symbol=symbol) | models.Q(document__adopted_as=symbol), pid=pid
        ).exists()

    lists = {k: frozenset(v) for k, v in codelists().items()}
    return Lookups(
        organisations=org_ids,
        states=frozenset(MemberState.objects.values_list("iso3", flat=True)),
        regions=frozenset(Region.objects.filter(kind=Region.KIND_M49).values_list("code", flat=True)),
        activities=frozenset(
            visible(Activity.objects.all(), viewer).values_list("iati_identifier", flat=True)
        ),
        codelists=lists,
        may_report=(lambda ref: True) if anyone else (lambda ref: ref in own),
        has_rate=lambda currency, on: book.rate(currency, on) is not None,
        paragraph_known=paragraph_known,
    )


def _paragraph_model() -> Any:
    from django.apps import apps

    try:
        return apps.get_model("library", "Paragraph")
    except LookupError:
        return None


def import_workbook(
    book: Workbook,
    viewer: Viewer,
    *,
    valid_only: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    user: Any = None,
) -> ImportReport:
    """Validate ``book`` and store it whole (or, with ``valid_only``, its activities without errors)."""
    parsed = validate(book, lookups(viewer))
    report = ImportReport(issues=parsed.issues, dry_run=dry_run)
    invalid = parsed.invalid_keys()
    if report.errors and not valid_only:
        report.left_out = sorted(parsed.activities)
        return report
    keep = [k for k in parsed.activities if k not in invalid]
    report.left_out = sorted(invalid & set(parsed.activities))
    if dry_run:
        report.stored = keep
        return report
    with transaction.atomic():
        _store(parsed, keep, set(book.sheets), progress, user)
    report.stored = keep
    return report


def _by_key(parsed: Parsed, sheet: str, keep: set[str]) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = {}
    for row in parsed.rows.get(sheet, []):
        if row.key in keep:
            out.setdefault(row.key, []).append(row)
    return out


def _store(
    parsed: Parsed, keep_list: list[str], present: set[str], progress: Progress | None, user: Any
) -> None:
    """Write the kept activities; of an existing activity, the rows of the sheets ``present`` are replaced
    (a form that edits pillars leaves the budgets alone)."""
    keep = set(keep_list)
    orgs = {o.ref: o for o in Organisation.objects.all()}
    states = {s.iso3: s for s in MemberState.objects.all()}
    regions = {r.code: r for r in Region.objects.filter(kind=Region.KIND_M49)}
    table = rates.default_table()
    book = rates.book(table)
    sheets = {
        name: _by_key(parsed, name, keep)
        for name in (
            "participants",
            "countries",
            "regions",
            "pillars",
            "themes",
            "paragraphs",
            "transactions",
            "budgets",
        )
    }
    acts: dict[str, Activity] = {}
    for i, key in enumerate(keep_list):
        if progress:
            progress(i, len(keep_list), key)
        v = parsed.activities[key].values
        reporter = orgs[v["reporting_org"]]
        act = Activity.objects.filter(iati_identifier=key).first() or Activity(
            iati_identifier=key, ref=stable_ref("", key), created_by=user
        )
        act.title = {lang: v[f"title_{lang}"] for lang in LANGS if v.get(f"title_{lang}")}
        act.description = {"en": v["description_en"]} if v.get("description_en") else {}
        act.reporting_org = reporter
        act.owner = act.owner or reporter
        act.status = v["status"]
        for f in ("planned_start", "planned_end", "actual_start", "actual_end"):
            setattr(act, f, v.get(f))
        act.default_currency = v.get("currency") or "USD"
        act.visibility = v.get("visibility") or Visibility.PUBLIC
        if act.workflow == "":
            act.workflow = Workflow.DRAFT
        act.save()
        for sheet, model in SHEET_MODELS.items():
            if sheet in present:
                model._default_manager.filter(activity=act).delete()
        if "transactions" in present:
            Flow.objects.filter(reported_by=act).delete()
        acts[key] = act
        Participation.objects.bulk_create(
            Participation(activity=act, organisation=orgs[r.values["organisation"]], role=r.values["role"])
            for r in sheets["participants"].get(key, [])
        )
        BeneficiaryCountry.objects.bulk_create(
            BeneficiaryCountry(activity=act, state=states[r.values["country"]], share=r.values["share"])
            for r in sheets["countries"].get(key, [])
        )
        BeneficiaryRegion.objects.bulk_create(
            BeneficiaryRegion(activity=act, region=regions[r.values["region"]], share=r.values["share"])
            for r in sheets["regions"].get(key, [])
        )
        PillarShare.objects.bulk_create(
            PillarShare(activity=act, pillar=r.values["pillar"], share=r.values["share"])
            for r in sheets["pillars"].get(key, [])
        )
        ThemeShare.objects.bulk_create(
            ThemeShare(activity=act, theme=r.values["theme"], share=r.values["share"])
            for r in sheets["themes"].get(key, [])
        )
        for r in sheets["paragraphs"].get(key, []):
            ParagraphLink.objects.create(activity=act, symbol=r.values["symbol"], pid=r.values["paragraph"])
        for r in sheets["budgets"].get(key, []):
            b = Budget(
                activity=act,
                period_start=r.values["period_start"],
                period_end=r.values["period_end"],
                value=r.values["value"],
                currency=r.values["currency"],
                value_date=r.values["period_start"],
            )
            rates.convert(b, table, book)
            b.save()
    for key, act in acts.items():
        parent = parsed.activities[key].values.get("parent")
        if parent:
            act.parent = acts.get(parent) or Activity.objects.get(iati_identifier=parent)
            act.save(update_fields=["parent"])
    for key, act in acts.items():
        for n, r in enumerate(sheets["transactions"].get(key, []), start=1):
            _flow(act, r, n, orgs, acts, table, book)
    relink_all(ParagraphLink.objects.filter(activity__in=list(acts.values())))
    if progress:
        progress(len(keep_list), len(keep_list), "")


def _flow(
    act: Activity,
    r: Row,
    n: int,
    orgs: dict[str, Organisation],
    acts: dict[str, Activity],
    table: Any,
    book: Any,
) -> None:
    v = r.values
    _code, kind, incoming = TRANSACTION_KINDS[v["kind"]]

    def activity(ref: str | None) -> Activity | None:
        return (acts.get(ref) or Activity.objects.filter(iati_identifier=ref).first()) if ref else None

    other_org = orgs.get(str((v.get("source_org") if incoming else v.get("destination_org")) or ""))
    other_act = activity(v.get("source_activity") if incoming else v.get("destination_activity"))
    ends: dict[str, Any] = (
        {
            "source_org": other_org or (other_act.reporting_org if other_act else None),
            "source_activity": other_act,
            "destination_org": act.reporting_org,
            "destination_activity": act,
        }
        if incoming
        else {
            "source_org": act.reporting_org,
            "source_activity": act,
            "destination_org": other_org or (other_act.reporting_org if other_act else None),
            "destination_activity": other_act,
        }
    )
    value: Decimal = v["value"]
    when: date = v["value_date"]
    # the same flow reported by its other end is stored once (FTS rule: one flow, two reporters)
    if (
        other_act is not None
        and Flow.objects.filter(
            kind=kind,
            value=value,
            currency=v["currency"],
            value_date=when,
            source_activity=ends["source_activity"],
            destination_activity=ends["destination_activity"],
        )
        .exclude(reported_by=act)
        .exists()
    ):
        return
    f = Flow(
        ref=stable_ref("F-", f"{act.iati_identifier}-{n}"),
        kind=kind,
        value=value,
        currency=v["currency"],
        value_date=when,
        transaction_date=when,
        description=v.get("description") or "",
        reported_by=act,
        owner=act.owner,
        visibility=act.visibility,
        workflow=act.workflow,
        **ends,
    )
    rates.convert(f, table, book)
    f.save()

# mypy: disable-error-code="attr-defined,union-attr"
"""IATI activity XML into the registry: 2.0x files and the older 1.x shapes of the shipped samples.

Parsed safely (lxml without entity resolution, network or DTD; a document type declaration is refused, which
stops entity bombs), stored in one transaction — a file that fails anywhere leaves the store as it was.
Codes that older files spell as words (``role="Funding"``, ``type="disbursement"``) are mapped; what the
registry cannot hold (DAC sectors, locations …) is counted in the notes, never guessed. Organisations unknown
to the registry are added with their IATI identifier, or a minted one when the file gives none.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from lxml import etree

from gcts.errors import InputError
from gcts.registry import rates
from gcts.registry.iati_out import PARAGRAPH_VOCABULARY, PILLAR_VOCABULARY, THEME_VOCABULARY, XML_LANG
from gcts.registry.importing.schema import TRANSACTION_KINDS
from gcts.registry.importing.store import stable_ref
from gcts.registry.lineage import relink_all
from gcts.registry.models import (
    Activity,
    ActivityDocument,
    BeneficiaryCountry,
    BeneficiaryRegion,
    Budget,
    Flow,
    Indicator,
    MemberState,
    Organisation,
    ParagraphLink,
    Participation,
    PillarShare,
    Region,
    RelatedActivity,
    Result,
    ThemeShare,
    Workflow,
)
from gcts.registry.reference import MINTED_PREFIX
from gcts.registry.shares import even_shares
from gcts.registry.visibility import Viewer

Progress = Callable[[int, int, str], None]
MAX_BYTES = 50 * 1024 * 1024
ROLE_WORDS = {"funding": "1", "donor": "1", "accountable": "2", "extending": "3", "implementing": "4"}
STATUS_WORDS = {
    "pipeline": "1",
    "identification": "1",
    "implementation": "2",
    "operational": "2",
    "ongoing": "2",
    "completion": "3",
    "finalisation": "3",
    "closed": "4",
    "post-completion": "4",
    "operationally closed": "4",
    "cancelled": "5",
    "suspended": "6",
}
DATE_WORDS = {
    "start-planned": "1",
    "start-actual": "2",
    "start": "2",
    "end-planned": "3",
    "end-actual": "4",
    "end": "4",
    "completion": "4",
}
DATE_FIELDS = {"1": "planned_start", "2": "actual_start", "3": "planned_end", "4": "actual_end"}
TRANSACTION_WORDS = {
    "if": "1",
    "incoming funds": "1",
    "contribution": "1",
    "c": "2",
    "commitment": "2",
    "d": "3",
    "disbursement": "3",
    "e": "4",
    "expenditure": "4",
    "ic": "11",
}
BY_CODE = {code: (name, kind, incoming) for name, (code, kind, incoming) in TRANSACTION_KINDS.items()}
ORG_KINDS = {
    "10": Organisation.KIND_STATE,
    "40": Organisation.KIND_UN,
    "21": Organisation.KIND_CSO,
    "22": Organisation.KIND_CSO,
    "23": Organisation.KIND_CSO,
    "24": Organisation.KIND_CSO,
}


@dataclass
class IatiImport:
    stored: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def parse(data: bytes, label: str = "file") -> etree._Element:
    """The XML root, parsed safely; InputError with the line for anything malformed or dangerous."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{label}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(
            f"{label}: not well-formed XML: {exc.msg}", line=int(exc.lineno or 0) or None
        ) from exc
    if root.getroottree().docinfo.doctype:
        raise InputError(f"{label}: a document type declaration is not accepted in IATI files")
    if root.tag not in ("iati-activities", "iati-activity"):
        raise InputError(
            f"{label}: the root element is <{root.tag}>, not <iati-activities>",
            line=_line(root),
        )
    return root


def _line(el: etree._Element) -> int | None:
    line = getattr(el, "sourceline", None)
    return line if isinstance(line, int) else None


def _text(el: etree._Element | None) -> str:
    if el is None:
        return ""
    return " ".join("".join(str(x) for x in el.itertext()).split())


def _texts(el: etree._Element | None, default_lang: str) -> dict[str, str]:
    """Narratives (2.x) or the element's own text (1.x), by language."""
    if el is None:
        return {}
    out: dict[str, str] = {}
    narratives = el.findall("narrative")
    for n in narratives or [el]:
        text = _text(n)
        if text and text != "-":
            out.setdefault((n.get(XML_LANG) or el.get(XML_LANG) or default_lang).split("-")[0], text)
    return out


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def _decimal(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip().replace(",", ""))
    except (InvalidOperation, AttributeError):
        return None
    return value.quantize(Decimal("0.01")) if value.is_finite() else None


def _clean_ref(ref: str | None) -> str:
    return (ref or "").strip().strip("'").strip()


@dataclass
class _Pending:
    """A flow whose other end is an activity later in the file: linked (or merged) once all are stored."""

    flow: Flow
    ref: str
    incoming: bool


class _Orgs:
    """Organisations by IATI identifier or name, adding the unknown ones."""

    def __init__(self) -> None:
        self.by_id = {o.iati_id.upper(): o for o in Organisation.objects.all()}
        self.by_name = {o.name("en").upper(): o for o in self.by_id.values()}
        self.added = 0

    def get(self, el: etree._Element | None, default_lang: str) -> Organisation | None:
        if el is None:
            return None
        ref = _clean_ref(el.get("ref"))
        name = next(iter(_texts(el, default_lang).values()), "")
        if ref and ref.upper() in self.by_id:
            return self.by_id[ref.upper()]
        if name and name.upper() in self.by_name:
            return self.by_name[name.upper()]
        if not ref and not name:
            return None
        slug = re.sub(r"[^A-Za-z0-9]+", "-", ref or name).strip("-")[:60] or "ORG"
        iati_id = ref or f"{MINTED_PREFIX}{slug}"
        org_ref = stable_ref("IATI-", slug)
        while Organisation.objects.filter(ref=org_ref).exists() or iati_id.upper() in self.by_id:
            slug += "-" + hashlib.sha1((ref + name).encode()).hexdigest()[:6]
            org_ref, iati_id = (
                stable_ref("IATI-", slug),
                (ref + "-" + slug[-6:]) if ref else f"{MINTED_PREFIX}{slug}",
            )
        org = Organisation.objects.create(
            ref=org_ref,
            kind=ORG_KINDS.get(el.get("type") or "", Organisation.KIND_OTHER),
            names={"en": name or ref},
            iati_id=iati_id,
            iati_id_minted=not ref,
        )
        self.by_id[iati_id.upper()] = org
        if name:
            self.by_name[name.upper()] = org
        self.added += 1
        return org


def import_iati(
    data: bytes, viewer: Viewer, *, label: str = "file", progress: Progress | None = None
) -> IatiImport:
    """Import every ``iati-activity`` of ``data`` in one transaction."""
    root = parse(data, label)
    elements = [root] if root.tag == "iati-activity" else root.findall("iati-activity")
    result = IatiImport()
    skipped: dict[str, int] = {}
    with transaction.atomic():
        orgs = _Orgs()
        table = rates.default_table()
        book = rates.book(table)
        pending: list[_Pending] = []
        for i, el in enumerate(elements):
            if progress:
                progress(i, len(elements), label)
            act = _activity(el, orgs, table, book, skipped, i, label, pending)
            result.stored.append(act.iati_identifier)
        _resolve(pending)
        relink_all(ParagraphLink.objects.filter(activity__iati_identifier__in=result.stored))
    if orgs.added:
        result.notes.append(f"{orgs.added} organisations added")
    for what, n in sorted(skipped.items()):
        result.notes.append(f"{n} {what} not held by the registry")
    return result


def _resolve(pending: list[_Pending]) -> None:
    """Link each pending flow to its other activity, or drop it when that end reported the same flow."""
    for p in pending:
        other = Activity.objects.filter(iati_identifier=p.ref).first()
        if other is None:
            continue
        f = p.flow
        end = "source_activity" if p.incoming else "destination_activity"
        same = Flow.objects.filter(
            kind=f.kind,
            value=f.value,
            currency=f.currency,
            value_date=f.value_date,
            **{end: other},
            **(
                {"destination_activity": f.destination_activity}
                if p.incoming
                else {"source_activity": f.source_activity}
            ),
        ).exclude(pk=f.pk)
        if same.exists():
            f.delete()
        else:
            setattr(f, end, other)
            f.save(update_fields=[end])


def _reporter_fallback(el: etree._Element, orgs: _Orgs, lang: str) -> Organisation | None:
    """Old files may lack reporting-org: take the accountable, extending or funding participant, else the
    owner of the other identifier (as the file names it)."""
    by_role: dict[str, etree._Element] = {}
    for p in el.findall("participating-org"):
        role = p.get("role", "")
        by_role.setdefault(role if role in {"1", "2", "3", "4"} else ROLE_WORDS.get(role.lower(), ""), p)
    for role in ("2", "3", "1"):
        if role in by_role and (org := orgs.get(by_role[role], lang)):
            return org
    other = el.find("other-identifier")
    if other is not None and (other.get("owner-ref") or other.get("owner-name")):
        stand_in = etree.Element("reporting-org", ref=_clean_ref(other.get("owner-ref")))
        _sub_text = other.get("owner-name") or ""
        stand_in.text = _sub_text
        return orgs.get(stand_in, lang)
    return None


def _identifier(el: etree._Element, reporter: Organisation | None, index: int, label: str) -> str:
    ident = _text(el.find("iati-identifier"))
    if ident:
        return ident
    other = _clean_ref(_text(el.find("other-identifier")))
    prefix = reporter.iati_id if reporter else "GCTS"
    if other:
        return f"{prefix}-{other}"
    digest = hashlib.sha1(etree.tostring(el)).hexdigest()[:12]
    return f"{prefix}-{label.rsplit('/', 1)[-1]}-{index}-{digest}"


def _activity(
    el: etree._Element,
    orgs: _Orgs,
    table: Any,
    book: Any,
    skipped: dict[str, int],
    index: int,
    label: str,
    pending: list[_Pending],
) -> Activity:
    lang = (el.get(XML_LANG) or "en").split("-")[0]
    currency = (el.get("default-currency") or "USD").upper()[:3]
    reporter = orgs.get(el.find("reporting-org"), lang) or _reporter_fallback(el, orgs, lang)
    ident = _identifier(el, reporter, index, label)
    if reporter is None:
        raise InputError(f"{label}: activity {ident} has no reporting organisation", line=_line(el))
    act = Activity.objects.filter(iati_identifier=ident).first() or Activity(
        iati_identifier=ident, ref=stable_ref("", ident)
    )
    act.title = _texts(el.find("title"), lang) or {lang: ident}
    act.description = _texts(el.find("description"), lang)
    act.reporting_org = reporter
    act.owner = act.owner or reporter
    act.language = lang
    act.default_currency = currency
    status_el = el.find("activity-status")
    raw_status = ""
    if status_el is not None:
        raw_status = status_el.get("code") or status_el.get("ref") or _text(status_el)
    act.status = (
        raw_status
        if raw_status in DATE_FIELDS or raw_status in {"5", "6"}
        else STATUS_WORDS.get(raw_status.strip().lower(), "2" if raw_status else "1")
    )
    for d in el.findall("activity-date"):
        code = d.get("type", "")
        code = code if code in DATE_FIELDS else DATE_WORDS.get(code.lower(), "")
        when = _date(d.get("iso-date") or _text(d))
        if code and when:
            setattr(act, DATE_FIELDS[code], when)
    if act.workflow == "":
        act.workflow = Workflow.DRAFT
    act.save()
    for model in (
        Participation,
        BeneficiaryCountry,
        BeneficiaryRegion,
        PillarShare,
        ThemeShare,
        ParagraphLink,
        Budget,
        ActivityDocument,
        RelatedActivity,
        Result,
    ):
        model._default_manager.filter(activity=act).delete()
    Flow.objects.filter(reported_by=act).delete()
    for p in el.findall("participating-org"):
        role = p.get("role", "")
        role = role if role in {"1", "2", "3", "4"} else ROLE_WORDS.get(role.strip().lower(), "")
        org = orgs.get(p, lang)
        if role and (org or _text(p)):
            Participation.objects.create(activity=act, organisation=org, name=_text(p)[:300], role=role)
    _beneficiaries(el, act, skipped)
    _sectors_and_tags(el, act, skipped)
    for b in [*el.findall("budget"), *el.findall("budget-planned")]:
        start, end = _date(_period(b, "period-start")), _date(_period(b, "period-end"))
        value_el = b.find("value")
        value = _decimal(_text(value_el)) if value_el is not None else None
        if start and end and value is not None and value_el is not None:
            budget = Budget(
                activity=act,
                period_start=start,
                period_end=end,
                value=value,
                currency=(value_el.get("currency") or currency).upper()[:3],
                value_date=_date(value_el.get("value-date")) or start,
                type="2" if b.get("type") in ("2", "revised") else "1",
            )
            rates.convert(budget, table, book)
            budget.save()
        else:
            skipped["incomplete budgets"] = skipped.get("incomplete budgets", 0) + 1
    for n, t in enumerate(el.findall("transaction"), start=1):
        _transaction(t, act, n, orgs, lang, currency, table, book, skipped, pending)
    for d in el.findall("document-link"):
        url = d.get("url") or ""
        if url.startswith(("http://", "https://")):
            cat = d.find("category")
            ActivityDocument.objects.create(
                activity=act,
                url=url[:500],
                title=_texts(d.find("title"), lang),
                format=d.get("format") or "",
                category=(cat.get("code") if cat is not None else "") or "A01",
                date=_date(
                    d.find("document-date").get("iso-date") if d.find("document-date") is not None else ""
                ),
            )
    for rel in el.findall("related-activity"):
        ref, kind = _clean_ref(rel.get("ref")), rel.get("type") or ""
        if ref and kind == "1" and (parent := Activity.objects.filter(iati_identifier=ref).first()):
            act.parent = parent
            act.save(update_fields=["parent"])
        elif ref and kind != "2":
            RelatedActivity.objects.create(activity=act, ref=ref[:200], type=kind[:2] or "4")
    for res in el.findall("result"):
        result = Result.objects.create(
            activity=act, type=(res.get("type") or "1")[:2], title=_texts(res.find("title"), lang)
        )
        for ind in res.findall("indicator"):
            base, period = ind.find("baseline"), ind.find("period")
            target = period.find("target") if period is not None else None
            actual = period.find("actual") if period is not None else None
            start = _date(_period(period, "period-start")) if period is not None else None
            Indicator.objects.create(
                result=result,
                title=_texts(ind.find("title"), lang),
                measure=(ind.get("measure") or "1")[:2],
                baseline_year=int(base.get("year") or 0)
                if base is not None and (base.get("year") or "").isdigit()
                else None,
                baseline=_decimal(base.get("value") or "") if base is not None else None,
                target=_decimal(target.get("value") or "") if target is not None else None,
                target_year=start.year if start and target is not None else None,
                actual=_decimal(actual.get("value") or "") if actual is not None else None,
                actual_year=start.year if start and actual is not None else None,
            )
    return act


def _period(el: etree._Element, tag: str) -> str:
    p = el.find(tag)
    return "" if p is None else (p.get("iso-date") or _text(p))


def _beneficiaries(el: etree._Element, act: Activity, skipped: dict[str, int]) -> None:
    countries = []
    for c in el.findall("recipient-country"):
        code = (c.get("code") or "").upper()
        state = MemberState.objects.filter(iso2=code).first() or MemberState.objects.filter(iso3=code).first()
        if state is None:
            skipped["recipient countries that are not Member States"] = (
                skipped.get("recipient countries that are not Member States", 0) + 1
            )
            continue
        countries.append((state, _decimal(c.get("percentage") or "")))
    regions = []
    for r in el.findall("recipient-region"):
        region = Region.objects.filter(kind=Region.KIND_M49, code=(r.get("code") or "").zfill(3)).first()
        if region is None or (r.get("vocabulary") or "2") != "2":
            skipped["recipient regions outside M49"] = skipped.get("recipient regions outside M49", 0) + 1
            continue
        regions.append((region, _decimal(r.get("percentage") or "")))
    n = len(countries) + len(regions)
    even = even_shares(n)
    given = all(s is not None for _x, s in [*countries, *regions])
    for i, (state, share) in enumerate(countries):
        BeneficiaryCountry.objects.get_or_create(
            activity=act, state=state, defaults={"share": share if given and share is not None else even[i]}
        )
    for j, (region, share) in enumerate(regions, start=len(countries)):
        BeneficiaryRegion.objects.get_or_create(
            activity=act, region=region, defaults={"share": share if given and share is not None else even[j]}
        )


def _sectors_and_tags(el: etree._Element, act: Activity, skipped: dict[str, int]) -> None:
    for s in el.findall("sector"):
        uri, code = s.get("vocabulary-uri"), s.get("code") or ""
        share = _decimal(s.get("percentage") or "100") or Decimal(100)
        if uri == PILLAR_VOCABULARY[1] and code:
            PillarShare.objects.get_or_create(activity=act, pillar=code[:4], defaults={"share": share})
        elif uri == THEME_VOCABULARY[1] and code:
            ThemeShare.objects.get_or_create(activity=act, theme=code[:40], defaults={"share": share})
        else:
            skipped["sectors of other vocabularies"] = skipped.get("sectors of other vocabularies", 0) + 1
    for t in el.findall("tag"):
        code = t.get("code") or ""
        if t.get("vocabulary-uri") == PARAGRAPH_VOCABULARY[1] and "#" in code:
            symbol, pid = code.split("#", 1)
            ParagraphLink.objects.create(activity=act, symbol=symbol[:80], pid=pid[:24])


def _transaction(
    t: etree._Element,
    act: Activity,
    n: int,
    orgs: _Orgs,
    lang: str,
    currency: str,
    table: Any,
    book: Any,
    skipped: dict[str, int],
    pending: list[_Pending],
) -> None:
    type_el = t.find("transaction-type")
    code = (type_el.get("code") if type_el is not None else "") or t.get("type") or ""
    code = code if code in BY_CODE else TRANSACTION_WORDS.get(code.strip().lower(), "")
    value_el = t.find("value")
    value = _decimal(_text(value_el)) if value_el is not None else None
    if not code or value is None or value_el is None:
        skipped["transactions without type or value"] = (
            skipped.get("transactions without type or value", 0) + 1
        )
        return
    when = (
        _date(value_el.get("value-date"))
        or _date(t.find("transaction-date").get("iso-date") if t.find("transaction-date") is not None else "")
        or act.actual_start
        or act.planned_start
    )
    if when is None:
        skipped["transactions without a date"] = skipped.get("transactions without a date", 0) + 1
        return
    _name, kind, incoming = BY_CODE[code]
    provider, receiver = t.find("provider-org"), t.find("receiver-org")
    other_el = provider if incoming else receiver
    other_org = orgs.get(other_el, lang)
    other_ref = (
        other_el.get("provider-activity-id" if incoming else "receiver-activity-id")
        if other_el is not None
        else None
    )
    other_act = Activity.objects.filter(iati_identifier=other_ref).first() if other_ref else None
    name = _text(other_el)[:300] if other_el is not None else ""
    ends = (
        {
            "source_org": other_org,
            "source_activity": other_act,
            "source_name": name,
            "destination_org": act.reporting_org,
            "destination_activity": act,
        }
        if incoming
        else {
            "source_org": act.reporting_org,
            "source_activity": act,
            "destination_org": other_org,
            "destination_activity": other_act,
            "destination_name": name,
        }
    )
    cur = (value_el.get("currency") or currency).upper()[:3]
    if (
        other_act is not None
        and Flow.objects.filter(
            kind=kind,
            value=value,
            currency=cur,
            value_date=when,
            source_activity=ends["source_activity"],
            destination_activity=ends["destination_activity"],
        )
        .exclude(reported_by=act)
        .exists()
    ):
        return  # the same flow, already reported by its other end
    f = Flow(
        ref=stable_ref("F-", t.get("ref") or f"{act.iati_identifier}-{n}"),
        kind=kind,
        value=value,
        currency=cur,
        value_date=when,
        description=next(iter(_texts(t.find("description"), lang).values()), "")[:500],
        reported_by=act,
        owner=act.owner,
        visibility=act.visibility,
        workflow=act.workflow,
        transaction_date=_date(t.find("transaction-date").get("iso-date"))
        if t.find("transaction-date") is not None
        else None,
        **ends,
    )
    if Flow.objects.filter(ref=f.ref).exists():
        f.ref = stable_ref("F-", f"{act.iati_identifier}-{n}-{hashlib.sha1(f.ref.encode()).hexdigest()[:8]}")
    rates.convert(f, table, book)
    f.save()
    if other_ref and other_act is None:
        pending.append(_Pending(f, other_ref, incoming))

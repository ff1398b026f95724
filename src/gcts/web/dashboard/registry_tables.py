"""Read the implementation registry into snapshot tables, for one audience, through the registry's visibility
layer (:mod:`gcts.registry.visibility`).

Only published records count. Each row says whether the audience may read it (``restricted``): a restricted
record stays *countable* — its amounts, shares, years and places go into totals, which a public report then
suppresses where a cell holds too few restricted records — but its words (title, description, identifier)
are left out of a public snapshot, so no report made from it can print them. An internal snapshot keeps
everything. Amounts are strings of US dollars (exact decimals), dates ISO strings.

Reads: the ``registry`` app's models. Writes: plain rows (JSON values only), ordered by id.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from gcts.report.snapshot import Row

PUBLISHED = "published"


def _viewer(audience: str) -> Any:
    from gcts.registry import visibility

    return visibility.ANONYMOUS if audience == "public" else visibility.Viewer(role=visibility.ADMINISTRATOR)


def _visible_ids(model: Any, audience: str) -> set[int]:
    from gcts.registry import visibility

    qs = model.objects.filter(workflow=PUBLISHED)
    return set(visibility.visible(qs, _viewer(audience)).values_list("id", flat=True))


def _text(value: Any, keep: bool) -> Any:
    return value if keep else {}


def _money(value: Any) -> str | None:
    return None if value is None else str(value)


def _day(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _by_activity(rows: Iterable[dict[str, Any]], key: str, published: set[int]) -> list[Row]:
    return [
        {"activity": r["activity_id"], key: r[key], "share": str(r["share"])}
        for r in rows
        if r["activity_id"] in published
    ]


def registry_rows(audience: str) -> dict[str, list[Row]]:
    """Every registry table a report needs, for ``audience`` (``public`` or ``internal``)."""
    from gcts.registry import models as m

    public = audience == "public"
    tables: dict[str, list[Row]] = {}

    tables["organisations"] = [
        {"id": o["id"], "ref": o["ref"], "kind": o["kind"], "names": o["names"]}
        for o in m.Organisation.objects.order_by("id").values("id", "ref", "kind", "names")
    ]
    groups: dict[int, list[str]] = {}
    for g in m.GroupMembership.objects.filter(role="member").values("state_id", "group__code"):
        groups.setdefault(g["state_id"], []).append(g["group__code"])
    tables["states"] = [
        {
            "id": s["id"],
            "iso3": s["iso3"],
            "names": s["names"],
            "region": s["region__code"],
            "subregion": s["subregion__code"],
            "groups": sorted(groups.get(s["id"], [])),
        }
        for s in m.MemberState.objects.order_by("id").values(
            "id", "iso3", "names", "region__code", "subregion__code"
        )
    ]
    tables["regions"] = [
        {"code": r["code"], "kind": r["kind"], "names": r["names"]}
        for r in m.Region.objects.order_by("code").values("code", "kind", "names")
    ]

    readable = _visible_ids(m.Activity, audience)
    activities = []
    published: set[int] = set()
    for a in (
        m.Activity.objects.filter(workflow=PUBLISHED)
        .order_by("id")
        .values(
            "id",
            "ref",
            "iati_identifier",
            "reporting_org_id",
            "title",
            "description",
            "status",
            "planned_start",
            "actual_start",
            "planned_end",
            "actual_end",
            "language",
            "synthetic",
        )
    ):
        keep = a["id"] in readable or not public
        published.add(a["id"])
        activities.append(
            {
                "id": a["id"],
                "ref": a["iati_identifier"] if keep else "",
                "reporting_org": a["reporting_org_id"],
                "title": _text(a["title"], keep),
                "description": _text(a["description"], keep),
                "language": a["language"],
                "status": a["status"],
                "start": _day(a["actual_start"] or a["planned_start"]),
                "end": _day(a["actual_end"] or a["planned_end"]),
                "restricted": a["id"] not in readable,
                "synthetic": a["synthetic"],
            }
        )
    tables["activities"] = activities
    tables["pillar_shares"] = _by_activity(
        m.PillarShare.objects.order_by("id").values("activity_id", "pillar", "share"), "pillar", published
    )
    tables["theme_shares"] = _by_activity(
        m.ThemeShare.objects.order_by("id").values("activity_id", "theme", "share"), "theme", published
    )
    tables["countries"] = [
        {"activity": c["activity_id"], "state": c["state_id"], "share": str(c["share"])}
        for c in m.BeneficiaryCountry.objects.order_by("id").values("activity_id", "state_id", "share")
        if c["activity_id"] in published
    ]
    tables["participants"] = [
        {"activity": p["activity_id"], "organisation": p["organisation_id"], "role": p["role"]}
        for p in m.Participation.objects.order_by("id").values("activity_id", "organisation_id", "role")
        if p["activity_id"] in published
    ]

    flows_readable = _visible_ids(m.Flow, audience)
    tables["flows"] = [
        {
            "id": f["id"],
            "kind": f["kind"],
            "usd": _money(f["usd"]),
            "source_org": f["source_org_id"],
            "source_activity": f["source_activity_id"],
            "destination_org": f["destination_org_id"],
            "destination_activity": f["destination_activity_id"],
            "date": _day(f["transaction_date"] or f["value_date"]),
            "fulfils": f["fulfils_id"],
            "parent": f["parent_id"],
            "restricted": f["id"] not in flows_readable or bool(f["field_visibility"]),
        }
        for f in m.Flow.objects.filter(workflow=PUBLISHED)
        .order_by("id")
        .values(
            "id",
            "kind",
            "usd",
            "source_org_id",
            "source_activity_id",
            "destination_org_id",
            "destination_activity_id",
            "transaction_date",
            "value_date",
            "fulfils_id",
            "parent_id",
            "field_visibility",
        )
    ]

    links: list[Row] = []
    for link in m.ParagraphLink.objects.order_by("id").values(
        "activity_id", "recommendation_id", "request_id", "offer_id", "symbol", "pid"
    ):
        for kind in ("activity", "recommendation", "request", "offer"):
            if link[f"{kind}_id"] is not None:
                links.append(
                    {"kind": kind, "record": link[f"{kind}_id"], "symbol": link["symbol"], "pid": link["pid"]}
                )
    tables["paragraph_links"] = links

    rec_readable = _visible_ids(m.Recommendation, audience)
    answered: dict[int, list[int]] = {}
    for rid, aid in m.Recommendation.answered_by.through.objects.values_list(
        "recommendation_id", "activity_id"
    ):
        answered.setdefault(rid, []).append(aid)
    tables["recommendations"] = [
        {
            "id": r["id"],
            "state": r["assessment__state_id"],
            "theme": r["theme"],
            "pillar": r["pillar"],
            "priority": r["priority"],
            "answered_by": sorted(answered.get(r["id"], [])),
            "restricted": r["id"] not in rec_readable,
        }
        for r in m.Recommendation.objects.filter(workflow=PUBLISHED)
        .order_by("id")
        .values("id", "assessment__state_id", "theme", "pillar", "priority")
    ]
    req_readable = _visible_ids(m.AssistanceRequest, audience)
    tables["requests"] = [
        {
            "id": r["id"],
            "state": r["state_id"],
            "themes": r["themes"],
            "pillar": r["pillar"],
            "open": r["open"],
            "recommendation": r["recommendation_id"],
            "restricted": r["id"] not in req_readable,
        }
        for r in m.AssistanceRequest.objects.filter(workflow=PUBLISHED)
        .order_by("id")
        .values("id", "state_id", "themes", "pillar", "open", "recommendation_id")
    ]
    offer_states: dict[int, list[int]] = {}
    for oid, sid in m.AssistanceOffer.states.through.objects.values_list(
        "assistanceoffer_id", "memberstate_id"
    ):
        offer_states.setdefault(oid, []).append(sid)
    off_readable = _visible_ids(m.AssistanceOffer, audience)
    tables["offers"] = [
        {
            "id": o["id"],
            "provider": o["provider_id"],
            "themes": o["themes"],
            "pillar": o["pillar"],
            "open": o["open"],
            "states": sorted(offer_states.get(o["id"], [])),
            "restricted": o["id"] not in off_readable,
        }
        for o in m.AssistanceOffer.objects.filter(workflow=PUBLISHED)
        .order_by("id")
        .values("id", "provider_id", "themes", "pillar", "open")
    ]
    return tables

# mypy: disable-error-code="attr-defined"
"""The activity form: its fields become one activity's rows of the import schema, so a form is checked by
exactly the rules an import is (:mod:`gcts.registry.importing.validate`) and stored the same way."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gcts.registry.importing.schema import LANGS, SHEETS
from gcts.registry.importing.sheets import Sheet, Workbook
from gcts.registry.models import Activity

LIST_HELP = _("one per line or separated by commas, as CODE:SHARE (e.g. II:60, IV:40)")


class ActivityForm(forms.Form):
    identifier = forms.CharField(label=_("IATI identifier"), max_length=200)
    title_en = forms.CharField(label=_("Title (English)"), max_length=500)
    title_zh = forms.CharField(label=_("Title (Chinese)"), max_length=500, required=False)
    title_fr = forms.CharField(label=_("Title (French)"), max_length=500, required=False)
    description_en = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)
    reporting_org = forms.CharField(label=_("Reporting organisation"), help_text=_("identifier, e.g. UNODC"))
    status = forms.CharField(label=_("Status"), initial="2", help_text=_("IATI activity status 1–6"))
    planned_start = forms.CharField(label=_("Planned start"), help_text="YYYY-MM-DD")
    planned_end = forms.CharField(label=_("Planned end"), required=False, help_text="YYYY-MM-DD")
    currency = forms.CharField(label=_("Currency"), initial="USD", required=False)
    visibility = forms.ChoiceField(
        label=_("Visibility"),
        choices=[(v, v) for v in ("public", "member_states", "un_entities", "owner")],
    )
    countries = forms.CharField(label=_("Beneficiary Member States"), help_text=LIST_HELP, required=False)
    pillars = forms.CharField(label=_("Pillars"), help_text=LIST_HELP)
    themes = forms.CharField(label=_("Themes"), help_text=LIST_HELP, required=False)
    paragraphs = forms.CharField(
        label=_("Resolution paragraphs"),
        required=False,
        help_text=_("SYMBOL PARAGRAPH per line, e.g. A/RES/72/284 66"),
    )


def _pairs(text: str) -> list[tuple[str, str]]:
    out = []
    for part in text.replace("\n", ",").split(","):
        code, _sep, share = part.strip().partition(":")
        if code.strip():
            out.append((code.strip(), share.strip()))
    return out


def as_workbook(data: dict[str, Any]) -> Workbook:
    """One activity's rows in the import schema's shape (row numbers: 2, 3 … as in a sheet)."""
    key = data.get("identifier", "").strip()
    book = Workbook()

    def sheet(name: str, rows: list[dict[str, str]]) -> None:
        spec = next(s for s in SHEETS if s.name == name)
        book.sheets[name] = Sheet(name, spec.headers, [(i, r) for i, r in enumerate(rows, start=2)])

    act = {c: str(data.get(c, "") or "") for c in next(s for s in SHEETS if s.name == "activities").headers}
    sheet("activities", [act])
    sheet(
        "countries",
        [{"activity": key, "country": c, "share": s} for c, s in _pairs(data.get("countries", ""))],
    )
    sheet("pillars", [{"activity": key, "pillar": c, "share": s} for c, s in _pairs(data.get("pillars", ""))])
    sheet("themes", [{"activity": key, "theme": c, "share": s} for c, s in _pairs(data.get("themes", ""))])
    links = []
    for line in (data.get("paragraphs") or "").splitlines():
        symbol, _sep, para = line.strip().rpartition(" ")
        if line.strip():
            links.append({"activity": key, "symbol": symbol.strip() or line.strip(), "paragraph": para})
    sheet("paragraphs", links)
    return book


def initial_for(act: Activity) -> dict[str, Any]:
    """The form's initial values for an existing activity."""

    def pairs(rows: Any, code: str) -> str:
        return ", ".join(f"{getattr(r, code)}:{r.share.normalize():f}" for r in rows)

    data: dict[str, Any] = {
        "identifier": act.iati_identifier,
        "description_en": act.description.get("en", ""),
        "reporting_org": act.reporting_org.ref,
        "status": act.status,
        "planned_start": act.planned_start.isoformat() if act.planned_start else "",
        "planned_end": act.planned_end.isoformat() if act.planned_end else "",
        "currency": act.default_currency,
        "visibility": act.visibility,
        "countries": ", ".join(f"{c.state.iso3}:{c.share.normalize():f}" for c in act.countries.all()),
        "pillars": pairs(act.pillars.all(), "pillar"),
        "themes": pairs(act.themes.all(), "theme"),
        "paragraphs": "\n".join(f"{p.symbol} {p.pid}" for p in act.paragraph_links.all()),
    }
    for lang in LANGS:
        data[f"title_{lang}"] = act.title.get(lang, "")
    return data

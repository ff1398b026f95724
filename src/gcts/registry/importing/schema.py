"""The registry's spreadsheet format: which sheets, which columns, what each column holds (framework-free).

One schema serves the generated templates (XLSX with drop-downs, CSV), the importer's validation and the web
forms' help, so they never drift apart. Activities are keyed by their IATI identifier; every other sheet
names the activity its row belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass

from gcts.taxonomy import pillars, themes

LANGS = ("en", "fr", "es", "ru", "zh", "ar")

# Transaction kinds of the spreadsheet: IATI TransactionType code, our flow kind, and whether the row's
# activity is the flow's destination (incoming) or its source (outgoing).
TRANSACTION_KINDS: dict[str, tuple[str, str, bool]] = {
    "incoming_funds": ("1", "disbursement", True),
    "outgoing_commitment": ("2", "commitment", False),
    "disbursement": ("3", "disbursement", False),
    "expenditure": ("4", "expenditure", False),
    "incoming_commitment": ("11", "commitment", True),
    "outgoing_pledge": ("12", "pledge", False),
    "incoming_pledge": ("13", "pledge", True),
}
VISIBILITIES = ("public", "member_states", "un_entities", "owner")


@dataclass(frozen=True)
class Column:
    """One column: its header, what it holds, whether it is required, and its codelist if any."""

    name: str
    kind: str  # text, date, amount, share, code, organisation, state, activity, paragraph, region
    required: bool = False
    codelist: str = ""
    max_length: int = 500
    help: str = ""


@dataclass(frozen=True)
class SheetSpec:
    name: str
    columns: tuple[Column, ...]
    help: str

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def headers(self) -> list[str]:
        return [c.name for c in self.columns]


ACT = Column("activity", "activity", True, help="IATI identifier of the activity (sheet 'activities')")

SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec(
        "activities",
        (
            Column(
                "identifier", "text", True, max_length=200, help="IATI identifier, e.g. XM-DAC-41128-GLOT59"
            ),
            *(
                Column(f"title_{lang}", "text", lang == "en", max_length=500, help=f"title ({lang})")
                for lang in LANGS
            ),
            Column("description_en", "text", max_length=4000, help="description (en)"),
            Column(
                "reporting_org",
                "organisation",
                True,
                help="identifier or IATI id of the reporting organisation",
            ),
            Column(
                "status", "code", True, "ActivityStatus", help="IATI activity status: 1 pipeline … 4 closed"
            ),
            Column("planned_start", "date", True),
            Column("planned_end", "date"),
            Column("actual_start", "date"),
            Column("actual_end", "date"),
            Column("currency", "code", False, "Currency", help="default currency (ISO 4217), USD when empty"),
            Column(
                "visibility", "code", False, "Visibility", help="public, member_states, un_entities or owner"
            ),
            Column("parent", "activity", help="IATI identifier of the parent programme"),
        ),
        "one row per activity",
    ),
    SheetSpec(
        "participants",
        (ACT, Column("organisation", "organisation", True), Column("role", "code", True, "OrganisationRole")),
        "organisations taking part: 1 funding, 2 accountable, 3 extending, 4 implementing",
    ),
    SheetSpec(
        "countries",
        (ACT, Column("country", "state", True, help="ISO 3166 alpha-3"), Column("share", "share", True)),
        "beneficiary Member States; with the regions, shares sum to 100 per activity",
    ),
    SheetSpec(
        "regions",
        (
            ACT,
            Column("region", "region", True, help="M49 code, e.g. 002 Africa"),
            Column("share", "share", True),
        ),
        "beneficiary regions (M49)",
    ),
    SheetSpec(
        "pillars",
        (ACT, Column("pillar", "code", True, "Pillar"), Column("share", "share", True)),
        "pillars of the Strategy (I–IV); shares sum to 100 per activity",
    ),
    SheetSpec(
        "themes",
        (ACT, Column("theme", "code", True, "Theme"), Column("share", "share", True)),
        "themes; shares sum to 100 per activity",
    ),
    SheetSpec(
        "paragraphs",
        (
            ACT,
            Column("symbol", "text", True, max_length=80, help="document symbol, e.g. A/RES/72/284"),
            Column("paragraph", "paragraph", True, help="operative:66, preamble:3, or 66 for operative 66"),
        ),
        "resolution paragraphs the activity serves",
    ),
    SheetSpec(
        "transactions",
        (
            ACT,
            Column("kind", "code", True, "TransactionKind"),
            Column("value", "amount", True),
            Column("currency", "code", True, "Currency"),
            Column("value_date", "date", True),
            Column("source_org", "organisation"),
            Column("source_activity", "activity"),
            Column("destination_org", "organisation"),
            Column("destination_activity", "activity"),
            Column("description", "text", max_length=500),
        ),
        "money: incoming funds, commitments, disbursements, expenditure; pledges are not money",
    ),
    SheetSpec(
        "budgets",
        (
            ACT,
            Column("period_start", "date", True),
            Column("period_end", "date", True),
            Column("value", "amount", True),
            Column("currency", "code", True, "Currency"),
        ),
        "budgets by period",
    ),
)
SHEET_BY_NAME = {s.name: s for s in SHEETS}
REQUIRED_SHEETS = ("activities",)


def local_codelists() -> dict[str, tuple[str, ...]]:
    """The codelists that are gcts's own (pillars, themes, visibility, transaction kinds)."""
    return {
        "Pillar": tuple(p.id for p in pillars() if p.id != "ALL"),
        "Theme": tuple(t.id for t in themes()),
        "Visibility": VISIBILITIES,
        "TransactionKind": tuple(TRANSACTION_KINDS),
    }

# mypy: disable-error-code="var-annotated,attr-defined"
"""Activities, shaped like the IATI Activity Standard 2.03: identifier, multilingual title and description,
reporting and participating organisations with roles, status and dates, beneficiary countries and regions with
shares, pillars and themes with shares summing to 100, results with indicators, documents, parent/child
programmes. Money is in :mod:`gcts.registry.models.money`, paragraph links in :mod:`.links`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gcts.registry.models.actors import MemberState, Organisation, Region, display_name
from gcts.registry.models.governance import Governed

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager


class ActivityStatus(models.TextChoices):
    """IATI ActivityStatus codes."""

    PIPELINE = "1", _("pipeline/identification")
    IMPLEMENTATION = "2", _("implementation")
    FINALISATION = "3", _("finalisation")
    CLOSED = "4", _("closed")
    CANCELLED = "5", _("cancelled")
    SUSPENDED = "6", _("suspended")


class ActivityQuerySet(models.QuerySet["Activity"]):
    """Queries over activities used by the list page, the API, exports and totals."""

    def filtered(
        self,
        *,
        text: str = "",
        pillar: str = "",
        theme: str = "",
        country: str = "",
        group: str = "",
        organisation: str = "",
        status: str = "",
        paragraph: str = "",
    ) -> ActivityQuerySet:
        """Activities matching every non-empty filter (country by ISO3, group by code, paragraph by pid)."""
        qs = self
        if text:
            qs = qs.filter(search_text__icontains=text.lower())
        if pillar:
            qs = qs.filter(pillars__pillar=pillar)
        if theme:
            qs = qs.filter(themes__theme=theme)
        if country:
            qs = qs.filter(countries__state__iso3=country.upper())
        if group:
            qs = qs.filter(
                countries__state__group_memberships__group__code=group,
                countries__state__group_memberships__role="member",
            )
        if organisation:
            qs = qs.filter(
                models.Q(reporting_org__ref=organisation)
                | models.Q(participants__organisation__ref=organisation)
            )
        if status:
            qs = qs.filter(status=status)
        if paragraph:
            qs = qs.filter(paragraph_links__pid=paragraph)
        return qs.distinct() if (theme or country or group or organisation or paragraph or pillar) else qs


class Activity(Governed):
    """One project, programme or piece of work, reported by an organisation."""

    iati_identifier = models.CharField(_("IATI identifier"), max_length=200, unique=True)
    title = models.JSONField(_("title"), default=dict, help_text=_("title per language code"))
    description = models.JSONField(_("description"), default=dict, blank=True)
    search_text = models.TextField(_("searchable text"), blank=True, editable=False)
    reporting_org = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="reported_activities",
        verbose_name=_("reporting organisation"),
    )
    status = models.CharField(
        _("activity status"),
        max_length=2,
        choices=ActivityStatus.choices,
        default=ActivityStatus.PIPELINE,
        db_index=True,
    )
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    default_currency = models.CharField(_("default currency"), max_length=3, default="USD")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent programme"),
    )
    language = models.CharField(_("default language"), max_length=8, default="en")
    history = HistoricalRecords(inherit=False)

    objects: ClassVar[ActivityQuerySet] = ActivityQuerySet.as_manager()  # type: ignore[assignment]

    if TYPE_CHECKING:
        participants: RelatedManager[Participation]
        countries: RelatedManager[BeneficiaryCountry]
        regions: RelatedManager[BeneficiaryRegion]
        pillars: RelatedManager[PillarShare]
        themes: RelatedManager[ThemeShare]
        results: RelatedManager[Result]
        documents: RelatedManager[ActivityDocument]

    class Meta:
        ordering = ("iati_identifier",)
        indexes = (models.Index(fields=["workflow", "visibility"], name="registry_activity_access"),)
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return self.iati_identifier

    def title_in(self, lang: str = "en") -> str:
        """The title in ``lang``, else in English or the activity's own language."""
        return display_name(self.title, lang, self.title.get(self.language, self.iati_identifier))

    def description_in(self, lang: str = "en") -> str:
        return display_name(self.description, lang, self.description.get(self.language, ""))

    def save(self, *args: object, **kwargs: object) -> None:
        """Keep the search text (identifier, titles, descriptions) in step."""
        self.search_text = " | ".join(
            [self.iati_identifier, *self.title.values(), *self.description.values()]
        ).lower()
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class OrganisationRole(models.TextChoices):
    """IATI OrganisationRole codes."""

    FUNDING = "1", _("funding")
    ACCOUNTABLE = "2", _("accountable")
    EXTENDING = "3", _("extending")
    IMPLEMENTING = "4", _("implementing")


class Participation(models.Model):
    """An organisation taking part in an activity, in one IATI role (co-funding: several funding roles)."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="participants", verbose_name=_("activity")
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participations",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name as reported"), max_length=300, blank=True)
    role = models.CharField(_("role"), max_length=2, choices=OrganisationRole.choices)

    class Meta:
        ordering = ("activity", "role", "id")
        verbose_name = _("participating organisation")
        verbose_name_plural = _("participating organisations")

    def __str__(self) -> str:
        return f"{self.activity_id} {self.role} {self.organisation_id or self.name}"


class BeneficiaryCountry(models.Model):
    """A Member State that benefits from an activity, with its share (percent) of the activity."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="countries", verbose_name=_("activity")
    )
    state = models.ForeignKey(
        MemberState, on_delete=models.PROTECT, related_name="activities", verbose_name=_("Member State")
    )
    share = models.DecimalField(_("share (%)"), max_digits=5, decimal_places=2)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["activity", "state"], name="registry_unique_beneficiary_country"),
        )
        verbose_name = _("beneficiary country")
        verbose_name_plural = _("beneficiary countries")

    def __str__(self) -> str:
        return f"{self.activity_id} {self.state_id} {self.share}%"


class BeneficiaryRegion(models.Model):
    """A region (M49) that benefits from an activity as a whole; country and region shares sum to 100."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="regions", verbose_name=_("activity")
    )
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("region"))
    share = models.DecimalField(_("share (%)"), max_digits=5, decimal_places=2)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["activity", "region"], name="registry_unique_beneficiary_region"),
        )
        verbose_name = _("beneficiary region")
        verbose_name_plural = _("beneficiary regions")

    def __str__(self) -> str:
        return f"{self.activity_id} {self.region_id} {self.share}%"


class PillarShare(models.Model):
    """The share of an activity that serves a pillar of the Strategy (``gcts.taxonomy.pillars`` ids I–IV)."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="pillars", verbose_name=_("activity")
    )
    pillar = models.CharField(_("pillar"), max_length=4, db_index=True)
    share = models.DecimalField(_("share (%)"), max_digits=5, decimal_places=2)

    class Meta:
        constraints = (models.UniqueConstraint(fields=["activity", "pillar"], name="registry_unique_pillar"),)
        verbose_name = _("pillar share")
        verbose_name_plural = _("pillar shares")

    def __str__(self) -> str:
        return f"{self.activity_id} {self.pillar} {self.share}%"


class ThemeShare(models.Model):
    """The share of an activity that serves a theme (``gcts.taxonomy.themes`` ids)."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="themes", verbose_name=_("activity")
    )
    theme = models.CharField(_("theme"), max_length=40, db_index=True)
    share = models.DecimalField(_("share (%)"), max_digits=5, decimal_places=2)

    class Meta:
        constraints = (models.UniqueConstraint(fields=["activity", "theme"], name="registry_unique_theme"),)
        verbose_name = _("theme share")
        verbose_name_plural = _("theme shares")

    def __str__(self) -> str:
        return f"{self.activity_id} {self.theme} {self.share}%"


class Result(models.Model):
    """An expected result of an activity (IATI ResultType: output, outcome, impact, other)."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="results", verbose_name=_("activity")
    )
    type = models.CharField(_("result type"), max_length=2, default="1")
    title = models.JSONField(_("title"), default=dict)

    if TYPE_CHECKING:
        indicators: RelatedManager[Indicator]

    class Meta:
        ordering = ("activity", "id")
        verbose_name = _("result")
        verbose_name_plural = _("results")

    def __str__(self) -> str:
        return display_name(self.title, "en", f"result {self.pk}")


class Indicator(models.Model):
    """An indicator of a result with baseline, target and actual values."""

    result = models.ForeignKey(
        Result, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("result")
    )
    title = models.JSONField(_("title"), default=dict)
    measure = models.CharField(_("measure"), max_length=2, default="1", help_text=_("IATI IndicatorMeasure"))
    baseline_year = models.PositiveIntegerField(_("baseline year"), null=True, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=18, decimal_places=4, null=True, blank=True)
    target_year = models.PositiveIntegerField(_("target year"), null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=18, decimal_places=4, null=True, blank=True)
    actual_year = models.PositiveIntegerField(_("actual year"), null=True, blank=True)
    actual = models.DecimalField(_("actual"), max_digits=18, decimal_places=4, null=True, blank=True)

    class Meta:
        ordering = ("result", "id")
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return display_name(self.title, "en", f"indicator {self.pk}")


class ActivityDocument(models.Model):
    """A document about an activity (IATI document-link)."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="documents", verbose_name=_("activity")
    )
    url = models.URLField(_("address"), max_length=500)
    title = models.JSONField(_("title"), default=dict)
    category = models.CharField(
        _("category"), max_length=4, default="A01", help_text=_("IATI DocumentCategory")
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    format = models.CharField(_("format"), max_length=80, default="text/html")

    class Meta:
        ordering = ("activity", "id")
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.url


class RelatedActivity(models.Model):
    """A relation to an activity outside the registry (IATI related-activity; parents inside: ``parent``)."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="related", verbose_name=_("activity")
    )
    ref = models.CharField(_("IATI identifier"), max_length=200)
    type = models.CharField(_("relation"), max_length=2, help_text=_("IATI RelatedActivityType"))

    class Meta:
        verbose_name = _("related activity")
        verbose_name_plural = _("related activities")

    def __str__(self) -> str:
        return f"{self.activity_id} {self.type} {self.ref}"

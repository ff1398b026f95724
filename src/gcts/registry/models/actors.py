# mypy: disable-error-code="var-annotated,attr-defined"
"""Actors: Member States, regions and regional groups, organisations (UN and Compact entities, regional
organisations, civil society, donors), dated memberships, and the people who speak for them.

Names are the UN's names in the six languages (``names``: ``{"en": …, "zh": …}``); colloquial names are kept
in ``aliases`` for search only and never shown as a name.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


def display_name(names: dict[str, str], lang: str, fallback: str) -> str:
    """The name in ``lang`` (``zh-hans`` → ``zh``), else English, else ``fallback``."""
    code = lang.split("-")[0] if lang else "en"
    return names.get(code) or names.get("en") or fallback


class Region(models.Model):
    """An M49 region or sub-region, or one of the five UN regional groups (our own table, with its source)."""

    KIND_M49 = "m49"
    KIND_GROUP = "regional_group"
    KIND_CHOICES = ((KIND_M49, _("M49 region")), (KIND_GROUP, _("UN regional group")))

    code = models.CharField(
        _("code"), max_length=16, unique=True, help_text=_("M49 code or group code (WEOG)")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=KIND_CHOICES, db_index=True)
    names = models.JSONField(_("names"), default=dict)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent"),
    )
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        ordering = ("kind", "code")
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return display_name(self.names, "en", self.code)

    def name(self, lang: str = "en") -> str:
        """The region's name in ``lang``."""
        return display_name(self.names, lang, self.code)


class MemberStateQuerySet(models.QuerySet["MemberState"]):
    """Queries over Member States."""

    def in_group(self, code: str) -> MemberStateQuerySet:
        """The members (not observers or participants) of the regional group ``code``."""
        return self.filter(
            group_memberships__group__code=code, group_memberships__role=GroupMembership.ROLE_MEMBER
        )

    def named(self, text: str) -> MemberStateQuerySet:
        """States whose UN name or colloquial alias contains ``text`` (any language, case-insensitive)."""
        return self.filter(models.Q(search_names__icontains=text.lower()) | models.Q(iso3__iexact=text))


class MemberState(models.Model):
    """One of the 193 Member States of the United Nations."""

    iso3 = models.CharField(_("ISO 3166 alpha-3"), max_length=3, unique=True)
    iso2 = models.CharField(_("ISO 3166 alpha-2"), max_length=2, unique=True)
    m49 = models.CharField(_("M49 code"), max_length=3, unique=True)
    names = models.JSONField(_("names"), default=dict, help_text=_("UN short names in the six languages"))
    formal_name = models.CharField(_("formal name (English)"), max_length=200, blank=True)
    aliases = models.JSONField(
        _("aliases"), default=list, blank=True, help_text=_("colloquial names, for search only")
    )
    search_names = models.TextField(_("searchable names"), blank=True, editable=False)
    region = models.ForeignKey(
        Region, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("M49 region")
    )
    subregion = models.ForeignKey(
        Region, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("M49 sub-region")
    )
    currency = models.CharField(_("currency"), max_length=3, blank=True)

    objects: ClassVar[MemberStateQuerySet] = MemberStateQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ("iso3",)
        verbose_name = _("Member State")
        verbose_name_plural = _("Member States")

    def __str__(self) -> str:
        return display_name(self.names, "en", self.iso3)

    def name(self, lang: str = "en") -> str:
        """The UN short name in ``lang``."""
        return display_name(self.names, lang, self.iso3)

    def save(self, *args: object, **kwargs: object) -> None:
        """Keep the lower-case search text (names and aliases) in step."""
        self.search_names = " | ".join([*self.names.values(), *self.aliases]).lower()
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class GroupMembership(models.Model):
    """A Member State's place in a UN regional group (member, participant, or observer)."""

    ROLE_MEMBER = "member"
    ROLE_PARTICIPANT = "participant"
    ROLE_OBSERVER = "observer"
    ROLE_CHOICES = (
        (ROLE_MEMBER, _("member")),
        (ROLE_PARTICIPANT, _("participant")),
        (ROLE_OBSERVER, _("observer")),
    )

    state = models.ForeignKey(
        MemberState,
        on_delete=models.CASCADE,
        related_name="group_memberships",
        verbose_name=_("Member State"),
    )
    group = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("regional group")
    )
    role = models.CharField(_("role"), max_length=12, choices=ROLE_CHOICES, default=ROLE_MEMBER)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["state", "group"], name="registry_unique_group_member"),
        )
        verbose_name = _("regional group membership")
        verbose_name_plural = _("regional group memberships")

    def __str__(self) -> str:
        return f"{self.state_id} {self.group_id} {self.role}"


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    """Queries over organisations."""

    def of_kind(self, kind: str) -> OrganisationQuerySet:
        return self.filter(kind=kind)

    def by_any_id(self, key: str) -> OrganisationQuerySet:
        """The organisation whose stable id or IATI identifier is ``key``."""
        return self.filter(models.Q(ref=key) | models.Q(iati_id=key))


class Organisation(models.Model):
    """An actor that reports, funds, implements, assesses or owns records: a Member State's government, a UN
    or Compact entity, a regional or international organisation, a civil society organisation, a donor."""

    KIND_STATE = "member_state"
    KIND_UN = "un_entity"
    KIND_INTERNATIONAL = "international_org"
    KIND_REGIONAL = "regional_org"
    KIND_CSO = "cso"
    KIND_DONOR = "donor"
    KIND_OTHER = "other"
    KIND_CHOICES = (
        (KIND_STATE, _("Member State")),
        (KIND_UN, _("UN entity")),
        (KIND_INTERNATIONAL, _("international organisation")),
        (KIND_REGIONAL, _("regional organisation")),
        (KIND_CSO, _("civil society organisation")),
        (KIND_DONOR, _("other donor")),
        (KIND_OTHER, _("other")),
    )
    # IATI OrganisationType codes for each kind (codelist OrganisationType).
    IATI_TYPE: ClassVar[dict[str, str]] = {
        KIND_STATE: "10",
        KIND_UN: "40",
        KIND_INTERNATIONAL: "40",
        KIND_REGIONAL: "40",
        KIND_CSO: "22",
        KIND_DONOR: "60",
        KIND_OTHER: "90",
    }

    ref = models.CharField(
        _("identifier"), max_length=80, unique=True, help_text=_("stable id, e.g. UNODC, NOR")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES, db_index=True)
    names = models.JSONField(_("names"), default=dict)
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    iati_id = models.CharField(_("IATI organisation identifier"), max_length=120, unique=True)
    iati_id_minted = models.BooleanField(
        _("minted identifier"), default=False, help_text=_("no IATI identifier exists; gcts made this one")
    )
    state = models.OneToOneField(
        MemberState,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisation",
        verbose_name=_("Member State"),
        help_text=_("for a Member State's government"),
    )
    synthetic = models.BooleanField(_("synthetic"), default=False)

    objects: ClassVar[OrganisationQuerySet] = OrganisationQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ("ref",)
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return display_name(self.names, "en", self.ref)

    def name(self, lang: str = "en") -> str:
        """The organisation's name in ``lang``."""
        return display_name(self.names, lang, self.ref)

    @property
    def iati_type(self) -> str:
        """The IATI OrganisationType code."""
        return self.IATI_TYPE.get(self.kind, "90")


class CompactMembership(models.Model):
    """Dated membership of the Global Counter-Terrorism Coordination Compact (to be confirmed, not truth)."""

    STATUS_MEMBER = "member"
    STATUS_OBSERVER = "observer"
    STATUS_CHOICES = ((STATUS_MEMBER, _("member")), (STATUS_OBSERVER, _("observer")))

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="compact_memberships",
        verbose_name=_("organisation"),
    )
    status = models.CharField(_("status"), max_length=10, choices=STATUS_CHOICES, default=STATUS_MEMBER)
    start = models.DateField(_("from"))
    end = models.DateField(_("until"), null=True, blank=True)
    confirmed = models.BooleanField(_("confirmed"), default=False)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        ordering = ("organisation", "start")
        verbose_name = _("Compact membership")
        verbose_name_plural = _("Compact memberships")

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.status} {self.start}"


class Affiliation(models.Model):
    """A person speaking for an organisation: the focal point of an entity or of a Member State."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="registry_affiliations",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="affiliations", verbose_name=_("organisation")
    )

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["user", "organisation"], name="registry_unique_affiliation"),
        )
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")

    def __str__(self) -> str:
        return f"{self.user_id} → {self.organisation_id}"

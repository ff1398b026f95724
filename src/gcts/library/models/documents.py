# mypy: disable-error-code="var-annotated"
"""Documents and their parts: a stored :class:`gcts.model.Resolution`, its paragraphs and footnotes.

The heading's common facts (symbol, language, kind, session, year, series) are columns so the library can
filter on them; the whole heading and the quality report are kept as JSON so nothing of the model is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager

    from gcts.library.models.annotations import ActorMention, Correction, Label, Mandate, Reference


class DocumentQuerySet(models.QuerySet["Document"]):
    """Queries over documents used by the library page and the API."""

    def filtered(
        self, *, language: str = "", year: str = "", kind: str = "", series: str = ""
    ) -> DocumentQuerySet:
        """Documents matching the non-empty filters of the library page."""
        qs = self
        if language:
            qs = qs.filter(language=language)
        if year.isascii() and year.isdigit() and len(year) <= 4:  # "²" is a digit, but not a year
            qs = qs.filter(year=int(year))
        elif year:
            qs = qs.none()
        if kind:
            qs = qs.filter(kind=kind)
        if series:
            qs = qs.filter(series=series)
        return qs

    def by_symbol(self, symbol: str) -> DocumentQuerySet:
        """Documents whose symbol or adopted symbol is ``symbol`` (the targets of a reference)."""
        return self.filter(models.Q(symbol=symbol) | models.Q(adopted_as=symbol))


class Document(models.Model):
    """One resolution or draft in one language."""

    KIND_DRAFT = "draft"
    KIND_ADOPTED = "adopted"
    KIND_CHOICES = ((KIND_DRAFT, _("draft")), (KIND_ADOPTED, _("adopted")))

    slug = models.SlugField(
        _("identifier"),
        max_length=120,
        unique=True,
        help_text=_("URL name: symbol with '/' as '-', then the language"),
    )
    symbol = models.CharField(_("symbol"), max_length=80, blank=True, db_index=True)
    language = models.CharField(_("language"), max_length=8, db_index=True)
    kind = models.CharField(_("kind"), max_length=10, choices=KIND_CHOICES, blank=True, db_index=True)
    series = models.CharField(
        _("series"),
        max_length=40,
        blank=True,
        db_index=True,
        help_text=_("series of resolutions (e.g. the Strategy reviews), else the symbol series, e.g. A/RES"),
    )
    place = models.IntegerField(
        _("place in the series"),
        null=True,
        blank=True,
        help_text=_("given when the series data does not list the document; else taken from it"),
    )
    session = models.IntegerField(_("session"), null=True, blank=True)
    year = models.IntegerField(_("year"), null=True, blank=True, db_index=True)
    title = models.TextField(_("title"), blank=True)
    adopted_as = models.CharField(_("adopted as"), max_length=80, blank=True, db_index=True)
    adoption_date = models.DateField(_("adoption date"), null=True, blank=True)
    heading = models.JSONField(_("heading"), default=dict, help_text=_("the whole heading block as parsed"))
    quality = models.JSONField(
        _("quality report"), default=list, help_text=_("findings of the reader and the annotator")
    )
    source = models.CharField(_("source file"), max_length=255, blank=True)
    bundled = models.BooleanField(_("from the bundled corpus"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(
        _("updated at"), auto_now=True, help_text=_("changes when the document or its annotations change")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects: ClassVar[DocumentQuerySet] = DocumentQuerySet.as_manager()  # type: ignore[assignment]

    if TYPE_CHECKING:
        paragraphs: RelatedManager[Paragraph]
        footnotes: RelatedManager[Footnote]
        mandates: RelatedManager[Mandate]

    class Meta:
        ordering = ("-year", "symbol", "language")
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return f"{self.symbol or self.source} ({self.language})"

    @property
    def display_symbol(self) -> str:
        """The symbol, or the source file name for documents whose symbol is unknown."""
        return self.symbol or self.source or self.slug


class Paragraph(models.Model):
    """A preambular or operative paragraph with its opening and function (other annotations hang off it)."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="paragraphs", verbose_name=_("document")
    )
    position = models.PositiveIntegerField(_("position"), help_text=_("order in the document, from 0"))
    pid = models.CharField(_("paragraph id"), max_length=24, help_text=_("preamble:N or operative:N"))
    part = models.CharField(_("part"), max_length=10)
    index = models.PositiveIntegerField(_("index"))
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    text = models.TextField(_("text"))
    footnote_numbers = models.JSONField(_("footnote markers"), default=list)
    subparagraphs = models.JSONField(_("sub-paragraphs"), default=list)
    span = models.JSONField(_("source span"), null=True, blank=True)
    opening = models.CharField(_("opening"), max_length=120, blank=True)
    function = models.CharField(_("function"), max_length=20, blank=True, db_index=True)
    opening_evidence = models.JSONField(_("opening evidence"), default=list)
    if TYPE_CHECKING:
        document_id: int
        labels: RelatedManager[Label]
        references: RelatedManager[Reference]
        actors: RelatedManager[ActorMention]
        mandates: RelatedManager[Mandate]
        corrections: RelatedManager[Correction]

    search_text = models.TextField(
        _("segmented text"),
        blank=True,
        help_text=_("words separated by spaces, the input of the full-text index"),
    )

    class Meta:
        ordering = ("document", "position")
        constraints = (models.UniqueConstraint(fields=["document", "pid"], name="unique_paragraph_id"),)
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")

    def __str__(self) -> str:
        return f"{self.document.display_symbol} {self.pid}"

    @property
    def anchor(self) -> str:
        """The HTML id of the paragraph in the reading view (``operative-83``)."""
        return self.pid.replace(":", "-")

    @property
    def label(self) -> str:
        """The paragraph's printed number, or its preamble index."""
        return str(self.number if self.number is not None else self.index)

    def subparagraph_list(self) -> list[dict[str, Any]]:
        """The sub-paragraphs as stored (label, text, children)."""
        return list(self.subparagraphs or [])


class Footnote(models.Model):
    """A footnote, with the id of the paragraph whose marker cites it."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="footnotes", verbose_name=_("document")
    )
    number = models.PositiveIntegerField(_("number"))
    text = models.TextField(_("text"))
    cited_in = models.CharField(_("cited in"), max_length=24, blank=True)
    span = models.JSONField(_("source span"), null=True, blank=True)

    class Meta:
        ordering = ("document", "number")
        constraints = (models.UniqueConstraint(fields=["document", "number"], name="unique_footnote_number"),)
        verbose_name = _("footnote")
        verbose_name_plural = _("footnotes")

    def __str__(self) -> str:
        return f"{self.document.display_symbol} fn {self.number}"

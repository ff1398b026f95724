"""The Django admin for the store (administrators only: it requires a staff sign-in)."""

from __future__ import annotations

from django.contrib import admin

from gcts.library import models as m


class ParagraphInline(admin.TabularInline):
    model = m.Paragraph
    fields = ("pid", "opening", "function", "text")
    readonly_fields = ("pid", "text")
    extra = 0
    show_change_link = True


@admin.register(m.Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("slug", "symbol", "language", "kind", "series", "year", "bundled", "created_by")
    list_filter = ("language", "kind", "series", "year", "bundled")
    search_fields = ("slug", "symbol", "title", "adopted_as")
    inlines = (ParagraphInline,)


class LabelInline(admin.TabularInline):
    model = m.Label
    extra = 0


@admin.register(m.Paragraph)
class ParagraphAdmin(admin.ModelAdmin):
    list_display = ("document", "pid", "opening", "function")
    list_filter = ("function", "document__language")
    search_fields = ("text", "document__symbol")
    inlines = (LabelInline,)


@admin.register(m.Mandate)
class MandateAdmin(admin.ModelAdmin):
    list_display = ("document", "paragraph", "actor", "deadline", "session", "recurrence", "status")
    list_filter = ("status", "actor")


@admin.register(m.Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = ("paragraph", "field", "user", "at")
    readonly_fields = ("paragraph", "field", "user", "at", "old", "new", "note")


admin.site.register([m.Footnote, m.Label, m.Reference, m.ActorMention, m.Comparison])

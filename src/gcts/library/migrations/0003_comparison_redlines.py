"""Comparisons keep their redline in every interface language (the redline's own words are translated)."""

from __future__ import annotations

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("library", "0002_fulltext_index")]

    operations = [
        migrations.AddField(
            model_name="comparison",
            name="redlines",
            field=models.JSONField(blank=True, default=dict, verbose_name="redlines by interface language"),
        ),
    ]

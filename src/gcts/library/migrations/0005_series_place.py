"""A document's place in a series the series data does not list it in (``gcts corpus add --place``)."""

from __future__ import annotations

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("library", "0004_series_meaning")]

    operations = [
        migrations.AddField(
            model_name="document",
            name="place",
            field=models.IntegerField(
                blank=True,
                help_text="given when the series data does not list the document; else taken from it",
                null=True,
                verbose_name="place in the series",
            ),
        ),
    ]

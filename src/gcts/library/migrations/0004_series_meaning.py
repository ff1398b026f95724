"""A document's series is the series of resolutions it belongs to (the Strategy reviews) where known."""

from __future__ import annotations

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("library", "0003_comparison_redlines")]

    operations = [
        migrations.AlterField(
            model_name="document",
            name="series",
            field=models.CharField(
                blank=True,
                db_index=True,
                help_text=(
                    "series of resolutions (e.g. the Strategy reviews), else the symbol series, e.g. A/RES"
                ),
                max_length=40,
                verbose_name="series",
            ),
        ),
    ]

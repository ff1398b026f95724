"""The full-text index on ``library_paragraph.search_text``, in each database's own engine.

SQLite: an FTS5 table with external content, kept in step by triggers (so cascading deletes and updates
reach it too). PostgreSQL: a GIN index on ``to_tsvector('simple', search_text)`` ('simple': no stemming,
the text is already segmented into words). Other databases get no index (search still works by scanning).
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE library_paragraph_fts USING fts5("
    "search_text, content='library_paragraph', content_rowid='id', tokenize='unicode61')",
    "CREATE TRIGGER library_paragraph_fts_ai AFTER INSERT ON library_paragraph BEGIN "
    "INSERT INTO library_paragraph_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER library_paragraph_fts_ad AFTER DELETE ON library_paragraph BEGIN "
    "INSERT INTO library_paragraph_fts(library_paragraph_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER library_paragraph_fts_au AFTER UPDATE OF search_text ON library_paragraph BEGIN "
    "INSERT INTO library_paragraph_fts(library_paragraph_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO library_paragraph_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO library_paragraph_fts(library_paragraph_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS library_paragraph_fts_au",
    "DROP TRIGGER IF EXISTS library_paragraph_fts_ad",
    "DROP TRIGGER IF EXISTS library_paragraph_fts_ai",
    "DROP TABLE IF EXISTS library_paragraph_fts",
]
POSTGRES_CREATE = [
    "CREATE INDEX library_paragraph_search ON library_paragraph "
    "USING GIN (to_tsvector('simple', search_text))",
]
POSTGRES_DROP = ["DROP INDEX IF EXISTS library_paragraph_search"]


def _run(statements: dict[str, list[str]]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        ),
    ]

"""Full-text search over every stored paragraph, in every language, Chinese segmented properly.

Each paragraph keeps ``search_text``: its words (jieba's search-mode segmentation, which also cuts long
Chinese words into their parts; for alphabetic scripts it simply splits words) lower-cased and joined by
spaces. The database indexes that column with its own engine:

- SQLite: an FTS5 table with external content ``library_paragraph_fts`` kept in step by triggers;
- PostgreSQL: a GIN index on ``to_tsvector('simple', search_text)``.

A query is segmented the same way (precise mode), and a paragraph matches when it holds every word.

Two ways in: :func:`search` gives a queryset (for code that wants model instances and the ORM's
composability); :func:`hits` gives one page of rows and the total by two plain SQL statements — what the
search page and the API answer with, since building the ORM's SQL took more time than running it. A test
keeps the two equal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from html import escape

from django.db import connection
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.utils.safestring import SafeString, mark_safe

from gcts.library.models import Paragraph

WORD = re.compile(r"\w", re.UNICODE)
MAX_QUERY_CHARS = 200
SNIPPET_CHARS = 90


@cache
def _jieba():  # type: ignore[no-untyped-def]
    """jieba, loaded once (its dictionary takes about a second to load)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def segment_for_index(text: str) -> str:
    """The words of ``text`` for the index: search-mode segmentation, lower case, punctuation dropped."""
    words = (w.strip().lower() for w in _jieba().cut_for_search(text))
    return " ".join(w for w in words if w and WORD.search(w))


def query_phrase(query: str) -> str:
    """The query as one phrase (trimmed, at most 200 characters read): paragraphs that hold it as typed rank
    first, before those that only hold all its words somewhere."""
    return " ".join(query[:MAX_QUERY_CHARS].split())


def query_words(query: str) -> list[str]:
    """The words of a user's query (precise segmentation), without duplicates, at most 200 characters read."""
    seen: dict[str, None] = {}
    for w in _jieba().cut(query[:MAX_QUERY_CHARS]):
        w = w.strip().lower()
        if w and WORD.search(w):
            seen.setdefault(w, None)
    return list(seen)


def matching_ids_sql(words: list[str]) -> RawSQL:
    """A sub-query selecting the ids of paragraphs that contain every word, for the current database."""
    if connection.vendor == "postgresql":
        return RawSQL(
            "SELECT id FROM library_paragraph WHERE to_tsvector('simple', search_text) "
            "@@ plainto_tsquery('simple', %s)",
            [" ".join(words)],
        )
    fts_query = " ".join('"' + w.replace('"', '""') + '"' for w in words)
    return RawSQL("SELECT rowid FROM library_paragraph_fts WHERE library_paragraph_fts MATCH %s", [fts_query])


@dataclass(frozen=True)
class Filters:
    """Restrictions of a search besides its words (all optional)."""

    pillar: str = ""
    theme: str = ""
    actor: str = ""
    document: str = ""  # a document slug


def search(query: str, filters: Filters = Filters()) -> tuple[list[str], QuerySet[Paragraph]]:
    """Paragraphs matching ``query`` and ``filters``: the query's words and a queryset, paragraphs holding the
    whole phrase first, then newest document first and document order."""
    words = query_words(query)
    phrase = query_phrase(query)
    qs = Paragraph.objects.select_related("document").defer(
        "search_text",
        "span",
        "opening_evidence",
        "subparagraphs",
        "document__heading",
        "document__quality",
        "document__title",
    )
    if words:
        qs = qs.filter(id__in=matching_ids_sql(words))
    if filters.pillar:
        qs = qs.filter(labels__kind="pillar", labels__value=filters.pillar)
    if filters.theme:
        qs = qs.filter(labels__kind="theme", labels__value=filters.theme)
    if filters.actor:
        qs = qs.filter(actors__actor=filters.actor)
    if filters.document:
        qs = qs.filter(document__slug=filters.document)
    if not (words or filters.pillar or filters.theme or filters.actor or filters.document):
        return words, qs.none()
    if filters.pillar or filters.theme or filters.actor:  # joins to labels/actors can repeat a paragraph
        qs = qs.distinct()
    exact = Case(When(text__icontains=phrase, then=Value(0)), default=Value(1), output_field=IntegerField())
    ranked = qs.annotate(phrase_rank=exact if phrase else Value(1, output_field=IntegerField()))
    return words, ranked.order_by("phrase_rank", "-document__year", "document__slug", "position")


HIT_COLUMNS = ("pid", "text", "slug", "symbol", "source", "language")
_HIT_SELECT = "SELECT p.pid, p.text, d.slug, d.symbol, d.source, d.language"
# as search(): the whole phrase first, then newest document first, then document order
_ORDER = (
    "ORDER BY CASE WHEN UPPER(p.text) LIKE UPPER(%s) ESCAPE '\\' THEN 0 ELSE 1 END,"
    " d.year DESC, d.slug, p.position"
)


def _like_pattern(phrase: str) -> str:
    """A LIKE pattern matching ``phrase`` anywhere, its own ``%``, ``_`` and ``\\`` taken literally."""
    escaped = phrase.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%" if phrase else ""


def _conditions(words: list[str], filters: Filters) -> tuple[list[str], list[str]]:
    """SQL conditions on ``p`` (paragraph) and ``d`` (document) with their parameters."""
    where: list[str] = []
    params: list[str] = []
    if words:
        matching = matching_ids_sql(words)
        where.append(f"p.id IN ({matching.sql})")
        params.extend(str(x) for x in matching.params)
    for kind, value in (("pillar", filters.pillar), ("theme", filters.theme)):
        if value:
            where.append(
                "EXISTS (SELECT 1 FROM library_label l WHERE l.paragraph_id = p.id AND l.kind = %s"
                " AND l.value = %s)"
            )
            params.extend([kind, value])
    if filters.actor:
        where.append(
            "EXISTS (SELECT 1 FROM library_actormention a WHERE a.paragraph_id = p.id AND a.actor = %s)"
        )
        params.append(filters.actor)
    if filters.document:
        where.append("d.slug = %s")
        params.append(filters.document)
    return where, params


def hits(
    query: str, filters: Filters = Filters(), *, limit: int = 20, offset: int = 0
) -> tuple[list[str], list[dict[str, object]], int]:
    """The query's words, the ``limit`` matching paragraphs from ``offset`` (dicts of :data:`HIT_COLUMNS`,
    in the order of :func:`search`) and how many match in all.

    No COUNT statement when the first page already holds every match. Nothing matches an empty search.
    """
    words = query_words(query)
    where, params = _conditions(words, filters)
    if not where:
        return words, [], 0
    body = "FROM library_paragraph p JOIN library_document d ON d.id = p.document_id WHERE " + " AND ".join(
        where
    )
    with connection.cursor() as cursor:
        page: list[str | int] = [*params, _like_pattern(query_phrase(query)), limit + 1, offset]
        cursor.execute(f"{_HIT_SELECT} {body} {_ORDER} LIMIT %s OFFSET %s", page)
        rows = [dict(zip(HIT_COLUMNS, row, strict=True)) for row in cursor.fetchall()]
        if offset == 0 and len(rows) <= limit:
            return words, rows, len(rows)
        cursor.execute(f"SELECT COUNT(*) {body}", params)
        (count,) = cursor.fetchone()
    return words, rows[:limit], int(count)


def snippet(text: str, words: Iterable[str], width: int = SNIPPET_CHARS, *, phrase: str = "") -> SafeString:
    """An HTML-escaped extract of ``text`` around the query — the whole ``phrase`` where the text holds it,
    else the first query word —, each word's occurrences in <mark>."""
    words = [w for w in words if w]
    lower = text.lower()
    at_phrase = lower.find(phrase.lower()) if phrase else -1
    hits = [i for i in (lower.find(w) for w in words) if i >= 0]
    first = at_phrase if at_phrase >= 0 else min(hits) if hits else 0
    start = max(0, first - width // 3)
    end = min(len(text), start + width)
    part = text[start:end]
    html = escape(part)
    if words:
        # Marked in the text, then escaped piece by piece: marking the escaped text would cut entities
        # (a search for "amp" would mark inside "&amp;").
        pattern = re.compile(
            "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE
        )
        pieces: list[str] = []
        at = 0
        for m in pattern.finditer(part):
            pieces.append(f"{escape(part[at : m.start()])}<mark>{escape(m.group(0))}</mark>")
            at = m.end()
        html = "".join(pieces) + escape(part[at:])
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + html + suffix)

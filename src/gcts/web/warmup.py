"""Work a server process does once at start instead of on its first requests.

Loads jieba's dictionary (about a second), the vocabulary names in every interface language and the page
templates, so that no reader's request pays for them. It touches no database, so a server that forks its
workers after loading the application (``gunicorn --preload``) shares all of this between them.
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import get_template
from django.utils import translation

TEMPLATES = (
    "base.html",
    "library/library.html",
    "library/reading.html",
    "library/reading_article.html",
    "library/search.html",
    "library/compare.html",
    "library/mandates.html",
    "library/quality.html",
)


def warm() -> None:
    """Load the segmenter, the vocabulary names in each interface language, and compile the templates."""
    from gcts.library import search
    from gcts.web.library import fragments, vocabulary

    fragments.software_version()
    search.query_words("外国恐怖主义作战人员 warm-up")
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for kind in ("pillar", "theme", "actor", "instrument"):
                vocabulary.choices(kind)
    for name in TEMPLATES:
        get_template(name)

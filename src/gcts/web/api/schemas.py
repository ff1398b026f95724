"""The shapes of the API's answers (also the OpenAPI description's schemas)."""

from __future__ import annotations

from typing import Any

from ninja import Field, Schema


class Problem(Schema):
    """An error as RFC 9457 problem details."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str = ""


#: Statuses every operation can answer, as problem details: characters no text can hold in the request
#: (400, :mod:`gcts.web.middleware`), a parameter of the wrong type or length (422), an unexpected fault
#: (500, with no detail of the server), too many failed sign-ins from a client that sends credentials (429),
#: the store busy or its data folder read-only or full (503).
COMMON_STATUSES = (400, 422, 429, 500, 503)
#: Statuses a write can answer besides: no editor's credentials (401), a signed-in session without its CSRF
#: token (403).
WRITE_STATUSES = (401, 403)


def answers(ok: dict[int, Any], *statuses: int) -> dict[int, Any]:
    """An operation's ``response=`` map: its successful answers, then :data:`COMMON_STATUSES` and the given
    ``statuses`` as :class:`Problem` — so the OpenAPI description lists every status the operation returns
    (the API's schemathesis test fails on an undocumented one)."""
    return {**ok, **{code: Problem for code in (*COMMON_STATUSES, *statuses)}}


class DocumentSummary(Schema):
    """A document in the list."""

    slug: str
    symbol: str
    language: str
    kind: str
    series: str
    session: int | None
    year: int | None
    title: str
    adopted_as: str
    url: str
    partial: list[str] = Field(
        default_factory=list,
        description="What a partial document lacks (the reader's findings); empty for a whole document",
    )


class LabelOut(Schema):
    value: str
    confidence: float
    method: str


class ReferenceOut(Schema):
    symbol: str
    kind: str
    surface: str
    via_footnote: int | None
    document: str | None  # slug of the cited document when it is in the library


class ActorOut(Schema):
    actor: str
    surface: str
    addressed: bool


class MandateOut(Schema):
    id: int
    document: str
    paragraph: str
    actor: str
    action: str
    deadline: str | None
    session: int | None
    recurrence: str | None
    status: str


class ParagraphOut(Schema):
    id: str
    part: str
    number: int | None
    text: str
    opening: str | None
    function: str | None
    footnotes: list[int]
    pillars: list[LabelOut]
    themes: list[LabelOut]
    references: list[ReferenceOut]
    actors: list[ActorOut]
    mandates: list[MandateOut]


class FootnoteOut(Schema):
    number: int
    text: str
    cited_in: str | None


class DocumentDetail(DocumentSummary):
    """A document with its paragraphs, annotations and footnotes."""

    heading: dict[str, object]
    quality: list[dict[str, object]]
    paragraphs: list[ParagraphOut]
    footnotes: list[FootnoteOut]


class SearchHit(Schema):
    document: str
    symbol: str
    language: str
    paragraph: str
    snippet: str
    url: str


class SearchResults(Schema):
    query: str
    words: list[str]
    count: int
    results: list[SearchHit]


class ComparisonOut(Schema):
    old: str
    new: str
    partial: list[str] = Field(
        default_factory=list,
        description="One warning per compared document that is partial: its missing paragraphs count as "
        "removed or added",
    )
    summary: dict[str, object]
    result: dict[str, object]


class JobOut(Schema):
    """A queued piece of long work (an upload): its state, progress and outcome."""

    id: str
    kind: str
    label: str
    state: str  # queued, running, done, failed
    done: int
    total: int
    percent: int | None
    step: str
    error: str
    document: str | None  # the stored document's slug, once done
    document_url: str | None


class ActorSummary(Schema):
    id: str
    name: str
    mentions: int
    mandates: int

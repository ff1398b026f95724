"""``POST /api/screen``: screen one record against the newest stored list (an analyst's credentials needed).

Registered on the project's API by importing this module (``gcts.web.urls`` does), after the API exists.
Nothing of the record is stored or sent anywhere: the answer is computed here and returned.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Schema
from ninja.errors import HttpError
from pydantic import Field

from gcts.sanctions.roles import SCREEN
from gcts.sanctions.store import index_of, latest_snapshot
from gcts.screening.evidence import parse_partial_date
from gcts.screening.normalise import PERSON, kind_of
from gcts.screening.records import Record
from gcts.screening.screen import DEFAULT_THRESHOLD, screen_record
from gcts.web.api import schemas as s
from gcts.web.api.app import EditorBasic, EditorSession, api

MAX_FIELD = 1000


class ScreenerBasic(EditorBasic):
    permission = SCREEN


class ScreenerSession(EditorSession):
    permission = SCREEN


class ScreenIn(Schema):
    name: str
    schema_: str = Field("Person", alias="schema")
    date_of_birth: str = ""
    nationality: str = ""
    gender: str = ""
    document_number: str = ""
    threshold: float = DEFAULT_THRESHOLD


class MatchOut(Schema):
    reference_number: str
    score: float
    name: str
    explanation: str


class ScreenOut(Schema):
    list_date: str
    threshold: float
    matches: list[MatchOut]


@api.post(
    "/screen",
    response=s.answers({200: ScreenOut}, *s.WRITE_STATUSES, 409),
    auth=[ScreenerBasic(), ScreenerSession()],
    tags=["screening"],
)
def screen_one(request: HttpRequest, body: ScreenIn) -> dict[str, Any]:
    """Screen one person or organisation; matches best first, at or above the threshold, each explained."""
    for field in ("name", "date_of_birth", "nationality", "gender", "document_number"):
        if len(getattr(body, field)) > MAX_FIELD:
            raise HttpError(422, f"{field}: longer than {MAX_FIELD} characters")
    if not body.name.strip():
        raise HttpError(422, "name: empty")
    if not 0.0 <= body.threshold <= 1.0:
        raise HttpError(422, "threshold: not between 0 and 1")
    dob = parse_partial_date(body.date_of_birth) if body.date_of_birth.strip() else None
    if body.date_of_birth.strip() and dob is None:
        raise HttpError(422, f"date_of_birth: {body.date_of_birth!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    snapshot = latest_snapshot()
    if snapshot is None:
        raise HttpError(409, "no list in the store: run gcts sanctions load")
    record = Record(
        row=1,
        name=body.name.strip(),
        kind=kind_of(body.schema_) if body.schema_ else PERSON,
        date_of_birth=dob,
        nationality=body.nationality,
        gender=body.gender,
        documents=tuple(d for d in [body.document_number.strip()] if d),
    )
    result = screen_record(record, index_of(snapshot), body.threshold)
    return {
        "list_date": str(snapshot.snapshot_date),
        "threshold": body.threshold,
        "matches": [h.to_json() for h in result.hits],
    }

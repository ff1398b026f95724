"""An upload as a job: read, annotate and store a file an editor sent, off the request (``gcts.jobs``).

The page or the API checks what it can at once (type, size, the language and symbol given), keeps the
bytes in the job folder and queues :func:`process`; the editor watches the job's progress. The document is
stored in one transaction, so a job killed halfway leaves nothing and can be run again; the kept bytes are
moved to ``GCTS_HOME/uploads`` only once the document is stored.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings

from gcts.jobs.files import store_input, write_private
from gcts.jobs.models import Job
from gcts.jobs.queue import enqueue
from gcts.jobs.runner import Progress
from gcts.library import pipeline

#: Steps of an upload, for the progress bar.
STEPS = 3


def keep_upload(slug: str, suffix: str, data: bytes) -> Path:
    """Keep the uploaded bytes as ``GCTS_HOME/uploads/<slug><suffix>`` (owner-only permissions); the slug
    holds only ``A-Za-z0-9._-`` and the path is checked to stay in the folder."""
    folder = Path(settings.MEDIA_ROOT).resolve()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = (folder / f"{slug}{suffix}").resolve()
    if target.parent != folder:
        raise ValueError(f"refusing to write outside the upload folder: {slug!r}")
    return write_private(target, data)


def queue_upload(data: bytes, *, name: str, language: str | None, symbol: str | None, user: Any) -> Job:
    """Keep ``data`` and queue its reading and storing; the job to watch."""
    suffix = Path(name).suffix.lower()
    path = store_input(data, suffix)
    return enqueue(
        "gcts.web.library.uploads.process",
        kind="upload",
        label=name,
        owner=user,
        path=str(path),
        name=name,
        language=language or "",
        symbol=symbol or "",
        user_id=getattr(user, "pk", None),
    )


def process(
    *,
    progress: Progress,
    path: str,
    name: str,
    language: str = "",
    symbol: str = "",
    user_id: int | None = None,
) -> dict[str, Any]:
    """The job: read and annotate the file at ``path`` (sent as ``name``), store it, keep its bytes; the
    stored document's slug and symbol. Bad files raise a :class:`gcts.errors.GctsError` (the job fails with
    its one-line message)."""
    from django.contrib.auth import get_user_model

    from gcts.library.store import store_resolution

    source = Path(path)
    data = source.read_bytes()
    progress(0, STEPS, "reading")
    res = pipeline.read_bytes(data, name=name, language=language or None, symbol=symbol or None)
    progress(1, STEPS, "storing")
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    doc = store_resolution(res, user=user)
    progress(2, STEPS, "keeping the file")
    keep_upload(doc.slug, source.suffix, data)
    source.unlink(missing_ok=True)
    progress(STEPS, STEPS, "done")
    return {"slug": doc.slug, "symbol": doc.display_symbol}

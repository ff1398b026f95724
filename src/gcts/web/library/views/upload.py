"""Upload of a document (text, PDF, Word .docx or AKN4UN XML) by a signed-in editor; editors' corrections of
annotations.

The form checks what it can at once (type by extension and first bytes, size, the symbol given); reading,
annotating and storing run as a job (:mod:`gcts.web.library.uploads`) whose page shows the progress and
then the document, or the one-line reason it could not be added. Nothing is stored for a bad file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gcts.admission import symbol_problem
from gcts.library import pipeline
from gcts.library.models import Correction, Document, Label, Mandate, Paragraph
from gcts.model import PILLARS
from gcts.web.library.uploads import queue_upload

HEAD_BYTES = 64


def _is_text(head: bytes) -> bool:
    """Plain text: UTF-16 with a byte-order mark, or no NUL byte (binary files have them early)."""
    return head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" not in head


def _is_pdf(head: bytes) -> bool:
    return head.startswith(b"%PDF-")


def _is_zip(head: bytes) -> bool:
    """A zip package (a Word .docx is one; whether it holds a Word document is the reader's check)."""
    return head.startswith(b"PK\x03\x04")


def _is_xml(head: bytes) -> bool:
    """XML: after an optional UTF-8 byte-order mark and white space, markup starts."""
    return head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n").startswith(b"<")


#: Accepted file types: extension → the test its first bytes must pass.
ACCEPTED: dict[str, Callable[[bytes], bool]] = {
    ".txt": _is_text,
    ".pdf": _is_pdf,
    ".docx": _is_zip,
    ".xml": _is_xml,
    ".akn": _is_xml,
}


def type_problem(name: str, head: bytes) -> str | None:
    """Why a file named ``name`` starting with ``head`` is refused (in the interface language), or None."""
    suffix = Path(name).suffix.lower()
    if suffix not in ACCEPTED:
        return _("Only text (.txt), PDF (.pdf), Word (.docx) and AKN4UN XML (.xml, .akn) files can be added.")
    if not ACCEPTED[suffix](head):
        return _("The file's content does not match its type.")
    return None


class UploadForm(forms.Form):
    """The upload form: the file, and optionally its language and symbol (when the text lacks them)."""

    file = forms.FileField(
        label=gettext_lazy("File (text, PDF, Word or AKN4UN XML)"),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED)}),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language"),
        required=False,
        choices=[
            ("", gettext_lazy("detect")),
            ("ar", "العربية"),
            ("zh", "中文"),
            ("en", "English"),
            ("fr", "Français"),
            ("ru", "Русский"),
            ("es", "Español"),
        ],
    )
    symbol = forms.CharField(
        label=gettext_lazy("Symbol"),
        required=False,
        max_length=80,
        help_text=gettext_lazy("e.g. A/72/L.62, when the text does not carry it"),
    )

    def clean_symbol(self) -> str:
        """A symbol given with the file: one line of visible characters (as the store requires)."""
        symbol: str = self.cleaned_data["symbol"].strip()
        if symbol and symbol_problem("symbol", symbol):
            raise forms.ValidationError(_("A symbol is one line of letters, digits and punctuation."))
        return symbol

    def clean_file(self) -> Any:
        """Refuse files that are too large or not text/PDF (by extension and by their first bytes)."""
        upload = self.cleaned_data["file"]
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(limit)d MB.")
                % {"limit": settings.MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        head = upload.read(HEAD_BYTES)
        upload.seek(0)
        problem = type_problem(upload.name, head)
        if problem:
            raise forms.ValidationError(problem)
        return upload


@login_required
@permission_required("library.add_document", raise_exception=True)
def upload(request: HttpRequest) -> HttpResponse:
    """Show the form; on POST check the file and queue its reading, annotating and storing as a job (the
    editor is sent to the job's page, which shows its progress and then the document)."""
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = queue_upload(
            b"".join(upload.chunks()),
            name=pipeline.upload_name(upload.name),
            language=form.cleaned_data["language"] or None,
            symbol=form.cleaned_data["symbol"] or None,
            user=request.user,
        )
        return redirect("job", pk=job.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "library/upload.html", {"form": form}, status=status)


def _split(value: str) -> list[str]:
    return sorted({v.strip() for v in value.replace(";", ",").split(",") if v.strip()})


@require_POST
@login_required
@permission_required("library.change_paragraph", raise_exception=True)
def correct(request: HttpRequest, slug: str, pid: str) -> HttpResponse:
    """An editor corrects a paragraph's function, pillars or themes; each change is kept as a Correction."""
    para = get_object_or_404(Paragraph, document__slug=slug, pid=pid)
    with transaction.atomic():
        function = request.POST.get("function", para.function).strip()[:20]
        if function != para.function:
            Correction.objects.create(
                paragraph=para,
                user=request.user,
                field="function",
                old=para.function,
                new=function,
                note=request.POST.get("note", "")[:1000],
            )
            para.function = function
            para.save(update_fields=["function"])
        for kind in ("pillar", "theme"):
            if f"{kind}s" not in request.POST:
                continue
            new = [v for v in _split(request.POST[f"{kind}s"]) if kind != "pillar" or v in PILLARS]
            old = sorted(para.labels.filter(kind=kind).values_list("value", flat=True))
            if new != old:
                Correction.objects.create(
                    paragraph=para,
                    user=request.user,
                    field=f"{kind}s",
                    old=old,
                    new=new,
                    note=request.POST.get("note", "")[:1000],
                )
                para.labels.filter(kind=kind).exclude(value__in=new).delete()
                Label.objects.bulk_create(
                    Label(
                        paragraph=para,
                        kind=kind,
                        value=v,
                        method="person",
                        evidence=[
                            {"method": "person", "rule": "correction", "terms": [request.user.get_username()]}
                        ],
                    )
                    for v in new
                    if v not in old
                )
        Document.objects.filter(pk=para.document_id).update(updated_at=timezone.now())
    return redirect(f"/documents/{slug}/#{para.anchor}")


@require_POST
@login_required
@permission_required("library.change_mandate", raise_exception=True)
def mandate_status(request: HttpRequest, pk: int) -> HttpResponse:
    """An editor sets a mandate's status (open, in progress, done); the change is kept as a Correction."""
    md = get_object_or_404(Mandate, pk=pk)
    status = request.POST.get("status", "")
    if status in dict(Mandate.STATUS_CHOICES) and status != md.status:
        with transaction.atomic():
            Correction.objects.create(
                paragraph=md.paragraph,
                user=request.user,
                field=f"mandate:{md.pk}:status",
                old=md.status,
                new=status,
            )
            md.status = status
            md.save(update_fields=["status"])
        Document.objects.filter(pk=md.document_id).update(updated_at=timezone.now())
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("mandates")

"""The documentation pages. Published documentation is public (no log-in); before that only
the dais and the secretariat see it (a preview). Writing the summary report and publishing go
through the services."""

from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from sessions.errors import DomainError
from sessions.models import Committee, Conference
from sessions.permissions import (
    committee_access,
    committee_permission_required,
    secretariat_required,
)

from . import backup, documents, selectors, services
from .akn import resolution_akn
from .models import Documentation
from .services import SUMMARY_LIMIT


def documentation_readable(view):
    """Anyone once published; before that the dais and the secretariat (anonymous users go
    to the login page, people with no role in the committee get 404, delegates 403)."""

    @wraps(view)
    def wrapped(request, *args, committee, **kwargs):
        committee_obj = get_object_or_404(
            Committee.objects.select_related("conference"), slug=committee
        )
        published = Documentation.objects.filter(
            committee=committee_obj, published_at__isnull=False
        ).exists()
        access = committee_access(request.user, committee_obj)
        if not published:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not access:
                raise Http404("No such committee.")
            if not access.has("outcome.preview"):
                raise PermissionDenied("The documentation is not published yet.")
        request.committee = committee_obj
        request.access = access
        return view(request, *args, **kwargs)

    wrapped.permission = "outcome.preview (until published)"
    return wrapped


def _filename(committee, ext):
    return f"{committee.acronym}-documentation.{ext}"


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
@documentation_readable
def documentation(request):
    access = request.access
    docs = documents.committee_docs(request.committee)
    dais = bool(access) and access.has("outcome.preview")
    return HttpResponse(
        documents.html(
            docs,
            request=request,
            toolbar=True,
            dais=dais,
            can_edit=dais and access.has("outcome.edit_summary"),
            can_publish=dais and access.has("outcome.publish"),
            can_backup=dais and access.has("outcome.backup"),
        )
    )


@require_GET
@documentation_readable
def pdf(request):
    docs = documents.committee_docs(request.committee)
    return _download(documents.pdf(docs), "application/pdf", _filename(request.committee, "pdf"))


@require_GET
@documentation_readable
def akn(request):
    docs = documents.committee_docs(request.committee)
    return _download(
        documents.akn(docs), "application/akn+xml", _filename(request.committee, "xml")
    )


@require_GET
@documentation_readable
def resolution_xml(request, topic, number):
    doc = documents.committee_docs(request.committee)[0]
    for adopted in doc.resolutions:
        if adopted.topic.agenda_position == topic and adopted.record.number == number:
            filename = adopted.code.replace("/", "-") + ".xml"
            return _download(resolution_akn(doc, adopted), "application/akn+xml", filename)
    raise Http404("No such resolution.")


@require_GET
@committee_permission_required("outcome.backup")
def backup_json(request):
    data = backup.dumps(backup.export_committees([request.committee]))
    return _download(data, "application/json", _filename(request.committee, "json"))


class SummaryForm(forms.Form):
    summary = forms.CharField(
        label="Summary report",
        widget=forms.Textarea(attrs={"rows": 22}),
        required=False,
        max_length=SUMMARY_LIMIT,
        help_text="Paragraphs separated by a blank line; lines starting with “1. ” form a "
        "numbered list (the agenda).",
    )


def _documentation_url(committee):
    return reverse("outcome:documentation", kwargs={"committee": committee.slug})


@committee_permission_required("outcome.edit_summary")
def summary(request):
    committee = request.committee
    doc = Documentation.objects.filter(committee=committee).first()
    if request.method == "POST":
        form = SummaryForm(request.POST)
        if form.is_valid():
            try:
                services.summary_save(
                    committee=committee, text=form.cleaned_data["summary"], actor=request.user
                )
            except DomainError as error:
                form.add_error("summary", error.message)
            else:
                messages.success(request, "Summary report saved.")
                return redirect("outcome:summary", committee=committee.slug)
    elif request.method == "GET":
        form = SummaryForm(initial={"summary": doc.summary if doc else ""})
    else:
        return HttpResponse(status=405)
    return render(
        request,
        "outcome/summary.html",
        {
            "committee": committee,
            "form": form,
            "documentation": doc,
            "blocks": selectors.summary_blocks(form["summary"].value() or ""),
        },
        status=200 if form.is_bound is False or form.is_valid() else 400,
    )


@require_POST
@committee_permission_required("outcome.edit_summary")
def summary_draft(request):
    services.summary_draft(committee=request.committee, actor=request.user)
    messages.success(
        request, "A draft from the record replaced the summary report: read it and edit it."
    )
    return redirect("outcome:summary", committee=request.committee.slug)


@require_POST
@committee_permission_required("outcome.publish")
def publish(request):
    try:
        services.documentation_publish(committee=request.committee, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "The documentation is published: anyone can read it.")
    return redirect(_documentation_url(request.committee))


@require_POST
@committee_permission_required("outcome.publish")
def unpublish(request):
    try:
        services.documentation_unpublish(committee=request.committee, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "The documentation is no longer published.")
    return redirect(_documentation_url(request.committee))


# The conference: every committee's documentation in one document ---------------------------


def _conference_docs(request, pk):
    conference = get_object_or_404(Conference, pk=pk)
    everything = request.user.is_authenticated and request.user.is_staff
    docs = documents.conference_docs(conference, published_only=not everything)
    if not docs:
        if not request.user.is_authenticated:
            return conference, redirect_to_login(request.get_full_path())
        raise Http404("No published documentation.")
    return conference, docs


@require_GET
def conference_documentation(request, pk):
    conference, docs = _conference_docs(request, pk)
    if isinstance(docs, HttpResponse):
        return docs
    return HttpResponse(documents.html(docs, request=request))


@require_GET
@secretariat_required
def conference_pdf(request, pk):
    # The secretariat's only: a conference of 150 resolutions takes minutes to lay out.
    conference, docs = _conference_docs(request, pk)
    if isinstance(docs, HttpResponse):
        return docs
    return _download(documents.pdf(docs), "application/pdf", f"conference-{pk}-documentation.pdf")

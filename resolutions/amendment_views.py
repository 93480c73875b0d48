"""Pages for draft resolutions and their amendments. Thin views: the form, the service, the
domain error as a message in the page, Post/Redirect/Get."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from sessions import clock
from sessions.errors import DomainError
from sessions.permissions import committee_permission_required

from . import amendment_selectors as selectors
from . import amendment_services as services
from .amendment_forms import (
    AmendmentClauseForm,
    AmendmentCreateForm,
    AmendmentInviteForm,
    AmendmentPasteForm,
    RejectForm,
)
from .amendment_models import Amendment, AmendmentSupport
from .forms import WithdrawForm
from .limits import overlong_clause, overlong_message
from .models import DraftResolution
from .text import ParseError, parse
from .text import amend as text_amend
from .text.phrases import OPERATIVE, PREAMBULAR, phrase_list
from .views import _annotated_rows

# Loading ------------------------------------------------------------------------------------------


def _draft(request, pk):
    draft = selectors.load_draft(request.committee, pk)
    if draft is None:
        raise Http404("No such draft resolution.")
    return draft


def _amendment(request, pk):
    """An amendment of this committee that this person may read; 404 otherwise."""
    amendment = get_object_or_404(
        Amendment.objects.select_related(
            "committee",
            "draft__topic",
            "draft__revision",
            "draft__paper",
            "proposer__member_state",
            "base_revision",
            "applied_revision",
        ),
        committee=request.committee,
        pk=pk,
    )
    if not selectors.can_read(amendment, request.access):
        raise Http404("No such amendment.")
    return amendment


def _own_amendment(request, pk):
    amendment = _amendment(request, pk)
    delegation = request.access.delegation
    if delegation is None or delegation.pk != amendment.proposer_id:
        raise PermissionDenied(f"Only {amendment.proposer}, which proposed it, can do this.")
    return amendment


def _to_amendment(amendment):
    return redirect("resolutions:amendment", committee=amendment.committee.slug, pk=amendment.pk)


def _act(request, amendment, action, success):
    """Run a service from a button on the amendment's page, say what happened, go back to the
    page, or to the list when the answer (declining, unsigning) means it is no longer
    readable."""
    try:
        result = action()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success(result) if callable(success) else success)
        if not selectors.can_read(amendment, request.access):
            return redirect("resolutions:amendments", committee=amendment.committee.slug)
    return _to_amendment(amendment)


# The draft's page ---------------------------------------------------------------------------------


def _draft_context(request, draft, **extra):
    delegation = request.access.delegation
    sponsors = [s.delegation for s in draft.paper.sponsors]
    is_sponsor = delegation is not None and any(d.pk == delegation.pk for d in sponsors)
    can_propose = request.access.has("amendments.write") and delegation is not None
    return {
        "committee": request.committee,
        "draft": draft,
        "paper": draft.paper,
        "revision": draft.revision,
        "rows": _annotated_rows(draft.revision.resolution, findings=False),
        "sponsors": sponsors,
        "history": selectors.draft_history(draft),
        "amendments": selectors.draft_amendments(draft, request.access),
        "create_form": AmendmentCreateForm(friendly_allowed=is_sponsor) if can_propose else None,
        **extra,
    }


@require_GET
@committee_permission_required("amendments.view")
def draft_detail(request, pk):
    draft = _draft(request, pk)
    context = _draft_context(request, draft)
    return render(request, "resolutions/amendments/draft_detail.html", context)


@require_GET
@committee_permission_required("amendments.view")
def draft_live(request, pk):
    """The live part of the draft page: its text, history and amendments."""
    draft = _draft(request, pk)
    return render(
        request, "resolutions/amendments/partials/draft_body.html", _draft_context(request, draft)
    )


@require_POST
@committee_permission_required("amendments.write")
def amendment_create(request, pk):
    draft = _draft(request, pk)
    form = AmendmentCreateForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a friendly or an unfriendly amendment.")
        return redirect("resolutions:draft", committee=request.committee.slug, pk=draft.pk)
    try:
        amendment = services.amendment_create(
            target=draft,
            delegation=request.access.delegation,
            actor=request.user,
            kind=form.cleaned_data["kind"],
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("resolutions:draft", committee=request.committee.slug, pk=draft.pk)
    messages.success(request, f"{amendment.name} started: change, add or delete clauses.")
    return redirect("resolutions:amendment_edit", committee=request.committee.slug, pk=amendment.pk)


# An amendment's page ------------------------------------------------------------------------------


def _amendment_context(request, amendment, **extra):
    selectors.annotate(amendment, amendment.draft.revision)
    siblings = list(
        selectors.visible_amendments(
            Amendment.objects.filter(draft=amendment.draft, status__in=Amendment.PENDING),
            request.access,
        )
        .exclude(pk=amendment.pk)
        .select_related("draft")
    )
    amendment.conflicts = []
    if amendment.is_pending:
        for other in siblings:
            labels = (
                text_amend.conflicts(amendment.operations, other.operations)
                if other.base_revision_id == amendment.base_revision_id
                else []
            )
            if labels:
                amendment.conflicts.append((other, labels))
    supports = list(amendment.supports.select_related("delegation__member_state"))
    delegation = request.access.delegation
    mine = next((s for s in supports if delegation and s.delegation_id == delegation.pk), None)
    is_proposer = delegation is not None and delegation.pk == amendment.proposer_id
    have = 1 + sum(
        1
        for s in supports
        if s.role == AmendmentSupport.Role.SIGNATORY and s.state == AmendmentSupport.State.ACCEPTED
    )
    return {
        "committee": request.committee,
        "amendment": amendment,
        "draft": amendment.draft,
        "supports": supports,
        "mine": mine,
        "request_open": mine is not None
        and mine.state == AmendmentSupport.State.INVITED
        and selectors._request_open(amendment, mine),
        "is_proposer": is_proposer,
        "threshold": None
        if amendment.is_friendly
        else services.amendment_threshold(amendment, have=have),
        "invite_form": AmendmentInviteForm(amendment=amendment)
        if is_proposer and not amendment.is_friendly and amendment.can_edit()
        else None,
        "can_review": request.access.has("amendments.review")
        and amendment.status == Amendment.Status.AWAITING_DAIS,
        "reject_form": extra.pop("reject_form", None) or RejectForm(),
        **extra,
    }


@require_GET
@committee_permission_required("amendments.view")
def amendment_detail(request, pk):
    amendment = _amendment(request, pk)
    return render(
        request,
        "resolutions/amendments/amendment_detail.html",
        _amendment_context(request, amendment),
    )


@require_GET
@committee_permission_required("amendments.view")
def amendment_status(request, pk):
    amendment = _amendment(request, pk)
    return render(
        request,
        "resolutions/amendments/partials/amendment_body.html",
        _amendment_context(request, amendment),
    )


# Writing an amendment: the working paper's editor and paste-in ------------------------------------


def _editor_context(request, amendment, **extra):
    base = amendment.base_revision.resolution
    amended, origins = text_amend.apply(base, amendment.operations)
    rows = _annotated_rows(amended)
    for row in rows:
        origin = origins.get(row["key"])
        row["change"] = (
            "new" if origin and origin[0] == "new" else "changed" if origin and origin[2] else ""
        )
    clauses = [
        (origin[1], f"{row['path']} — {row['text'][:60]}")
        for row in rows
        if (origin := origins.get(row["key"])) and origin[0] == "base"
    ]
    return {
        "committee": request.committee,
        "amendment": amendment,
        "draft": amendment.draft,
        "rows": rows,
        "preamble_rows": [row for row in rows if row["kind"] == "pre"],
        "operative_rows": [row for row in rows if row["kind"] == "op"],
        "heading": amended.heading,
        "operations": list(enumerate(amendment.descriptions)),
        "preambular_phrases": phrase_list(PREAMBULAR),
        "operative_phrases": phrase_list(OPERATIVE),
        "paste_form": extra.pop("paste_form", None) or AmendmentPasteForm(clauses=clauses),
        "tool_buttons": [("delete", "✕", "Delete")],
        "base_id": amendment.base_revision_id,
        **extra,
    }


@require_GET
@committee_permission_required("amendments.write")
def amendment_edit(request, pk):
    amendment = _own_amendment(request, pk)
    if not amendment.can_edit():
        messages.info(
            request,
            f"{amendment.name} is {amendment.get_status_display().lower()}; its text cannot be "
            "changed now.",
        )
        return _to_amendment(amendment)
    return render(
        request, "resolutions/amendments/amendment_edit.html", _editor_context(request, amendment)
    )


NEEDS_TEXT = {"set", "add_after", "append_op", "add_child"}


def _require_same_text(request, amendment):
    """The editor's forms name clauses of the text the page showed (every form sends its
    revision as ``base``); if another amendment was applied since, the keys may point at other
    clauses, so nothing is changed."""
    base = request.POST.get("base")
    if base and base != str(amendment.base_revision_id):
        raise text_amend.AmendError(
            f"{amendment.draft.code} changed while you were editing (an amendment was applied): "
            "the page now shows this amendment on its new text. Check it and make your change "
            "again."
        )


@require_POST
@committee_permission_required("amendments.write")
def amendment_edit_clause(request, pk):
    amendment = _own_amendment(request, pk)
    form = AmendmentClauseForm(request.POST)
    error = None
    if not form.is_valid():
        # A clause over the limit names the limit; the typed text goes back into its form.
        error = (
            " ".join(
                str(message)
                for field in ("rest", "phrase")
                for message in form.errors.get(field, [])
            )
            or "That change is not understood; reload the page and try again."
        )
    else:
        op, key, text = form.cleaned_data["op"], form.cleaned_data["key"], form.text()
        try:
            _require_same_text(request, amendment)
            if op in NEEDS_TEXT and not text:
                raise text_amend.AmendError("Write the clause's text first.")
            base = amendment.base_revision.resolution
            if op == "undo":
                try:
                    index = int(key)
                except ValueError:
                    raise text_amend.AmendError("That change is not understood.") from None
                operations = text_amend.undo(amendment.operations, index)
            else:
                operations = text_amend.edit(base, amendment.operations, op, key, text)
            amendment = services.amendment_save_operations(
                amendment=amendment,
                delegation=request.access.delegation,
                actor=request.user,
                operations=operations,
            )
        except (text_amend.AmendError, DomainError) as exc:
            error = getattr(exc, "message", None) or str(exc)
    if error:
        messages.error(request, error)
    if request.htmx:
        amendment = _amendment(request, pk)
        context = _editor_context(request, amendment, failed=form if error else None)
        return render(request, "resolutions/amendments/partials/editor.html", context)
    return redirect("resolutions:amendment_edit", committee=request.committee.slug, pk=pk)


@require_POST
@committee_permission_required("amendments.write")
def amendment_paste(request, pk):
    """Preview pasted clauses in place (warnings and findings shown, nothing saved), then
    accept them as changes to the amendment."""
    amendment = _own_amendment(request, pk)
    clauses = _editor_context(request, amendment)["paste_form"].fields["key"].choices[1:]
    form = AmendmentPasteForm(request.POST, clauses=clauses)
    preview = None
    if form.is_valid():
        try:
            _require_same_text(request, amendment)
            result = parse(form.cleaned_data["text"])
            operations = text_amend.add_pasted(
                amendment.base_revision.resolution,
                amendment.operations,
                result.resolution,
                where=form.cleaned_data["where"],
                key=form.cleaned_data["key"],
            )
        except (ParseError, text_amend.AmendError) as error:
            form.add_error("text", str(error))
        else:
            amended, _ = text_amend.apply(amendment.base_revision.resolution, operations)
            if overlong := overlong_clause(amended):
                form.add_error("text", overlong_message(overlong))
            elif request.POST.get("accept"):
                try:
                    services.amendment_save_operations(
                        amendment=amendment,
                        delegation=request.access.delegation,
                        actor=request.user,
                        operations=operations,
                        note="pasted text",
                    )
                except DomainError as error:
                    form.add_error(None, error.message)
                else:
                    messages.success(request, "The pasted clauses are now part of the amendment.")
                    return redirect(
                        "resolutions:amendment_edit", committee=request.committee.slug, pk=pk
                    )
            else:
                rows = _annotated_rows(amended)
                preview = {
                    "rows": rows,
                    "flagged": sum(1 for row in rows if row["findings"]),
                    "warnings": result.warnings,
                    "operations": [text_amend.describe(o) for o in operations],
                }
    return render(
        request,
        "resolutions/amendments/amendment_edit.html",
        _editor_context(request, amendment, paste_form=form, preview=preview),
        status=400 if form.errors else 200,
    )


# Signatures, consents, submission -----------------------------------------------------------------


@require_POST
@committee_permission_required("amendments.write")
def amendment_invite(request, pk):
    amendment = _own_amendment(request, pk)
    form = AmendmentInviteForm(request.POST, amendment=amendment)
    if not form.is_valid():
        messages.error(request, "Choose a delegation that was not asked yet.")
        return _to_amendment(amendment)
    return _act(
        request,
        amendment,
        lambda: services.amendment_invite(
            amendment=amendment,
            delegation=request.access.delegation,
            actor=request.user,
            invitee=form.cleaned_data["delegation"],
        ),
        lambda s: f"{s.delegation} was asked to sign.",
    )


@require_POST
@committee_permission_required("amendments.write")
def amendment_answer(request, pk):
    amendment = _amendment(request, pk)
    accept = request.POST.get("accept") == "yes"
    return _act(
        request,
        amendment,
        lambda: services.amendment_answer(
            amendment=amendment,
            delegation=request.access.delegation,
            actor=request.user,
            accept=accept,
        ),
        f"{request.access.delegation} {'agreed' if accept else 'declined'}.",
    )


@require_POST
@committee_permission_required("amendments.write")
def amendment_signature_withdraw(request, pk):
    amendment = _amendment(request, pk)
    return _act(
        request,
        amendment,
        lambda: services.amendment_signature_withdraw(
            amendment=amendment, delegation=request.access.delegation, actor=request.user
        ),
        "Your signature was withdrawn.",
    )


@require_POST
@committee_permission_required("amendments.write")
def amendment_request_consents(request, pk):
    amendment = _own_amendment(request, pk)
    return _act(
        request,
        amendment,
        lambda: services.amendment_request_consents(
            amendment=amendment, delegation=request.access.delegation, actor=request.user
        ),
        lambda a: (
            "Every sponsor consented: it went to the dais."
            if a.status == Amendment.Status.AWAITING_DAIS
            else "The sponsors of the draft were asked to consent."
        ),
    )


@require_POST
@committee_permission_required("amendments.write")
def amendment_submit(request, pk):
    amendment = _own_amendment(request, pk)
    return _act(
        request,
        amendment,
        lambda: services.amendment_submit(
            amendment=amendment, delegation=request.access.delegation, actor=request.user
        ),
        f"{amendment.name} was sent to the dais.",
    )


@require_POST
@committee_permission_required("amendments.write")
def amendment_withdraw(request, pk):
    amendment = _own_amendment(request, pk)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("reason", [])))
        return _to_amendment(amendment)
    return _act(
        request,
        amendment,
        lambda: services.amendment_withdraw(
            amendment=amendment,
            delegation=request.access.delegation,
            actor=request.user,
            reason=form.cleaned_data["reason"],
        ),
        f"{amendment.name} was withdrawn.",
    )


# Lists --------------------------------------------------------------------------------------------


def _list_context(request):
    asked, mine, others = selectors.for_delegation(request.committee, request.access)
    return {"committee": request.committee, "asked": asked, "mine": mine, "others": others}


@require_GET
@committee_permission_required("amendments.view")
def amendment_list(request):
    return render(
        request,
        "resolutions/amendments/amendment_list.html",
        {**_list_context(request), "drafts": _drafts(request.committee)},
    )


@require_GET
@committee_permission_required("amendments.view")
def amendment_list_table(request):
    return render(
        request, "resolutions/amendments/partials/amendment_lists.html", _list_context(request)
    )


def _queue_context(request):
    waiting, voting = selectors.dais_queue(request.committee)
    now = clock.now()
    for amendment in waiting:
        amendment.waiting = now - amendment.submitted_at if amendment.submitted_at else None
    return {"committee": request.committee, "waiting": waiting, "voting": voting}


def _drafts(committee):
    return DraftResolution.objects.filter(committee=committee).order_by(
        "topic__agenda_position", "number"
    )


@require_GET
@committee_permission_required("amendments.view_queue")
def amendment_queue(request):
    context = {**_queue_context(request), "drafts": _drafts(request.committee)}
    return render(request, "resolutions/amendments/queue.html", context)


@require_GET
@committee_permission_required("amendments.view_queue")
def amendment_queue_table(request):
    return render(
        request, "resolutions/amendments/partials/queue_table.html", _queue_context(request)
    )


# Dais ---------------------------------------------------------------------------------------------


@require_POST
@committee_permission_required("amendments.review")
def amendment_approve(request, pk):
    amendment = _amendment(request, pk)
    return _act(
        request,
        amendment,
        lambda: services.amendment_approve(amendment=amendment, actor=request.user),
        lambda a: (
            f"{a.name} was applied: {a.draft.code} now reads as amended."
            if a.status == Amendment.Status.APPLIED
            else f"{a.name} was approved; it is voted on before {a.draft.code}."
        ),
    )


@require_POST
@committee_permission_required("amendments.review")
def amendment_reject(request, pk):
    amendment = _amendment(request, pk)
    form = RejectForm(request.POST)
    if form.is_valid():
        try:
            services.amendment_reject(
                amendment=amendment, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"{amendment.name} was rejected.")
            return _to_amendment(amendment)
    return render(
        request,
        "resolutions/amendments/amendment_detail.html",
        _amendment_context(request, amendment, reject_form=form),
        status=400,
    )

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from sessions import clock
from sessions.errors import DomainError
from sessions.models import Topic
from sessions.permissions import committee_permission_required

from . import rules, selectors, services
from .forms import (
    ClauseForm,
    CommentForm,
    InviteForm,
    MergeForm,
    NotAcceptForm,
    PaperCreateForm,
    PasteForm,
    ReturnForm,
    WithdrawForm,
)
from .limits import MAX_CLAUSES, count_clauses
from .models import Comment, Round, Supporter, WorkingPaper
from .text import ParseError, check, diff, parse, render_diff_html
from .text import edit as text_edit
from .text.phrases import OPERATIVE, PREAMBULAR, opening_phrase, phrase_list
from .text.render import render_rows

# Loading papers ---------------------------------------------------------------------------


def _paper(request, pk):
    """A paper of this committee that this person may read; 404 otherwise."""
    paper = get_object_or_404(
        WorkingPaper.objects.select_related("topic", "committee"),
        committee=request.committee,
        pk=pk,
    )
    if not rules.can_read_paper(request.access, paper):
        raise Http404("No such working paper.")
    return paper


def _sponsored_paper(request, pk):
    paper = _paper(request, pk)
    if not rules.is_sponsor(request.access.delegation, paper):
        raise PermissionDenied("Only the sponsors of this paper can do this.")
    return paper


def _to_paper(paper):
    return redirect("resolutions:paper", committee=paper.committee.slug, pk=paper.pk)


def _act(request, paper, action, success):
    """Run a service from a button on the paper page: a refusal becomes a message in the page,
    a success says what happened; either way back to the paper (Post/Redirect/Get)."""
    try:
        result = action()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success(result) if callable(success) else success)
    return _to_paper(paper)


def _annotated_rows(resolution, *, findings=True, comments=None):
    found = {}
    if findings:
        for finding in check(resolution):
            found.setdefault(finding.path, []).append(finding)
    rows = render_rows(resolution)
    for row in rows:
        kind = PREAMBULAR if row["kind"] == "pre" else OPERATIVE
        phrase = opening_phrase(row["text"], kind) if row["depth"] == 1 else None
        row["phrase"] = phrase or ""
        row["rest"] = row["text"][len(phrase) :].strip() if phrase else row["text"]
        row["findings"] = found.get(row["path"], [])
        row["comments"] = (comments or {}).get(row["path"], [])
    return rows


# Delegates' pages -------------------------------------------------------------------------


def _paper_list_page(request, form, status=200):
    committee = request.committee
    mine, invited, others = selectors.papers_by_involvement(committee, request.access)
    return render(
        request,
        "resolutions/paper_list.html",
        {
            "committee": committee,
            "mine": mine,
            "invited": invited,
            "others": others,
            "open_topic": Topic.objects.filter(
                committee=committee, status=Topic.Status.OPEN
            ).first(),
            "form": form,
            "can_write": request.access.has("papers.write"),
        },
        status=status,
    )


@require_GET
@committee_permission_required("papers.view")
def paper_list(request):
    return _paper_list_page(request, PaperCreateForm())


@require_POST
@committee_permission_required("papers.write")
def paper_create(request):
    form = PaperCreateForm(request.POST)
    if form.is_valid():
        try:
            paper = services.paper_create(
                committee=request.committee,
                delegation=request.access.delegation,
                actor=request.user,
                title=form.cleaned_data["title"],
            )
        except DomainError as error:
            form.add_error("title", error.message)
        else:
            messages.success(request, f"{paper.name} created. Write or paste its text.")
            return redirect("resolutions:paper_edit", committee=request.committee.slug, pk=paper.pk)
    return _paper_list_page(request, form, status=400)


def _status_context(request, paper, **extra):
    """What the live status card needs: status, supporters, threshold, revisions. No text
    and no comparison, since every open page of the paper re-fetches it on each change."""
    supporters = list(paper.supporters.select_related("delegation__member_state"))
    delegation = request.access.delegation
    mine = next((s for s in supporters if delegation and s.delegation_id == delegation.pk), None)
    is_sponsor = rules.is_sponsoring(mine)
    is_main_sponsor = rules.is_main_sponsoring(mine)
    accepted = sum(1 for s in supporters if s.state == Supporter.State.ACCEPTED)
    context = {
        "committee": request.committee,
        "paper": paper,
        "supporters": supporters,
        "mine": mine,
        "is_sponsor": is_sponsor,
        "is_main_sponsor": is_main_sponsor,
        "withdraw_form": WithdrawForm() if is_main_sponsor else None,
        "threshold": services.threshold_for(paper, have=accepted),
        "revisions": paper.revisions.select_related("author").order_by("-number"),
        "is_dais": request.access.has("papers.view_queue"),
        "invite_form": InviteForm(paper=paper) if is_sponsor and paper.can_edit() else None,
    }
    context.update(extra)
    return context


def _paper_context(request, paper, **extra):
    revision = services.latest_revision(paper)
    rounds = list(selectors.rounds_with_comments(paper))
    returned = [r for r in rounds if r.outcome != Round.Outcome.PENDING]
    placed, lost = selectors.anchor_comments(returned, revision)
    return _status_context(
        request,
        paper,
        revision=revision,
        rows=_annotated_rows(revision.resolution, comments=placed),
        lost=lost,
        rounds=rounds,
        draft=getattr(paper, "draft", None)
        if paper.status == WorkingPaper.Status.APPROVED
        else None,
        **extra,
    )


@require_GET
@committee_permission_required("papers.view")
def paper_detail(request, pk):
    paper = _paper(request, pk)
    return render(request, "resolutions/paper_detail.html", _paper_context(request, paper))


@require_GET
@committee_permission_required("papers.view")
def paper_status(request, pk):
    """The live part of the paper page (status, supporters, actions)."""
    paper = _paper(request, pk)
    return render(
        request, "resolutions/partials/paper_status.html", _status_context(request, paper)
    )


def _editor_context(request, paper, **extra):
    revision = services.latest_revision(paper)
    returned = [
        r for r in selectors.rounds_with_comments(paper) if r.outcome != Round.Outcome.PENDING
    ]
    placed, _ = selectors.anchor_comments(returned, revision)
    return {
        "committee": request.committee,
        "paper": paper,
        "revision": revision,
        "rows": _annotated_rows(revision.resolution, comments=placed),
        "preambular_phrases": phrase_list(PREAMBULAR),
        "operative_phrases": phrase_list(OPERATIVE),
        "paste_form": extra.pop("paste_form", None) or PasteForm(),
        "tool_buttons": [
            ("up", "↑", "Move up"),
            ("down", "↓", "Move down"),
            ("outdent", "←", "Outdent"),
            ("indent", "→", "Indent"),
            ("delete", "✕", "Delete"),
        ],
        "add_forms": [
            ("pre", "append_pre", "Add a preambular clause", "preambular-phrases"),
            ("op", "append_op", "Add an operative clause", "operative-phrases"),
        ],
        **extra,
    }


@require_GET
@committee_permission_required("papers.write")
def paper_edit(request, pk):
    paper = _sponsored_paper(request, pk)
    if not paper.can_edit():
        messages.info(
            request,
            f"{paper.name} is {paper.get_status_display().lower()}; its text cannot be edited now.",
        )
        return _to_paper(paper)
    return render(request, "resolutions/paper_edit.html", _editor_context(request, paper))


def _apply(resolution, form):
    op, key, text = form.cleaned_data["op"], form.cleaned_data["key"], form.text()
    if op in {"set", "add_after", "append_pre", "append_op", "add_child"} and not text:
        raise text_edit.EditError("Write the clause's text first.")
    if op == "set":
        return text_edit.set_text(resolution, key, text), key
    if op == "add_after":
        return text_edit.add_after(resolution, key, text)
    if op == "append_pre":
        return text_edit.append(resolution, "pre", text)
    if op == "append_op":
        return text_edit.append(resolution, "op", text)
    if op == "add_child":
        return text_edit.add_child(resolution, key, text)
    if op == "delete":
        return text_edit.delete(resolution, key), None
    if op in {"up", "down"}:
        return text_edit.move(resolution, key, -1 if op == "up" else 1)
    if op == "indent":
        return text_edit.indent(resolution, key)
    return text_edit.outdent(resolution, key)


@require_POST
@committee_permission_required("papers.write")
def paper_edit_clause(request, pk):
    paper = _sponsored_paper(request, pk)
    form = ClauseForm(request.POST)
    focus, error = None, None
    if not form.is_valid():
        # Say what was wrong (a clause over the limit names the limit); the typed text is
        # put back in the form it came from.
        error = (
            " ".join(
                str(message)
                for field in ("rest", "phrase")
                for message in form.errors.get(field, [])
            )
            or "That change is not understood; reload the page and try again."
        )
    else:
        revision = services.latest_revision(paper)
        try:
            resolution, focus = _apply(revision.resolution, form)
            services.paper_save_text(
                paper=paper,
                delegation=request.access.delegation,
                actor=request.user,
                resolution=resolution,
            )
        except (text_edit.EditError, DomainError) as exc:
            error = str(exc)
        else:
            typed = form.text().rstrip()
            if (
                focus
                and typed.endswith(":")
                and focus.startswith("op")
                and not text_edit.clause_at(resolution, focus).children
            ):
                messages.info(
                    request,
                    "The colon appears once the clause has sub-clauses: add them with "
                    "“+ Add” › “Add sub-clause”. Until then the clause ends with “;”.",
                )
    if error:
        messages.error(request, error)
    failed = form if error else None
    if request.htmx:
        context = _editor_context(request, paper, focus=focus, failed=failed)
        return render(request, "resolutions/partials/editor.html", context)
    if failed:
        context = _editor_context(request, paper, failed=failed)
        return render(request, "resolutions/paper_edit.html", context, status=400)
    return redirect("resolutions:paper_edit", committee=request.committee.slug, pk=paper.pk)


@require_POST
@committee_permission_required("papers.write")
def paper_paste(request, pk):
    """Preview a pasted text (warnings shown, nothing saved), then accept it as a revision."""
    paper = _sponsored_paper(request, pk)
    form = PasteForm(request.POST)
    preview = None
    if form.is_valid():
        try:
            result = parse(form.cleaned_data["text"])
        except ParseError as error:
            form.add_error("text", str(error))
        else:
            clauses = count_clauses(result.resolution)
            if clauses > MAX_CLAUSES:
                form.add_error(
                    "text",
                    f"This text has {clauses:,} clauses and sub-clauses; a working paper can "
                    f"have at most {MAX_CLAUSES:,}. Paste a shorter text.",
                )
        if form.is_valid():
            if request.POST.get("accept"):
                try:
                    services.paper_save_text(
                        paper=paper,
                        delegation=request.access.delegation,
                        actor=request.user,
                        resolution=result.resolution,
                        note="pasted text",
                    )
                except DomainError as error:
                    form.add_error(None, error.message)
                else:
                    messages.success(request, "The pasted text is now the paper's text.")
                    return redirect(
                        "resolutions:paper_edit", committee=request.committee.slug, pk=paper.pk
                    )
            preview = {
                "rows": _annotated_rows(result.resolution),
                "warnings": result.warnings,
                "set_aside": result.set_aside,
            }
    return render(
        request,
        "resolutions/paper_edit.html",
        _editor_context(request, paper, paste_form=form, preview=preview),
        status=200 if form.is_valid() else 400,
    )


@require_POST
@committee_permission_required("papers.write")
def supporter_invite(request, pk):
    paper = _sponsored_paper(request, pk)
    form = InviteForm(request.POST, paper=paper)
    if not form.is_valid():
        messages.error(request, "Choose a delegation that is not yet on the paper.")
        return _to_paper(paper)
    return _act(
        request,
        paper,
        lambda: services.supporter_invite(
            paper=paper,
            delegation=request.access.delegation,
            actor=request.user,
            invitee=form.cleaned_data["delegation"],
            role=form.cleaned_data["role"],
        ),
        lambda s: f"{s.delegation} was asked to {'co-sponsor' if s.role == 'sponsor' else 'sign'}.",
    )


@require_POST
@committee_permission_required("papers.write")
def supporter_answer(request, pk):
    paper = _paper(request, pk)
    accept = request.POST.get("accept") == "yes"
    return _act(
        request,
        paper,
        lambda: services.supporter_answer(
            paper=paper, delegation=request.access.delegation, actor=request.user, accept=accept
        ),
        lambda s: f"{s.delegation} {'accepted' if accept else 'declined'}.",
    )


@require_POST
@committee_permission_required("papers.write")
def signature_withdraw(request, pk):
    paper = _paper(request, pk)
    return _act(
        request,
        paper,
        lambda: services.signature_withdraw(
            paper=paper, delegation=request.access.delegation, actor=request.user
        ),
        "Your signature was withdrawn.",
    )


@require_POST
@committee_permission_required("papers.write")
def paper_submit(request, pk):
    paper = _sponsored_paper(request, pk)
    return _act(
        request,
        paper,
        lambda: services.paper_submit(
            paper=paper, delegation=request.access.delegation, actor=request.user
        ),
        f"{paper.name} was sent to the dais.",
    )


@require_POST
@committee_permission_required("papers.write")
def paper_withdraw(request, pk):
    paper = _sponsored_paper(request, pk)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        context = _paper_context(request, paper, withdraw_form=form)
        return render(request, "resolutions/paper_detail.html", context, status=400)
    return _act(
        request,
        paper,
        lambda: services.paper_withdraw(
            paper=paper,
            delegation=request.access.delegation,
            actor=request.user,
            reason=form.cleaned_data["reason"],
        ),
        f"{paper.name} was withdrawn.",
    )


@require_POST
@committee_permission_required("papers.write")
def sponsor_leave(request, pk):
    paper = _sponsored_paper(request, pk)
    return _act(
        request,
        paper,
        lambda: services.sponsor_leave(
            paper=paper, delegation=request.access.delegation, actor=request.user
        ),
        f"{request.access.delegation} left {paper.name}.",
    )


@require_GET
@committee_permission_required("papers.view")
def paper_compare(request, pk):
    paper = _paper(request, pk)
    revisions = {r.number: r for r in paper.revisions.all()}
    latest = max(revisions)
    try:
        new = revisions[int(request.GET.get("to", latest))]
        old = revisions[int(request.GET.get("from", max(new.number - 1, 1)))]
    except (KeyError, ValueError):
        raise Http404("No such revision.") from None
    return render(
        request,
        "resolutions/paper_compare.html",
        {
            "committee": request.committee,
            "paper": paper,
            "old": old,
            "new": new,
            "revisions": sorted(revisions.values(), key=lambda r: r.number),
            "diff_html": render_diff_html(diff(old.resolution, new.resolution)),
        },
    )


# Dais ----------------------------------------------------------------------------------------


def _queue_context(request):
    committee = request.committee
    queue = selectors.dais_queue(committee)
    now = clock.now()
    for paper in queue:
        paper.round = paper.pending_rounds[0] if paper.pending_rounds else None
        paper.waiting = now - paper.round.submitted_at if paper.round else None
    topics = {}
    for paper in queue:
        topics.setdefault(paper.topic, []).append(paper)
    return {
        "committee": committee,
        "topics": topics,
        "queue": queue,
        "others": selectors.other_papers(committee, request.access),
        "can_review": request.access.has("papers.review"),
    }


@require_GET
@committee_permission_required("papers.view_queue")
def queue(request):
    return render(request, "resolutions/queue.html", _queue_context(request))


@require_GET
@committee_permission_required("papers.view_queue")
def queue_table(request):
    return render(request, "resolutions/partials/queue_table.html", _queue_context(request))


def _review_paper(request, pk):
    """A paper that has been submitted at least once (the dais never sees drafts)."""
    paper = get_object_or_404(
        WorkingPaper.objects.select_related("topic", "committee").prefetch_related(
            "supporters__delegation__member_state"
        ),
        committee=request.committee,
        pk=pk,
    )
    if not paper.rounds.exists():
        raise Http404("No such working paper.")
    return paper


def _review_context(request, paper, **forms):
    rounds = list(selectors.rounds_with_comments(paper))
    current = next((r for r in reversed(rounds) if r.outcome == Round.Outcome.PENDING), None)
    shown = current.revision if current else services.latest_revision(paper)
    previous = next((r for r in reversed(rounds) if current and r.number < current.number), None)
    pending = {}
    if current:
        for comment in current.comments.all():
            pending.setdefault(comment.clause, []).append(comment)
    return {
        "committee": request.committee,
        "paper": paper,
        "round": current,
        "rounds": rounds,
        "revision": shown,
        "rows": _annotated_rows(shown.resolution, comments=pending),
        "previous": previous,
        "diff_html": render_diff_html(diff(previous.revision.resolution, shown.resolution))
        if previous and previous.revision_id != shown.pk
        else None,
        "threshold": services.threshold_for(paper),
        "can_review": request.access.has("papers.review") and paper.can_review(),
        "return_form": forms.get("return_form") or ReturnForm(),
        "comment_form": forms.get("comment_form"),
        "merge_form": forms.get("merge_form") or MergeForm(paper=paper),
        "not_accept_form": forms.get("not_accept_form") or NotAcceptForm(),
    }


@require_GET
@committee_permission_required("papers.view_queue")
def review(request, pk):
    paper = _review_paper(request, pk)
    return render(request, "resolutions/review.html", _review_context(request, paper))


def _review_error(request, paper, **forms):
    return render(
        request, "resolutions/review.html", _review_context(request, paper, **forms), status=400
    )


def _to_review(paper):
    return redirect("resolutions:review", committee=paper.committee.slug, pk=paper.pk)


@require_POST
@committee_permission_required("papers.review")
def comment_add(request, pk):
    paper = _review_paper(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_add(paper=paper, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error("text", error.message)
    if form.errors:
        return _review_error(request, paper, comment_form=form)
    return redirect(f"{_to_review(paper).url}#c-{form.cleaned_data['clause'].replace(' ', '')}")


@require_POST
@committee_permission_required("papers.review")
def comment_delete(request, pk, comment):
    paper = _review_paper(request, pk)
    comment = get_object_or_404(Comment, pk=comment, round__paper=paper)
    try:
        services.comment_delete(comment=comment, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    return _to_review(paper)


def _decide(request, paper, form, form_name, action, success):
    """A dais decision taken with a form: on success back to the queue with a message; a
    refusal, or a form error, shows the review page again with what was typed kept."""
    if form.is_valid():
        try:
            result = action(form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, success(result))
            return redirect("resolutions:queue", committee=request.committee.slug)
    return _review_error(request, paper, **{form_name: form})


@require_POST
@committee_permission_required("papers.review")
def paper_return(request, pk):
    paper = _review_paper(request, pk)
    return _decide(
        request,
        paper,
        ReturnForm(request.POST),
        "return_form",
        lambda data: services.paper_return(
            paper=paper, actor=request.user, general_comment=data["general_comment"]
        ),
        lambda _: f"{paper.name} was returned to its sponsors.",
    )


@require_POST
@committee_permission_required("papers.review")
def paper_approve(request, pk):
    paper = _review_paper(request, pk)
    try:
        draft = services.paper_approve(paper=paper, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return _to_review(paper)
    messages.success(request, f"{paper.name} approved as {draft.code}.")
    return redirect("resolutions:queue", committee=request.committee.slug)


@require_POST
@committee_permission_required("papers.review")
def paper_merge(request, pk):
    paper = _review_paper(request, pk)
    return _decide(
        request,
        paper,
        MergeForm(request.POST, paper=paper),
        "merge_form",
        lambda data: services.paper_merge(
            paper=paper, into=data["into"], actor=request.user, comment=data["comment"]
        ),
        lambda into: f"{paper.name} was merged into {into.name}, which went back to its sponsors.",
    )


@require_POST
@committee_permission_required("papers.review")
def paper_not_accept(request, pk):
    paper = _review_paper(request, pk)
    return _decide(
        request,
        paper,
        NotAcceptForm(request.POST),
        "not_accept_form",
        lambda data: services.paper_not_accept(
            paper=paper, actor=request.user, reason=data["reason"]
        ),
        lambda _: f"{paper.name} was not accepted.",
    )

"""The delegates' pages: the list of papers, a paper with its status and supporters, the
buttons that invite, answer, submit, withdraw or leave, and the comparison of revisions."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from sessions.errors import DomainError
from sessions.models import Topic
from sessions.permissions import committee_permission_required

from .. import rules, selectors, services
from ..forms import (
    InviteForm,
    PaperCreateForm,
    WithdrawForm,
)
from ..models import Round, Supporter, WorkingPaper
from .common import _act, _paper, _revision_rows, _sponsored_paper, _to_paper

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
    # Sponsors first (the main sponsor at their head), then signatories, each in the order
    # they joined: as the paper's heading names them.
    supporters = sorted(
        paper.supporters.select_related("delegation__member_state"),
        key=lambda s: (s.role != Supporter.Role.SPONSOR, s.position, s.pk),
    )
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
        rows=_revision_rows(revision, comments=placed),
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
            "diff_html": selectors.revision_diff_html(old, new),
        },
    )

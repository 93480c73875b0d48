"""The dais's pages: the review queue, one paper under review, comments and decisions."""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from sessions import clock
from sessions.errors import DomainError
from sessions.permissions import committee_permission_required

from .. import rules, selectors, services
from ..forms import (
    CommentForm,
    MergeForm,
    NotAcceptForm,
    ReturnForm,
)
from ..models import Comment, Round, WorkingPaper
from .common import _revision_rows

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
    """A paper the dais may read: submitted at least once (``rules.can_read_paper``), with
    its rounds (whether it has any is the reading rule: fetched with the paper, they answer
    it without another query) and whether there is a paper to merge it into."""
    paper = get_object_or_404(
        selectors.with_merge_candidates(
            WorkingPaper.objects.select_related("topic")
        ).prefetch_related(Prefetch("rounds", queryset=Round.objects.select_related("revision"))),
        committee=request.committee,
        pk=pk,
    )
    paper.committee = request.committee
    if not rules.can_read_paper(request.access, paper):
        raise Http404("No such working paper.")
    return paper


def _review_context(request, paper, **forms):
    rounds = list(paper.rounds.all())
    # Every round's comments in one query (a prefetch nested in the rounds' cost more).
    comments = selectors.comments_by_round(paper)
    for each in rounds:
        each.comment_list = comments.get(each.pk, [])
        for comment in each.comment_list:
            comment.round = each
    current = next((r for r in reversed(rounds) if r.outcome == Round.Outcome.PENDING), None)
    shown = current.revision if current else services.latest_revision(paper)
    previous = next((r for r in reversed(rounds) if current and r.number < current.number), None)
    supporters = selectors.accepted_supporter_names(paper)
    pending = {}
    if current:
        for comment in current.comment_list:
            pending.setdefault(comment.clause, []).append(comment)
    return {
        "committee": request.committee,
        "paper": paper,
        "round": current,
        "rounds": rounds,
        "revision": shown,
        "rows": _revision_rows(shown, comments=pending),
        "previous": previous,
        "diff_html": selectors.revision_diff_html(previous.revision, shown)
        if previous and previous.revision_id != shown.pk
        else None,
        "supporters": supporters,
        "threshold": services.threshold_for(
            paper, have=len(supporters.sponsors) + len(supporters.signatories)
        ),
        # Each clause's comment form posts here: reversed once, not once a clause.
        "comment_add_url": reverse(
            "resolutions:comment_add", kwargs={"committee": paper.committee.slug, "pk": paper.pk}
        ),
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

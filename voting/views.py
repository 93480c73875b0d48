"""Voting pages: the motions and votes index, voting procedure on a topic, the vote screen
(the chair's controls, or the tally a delegate follows), the projector, and the buttons that
call the services. The chair's screen posts with fetch() and gets the vote's state back as
JSON; without JavaScript every form still works with Post/Redirect/Get."""

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from resolutions import amendment_selectors
from resolutions.amendment_models import Amendment
from sessions.errors import DomainError
from sessions.permissions import committee_permission_required

from . import selectors, services
from .forms import CountsForm, MotionForm, OpenItemForm
from .models import Item, Method, Vote, VotingProcedure


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _vote(request, pk):
    return get_object_or_404(
        Vote.objects.select_related("committee", "item", "drawn__member_state"),
        committee=request.committee,
        pk=pk,
    )


def _vote_url(vote):
    return reverse("voting:vote", kwargs={"committee": vote.committee.slug, "pk": vote.pk})


# Index: motions, procedures, votes, resolutions -------------------------------------------


def _index_page(request, *, motion_form=None, status=200):
    committee = request.committee
    context = {
        "committee": committee,
        "can_record": request.access.has("voting.record"),
        "motion_form": motion_form or MotionForm(security_council=committee.is_security_council),
        "current": selectors.current_vote(committee),
        "procedures": selectors.procedures(committee),
        "votes": selectors.votes(committee),
        "resolutions": selectors.resolutions(committee),
    }
    return render(request, "voting/index.html", context, status=status)


@require_GET
@committee_permission_required("voting.view")
def index(request):
    return _index_page(request)


@require_POST
@committee_permission_required("voting.record")
def motion(request):
    committee = request.committee
    form = MotionForm(request.POST, security_council=committee.is_security_council)
    if form.is_valid():
        data = form.cleaned_data
        try:
            vote = services.motion_vote(
                committee=committee,
                motion=data["motion"],
                yes=data["yes"],
                no=data["no"],
                method=data["method"],
                subject=data.get("subject") or "",
                order=data["order"],
                draft=data.get("draft"),
                parts=data["parts"],
                actor=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            if vote.is_open:  # a roll call: the chair calls the delegations on its screen
                return redirect(_vote_url(vote))
            outcome = "adopted" if vote.adopted else "failed"
            messages.success(request, f"{vote.subject}: {outcome} ({vote.result}).")
            return redirect("voting:index", committee=committee.slug)
    return _index_page(request, motion_form=form, status=400)


# Voting procedure ----------------------------------------------------------------------


def _procedure_page(request, procedure, *, form=None, status=200):
    committee = request.committee
    items = list(
        procedure.items.select_related(
            "draft", "vote", "amendment__proposer__member_state"
        ).order_by("position")
    )
    upcoming = next((i for i in items if not i.is_decided), None)
    codes = {r.draft_id: r.code for r in selectors.resolutions(committee)}
    for item in items:
        item.code = codes.get(item.draft_id) if item.kind == Item.Kind.DRAFT else None
    context = {
        "committee": committee,
        "procedure": procedure,
        "items": items,
        "upcoming": upcoming,
        "not_voted": [
            a
            for a in amendment_selectors.not_put_to_the_vote({i.draft_id for i in items})
            if a.pk not in {i.amendment_id for i in items}
        ],
        "form": form or OpenItemForm(),
        "current": selectors.current_vote(committee),
        "can_record": request.access.has("voting.record"),
    }
    return render(request, "voting/procedure.html", context, status=status)


@require_GET
@committee_permission_required("voting.view")
def procedure(request, pk):
    procedure = get_object_or_404(
        VotingProcedure.objects.select_related("topic"), committee=request.committee, pk=pk
    )
    return _procedure_page(request, procedure)


@require_POST
@committee_permission_required("voting.record")
def item_open(request, pk):
    item = get_object_or_404(
        Item.objects.select_related("procedure__topic", "draft"),
        procedure__committee=request.committee,
        pk=pk,
    )
    form = OpenItemForm(request.POST)
    if form.is_valid():
        try:
            vote = services.item_vote_open(
                item=item,
                method=form.cleaned_data["method"],
                majority=form.cleaned_data["majority"],
                actor=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return redirect(_vote_url(vote))
    return _procedure_page(request, item.procedure, form=form, status=400)


# The vote screen -------------------------------------------------------------------------


TALLY = [("yes", "In favor"), ("no", "Against"), ("abstain", "Abstaining"), ("pass", "Passed")]


def tally_rows(state):
    expected = max(state["expected"], 1)
    return [
        {
            "key": key,
            "label": label,
            "count": state[key],
            "pct": round(100 * state[key] / expected, 1),
            "hidden": (key == "pass" and state["method"] != Method.ROLL_CALL)
            or (key == "abstain" and state["kind"] == Vote.Kind.PROCEDURAL),
        }
        for key, label in TALLY
    ]


def _amendment(vote):
    """The amendment a vote decides, with its diff (two queries), or None."""
    if vote is None or not vote.item_id or vote.item.kind != Item.Kind.AMENDMENT:
        return None
    amendment = (
        Amendment.objects.select_related(
            "draft__revision", "base_revision", "proposer__member_state"
        )
        .filter(pk=vote.item.amendment_id)
        .first()
    )
    return amendment_selectors.annotate(amendment, amendment.draft.revision)


def _opened_procedure(vote):
    """The voting procedure an adopted closure of debate opened (one query), or None."""
    if vote is None or vote.motion != Vote.Motion.CLOSURE or not vote.adopted:
        return None
    procedures = VotingProcedure.objects.filter(topic=vote.topic_id).select_related("topic")
    return procedures.order_by("-opened_at").first()


def _vote_context(request, vote, *, counts_form=None):
    committee = request.committee
    state = selectors.vote_state(vote, order=True) if vote else None
    can_record = request.access.has("voting.record")
    context = {
        "committee": committee,
        "vote": vote,
        "state": state,
        "tally": tally_rows(state) if state else [],
        "can_record": can_record,
        "delegation": request.access.delegation,
        "follow": "current" if request.resolver_match.url_name in ("current", "projector") else "",
        "amendment": _amendment(vote),
        "opened_procedure": _opened_procedure(vote),
    }
    if vote is not None and can_record and vote.method == Method.PLACARD and vote.is_open:
        context["counts_form"] = counts_form or CountsForm(
            security_council=committee.is_security_council,
            abstentions=vote.substantive,
            label="Record the counts and announce",
            abstain_max=vote.may_abstain,
        )
    return context


@require_GET
@committee_permission_required("voting.view")
def current(request):
    vote = selectors.current_vote(request.committee)
    return render(request, "voting/vote.html", _vote_context(request, vote))


@require_GET
@committee_permission_required("voting.view")
def vote(request, pk):
    return render(request, "voting/vote.html", _vote_context(request, _vote(request, pk)))


@require_GET
@committee_permission_required("voting.view")
def projector(request):
    vote = selectors.current_vote(request.committee)
    return render(request, "voting/projector.html", _vote_context(request, vote))


@require_GET
@committee_permission_required("voting.view")
def state(request, pk=None):
    """The full state once (a page catching up after a gap or a reconnection)."""
    vote = _vote(request, pk) if pk else selectors.current_vote(request.committee)
    if vote is None:
        raise Http404("No vote yet.")
    return JsonResponse(selectors.vote_state(vote, order=True))


def _done(request, vote, *, error=None, success=None):
    """JSON for the chair's screen; otherwise a message and back to the vote."""
    if _wants_json(request):
        vote.refresh_from_db()
        payload = {"state": selectors.vote_state(vote, order=True)}
        if error:
            payload["error"] = error
        return JsonResponse(payload, status=400 if error else 200)
    if error:
        messages.error(request, error)
    elif success:
        messages.success(request, success)
    return redirect(_vote_url(vote))


def _call(request, pk, service, success=None, **kwargs):
    vote = _vote(request, pk)
    try:
        service(vote=vote, actor=request.user, **kwargs)
    except DomainError as error:
        return _done(request, vote, error=error.message)
    return _done(request, vote, success=success)


@require_POST
@committee_permission_required("voting.record")
def no_objection(request, pk):
    return _call(request, pk, services.vote_no_objection, "Adopted without a vote.")


@require_POST
@committee_permission_required("voting.record")
def objection(request, pk):
    method = request.POST.get("method", "")
    return _call(request, pk, services.vote_objection, method=method)


@require_POST
@committee_permission_required("voting.record")
def counts(request, pk):
    vote = _vote(request, pk)
    form = CountsForm(
        request.POST,
        security_council=request.committee.is_security_council,
        abstentions=vote.substantive,
        label="Record the counts and announce",
        abstain_max=vote.may_abstain,
    )
    if form.is_valid():
        try:
            services.vote_counts(vote=vote, actor=request.user, **form.counts())
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            vote.refresh_from_db()
            messages.success(request, f"{vote.subject}: {vote.result}.")
            return redirect(_vote_url(vote))
    context = _vote_context(request, vote, counts_form=form)
    return render(request, "voting/vote.html", context, status=400)


@require_POST
@committee_permission_required("voting.record")
def ballot(request, pk):
    vote = _vote(request, pk)
    try:
        delegation = services.delegation_for(vote, int(request.POST.get("delegation", "")))
        answer = request.POST.get("answer", "")
        ballot = services.ballot_record(
            vote=vote,
            delegation=delegation,
            answer=answer.removesuffix("_rights"),
            with_rights=answer.endswith("_rights"),
            actor=request.user,
        )
    except ValueError:
        return _done(request, vote, error="Choose the delegation that answers.")
    except DomainError as error:
        return _done(request, vote, error=error.message)
    if _wants_json(request):  # the same small answer the live message carries
        return JsonResponse(
            {
                "state": getattr(ballot.vote, "state", None) or selectors.vote_state(ballot.vote),
                "ballot": selectors.ballot_message(ballot, delegation),
            }
        )
    return _done(request, vote)


@require_POST
@committee_permission_required("voting.record")
def undo(request, pk):
    vote = _vote(request, pk)
    try:
        vote = services.ballot_undo(vote=vote, actor=request.user)
    except DomainError as error:
        return _done(request, vote, error=error.message)
    if _wants_json(request):
        return JsonResponse({"state": vote.state, "ballot": vote.undone})
    return _done(request, vote)


@require_POST
@committee_permission_required("voting.record")
def verify(request, pk):
    return _call(request, pk, services.vote_verify, "Count verified: announce the result.")


@require_POST
@committee_permission_required("voting.record")
def announce(request, pk):
    return _call(request, pk, services.vote_announce)

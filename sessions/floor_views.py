"""The live floor's pages: the floor (the chair's controls, or a delegate's phone), its live
panel, its state as JSON, the projector, and the buttons that call ``sessions.floor``.
Every button posts a form and comes back to the floor page (Post/Redirect/Get)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from . import floor
from .errors import DomainError
from .floor_forms import CountsForm, MotionForm, YieldForm
from .models import Delegation, FloorMotion, Speech
from .permissions import committee_permission_required


def may_act_for(access, delegation):
    """The one rule: the chair and rapporteur act for any delegation, a delegate only for
    their own."""
    if access.has("floor.run"):
        return True
    return (
        access.delegation is not None
        and delegation is not None
        and (access.delegation.pk == delegation.pk)
    )


def _back(request):
    return redirect("committee:floor", committee=request.committee.slug)


def _delegation_from_post(request, field="delegation"):
    """A delegate acts for their own delegation; the dais names one (or none)."""
    access = request.access
    raw = request.POST.get(field, "")
    if not access.has("floor.run"):
        if raw and raw != str(access.delegation.pk if access.delegation else ""):
            raise PermissionDenied("Delegates act only for their own delegation.")
        return access.delegation
    if not raw:
        return None
    try:
        pk = int(raw)
    except ValueError:
        return None
    return get_object_or_404(
        Delegation.objects.select_related("member_state"), committee=request.committee, pk=pk
    )


def _context(request):
    committee = request.committee
    state = floor.floor_state(committee)
    access = request.access
    delegations = floor.delegations_for_floor(committee) if access.has("floor.run") else []
    own = access.delegation
    return {
        "page": _page_context(request, delegations),
        "committee": committee,
        "state": state,
        "vote": floor.vote_state(committee),
        "vote_links": floor.vote_links(committee),
        "can_run": access.has("floor.run"),
        "can_take_part": access.has("floor.take_part"),
        "own": own,
        "own_waiting": own is not None and any(w["delegation"] == own.pk for w in state["waiting"]),
        "delegations": delegations,
        "motion_form": MotionForm(delegations=delegations),
        "counts_form": CountsForm(),
        "kinds": FloorMotion.Kind.choices,
    }


def _page_context(request, delegations):
    """What the floor page's script needs to draw the panel from a live message's state the
    way ``partials/floor_panel.html`` draws it: who is looking, the buttons' addresses (``0``
    stands for the record's id), the delegations to yield to."""
    slug = request.committee.slug
    access = request.access

    def url(name, **kw):
        return reverse(f"committee:{name}", kwargs={"committee": slug, **kw})

    return {
        "can_run": access.has("floor.run"),
        "own": {"id": access.delegation.pk, "name": access.delegation.name}
        if access.delegation
        else None,
        "csrf": get_token(request),
        "state_url": url("floor_state"),
        "urls": {
            "speaker_add": url("speaker_add"),
            "speaker_withdraw": url("speaker_withdraw", pk=0),
            "speaker_next": url("speaker_next"),
            "speech_end": url("speech_end"),
            "motion_vote": url("floor_motion_vote", pk=0),
            "motion_withdraw": url("floor_motion_withdraw", pk=0),
            "suspension_end": url("suspension_end"),
        },
        "delegations": [{"id": d.pk, "name": d.name} for d in delegations],
    }


@require_GET
@committee_permission_required("floor.view")
def floor_page(request):
    return render(request, "sessions/floor.html", _context(request))


@require_GET
@committee_permission_required("floor.view")
def floor_panel(request):
    return render(request, "sessions/partials/floor_panel.html", _context(request))


@require_GET
@committee_permission_required("floor.view")
def floor_state(request):
    return JsonResponse(
        {"state": floor.floor_state(request.committee), "vote": floor.vote_state(request.committee)}
    )


@require_GET
@committee_permission_required("floor.view")
def floor_projector(request):
    committee = request.committee
    context = {
        "committee": committee,
        "state": floor.floor_state(committee),
        "vote": floor.vote_state(committee),
    }
    return render(request, "sessions/floor_projector.html", context)


def _run(request, service, success=None, **kwargs):
    try:
        service(actor=request.user, **kwargs)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if success:
            messages.success(request, success)
    return _back(request)


@require_POST
@committee_permission_required("floor.take_part")
def speaker_add(request):
    delegation = _delegation_from_post(request)
    if delegation is None:
        messages.error(request, "Choose the delegation to add to the speakers list.")
        return _back(request)
    return _run(
        request,
        floor.speaker_add,
        f"{delegation} is on the speakers list.",
        committee=request.committee,
        delegation=delegation,
    )


@require_POST
@committee_permission_required("floor.take_part")
def speaker_withdraw(request, pk):
    speech = get_object_or_404(
        Speech.objects.select_related("speakers_list__topic__committee", "delegation"),
        speakers_list__topic__committee=request.committee,
        pk=pk,
    )
    if not may_act_for(request.access, speech.delegation):
        raise PermissionDenied("Delegates act only for their own delegation.")
    return _run(request, floor.speaker_withdraw, "Taken off the speakers list.", speech=speech)


@require_POST
@committee_permission_required("floor.run")
def speaker_next(request):
    return _run(request, floor.speaker_next, committee=request.committee)


@require_POST
@committee_permission_required("floor.run")
def speech_end(request):
    delegations = floor.delegations_for_floor(request.committee)
    form = YieldForm(request.POST, delegations=delegations)
    if not form.is_valid():
        if "question_seconds" in form.errors:
            messages.error(request, "Give the question time in seconds: 5 to 3,600.")
        else:
            messages.error(request, "Choose how the speaker yields.")
        return _back(request)
    to = form.cleaned_data["delegation"]
    questions = form.cleaned_data["yield_to"] == Speech.Yield.QUESTIONS
    return _run(
        request,
        floor.speech_end,
        committee=request.committee,
        yield_to=form.cleaned_data["yield_to"] or "",
        to_delegation=next((d for d in delegations if d.pk == to), None),
        question_seconds=form.cleaned_data["question_seconds"] if questions else None,
    )


@require_POST
@committee_permission_required("floor.take_part")
def motion_raise(request):
    delegation = _delegation_from_post(request)
    if not request.access.has("floor.run") and delegation is None:
        raise PermissionDenied("Only a delegation's delegates raise its motions.")
    form = MotionForm(request.POST)
    del form.fields["delegation"]  # read above: a delegate's own, or the one the dais names
    if not form.is_valid():
        errors = "; ".join(e for errs in form.errors.values() for e in errs)
        return _motion_refused(request, f"The motion was not raised: {errors}")
    data = form.cleaned_data
    try:
        motion = floor.motion_raise(
            committee=request.committee,
            kind=data["kind"],
            delegation=delegation,
            minutes=data["minutes"],
            seconds=data["seconds"],
            order=data["order"],
            draft=data["draft"],
            parts=data["parts"],
            actor=request.user,
        )
    except DomainError as error:
        return _motion_refused(request, f"The motion was not raised: {error.message}")
    messages.success(request, f"Motion raised: {motion.subject}.")
    return _back(request)


def _motion_refused(request, message):
    """The floor page again, the message on the motion form and what was typed kept."""
    context = _context(request)
    context["motion_error"] = message
    context["motion_data"] = request.POST
    return render(request, "sessions/floor.html", context, status=400)


def _motion(request, pk):
    return get_object_or_404(
        FloorMotion.objects.select_related("committee", "topic", "delegation"),
        committee=request.committee,
        pk=pk,
    )


@require_POST
@committee_permission_required("floor.take_part")
def motion_withdraw(request, pk):
    motion = _motion(request, pk)
    if not may_act_for(request.access, motion.delegation):
        raise PermissionDenied("Only the delegation that moved it may withdraw a motion.")
    return _run(request, floor.motion_withdraw, "Motion withdrawn.", motion=motion)


@require_POST
@committee_permission_required("floor.run")
def motion_vote(request, pk):
    motion = _motion(request, pk)
    form = CountsForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Enter the votes in favor and against as whole numbers.")
        return _back(request)
    try:
        vote = floor.motion_put_to_vote(
            motion=motion,
            yes=form.cleaned_data["yes"],
            no=form.cleaned_data["no"],
            actor=request.user,
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        outcome = "adopted" if vote.adopted else "failed"
        messages.success(request, f"{motion.subject}: {outcome} ({vote.result}).")
    return _back(request)


@require_POST
@committee_permission_required("floor.run")
def suspension_end(request):
    return _run(
        request, floor.suspension_end, "The meeting is resumed.", committee=request.committee
    )

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from . import floor, live, selectors, services
from .errors import DomainError
from .forms import AgendaOrderForm, MeetingForm, TimelineFilterForm, TopicForm
from .models import Attendance, Committee, Conference, DaisRole, Delegate, Meeting, Topic
from .panels import AGENDA_VOTE, dashboard_panels, overview_links
from .permissions import committee_permission_required, secretariat_required


@login_required
def home(request):
    """Send each person to their own page."""
    user = request.user
    if user.is_staff:
        return redirect("conference_overview")
    role = DaisRole.objects.filter(user=user).select_related("committee").first()
    if role is not None:
        return redirect("committee:dashboard", committee=role.committee.slug)
    delegate = Delegate.objects.filter(user=user).select_related("delegation__committee").first()
    if delegate is not None:
        return redirect("committee:delegate_home", committee=delegate.delegation.committee.slug)
    return render(request, "sessions/no_assignment.html", status=200)


@require_GET
@secretariat_required
def conference_overview(request):
    committees = Committee.objects.annotate(
        n_delegations=Count("delegations", distinct=True),
        n_members=Count("delegations", filter=Q(delegations__is_observer=False), distinct=True),
        n_delegates=Count("delegations__delegates", distinct=True),
        n_dais=Count("dais_roles__user", distinct=True),
        n_meetings=Count("meetings", distinct=True),
    ).prefetch_related(
        Prefetch("topics", queryset=Topic.objects.order_by("agenda_position", "proposed_number"))
    )
    conferences = list(
        Conference.objects.prefetch_related(
            Prefetch("committees", queryset=committees, to_attr="committee_list")
        )
    )
    overview_links(conferences)  # what later apps add (the documentation)
    return render(request, "sessions/conference_overview.html", {"conferences": conferences})


@require_GET
@committee_permission_required("committee.view_dashboard")
def dashboard(request):
    committee = request.committee
    meeting = selectors.latest_meeting(committee)
    context = {
        "committee": committee,
        "meeting": meeting,
        "summary": selectors.roll_call_summary(committee, meeting),
        "entries": selectors.recent_timeline(committee, request.access),
        "panels": dashboard_panels(committee),
        "dais": sorted(
            DaisRole.objects.filter(committee=committee).select_related("user"),
            key=lambda r: DaisRole.ROLE_ORDER.index(r.role),
        ),
        **selectors.agenda_context(committee),
    }
    return render(request, "sessions/dashboard.html", context)


@require_GET
@committee_permission_required("committee.view_dashboard")
def recent(request):
    """The dashboard's latest entries, refreshed live."""
    return render(
        request,
        "sessions/partials/timeline.html",
        {"entries": selectors.recent_timeline(request.committee, request.access)},
    )


@require_GET
@committee_permission_required("committee.view_dashboard")
def panels(request):
    """The dashboard's panels (each app's), refreshed live."""
    return render(
        request,
        "sessions/partials/panels.html",
        {"committee": request.committee, "panels": dashboard_panels(request.committee)},
    )


@require_GET
@committee_permission_required("committee.view_timeline")
def timeline(request):
    committee = request.committee
    form = TimelineFilterForm(request.GET or None, committee=committee)
    kind = meeting = None
    if form.is_valid():
        kind = form.cleaned_data["kind"] or None
        meeting = form.cleaned_data["meeting"]
    entries = selectors.timeline(committee, request.access, kind=kind, meeting=meeting)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"committee": committee, "page": page, "form": form, "query": query.urlencode()}
    return render(request, "sessions/timeline.html", context)


# Roll call -------------------------------------------------------------------------------


@require_GET
@committee_permission_required("committee.view_roll_call")
def roll_call(request, number=None):
    committee = request.committee
    if number is None:
        meeting = selectors.latest_meeting(committee)
    else:
        meeting = get_object_or_404(Meeting, committee=committee, number=number)
    return _roll_call_page(request, meeting, MeetingForm(committee=committee))


def _roll_call_page(request, meeting, form, status=200):
    committee = request.committee
    meetings = list(Meeting.objects.filter(committee=committee).order_by("number"))
    rows = selectors.roster(committee, meeting)
    context = {
        "committee": committee,
        "meeting": meeting,
        "meetings": meetings,
        "latest": meetings[-1] if meetings else None,
        "rows": rows,
        "summary": selectors.roll_call_summary(committee, meeting, rows),
        "form": form,
        "statuses": Attendance,
        "can_mark": request.access.has("committee.take_roll_call"),
    }
    return render(request, "sessions/roll_call.html", context, status=status)


@require_POST
@committee_permission_required("committee.take_roll_call")
def meeting_create(request):
    committee = request.committee
    form = MeetingForm(request.POST, committee=committee)
    if form.is_valid():
        try:
            meeting = services.meeting_open(
                committee=committee,
                name=form.cleaned_data["name"],
                starts_at=form.cleaned_data["starts_at"],
                actor=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"{meeting} opened. Call the roll.")
            return redirect(
                "committee:roll_call_meeting", committee=committee.slug, number=meeting.number
            )
    return _roll_call_page(request, selectors.latest_meeting(committee), form, status=400)


@require_POST
@committee_permission_required("committee.take_roll_call")
def meeting_remove(request, number):
    committee = request.committee
    meeting = get_object_or_404(Meeting, committee=committee, number=number)
    try:
        services.meeting_remove(meeting=meeting, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("committee:roll_call_meeting", committee=committee.slug, number=number)
    messages.success(request, f"{meeting} removed.")
    return redirect("committee:roll_call", committee=committee.slug)


@require_POST
@committee_permission_required("committee.take_roll_call")
def roll_call_mark(request, number, delegation):
    committee = request.committee
    meeting = get_object_or_404(Meeting, committee=committee, number=number)
    delegation = get_object_or_404(
        committee.delegations.select_related("member_state"), pk=delegation
    )
    status = request.POST.get("status", "")
    refused = False
    try:
        services.roll_call_mark(
            meeting=meeting, delegation=delegation, status=status, actor=request.user
        )
    except DomainError as error:
        refused = True
        messages.error(request, error.message)
    if not request.htmx:
        page = reverse(
            "committee:roll_call_meeting", kwargs={"committee": committee.slug, "number": number}
        )
        return redirect(f"{page}#d{delegation.pk}")
    current = selectors.delegation_attendance(delegation, meeting)
    context = {
        "committee": committee,
        "meeting": meeting,
        "delegation": delegation,
        "status": current,
        "statuses": Attendance,
        "can_mark": True,
        "summary": selectors.roll_call_summary(committee, meeting),
        "oob": True,
    }
    # A refusal answers 409 so the page shows it on the row instead of retrying.
    return render(
        request,
        "sessions/partials/roll_call_mark_response.html",
        context,
        status=409 if refused else 200,
    )


@require_GET
@committee_permission_required("committee.view_roll_call")
def roll_call_summary(request, number=None):
    """The summary panel of one meeting, or of the latest one (the dashboard follows the
    newest meeting as meetings open)."""
    committee = request.committee
    if number is None:
        meeting = selectors.latest_meeting(committee)
    else:
        meeting = get_object_or_404(Meeting, committee=committee, number=number)
    return render(
        request,
        "sessions/partials/roll_call_summary.html",
        {
            "committee": committee,
            "meeting": meeting,
            "summary": selectors.roll_call_summary(committee, meeting),
            "follow_latest": number is None,
        },
    )


# Agenda ----------------------------------------------------------------------------------


def _agenda_page(request, *, topic_form=None, order_form=None, status=200):
    committee = request.committee
    vote_url = AGENDA_VOTE.get("url_name")
    context = {
        "agenda_vote_url": reverse(vote_url, kwargs={"committee": committee.slug})
        if vote_url
        else None,
        "committee": committee,
        "topic_form": topic_form or TopicForm(),
        "order_form": order_form or AgendaOrderForm(),
        "can_manage": request.access.has("committee.manage_agenda"),
        **selectors.agenda_context(committee),
    }
    return render(request, "sessions/agenda.html", context, status=status)


@require_GET
@committee_permission_required("committee.view_agenda")
def agenda(request):
    return _agenda_page(request)


@require_POST
@committee_permission_required("committee.manage_agenda")
def topic_propose(request):
    form = TopicForm(request.POST)
    if form.is_valid():
        try:
            topic = services.topic_propose(
                committee=request.committee, title=form.cleaned_data["title"], actor=request.user
            )
        except DomainError as error:
            form.add_error("title", error.message)
        else:
            messages.success(request, f"Topic {topic.proposed_number} proposed.")
            return redirect("committee:agenda", committee=request.committee.slug)
    return _agenda_page(request, topic_form=form, status=400)


@require_POST
@committee_permission_required("committee.manage_agenda")
def agenda_adopt(request):
    if AGENDA_VOTE.get("url_name"):
        # The order is adopted by a procedural vote, recorded on the voting page.
        messages.error(
            request, "The agenda is adopted by a procedural vote: record it on the Voting page."
        )
        return redirect("committee:agenda", committee=request.committee.slug)
    form = AgendaOrderForm(request.POST)
    if form.is_valid():
        try:
            services.agenda_adopt(
                committee=request.committee, order=form.cleaned_data["order"], actor=request.user
            )
        except DomainError as error:
            form.add_error("order", error.message)
        else:
            messages.success(request, "Agenda adopted; the first topic is open.")
            return redirect("committee:agenda", committee=request.committee.slug)
    return _agenda_page(request, order_form=form, status=400)


@require_POST
@committee_permission_required("committee.manage_agenda")
def topic_open_next(request):
    try:
        topic = services.topic_open_next(committee=request.committee, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Topic {topic.number} is now open.")
    return redirect("committee:agenda", committee=request.committee.slug)


@require_POST
@committee_permission_required("committee.manage_agenda")
def topic_close(request, number):
    topic = get_object_or_404(Topic, committee=request.committee, agenda_position=number)
    reason = request.POST.get("reason") or "voting procedure finished"
    if reason not in {"voting procedure finished", "debate adjourned"}:
        reason = "voting procedure finished"
    try:
        services.topic_close(topic=topic, actor=request.user, reason=reason)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Topic {topic.number} closed ({reason}).")
    return redirect("committee:agenda", committee=request.committee.slug)


@require_POST
@committee_permission_required("committee.manage_agenda")
def topic_reopen(request, number):
    topic = get_object_or_404(Topic, committee=request.committee, agenda_position=number)
    try:
        services.topic_reopen(topic=topic, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Topic {topic.number} is open again.")
    return redirect("committee:agenda", committee=request.committee.slug)


# Delegates --------------------------------------------------------------------------------


@require_GET
@committee_permission_required("committee.view_delegate_home")
def delegate_home(request):
    committee = request.committee
    delegation = request.access.delegation
    meeting = selectors.latest_meeting(committee)
    rows = selectors.roster(committee, meeting)
    context = {
        "committee": committee,
        "delegation": delegation,
        "meeting": meeting,
        "attendance": next((answer for d, answer in rows if d.pk == delegation.pk), None),
        "summary": selectors.roll_call_summary(committee, meeting, rows),
        "statuses": Attendance,
        "co_delegates": Delegate.objects.filter(delegation=delegation).select_related("user"),
        "vote": floor.vote_state(committee),
        "vote_links": floor.vote_links(committee),
        **selectors.agenda_context(committee),
    }
    return render(request, "sessions/delegate_home.html", context)


@require_GET
@committee_permission_required("committee.follow_live")
def live_state(request):
    """What the committee's live messages carry, as of now, with the stream's number: a
    page fetches it once after missing a message or reconnecting (``sessions.live``)."""
    response = JsonResponse(live.snapshot(request.committee))
    response["Cache-Control"] = "no-store"
    return response

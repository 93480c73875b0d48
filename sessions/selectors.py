"""Reads that pages share: each one a fixed number of queries whatever the committee's size."""

from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, When

from . import audit
from .models import (
    Attendance,
    AuditEntry,
    Delegation,
    Meeting,
    RollCallEntry,
    RollCallSummary,
    Topic,
)


def members_at(committee, meeting=None):
    """The committee's delegations at ``meeting``: a closed meeting keeps the membership it
    had when the next one opened, so later arrivals do not change its figures."""
    delegations = Delegation.objects.filter(committee=committee)
    if meeting is None:
        return delegations.filter(withdrawn_at__isnull=True)
    member = Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gt=meeting.opened_at)
    if meeting.closed_at is not None:
        member &= Q(added_at__lt=meeting.closed_at)
    answered = Exists(RollCallEntry.objects.filter(meeting=meeting, delegation=OuterRef("pk")))
    return delegations.filter(member | answered)


def delegations_in_order(committee, meeting=None):
    """The committee's delegations (at ``meeting``) in English alphabetical order (one query)."""
    delegations = members_at(committee, meeting).select_related("member_state")
    return sorted(delegations, key=lambda d: d.sort_key)


def latest_meeting(committee):
    return Meeting.objects.filter(committee=committee).order_by("-number").first()


def latest_roll_call(committee):
    """The latest meeting whose roll call has been taken: every delegation of its membership
    answered (one query). None when no roll call is complete yet."""
    still_members = Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gt=OuterRef("opened_at"))
    open_members = (
        Delegation.objects.filter(still_members, committee=OuterRef("committee"))
        .values("committee")
        .annotate(n=Count("pk"))
        .values("n")
    )
    closed_members = (
        Delegation.objects.filter(
            still_members, committee=OuterRef("committee"), added_at__lt=OuterRef("closed_at")
        )
        .values("committee")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Meeting.objects.filter(committee=committee)
        .annotate(
            answered=Count("roll_call"),
            members=Case(
                When(closed_at__isnull=True, then=Subquery(open_members)),
                default=Subquery(closed_members),
            ),
        )
        .filter(answered__gt=0, answered__gte=F("members"))
        .order_by("-number")
        .first()
    )


def agenda_context(committee):
    """The agenda's topics in order, the open one, the next and the last closed (one query)."""
    topics = list(committee.topics.order_by("agenda_position", "proposed_number"))
    return {
        "topics": topics,
        "open_topic": next((t for t in topics if t.status == Topic.Status.OPEN), None),
        "next_topic": next((t for t in topics if t.status == Topic.Status.ADOPTED), None),
        "last_closed": max(
            (t for t in topics if t.status == Topic.Status.CLOSED and t.closed_at),
            key=lambda t: t.closed_at,
            default=None,
        ),
    }


def roll_call_summary(committee, meeting):
    """Counts and quorum for ``meeting`` (two queries; an empty roll call when meeting is None)."""
    totals = members_at(committee, meeting).aggregate(
        members=Count("pk", filter=Q(is_observer=False)),
        observers=Count("pk", filter=Q(is_observer=True)),
    )
    counts = {}
    if meeting is not None:
        counts = RollCallEntry.objects.filter(meeting=meeting).aggregate(
            **{status: Count("pk", filter=Q(status=status)) for status in Attendance.values},
            members_present=Count(
                "pk", filter=~Q(status=Attendance.ABSENT) & Q(delegation__is_observer=False)
            ),
        )
    return RollCallSummary(
        committee=committee,
        members=totals["members"],
        observers=totals["observers"],
        counts=counts,
        meeting=meeting,
    )


def roll_call_rows(committee, meeting):
    """[(delegation, status or None)] in calling order (two queries)."""
    answers = {}
    if meeting is not None:
        answers = dict(
            RollCallEntry.objects.filter(meeting=meeting).values_list("delegation_id", "status")
        )
    return [(d, answers.get(d.pk)) for d in delegations_in_order(committee, meeting)]


def timeline(committee, access, *, limit=None, kind=None, meeting=None):
    """The committee's audit entries that ``access`` may read, newest first; optionally of
    one kind (a key of ``audit.KINDS``) or from one meeting (its opening to the next)."""
    entries = AuditEntry.objects.filter(committee=committee).select_related("actor")
    for rule in audit.HIDDEN:
        hidden = rule(committee, access)
        if hidden is not None:
            entries = entries.exclude(hidden)
    if kind in audit.KINDS:
        prefixes = audit.KINDS[kind][1]
        match = Q()
        for prefix in prefixes:
            match |= Q(action__startswith=prefix)
        entries = entries.filter(match)
    if meeting is not None:
        entries = entries.filter(created_at__gte=meeting.opened_at)
        if meeting.closed_at is not None:
            entries = entries.filter(created_at__lt=meeting.closed_at)
    return entries[:limit] if limit else entries


def delegation_attendance(delegation, meeting):
    if meeting is None:
        return None
    return (
        RollCallEntry.objects.filter(meeting=meeting, delegation=delegation)
        .values_list("status", flat=True)
        .first()
    )

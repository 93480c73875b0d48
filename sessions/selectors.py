"""Reads that pages share: each one a fixed number of queries whatever the committee's size."""

from collections import Counter
from copy import copy
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Exists, OuterRef, Q

from . import audit
from .models import (
    Attendance,
    AuditEntry,
    Delegation,
    Meeting,
    MemberState,
    RollCallEntry,
    RollCallSummary,
    Topic,
    english_order,
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


class Listed(NamedTuple):
    """A delegation as the roll call lists it."""

    pk: int
    name: str
    is_observer: bool


def roster(committee, meeting):
    """[(delegation, its answer or None)] of ``meeting``'s membership (``members_at``; every
    delegation not withdrawn when ``meeting`` is None) in English alphabetical order, as light
    rows. One query, written out: every page that shows the roll call's figures reads it, and
    the query builder would spend longer composing it than the database answering it."""
    adapt = connection.ops.adapt_datetimefield_value
    params = [meeting.pk if meeting else None, committee.pk]
    if meeting is None:
        member = "d.withdrawn_at IS NULL"
    else:
        member = "(d.withdrawn_at IS NULL OR d.withdrawn_at > %s)"
        params.append(adapt(meeting.opened_at))
        if meeting.closed_at is not None:
            member += " AND d.added_at < %s"
            params.append(adapt(meeting.closed_at))
        member = f"e.id IS NOT NULL OR ({member})"
    sql = (
        "SELECT d.id, s.name, d.organization_name, d.is_observer, e.status "
        f"FROM {Delegation._meta.db_table} d "
        f"LEFT JOIN {MemberState._meta.db_table} s ON s.id = d.member_state_id "
        f"LEFT JOIN {RollCallEntry._meta.db_table} e "
        "ON e.delegation_id = d.id AND e.meeting_id = %s "
        f"WHERE d.committee_id = %s AND ({member})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = [
            (Listed(pk, state or organization, bool(observer)), answer)
            for pk, state, organization, observer, answer in cursor.fetchall()
        ]
    rows.sort(key=lambda row: english_order(row[0].name))
    return rows


def latest_meeting(committee):
    return Meeting.objects.filter(committee=committee).order_by("-number").first()


# Written out: the query builder spends several milliseconds composing this one query (four
# subqueries) on every page that shows a signature threshold or takes a vote.
_LATEST_ROLL_CALL = """
SELECT * FROM (
    SELECT m.*,
        (SELECT COUNT(*) FROM {entry} e WHERE e.meeting_id = m.id) AS answered,
        (SELECT COUNT(*) FROM {entry} e WHERE e.meeting_id = m.id AND e.status <> %s)
            AS present,
        (SELECT COUNT(*) FROM {delegation} d
            WHERE d.committee_id = m.committee_id
            AND (d.withdrawn_at IS NULL OR d.withdrawn_at > m.opened_at)
            AND (m.closed_at IS NULL OR d.added_at < m.closed_at)) AS members
    FROM {meeting} m
    WHERE m.committee_id = %s
) counted
WHERE answered > 0 AND answered >= members
ORDER BY number DESC
"""


def latest_roll_call(committee):
    """The latest meeting whose roll call has been taken: every delegation of its membership
    (those not withdrawn when it opened and, once it closed, added before then) answered;
    with ``present``, how many answered present. One query; None when no roll call is
    complete yet."""
    sql = _LATEST_ROLL_CALL.format(
        entry=RollCallEntry._meta.db_table,
        delegation=Delegation._meta.db_table,
        meeting=Meeting._meta.db_table,
    )
    meetings = Meeting.objects.raw(sql + " LIMIT 1", [Attendance.ABSENT, committee.pk])
    return next(iter(meetings), None)


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


def roll_call_summary(committee, meeting, rows=None):
    """Counts and quorum for ``meeting`` (one query, none given its ``roster`` as ``rows``;
    an empty roll call when meeting is None)."""
    if rows is None:
        rows = roster(committee, meeting)
    counts = Counter(answer for _, answer in rows if answer)
    present = (Attendance.PRESENT, Attendance.PRESENT_AND_VOTING)
    counts["members_present"] = sum(
        1 for delegation, answer in rows if answer in present and not delegation.is_observer
    )
    observers = sum(1 for delegation, _ in rows if delegation.is_observer)
    return RollCallSummary(
        committee=committee,
        members=len(rows) - observers,
        observers=observers,
        counts=counts,
        meeting=meeting,
    )


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


# The latest entries a dais screen shows (the dashboard and its live refresh, reloaded on
# every event), kept per server process: see ``recent_timeline``. One list per reader's
# view of a committee (a handful per committee), replaced whole: no lock is needed.
_RECENT = {}


def recent_timeline(committee, access, *, limit=15):
    """``timeline(committee, access)``'s latest ``limit`` entries, as a list. What a reader
    may see of the log changes only when an entry is written in the committee (every state
    change writes one, a paper or amendment becoming readable included) or when the reader's
    roles or delegation change: so the list is kept under those, with the committee's newest
    entry (one small query) and its live sequence number, and made again when either moves.
    Each request gets its own copies, with the actors read afresh."""
    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, created_at FROM {table} WHERE committee_id = %s ORDER BY id DESC LIMIT 1",
            [committee.pk],
        )
        newest = cursor.fetchone()
    reader = (committee.pk, access.roles, getattr(access.delegation, "pk", None), limit)
    version = (committee.live_seq, newest)
    kept = _RECENT.get(reader)
    if kept is not None and kept[0] == version:
        entries = kept[1]
    else:
        entries = list(timeline(committee, access, limit=limit).select_related(None))
        _RECENT[reader] = (version, entries)
    return _with_actors([copy(entry) for entry in entries])


def _with_actors(entries):
    """Each entry with its actor as the accounts have them now (a name can be changed in
    the admin without an entry in the committee's log), in one query."""
    ids = sorted({entry.actor_id for entry in entries if entry.actor_id is not None})
    users = {}
    if ids:
        User = get_user_model()
        # Written out: the query builder took longer to compose it than the database to answer.
        found = User.objects.raw(
            f"SELECT {User._meta.pk.column}, username, first_name, last_name"
            f" FROM {User._meta.db_table}"
            f" WHERE {User._meta.pk.column} IN ({', '.join(['%s'] * len(ids))})",
            ids,
        )
        users = {user.pk: user for user in found}
    for entry in entries:
        entry.actor = users.get(entry.actor_id)
    return entries


def delegation_attendance(delegation, meeting):
    if meeting is None:
        return None
    return (
        RollCallEntry.objects.filter(meeting=meeting, delegation=delegation)
        .values_list("status", flat=True)
        .first()
    )

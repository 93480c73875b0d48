"""Every change to committees, meetings, roll calls and the agenda goes through here."""

import datetime

from django.db import transaction
from django.db.models import Max
from django.template.defaultfilters import pluralize
from django.utils import timezone

from . import clock
from .audit import log_action
from .errors import DomainError
from .live import notify
from .models import (
    Attendance,
    Committee,
    DaisRole,
    Delegate,
    Delegation,
    Meeting,
    RollCallEntry,
    Topic,
)


def _lock_committee(committee):
    # Row locks here are FOR NO KEY UPDATE: they still serialize the services that take
    # them, but let other transactions insert rows that point at the locked one (an audit
    # entry, a round), which a plain FOR UPDATE would block; two services each holding one
    # lock and inserting under the other's would otherwise deadlock.
    return Committee.objects.select_for_update(no_key=True).get(pk=committee.pk)


# Voting procedure: no one enters or leaves ------------------------------------------------

_VOTING_PROCEDURE = []


def register_voting_procedure(function):
    """``function(committee) -> topic number | None``: the topic in voting procedure. The
    voting app registers it in ``AppConfig.ready()`` (it depends on this app, not the other
    way)."""
    _VOTING_PROCEDURE[:] = [function]
    return function


def check_no_one_enters_or_leaves(committee, what):
    """Refuse ``what`` (a change to who votes or to what is voted on) while a topic is in
    voting procedure (DOMAIN.md: "no one enters or leaves")."""
    topic = _VOTING_PROCEDURE[0](committee) if _VOTING_PROCEDURE else None
    if topic is not None:
        raise DomainError(
            f"Topic {topic} is in voting procedure: no one enters or leaves until its last "
            f"vote, so {what} must wait until voting procedure ends."
        )


# Meetings and roll call ------------------------------------------------------------------


MEETING_DATE_MARGIN = datetime.timedelta(days=30)


def meeting_start_window(committee):
    """The dates a meeting may start on: the conference's week with a month either side."""
    conference = committee.conference
    return (
        conference.start_date - MEETING_DATE_MARGIN,
        conference.end_date + MEETING_DATE_MARGIN,
    )


def check_meeting_start(committee, starts_at):
    """Refuse a start far from the conference (a typo like 31-12-9999 breaks every page)."""
    first, last = meeting_start_window(committee)
    day = timezone.localtime(starts_at).date()
    if not first <= day <= last:
        raise DomainError(
            f"A meeting of {committee.conference} must start between {first:%-d %B %Y} "
            f"and {last:%-d %B %Y}; {day:%-d %B %Y} is outside the conference's dates. "
            "Leave the field empty to use the current time."
        )


def meeting_open(*, committee, name, starts_at=None, actor):
    """Open the next meeting; the previous one closes, with its membership fixed."""
    with transaction.atomic():
        committee = _lock_committee(committee)
        check_no_one_enters_or_leaves(committee, "a new meeting and its roll call")
        name = " ".join((name or "").split())
        if not name:
            raise DomainError("Give the meeting a name, for example “Sunday evening”.")
        now = clock.now()
        if starts_at is not None:
            check_meeting_start(committee, starts_at)
        previous = committee.meetings.order_by("-number").first()
        if previous is not None and starts_at is not None and starts_at < previous.starts_at:
            raise DomainError(
                f"Meeting {previous.number + 1} cannot start before meeting {previous.number}, "
                f"which started on {timezone.localtime(previous.starts_at):%A %-d %B %Y at %H:%M}."
            )
        if previous is not None:
            previous.closed_at = now
            previous.save(update_fields=["closed_at"])
        meeting = Meeting.objects.create(
            committee=committee,
            number=(previous.number if previous else 0) + 1,
            name=name,
            starts_at=starts_at or now,
            opened_at=now,
        )
        log_action(
            actor=actor,
            committee=committee,
            action="meeting.opened",
            target=meeting,
            data={"number": meeting.number, "name": meeting.name},
        )
        notify(committee, "roll_call", meeting=meeting.number, change="opened")
        return meeting


def meeting_remove(*, meeting, actor):
    """Remove a meeting opened by mistake: only the latest, and only before its roll call."""
    with transaction.atomic():
        committee = _lock_committee(meeting.committee)
        check_no_one_enters_or_leaves(committee, "removing a meeting")
        meeting = Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
        if meeting is None:
            raise DomainError("That meeting has already been removed.")
        latest = committee.meetings.order_by("-number").first()
        if meeting != latest:
            raise DomainError(
                f"Only the latest meeting can be removed; {meeting} is followed by {latest}."
            )
        answers = meeting.roll_call.count()
        if answers:
            raise DomainError(
                f"{meeting} cannot be removed: {answers} delegation{pluralize(answers)} "
                f"answered its roll call, and that record stays."
            )
        number, name = meeting.number, meeting.name
        meeting.delete()
        previous = committee.meetings.order_by("-number").first()
        if previous is not None:
            previous.closed_at = None
            previous.save(update_fields=["closed_at"])
        log_action(
            actor=actor,
            committee=committee,
            action="meeting.removed",
            target=committee,
            data={"number": number, "name": name},
        )
        notify(committee, "roll_call", meeting=number, change="removed")
        return previous


def roll_call_mark(*, meeting, delegation, status, actor):
    """Record (or correct) one delegation's answer at a meeting's roll call."""
    with transaction.atomic():
        meeting = (
            Meeting.objects.select_for_update(no_key=True, of=("self",))
            .select_related("committee")
            .get(pk=meeting.pk)
        )
        if delegation.committee_id != meeting.committee_id:
            raise DomainError(f"{delegation} is not a delegation of this committee.")
        check_no_one_enters_or_leaves(meeting.committee, "the roll call")
        if status not in Attendance.values:
            raise DomainError("Answer present, present and voting, or absent.")
        entry = RollCallEntry.objects.filter(meeting=meeting, delegation=delegation).first()
        previous = entry.status if entry else None
        if previous == status:
            return entry
        if entry is None:
            entry = RollCallEntry.objects.create(
                meeting=meeting, delegation=delegation, status=status
            )
            action = "rollcall.marked"
        else:
            entry.status = status
            entry.marked_at = clock.now()
            entry.save(update_fields=["status", "marked_at"])
            action = "rollcall.corrected"
        data = {"meeting": meeting.number, "delegation": delegation.name, "status": status}
        if previous:
            data["previous"] = previous
        log_action(actor=actor, committee=meeting.committee, action=action, target=entry, data=data)
        # The answer travels in the message, so pages showing the roll call update its row
        # without asking the server.
        notify(
            meeting.committee,
            "roll_call",
            meeting=meeting.number,
            delegation=delegation.pk,
            status=status,
        )
        return entry


# Agenda --------------------------------------------------------------------------------


def topic_propose(*, committee, title, actor):
    with transaction.atomic():
        committee = _lock_committee(committee)
        title = " ".join((title or "").split())
        if not title:
            raise DomainError("A topic needs a title.")
        if committee.agenda_adopted_at:
            raise DomainError(
                "The agenda has already been adopted; no more topics can be proposed."
            )
        if committee.topics.filter(title__iexact=title).exists():
            raise DomainError(f"“{title}” is already proposed.")
        number = (committee.topics.aggregate(n=Max("proposed_number"))["n"] or 0) + 1
        topic = Topic.objects.create(committee=committee, title=title, proposed_number=number)
        log_action(
            actor=actor,
            committee=committee,
            action="topic.proposed",
            target=topic,
            data={"number": number, "title": title},
        )
        notify(committee, "agenda")
        return topic


def parse_agenda_order(text):
    """Turn "1, 2" (or "2 1", "2-1") into [1, 2]; raise DomainError when it is not numbers."""
    parts = [p for p in text.replace(",", " ").replace("-", " ").replace(";", " ").split() if p]
    if not parts:
        raise DomainError("Enter the adopted order as topic numbers, for example “1, 2”.")
    try:
        return [int(p) for p in parts]
    except ValueError:
        raise DomainError(
            f"“{text}” is not a list of topic numbers; write it like “2, 1”."
        ) from None


def agenda_adopt(*, committee, order, actor):
    """Record the adopted agenda (``order``: proposed numbers) and open its first topic."""
    with transaction.atomic():
        committee = _lock_committee(committee)
        if committee.agenda_adopted_at:
            raise DomainError("The agenda has already been adopted.")
        topics = {t.proposed_number: t for t in committee.topics.all()}
        if not topics:
            raise DomainError("Propose at least one topic before adopting the agenda.")
        unknown = [n for n in order if n not in topics]
        if unknown:
            raise DomainError(f"There is no proposed topic {unknown[0]}.")
        if len(set(order)) != len(order):
            raise DomainError("Each topic can appear only once in the agenda.")
        missing = sorted(set(topics) - set(order))
        if missing:
            raise DomainError(
                "The adopted order must place every proposed topic; missing: "
                + ", ".join(str(n) for n in missing)
                + "."
            )
        now = clock.now()
        for position, number in enumerate(order, start=1):
            topic = topics[number]
            topic.agenda_position = position
            _move_topic(topic, Topic.Status.ADOPTED, "agenda_position")
        committee.agenda_adopted_at = now
        committee.save(update_fields=["agenda_adopted_at"])
        order_text = ", ".join(str(n) for n in order)
        log_action(
            actor=actor,
            committee=committee,
            action="agenda.adopted",
            target=committee,
            data={"order": order, "text": f"adopted the agenda of {order_text}"},
        )
        first = topics[order[0]]
        _open_topic(first, actor=actor, committee=committee, when=now)
        notify(committee, "agenda")
        return committee


def _move_topic(topic, status, *fields):
    """Every change of a topic's status goes through ``Topic.TRANSITIONS``."""
    if not topic.can_move_to(status):
        raise DomainError(
            f"Topic {topic.number} is {topic.get_status_display().lower()}; it cannot become "
            f"{Topic.Status(status).label.lower()}."
        )
    topic.status = status
    topic.save(update_fields=["status", *fields])


def _open_topic(topic, *, actor, committee, when):
    topic.opened_at = when
    _move_topic(topic, Topic.Status.OPEN, "opened_at")
    log_action(
        actor=actor,
        committee=committee,
        action="topic.opened",
        target=topic,
        data={"number": topic.number, "title": topic.title},
    )


def topic_open_next(*, committee, actor):
    with transaction.atomic():
        committee = _lock_committee(committee)
        if not committee.agenda_adopted_at:
            raise DomainError("Adopt the agenda first.")
        if committee.topics.filter(status=Topic.Status.OPEN).exists():
            raise DomainError("Close the open topic before taking up the next one.")
        topic = (
            committee.topics.filter(status=Topic.Status.ADOPTED).order_by("agenda_position").first()
        )
        if topic is None:
            raise DomainError("Every topic on the agenda has been considered.")
        _open_topic(topic, actor=actor, committee=committee, when=clock.now())
        notify(committee, "agenda")
        return topic


def topic_close(*, topic, actor, reason="voting procedure finished"):
    with transaction.atomic():
        committee = _lock_committee(topic.committee)
        topic = Topic.objects.select_for_update(no_key=True).get(pk=topic.pk)
        if not topic.can_move_to(Topic.Status.CLOSED):
            raise DomainError(f"Topic {topic.number} is not open, so it cannot be closed.")
        topic.closed_at = clock.now()
        _move_topic(topic, Topic.Status.CLOSED, "closed_at")
        log_action(
            actor=actor,
            committee=committee,
            action="topic.closed",
            target=topic,
            data={"number": topic.number, "title": topic.title, "reason": reason},
        )
        notify(committee, "agenda")
        return topic


def topic_reopen(*, topic, actor):
    """Reopen a topic closed by mistake, while no other topic is open."""
    with transaction.atomic():
        committee = _lock_committee(topic.committee)
        topic = Topic.objects.select_for_update(no_key=True).get(pk=topic.pk)
        if not topic.can_move_to(Topic.Status.OPEN) or topic.status != Topic.Status.CLOSED:
            raise DomainError(f"Topic {topic.number} is not closed, so it cannot be reopened.")
        other = committee.topics.filter(status=Topic.Status.OPEN).first()
        if other is not None:
            raise DomainError(
                f"Topic {other.number} is open; close it before reopening topic {topic.number}."
            )
        closed_at = topic.closed_at
        topic.closed_at = None
        _move_topic(topic, Topic.Status.OPEN, "closed_at")
        log_action(
            actor=actor,
            committee=committee,
            action="topic.reopened",
            target=topic,
            data={
                "number": topic.number,
                "title": topic.title,
                "closed_at": closed_at.isoformat() if closed_at else None,
            },
        )
        notify(committee, "agenda")
        return topic


# Delegations ---------------------------------------------------------------------------


def delegation_add(*, committee, member_state=None, organization_name="", is_observer=False, actor):
    with transaction.atomic():
        committee = _lock_committee(committee)
        if member_state is not None:
            existing = committee.delegations.filter(member_state=member_state).first()
            is_observer = is_observer or not member_state.is_un_member
        else:
            organization_name = " ".join(organization_name.split())
            if not organization_name:
                raise DomainError("An observer organization needs a name.")
            existing = committee.delegations.filter(
                member_state__isnull=True, organization_name=organization_name
            ).first()
            is_observer = True
        if existing is not None:
            return existing, False
        check_no_one_enters_or_leaves(committee, "a new delegation")
        delegation = Delegation.objects.create(
            committee=committee,
            member_state=member_state,
            organization_name="" if member_state else organization_name,
            is_observer=is_observer,
        )
        log_action(
            actor=actor,
            committee=committee,
            action="delegation.added",
            target=delegation,
            data={"name": delegation.name, "observer": is_observer},
        )
        return delegation, True


def check_observer_change(delegation):
    committee = delegation.committee
    if delegation.member_state_id is None:
        raise DomainError(f"{delegation} is an organization: it is always an observer.")
    if RollCallEntry.objects.filter(meeting__committee=committee).exists():
        raise DomainError(
            f"{committee.acronym} has taken a roll call, so {delegation} can no longer change "
            "between member and observer: it would change quorum and votes already counted."
        )


def delegation_set_observer(*, delegation, is_observer, actor):
    """Make a Member State delegation an observer, or back; only before the first roll call,
    since it changes quorum and who votes."""
    with transaction.atomic():
        committee = _lock_committee(delegation.committee)
        delegation = Delegation.objects.select_for_update(no_key=True).get(pk=delegation.pk)
        if delegation.is_observer == is_observer:
            return delegation
        check_no_one_enters_or_leaves(
            committee, f"changing {delegation} between member and observer"
        )
        check_observer_change(delegation)
        delegation.is_observer = is_observer
        delegation.save(update_fields=["is_observer"])
        log_action(
            actor=actor,
            committee=committee,
            action="delegation.observer_changed",
            target=delegation,
            data={"name": delegation.name, "observer": is_observer},
        )
        notify(committee, "roll_call")
        return delegation


def delegation_withdraw(*, delegation, actor):
    """The delegation leaves the committee: its answers, signatures and votes stay on
    record; meetings opened from now on do not count it."""
    with transaction.atomic():
        committee = _lock_committee(delegation.committee)
        delegation = Delegation.objects.select_for_update(no_key=True).get(pk=delegation.pk)
        if delegation.withdrawn_at is not None:
            raise DomainError(f"{delegation} has already left the committee.")
        check_no_one_enters_or_leaves(committee, f"{delegation} leaving the committee")
        delegation.withdrawn_at = clock.now()
        delegation.save(update_fields=["withdrawn_at"])
        log_action(
            actor=actor,
            committee=committee,
            action="delegation.withdrawn",
            target=delegation,
            data={"name": delegation.name},
        )
        notify(committee, "roll_call")
        return delegation


RULE_FIELDS = (
    "body_kind",
    "signatory_threshold_percent",
    "closure_majority",
    "debate_quorum",
    "vote_quorum",
    "roll_call_with_rights",
    "draft_code_format",
    "resolution_code_format",
    "speaking_time",
)


def check_committee_changes(committee, changes):
    """Refuse rule changes once the session has started (its first meeting opened)."""
    if committee.pk is None:
        return
    changed_rules = [f for f in RULE_FIELDS if f in changes]
    if changed_rules:
        first = committee.meetings.order_by("number").first()
        if first is not None:
            names = ", ".join(str(Committee._meta.get_field(f).verbose_name) for f in changed_rules)
            raise DomainError(
                f"The session started with {first} on "
                f"{timezone.localtime(first.opened_at):%-d %B %Y}: its rules ({names}) can no "
                "longer change."
            )


def committee_save(*, committee, changes, actor):
    """Create a committee, or change it (``changes``: the fields the secretariat edited)."""
    with transaction.atomic():
        created = committee.pk is None
        if not created:
            _lock_committee(committee)
        check_committee_changes(committee, changes)
        committee.full_clean()
        committee.save()
        log_action(
            actor=actor,
            committee=committee,
            action="committee.created" if created else "committee.changed",
            target=committee,
            data={"fields": sorted(changes), "acronym": committee.acronym},
        )
        return committee


def conference_save(*, conference, changes, actor):
    with transaction.atomic():
        created = conference.pk is None
        conference.full_clean()
        conference.save()
        log_action(
            actor=actor,
            committee=None,
            action="conference.created" if created else "conference.changed",
            target=conference,
            data={"fields": sorted(changes), "name": str(conference)},
        )
        return conference


def dais_role_assign(*, committee, user, role, actor):
    with transaction.atomic():
        committee = _lock_committee(committee)
        dais_role, created = DaisRole.objects.get_or_create(
            committee=committee, user=user, role=role
        )
        if created:
            log_action(
                actor=actor,
                committee=committee,
                action="dais.assigned",
                target=dais_role,
                data={"user": user.get_username(), "role": role},
            )
        return dais_role


def dais_role_remove(*, dais_role, actor):
    with transaction.atomic():
        committee = _lock_committee(dais_role.committee)
        data = {"user": dais_role.user.get_username(), "role": dais_role.role}
        DaisRole.objects.filter(pk=dais_role.pk).delete()
        log_action(
            actor=actor, committee=committee, action="dais.removed", target=committee, data=data
        )


def delegate_assign(*, delegation, user, actor):
    with transaction.atomic():
        committee = _lock_committee(delegation.committee)
        existing = Delegate.objects.filter(user=user).select_related("delegation").first()
        if existing is not None:
            if existing.delegation_id == delegation.pk:
                return existing
            raise DomainError(f"{user.get_username()} already represents {existing.delegation}.")
        delegate = Delegate.objects.create(user=user, delegation=delegation)
        log_action(
            actor=actor,
            committee=committee,
            action="delegate.assigned",
            target=delegate,
            data={"user": user.get_username(), "delegation": delegation.name},
        )
        return delegate


def delegate_remove(*, delegate, actor):
    with transaction.atomic():
        committee = _lock_committee(delegate.delegation.committee)
        data = {"user": delegate.user.get_username(), "delegation": delegate.delegation.name}
        Delegate.objects.filter(pk=delegate.pk).delete()
        log_action(
            actor=actor, committee=committee, action="delegate.removed", target=committee, data=data
        )

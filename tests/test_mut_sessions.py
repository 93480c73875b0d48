"""The committee's own services (meetings, roll call, agenda, delegations, dais and delegates),
each guard and each record they leave: the audit entry a person reads in the timeline, and
the message the live pages receive. Expected values come from the procedure (DOMAIN.md) and
from the conference the factories build: NMUN-like dates, 13-17 April 2025 (issue 8)."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from sessions import clock, services
from sessions.errors import DomainError
from sessions.models import (
    AuditEntry,
    Committee,
    Conference,
    DaisRole,
    Delegate,
    Delegation,
    Meeting,
    Topic,
)

from .conftest import state
from .factories import DelegateFactory, UserFactory

pytestmark = pytest.mark.django_db


def at(day, hour=18, minute=0, month=4):
    """A moment of April 2025 (the conference's week) in the conference's time zone."""
    return timezone.make_aware(dt.datetime(2025, month, day, hour, minute))


def refused(message):
    """The service refuses with exactly ``message``: the words a person reads."""
    return pytest.raises(DomainError, match="^" + re.escape(message) + "$")


def entry(action):
    return AuditEntry.objects.get(action=action)


def assert_logged(action, *, actor, committee, target, data):
    logged = entry(action)
    assert logged.actor == actor
    assert logged.committee == committee
    assert (logged.target_type, logged.target_id) == (target._meta.label_lower, str(target.pk))
    assert logged.data == data
    return logged


@pytest.fixture
def told(monkeypatch):
    """What the live pages are told: (committee id, what changed, the message's data)."""
    sent = []
    monkeypatch.setattr(
        services, "notify", lambda committee, what, **data: sent.append((committee.pk, what, data))
    )
    return sent


@pytest.fixture
def in_voting_procedure():
    """Topic 1 is in voting procedure (the voting app's check, replaced for the test)."""
    saved = list(services._VOTING_PROCEDURE)
    services.register_voting_procedure(
        lambda committee: 1 if committee.acronym == "CCPCJ" else None
    )
    yield
    services._VOTING_PROCEDURE[:] = saved


# No one enters or leaves ------------------------------------------------------------------


def test_voting_procedure_check_names_the_topic_and_what_waits(committee, in_voting_procedure):
    with refused(
        "Topic 1 is in voting procedure: no one enters or leaves until its last vote, so "
        "the roll call must wait until voting procedure ends."
    ):
        services.check_no_one_enters_or_leaves(committee, "the roll call")


def test_no_check_registered_means_no_voting_procedure(committee, monkeypatch):
    monkeypatch.setattr(services, "_VOTING_PROCEDURE", [])
    services.check_no_one_enters_or_leaves(committee, "the roll call")


def test_voting_procedure_check_is_asked_about_this_committee(committee, other_committee):
    saved = list(services._VOTING_PROCEDURE)
    asked = []
    services.register_voting_procedure(lambda c: asked.append(c) or None)
    try:
        services.check_no_one_enters_or_leaves(other_committee, "the roll call")
    finally:
        services._VOTING_PROCEDURE[:] = saved
    assert asked == [other_committee]


def test_nothing_changes_who_votes_during_voting_procedure(
    committee, delegations, chair, in_voting_procedure
):
    waits = "Topic 1 is in voting procedure: no one enters or leaves until its last vote, so {} "
    waits += "must wait until voting procedure ends."
    with refused(waits.format("a new meeting and its roll call")):
        services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    with refused(waits.format("a new delegation")):
        services.delegation_add(committee=committee, member_state=state("DEU"), actor=chair)
    with refused(waits.format("Mexico leaving the committee")):
        services.delegation_withdraw(delegation=delegations[0], actor=chair)
    with refused(waits.format("changing Mexico between member and observer")):
        services.delegation_set_observer(delegation=delegations[0], is_observer=True, actor=chair)
    assert not AuditEntry.objects.exists()


def test_no_meeting_is_removed_nor_answer_changed_during_voting_procedure(
    committee, delegations, chair
):
    meeting = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    saved = list(services._VOTING_PROCEDURE)
    services.register_voting_procedure(lambda c: 1 if c == committee else None)
    try:
        with pytest.raises(DomainError, match="so removing a meeting must wait"):
            services.meeting_remove(meeting=meeting, actor=chair)
        with pytest.raises(DomainError, match="so the roll call must wait"):
            services.roll_call_mark(
                meeting=meeting, delegation=delegations[0], status="present", actor=chair
            )
    finally:
        services._VOTING_PROCEDURE[:] = saved
    assert Meeting.objects.filter(pk=meeting.pk).exists() and not meeting.roll_call.exists()


# Meetings ---------------------------------------------------------------------------------


def test_meeting_open_records_the_meeting_and_tells_the_roll_call_pages(committee, chair, told):
    with clock.travel_to(at(13)):
        meeting = services.meeting_open(
            committee=committee, name="  Sunday \n evening ", actor=chair
        )
    meeting.refresh_from_db()
    assert (meeting.committee, meeting.number, meeting.name) == (committee, 1, "Sunday evening")
    assert meeting.starts_at == at(13) and meeting.opened_at == at(13)
    assert meeting.closed_at is None
    assert_logged(
        "meeting.opened",
        actor=chair,
        committee=committee,
        target=meeting,
        data={"number": 1, "name": "Sunday evening"},
    )
    assert told == [(committee.pk, "roll_call", {"meeting": 1, "change": "opened"})]


def test_meeting_without_a_name_is_refused(committee, chair):
    with refused("Give the meeting a name, for example “Sunday evening”."):
        services.meeting_open(committee=committee, name=None, actor=chair)
    assert not Meeting.objects.exists()


def test_the_next_meeting_closes_the_previous_one(committee, chair):
    with clock.travel_to(at(13)):
        first = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    with clock.travel_to(at(14, 9)):
        second = services.meeting_open(
            committee=committee, name="Monday morning", starts_at=at(14, 10), actor=chair
        )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.closed_at == at(14, 9)
    assert (second.number, second.starts_at, second.opened_at) == (2, at(14, 10), at(14, 9))
    assert second.closed_at is None


def test_the_previous_meeting_closes_the_moment_the_next_opens(committee, chair):
    # The clock moves on a minute at each reading: one moment must serve both.
    with clock.travel_to(at(13), tick=dt.timedelta(minutes=1)):
        first = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
        second = services.meeting_open(committee=committee, name="Monday morning", actor=chair)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.closed_at == second.opened_at == second.starts_at
    assert first.opened_at == first.starts_at < first.closed_at


def test_a_meeting_cannot_start_before_the_previous_one(committee, chair):
    services.meeting_open(
        committee=committee, name="Sunday evening", starts_at=at(13, 18), actor=chair
    )
    with refused(
        "Meeting 2 cannot start before meeting 1, which started on Sunday 13 April 2025 at 18:00."
    ):
        services.meeting_open(
            committee=committee, name="Sunday morning", starts_at=at(13, 9), actor=chair
        )
    # The same moment is not before it.
    services.meeting_open(
        committee=committee, name="Sunday late", starts_at=at(13, 18), actor=chair
    )
    assert committee.meetings.count() == 2


def test_the_meeting_window_is_the_conference_week_with_a_month_either_side(committee):
    assert services.meeting_start_window(committee) == (dt.date(2025, 3, 14), dt.date(2025, 5, 17))


@pytest.mark.parametrize("starts_at", [at(14, 0, 0, month=3), at(13, 9), at(17, 23, 59, month=5)])
def test_a_meeting_may_start_within_the_window(committee, chair, starts_at):
    meeting = services.meeting_open(
        committee=committee, name="Sunday evening", starts_at=starts_at, actor=chair
    )
    assert meeting.starts_at == starts_at


@pytest.mark.parametrize(
    ("starts_at", "day"),
    [(at(13, 23, 59, month=3), "13 March 2025"), (at(18, 0, 0, month=5), "18 May 2025")],
)
def test_a_meeting_far_from_the_conference_is_refused(committee, chair, starts_at, day):
    with refused(
        f"A meeting of {committee.conference} must start between 14 March 2025 and "
        f"17 May 2025; {day} is outside the conference's dates. Leave the field empty to use "
        "the current time."
    ):
        services.meeting_open(
            committee=committee, name="Sunday evening", starts_at=starts_at, actor=chair
        )
    assert not Meeting.objects.exists()


def test_removing_the_latest_meeting_reopens_the_previous_one(committee, chair, told):
    first = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    second = services.meeting_open(committee=committee, name="Monday morning", actor=chair)
    told.clear()
    previous = services.meeting_remove(meeting=second, actor=chair)
    assert previous == first
    first.refresh_from_db()
    assert first.closed_at is None
    assert list(committee.meetings.all()) == [first]
    assert_logged(
        "meeting.removed",
        actor=chair,
        committee=committee,
        target=committee,
        data={"number": 2, "name": "Monday morning"},
    )
    assert told == [(committee.pk, "roll_call", {"meeting": 2, "change": "removed"})]


def test_removing_the_only_meeting_leaves_none(committee, chair):
    meeting = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    assert services.meeting_remove(meeting=meeting, actor=chair) is None
    assert not Meeting.objects.exists()
    assert entry("meeting.removed").data == {"number": 1, "name": "Sunday evening"}


def test_only_the_latest_meeting_can_be_removed(committee, chair):
    first = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    services.meeting_open(committee=committee, name="Monday morning", actor=chair)
    with refused(
        "Only the latest meeting can be removed; Meeting 1: Sunday evening is followed by "
        "Meeting 2: Monday morning."
    ):
        services.meeting_remove(meeting=first, actor=chair)
    assert committee.meetings.count() == 2


def test_removing_the_third_meeting_reopens_the_second(committee, chair):
    with clock.travel_to(at(13)):
        first = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    with clock.travel_to(at(14, 9)):
        second = services.meeting_open(committee=committee, name="Monday morning", actor=chair)
    with clock.travel_to(at(14, 14)):
        third = services.meeting_open(committee=committee, name="Monday afternoon", actor=chair)
    assert services.meeting_remove(meeting=third, actor=chair) == second
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.closed_at, second.closed_at) == (at(14, 9), None)


def test_a_meeting_removed_twice_is_refused(committee, chair):
    meeting = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    services.meeting_remove(meeting=meeting, actor=chair)
    with refused("That meeting has already been removed."):
        services.meeting_remove(meeting=meeting, actor=chair)


@pytest.mark.parametrize(("answered", "words"), [(1, "1 delegation"), (2, "2 delegations")])
def test_a_meeting_whose_roll_call_began_stays(committee, delegations, chair, answered, words):
    meeting = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    for delegation in delegations[:answered]:
        services.roll_call_mark(
            meeting=meeting, delegation=delegation, status="absent", actor=chair
        )
    with refused(
        f"Meeting 1: Sunday evening cannot be removed: {words} answered its roll call, and "
        "that record stays."
    ):
        services.meeting_remove(meeting=meeting, actor=chair)
    assert Meeting.objects.filter(pk=meeting.pk).exists()


# Roll call --------------------------------------------------------------------------------


def test_roll_call_answer_is_recorded_logged_and_sent_to_the_pages(
    committee, delegations, chair, told
):
    meeting = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    told.clear()
    answer = services.roll_call_mark(
        meeting=meeting, delegation=delegations[1], status="present_voting", actor=chair
    )
    answer.refresh_from_db()
    assert (answer.meeting, answer.delegation, answer.status) == (
        meeting,
        delegations[1],
        "present_voting",
    )
    assert_logged(
        "rollcall.marked",
        actor=chair,
        committee=committee,
        target=answer,
        data={"meeting": 1, "delegation": "France", "status": "present_voting"},
    )
    assert told == [
        (
            committee.pk,
            "roll_call",
            {"meeting": 1, "delegation": delegations[1].pk, "status": "present_voting"},
        )
    ]


def test_roll_call_correction_keeps_one_answer_restamped(committee, delegations, chair, told):
    with clock.travel_to(at(13, 18)):
        meeting = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
        first = services.roll_call_mark(
            meeting=meeting, delegation=delegations[0], status="present", actor=chair
        )
    told.clear()
    with clock.travel_to(at(13, 18, 5)):
        corrected = services.roll_call_mark(
            meeting=meeting, delegation=delegations[0], status="absent", actor=chair
        )
    assert corrected.pk == first.pk
    corrected.refresh_from_db()
    assert (corrected.status, corrected.marked_at) == ("absent", at(13, 18, 5))
    assert_logged(
        "rollcall.corrected",
        actor=chair,
        committee=committee,
        target=corrected,
        data={"meeting": 1, "delegation": "Mexico", "status": "absent", "previous": "present"},
    )
    assert told == [
        (
            committee.pk,
            "roll_call",
            {"meeting": 1, "delegation": delegations[0].pk, "status": "absent"},
        )
    ]


def test_each_meeting_has_its_own_roll_call(committee, delegations, chair):
    sunday = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    services.roll_call_mark(
        meeting=sunday, delegation=delegations[0], status="present_voting", actor=chair
    )
    monday = services.meeting_open(committee=committee, name="Monday morning", actor=chair)
    answer = services.roll_call_mark(
        meeting=monday, delegation=delegations[0], status="absent", actor=chair
    )
    assert answer.meeting == monday
    assert sunday.roll_call.get().status == "present_voting"
    assert monday.roll_call.get().status == "absent"
    marked = AuditEntry.objects.filter(action="rollcall.marked").order_by("pk")
    assert [e.data for e in marked] == [
        {"meeting": 1, "delegation": "Mexico", "status": "present_voting"},
        {"meeting": 2, "delegation": "Mexico", "status": "absent"},
    ]
    assert not AuditEntry.objects.filter(action="rollcall.corrected").exists()


def test_the_same_roll_call_answer_again_returns_it_and_tells_no_one(
    committee, delegations, chair, told
):
    meeting = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    first = services.roll_call_mark(
        meeting=meeting, delegation=delegations[0], status="present", actor=chair
    )
    told.clear()
    again = services.roll_call_mark(
        meeting=meeting, delegation=delegations[0], status="present", actor=chair
    )
    assert again == first and told == []


def test_roll_call_refusals_say_why(committee, other_committee, delegations, chair):
    meeting = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    stranger = Delegation.objects.create(committee=other_committee, member_state=state("DEU"))
    with refused("Germany is not a delegation of this committee."):
        services.roll_call_mark(meeting=meeting, delegation=stranger, status="present", actor=chair)
    with refused("Answer present, present and voting, or absent."):
        services.roll_call_mark(
            meeting=meeting, delegation=delegations[0], status="yes", actor=chair
        )
    assert not meeting.roll_call.exists()


# Agenda -----------------------------------------------------------------------------------


def test_topic_propose_numbers_logs_and_tells_the_agenda(committee, chair, told):
    topic = services.topic_propose(committee=committee, title="  Organized \t crime ", actor=chair)
    second = services.topic_propose(committee=committee, title="Trafficking", actor=chair)
    topic.refresh_from_db()
    assert (topic.committee, topic.title, topic.proposed_number) == (
        committee,
        "Organized crime",
        1,
    )
    assert topic.status == Topic.Status.PROPOSED and second.proposed_number == 2
    first_entry = AuditEntry.objects.filter(action="topic.proposed").order_by("pk").first()
    assert first_entry.actor == chair and first_entry.committee == committee
    assert (first_entry.target_type, first_entry.target_id) == ("committee.topic", str(topic.pk))
    assert first_entry.data == {"number": 1, "title": "Organized crime"}
    assert told == [(committee.pk, "agenda", {}), (committee.pk, "agenda", {})]


def test_topic_numbers_follow_the_highest_proposed(committee, other_committee, chair):
    services.topic_propose(committee=other_committee, title="Elsewhere", actor=chair)
    Topic.objects.create(committee=committee, title="Seeded", proposed_number=4)
    topic = services.topic_propose(committee=committee, title="Organized crime", actor=chair)
    assert topic.proposed_number == 5


@pytest.mark.parametrize("title", ["", "   ", None])
def test_a_topic_needs_a_title(committee, chair, title):
    with refused("A topic needs a title."):
        services.topic_propose(committee=committee, title=title, actor=chair)
    assert not Topic.objects.exists()


def test_topic_refusals_say_why(committee, other_committee, chair):
    services.topic_propose(committee=other_committee, title="Organized crime", actor=chair)
    services.topic_propose(committee=committee, title="Organized crime", actor=chair)
    with refused("“Organized Crime” is already proposed."):
        services.topic_propose(committee=committee, title="Organized  Crime", actor=chair)
    services.agenda_adopt(committee=committee, order=[1], actor=chair)
    with refused("The agenda has already been adopted; no more topics can be proposed."):
        services.topic_propose(committee=committee, title="Another", actor=chair)


def test_parse_agenda_order_messages():
    with refused("Enter the adopted order as topic numbers, for example “1, 2”."):
        services.parse_agenda_order(" , - ;")
    with refused("“1, two” is not a list of topic numbers; write it like “2, 1”."):
        services.parse_agenda_order("1, two")


def test_agenda_adopt_places_topics_opens_the_first_and_logs_both(committee, chair, told):
    one = services.topic_propose(committee=committee, title="Organized crime", actor=chair)
    two = services.topic_propose(committee=committee, title="Trafficking in persons", actor=chair)
    told.clear()
    with clock.travel_to(at(13, 19)):
        result = services.agenda_adopt(committee=committee, order=[2, 1], actor=chair)
    assert result == committee
    committee.refresh_from_db()
    one.refresh_from_db()
    two.refresh_from_db()
    assert committee.agenda_adopted_at == at(13, 19)
    assert (two.agenda_position, two.status, two.opened_at) == (1, "open", at(13, 19))
    assert (one.agenda_position, one.status, one.opened_at) == (2, "adopted", None)
    assert_logged(
        "agenda.adopted",
        actor=chair,
        committee=committee,
        target=committee,
        data={"order": [2, 1], "text": "adopted the agenda of 2, 1"},
    )
    # Topic numbers are agenda positions from now on: "Trafficking" is topic 1.
    assert_logged(
        "topic.opened",
        actor=chair,
        committee=committee,
        target=two,
        data={"number": 1, "title": "Trafficking in persons"},
    )
    assert told == [(committee.pk, "agenda", {})]


def test_agenda_refusals_say_why(committee, chair):
    with refused("Propose at least one topic before adopting the agenda."):
        services.agenda_adopt(committee=committee, order=[1], actor=chair)
    for title in ["Organized crime", "Trafficking", "Cybercrime"]:
        services.topic_propose(committee=committee, title=title, actor=chair)
    with refused("There is no proposed topic 4."):
        services.agenda_adopt(committee=committee, order=[1, 4, 5], actor=chair)
    with refused("Each topic can appear only once in the agenda."):
        services.agenda_adopt(committee=committee, order=[1, 2, 3, 3], actor=chair)
    with refused("The adopted order must place every proposed topic; missing: 1, 3."):
        services.agenda_adopt(committee=committee, order=[2], actor=chair)
    services.agenda_adopt(committee=committee, order=[3, 1, 2], actor=chair)
    with refused("The agenda has already been adopted."):
        services.agenda_adopt(committee=committee, order=[3, 1, 2], actor=chair)
    assert list(committee.topics.order_by("agenda_position").values_list("title", flat=True)) == [
        "Cybercrime",
        "Organized crime",
        "Trafficking",
    ]


def test_a_topic_moves_only_along_its_transitions(committee, chair):
    topic = Topic.objects.create(committee=committee, title="Organized crime", proposed_number=1)
    with refused("Topic 1 is proposed; it cannot become open."):
        services._move_topic(topic, Topic.Status.OPEN)
    topic.refresh_from_db()
    assert topic.status == Topic.Status.PROPOSED
    topic.agenda_position = 2
    services._move_topic(topic, Topic.Status.ADOPTED, "agenda_position")
    topic.refresh_from_db()
    assert (topic.status, topic.agenda_position) == ("adopted", 2)
    with refused("Topic 2 is on the agenda; it cannot become closed."):
        services._move_topic(topic, Topic.Status.CLOSED)


def test_topic_open_next_takes_up_the_next_on_the_agenda(committee, chair, told):
    services.topic_propose(committee=committee, title="Organized crime", actor=chair)
    services.topic_propose(committee=committee, title="Trafficking", actor=chair)
    services.topic_propose(committee=committee, title="Cybercrime", actor=chair)
    services.agenda_adopt(committee=committee, order=[3, 1, 2], actor=chair)
    first = committee.topics.get(status="open")
    services.topic_close(topic=first, actor=chair)
    AuditEntry.objects.all().delete()
    told.clear()
    with clock.travel_to(at(14, 10)):
        opened = services.topic_open_next(committee=committee, actor=chair)
    opened.refresh_from_db()
    assert (opened.title, opened.agenda_position, opened.status) == ("Organized crime", 2, "open")
    assert opened.opened_at == at(14, 10)
    assert_logged(
        "topic.opened",
        actor=chair,
        committee=committee,
        target=opened,
        data={"number": 2, "title": "Organized crime"},
    )
    assert told == [(committee.pk, "agenda", {})]


def test_topic_open_next_refusals_say_why(committee, chair):
    services.topic_propose(committee=committee, title="Organized crime", actor=chair)
    with refused("Adopt the agenda first."):
        services.topic_open_next(committee=committee, actor=chair)
    services.agenda_adopt(committee=committee, order=[1], actor=chair)
    with refused("Close the open topic before taking up the next one."):
        services.topic_open_next(committee=committee, actor=chair)
    services.topic_close(topic=committee.topics.get(), actor=chair)
    with refused("Every topic on the agenda has been considered."):
        services.topic_open_next(committee=committee, actor=chair)


def test_topic_close_stamps_logs_and_tells_the_agenda(committee, chair, told):
    services.topic_propose(committee=committee, title="Organized crime", actor=chair)
    services.agenda_adopt(committee=committee, order=[1], actor=chair)
    topic = committee.topics.get()
    told.clear()
    with clock.travel_to(at(15, 16)):
        closed = services.topic_close(topic=topic, actor=chair)
    closed.refresh_from_db()
    assert (closed.status, closed.closed_at) == ("closed", at(15, 16))
    assert_logged(
        "topic.closed",
        actor=chair,
        committee=committee,
        target=closed,
        data={"number": 1, "title": "Organized crime", "reason": "voting procedure finished"},
    )
    assert told == [(committee.pk, "agenda", {})]
    with refused("Topic 1 is not open, so it cannot be closed."):
        services.topic_close(topic=topic, actor=chair)


def test_topic_reopen_reopens_a_topic_closed_by_mistake(committee, chair, told):
    services.topic_propose(committee=committee, title="Organized crime", actor=chair)
    services.agenda_adopt(committee=committee, order=[1], actor=chair)
    topic = committee.topics.get()
    with clock.travel_to(at(15, 16)):
        services.topic_close(topic=topic, actor=chair, reason="debate adjourned")
    told.clear()
    reopened = services.topic_reopen(topic=topic, actor=chair)
    reopened.refresh_from_db()
    assert (reopened.status, reopened.closed_at) == ("open", None)
    logged = entry("topic.reopened")
    assert (logged.actor, logged.committee) == (chair, committee)
    assert (logged.target_type, logged.target_id) == ("committee.topic", str(topic.pk))
    assert sorted(logged.data) == ["closed_at", "number", "title"]
    assert (logged.data["number"], logged.data["title"]) == (1, "Organized crime")
    # When it had been closed, kept for the record.
    assert dt.datetime.fromisoformat(logged.data["closed_at"]) == at(15, 16)
    assert told == [(committee.pk, "agenda", {})]


def test_a_topic_closed_without_a_stamp_reopens_with_none(committee, chair):
    topic = Topic.objects.create(
        committee=committee, title="Organized crime", proposed_number=1, status="closed"
    )
    services.topic_reopen(topic=topic, actor=chair)
    assert entry("topic.reopened").data["closed_at"] is None


def test_topic_reopen_refusals_say_why(committee, chair):
    services.topic_propose(committee=committee, title="Organized crime", actor=chair)
    services.topic_propose(committee=committee, title="Trafficking", actor=chair)
    first = committee.topics.get(proposed_number=1)
    with refused("Topic 1 is not closed, so it cannot be reopened."):
        services.topic_reopen(topic=first, actor=chair)  # proposed
    services.agenda_adopt(committee=committee, order=[1, 2], actor=chair)
    with refused("Topic 1 is not closed, so it cannot be reopened."):
        services.topic_reopen(topic=first, actor=chair)  # open
    second = committee.topics.get(proposed_number=2)
    with refused("Topic 2 is not closed, so it cannot be reopened."):
        services.topic_reopen(topic=second, actor=chair)  # on the agenda: could open, not reopen
    services.topic_close(topic=first, actor=chair)
    services.topic_open_next(committee=committee, actor=chair)
    with refused("Topic 2 is open; close it before reopening topic 1."):
        services.topic_reopen(topic=first, actor=chair)
    first.refresh_from_db()
    assert first.status == "closed"


# Delegations ------------------------------------------------------------------------------


def test_a_member_state_delegation_is_added_once(committee, delegations, chair):
    germany, created = services.delegation_add(
        committee=committee, member_state=state("DEU"), actor=chair
    )
    assert created is True
    germany.refresh_from_db()
    assert (germany.committee, germany.member_state, germany.organization_name) == (
        committee,
        state("DEU"),
        "",
    )
    assert germany.is_observer is False
    assert_logged(
        "delegation.added",
        actor=chair,
        committee=committee,
        target=germany,
        data={"name": "Germany", "observer": False},
    )
    again, created = services.delegation_add(
        committee=committee, member_state=state("DEU"), actor=chair
    )
    assert (again, created) == (germany, False)
    assert AuditEntry.objects.filter(action="delegation.added").count() == 1


def test_a_member_state_delegation_takes_no_organization_name(committee, chair):
    germany, _ = services.delegation_add(
        committee=committee, member_state=state("DEU"), organization_name="Mission", actor=chair
    )
    germany.refresh_from_db()
    assert germany.organization_name == "" and germany.name == "Germany"


def test_a_non_member_state_is_an_observer(committee, chair):
    holy_see, _ = services.delegation_add(
        committee=committee, member_state=state("VAT"), actor=chair
    )
    holy_see.refresh_from_db()
    assert holy_see.is_observer is True
    assert entry("delegation.added").data == {"name": "Holy See", "observer": True}


def test_a_member_state_may_be_seated_as_an_observer(committee, chair):
    germany, _ = services.delegation_add(
        committee=committee, member_state=state("DEU"), is_observer=True, actor=chair
    )
    germany.refresh_from_db()
    assert germany.is_observer is True


def test_an_organization_is_an_observer_added_once_by_name(committee, delegations, chair):
    unodc, created = services.delegation_add(
        committee=committee, organization_name="  UN  Office on Drugs and Crime ", actor=chair
    )
    assert created is True
    unodc.refresh_from_db()
    assert (unodc.member_state, unodc.organization_name) == (None, "UN Office on Drugs and Crime")
    assert unodc.is_observer is True
    assert_logged(
        "delegation.added",
        actor=chair,
        committee=committee,
        target=unodc,
        data={"name": "UN Office on Drugs and Crime", "observer": True},
    )
    again, created = services.delegation_add(
        committee=committee, organization_name="UN Office on Drugs and Crime", actor=chair
    )
    assert (again, created) == (unodc, False)
    # INTERPOL (in the fixture) is another organization.
    interpol, created = services.delegation_add(
        committee=committee, organization_name="INTERPOL", actor=chair
    )
    assert (interpol, created) == (delegations[5], False)


@pytest.mark.parametrize("name", ["", "   "])
def test_an_organization_needs_a_name(committee, chair, name):
    with refused("An observer organization needs a name."):
        services.delegation_add(committee=committee, organization_name=name, actor=chair)
    with refused("An observer organization needs a name."):
        services.delegation_add(committee=committee, actor=chair)
    assert not Delegation.objects.exists()


def test_a_member_becomes_an_observer_before_the_first_roll_call(
    committee, delegations, chair, told
):
    mexico = services.delegation_set_observer(
        delegation=delegations[0], is_observer=True, actor=chair
    )
    mexico.refresh_from_db()
    assert mexico.is_observer is True
    assert_logged(
        "delegation.observer_changed",
        actor=chair,
        committee=committee,
        target=mexico,
        data={"name": "Mexico", "observer": True},
    )
    assert told == [(committee.pk, "roll_call", {})]
    services.delegation_set_observer(delegation=mexico, is_observer=False, actor=chair)
    mexico.refresh_from_db()
    assert mexico.is_observer is False


def test_setting_the_same_observer_status_changes_nothing(committee, delegations, chair, told):
    mexico = services.delegation_set_observer(
        delegation=delegations[0], is_observer=False, actor=chair
    )
    assert mexico == delegations[0] and mexico.is_observer is False
    assert not AuditEntry.objects.exists() and told == []


def test_observer_status_is_fixed_by_the_first_roll_call_and_for_organizations(
    committee, delegations, chair
):
    with refused("INTERPOL is an organization: it is always an observer."):
        services.delegation_set_observer(delegation=delegations[5], is_observer=False, actor=chair)
    meeting = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    services.roll_call_mark(
        meeting=meeting, delegation=delegations[1], status="absent", actor=chair
    )
    with refused(
        "CCPCJ has taken a roll call, so Mexico can no longer change between member and "
        "observer: it would change quorum and votes already counted."
    ):
        services.delegation_set_observer(delegation=delegations[0], is_observer=True, actor=chair)
    delegations[0].refresh_from_db()
    assert delegations[0].is_observer is False


def test_another_committees_roll_call_does_not_fix_observer_status(
    committee, other_committee, delegations, chair
):
    elsewhere = Delegation.objects.create(committee=other_committee, member_state=state("DEU"))
    meeting = services.meeting_open(committee=other_committee, name="Sunday evening", actor=chair)
    services.roll_call_mark(meeting=meeting, delegation=elsewhere, status="present", actor=chair)
    mexico = services.delegation_set_observer(
        delegation=delegations[0], is_observer=True, actor=chair
    )
    assert mexico.is_observer is True


def test_a_delegation_withdraws_once(committee, delegations, chair, told):
    with clock.travel_to(at(15, 11)):
        mexico = services.delegation_withdraw(delegation=delegations[0], actor=chair)
    mexico.refresh_from_db()
    assert mexico.withdrawn_at == at(15, 11)
    assert_logged(
        "delegation.withdrawn",
        actor=chair,
        committee=committee,
        target=mexico,
        data={"name": "Mexico"},
    )
    assert told == [(committee.pk, "roll_call", {})]
    with refused("Mexico has already left the committee."):
        services.delegation_withdraw(delegation=delegations[0], actor=chair)
    mexico.refresh_from_db()
    assert mexico.withdrawn_at == at(15, 11)


# Committee, conference, dais and delegates ------------------------------------------------


def test_two_rules_refused_once_the_session_started_are_both_named(committee, chair):
    with clock.travel_to(at(13, 18)):
        services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    with clock.travel_to(at(14, 9)):
        services.meeting_open(committee=committee, name="Monday morning", actor=chair)
    with refused(
        "The session started with Meeting 1: Sunday evening on 13 April 2025: its rules "
        "(signatory threshold percent, speaking time) can no longer change."
    ):
        services.check_committee_changes(
            committee, ["speaking_time", "signatory_threshold_percent"]
        )
    # The name and other fields that are not rules may still change.
    services.check_committee_changes(committee, ["full_name", "acronym"])


def test_rules_change_freely_before_the_first_meeting_and_when_creating(committee):
    services.check_committee_changes(committee, ["speaking_time"])
    services.check_committee_changes(Committee(conference=committee.conference), ["body_kind"])


def test_a_committee_is_created_and_changed_through_the_service(committee, chair, secretariat):
    new = Committee(
        conference=committee.conference,
        full_name="Third Committee of the General Assembly",
        acronym="GA3",
        slug="ga3",
    )
    services.committee_save(
        committee=new, changes={"full_name", "acronym", "slug"}, actor=secretariat
    )
    assert new.pk is not None
    assert_logged(
        "committee.created",
        actor=secretariat,
        committee=new,
        target=new,
        data={"fields": ["acronym", "full_name", "slug"], "acronym": "GA3"},
    )
    new.full_name = "Social, Humanitarian and Cultural Committee"
    services.committee_save(committee=new, changes=["full_name"], actor=secretariat)
    assert_logged(
        "committee.changed",
        actor=secretariat,
        committee=new,
        target=new,
        data={"fields": ["full_name"], "acronym": "GA3"},
    )


def test_a_committee_rule_change_after_the_start_is_refused_by_the_service(
    committee, chair, secretariat
):
    services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    committee.speaking_time = 60
    with pytest.raises(DomainError, match=r"its rules \(speaking time\) can no longer change"):
        services.committee_save(committee=committee, changes=["speaking_time"], actor=secretariat)
    assert not AuditEntry.objects.filter(action__startswith="committee.").exists()


def test_a_conference_is_created_and_changed_through_the_service(secretariat):
    conference = Conference(
        name="NMUN New York 2025",
        session_label="Conference B",
        start_date=dt.date(2025, 4, 13),
        end_date=dt.date(2025, 4, 17),
    )
    services.conference_save(
        conference=conference, changes={"name", "start_date"}, actor=secretariat
    )
    created = assert_logged(
        "conference.created",
        actor=secretariat,
        committee=None,
        target=conference,
        data={"fields": ["name", "start_date"], "name": "NMUN New York 2025, Conference B"},
    )
    assert created.committee is None
    conference.session_label = "Conference A"
    services.conference_save(conference=conference, changes=["session_label"], actor=secretariat)
    assert entry("conference.changed").data == {
        "fields": ["session_label"],
        "name": "NMUN New York 2025, Conference A",
    }


def test_a_dais_role_is_assigned_once_and_removed(committee, secretariat):
    user = UserFactory(username="rapporteur")
    role = services.dais_role_assign(
        committee=committee, user=user, role=DaisRole.Role.RAPPORTEUR, actor=secretariat
    )
    assert (role.committee, role.user, role.role) == (committee, user, "rapporteur")
    assert_logged(
        "dais.assigned",
        actor=secretariat,
        committee=committee,
        target=role,
        data={"user": "rapporteur", "role": "rapporteur"},
    )
    again = services.dais_role_assign(
        committee=committee, user=user, role=DaisRole.Role.RAPPORTEUR, actor=secretariat
    )
    assert again == role and AuditEntry.objects.filter(action="dais.assigned").count() == 1
    services.dais_role_remove(dais_role=role, actor=secretariat)
    assert not DaisRole.objects.filter(user=user).exists()
    assert_logged(
        "dais.removed",
        actor=secretariat,
        committee=committee,
        target=committee,
        data={"user": "rapporteur", "role": "rapporteur"},
    )


def test_a_delegate_is_seated_once_and_unseated(committee, delegations, secretariat):
    user = UserFactory(username="ana")
    seat = services.delegate_assign(delegation=delegations[0], user=user, actor=secretariat)
    assert (seat.user, seat.delegation) == (user, delegations[0])
    assert_logged(
        "delegate.assigned",
        actor=secretariat,
        committee=committee,
        target=seat,
        data={"user": "ana", "delegation": "Mexico"},
    )
    again = services.delegate_assign(delegation=delegations[0], user=user, actor=secretariat)
    assert again == seat
    assert AuditEntry.objects.filter(action="delegate.assigned").count() == 1
    with refused("ana already represents Mexico."):
        services.delegate_assign(delegation=delegations[1], user=user, actor=secretariat)
    services.delegate_remove(delegate=seat, actor=secretariat)
    assert not Delegate.objects.filter(user=user).exists()
    assert_logged(
        "delegate.removed",
        actor=secretariat,
        committee=committee,
        target=committee,
        data={"user": "ana", "delegation": "Mexico"},
    )


def test_unseating_one_delegate_leaves_the_others(committee, delegations, secretariat):
    other = DelegateFactory(delegation=delegations[0], user=UserFactory(username="bea"))
    seat = services.delegate_assign(
        delegation=delegations[0], user=UserFactory(username="ana"), actor=secretariat
    )
    services.delegate_remove(delegate=seat, actor=secretariat)
    assert list(Delegate.objects.filter(delegation=delegations[0])) == [other]

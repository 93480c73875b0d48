import pytest

from sessions import selectors, services
from sessions.errors import DomainError
from sessions.models import Attendance, AuditEntry, Topic

from .factories import DelegationFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(committee, chair):
    return services.meeting_open(committee=committee, name="Sunday evening", actor=chair)


def test_meeting_open_numbers_meetings_and_logs(committee, chair):
    first = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    second = services.meeting_open(committee=committee, name="Monday morning", actor=chair)
    assert (first.number, second.number) == (1, 2)
    entry = AuditEntry.objects.filter(action="meeting.opened").first()
    assert entry.actor == chair and entry.committee == committee
    assert entry.data == {"number": 2, "name": "Monday morning"}


def test_meeting_needs_a_name(committee, chair):
    with pytest.raises(DomainError, match="name"):
        services.meeting_open(committee=committee, name="   ", actor=chair)


def test_roll_call_counts_and_quorum(committee, delegations, meeting, chair):
    members = delegations[:5]
    summary = selectors.roll_call_summary(committee, meeting)
    assert (summary.members, summary.observers) == (5, 1)
    assert not summary.has_debate_quorum and not summary.has_vote_quorum

    services.roll_call_mark(
        meeting=meeting, delegation=members[0], status=Attendance.PRESENT_AND_VOTING, actor=chair
    )
    services.roll_call_mark(
        meeting=meeting, delegation=members[1], status=Attendance.PRESENT, actor=chair
    )
    # The observer counts as present but not towards quorum.
    services.roll_call_mark(
        meeting=meeting, delegation=delegations[5], status=Attendance.PRESENT, actor=chair
    )
    summary = selectors.roll_call_summary(committee, meeting)
    assert (summary.present_and_voting, summary.present, summary.absent) == (1, 2, 0)
    assert summary.members_present == 2
    assert summary.debate_quorum_required == 2 and summary.has_debate_quorum
    assert summary.vote_quorum_required == 3 and not summary.has_vote_quorum

    services.roll_call_mark(
        meeting=meeting, delegation=members[2], status=Attendance.ABSENT, actor=chair
    )
    assert not selectors.roll_call_summary(committee, meeting).has_vote_quorum
    services.roll_call_mark(
        meeting=meeting, delegation=members[2], status=Attendance.PRESENT, actor=chair
    )
    summary = selectors.roll_call_summary(committee, meeting)
    assert summary.has_vote_quorum and summary.absent == 0


def test_roll_call_correction_is_logged_with_previous_answer(
    committee, delegations, meeting, chair
):
    services.roll_call_mark(
        meeting=meeting, delegation=delegations[0], status="present", actor=chair
    )
    services.roll_call_mark(
        meeting=meeting, delegation=delegations[0], status="absent", actor=chair
    )
    corrected = AuditEntry.objects.get(action="rollcall.corrected")
    assert corrected.data["previous"] == "present" and corrected.data["status"] == "absent"
    assert meeting.roll_call.get().status == "absent"


def test_the_same_answer_twice_writes_nothing(committee, delegations, meeting, chair):
    for _ in range(2):
        services.roll_call_mark(
            meeting=meeting, delegation=delegations[0], status="present", actor=chair
        )
    assert AuditEntry.objects.filter(action__startswith="rollcall.").count() == 1


def test_roll_call_refuses_other_committees_delegation_and_bad_answers(
    committee, other_committee, delegations, meeting, chair
):
    stranger = DelegationFactory(committee=other_committee)
    with pytest.raises(DomainError, match="not a delegation of this committee"):
        services.roll_call_mark(meeting=meeting, delegation=stranger, status="present", actor=chair)
    with pytest.raises(DomainError, match="Answer present"):
        services.roll_call_mark(
            meeting=meeting, delegation=delegations[0], status="maybe", actor=chair
        )


def test_agenda_flow(committee, chair):
    one = services.topic_propose(committee=committee, title="Organized crime", actor=chair)
    two = services.topic_propose(committee=committee, title="Trafficking in persons", actor=chair)
    assert (one.proposed_number, two.proposed_number) == (1, 2)

    services.agenda_adopt(committee=committee, order=[2, 1], actor=chair)
    one.refresh_from_db()
    two.refresh_from_db()
    assert two.agenda_position == 1 and two.status == Topic.Status.OPEN
    assert one.agenda_position == 2 and one.status == Topic.Status.ADOPTED
    adopted = AuditEntry.objects.get(action="agenda.adopted")
    assert adopted.data["text"] == "adopted the agenda of 2, 1"

    with pytest.raises(DomainError, match="Close the open topic"):
        services.topic_open_next(committee=committee, actor=chair)
    services.topic_close(topic=two, actor=chair)
    opened = services.topic_open_next(committee=committee, actor=chair)
    assert opened == one
    services.topic_close(topic=one, actor=chair, reason="debate adjourned")
    with pytest.raises(DomainError, match="Every topic"):
        services.topic_open_next(committee=committee, actor=chair)
    with pytest.raises(DomainError, match="not open"):
        services.topic_close(topic=one, actor=chair)
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == [
        "topic.proposed",
        "topic.proposed",
        "agenda.adopted",
        "topic.opened",
        "topic.closed",
        "topic.opened",
        "topic.closed",
    ]


@pytest.mark.parametrize(
    ("order", "message"),
    [([1], "missing: 2"), ([1, 1, 2], "only once"), ([1, 3], "no proposed topic 3")],
)
def test_agenda_order_must_place_every_topic_once(committee, chair, order, message):
    TopicFactory(committee=committee, proposed_number=1)
    TopicFactory(committee=committee, proposed_number=2)
    with pytest.raises(DomainError, match=message):
        services.agenda_adopt(committee=committee, order=order, actor=chair)
    assert not AuditEntry.objects.exists()


def test_agenda_cannot_be_adopted_twice_nor_topics_added_after(committee, chair):
    services.topic_propose(committee=committee, title="Organized crime", actor=chair)
    services.agenda_adopt(committee=committee, order=[1], actor=chair)
    with pytest.raises(DomainError, match="already been adopted"):
        services.agenda_adopt(committee=committee, order=[1], actor=chair)
    with pytest.raises(DomainError, match="already been adopted"):
        services.topic_propose(committee=committee, title="Another", actor=chair)


def test_duplicate_topic_title_is_refused(committee, chair):
    services.topic_propose(committee=committee, title="Organized crime", actor=chair)
    with pytest.raises(DomainError, match="already proposed"):
        services.topic_propose(committee=committee, title="organized  CRIME", actor=chair)


@pytest.mark.parametrize(
    ("text", "expected"), [("1, 2", [1, 2]), ("2 1", [2, 1]), ("2-1", [2, 1]), ("3;1;2", [3, 1, 2])]
)
def test_parse_agenda_order(text, expected):
    assert services.parse_agenda_order(text) == expected


@pytest.mark.parametrize("text", ["", "one, two", "1, b"])
def test_parse_agenda_order_refuses_words(text):
    with pytest.raises(DomainError):
        services.parse_agenda_order(text)

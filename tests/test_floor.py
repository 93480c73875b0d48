"""The live floor's services: the speakers list, speeches with stored timers, yields, motions
in order of precedence and the effect of each when its procedural vote passes."""

import datetime as dt

import pytest
from django.utils import timezone

from sessions import clock, floor
from sessions.errors import DomainError
from sessions.models import AuditEntry, FloorMotion, SpeakersList, Speech, Topic
from voting.models import Vote, VotingProcedure

from .voting_helpers import agenda_and_roll_call, approve_draft

pytestmark = pytest.mark.django_db
K = FloorMotion.Kind
T0 = timezone.make_aware(dt.datetime(2025, 4, 15, 10, 0))


@pytest.fixture
def floor_open(committee, delegations, chair):
    """Topic 1 open, a roll call taken (5 members and an observer present)."""
    agenda_and_roll_call(committee, chair)
    return committee


def at(seconds):
    return clock.travel_to(T0 + dt.timedelta(seconds=seconds))


def raise_(committee, kind, chair, **kw):
    return floor.motion_raise(committee=committee, kind=kind, actor=chair, **kw)


def test_precedence_orders_pending_motions_with_the_longest_suspension_first(
    floor_open, chair, names, delegate, director
):
    c = floor_open
    for signatory in ["France", "Japan"]:  # two drafts on the topic, to reorder
        approve_draft(
            c, sponsor=names["Mexico"], signatory=names[signatory], user=delegate, director=director
        )
    with at(0):
        time = raise_(c, K.SPEAKING_TIME, chair, seconds=60)
    with at(1):
        closure = raise_(c, K.CLOSURE, chair)
    with at(2):
        short = raise_(c, K.SUSPEND, chair, minutes=10)
    with at(3):
        adjourn_debate = raise_(c, K.ADJOURN_DEBATE, chair)
    with at(4):
        adjourn_meeting = raise_(c, K.ADJOURN_MEETING, chair)
    with at(5):
        long = raise_(c, K.SUSPEND, chair, minutes=20)
    with at(6):
        reorder = raise_(c, K.REORDER, chair, order="2, 1")
    order = [m.pk for m in floor.pending_motions(c)]
    assert order == [
        long.pk,
        short.pk,
        adjourn_meeting.pk,
        adjourn_debate.pk,
        closure.pk,
        time.pk,  # the others in the order raised
        reorder.pk,
    ]
    assert [m["id"] for m in floor.floor_state(c)["motions"]] == order


def test_a_motion_below_another_cannot_be_voted_on_first(floor_open, chair):
    time = raise_(floor_open, K.SPEAKING_TIME, chair, seconds=60)
    suspend = raise_(floor_open, K.SUSPEND, chair, minutes=5)
    with pytest.raises(DomainError, match="takes precedence"):
        floor.motion_put_to_vote(motion=time, yes=6, no=0, actor=chair)
    time.refresh_from_db()
    assert time.status == "pending" and not Vote.objects.exists()
    floor.motion_put_to_vote(motion=suspend, yes=2, no=4, actor=chair)  # fails
    vote = floor.motion_put_to_vote(motion=time, yes=6, no=0, actor=chair)
    assert vote.adopted


def test_speakers_list_calls_in_order_with_the_lists_speaking_time(floor_open, chair, names):
    c = floor_open
    floor.speaker_add(committee=c, delegation=names["Kenya"], actor=chair)
    floor.speaker_add(committee=c, delegation=names["France"], actor=chair)
    with pytest.raises(DomainError, match="already on the speakers list"):
        floor.speaker_add(committee=c, delegation=names["Kenya"], actor=chair)
    with at(0):
        speech = floor.speaker_next(committee=c, actor=chair)
    assert speech.delegation == names["Kenya"] and speech.duration == 90
    assert speech.started_at == T0
    with pytest.raises(DomainError, match="Kenya has the floor"):
        floor.speaker_next(committee=c, actor=chair)
    with at(75):
        floor.speech_end(committee=c, actor=chair, yield_to="dais")
    speech.refresh_from_db()
    assert (speech.status, speech.spoken, speech.yielded) == ("done", 75, "dais")
    with at(80):
        floor.speaker_next(committee=c, actor=chair)
    with at(80 + 100):  # ran over by 10 seconds
        floor.speech_end(committee=c, actor=chair)
    state = floor.floor_state(c)
    assert {r["name"]: (r["speeches"], r["time"]) for r in state["history"]} == {
        "France": (1, "1:40"),
        "Kenya": (1, "1:15"),
    }
    assert AuditEntry.objects.filter(action="floor.speech_ended").count() == 2


def test_yield_to_another_delegation_gives_it_the_time_left(floor_open, chair, names):
    c = floor_open
    floor.speaker_add(committee=c, delegation=names["Mexico"], actor=chair)
    with at(0):
        floor.speaker_next(committee=c, actor=chair)
    with at(30):
        floor.speech_end(
            committee=c, actor=chair, yield_to="delegation", to_delegation=names["Japan"]
        )
        state = floor.floor_state(c)
    current = state["current"]
    assert current["name"] == "Japan" and current["duration"] == 60
    assert current["yielded_from"] == "Mexico"
    assert current["ends"] == int((T0 + dt.timedelta(seconds=90)).timestamp() * 1000)


def test_timer_state_is_computed_from_the_stored_start_whenever_read(floor_open, chair, names):
    """A reload (a new read of the state) at any moment shows the same end time and what
    remains of it: nothing restarts the timer."""
    c = floor_open
    floor.speaker_add(committee=c, delegation=names["Brazil"], actor=chair)
    with at(0):
        floor.speaker_next(committee=c, actor=chair)
    first = floor.floor_state(c, now=T0 + dt.timedelta(seconds=10))
    later = floor.floor_state(c, now=T0 + dt.timedelta(seconds=70))
    assert first["current"]["ends"] == later["current"]["ends"]
    assert (first["current"]["remaining"], later["current"]["remaining"]) == ("1:20", "0:20")


def test_suspension_starts_a_countdown_and_pauses_the_list(floor_open, chair, names):
    c = floor_open
    floor.speaker_add(committee=c, delegation=names["Kenya"], actor=chair)
    with at(0):
        motion = raise_(c, K.SUSPEND, chair, delegation=names["France"], minutes=20)
        pending = raise_(c, K.SPEAKING_TIME, chair, seconds=45)
    with at(10):
        vote = floor.motion_put_to_vote(motion=motion, yes=5, no=1, actor=chair)
    assert vote.adopted and vote.subject == "Suspend the meeting for 20 minutes"
    motion.refresh_from_db()
    pending.refresh_from_db()
    assert (motion.status, motion.vote_id, pending.status) == ("adopted", vote.pk, "lapsed")
    state = floor.floor_state(c, now=T0 + dt.timedelta(seconds=70))
    assert state["suspension"]["minutes"] == 20
    assert state["suspension"]["remaining"] == "19:00"
    with at(600), pytest.raises(DomainError, match="suspended until"):
        floor.speaker_next(committee=c, actor=chair)
    assert floor.floor_state(c, now=T0 + dt.timedelta(seconds=1211))["suspension"] is None
    with at(1211):
        assert floor.speaker_next(committee=c, actor=chair).delegation == names["Kenya"]


def test_chair_resumes_a_suspension_early(floor_open, chair):
    motion = raise_(floor_open, K.SUSPEND, chair, minutes=15)
    floor.motion_put_to_vote(motion=motion, yes=6, no=0, actor=chair)
    assert floor.floor_state(floor_open)["suspension"] is not None
    floor.suspension_end(committee=floor_open, actor=chair)
    assert floor.floor_state(floor_open)["suspension"] is None
    with pytest.raises(DomainError, match="not suspended"):
        floor.suspension_end(committee=floor_open, actor=chair)


def test_failed_suspension_changes_nothing_but_the_motion(floor_open, chair):
    motion = raise_(floor_open, K.SUSPEND, chair, minutes=15)
    vote = floor.motion_put_to_vote(motion=motion, yes=2, no=4, actor=chair)
    assert not vote.adopted
    motion.refresh_from_db()
    assert motion.status == "failed" and floor.floor_state(floor_open)["suspension"] is None


def test_new_speaking_time_applies_to_the_next_speaker(floor_open, chair, names):
    c = floor_open
    for name in ["Kenya", "France"]:
        floor.speaker_add(committee=c, delegation=names[name], actor=chair)
    motion = raise_(c, K.SPEAKING_TIME, chair, seconds=45)
    floor.speaker_next(committee=c, actor=chair)
    with pytest.raises(DomainError, match="has the floor"):
        floor.motion_put_to_vote(motion=motion, yes=6, no=0, actor=chair)
    floor.speech_end(committee=c, actor=chair)
    floor.motion_put_to_vote(motion=motion, yes=6, no=0, actor=chair)
    assert SpeakersList.objects.get().speaking_time == 45
    assert Speech.objects.get(delegation=names["Kenya"]).duration == 90
    assert floor.speaker_next(committee=c, actor=chair).duration == 45


def test_closure_opens_voting_procedure(floor_open, chair, names, delegate, director):
    approve_draft(
        floor_open,
        sponsor=names["Mexico"],
        signatory=names["France"],
        user=delegate,
        director=director,
    )
    floor.speaker_add(committee=floor_open, delegation=names["Brazil"], actor=chair)
    motion = raise_(floor_open, K.CLOSURE, chair, delegation=names["Japan"])
    vote = floor.motion_put_to_vote(motion=motion, yes=5, no=1, actor=chair)
    assert vote.motion == "closure" and vote.adopted
    assert VotingProcedure.objects.get().status == "open"
    motion.refresh_from_db()
    assert motion.status == "adopted"
    # Debate is closed: the list takes no one and calls no one.
    with pytest.raises(DomainError, match="voting procedure"):
        floor.speaker_add(committee=floor_open, delegation=names["Kenya"], actor=chair)
    with pytest.raises(DomainError, match="voting procedure"):
        floor.speaker_next(committee=floor_open, actor=chair)


def test_closure_needs_two_thirds(floor_open, chair, names, delegate, director):
    approve_draft(
        floor_open,
        sponsor=names["Mexico"],
        signatory=names["France"],
        user=delegate,
        director=director,
    )
    motion = raise_(floor_open, K.CLOSURE, chair)
    assert not floor.motion_put_to_vote(motion=motion, yes=3, no=2, actor=chair).adopted
    assert not VotingProcedure.objects.exists()


def test_adjourning_debate_closes_the_topic(floor_open, chair):
    motion = raise_(floor_open, K.ADJOURN_DEBATE, chair)
    floor.motion_put_to_vote(motion=motion, yes=4, no=2, actor=chair)
    topic = Topic.objects.get(agenda_position=1)
    assert topic.status == "closed"
    assert AuditEntry.objects.filter(action="topic.closed", data__reason="debate adjourned")


def test_adjourning_the_meeting_holds_the_list_until_the_next_meeting(floor_open, chair, names):
    from sessions import services as session_services

    c = floor_open
    floor.speaker_add(committee=c, delegation=names["Kenya"], actor=chair)
    motion = raise_(c, K.ADJOURN_MEETING, chair)
    floor.motion_put_to_vote(motion=motion, yes=4, no=2, actor=chair)
    assert floor.floor_state(c)["adjourned"] is True
    with pytest.raises(DomainError, match="adjourned"):
        floor.speaker_next(committee=c, actor=chair)
    session_services.meeting_open(committee=c, name="Thursday", actor=chair)
    assert floor.speaker_next(committee=c, actor=chair).delegation == names["Kenya"]


def test_motion_checks(floor_open, chair):
    with pytest.raises(DomainError, match="for how long"):
        raise_(floor_open, K.SUSPEND, chair)
    with pytest.raises(DomainError, match="5 to 3,600"):
        raise_(floor_open, K.SPEAKING_TIME, chair, seconds=2)
    with pytest.raises(DomainError, match="numbers"):
        raise_(floor_open, K.REORDER, chair, order="first")
    assert not FloorMotion.objects.exists()


def test_withdrawn_motion_cannot_be_voted(floor_open, chair):
    motion = raise_(floor_open, K.SUSPEND, chair, minutes=5)
    floor.motion_withdraw(motion=motion, actor=chair)
    with pytest.raises(DomainError, match="no longer pending"):
        floor.motion_put_to_vote(motion=motion, yes=6, no=0, actor=chair)
    assert not Vote.objects.exists()


@pytest.mark.parametrize("speakers", [2, 6])
def test_floor_state_has_a_fixed_number_of_queries(
    floor_open, chair, names, django_assert_num_queries, speakers
):
    c = floor_open
    for d in list(names.values())[:speakers]:
        floor.speaker_add(committee=c, delegation=d, actor=chair)
    floor.speaker_next(committee=c, actor=chair)
    raise_(c, K.SUSPEND, chair, minutes=5, delegation=names["Kenya"])
    raise_(c, K.SPEAKING_TIME, chair, seconds=30)
    with django_assert_num_queries(7):
        floor.floor_state(c)


def test_a_withdrawn_delegation_is_not_offered_and_cannot_join(floor_open, chair, names):
    names["Brazil"].withdrawn_at = timezone.now()
    names["Brazil"].save()
    assert "Brazil" not in [d.name for d in floor.delegations_for_floor(floor_open)]
    with pytest.raises(DomainError, match="left the committee"):
        floor.speaker_add(committee=floor_open, delegation=names["Brazil"], actor=chair)


def test_a_delegate_acts_on_the_floor_only_for_their_own_delegation(
    floor_open, chair, names, delegate
):
    """``delegate`` represents Mexico: it may add Mexico and raise Mexico's motions, not
    France's; the chair may act for any delegation (services check it, not only views)."""
    floor.speaker_add(committee=floor_open, delegation=names["Mexico"], actor=delegate)
    with pytest.raises(DomainError, match="You do not represent France"):
        floor.speaker_add(committee=floor_open, delegation=names["France"], actor=delegate)
    with pytest.raises(DomainError, match="You do not represent France"):
        raise_(floor_open, K.SUSPEND, delegate, delegation=names["France"], minutes=10)
    with pytest.raises(DomainError, match="Only the chair and the rapporteur"):
        raise_(floor_open, K.SUSPEND, delegate, minutes=10)  # as if the chair entered it
    france = floor.speaker_add(committee=floor_open, delegation=names["France"], actor=chair)
    with pytest.raises(DomainError, match="You do not represent France"):
        floor.speaker_withdraw(speech=france, actor=delegate)
    entered = raise_(floor_open, K.SUSPEND, chair, minutes=10)
    with pytest.raises(DomainError, match="Only the chair and the rapporteur"):
        floor.motion_withdraw(motion=entered, actor=delegate)
    assert not Speech.objects.filter(
        delegation=names["France"], status=Speech.Status.WITHDRAWN
    ).exists()

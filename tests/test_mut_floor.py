"""The live floor's services (formal debate, DOMAIN.md "Live floor"): who may act for whom,
each refusal's exact words, the record each change leaves (the audit entry a person reads in
the timeline and the whole floor state every screen receives), the bounds of suspensions,
speaking times and question times, and the effect of each motion once decided (issue 8)."""

import datetime as dt
import json
import re

import pytest
from django.utils import timezone

from sessions import clock, floor
from sessions import services as session_services
from sessions.errors import DomainError
from sessions.models import AuditEntry, DaisRole, Floor, FloorMotion, SpeakersList, Speech, Topic

from .conftest import state
from .factories import DaisRoleFactory, DelegationFactory, UserFactory
from .voting_helpers import agenda_and_roll_call, approve_draft, close_debate

pytestmark = pytest.mark.django_db
K = FloorMotion.Kind
# Wednesday of the conference's week (13-17 April 2025), in the conference's time zone.
T0 = timezone.make_aware(dt.datetime(2025, 4, 15, 10, 0))


def at(seconds):
    return clock.travel_to(T0 + dt.timedelta(seconds=seconds))


def moment(seconds):
    return T0 + dt.timedelta(seconds=seconds)


def ms(seconds):
    return int(moment(seconds).timestamp() * 1000)


def refused(message):
    """The service refuses with exactly ``message``: the words a person reads."""
    return pytest.raises(DomainError, match="^" + re.escape(message) + "$")


def assert_logged(action, *, actor, committee, target, data):
    logged = AuditEntry.objects.get(action=action)
    assert logged.actor == actor
    assert logged.committee == committee
    if target is None:
        assert (logged.target_type, logged.target_id) == ("", "")
    else:
        assert (logged.target_type, logged.target_id) == (target._meta.label_lower, str(target.pk))
    assert logged.data == data
    return logged


@pytest.fixture
def floor_open(committee, delegations, chair):
    """Topics 1 and 2 adopted, topic 1 open, a meeting whose roll call has everyone present."""
    agenda_and_roll_call(committee, chair)
    return committee


@pytest.fixture
def rapporteur(committee):
    return DaisRoleFactory(
        committee=committee, role=DaisRole.Role.RAPPORTEUR, user=UserFactory(username="rita")
    ).user


@pytest.fixture
def told(monkeypatch):
    """What the screens following the floor are told: (committee id, what, the message)."""
    sent = []
    monkeypatch.setattr(
        floor, "notify", lambda committee, what, **data: sent.append((committee.pk, what, data))
    )
    return sent


def raise_(committee, kind, actor, **kw):
    return floor.motion_raise(committee=committee, kind=kind, actor=actor, **kw)


def speak(committee, chair, delegation, seconds=0):
    floor.speaker_add(committee=committee, delegation=delegation, actor=chair)
    with at(seconds):
        return floor.speaker_next(committee=committee, actor=chair)


def the_floor(committee):
    return Floor.objects.get(committee=committee)


# Registrations by the voting app -------------------------------------------------------------


@pytest.mark.parametrize(
    "register,registry",
    [
        ("register_decider", "_DECIDERS"),
        ("register_vote_state", "_VOTE_STATE"),
        ("register_debate_closed", "_DEBATE_CLOSED"),
        ("register_motion_check", "_MOTION_CHECKS"),
    ],
)
def test_a_registration_replaces_the_one_before_and_hands_the_function_back(
    monkeypatch, register, registry
):
    monkeypatch.setattr(floor, registry, list(getattr(floor, registry)))  # put back after
    monkeypatch.setattr(floor, "_VOTE_LINKS", list(floor._VOTE_LINKS))  # cleared by the 2nd

    def first(**kw):
        return "first"

    def second(**kw):
        return "second"

    assert getattr(floor, register)(first) is first
    assert getattr(floor, register)(second) is second
    assert getattr(floor, registry) == [second]


def test_the_vote_under_way_is_asked_of_the_voting_app_for_this_committee(
    monkeypatch, committee, other_committee
):
    monkeypatch.setattr(floor, "_VOTE_STATE", [lambda c: {"vote of": c.acronym}])
    assert floor.vote_state(other_committee) == {"vote of": "GA3"}
    monkeypatch.setattr(floor, "_VOTE_STATE", [])
    assert floor.vote_state(committee) is None


def test_procedural_votes_need_the_voting_app(monkeypatch, floor_open, chair):
    motion = raise_(floor_open, K.SUSPEND, chair, minutes=5)
    monkeypatch.setattr(floor, "_DECIDERS", [])
    with refused("Procedural votes are not available."):
        floor.motion_put_to_vote(motion=motion, yes=6, no=0, actor=chair)


def test_a_motion_is_put_to_the_registered_vote_with_its_placards(monkeypatch, floor_open, chair):
    motion = raise_(floor_open, K.SUSPEND, chair, minutes=5)
    asked = []
    monkeypatch.setattr(floor, "_DECIDERS", [lambda **kw: asked.append(kw) or "the vote"])
    assert floor.motion_put_to_vote(motion=motion, yes=4, no=2, actor=chair) == "the vote"
    assert asked == [{"motion": motion, "yes": 4, "no": 2, "actor": chair}]


# Who acts on the floor -----------------------------------------------------------------------


def test_the_rapporteur_runs_the_floor_for_every_delegation(floor_open, rapporteur, names):
    speech = floor.speaker_add(committee=floor_open, delegation=names["France"], actor=rapporteur)
    motion = raise_(floor_open, K.SUSPEND, rapporteur, minutes=10)
    floor.speaker_withdraw(speech=speech, actor=rapporteur)
    floor.motion_withdraw(motion=motion, actor=rapporteur)
    assert Speech.objects.get().status == "withdrawn"
    assert FloorMotion.objects.get().status == "withdrawn"


def test_a_director_does_not_run_the_floor(floor_open, director, names):
    with refused(
        "You do not represent France: only its delegates, the chair and the rapporteur can "
        "act for it."
    ):
        floor.speaker_add(committee=floor_open, delegation=names["France"], actor=director)
    with refused("Only the chair and the rapporteur act for the floor itself."):
        raise_(floor_open, K.SUSPEND, director, minutes=10)
    assert not Speech.objects.exists() and not FloorMotion.objects.exists()


def test_another_committees_chair_does_not_run_this_floor(floor_open, other_dais, names):
    with refused(
        "You do not represent Kenya: only its delegates, the chair and the rapporteur can "
        "act for it."
    ):
        floor.speaker_add(committee=floor_open, delegation=names["Kenya"], actor=other_dais)
    with refused("Only the chair and the rapporteur act for the floor itself."):
        raise_(floor_open, K.ADJOURN_MEETING, other_dais)


def test_a_delegate_withdraws_their_own_delegations_speech_and_motion(
    floor_open, chair, names, other_delegate
):
    """``other_delegate`` represents France."""
    speech = floor.speaker_add(committee=floor_open, delegation=names["France"], actor=chair)
    motion = raise_(floor_open, K.SUSPEND, other_delegate, delegation=names["France"], minutes=5)
    floor.speaker_withdraw(speech=speech, actor=other_delegate)
    floor.motion_withdraw(motion=motion, actor=other_delegate)
    speech.refresh_from_db()
    motion.refresh_from_db()
    assert (speech.status, motion.status) == ("withdrawn", "withdrawn")


def test_a_delegate_of_another_delegation_cannot_withdraw_a_motion(
    floor_open, chair, names, delegate
):
    motion = raise_(floor_open, K.SUSPEND, chair, delegation=names["France"], minutes=5)
    with refused(
        "You do not represent France: only its delegates, the chair and the rapporteur can "
        "act for it."
    ):
        floor.motion_withdraw(motion=motion, actor=delegate)
    motion.refresh_from_db()
    assert motion.status == "pending" and motion.decided_at is None


def test_only_this_committees_delegations_take_the_floor(
    floor_open, chair, other_committee, member_states
):
    elsewhere = DelegationFactory(committee=other_committee, member_state=state("DEU"))
    with refused("Choose a delegation of this committee."):
        floor.speaker_add(committee=floor_open, delegation=elsewhere, actor=chair)
    with refused("Choose a delegation of this committee."):
        floor.speaker_add(committee=floor_open, delegation=None, actor=chair)
    with refused("Choose a delegation of this committee."):
        raise_(floor_open, K.SUSPEND, chair, delegation=elsewhere, minutes=5)
    assert not Speech.objects.exists() and not FloorMotion.objects.exists()


def test_a_delegation_that_left_neither_speaks_nor_moves(floor_open, chair, names):
    names["Brazil"].withdrawn_at = timezone.now()
    names["Brazil"].save()
    with refused("Brazil has left the committee."):
        floor.speaker_add(committee=floor_open, delegation=names["Brazil"], actor=chair)
    with refused("Brazil has left the committee."):
        raise_(floor_open, K.SUSPEND, chair, delegation=names["Brazil"], minutes=5)
    assert [d.name for d in floor.delegations_for_floor(floor_open)] == [
        "France",
        "INTERPOL",
        "Japan",
        "Kenya",
        "Mexico",
    ]


def test_the_floor_offers_this_committees_delegations_in_english_order(floor_open, other_committee):
    DelegationFactory(committee=other_committee, member_state=state("DEU"))
    DelegationFactory(committee=floor_open, member_state=state("CIV"))
    DelegationFactory(committee=floor_open, member_state=state("CRI"))
    assert [d.name for d in floor.delegations_for_floor(floor_open)] == [
        "Brazil",
        "Costa Rica",
        "Côte d'Ivoire",
        "France",
        "INTERPOL",
        "Japan",
        "Kenya",
        "Mexico",
    ]


# The speakers list -------------------------------------------------------------------------


def test_adding_a_speaker_is_recorded_and_told_to_every_screen(floor_open, chair, names, told):
    with at(0):
        speech = floor.speaker_add(committee=floor_open, delegation=names["Kenya"], actor=chair)
    assert (speech.status, speech.added_at, speech.delegation) == ("waiting", T0, names["Kenya"])
    assert speech.speakers_list.topic.number == 1
    assert_logged(
        "floor.speaker_added",
        actor=chair,
        committee=floor_open,
        target=speech,
        data={"delegation": "Kenya", "topic": 1},
    )
    assert the_floor(floor_open).sequence == 1
    [(committee_id, what, message)] = told
    assert (committee_id, what, list(message)) == (floor_open.pk, "floor", ["state"])
    assert message["state"]["seq"] == 1
    assert message["state"]["waiting"] == [
        {"id": speech.pk, "delegation": names["Kenya"].pk, "name": "Kenya"}
    ]


def test_each_change_numbers_the_floors_state_once(floor_open, chair, names, told):
    floor.speaker_add(committee=floor_open, delegation=names["Kenya"], actor=chair)
    floor.speaker_add(committee=floor_open, delegation=names["France"], actor=chair)
    floor.speaker_next(committee=floor_open, actor=chair)
    assert [m["state"]["seq"] for _, _, m in told] == [1, 2, 3]
    assert the_floor(floor_open).sequence == 3


def test_the_same_delegation_waits_once(floor_open, chair, names):
    floor.speaker_add(committee=floor_open, delegation=names["Kenya"], actor=chair)
    with refused("Kenya is already on the speakers list."):
        floor.speaker_add(committee=floor_open, delegation=names["Kenya"], actor=chair)
    assert Speech.objects.count() == 1


def test_a_delegation_that_spoke_may_ask_to_speak_again(floor_open, chair, names):
    speak(floor_open, chair, names["Kenya"])
    floor.speech_end(committee=floor_open, actor=chair)
    again = floor.speaker_add(committee=floor_open, delegation=names["Kenya"], actor=chair)
    assert again.status == "waiting"


def test_a_delegation_waiting_on_another_topics_list_may_join_this_one(floor_open, chair, names):
    floor.speaker_add(committee=floor_open, delegation=names["Kenya"], actor=chair)
    motion = raise_(floor_open, K.ADJOURN_DEBATE, chair)
    floor.motion_put_to_vote(motion=motion, yes=5, no=1, actor=chair)
    session_services.topic_open_next(committee=floor_open, actor=chair)
    speech = floor.speaker_add(committee=floor_open, delegation=names["Kenya"], actor=chair)
    assert speech.speakers_list.topic.number == 2


def test_with_no_topic_open_there_is_no_speakers_list(committee, delegations, chair):
    with refused("No topic is open, so there is no speakers list."):
        floor.speaker_add(committee=committee, delegation=delegations[0], actor=chair)
    with refused("No topic is open, so there is no speakers list."):
        floor.speaker_next(committee=committee, actor=chair)
    with refused("No topic is open, so there is no speakers list."):
        floor.speech_end(committee=committee, actor=chair)
    assert not SpeakersList.objects.exists()


def test_in_voting_procedure_the_list_takes_and_calls_no_one(monkeypatch, floor_open, chair, names):
    floor.speaker_add(committee=floor_open, delegation=names["Kenya"], actor=chair)
    asked = []
    monkeypatch.setattr(
        floor, "_DEBATE_CLOSED", [lambda c: asked.append(c.pk) or "Debate is closed on topic 1."]
    )
    with refused("Debate is closed on topic 1."):
        floor.speaker_add(committee=floor_open, delegation=names["France"], actor=chair)
    with refused("Debate is closed on topic 1."):
        floor.speaker_next(committee=floor_open, actor=chair)
    assert asked == [floor_open.pk, floor_open.pk]
    monkeypatch.setattr(floor, "_DEBATE_CLOSED", [lambda c: None])
    assert floor.speaker_next(committee=floor_open, actor=chair).delegation == names["Kenya"]
    monkeypatch.setattr(floor, "_DEBATE_CLOSED", [])
    floor.speaker_add(committee=floor_open, delegation=names["France"], actor=chair)


def test_withdrawing_from_the_list_is_recorded(floor_open, chair, names, told):
    speech = floor.speaker_add(committee=floor_open, delegation=names["Kenya"], actor=chair)
    withdrawn = floor.speaker_withdraw(speech=speech, actor=chair)
    assert withdrawn.pk == speech.pk and withdrawn.status == "withdrawn"
    speech.refresh_from_db()
    assert speech.status == "withdrawn"
    assert_logged(
        "floor.speaker_withdrawn",
        actor=chair,
        committee=floor_open,
        target=speech,
        data={"delegation": "Kenya"},
    )
    assert the_floor(floor_open).sequence == 2
    assert [m["state"]["waiting"] for _, _, m in told][-1] == []
    assert told[-1][:2] == (floor_open.pk, "floor")


def test_only_a_waiting_speaker_withdraws(floor_open, chair, names):
    speech = floor.speaker_add(committee=floor_open, delegation=names["Kenya"], actor=chair)
    floor.speaker_withdraw(speech=speech, actor=chair)
    with refused("Kenya is not waiting on the list any more."):
        floor.speaker_withdraw(speech=speech, actor=chair)
    speaking = speak(floor_open, chair, names["France"])
    with refused("France is not waiting on the list any more."):
        floor.speaker_withdraw(speech=speaking, actor=chair)
    speaking.refresh_from_db()
    assert speaking.status == "speaking"
    assert AuditEntry.objects.filter(action="floor.speaker_withdrawn").count() == 1


def test_calling_the_next_speaker_is_recorded(floor_open, chair, names, told):
    floor.speaker_add(committee=floor_open, delegation=names["Kenya"], actor=chair)
    with at(0):
        speech = floor.speaker_next(committee=floor_open, actor=chair)
    speech.refresh_from_db()
    assert (speech.status, speech.started_at, speech.duration) == ("speaking", T0, 90)
    assert_logged(
        "floor.speech_started",
        actor=chair,
        committee=floor_open,
        target=speech,
        data={"delegation": "Kenya", "time": "1:30"},
    )
    assert told[-1][2]["state"]["current"]["name"] == "Kenya"


def test_speakers_are_called_in_the_order_they_were_added(floor_open, chair, names):
    with at(5):
        floor.speaker_add(committee=floor_open, delegation=names["Japan"], actor=chair)
    with at(0):  # added earlier, though entered later (the list keeps the time of asking)
        floor.speaker_add(committee=floor_open, delegation=names["Kenya"], actor=chair)
    with at(5):
        floor.speaker_add(committee=floor_open, delegation=names["Brazil"], actor=chair)
    called = []
    for _ in range(3):
        called.append(floor.speaker_next(committee=floor_open, actor=chair).delegation.name)
        floor.speech_end(committee=floor_open, actor=chair)
    assert called == ["Kenya", "Japan", "Brazil"]


def test_a_withdrawn_speaker_is_not_called(floor_open, chair, names):
    kenya = floor.speaker_add(committee=floor_open, delegation=names["Kenya"], actor=chair)
    floor.speaker_add(committee=floor_open, delegation=names["Japan"], actor=chair)
    floor.speaker_withdraw(speech=kenya, actor=chair)
    assert floor.speaker_next(committee=floor_open, actor=chair).delegation == names["Japan"]


def test_an_empty_list_calls_no_one(floor_open, chair, names):
    with refused("The speakers list is empty."):
        floor.speaker_next(committee=floor_open, actor=chair)
    speak(floor_open, chair, names["Kenya"])
    with refused("Kenya has the floor: end that speech first."):
        floor.speaker_next(committee=floor_open, actor=chair)
    floor.speech_end(committee=floor_open, actor=chair)
    with refused("The speakers list is empty."):
        floor.speaker_next(committee=floor_open, actor=chair)


def test_a_new_list_starts_with_the_committees_speaking_time(
    committee, delegations, chair, secretariat
):
    committee.speaking_time = 75
    session_services.committee_save(
        committee=committee, changes=["speaking_time"], actor=secretariat
    )
    agenda_and_roll_call(committee, chair)
    floor.speaker_add(committee=committee, delegation=delegations[2], actor=chair)
    assert SpeakersList.objects.get().speaking_time == 75
    with at(0):
        speech = floor.speaker_next(committee=committee, actor=chair)
    assert speech.duration == 75
    assert AuditEntry.objects.get(action="floor.speech_started").data["time"] == "1:15"


# Speeches and yields -----------------------------------------------------------------------


def test_ending_a_speech_is_recorded_with_the_time_spoken(floor_open, chair, names, told):
    speech = speak(floor_open, chair, names["Kenya"])
    with at(75):
        ended = floor.speech_end(committee=floor_open, actor=chair)
    assert ended.pk == speech.pk and ended.ended_at == moment(75)
    speech.refresh_from_db()
    assert (speech.status, speech.ended_at, speech.yielded, speech.yielded_to) == (
        "done",
        moment(75),
        "",
        None,
    )
    assert_logged(
        "floor.speech_ended",
        actor=chair,
        committee=floor_open,
        target=speech,
        data={"delegation": "Kenya", "spoken": "1:15"},
    )
    assert told[-1][2]["state"]["current"] is None
    assert told[-1][2]["state"]["seq"] == 3


def test_a_yield_to_the_dais_is_recorded(floor_open, chair, names):
    speech = speak(floor_open, chair, names["Kenya"])
    with at(40):
        floor.speech_end(committee=floor_open, actor=chair, yield_to="dais")
    speech.refresh_from_db()
    assert (speech.yielded, speech.yielded_to) == ("dais", None)
    assert_logged(
        "floor.speech_ended",
        actor=chair,
        committee=floor_open,
        target=speech,
        data={"delegation": "Kenya", "spoken": "0:40", "yield": "yielded to the dais"},
    )
    assert not Speech.objects.filter(status="speaking").exists()


def test_a_yield_to_another_delegation_gives_it_the_time_left(floor_open, chair, names):
    speech = speak(floor_open, chair, names["Kenya"])
    with at(30):
        floor.speech_end(
            committee=floor_open, actor=chair, yield_to="delegation", to_delegation=names["Japan"]
        )
    speech.refresh_from_db()
    assert (speech.status, speech.yielded, speech.yielded_to) == (
        "done",
        "delegation",
        names["Japan"],
    )
    given = Speech.objects.get(status="speaking")
    assert (
        given.delegation,
        given.speakers_list_id,
        given.added_at,
        given.started_at,
        given.duration,
        given.yielded_from,
        given.questions,
    ) == (names["Japan"], speech.speakers_list_id, moment(30), moment(30), 60, speech, False)
    assert_logged(
        "floor.speech_ended",
        actor=chair,
        committee=floor_open,
        target=speech,
        data={"delegation": "Kenya", "spoken": "0:30", "yield": "yielded to Japan"},
    )
    with at(50):
        floor.speech_end(committee=floor_open, actor=chair)
    given.refresh_from_db()
    assert given.spoken == 20


def test_a_yield_needs_a_delegation_of_this_committee_other_than_the_speaker(
    floor_open, chair, names
):
    speak(floor_open, chair, names["Kenya"])
    with at(10), refused("Choose a delegation of this committee."):
        floor.speech_end(committee=floor_open, actor=chair, yield_to="delegation")
    with at(10), refused("A delegation cannot yield to itself."):
        floor.speech_end(
            committee=floor_open, actor=chair, yield_to="delegation", to_delegation=names["Kenya"]
        )
    assert Speech.objects.get().status == "speaking"


def test_a_yield_to_a_delegation_needs_a_second_left(floor_open, chair, names):
    speak(floor_open, chair, names["Kenya"])
    with at(90), refused("No time is left to yield."):
        floor.speech_end(
            committee=floor_open, actor=chair, yield_to="delegation", to_delegation=names["Japan"]
        )
    with at(89):
        floor.speech_end(
            committee=floor_open, actor=chair, yield_to="delegation", to_delegation=names["Japan"]
        )
    assert Speech.objects.get(status="speaking").duration == 1


def test_only_the_three_yields_are_known(floor_open, chair, names):
    speak(floor_open, chair, names["Kenya"])
    with at(10), refused("Yield to the dais, to questions or to another delegation."):
        floor.speech_end(committee=floor_open, actor=chair, yield_to="chair")
    assert Speech.objects.get().status == "speaking"


def test_nobody_has_the_floor_to_end(floor_open, chair):
    with refused("Nobody has the floor."):
        floor.speech_end(committee=floor_open, actor=chair)


def test_questions_take_the_time_left_and_are_recorded(floor_open, chair, names, told):
    speech = speak(floor_open, chair, names["Kenya"])
    with at(30):
        floor.speech_end(committee=floor_open, actor=chair, yield_to="questions")
    speech.refresh_from_db()
    assert (speech.status, speech.yielded, speech.yielded_to) == ("done", "questions", None)
    questions = Speech.objects.get(status="speaking")
    assert (
        questions.delegation,
        questions.added_at,
        questions.started_at,
        questions.duration,
        questions.yielded_from,
        questions.questions,
    ) == (names["Kenya"], moment(30), moment(30), 60, speech, True)
    assert_logged(
        "floor.speech_ended",
        actor=chair,
        committee=floor_open,
        target=speech,
        data={
            "delegation": "Kenya",
            "spoken": "0:30",
            "yield": "yielded to questions",
            "question_time": "1:00",
        },
    )
    with at(100):
        ended = floor.speech_end(committee=floor_open, actor=chair)
    assert ended.pk == questions.pk
    assert_logged(
        "floor.questions_ended",
        actor=chair,
        committee=floor_open,
        target=questions,
        data={"delegation": "Kenya", "spoken": "1:10", "questions": True},
    )
    assert told[-1][2]["state"]["current"] is None


@pytest.mark.parametrize("seconds,label", [(5, "0:05"), (3600, "60:00")])
def test_a_question_time_from_5_seconds_to_an_hour(floor_open, chair, names, seconds, label):
    speak(floor_open, chair, names["Kenya"])
    with at(90):  # the speech's time is up: the chair sets the question time
        floor.speech_end(
            committee=floor_open, actor=chair, yield_to="questions", question_seconds=seconds
        )
    assert Speech.objects.get(status="speaking").duration == seconds
    entry = AuditEntry.objects.get(action="floor.speech_ended")
    assert entry.data["question_time"] == label


@pytest.mark.parametrize("seconds", [4, 3601, 0])
def test_a_question_time_out_of_bounds_is_refused(floor_open, chair, names, seconds):
    speak(floor_open, chair, names["Kenya"])
    with at(30), refused("Give the question time in seconds: 5 to 3,600."):
        floor.speech_end(
            committee=floor_open, actor=chair, yield_to="questions", question_seconds=seconds
        )
    assert Speech.objects.get().status == "speaking"


def test_questions_on_the_time_left_need_a_second_left(floor_open, chair, names):
    speak(floor_open, chair, names["Kenya"])
    with at(90), refused("No time is left for questions: set a question time."):
        floor.speech_end(committee=floor_open, actor=chair, yield_to="questions")
    with at(89):
        floor.speech_end(committee=floor_open, actor=chair, yield_to="questions")
    assert Speech.objects.get(status="speaking").duration == 1


def test_questions_under_way_are_ended_not_yielded(floor_open, chair, names):
    speak(floor_open, chair, names["Kenya"])
    with at(10):
        floor.speech_end(committee=floor_open, actor=chair, yield_to="questions")
    with at(20), refused("Questions are under way: end them; they cannot be yielded."):
        floor.speech_end(committee=floor_open, actor=chair, yield_to="dais")
    with at(20):
        floor.speech_end(committee=floor_open, actor=chair)
    assert not Speech.objects.filter(status="speaking").exists()


# Motions -----------------------------------------------------------------------------------


def test_raising_a_motion_is_recorded_with_who_moved_it(floor_open, chair, names, told):
    with at(0):
        motion = raise_(floor_open, K.SUSPEND, chair, delegation=names["France"], minutes=20)
    motion.refresh_from_db()
    assert (
        motion.kind,
        motion.status,
        motion.minutes,
        motion.delegation,
        motion.raised_by,
        motion.raised_at,
        motion.topic,
    ) == ("suspend", "pending", 20, names["France"], chair, T0, None)
    assert_logged(
        "motion.raised",
        actor=chair,
        committee=floor_open,
        target=motion,
        data={"subject": "Suspend the meeting for 20 minutes", "delegation": "France"},
    )
    [(committee_id, what, message)] = told
    assert (committee_id, what) == (floor_open.pk, "floor")
    assert message["state"]["motions"] == [
        {
            "id": motion.pk,
            "kind": "suspend",
            "subject": "Suspend the meeting for 20 minutes",
            "delegation": "France",
            "delegation_id": names["France"].pk,
        }
    ]


def test_a_motion_the_chair_enters_names_no_delegation(floor_open, chair):
    motion = raise_(floor_open, K.ADJOURN_MEETING, chair)
    assert motion.topic is None and motion.delegation is None
    assert_logged(
        "motion.raised",
        actor=chair,
        committee=floor_open,
        target=motion,
        data={"subject": "Adjourn the meeting"},
    )


def test_an_unknown_motion_is_refused(floor_open, chair):
    with refused("Choose a motion."):
        raise_(floor_open, "filibuster", chair)
    assert not FloorMotion.objects.exists()


@pytest.mark.parametrize("minutes", [1, 240])
def test_a_suspension_lasts_1_to_240_minutes(floor_open, chair, minutes):
    assert raise_(floor_open, K.SUSPEND, chair, minutes=minutes).minutes == minutes


@pytest.mark.parametrize("minutes", [None, 0, 241])
def test_a_suspension_out_of_bounds_is_refused(floor_open, chair, minutes):
    with refused("Say for how long to suspend the meeting: 1 to 240 minutes."):
        raise_(floor_open, K.SUSPEND, chair, minutes=minutes)
    assert not FloorMotion.objects.exists()


@pytest.mark.parametrize("seconds,subject", [(5, "0:05"), (3600, "60:00")])
def test_a_speaking_time_is_5_seconds_to_an_hour(floor_open, chair, seconds, subject):
    motion = raise_(floor_open, K.SPEAKING_TIME, chair, seconds=seconds)
    motion.refresh_from_db()
    assert (motion.seconds, motion.topic.number) == (seconds, 1)
    assert motion.subject == f"Set the speaking time to {subject}"


@pytest.mark.parametrize("seconds", [None, 0, 4, 3601])
def test_a_speaking_time_out_of_bounds_is_refused(floor_open, chair, seconds):
    with refused("Give the speaking time in seconds: 5 to 3,600."):
        raise_(floor_open, K.SPEAKING_TIME, chair, seconds=seconds)
    assert not FloorMotion.objects.exists()


@pytest.mark.parametrize("kind", [K.ADJOURN_DEBATE, K.CLOSURE])
def test_adjourning_or_closing_debate_is_about_the_open_topic(floor_open, chair, kind):
    motion = raise_(floor_open, kind, chair)
    motion.refresh_from_db()
    assert motion.topic == Topic.objects.get(committee=floor_open, agenda_position=1)
    assert motion.subject.endswith(" on topic 1")


@pytest.mark.parametrize(
    "kind,extra",
    [(K.ADJOURN_DEBATE, {}), (K.CLOSURE, {}), (K.SPEAKING_TIME, {"seconds": 60})],
)
def test_with_no_topic_open_there_is_no_debate_to_adjourn_or_close(
    committee, delegations, chair, kind, extra
):
    with refused("No topic is open, so there is no debate to adjourn or close."):
        raise_(committee, kind, chair, **extra)
    assert not FloorMotion.objects.exists()


@pytest.mark.parametrize(
    "kind,extra", [(K.REORDER, {"order": "2, 1"}), (K.DIVISION, {"draft": 1, "parts": "2"})]
)
def test_with_no_topic_open_there_are_no_drafts_to_reorder_or_divide(
    committee, delegations, chair, kind, extra
):
    with refused("No topic is open, so there are no draft resolutions."):
        raise_(committee, kind, chair, **extra)
    assert not FloorMotion.objects.exists()


@pytest.fixture
def checked(monkeypatch):
    """The voting app's check of a reorder or a division, replaced by one that records what
    it was asked."""
    asked = []
    monkeypatch.setattr(floor, "_MOTION_CHECKS", [lambda **kw: asked.append(kw)])
    return asked


def test_a_reorder_is_checked_and_kept_as_numbers(floor_open, chair, checked):
    motion = raise_(floor_open, K.REORDER, chair, order=" 3,1;2 ")
    topic = Topic.objects.get(committee=floor_open, agenda_position=1)
    assert checked == [
        {
            "committee": floor_open,
            "topic": topic,
            "kind": "reorder",
            "order": "3 1 ; 2",
            "draft": None,
            "parts": "",
        }
    ]
    motion.refresh_from_db()
    assert (motion.order, motion.topic) == ("3 1 ; 2", topic)
    assert motion.subject == "Reorder the draft resolutions: 3 1 ; 2"
    assert AuditEntry.objects.get(action="motion.raised").data == {
        "subject": "Reorder the draft resolutions: 3 1 ; 2"
    }


def test_a_division_is_checked_and_kept_as_numbers(floor_open, chair, checked):
    motion = raise_(floor_open, K.DIVISION, chair, draft=2, parts="3;1,4")
    topic = Topic.objects.get(committee=floor_open, agenda_position=1)
    assert checked == [
        {
            "committee": floor_open,
            "topic": topic,
            "kind": "division",
            "order": "",
            "draft": 2,
            "parts": "3 ; 1 4",
        }
    ]
    motion.refresh_from_db()
    assert (motion.draft, motion.parts, motion.topic) == (2, "3 ; 1 4", topic)


def test_with_no_check_registered_a_reorder_is_raised_as_typed(monkeypatch, floor_open, chair):
    monkeypatch.setattr(floor, "_MOTION_CHECKS", [])
    assert raise_(floor_open, K.REORDER, chair, order="2, 1").order == "2 1"


def test_a_refused_check_raises_no_motion(monkeypatch, floor_open, chair):
    def refuse(**kw):
        raise DomainError("There is no draft 3.")

    monkeypatch.setattr(floor, "_MOTION_CHECKS", [refuse])
    with refused("There is no draft 3."):
        raise_(floor_open, K.DIVISION, chair, draft=3, parts="1")
    assert not FloorMotion.objects.exists()


def test_a_long_list_of_numbers_is_kept_to_the_fields_100_characters(floor_open, chair, checked):
    order = ", ".join(str(n) for n in range(1, 60))
    motion = raise_(floor_open, K.REORDER, chair, order=order)
    cleaned = " ".join(str(n) for n in range(1, 60))
    assert len(cleaned) > 100
    motion.refresh_from_db()
    assert motion.order == cleaned[:100]
    division = raise_(floor_open, K.DIVISION, chair, draft=1, parts=order)
    division.refresh_from_db()
    assert division.parts == cleaned[:100]


@pytest.mark.parametrize("order", ["", None, "first, second", "2, 1a", " , "])
def test_a_reorder_must_be_written_as_numbers(floor_open, chair, checked, order):
    with refused("Write the draft numbers in the new order as numbers, for example “2, 1”."):
        raise_(floor_open, K.REORDER, chair, order=order)
    assert checked == [] and not FloorMotion.objects.exists()


def test_a_division_names_its_draft_and_its_clauses_as_numbers(floor_open, chair, checked):
    with refused("Name the draft resolution to divide (its number, e.g. 1)."):
        raise_(floor_open, K.DIVISION, chair, parts="1, 2")
    with refused(
        "Write the operative clauses to vote on separately as numbers, for example “2, 1”."
    ):
        raise_(floor_open, K.DIVISION, chair, draft=1, parts="one")
    assert checked == [] and not FloorMotion.objects.exists()


def test_no_motion_is_raised_while_the_meeting_is_adjourned(floor_open, chair):
    adjourn = raise_(floor_open, K.ADJOURN_MEETING, chair)
    floor.motion_put_to_vote(motion=adjourn, yes=4, no=2, actor=chair)
    with refused("The meeting is adjourned: open the next meeting first."):
        raise_(floor_open, K.SUSPEND, chair, minutes=5)
    assert FloorMotion.objects.count() == 1
    session_services.meeting_open(committee=floor_open, name="Thursday", actor=chair)
    assert raise_(floor_open, K.SUSPEND, chair, minutes=5).status == "pending"


def test_withdrawing_a_motion_is_recorded(floor_open, chair, told):
    motion = raise_(floor_open, K.SUSPEND, chair, minutes=5)
    with at(30):
        withdrawn = floor.motion_withdraw(motion=motion, actor=chair)
    assert withdrawn.pk == motion.pk
    motion.refresh_from_db()
    assert (motion.status, motion.decided_at) == ("withdrawn", moment(30))
    assert_logged(
        "motion.withdrawn",
        actor=chair,
        committee=floor_open,
        target=motion,
        data={"subject": "Suspend the meeting for 5 minutes"},
    )
    assert the_floor(floor_open).sequence == 2
    assert told[-1][:2] == (floor_open.pk, "floor") and told[-1][2]["state"]["motions"] == []


def test_a_motion_is_withdrawn_once(floor_open, chair):
    motion = raise_(floor_open, K.SUSPEND, chair, minutes=5)
    floor.motion_withdraw(motion=motion, actor=chair)
    with refused("“Suspend the meeting for 5 minutes” is no longer pending."):
        floor.motion_withdraw(motion=motion, actor=chair)
    assert AuditEntry.objects.filter(action="motion.withdrawn").count() == 1


# Votes on motions and their effect ---------------------------------------------------------


def test_a_motion_no_longer_pending_is_not_voted(floor_open, chair):
    motion = raise_(floor_open, K.SUSPEND, chair, minutes=5)
    floor.motion_withdraw(motion=motion, actor=chair)
    with refused("“Suspend the meeting for 5 minutes” is no longer pending."):
        floor.motion_put_to_vote(motion=motion, yes=6, no=0, actor=chair)


def test_the_motion_first_in_precedence_is_voted_first(floor_open, chair):
    time = raise_(floor_open, K.SPEAKING_TIME, chair, seconds=60)
    raise_(floor_open, K.SUSPEND, chair, minutes=5)
    with refused("“Suspend the meeting for 5 minutes” takes precedence: put it to the vote first."):
        floor.motion_put_to_vote(motion=time, yes=6, no=0, actor=chair)
    time.refresh_from_db()
    assert time.status == "pending"


def test_no_motion_is_voted_while_a_delegation_has_the_floor(floor_open, chair, names):
    motion = raise_(floor_open, K.SUSPEND, chair, minutes=5)
    speak(floor_open, chair, names["Kenya"])
    with refused("A delegation has the floor: end the speech before voting on a motion."):
        floor.motion_put_to_vote(motion=motion, yes=6, no=0, actor=chair)
    floor.speech_end(committee=floor_open, actor=chair)
    assert floor.motion_put_to_vote(motion=motion, yes=6, no=0, actor=chair).adopted


def test_a_speech_under_way_in_another_committee_does_not_hold_this_floor(
    floor_open, chair, names, other_committee, other_dais, member_states
):
    DelegationFactory(committee=other_committee, member_state=state("DEU"))
    agenda_and_roll_call(other_committee, other_dais)
    speak(other_committee, other_dais, other_committee.delegations.get())
    motion = raise_(floor_open, K.SUSPEND, chair, minutes=5)
    assert floor.motion_put_to_vote(motion=motion, yes=6, no=0, actor=chair).adopted


def test_no_motion_is_voted_during_a_suspension(floor_open, chair):
    suspend = raise_(floor_open, K.SUSPEND, chair, minutes=20)
    with at(10):
        floor.motion_put_to_vote(motion=suspend, yes=6, no=0, actor=chair)
    adjourn = raise_(floor_open, K.ADJOURN_MEETING, chair)
    # 10:00:10 in the conference's time zone, and twenty minutes
    with at(600), refused("The meeting is suspended until 10:20:10."):
        floor.motion_put_to_vote(motion=adjourn, yes=6, no=0, actor=chair)
    with at(600), refused("The meeting is suspended until 10:20:10."):
        floor.speaker_next(committee=floor_open, actor=chair)
    adjourn.refresh_from_db()
    assert adjourn.status == "pending"


def test_an_adjourned_meeting_calls_no_speaker_until_the_next_meeting(floor_open, chair, names):
    floor.speaker_add(committee=floor_open, delegation=names["Kenya"], actor=chair)
    adjourn = raise_(floor_open, K.ADJOURN_MEETING, chair)
    floor.motion_put_to_vote(motion=adjourn, yes=4, no=2, actor=chair)
    with refused("The meeting is adjourned: open the next meeting first."):
        floor.speaker_next(committee=floor_open, actor=chair)
    session_services.meeting_open(committee=floor_open, name="Thursday", actor=chair)
    assert floor.floor_state(floor_open)["adjourned"] is False
    assert floor.speaker_next(committee=floor_open, actor=chair).delegation == names["Kenya"]


def test_a_decided_motion_records_its_vote_and_tells_every_screen(floor_open, chair, told):
    motion = raise_(floor_open, K.SUSPEND, chair, minutes=5)
    with at(10):
        vote = floor.motion_put_to_vote(motion=motion, yes=2, no=4, actor=chair)
    motion.refresh_from_db()
    assert (motion.status, motion.vote_id, motion.decided_at, motion.result) == (
        "failed",
        vote.pk,
        moment(10),
        vote.result,
    )
    assert vote.result
    assert_logged(
        "motion.decided",
        actor=chair,
        committee=floor_open,
        target=motion,
        data={
            "subject": "Suspend the meeting for 5 minutes",
            "outcome": "failed",
            "result": vote.result,
        },
    )
    assert told[-1][2]["state"]["last_motion"] == {
        "subject": "Suspend the meeting for 5 minutes",
        "adopted": False,
        "result": vote.result,
    }
    assert told[-1][:2] == (floor_open.pk, "floor")
    assert the_floor(floor_open).sequence == 2


def test_an_adopted_motion_is_recorded_as_adopted(floor_open, chair, told):
    motion = raise_(floor_open, K.SPEAKING_TIME, chair, seconds=45)
    vote = floor.motion_put_to_vote(motion=motion, yes=6, no=0, actor=chair)
    motion.refresh_from_db()
    assert (motion.status, motion.vote_id) == ("adopted", vote.pk)
    assert AuditEntry.objects.get(action="motion.decided").data["outcome"] == "adopted"
    assert told[-1][2]["state"]["last_motion"]["adopted"] is True


def test_a_long_result_is_kept_to_200_characters_in_the_motion(floor_open, chair):
    motion = raise_(floor_open, K.ADJOURN_MEETING, chair)
    result = "Adopted by " + "a very large majority, " * 12
    assert len(result) > 200
    floor.motion_decided(motion=motion, adopted=False, result=result, vote_id=7, actor=chair)
    motion.refresh_from_db()
    assert (motion.result, motion.vote_id) == (result[:200], 7)
    assert AuditEntry.objects.get(action="motion.decided").data["result"] == result


@pytest.mark.parametrize(
    "kind,extra",
    [
        (K.SUSPEND, {"minutes": 5}),
        (K.ADJOURN_MEETING, {}),
        (K.ADJOURN_DEBATE, {}),
        (K.CLOSURE, {}),
    ],
)
def test_an_adopted_suspension_adjournment_or_closure_lapses_the_other_motions(
    floor_open, chair, kind, extra
):
    motion = raise_(floor_open, kind, chair, **extra)
    other = raise_(floor_open, K.SPEAKING_TIME, chair, seconds=30)
    with at(10):
        floor.motion_decided(motion=motion, adopted=True, result="6-0", vote_id=1, actor=chair)
    other.refresh_from_db()
    assert (other.status, other.decided_at) == ("lapsed", moment(10))


@pytest.mark.parametrize(
    "kind,extra,adopted",
    [
        (K.SUSPEND, {"minutes": 5}, False),
        (K.CLOSURE, {}, False),
        (K.SPEAKING_TIME, {"seconds": 60}, True),
        (K.REORDER, {"order": "2, 1"}, True),
        (K.DIVISION, {"draft": 1, "parts": "2"}, True),
    ],
)
def test_other_motions_stay_pending_after_a_failed_or_a_lesser_motion(
    floor_open, chair, checked, kind, extra, adopted
):
    motion = raise_(floor_open, kind, chair, **extra)
    other = raise_(floor_open, K.SPEAKING_TIME, chair, seconds=30)
    floor.motion_decided(motion=motion, adopted=adopted, result="4-2", vote_id=1, actor=chair)
    other.refresh_from_db()
    assert (other.status, other.decided_at) == ("pending", None)


def test_motions_of_another_committee_do_not_lapse(floor_open, chair, other_committee, other_dais):
    agenda_and_roll_call(other_committee, other_dais)
    elsewhere = raise_(other_committee, K.SUSPEND, other_dais, minutes=5)
    motion = raise_(floor_open, K.SUSPEND, chair, minutes=10)
    floor.motion_decided(motion=motion, adopted=True, result="6-0", vote_id=1, actor=chair)
    elsewhere.refresh_from_db()
    assert elsewhere.status == "pending"


def test_an_adopted_suspension_starts_its_countdown(floor_open, chair):
    motion = raise_(floor_open, K.SUSPEND, chair, minutes=20)
    with at(10):
        floor.motion_put_to_vote(motion=motion, yes=6, no=0, actor=chair)
    f = the_floor(floor_open)
    assert (f.suspended_at, f.suspension_seconds, f.suspension_ended_at) == (moment(10), 1200, None)
    assert f.is_suspended(moment(1209)) and not f.is_suspended(moment(1210))


def test_a_second_suspension_after_an_early_resumption_runs_its_own_time(floor_open, chair):
    first = raise_(floor_open, K.SUSPEND, chair, minutes=20)
    with at(0):
        floor.motion_put_to_vote(motion=first, yes=6, no=0, actor=chair)
    with at(60):
        floor.suspension_end(committee=floor_open, actor=chair)
    second = raise_(floor_open, K.SUSPEND, chair, minutes=10)
    with at(120):
        floor.motion_put_to_vote(motion=second, yes=6, no=0, actor=chair)
    state = floor.floor_state(floor_open, now=moment(180))
    assert state["suspension"] == {
        "started": ms(120),
        "seconds": 600,
        "ends": ms(720),
        "minutes": 10,
        "remaining": "9:00",
    }


def test_resuming_early_is_recorded(floor_open, chair, told):
    motion = raise_(floor_open, K.SUSPEND, chair, minutes=20)
    with at(0):
        floor.motion_put_to_vote(motion=motion, yes=6, no=0, actor=chair)
    with at(300):
        resumed = floor.suspension_end(committee=floor_open, actor=chair)
    f = the_floor(floor_open)
    assert resumed.pk == f.pk and f.suspension_ended_at == moment(300)
    assert not f.is_suspended(moment(300))
    assert_logged("floor.resumed", actor=chair, committee=floor_open, target=None, data={})
    assert told[-1][:2] == (floor_open.pk, "floor") and told[-1][2]["state"]["suspension"] is None
    assert f.sequence == 3
    with at(301), refused("The meeting is not suspended."):
        floor.suspension_end(committee=floor_open, actor=chair)


def test_an_adopted_adjournment_of_the_meeting_is_stamped(floor_open, chair):
    motion = raise_(floor_open, K.ADJOURN_MEETING, chair)
    before = timezone.now()
    floor.motion_put_to_vote(motion=motion, yes=6, no=0, actor=chair)
    assert the_floor(floor_open).adjourned_at >= before
    assert floor.floor_state(floor_open)["adjourned"] is True


def test_adjourning_debate_closes_the_topic_in_the_chairs_name(floor_open, chair):
    motion = raise_(floor_open, K.ADJOURN_DEBATE, chair)
    floor.motion_put_to_vote(motion=motion, yes=6, no=0, actor=chair)
    closed = AuditEntry.objects.get(action="topic.closed")
    assert (closed.actor, closed.data["reason"]) == (chair, "debate adjourned")
    assert Topic.objects.get(committee=floor_open, agenda_position=1).status == "closed"


def test_a_new_speaking_time_is_the_lists_of_the_topic_it_was_raised_on(floor_open, chair):
    motion = raise_(floor_open, K.SPEAKING_TIME, chair, seconds=150)
    floor.motion_put_to_vote(motion=motion, yes=6, no=0, actor=chair)
    assert SpeakersList.objects.get().topic.number == 1
    assert SpeakersList.objects.get().speaking_time == 150
    assert floor.floor_state(floor_open)["speaking_time_label"] == "2:30"


# The state every screen shows ----------------------------------------------------------------


def test_the_floors_state_during_debate(floor_open, chair, names):
    """Kenya spoke 30 s, France 20 s then took questions, Kenya 45 s more and yielded the
    rest of its minute to Japan, who speaks; Brazil and Mexico wait, INTERPOL withdrew."""
    c = floor_open
    with at(-20):
        failed = raise_(c, K.SUSPEND, chair, minutes=10)
        floor.motion_put_to_vote(motion=failed, yes=2, no=4, actor=chair)
    with at(-10):
        time = raise_(c, K.SPEAKING_TIME, chair, seconds=60)
        adopted = floor.motion_put_to_vote(motion=time, yes=6, no=0, actor=chair)
    with at(0):
        floor.speaker_add(committee=c, delegation=names["Kenya"], actor=chair)
        floor.speaker_add(committee=c, delegation=names["France"], actor=chair)
        floor.speaker_next(committee=c, actor=chair)
    with at(30):
        floor.speech_end(committee=c, actor=chair)
    with at(31):
        floor.speaker_add(committee=c, delegation=names["Kenya"], actor=chair)
    with at(40):
        floor.speaker_next(committee=c, actor=chair)
    with at(60):
        floor.speech_end(committee=c, actor=chair, yield_to="questions")
    with at(70):
        floor.speech_end(committee=c, actor=chair)
    with at(80):
        floor.speaker_next(committee=c, actor=chair)
    with at(125):
        floor.speech_end(
            committee=c, actor=chair, yield_to="delegation", to_delegation=names["Japan"]
        )
    with at(126):
        brazil = floor.speaker_add(committee=c, delegation=names["Brazil"], actor=chair)
    with at(127):
        mexico = floor.speaker_add(committee=c, delegation=names["Mexico"], actor=chair)
    with at(128):
        interpol = floor.speaker_add(committee=c, delegation=names["INTERPOL"], actor=chair)
        floor.speaker_withdraw(speech=interpol, actor=chair)
        pending = raise_(c, K.ADJOURN_DEBATE, chair, delegation=names["Kenya"])
    japan = Speech.objects.get(status="speaking")
    state = floor.floor_state(c, now=moment(140))
    assert state == {
        "seq": the_floor(c).sequence,
        "now": ms(140),
        "topic": {"number": 1, "title": "Organized crime"},
        "speaking_time": 60,
        "speaking_time_label": "1:00",
        "current": {
            "id": japan.pk,
            "delegation": names["Japan"].pk,
            "name": "Japan",
            "started": ms(125),
            "duration": 15,
            "ends": ms(140),
            "remaining": "0:00",
            "yielded_from": "Kenya",
            "questions": False,
        },
        "waiting": [
            {"id": brazil.pk, "delegation": names["Brazil"].pk, "name": "Brazil"},
            {"id": mexico.pk, "delegation": names["Mexico"].pk, "name": "Mexico"},
        ],
        "history": [
            {"name": "France", "speeches": 1, "seconds": 20, "time": "0:20"},
            {"name": "Kenya", "speeches": 2, "seconds": 75, "time": "1:15"},
        ],
        "history_topic": None,
        "suspension": None,
        "debate_closed": None,
        "adjourned": False,
        "motions": [
            {
                "id": pending.pk,
                "kind": "adjourn_debate",
                "subject": "Adjourn debate on topic 1",
                "delegation": "Kenya",
                "delegation_id": names["Kenya"].pk,
            }
        ],
        "last_motion": {
            "subject": "Set the speaking time to 1:00",
            "adopted": True,
            "result": adopted.result,
        },
    }
    assert the_floor(c).sequence == 19  # two motions raised and voted, 15 changes on the list


def test_a_speech_called_from_the_list_shows_where_its_time_stands(floor_open, chair, names):
    speech = speak(floor_open, chair, names["Kenya"])
    current = floor.floor_state(floor_open, now=moment(100))["current"]
    assert current == {
        "id": speech.pk,
        "delegation": names["Kenya"].pk,
        "name": "Kenya",
        "started": ms(0),
        "duration": 90,
        "ends": ms(90),
        "remaining": "-0:10",
        "yielded_from": None,
        "questions": False,
    }


def test_the_floors_state_during_a_suspension(floor_open, chair):
    motion = raise_(floor_open, K.SUSPEND, chair, minutes=90)
    with at(10):
        floor.motion_put_to_vote(motion=motion, yes=6, no=0, actor=chair)
    state = floor.floor_state(floor_open, now=moment(70))
    assert state["suspension"] == {
        "started": ms(10),
        "seconds": 5400,
        "ends": ms(5410),
        "minutes": 90,
        "remaining": "89:00",
    }
    assert '"minutes": 90,' in json.dumps(state["suspension"])  # whole minutes
    assert state["motions"] == [] and state["last_motion"]["adopted"] is True
    assert floor.floor_state(floor_open, now=moment(5410))["suspension"] is None


def test_a_floor_no_one_has_used_yet(floor_open):
    state = floor.floor_state(floor_open, now=T0)
    assert state == {
        "seq": 0,
        "now": ms(0),
        "topic": {"number": 1, "title": "Organized crime"},
        "speaking_time": 90,
        "speaking_time_label": "1:30",
        "current": None,
        "waiting": [],
        "history": [],
        "history_topic": None,
        "suspension": None,
        "debate_closed": None,
        "adjourned": False,
        "motions": [],
        "last_motion": None,
    }
    assert not Floor.objects.exists()


def test_the_state_reads_the_clock_when_not_given_a_moment(floor_open):
    with at(42):
        assert floor.floor_state(floor_open)["now"] == ms(42)


def test_after_debate_is_adjourned_the_state_shows_the_closed_topic(floor_open, chair, names):
    c = floor_open
    speak(c, chair, names["Kenya"])
    with at(30):
        floor.speech_end(committee=c, actor=chair, yield_to="questions")
    with at(50):
        floor.speech_end(committee=c, actor=chair)
    floor.speaker_add(committee=c, delegation=names["France"], actor=chair)
    motion = raise_(c, K.SPEAKING_TIME, chair, seconds=45)
    floor.motion_put_to_vote(motion=motion, yes=6, no=0, actor=chair)
    adjourn = raise_(c, K.ADJOURN_DEBATE, chair)
    floor.motion_put_to_vote(motion=adjourn, yes=6, no=0, actor=chair)
    state = floor.floor_state(c)
    assert state["topic"] is None
    assert state["history_topic"] == {"number": 1, "title": "Organized crime"}
    assert state["history"] == [{"name": "Kenya", "speeches": 1, "seconds": 30, "time": "0:30"}]
    assert (state["waiting"], state["current"]) == ([], None)
    assert state["speaking_time"] == 90  # the committee's, for the next topic's list


def test_the_closed_topic_shown_is_the_last_debated_and_closed(floor_open, chair, names):
    c = floor_open
    speak(c, chair, names["Kenya"])
    with at(30):
        floor.speech_end(committee=c, actor=chair)
    adjourn = raise_(c, K.ADJOURN_DEBATE, chair)
    floor.motion_put_to_vote(motion=adjourn, yes=6, no=0, actor=chair)
    session_services.topic_open_next(committee=c, actor=chair)
    speak(c, chair, names["France"], seconds=100)
    with at(120):
        floor.speech_end(committee=c, actor=chair)
    adjourn = raise_(c, K.ADJOURN_DEBATE, chair)
    floor.motion_put_to_vote(motion=adjourn, yes=6, no=0, actor=chair)
    state = floor.floor_state(c)
    assert state["history_topic"] == {"number": 2, "title": "Trafficking"}
    assert state["history"] == [{"name": "France", "speeches": 1, "seconds": 20, "time": "0:20"}]


def test_the_closed_topic_shown_is_the_one_closed_last_even_earlier_on_the_agenda(
    floor_open, chair, names
):
    # Topic 1 closed by mistake, topic 2 debated and closed, topic 1 reopened, debated and
    # closed again: the screens show topic 1, the debate that just ended.
    c = floor_open
    with at(10):
        adjourn = raise_(c, K.ADJOURN_DEBATE, chair)
        floor.motion_put_to_vote(motion=adjourn, yes=6, no=0, actor=chair)
    with at(20):
        session_services.topic_open_next(committee=c, actor=chair)
        speak(c, chair, names["France"], seconds=20)
    with at(40):
        floor.speech_end(committee=c, actor=chair)
        adjourn = raise_(c, K.ADJOURN_DEBATE, chair)
        floor.motion_put_to_vote(motion=adjourn, yes=6, no=0, actor=chair)
    topic_1 = c.topics.get(agenda_position=1)
    with at(50):
        session_services.topic_reopen(topic=topic_1, actor=chair)
        speak(c, chair, names["Kenya"], seconds=50)
    with at(80):
        floor.speech_end(committee=c, actor=chair)
        session_services.topic_close(topic=topic_1, actor=chair)
    state = floor.floor_state(c)
    assert state["history_topic"] == {"number": 1, "title": "Organized crime"}
    assert state["history"] == [{"name": "Kenya", "speeches": 1, "seconds": 30, "time": "0:30"}]


def test_with_no_topic_ever_opened_the_state_is_empty(committee):
    state = floor.floor_state(committee, now=T0)
    assert (state["topic"], state["history_topic"], state["history"]) == (None, None, [])
    assert state["speaking_time"] == 90


def test_the_last_decided_motion_is_the_latest(floor_open, chair):
    first = raise_(floor_open, K.SUSPEND, chair, minutes=5)
    with at(20):
        floor.motion_put_to_vote(motion=first, yes=6, no=0, actor=chair)
        floor.suspension_end(committee=floor_open, actor=chair)
    second = raise_(floor_open, K.ADJOURN_MEETING, chair)
    with at(10):  # decided at an earlier moment of the clock
        floor.motion_decided(motion=second, adopted=False, result="2-4", vote_id=1, actor=chair)
    withdrawn = raise_(floor_open, K.SUSPEND, chair, minutes=7)
    with at(30):
        floor.motion_withdraw(motion=withdrawn, actor=chair)
    assert floor.floor_state(floor_open)["last_motion"]["subject"] == (
        "Suspend the meeting for 5 minutes"
    )


def test_the_next_meeting_votes_on_motions_again(floor_open, chair):
    adjourn = raise_(floor_open, K.ADJOURN_MEETING, chair)
    floor.motion_put_to_vote(motion=adjourn, yes=4, no=2, actor=chair)
    session_services.meeting_open(committee=floor_open, name="Thursday", actor=chair)
    suspend = raise_(floor_open, K.SUSPEND, chair, minutes=5)
    assert floor.motion_put_to_vote(motion=suspend, yes=6, no=0, actor=chair).adopted


@pytest.mark.parametrize(
    "how,to",
    [("delegation", "Japan"), ("questions", None)],
)
def test_a_yielded_turn_is_added_to_the_list_the_moment_the_speech_ends(
    floor_open, chair, names, how, to
):
    """Read from the real clock: the speech ends, and the turn it yields starts and joins
    the list, at one and the same moment."""
    floor.speaker_add(committee=floor_open, delegation=names["Kenya"], actor=chair)
    floor.speaker_next(committee=floor_open, actor=chair)
    ended = floor.speech_end(
        committee=floor_open,
        actor=chair,
        yield_to=how,
        to_delegation=names[to] if to else None,
        question_seconds=60,
    )
    turn = Speech.objects.get(status="speaking")
    assert turn.added_at == turn.started_at == ended.ended_at


def test_the_list_calls_only_its_own_topics_speakers(floor_open, chair, names):
    """Kenya still waits on topic 1's list when debate on it is adjourned; topic 2's list
    calls France, and Kenya's old entry is not the floor's to call."""
    floor.speaker_add(committee=floor_open, delegation=names["Kenya"], actor=chair)
    adjourn = raise_(floor_open, K.ADJOURN_DEBATE, chair)
    floor.motion_put_to_vote(motion=adjourn, yes=5, no=1, actor=chair)
    session_services.topic_open_next(committee=floor_open, actor=chair)
    floor.speaker_add(committee=floor_open, delegation=names["France"], actor=chair)
    assert floor.speaker_next(committee=floor_open, actor=chair).delegation == names["France"]
    floor.speech_end(committee=floor_open, actor=chair)
    with refused("The speakers list is empty."):
        floor.speaker_next(committee=floor_open, actor=chair)


def test_a_speech_in_another_committee_is_not_this_floors(
    floor_open, chair, names, other_committee, other_dais, member_states
):
    germany = DelegationFactory(committee=other_committee, member_state=state("DEU"))
    agenda_and_roll_call(other_committee, other_dais)
    floor.speaker_add(committee=floor_open, delegation=names["Kenya"], actor=chair)
    speak(other_committee, other_dais, germany)
    with refused("Nobody has the floor."):
        floor.speech_end(committee=floor_open, actor=chair)
    floor.speaker_add(committee=other_committee, delegation=germany, actor=other_dais)
    assert floor.speaker_next(committee=floor_open, actor=chair).delegation == names["Kenya"]
    floor.speech_end(committee=floor_open, actor=chair)
    with refused("The speakers list is empty."):
        floor.speaker_next(committee=floor_open, actor=chair)


def test_a_yield_to_the_dais_names_no_delegation_even_if_one_was_chosen(floor_open, chair, names):
    """The page sends the delegation picked in its list whatever the yield: only a yield to
    a delegation records it."""
    speech = speak(floor_open, chair, names["Kenya"])
    with at(40):
        floor.speech_end(
            committee=floor_open, actor=chair, yield_to="dais", to_delegation=names["Japan"]
        )
    speech.refresh_from_db()
    assert (speech.yielded, speech.yielded_to) == ("dais", None)


def test_a_speech_left_on_a_closed_topics_list_does_not_hold_the_floor(floor_open, chair, names):
    """Topic 1 is closed (as when its voting procedure ends) while Kenya's speech is still
    marked under way; on topic 2 the floor is open to motions."""
    speak(floor_open, chair, names["Kenya"])
    session_services.topic_close(
        topic=Topic.objects.get(committee=floor_open, agenda_position=1), actor=chair
    )
    session_services.topic_open_next(committee=floor_open, actor=chair)
    motion = raise_(floor_open, K.SUSPEND, chair, minutes=5)
    assert floor.motion_put_to_vote(motion=motion, yes=6, no=0, actor=chair).adopted


def test_another_committees_meeting_and_motions_are_not_this_floors(
    floor_open, chair, other_committee, other_dais
):
    """GA3 opens its next meeting after CCPCJ adjourned, and has a longer suspension pending:
    CCPCJ stays adjourned until its own next meeting, and its motions come first on its own
    floor."""
    adjourn = raise_(floor_open, K.ADJOURN_MEETING, chair)
    floor.motion_put_to_vote(motion=adjourn, yes=4, no=2, actor=chair)
    agenda_and_roll_call(other_committee, other_dais)
    elsewhere = raise_(other_committee, K.SUSPEND, other_dais, minutes=60)
    assert floor.floor_state(floor_open)["adjourned"] is True
    with refused("The meeting is adjourned: open the next meeting first."):
        raise_(floor_open, K.SUSPEND, chair, minutes=5)
    session_services.meeting_open(committee=floor_open, name="Thursday", actor=chair)
    time = raise_(floor_open, K.SPEAKING_TIME, chair, seconds=60)
    assert floor.pending_motions(floor_open) == [time]
    assert [m["id"] for m in floor.floor_state(floor_open)["motions"]] == [time.pk]
    assert floor.motion_put_to_vote(motion=time, yes=6, no=0, actor=chair).adopted
    assert floor.pending_motions(other_committee) == [elsewhere]


def test_the_state_reads_motions_on_the_topic_in_the_same_seven_queries(
    floor_open, chair, names, django_assert_num_queries
):
    """The subject of a motion to adjourn or close debate names its topic: read with the
    motions, not once per motion."""
    floor.speaker_add(committee=floor_open, delegation=names["Japan"], actor=chair)
    raise_(floor_open, K.ADJOURN_DEBATE, chair, delegation=names["Kenya"])
    raise_(floor_open, K.CLOSURE, chair, delegation=names["France"])
    with django_assert_num_queries(7):
        state = floor.floor_state(floor_open)
    assert [m["subject"] for m in state["motions"]] == [
        "Adjourn debate on topic 1",
        "Close debate on topic 1",
    ]


def test_a_delegate_does_not_act_for_another_delegation_that_has_delegates(
    floor_open, chair, names, delegate, other_delegate
):
    """France has its own delegate (``other_delegate``): Mexico's still cannot act for it."""
    with refused(
        "You do not represent France: only its delegates, the chair and the rapporteur can "
        "act for it."
    ):
        floor.speaker_add(committee=floor_open, delegation=names["France"], actor=delegate)
    motion = raise_(floor_open, K.SUSPEND, other_delegate, delegation=names["France"], minutes=5)
    with refused(
        "You do not represent France: only its delegates, the chair and the rapporteur can "
        "act for it."
    ):
        floor.motion_withdraw(motion=motion, actor=delegate)
    assert not Speech.objects.exists()


# The state every screen shows: what the earlier tests left unchecked -------------------------


def test_once_debate_is_closed_the_state_says_why_the_floor_takes_no_speakers(
    floor_open, chair, names, delegate, director
):
    """Closure of debate adopted: topic 1 is in voting procedure, and every screen says so."""
    approve_draft(
        floor_open,
        sponsor=names["Mexico"],
        signatory=names["France"],
        user=delegate,
        director=director,
    )
    close_debate(floor_open, chair)
    assert floor.floor_state(floor_open)["debate_closed"] == (
        "Debate on topic 1 is closed: the committee is in voting procedure."
    )


def test_a_motion_the_chair_raises_itself_names_no_delegation(floor_open, chair):
    motion = raise_(floor_open, K.SUSPEND, chair, minutes=15)
    assert floor.floor_state(floor_open)["motions"] == [
        {
            "id": motion.pk,
            "kind": "suspend",
            "subject": "Suspend the meeting for 15 minutes",
            "delegation": None,
            "delegation_id": None,
        }
    ]


def test_the_last_decision_shown_is_the_one_taken_last_even_in_the_same_second(floor_open, chair):
    """The speaking time is set, then a suspension fails, both at 10:00:05: the screens
    show the failed suspension."""
    with at(5):
        time = raise_(floor_open, K.SPEAKING_TIME, chair, seconds=60)
        floor.motion_put_to_vote(motion=time, yes=6, no=0, actor=chair)
        suspend = raise_(floor_open, K.SUSPEND, chair, minutes=10)
        failed = floor.motion_put_to_vote(motion=suspend, yes=2, no=4, actor=chair)
    assert floor.floor_state(floor_open)["last_motion"] == {
        "subject": "Suspend the meeting for 10 minutes",
        "adopted": False,
        "result": failed.result,
    }


def test_a_yielded_speech_is_read_in_the_same_seven_queries(
    floor_open, chair, names, django_assert_num_queries
):
    """Japan speaks on the time Kenya yielded: whose time it is is read with the speech."""
    speak(floor_open, chair, names["Kenya"])
    with at(30):
        floor.speech_end(
            committee=floor_open, actor=chair, yield_to="delegation", to_delegation=names["Japan"]
        )
    with django_assert_num_queries(7):
        state = floor.floor_state(floor_open, now=moment(40))
    assert (state["current"]["name"], state["current"]["yielded_from"]) == ("Japan", "Kenya")


def test_the_waiting_list_shown_is_in_the_order_the_chair_calls_it(floor_open, chair, names):
    """The server's clock is set back between two additions: France, added at the earlier
    moment, is called first, and the screens show France first too."""
    with at(20):
        floor.speaker_add(committee=floor_open, delegation=names["Kenya"], actor=chair)
    with at(10):
        floor.speaker_add(committee=floor_open, delegation=names["France"], actor=chair)
    waiting = [s["name"] for s in floor.floor_state(floor_open, now=moment(30))["waiting"]]
    with at(30):
        called = floor.speaker_next(committee=floor_open, actor=chair)
    assert waiting == ["France", "Kenya"]
    assert called.delegation.name == waiting[0]


def test_the_last_decision_shown_is_this_committees(floor_open, chair, other_committee, other_dais):
    """GA3 fails a suspension after CCPCJ set its speaking time: CCPCJ's screens show the
    speaking time."""
    time = raise_(floor_open, K.SPEAKING_TIME, chair, seconds=60)
    with at(5):
        floor.motion_put_to_vote(motion=time, yes=6, no=0, actor=chair)
    DelegationFactory(committee=other_committee, member_state=state("DEU"))
    agenda_and_roll_call(other_committee, other_dais)
    elsewhere = raise_(other_committee, K.SUSPEND, other_dais, minutes=10)
    with at(10):
        floor.motion_put_to_vote(motion=elsewhere, yes=0, no=1, actor=other_dais)
    assert floor.floor_state(floor_open)["last_motion"]["subject"] == (
        "Set the speaking time to 1:00"
    )

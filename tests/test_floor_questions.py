"""Questions after a yield run on a stored timer like a speech; the speaking time a speakers
list starts with is the committee's setting (DOMAIN.md: "a speaking time set by motion"
changes it afterwards)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from sessions import clock, floor, services
from sessions.errors import DomainError
from sessions.models import AuditEntry, FloorMotion, SpeakersList, Speech

from .voting_helpers import agenda_and_roll_call

pytestmark = pytest.mark.django_db
T0 = timezone.make_aware(dt.datetime(2025, 4, 15, 10, 0))


@pytest.fixture
def floor_open(committee, delegations, chair):
    agenda_and_roll_call(committee, chair)
    return committee


def at(seconds):
    return clock.travel_to(T0 + dt.timedelta(seconds=seconds))


def ms(seconds):
    return int((T0 + dt.timedelta(seconds=seconds)).timestamp() * 1000)


def speak(committee, chair, delegation):
    floor.speaker_add(committee=committee, delegation=delegation, actor=chair)
    with at(0):
        return floor.speaker_next(committee=committee, actor=chair)


# Questions ----------------------------------------------------------------------------------


def test_questions_after_a_yield_run_for_the_time_left(floor_open, chair, names):
    c = floor_open
    speech = speak(c, chair, names["Mexico"])
    with at(30):
        floor.speech_end(committee=c, actor=chair, yield_to="questions")
    current = floor.floor_state(c, now=T0 + dt.timedelta(seconds=40))["current"]
    assert current["name"] == "Mexico" and current["questions"] is True
    assert current["duration"] == 60  # 90 s speaking time, 30 s spoken
    assert current["ends"] == ms(90) and current["remaining"] == "0:50"
    # a reload later reads the same stored end: nothing restarted the timer
    assert floor.floor_state(c, now=T0 + dt.timedelta(seconds=85))["current"]["ends"] == ms(90)
    speech.refresh_from_db()
    assert (speech.status, speech.yielded) == ("done", "questions")
    with at(95):
        floor.speech_end(committee=c, actor=chair)
    state = floor.floor_state(c)
    assert state["current"] is None
    # the questions are not a second speech of Mexico's: one speech of 30 s
    assert [(r["name"], r["speeches"], r["time"]) for r in state["history"]] == [
        ("Mexico", 1, "0:30")
    ]
    entry = AuditEntry.objects.get(action="floor.questions_ended")
    assert entry.data["delegation"] == "Mexico" and entry.data["spoken"] == "1:05"
    started = AuditEntry.objects.get(action="floor.speech_ended")
    assert started.data["question_time"] == "1:00"


def test_a_set_question_time_replaces_the_time_left(floor_open, chair, names):
    c = floor_open
    speak(c, chair, names["Kenya"])
    with at(85):
        floor.speech_end(committee=c, actor=chair, yield_to="questions", question_seconds=120)
    current = floor.floor_state(c, now=T0 + dt.timedelta(seconds=85))["current"]
    assert (current["duration"], current["ends"], current["remaining"]) == (120, ms(205), "2:00")


def test_questions_need_time_left_or_a_set_question_time(floor_open, chair, names):
    c = floor_open
    speak(c, chair, names["Kenya"])
    with at(95), pytest.raises(DomainError, match="No time is left for questions"):
        floor.speech_end(committee=c, actor=chair, yield_to="questions")
    with at(95), pytest.raises(DomainError, match="5 to 3,600"):
        floor.speech_end(committee=c, actor=chair, yield_to="questions", question_seconds=4)
    assert Speech.objects.get().status == "speaking"  # refused: the speech goes on
    with at(95):
        floor.speech_end(committee=c, actor=chair, yield_to="questions", question_seconds=30)
    assert floor.floor_state(c)["current"]["questions"] is True


def test_questions_cannot_be_yielded_again(floor_open, chair, names):
    c = floor_open
    speak(c, chair, names["Kenya"])
    with at(10):
        floor.speech_end(committee=c, actor=chair, yield_to="questions")
    for how in ["dais", "questions", "delegation"]:
        with at(20), pytest.raises(DomainError, match="cannot be yielded"):
            floor.speech_end(committee=c, actor=chair, yield_to=how, to_delegation=names["France"])
    assert Speech.objects.filter(status="speaking", questions=True).count() == 1


def test_the_chair_sets_a_question_time_on_the_page(client, floor_open, chair, names):
    c = floor_open
    speak(c, chair, names["Kenya"])
    client.force_login(chair)
    end = reverse("committee:speech_end", kwargs={"committee": c.slug})
    response = client.post(end, {"yield_to": "questions", "question_seconds": "2"}, follow=True)
    assert "Give the question time in seconds: 5 to 3,600." in response.content.decode()
    assert Speech.objects.get().status == "speaking"
    response = client.post(end, {"yield_to": "questions", "question_seconds": "45"}, follow=True)
    page = response.content.decode()
    assert 'id="questions-label"' in page and "End the questions" in page
    assert Speech.objects.get(questions=True).duration == 45


def test_the_projector_shows_questions(client, floor_open, chair, names):
    c = floor_open
    speak(c, chair, names["Kenya"])
    floor.speech_end(committee=c, actor=chair, yield_to="questions", question_seconds=60)
    client.force_login(chair)
    page = client.get(reverse("committee:floor_projector", kwargs={"committee": c.slug}))
    assert 'data-f="speech_label">Questions to</div>' in page.content.decode()


# The committee's speaking time ---------------------------------------------------------------


def test_the_speakers_list_starts_with_the_committees_speaking_time(
    committee, delegations, chair, secretariat, names
):
    committee.speaking_time = 120
    services.committee_save(committee=committee, changes=["speaking_time"], actor=secretariat)
    agenda_and_roll_call(committee, chair)
    assert floor.floor_state(committee)["speaking_time_label"] == "2:00"  # no list yet
    speech = speak(committee, chair, names["Kenya"])
    assert speech.duration == 120
    assert SpeakersList.objects.get().speaking_time == 120


def test_a_speaking_time_motion_still_changes_the_lists_time(
    committee, delegations, chair, secretariat, names
):
    committee.speaking_time = 120
    services.committee_save(committee=committee, changes=["speaking_time"], actor=secretariat)
    agenda_and_roll_call(committee, chair)
    motion = floor.motion_raise(committee=committee, kind="speaking_time", seconds=45, actor=chair)
    floor.motion_put_to_vote(motion=motion, yes=6, no=0, actor=chair)
    assert FloorMotion.objects.get().status == "adopted"
    assert SpeakersList.objects.get().speaking_time == 45
    assert speak(committee, chair, names["Kenya"]).duration == 45
    committee.refresh_from_db()
    assert committee.speaking_time == 120  # the committee's setting is for new lists


def test_the_speaking_time_is_a_rule_fixed_when_the_session_starts(committee, chair, secretariat):
    services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    committee.speaking_time = 60
    with pytest.raises(DomainError, match=r"its rules \(speaking time\) can no longer change"):
        services.committee_save(committee=committee, changes=["speaking_time"], actor=secretariat)


def test_with_no_topic_open_the_floor_shows_the_last_topics_time_spoken(
    floor_open, chair, names, django_assert_num_queries
):
    c = floor_open
    speak(c, chair, names["Kenya"])
    with at(30):
        floor.speech_end(committee=c, actor=chair)
    floor.speaker_add(committee=c, delegation=names["France"], actor=chair)
    motion = floor.motion_raise(committee=c, kind="adjourn_debate", actor=chair)
    floor.motion_put_to_vote(motion=motion, yes=5, no=1, actor=chair)
    with django_assert_num_queries(6):
        state = floor.floor_state(c)
    assert state["topic"] is None and state["history_topic"]["number"] == 1
    assert [(r["name"], r["speeches"], r["time"]) for r in state["history"]] == [
        ("Kenya", 1, "0:30")
    ]
    assert state["waiting"] == [] and state["current"] is None  # the list is closed
    assert state["speaking_time"] == c.speaking_time

"""On PostgreSQL, two people pressing the same floor button at the same moment: the floor's
row lock makes one of them win and the other get a message, never two speeches, two places
on the list, a lost sequence number or a motion decided twice. Every thread is joined and
checked to have finished."""

import threading

import pytest
from django.db import connection, connections

from sessions import floor
from sessions.errors import DomainError
from sessions.models import AuditEntry, Floor, FloorMotion, Speech
from voting.models import Vote

from .voting_helpers import agenda_and_roll_call

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks need PostgreSQL (SQLite locks the whole file)",
    ),
]


@pytest.fixture
def floor_open(committee, delegations, chair):
    agenda_and_roll_call(committee, chair)
    return committee


def run_together(*jobs):
    """Each job in its own thread and connection, released at once. Returns (results,
    errors); fails if a thread has not finished."""
    barrier = threading.Barrier(len(jobs))
    results, errors = [], []

    def run(job):
        try:
            connection.ensure_connection()
            barrier.wait(timeout=30)
            results.append(job())
        except Exception as error:  # noqa: BLE001 - collected and asserted by the caller
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a thread did not finish"
    return results, errors


def messages(errors):
    assert all(isinstance(e, DomainError) for e in errors), errors
    return [e.message for e in errors]


def test_two_chairs_calling_the_next_speaker_at_once_start_one_speech(
    floor_open, chair, rapporteur, names
):
    c = floor_open
    order = ["Kenya", "France", "Japan", "Brazil"]
    for name in order:
        floor.speaker_add(committee=c, delegation=names[name], actor=chair)
    for name in order:
        results, errors = run_together(
            lambda: floor.speaker_next(committee=c, actor=chair),
            lambda: floor.speaker_next(committee=c, actor=rapporteur),
        )
        assert [s.delegation.name for s in results] == [name]
        assert messages(errors) == [f"{name} has the floor: end that speech first."]
        assert Speech.objects.filter(status="speaking").count() == 1
        floor.speech_end(committee=c, actor=chair)
    assert (
        list(
            Speech.objects.filter(status="done")
            .order_by("started_at")
            .values_list("delegation__member_state__name", flat=True)
        )
        == order
    )
    assert AuditEntry.objects.filter(action="floor.speech_started").count() == 4


def test_two_chairs_ending_a_speech_at_once_end_it_once(floor_open, chair, rapporteur, names):
    c = floor_open
    floor.speaker_add(committee=c, delegation=names["Kenya"], actor=chair)
    floor.speaker_next(committee=c, actor=chair)
    results, errors = run_together(
        lambda: floor.speech_end(committee=c, actor=chair, yield_to="questions"),
        lambda: floor.speech_end(committee=c, actor=rapporteur, yield_to="questions"),
    )
    assert len(results) == 1
    # the second finds the questions under way, which cannot be yielded
    assert messages(errors) == ["Questions are under way: end them; they cannot be yielded."]
    assert Speech.objects.filter(questions=True).count() == 1


def test_a_delegation_joining_twice_at_once_is_on_the_list_once(floor_open, chair, delegate, names):
    c = floor_open
    mexico = names["Mexico"]
    for _ in range(3):
        results, errors = run_together(
            lambda: floor.speaker_add(committee=c, delegation=mexico, actor=delegate),
            lambda: floor.speaker_add(committee=c, delegation=mexico, actor=chair),
        )
        assert len(results) == 1
        assert messages(errors) == ["Mexico is already on the speakers list."]
        assert Speech.objects.filter(delegation=mexico, status="waiting").count() == 1
        floor.speaker_withdraw(speech=results[0], actor=chair)
    assert AuditEntry.objects.filter(action="floor.speaker_added").count() == 3


def test_motions_raised_at_once_are_all_kept_and_numbered(floor_open, chair, delegate, names):
    c = floor_open
    before = Floor.objects.filter(committee=c).values_list("sequence", flat=True).first() or 0
    results, errors = run_together(
        lambda: floor.motion_raise(committee=c, kind="suspend", minutes=10, actor=chair),
        lambda: floor.motion_raise(
            committee=c, kind="suspend", minutes=20, delegation=names["Mexico"], actor=delegate
        ),
        lambda: floor.motion_raise(committee=c, kind="speaking_time", seconds=60, actor=chair),
    )
    assert errors == [] and len(results) == 3
    assert Floor.objects.get(committee=c).sequence == before + 3  # no change lost
    assert [m.subject for m in floor.pending_motions(c)] == [
        "Suspend the meeting for 20 minutes",
        "Suspend the meeting for 10 minutes",
        "Set the speaking time to 1:00",
    ]


def test_a_motion_decided_twice_at_once_is_voted_once(floor_open, chair, rapporteur):
    c = floor_open
    motion = floor.motion_raise(committee=c, kind="suspend", minutes=15, actor=chair)
    results, errors = run_together(
        lambda: floor.motion_put_to_vote(motion=motion, yes=5, no=1, actor=chair),
        lambda: floor.motion_put_to_vote(motion=motion, yes=5, no=1, actor=rapporteur),
    )
    assert len(results) == 1 and results[0].adopted
    assert messages(errors) == ["“Suspend the meeting for 15 minutes” is no longer pending."]
    assert Vote.objects.count() == 1
    motion.refresh_from_db()
    assert motion.status == "adopted" and motion.vote_id == results[0].pk


def test_two_motions_decided_at_once_follow_precedence(floor_open, chair, rapporteur):
    c = floor_open
    closure = floor.motion_raise(committee=c, kind="adjourn_meeting", actor=chair)
    time = floor.motion_raise(committee=c, kind="speaking_time", seconds=45, actor=chair)
    results, errors = run_together(
        lambda: floor.motion_put_to_vote(motion=closure, yes=5, no=1, actor=chair),
        lambda: floor.motion_put_to_vote(motion=time, yes=5, no=1, actor=rapporteur),
    )
    assert len(results) == 1 and results[0].subject == "Adjourn the meeting"
    # the speaking time either waited for the motion above it or lapsed when it passed
    assert messages(errors)[0] in {
        "“Adjourn the meeting” takes precedence: put it to the vote first.",
        "“Set the speaking time to 0:45” is no longer pending.",
    }
    assert Vote.objects.count() == 1
    assert dict(FloorMotion.objects.values_list("kind", "status")) == {
        "adjourn_meeting": "adopted",
        "speaking_time": "lapsed",
    }

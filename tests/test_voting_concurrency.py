"""On PostgreSQL, the chair and the rapporteur recording a roll-call vote at the same moment
neither lose nor duplicate an answer: the vote's row is locked, its counters and sequence
follow the ballots exactly, and one delegation never has two ballots."""

import threading
from collections import Counter

import pytest
from django.db import connection, connections

from sessions.errors import DomainError
from sessions.models import MemberState
from voting import services
from voting.models import Ballot, Vote

from .factories import DelegationFactory
from .voting_helpers import agenda_and_roll_call, approve_draft, close_debate

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks need PostgreSQL (SQLite locks the whole file)",
    ),
]
ANSWERS = ["yes", "no", "pass"]


def mexicos_draft_approved(committee, chair, delegate, director):
    """Agenda adopted, roll called, Mexico's draft (France signing) approved."""
    agenda_and_roll_call(committee, chair)
    names = {d.name: d for d in committee.delegations.select_related("member_state")}
    approve_draft(
        committee,
        sponsor=names["Mexico"],
        signatory=names["France"],
        user=delegate,
        director=director,
    )


@pytest.fixture
def vote(committee, delegations, chair, director, delegate):
    taken = set(committee.delegations.values_list("member_state_id", flat=True))
    for state in MemberState.objects.filter(is_un_member=True).exclude(pk__in=taken)[:34]:
        DelegationFactory(committee=committee, member_state=state)
    committee.signatory_threshold_percent = 1
    committee.save()
    mexicos_draft_approved(committee, chair, delegate, director)
    procedure = close_debate(committee, chair, yes=30, no=0)[1]
    return services.item_vote_open(item=procedure.items.get(), method="roll_call", actor=chair)


def run_together(jobs):
    """Run each job in its own thread with its own connection, all released at once."""
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            connection.ensure_connection()
            barrier.wait()
            job()
        except Exception as error:  # noqa: BLE001 - collected and asserted by the caller
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def delegations_of(vote):
    return list(vote.committee.delegations.filter(pk__in=vote.call_order))


def test_two_dais_members_recording_at_once_lose_and_duplicate_nothing(vote, chair, rapporteur):
    """The chair and the rapporteur both record the whole roll call, each from their own
    screen, as fast as they can: every delegation in the order of call, the same answers."""
    by_pk = {d.pk: d for d in delegations_of(vote)}
    assert len(by_pk) == 39  # INTERPOL (observer) is not called

    def recorder(user):
        def job():
            for i, pk in enumerate(vote.call_order):
                services.ballot_record(
                    vote=vote, delegation=by_pk[pk], answer=ANSWERS[i % 3], actor=user
                )

        return job

    errors = run_together([recorder(chair), recorder(rapporteur)])
    assert errors == []
    vote.refresh_from_db()
    ballots = Counter(Ballot.objects.filter(vote=vote).values_list("answer", flat=True))
    assert sum(ballots.values()) == 39
    assert (vote.yes, vote.no, vote.passed) == (ballots["yes"], ballots["no"], ballots["pass"])
    steps = sorted(Ballot.objects.filter(vote=vote).values_list("step", flat=True))
    assert steps == list(range(2, 41)) and vote.sequence == 40  # one number per change


def test_the_same_answer_from_two_screens_counts_once(vote, chair, rapporteur):
    called = services.delegation_for(vote, vote.call_order[0])  # the one called first
    jobs = [
        lambda user=user: services.ballot_record(
            vote=vote, delegation=called, answer="yes", actor=user
        )
        for user in [chair, rapporteur] * 3
    ]
    assert run_together(jobs) == []
    vote.refresh_from_db()
    assert (vote.yes, Ballot.objects.filter(vote=vote).count(), vote.sequence) == (1, 1, 2)


def test_conflicting_answers_from_two_screens_keep_one(vote, chair, rapporteur):
    called = services.delegation_for(vote, vote.call_order[0])  # the one called first
    errors = run_together(
        [
            lambda: services.ballot_record(vote=vote, delegation=called, answer="yes", actor=chair),
            lambda: services.ballot_record(
                vote=vote, delegation=called, answer="no", actor=rapporteur
            ),
        ]
    )
    assert len(errors) == 1 and isinstance(errors[0], DomainError)
    assert "already answered" in errors[0].message
    vote = Vote.objects.get(pk=vote.pk)
    assert vote.yes + vote.no == 1 and Ballot.objects.filter(vote=vote).count() == 1


def test_two_votes_opened_at_the_same_moment_open_one(
    committee, delegations, chair, rapporteur, director, delegate, monkeypatch
):
    """One vote at a time in a committee: the chair opens a roll call on a motion (under the
    committee's lock) while the rapporteur puts the draft to the vote (under the procedure's).
    Both find no vote open; one opens, the other is refused and says why."""
    mexicos_draft_approved(committee, chair, delegate, director)
    item = close_debate(committee, chair)[1].items.get()
    both_checked = threading.Barrier(2)
    entitled = services._entitled

    def after_both_checked(meeting, *, substantive):
        both_checked.wait(timeout=10)  # each has found no vote open
        return entitled(meeting, substantive=substantive)

    monkeypatch.setattr(services, "_entitled", after_both_checked)
    errors = run_together(
        [
            lambda: services.motion_vote(
                committee=committee,
                motion="other",
                subject="Suspend the meeting for 10 minutes",
                method="roll_call",
                actor=chair,
            ),
            lambda: services.item_vote_open(item=item, method="roll_call", actor=rapporteur),
        ]
    )
    assert [str(e) for e in errors] == ["Another vote has just been opened; finish it first."]
    assert Vote.objects.filter(committee=committee).exclude(status="announced").count() == 1

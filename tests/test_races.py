"""Two people acting on the same record at the same moment: the locks decide, nothing is
lost or let through. Threads run on PostgreSQL (SQLite locks the whole file); each test
proves every thread finished before it asserts."""

import threading
import time

import pytest
from django.db import connection, connections

from resolutions import services
from resolutions.models import Comment, DraftResolution, Round, Supporter, WorkingPaper
from resolutions.text import parse
from sessions import services as session_services
from sessions.errors import DomainError

from .factories import DaisRoleFactory, UserFactory, delegate_of, open_floor

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks need PostgreSQL (SQLite locks the whole file)",
)


def submitted_paper(committee, delegations, delegate, *, submit=True):
    mexico, france = delegations[0], delegations[1]
    paper = services.paper_create(
        committee=committee,
        delegation=mexico,
        actor=delegate,
        resolution=parse("Recalling x,\n1. Urges y;\n2. Requests z.").resolution,
    )
    services.supporter_invite(
        paper=paper,
        delegation=mexico,
        actor=delegate,
        invitee=france,
        role=Supporter.Role.SIGNATORY,
    )
    services.supporter_answer(
        paper=paper, delegation=france, actor=delegate_of(france), accept=True
    )
    if submit:
        services.paper_submit(paper=paper, delegation=mexico, actor=delegate)
    return paper


def run_together(*jobs):
    """Run each job in its own thread with its own connection; return the errors."""
    errors = []

    def run(job):
        try:
            connection.ensure_connection()
            job()
        except Exception as error:  # noqa: BLE001 - collected for the assertions
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a thread did not finish"
    return errors


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_dais_members_approving_the_same_paper_make_one_draft(
    committee, delegations, chair, delegate
):
    open_floor(committee, chair)
    paper = submitted_paper(committee, delegations, delegate)
    directors = [
        DaisRoleFactory(committee=committee, role="director", user=UserFactory()).user
        for _ in range(2)
    ]
    barrier = threading.Barrier(2)

    def approve(director):
        def job():
            barrier.wait()
            services.paper_approve(paper=paper, actor=director)

        return job

    errors = run_together(*(approve(d) for d in directors))
    assert DraftResolution.objects.filter(paper=paper).count() == 1
    assert DraftResolution.objects.get().code == "DR 1/1"
    assert len(errors) == 1 and isinstance(errors[0], DomainError)
    assert "not waiting for the dais" in errors[0].message


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_submission_racing_a_topic_close_is_never_let_in_after_the_close(
    committee, delegations, chair, delegate, monkeypatch
):
    """The submission checks that the topic is open, then pauses; meanwhile the chair closes
    the topic. With the topic locked, the close waits for the submission to finish; without
    the lock, the paper would be submitted to a topic already closed."""
    open_floor(committee, chair)
    paper = submitted_paper(committee, delegations, delegate, submit=False)
    checked = threading.Event()
    original = services._require_open_topic

    def check_then_pause(topic):
        original(topic)
        checked.set()
        time.sleep(0.5)

    monkeypatch.setattr(services, "_require_open_topic", check_then_pause)
    topic = paper.topic

    def submit():
        services.paper_submit(paper=paper, delegation=delegations[0], actor=delegate)

    def close():
        assert checked.wait(10)
        session_services.topic_close(topic=topic, actor=chair)

    errors = run_together(submit, close)
    assert errors == []
    topic.refresh_from_db()
    submitted_at = Round.objects.get(paper=paper).submitted_at
    assert submitted_at < topic.closed_at


@pytest.mark.django_db
def test_deleting_a_comment_already_returned_is_refused_even_from_a_stale_page(
    committee, delegations, chair, delegate, director
):
    """The dais member's page loaded the comment while its round was pending; another dais
    member returned the paper since. The delete reads the round again under the lock."""
    open_floor(committee, chair)
    paper = submitted_paper(committee, delegations, delegate)
    comment = services.comment_add(paper=paper, actor=director, clause="op 1", text="Which y?")
    stale = Comment.objects.select_related("round__paper").get(pk=comment.pk)
    assert stale.round.outcome == Round.Outcome.PENDING
    services.paper_return(paper=paper, actor=director)
    with pytest.raises(DomainError, match="already returned to the sponsors"):
        services.comment_delete(comment=stale, actor=director)
    assert Comment.objects.filter(pk=comment.pk).exists()
    assert WorkingPaper.objects.get(pk=paper.pk).status == WorkingPaper.Status.RETURNED


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_comment_delete_racing_a_return_never_removes_sent_feedback(
    committee, delegations, chair, delegate, director
):
    open_floor(committee, chair)
    paper = submitted_paper(committee, delegations, delegate)
    comments = [
        services.comment_add(paper=paper, actor=director, clause="op 1", text=f"Note {n}")
        for n in range(2)
    ]
    stale = Comment.objects.select_related("round__paper").get(pk=comments[0].pk)
    barrier = threading.Barrier(2)

    def delete():
        barrier.wait()
        services.comment_delete(comment=stale, actor=director)

    def give_back():
        barrier.wait()
        services.paper_return(paper=paper, actor=director)

    run_together(delete, give_back)
    round_ = Round.objects.get(paper=paper)
    assert round_.outcome == Round.Outcome.RETURNED
    sent = set(round_.comments.values_list("text", flat=True))
    # Either the delete came first (one note left, and it was sent) or the return did (both
    # sent, the delete refused). Never a returned round that lost a note after returning.
    deleted = not Comment.objects.filter(pk=stale.pk).exists()
    returned_entry = paper.committee.audit_entries.get(action="paper.returned")
    assert returned_entry.data["comments"] == len(sent)
    assert sent == ({"Note 1"} if deleted else {"Note 0", "Note 1"})


@pytest.mark.django_db
def test_topic_moves_follow_the_domain_s_table(committee, chair):
    from sessions.models import Topic

    S = Topic.Status
    # DOMAIN.md: topics are proposed, the agenda adopts them, the first is opened, each is
    # closed when its voting procedure ends (or debate is adjourned); a topic closed by
    # mistake can be reopened.
    assert {
        S.PROPOSED: {S.ADOPTED},
        S.ADOPTED: {S.OPEN},
        S.OPEN: {S.CLOSED},
        S.CLOSED: {S.OPEN},
    } == Topic.TRANSITIONS
    topic = session_services.topic_propose(committee=committee, title="Cybercrime", actor=chair)
    with pytest.raises(DomainError, match="it cannot become open"):
        session_services._move_topic(topic, S.OPEN)
    topic.refresh_from_db()
    assert topic.status == S.PROPOSED

"""Every move of the transition table, allowed and refused."""

import pytest

from resolutions import services
from resolutions.models import Comment, Supporter, WorkingPaper
from resolutions.text import parse
from sessions.errors import DomainError

from .factories import open_floor

pytestmark = pytest.mark.django_db
S = WorkingPaper.Status
TEXT = "Recalling x,\n1. Urges y;\n2. Decides z."


# DOMAIN.md, "Working papers and draft resolutions": a draft is submitted (or withdrawn by
# its main sponsor); the dais returns it with feedback, merges it, approves it or does not
# accept it; a returned paper is revised and resubmitted (or merged, or withdrawn);
# approved, merged, not accepted and withdrawn papers are final. Written here from the
# domain, not read from the model, so a wrong move added to the model's table fails.
DOMAIN_MOVES = {
    S.DRAFTING: {S.SUBMITTED, S.WITHDRAWN},
    S.SUBMITTED: {S.RETURNED, S.APPROVED, S.MERGED, S.NOT_ACCEPTED, S.WITHDRAWN},
    S.RETURNED: {S.RESUBMITTED, S.MERGED, S.WITHDRAWN},
    S.RESUBMITTED: {S.RETURNED, S.APPROVED, S.MERGED, S.NOT_ACCEPTED, S.WITHDRAWN},
    S.APPROVED: set(),
    S.MERGED: set(),
    S.NOT_ACCEPTED: set(),
    S.WITHDRAWN: set(),
}


def test_the_model_table_is_the_domain_s():
    assert {status: set(moves) for status, moves in WorkingPaper.TRANSITIONS.items()} == (
        DOMAIN_MOVES
    )


@pytest.fixture
def setup(committee, delegations, chair, delegate, other_delegate, director):
    """``make(status)``: a paper brought to ``status`` through the services, as it would get
    there on the floor."""
    open_floor(committee, chair)
    mexico, france = delegations[0], delegations[1]

    def new_paper():
        paper = services.paper_create(
            committee=committee,
            delegation=mexico,
            actor=delegate,
            resolution=parse(TEXT).resolution,
        )
        services.supporter_invite(
            paper=paper,
            delegation=mexico,
            actor=delegate,
            invitee=france,
            role=Supporter.Role.SIGNATORY,
        )
        services.supporter_answer(paper=paper, delegation=france, actor=other_delegate, accept=True)
        return paper

    def submit(paper):
        return services.paper_submit(paper=paper, delegation=mexico, actor=delegate)

    def make(status):
        paper = new_paper()
        if status == S.DRAFTING:
            return paper
        if status == S.WITHDRAWN:
            services.paper_withdraw(paper=paper, delegation=mexico, actor=delegate)
            return WorkingPaper.objects.get(pk=paper.pk)
        submit(paper)
        if status in {S.RETURNED, S.RESUBMITTED}:
            services.paper_return(paper=paper, actor=director, general_comment="Revise op 1.")
            if status == S.RESUBMITTED:
                submit(WorkingPaper.objects.get(pk=paper.pk))
        elif status == S.APPROVED:
            services.paper_approve(paper=paper, actor=director)
        elif status == S.NOT_ACCEPTED:
            services.paper_not_accept(paper=paper, actor=director, reason="Off topic.")
        elif status == S.MERGED:
            services.paper_merge(paper=paper, into=submit(new_paper()), actor=director)
        paper = WorkingPaper.objects.get(pk=paper.pk)
        assert paper.status == status
        return paper

    return make, mexico, delegate


ALL = list(S)


def moves(director, mexico, delegate, other):
    return {
        S.SUBMITTED: lambda p: services.paper_submit(paper=p, delegation=mexico, actor=delegate),
        S.WITHDRAWN: lambda p: services.paper_withdraw(paper=p, delegation=mexico, actor=delegate),
        S.RETURNED: lambda p: services.paper_return(paper=p, actor=director, general_comment="x"),
        S.APPROVED: lambda p: services.paper_approve(paper=p, actor=director),
        S.NOT_ACCEPTED: lambda p: services.paper_not_accept(paper=p, actor=director, reason="x"),
        S.MERGED: lambda p: services.paper_merge(paper=p, into=other, actor=director),
    }


@pytest.mark.parametrize("status", ALL)
@pytest.mark.parametrize(
    "target", [S.SUBMITTED, S.WITHDRAWN, S.RETURNED, S.APPROVED, S.NOT_ACCEPTED, S.MERGED]
)
def test_transition_table(setup, director, status, target):
    make, mexico, delegate = setup
    paper = make(status)
    other = make(S.SUBMITTED)
    move = moves(director, mexico, delegate, other)[target]
    # Submitting from "returned" is a resubmission.
    expected_status = S.RESUBMITTED if (target == S.SUBMITTED and status == S.RETURNED) else target
    allowed = expected_status in DOMAIN_MOVES[status]
    if allowed:
        move(paper)
        paper.refresh_from_db()
        assert paper.status == expected_status
    else:
        with pytest.raises(DomainError):
            move(paper)
        paper.refresh_from_db()
        assert paper.status == status


def test_merge_across_topics_is_refused(setup, director, committee, chair):
    make, mexico, delegate = setup
    from sessions import services as session_services

    paper = make(S.SUBMITTED)  # on topic 1
    session_services.topic_close(topic=paper.topic, actor=chair)
    session_services.topic_open_next(committee=committee, actor=chair)
    other = make(S.SUBMITTED)  # on topic 2
    assert other.topic.number == 2
    with pytest.raises(DomainError, match="Only papers on the same topic can be merged."):
        services.paper_merge(paper=paper, into=other, actor=director)
    assert WorkingPaper.objects.get(pk=paper.pk).status == S.SUBMITTED


def test_a_comment_on_a_returned_round_cannot_be_deleted(setup, director):
    make, mexico, delegate = setup
    paper = make(S.SUBMITTED)
    comment = services.comment_add(paper=paper, actor=director, clause="op 1", text="Which y?")
    services.paper_return(paper=paper, actor=director)
    with pytest.raises(DomainError, match="already returned to the sponsors cannot be deleted"):
        services.comment_delete(comment=comment, actor=director)
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_can_guards_follow_the_table():
    for status in ALL:
        paper = WorkingPaper(status=status)
        assert paper.can_edit() == (status in {S.DRAFTING, S.RETURNED})
        assert paper.can_submit() == (status in {S.DRAFTING, S.RETURNED})
        assert paper.can_review() == (status in {S.SUBMITTED, S.RESUBMITTED})
        assert paper.can_withdraw() == (S.WITHDRAWN in WorkingPaper.TRANSITIONS[status])
        assert paper.is_open == bool(WorkingPaper.TRANSITIONS[status])

"""Every move of the transition table, allowed and refused."""

import pytest
from django.utils import timezone

from resolutions import services
from resolutions.models import Round, Supporter, WorkingPaper
from resolutions.text import parse
from sessions.errors import DomainError

from .factories import open_floor

pytestmark = pytest.mark.django_db
S = WorkingPaper.Status
TEXT = "Recalling x,\n1. Urges y;\n2. Decides z."


@pytest.fixture
def setup(committee, delegations, chair, delegate, other_delegate):
    open_floor(committee, chair)
    mexico, france = delegations[0], delegations[1]

    def make(status):
        paper = services.paper_create(
            committee=committee,
            delegation=mexico,
            actor=delegate,
            resolution=parse(TEXT).resolution,
        )
        Supporter.objects.create(paper=paper, delegation=france, role="signatory", state="accepted")
        if status in WorkingPaper.UNDER_REVIEW:
            Round.objects.create(
                paper=paper, number=1, revision=paper.revisions.get(), submitted_at=timezone.now()
            )
        WorkingPaper.objects.filter(pk=paper.pk).update(status=status)
        paper.refresh_from_db()
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
    allowed = expected_status in WorkingPaper.TRANSITIONS[status]
    if allowed:
        move(paper)
        paper.refresh_from_db()
        assert paper.status == expected_status
    else:
        with pytest.raises(DomainError):
            move(paper)
        paper.refresh_from_db()
        assert paper.status == status


def test_can_guards_follow_the_table():
    for status in ALL:
        paper = WorkingPaper(status=status)
        assert paper.can_edit() == (status in {S.DRAFTING, S.RETURNED})
        assert paper.can_submit() == (status in {S.DRAFTING, S.RETURNED})
        assert paper.can_review() == (status in {S.SUBMITTED, S.RESUBMITTED})
        assert paper.can_withdraw() == (S.WITHDRAWN in WorkingPaper.TRANSITIONS[status])
        assert paper.is_open == bool(WorkingPaper.TRANSITIONS[status])

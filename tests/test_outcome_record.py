"""The summary report's draft from the record counts the drafts that had amendments, as the
seed says it: "The dais approved 4 draft resolutions, 2 of which had amendments" and, for a
topic with one draft, "approved as a draft resolution … with one amendment". An amendment
counts once it came before the committee (applied, approved for the vote, or failed in it);
one still being written, rejected by the dais or withdrawn does not."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from outcome.record import draft_summary
from resolutions import amendment_services as services

from .amendment_helpers import make_draft, write
from .factories import DelegateFactory
from .test_amendments_services import signed_and_submitted, unfriendly
from .voting_helpers import approve_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast(committee, delegations, delegate, other_delegate):
    mexico, france, kenya, japan = delegations[:4]
    return {
        "mexico": mexico,
        "france": france,
        "kenya": kenya,
        "japan": japan,
        "mexican": delegate,
        "french": other_delegate,
        "japanese": DelegateFactory(delegation=japan).user,
    }


@pytest.fixture
def first(committee, delegations, chair, director, delegate, other_delegate):
    return make_draft(
        committee,
        delegations,
        chair=chair,
        director=director,
        mexican=delegate,
        french=other_delegate,
    )


def friendly_applied(draft, c, director):
    amendment = services.amendment_create(
        target=draft, delegation=c["mexico"], actor=c["mexican"], kind="friendly"
    )
    write(amendment, c["mexico"], c["mexican"], ("set", "op.1", "Urges Member States to act"))
    services.amendment_request_consents(
        amendment=amendment, delegation=c["mexico"], actor=c["mexican"]
    )
    services.amendment_answer(
        amendment=amendment, delegation=c["france"], actor=c["french"], accept=True
    )
    return services.amendment_approve(amendment=amendment, actor=director)


def unfriendly_submitted(draft, c, kenyan):
    amendment = unfriendly(draft, c["kenya"], kenyan, ("delete", "op.1"))
    return signed_and_submitted(amendment, c["kenya"], kenyan, c["japan"], c["japanese"])


def test_drafts_that_had_amendments_are_counted(committee, first, cast, director, delegate):
    kenyan = cast["kenya"].delegates.first().user
    second = approve_draft(
        committee,
        sponsor=cast["mexico"],
        signatory=cast["france"],
        user=delegate,
        director=director,
    )
    third = approve_draft(
        committee,
        sponsor=cast["mexico"],
        signatory=cast["france"],
        user=delegate,
        director=director,
    )
    fourth = approve_draft(
        committee,
        sponsor=cast["mexico"],
        signatory=cast["france"],
        user=delegate,
        director=director,
    )
    # DR 1/1: a friendly amendment applied, and an unfriendly one the dais rejected.
    assert friendly_applied(first, cast, director).status == "applied"
    services.amendment_reject(
        amendment=unfriendly_submitted(first, cast, kenyan), actor=director, reason="Out of order."
    )
    # DR 1/2: an unfriendly amendment approved, waiting for the vote.
    assert (
        services.amendment_approve(
            amendment=unfriendly_submitted(second, cast, kenyan), actor=director
        ).status
        == "approved"
    )
    # DR 1/3: an unfriendly amendment that failed in the vote.
    failed = services.amendment_approve(
        amendment=unfriendly_submitted(third, cast, kenyan), actor=director
    )
    assert services.amendment_mark_failed(amendment=failed, actor=director).status == "failed"
    # DR 1/4: one rejected, one withdrawn, one still being written: it had no amendment.
    services.amendment_reject(
        amendment=unfriendly_submitted(fourth, cast, kenyan), actor=director, reason="No."
    )
    withdrawn = unfriendly(fourth, cast["kenya"], kenyan, ("delete", "op.2"))
    services.amendment_withdraw(amendment=withdrawn, delegation=cast["kenya"], actor=kenyan)
    unfriendly(fourth, cast["kenya"], kenyan, ("delete", "op.3"))

    text = draft_summary(committee)
    assert "the Dais approved 4 draft resolutions, 3 of which had amendments." in text


def test_drafts_without_amendments_say_none(committee, first, cast, director, delegate):
    approve_draft(
        committee,
        sponsor=cast["mexico"],
        signatory=cast["france"],
        user=delegate,
        director=director,
    )
    unfriendly(first, cast["kenya"], cast["kenya"].delegates.first().user, ("delete", "op.1"))
    text = draft_summary(committee)
    assert "the Dais approved 2 draft resolutions, none of which had amendments." in text


def test_a_single_draft_with_one_amendment(committee, first, cast, director):
    friendly_applied(first, cast, director)
    text = draft_summary(committee)
    assert "the Dais approved 1 draft resolution with one amendment." in text


def test_a_single_draft_without_amendments(committee, first):
    assert "the Dais approved 1 draft resolution." in draft_summary(committee)


def test_the_draft_reads_as_many_rows_whatever_the_number_of_drafts(
    committee, first, cast, director, delegate
):
    with CaptureQueriesContext(connection) as small:
        draft_summary(committee)
    kenyan = cast["kenya"].delegates.first().user
    for _ in range(3):
        draft = approve_draft(
            committee,
            sponsor=cast["mexico"],
            signatory=cast["france"],
            user=delegate,
            director=director,
        )
        services.amendment_approve(
            amendment=unfriendly_submitted(draft, cast, kenyan), actor=director
        )
    with CaptureQueriesContext(connection) as large:
        text = draft_summary(committee)
    assert "4 draft resolutions, 3 of which had amendments" in text
    assert len(large) == len(small)

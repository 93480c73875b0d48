"""Motions to reorder the drafts or divide the question are checked when they are raised:
a reorder names the topic's drafts in a new order, each once; a division names operative
clauses that the draft has. The form says what is wrong and keeps what was typed."""

import pytest
from django.urls import reverse

from sessions import floor
from sessions.errors import DomainError
from sessions.models import AuditEntry, FloorMotion

from .voting_helpers import agenda_and_roll_call, approve_draft, close_debate

pytestmark = pytest.mark.django_db
K = FloorMotion.Kind


@pytest.fixture
def two_drafts(committee, delegations, chair, names, delegate, director):
    """Topic 1 open with DR 1/1 and DR 1/2, each with four operative clauses."""
    agenda_and_roll_call(committee, chair)
    for signatory in ["France", "Japan"]:
        approve_draft(
            committee,
            sponsor=names["Mexico"],
            signatory=names[signatory],
            user=delegate,
            director=director,
        )
    return committee


def raise_(committee, chair, kind, **kw):
    return floor.motion_raise(committee=committee, kind=kind, actor=chair, **kw)


@pytest.mark.parametrize(
    "order,message",
    [
        ("3, 1", "There is no draft 3 to reorder on topic 1; its drafts are DR 1/1, DR 1/2."),
        ("2, 2", "Each draft can appear only once in the new order."),
        ("2", "Place every draft in the new order; missing: DR 1/1."),
        ("1, 2", "That is the drafts' present order (DR 1/1, DR 1/2)."),
    ],
)
def test_a_reorder_names_every_draft_of_the_topic_once(two_drafts, chair, order, message):
    with pytest.raises(DomainError) as refused:
        raise_(two_drafts, chair, K.REORDER, order=order)
    assert refused.value.message == message
    assert not FloorMotion.objects.exists()
    assert not AuditEntry.objects.filter(action="motion.raised").exists()


def test_a_reorder_in_the_new_order_is_raised(two_drafts, chair):
    motion = raise_(two_drafts, chair, K.REORDER, order="2, 1")
    assert motion.status == "pending" and motion.topic.number == 1


def test_a_single_draft_cannot_be_reordered(
    committee, delegations, chair, names, delegate, director
):
    agenda_and_roll_call(committee, chair)
    approve_draft(
        committee,
        sponsor=names["Mexico"],
        signatory=names["France"],
        user=delegate,
        director=director,
    )
    with pytest.raises(DomainError, match=r"Topic 1 has only DR 1/1: there is nothing to reorder"):
        raise_(committee, chair, K.REORDER, order="1")


@pytest.mark.parametrize(
    "draft,parts,message",
    [
        (3, "2", "There is no draft 3 to divide on topic 1; its drafts are DR 1/1, DR 1/2."),
        (1, "5", "DR 1/1 has operative clauses 1 to 4, not 5."),
        (1, "2; 2, 3", "Operative clause 2 is named twice."),
    ],
)
def test_a_division_names_operative_clauses_of_a_draft_on_the_topic(
    two_drafts, chair, draft, parts, message
):
    with pytest.raises(DomainError) as refused:
        raise_(two_drafts, chair, K.DIVISION, draft=draft, parts=parts)
    assert refused.value.message == message
    assert not FloorMotion.objects.exists()


def test_a_division_of_existing_clauses_is_raised(two_drafts, chair):
    motion = raise_(two_drafts, chair, K.DIVISION, draft=2, parts="3; 1, 4")
    assert motion.status == "pending"


def test_in_voting_procedure_the_procedures_drafts_are_checked(two_drafts, chair):
    close_debate(two_drafts, chair)
    with pytest.raises(DomainError, match="Draft 3 is not waiting for its vote"):
        raise_(two_drafts, chair, K.REORDER, order="3, 2, 1")
    with pytest.raises(DomainError, match="DR 1/2 has operative clauses 1 to 4, not 7"):
        raise_(two_drafts, chair, K.DIVISION, draft=2, parts="7")
    assert not FloorMotion.objects.exists()
    assert raise_(two_drafts, chair, K.REORDER, order="2, 1").status == "pending"


def test_the_form_shows_why_and_keeps_what_was_typed(client, two_drafts, delegate):
    client.force_login(delegate)
    url = reverse("committee:motion_raise", kwargs={"committee": two_drafts.slug})
    response = client.post(url, {"kind": "division", "draft": "1", "parts": "3; 9"})
    assert response.status_code == 400
    page = response.content.decode()
    assert (
        '<div class="alert alert-danger py-2" role="alert" id="motion-error">The motion was not '
        "raised: DR 1/1 has operative clauses 1 to 4, not 9.</div>"
    ) in page
    assert '<option value="division" selected>' in page
    assert 'name="draft" id="id_draft" value="1"' in page
    assert 'name="parts" id="id_parts" value="3; 9"' in page
    response = client.post(url, {"kind": "reorder", "order": "1, 1"})
    assert response.status_code == 400
    assert 'name="order" id="id_order" value="1, 1"' in response.content.decode()
    assert not FloorMotion.objects.exists()

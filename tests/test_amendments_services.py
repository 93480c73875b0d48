"""Amendment services: each operation, each refusal, consents, signatures, the dais's
decisions, application as a new revision, conflicts and re-basing, and the voting hooks."""

import pytest

from resolutions import amendment_services as services
from resolutions.models import Amendment, AmendmentSupport, DraftResolution, Revision
from sessions.errors import DomainError
from sessions.models import AuditEntry

from .amendment_helpers import operative, signed_and_submitted, unfriendly, write

pytestmark = pytest.mark.django_db
S = Amendment.Status


def test_friendly_amendment_with_every_consent_goes_into_the_text(
    draft, mexico, france, delegate, other_delegate, director
):
    amendment = services.amendment_create(
        target=draft, delegation=mexico, actor=delegate, kind="friendly"
    )
    assert amendment.name == "Amendment 1 to DR 1/1" and amendment.status == S.PROPOSED
    write(amendment, mexico, delegate, ("set", "op.1", "Urges Member States to share data"))
    amendment = services.amendment_request_consents(
        amendment=amendment, delegation=mexico, actor=delegate
    )
    assert amendment.status == S.AWAITING_CONSENTS
    consents = {s.delegation: s.state for s in amendment.supports.all()}
    assert consents == {mexico: "accepted", france: "invited"}
    amendment = services.amendment_answer(
        amendment=amendment, delegation=france, actor=other_delegate, accept=True
    )
    assert amendment.status == S.AWAITING_DAIS and amendment.submitted_at is not None
    before = draft.revision
    amendment = services.amendment_approve(amendment=amendment, actor=director)
    assert amendment.status == S.APPLIED
    draft.refresh_from_db()
    assert draft.revision.number == before.number + 1
    assert draft.revision.note == "Amendment 1 to DR 1/1 applied"
    assert amendment.applied_revision == draft.revision
    assert operative(draft)[0] == "Urges Member States to share data"
    assert Revision.objects.get(pk=before.pk).text == before.text  # earlier text kept
    actions = list(
        AuditEntry.objects.filter(action__startswith="amendment.")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "amendment.created",
        "amendment.revised",
        "amendment.consents_requested",
        "amendment.consented",
        "amendment.submitted",
        "amendment.applied",
    ]


def test_a_sponsor_refusing_consent_sends_it_back(draft, mexico, france, delegate, other_delegate):
    amendment = services.amendment_create(
        target=draft, delegation=mexico, actor=delegate, kind="friendly"
    )
    write(amendment, mexico, delegate, ("delete", "op.2.2"))
    services.amendment_request_consents(amendment=amendment, delegation=mexico, actor=delegate)
    amendment = services.amendment_answer(
        amendment=amendment, delegation=france, actor=other_delegate, accept=False
    )
    assert amendment.status == S.PROPOSED and "France did not consent" in amendment.reason


def test_only_a_sponsor_proposes_a_friendly_amendment(draft, kenya, kenyan):
    with pytest.raises(DomainError, match="Only a sponsor of DR 1/1"):
        services.amendment_create(target=draft, delegation=kenya, actor=kenyan, kind="friendly")
    assert not Amendment.objects.exists()


def test_unfriendly_amendment_collects_signatures_then_waits_for_the_vote(
    draft, kenya, kenyan, japan, japanese, director
):
    amendment = unfriendly(
        draft,
        kenya,
        kenyan,
        ("delete", "op.2.1"),
        ("set", "op.3", "Decides to review the matter next year"),
    )
    with pytest.raises(DomainError, match="1 of 2 needed"):
        services.amendment_submit(amendment=amendment, delegation=kenya, actor=kenyan)
    amendment.refresh_from_db()
    assert amendment.status == S.PROPOSED and amendment.submitted_at is None
    amendment = signed_and_submitted(amendment, kenya, kenyan, japan, japanese)
    assert amendment.status == S.AWAITING_DAIS
    amendment = services.amendment_approve(amendment=amendment, actor=director)
    assert amendment.status == S.APPROVED
    assert operative(draft)[2] == "Decides to remain seized"  # not applied before the vote
    amendment = services.amendment_apply_adopted(amendment=amendment, actor=director)
    assert amendment.status == S.APPLIED
    draft.refresh_from_db()
    assert [(c.text, [s.text for s in c.children]) for c in draft.revision.resolution.operative][
        1:
    ] == [
        ("Requests a report", ["on corruption"]),
        ("Decides to review the matter next year", []),
    ]
    assert AuditEntry.objects.filter(action="amendment.adopted").count() == 1


def test_failed_in_the_vote_changes_nothing(draft, kenya, kenyan, japan, japanese, director):
    amendment = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    signed_and_submitted(amendment, kenya, kenyan, japan, japanese)
    with pytest.raises(DomainError, match="only an approved unfriendly amendment"):
        services.amendment_mark_failed(amendment=amendment, actor=director)
    services.amendment_approve(amendment=amendment, actor=director)
    before = operative(draft)
    amendment = services.amendment_mark_failed(amendment=amendment, actor=director)
    assert amendment.status == S.FAILED and operative(draft) == before
    with pytest.raises(DomainError, match="failed in the vote"):
        services.amendment_apply_adopted(amendment=amendment, actor=director)


def test_dais_rejects_with_a_reason(draft, kenya, kenyan, japan, japanese, director):
    amendment = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    signed_and_submitted(amendment, kenya, kenyan, japan, japanese)
    with pytest.raises(DomainError, match="reason"):
        services.amendment_reject(amendment=amendment, actor=director, reason="  ")
    amendment.refresh_from_db()
    assert amendment.status == S.AWAITING_DAIS
    amendment = services.amendment_reject(
        amendment=amendment, actor=director, reason="Out of order: it guts the draft."
    )
    assert amendment.status == S.REJECTED and amendment.decided_by == director
    with pytest.raises(DomainError, match="not waiting for the dais"):
        services.amendment_approve(amendment=amendment, actor=director)


def test_amendment_to_an_amendment_is_out_of_order(draft, kenya, kenyan):
    amendment = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    with pytest.raises(DomainError, match="Amendments to amendments are out of order"):
        services.amendment_create(
            target=amendment, delegation=kenya, actor=kenyan, kind="unfriendly"
        )
    assert Amendment.objects.count() == 1


def test_preamble_cannot_be_amended(draft, kenya, kenyan):
    amendment = unfriendly(draft, kenya, kenyan)
    with pytest.raises(DomainError, match="pre 1 is a preambular clause"):
        services.amendment_save_operations(
            amendment=amendment,
            delegation=kenya,
            actor=kenyan,
            operations=[{"op": "delete", "key": "pre.1", "old": {}}],
        )
    amendment.refresh_from_db()
    assert amendment.operations == []


def test_a_clause_that_does_not_exist_is_refused(draft, kenya, kenyan):
    amendment = unfriendly(draft, kenya, kenyan)
    with pytest.raises(DomainError, match="no clause op 4"):
        services.amendment_save_operations(
            amendment=amendment,
            delegation=kenya,
            actor=kenyan,
            operations=[{"op": "replace", "key": "op.4", "old": "", "text": "Urges"}],
        )


def test_a_delegation_cannot_act_for_another(
    draft, kenya, kenyan, france, other_delegate, japan, japanese, mexico
):
    amendment = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    for call in [
        lambda: write(amendment, france, other_delegate, ("delete", "op.2")),
        lambda: services.amendment_submit(
            amendment=amendment, delegation=france, actor=other_delegate
        ),
        lambda: services.amendment_invite(
            amendment=amendment, delegation=france, actor=other_delegate, invitee=mexico
        ),
        lambda: services.amendment_withdraw(
            amendment=amendment, delegation=france, actor=other_delegate
        ),
    ]:
        with pytest.raises(DomainError, match="Only Kenya, which proposed it"):
            call()
    services.amendment_invite(amendment=amendment, delegation=kenya, actor=kenyan, invitee=japan)
    with pytest.raises(DomainError, match="France has no open request"):
        services.amendment_answer(
            amendment=amendment, delegation=france, actor=other_delegate, accept=True
        )
    amendment.refresh_from_db()
    assert amendment.status == S.PROPOSED and len(amendment.operations) == 1
    assert amendment.supports.get().state == AmendmentSupport.State.INVITED


def test_changing_the_text_withdraws_signatures(draft, kenya, kenyan, japan, japanese):
    amendment = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    services.amendment_invite(amendment=amendment, delegation=kenya, actor=kenyan, invitee=japan)
    services.amendment_answer(amendment=amendment, delegation=japan, actor=japanese, accept=True)
    assert services.amendment_threshold(amendment).have == 2
    write(amendment, kenya, kenyan, ("delete", "op.2"))
    assert services.amendment_threshold(amendment).have == 1
    assert amendment.supports.get().state == AmendmentSupport.State.INVITED


def test_an_empty_amendment_or_one_with_errors_is_not_submitted(draft, mexico, delegate):
    amendment = services.amendment_create(
        target=draft, delegation=mexico, actor=delegate, kind="friendly"
    )
    with pytest.raises(DomainError, match="changes nothing yet"):
        services.amendment_request_consents(amendment=amendment, delegation=mexico, actor=delegate)
    amendment = write(
        amendment, mexico, delegate, ("add_child", "op.2.1", "x"), ("add_child", "op.2.1.1", "y")
    )
    write(amendment, mexico, delegate, ("add_child", "op.2.1.1.1", "z"))
    with pytest.raises(DomainError, match="Fix the text first: op 2.a.i.1.a: nested deeper"):
        services.amendment_request_consents(amendment=amendment, delegation=mexico, actor=delegate)
    amendment.refresh_from_db()
    assert amendment.status == S.PROPOSED


def test_withdrawn_by_its_proposer(draft, kenya, kenyan):
    amendment = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    amendment = services.amendment_withdraw(
        amendment=amendment, delegation=kenya, actor=kenyan, reason="Agreed in the corridor."
    )
    assert amendment.status == S.WITHDRAWN and amendment.reason == "Agreed in the corridor."
    with pytest.raises(DomainError, match="cannot be withdrawn now"):
        services.amendment_withdraw(amendment=amendment, delegation=kenya, actor=kenyan)


def test_topic_must_be_open(draft, kenya, kenyan, chair):
    from sessions import services as session_services

    session_services.topic_close(topic=draft.topic, actor=chair)
    with pytest.raises(DomainError, match="only while it is open"):
        unfriendly(draft, kenya, kenyan)


def test_applying_one_rebases_the_other_or_sends_it_back_for_revision(
    draft, kenya, kenyan, japan, japanese, mexico, delegate, france, other_delegate, director
):
    # Kenya deletes op 1 and changes op 3; Japan changes op 2.b (fine after re-basing) and
    # op 3 (impossible: Kenya changed it); Mexico adds after op 3 (fine).
    first = unfriendly(draft, kenya, kenyan, ("set", "op.3", "Decides to act"), ("delete", "op.1"))
    second = unfriendly(draft, japan, japanese, ("set", "op.2.2", "on bribery"))
    third = unfriendly(draft, japan, japanese, ("set", "op.3", "Decides to wait"))
    fourth = services.amendment_create(
        target=draft, delegation=mexico, actor=delegate, kind="friendly"
    )
    write(fourth, mexico, delegate, ("add_after", "op.3", "Requests a follow-up"))
    from resolutions.amendment_selectors import flag_conflicts

    flagged = flag_conflicts(list(Amendment.objects.order_by("number")))
    assert [(o.number, labels) for o, labels in flagged[0].conflicts] == [(3, ["op 3"])]
    assert flagged[1].conflicts == [] and flagged[3].conflicts == []

    signed_and_submitted(first, kenya, kenyan, japan, japanese)
    services.amendment_approve(amendment=first, actor=director)
    services.amendment_apply_adopted(amendment=first, actor=director)
    draft.refresh_from_db()

    second.refresh_from_db()
    assert second.status == S.PROPOSED and second.base_revision == draft.revision
    assert second.operations[0]["key"] == "op.1.2"  # op 2.b is now op 1.b
    third.refresh_from_db()
    assert third.status == S.NEEDS_REVISION and third.operations == []
    assert third.reason == (
        "Amendment 1 to DR 1/1 changed the text: op 3 was changed (it is now op 2): the change "
        "to it was dropped. Check the amendment and propose it again."
    )
    fourth.refresh_from_db()
    assert fourth.operations[0]["after"] == "op.2"
    assert AuditEntry.objects.filter(action="amendment.rebased").count() == 2
    assert AuditEntry.objects.filter(action="amendment.needs_revision").count() == 1

    # The re-based amendment applies to the right clause.
    services.amendment_request_consents(amendment=fourth, delegation=mexico, actor=delegate)
    services.amendment_answer(
        amendment=fourth, delegation=france, actor=other_delegate, accept=True
    )
    services.amendment_approve(amendment=fourth, actor=director)
    assert operative(draft) == [
        "Requests a report",
        "Decides to act",
        "Requests a follow-up",
    ]
    # One needing revision is edited again, then goes on as usual.
    third.refresh_from_db()
    with pytest.raises(DomainError, match="needs revision, not waiting for the dais"):
        services.amendment_approve(amendment=third, actor=director)
    with pytest.raises(DomainError, match="changes nothing yet"):  # its one change was dropped
        services.amendment_submit(amendment=third, delegation=japan, actor=japanese)
    third = write(third, japan, japanese, ("set", "op.2", "Decides to wait"))
    assert third.status == S.PROPOSED and third.reason == ""


def test_an_amendment_for_an_older_text_is_never_applied(draft, kenya, kenyan, director):
    amendment = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    old = amendment.base_revision
    from resolutions.services import _new_revision

    newer = _new_revision(draft.paper, old.resolution, actor=director, note="elsewhere")
    DraftResolution.objects.filter(pk=draft.pk).update(revision=newer)
    with pytest.raises(DomainError, match="written for an earlier text"):
        write(amendment, kenya, kenyan, ("delete", "op.2"))


def test_numbers_follow_the_draft(draft, kenya, kenyan, japan, japanese):
    first = unfriendly(draft, kenya, kenyan)
    second = unfriendly(draft, japan, japanese)
    assert (first.number, second.number) == (1, 2)


def test_what_survives_a_re_base_can_be_proposed_again_as_it_stands(
    draft, kenya, kenyan, japan, japanese, mexico, delegate, france, other_delegate, director
):
    # Japan's amendment changes op 1 and op 3; Mexico's friendly one, applied first,
    # changes op 3 too: Japan's change to op 3 is dropped, its change to op 1 kept.
    japans = unfriendly(
        draft, japan, japanese, ("set", "op.1", "Urges States"), ("set", "op.3", "Decides x")
    )
    signed_and_submitted(japans, japan, japanese, kenya, kenyan)
    mexicos = services.amendment_create(
        target=draft, delegation=mexico, actor=delegate, kind="friendly"
    )
    write(mexicos, mexico, delegate, ("set", "op.3", "Decides y"))
    services.amendment_request_consents(amendment=mexicos, delegation=mexico, actor=delegate)
    services.amendment_answer(
        amendment=mexicos, delegation=france, actor=other_delegate, accept=True
    )
    services.amendment_approve(amendment=mexicos, actor=director)
    japans.refresh_from_db()
    assert japans.status == S.NEEDS_REVISION
    assert japans.descriptions == ["Change op 1 to read: “Urges States”"]
    assert japans.supports.get().state == AmendmentSupport.State.INVITED  # signature reset
    services.amendment_answer(amendment=japans, delegation=kenya, actor=kenyan, accept=True)
    japans = services.amendment_submit(amendment=japans, delegation=japan, actor=japanese)
    assert japans.status == S.AWAITING_DAIS and japans.reason == ""


def test_a_signatory_withdraws_its_signature_before_submission_only(
    draft, kenya, kenyan, japan, japanese, director
):
    amendment = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    services.amendment_invite(amendment=amendment, delegation=kenya, actor=kenyan, invitee=japan)
    services.amendment_answer(amendment=amendment, delegation=japan, actor=japanese, accept=True)
    with pytest.raises(DomainError, match="Kenya has not signed"):
        services.amendment_signature_withdraw(amendment=amendment, delegation=kenya, actor=kenyan)
    services.amendment_signature_withdraw(amendment=amendment, delegation=japan, actor=japanese)
    assert services.amendment_threshold(amendment).have == 1
    services.amendment_invite(amendment=amendment, delegation=kenya, actor=kenyan, invitee=japan)
    services.amendment_answer(amendment=amendment, delegation=japan, actor=japanese, accept=True)
    services.amendment_submit(amendment=amendment, delegation=kenya, actor=kenyan)
    with pytest.raises(DomainError, match="before the amendment goes to the dais"):
        services.amendment_signature_withdraw(amendment=amendment, delegation=japan, actor=japanese)
    assert amendment.supports.get().state == AmendmentSupport.State.ACCEPTED


def test_voting_takes_approved_unfriendly_amendments_in_order_of_submission(
    draft, kenya, kenyan, japan, japanese, director
):
    from resolutions.amendment_selectors import for_the_vote

    first = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    second = unfriendly(draft, japan, japanese, ("delete", "op.3"))
    signed_and_submitted(second, japan, japanese, kenya, kenyan)
    signed_and_submitted(first, kenya, kenyan, japan, japanese)
    for amendment in (first, second):
        services.amendment_approve(amendment=amendment, actor=director)
    assert list(for_the_vote(draft)) == [second, first]
    services.amendment_mark_failed(amendment=second, actor=director)
    assert list(for_the_vote(draft)) == [first]


def test_every_status_has_its_moves_and_its_badge():
    assert set(Amendment.TRANSITIONS) == set(Amendment.Status)
    assert set(Amendment.BADGES) == set(Amendment.Status)
    assert all(set(targets) <= set(Amendment.Status) for targets in Amendment.TRANSITIONS.values())
    # Decided amendments never move again.
    for status in (S.APPLIED, S.REJECTED, S.WITHDRAWN, S.FAILED):
        assert Amendment.TRANSITIONS[status] == set()

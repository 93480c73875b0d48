"""Mutation testing of ``resolutions.amendment_services`` (issue 8): the guards, messages,
stamps, audit entries and live signals of the amendment services that the tests of
``test_amendments_services.py`` leave unchecked. DR 1/1 (amendment_helpers.TEXT) is sponsored
by Mexico and France, signed by Kenya; every delegation answered "present and voting"."""

import datetime as dt

import pytest
from django.utils import timezone

from resolutions import amendment_services as services
from resolutions.models import Amendment, AmendmentSupport, Supporter
from sessions import clock
from sessions.errors import DomainError
from sessions.models import AuditEntry

from .amendment_helpers import operative, signed_and_submitted, unfriendly, write
from .factories import DelegateFactory

pytestmark = pytest.mark.django_db
S = Amendment.Status


def entry(action):
    """The one audit entry of ``action``: who did it and what it records."""
    found = AuditEntry.objects.get(action=action)
    assert found.committee.acronym == "CCPCJ"  # on the committee's timeline
    return found.actor, found.data


def refused(call):
    with pytest.raises(DomainError) as error:
        call()
    return str(error.value)


def test_a_withdrawn_signature_is_stamped_and_recorded(draft, kenya, kenyan, japan, japanese):
    amendment = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    services.amendment_invite(amendment=amendment, delegation=kenya, actor=kenyan, invitee=japan)
    services.amendment_answer(amendment=amendment, delegation=japan, actor=japanese, accept=True)
    moment = timezone.now().replace(microsecond=0) + dt.timedelta(days=1)
    with clock.travel_to(moment):
        services.amendment_signature_withdraw(amendment=amendment, delegation=japan, actor=japanese)
    support = AmendmentSupport.objects.get(amendment=amendment, delegation=japan)
    assert (support.state, support.answered_at) == (AmendmentSupport.State.DECLINED, moment)
    assert entry("amendment.signature_withdrawn") == (
        japanese,
        {"amendment": "Amendment 1 to DR 1/1", "draft": "DR 1/1", "delegation": "Japan"},
    )


def test_only_a_given_signature_on_this_amendment_can_be_withdrawn(
    draft, kenya, kenyan, japan, japanese, mexico, delegate
):
    signed = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    services.amendment_invite(amendment=signed, delegation=kenya, actor=kenyan, invitee=japan)
    services.amendment_answer(amendment=signed, delegation=japan, actor=japanese, accept=True)
    asked = unfriendly(draft, kenya, kenyan, ("delete", "op.2"))
    services.amendment_invite(amendment=asked, delegation=kenya, actor=kenyan, invitee=japan)
    # Japan signed the first, was only asked about the second.
    assert refused(
        lambda: services.amendment_signature_withdraw(
            amendment=asked, delegation=japan, actor=japanese
        )
    ) == ("Japan has not signed Amendment 2 to DR 1/1.")
    states = dict(AmendmentSupport.objects.values_list("amendment__number", "state"))
    assert states == {1: "accepted", 2: "invited"}
    # A sponsor's consent to a friendly amendment is not a signature.
    friendly = services.amendment_create(
        target=draft, delegation=mexico, actor=delegate, kind="friendly"
    )
    write(friendly, mexico, delegate, ("delete", "op.3"))
    services.amendment_request_consents(amendment=friendly, delegation=mexico, actor=delegate)
    assert refused(
        lambda: services.amendment_signature_withdraw(
            amendment=friendly, delegation=mexico, actor=delegate
        )
    ) == ("Mexico has not signed Amendment 3 to DR 1/1.")
    assert not AuditEntry.objects.filter(action="amendment.signature_withdrawn").exists()


def test_a_signature_withdrawn_after_submission_is_refused_with_the_reason(
    draft, kenya, kenyan, japan, japanese
):
    amendment = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    signed_and_submitted(amendment, kenya, kenyan, japan, japanese)
    assert refused(
        lambda: services.amendment_signature_withdraw(
            amendment=amendment, delegation=japan, actor=japanese
        )
    ) == ("A signature can only be withdrawn before the amendment goes to the dais.")


def test_consents_are_asked_only_for_a_friendly_proposed_amendment_of_a_sponsor(
    draft, kenya, kenyan, mexico, delegate, france, other_delegate, director
):
    amendment = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    assert refused(
        lambda: services.amendment_request_consents(
            amendment=amendment, delegation=kenya, actor=kenyan
        )
    ) == ("An unfriendly amendment is signed, then submitted to the dais.")
    friendly = services.amendment_create(
        target=draft, delegation=mexico, actor=delegate, kind="friendly"
    )
    write(friendly, mexico, delegate, ("delete", "op.3"))
    services.amendment_request_consents(amendment=friendly, delegation=mexico, actor=delegate)
    assert refused(
        lambda: services.amendment_request_consents(
            amendment=friendly, delegation=mexico, actor=delegate
        )
    ) == (
        "Amendment 2 to DR 1/1 is awaiting the sponsors' consent; consents are asked "
        "for a proposed amendment."
    )


def test_a_proposer_no_longer_sponsoring_cannot_ask_for_consents(
    draft, mexico, delegate, france, other_delegate
):
    amendment = services.amendment_create(
        target=draft, delegation=france, actor=other_delegate, kind="friendly"
    )
    write(amendment, france, other_delegate, ("delete", "op.3"))
    Supporter.objects.filter(paper=draft.paper, delegation=france).update(
        state=Supporter.State.DECLINED
    )
    assert refused(
        lambda: services.amendment_request_consents(
            amendment=amendment, delegation=france, actor=other_delegate
        )
    ) == ("France no longer sponsors DR 1/1.")


def test_asking_again_after_a_refusal_clears_the_refusal_and_stamps_the_consents(
    draft, mexico, delegate, france, other_delegate
):
    amendment = services.amendment_create(
        target=draft, delegation=mexico, actor=delegate, kind="friendly"
    )
    write(amendment, mexico, delegate, ("delete", "op.3"))
    services.amendment_request_consents(amendment=amendment, delegation=mexico, actor=delegate)
    services.amendment_answer(
        amendment=amendment, delegation=france, actor=other_delegate, accept=False
    )
    amendment.refresh_from_db()
    assert amendment.reason == "France did not consent."
    moment = timezone.now().replace(microsecond=0) + dt.timedelta(days=1)
    with clock.travel_to(moment, tick=dt.timedelta(seconds=1)):
        services.amendment_request_consents(amendment=amendment, delegation=mexico, actor=delegate)
    amendment.refresh_from_db()
    assert (amendment.status, amendment.reason) == (S.AWAITING_CONSENTS, "")
    # The proposer's own consent is given when it asks; the other sponsor's is asked for.
    supports = {
        s.delegation: (s.role, s.state, s.invited_at, s.answered_at)
        for s in amendment.supports.all()
    }
    assert supports == {
        mexico: ("consent", "accepted", moment, moment),
        france: ("consent", "invited", moment, None),
    }


def test_consents_are_asked_of_the_sponsors_who_accepted_in_their_order(
    committee, delegations, chair, director, delegate, other_delegate
):
    """DOMAIN.md: a friendly amendment needs every sponsor. Brazil, invited as a sponsor but
    never answering, is no sponsor; Kenya, first asked to sign, then (having declined) to
    co-sponsor after France, comes after France in the list of sponsors."""
    from resolutions import services as paper_services
    from resolutions.text import parse

    from .amendment_helpers import TEXT
    from .factories import open_floor

    mexico, france, kenya, brazil = (delegations[i] for i in (0, 1, 2, 4))
    open_floor(committee, chair)
    paper = paper_services.paper_create(
        committee=committee, delegation=mexico, actor=delegate, resolution=parse(TEXT).resolution
    )
    kenyan = DelegateFactory(delegation=kenya).user

    def invite(invitee, role, user, accept):
        paper_services.supporter_invite(
            paper=paper, delegation=mexico, actor=delegate, invitee=invitee, role=role
        )
        if user is not None:
            paper_services.supporter_answer(
                paper=paper, delegation=invitee, actor=user, accept=accept
            )

    invite(kenya, Supporter.Role.SIGNATORY, kenyan, False)
    invite(france, Supporter.Role.SPONSOR, other_delegate, True)
    invite(kenya, Supporter.Role.SPONSOR, kenyan, True)
    invite(brazil, Supporter.Role.SPONSOR, None, None)
    paper_services.paper_submit(paper=paper, delegation=mexico, actor=delegate)
    draft = paper_services.paper_approve(paper=paper, actor=director)
    assert services.draft_sponsors(draft) == [mexico, france, kenya]
    brazilian = DelegateFactory(delegation=brazil).user
    assert refused(
        lambda: services.amendment_create(
            target=draft, delegation=brazil, actor=brazilian, kind="friendly"
        )
    ) == (
        "Only a sponsor of DR 1/1 can propose a friendly amendment; propose an unfriendly one "
        "instead."
    )
    amendment = services.amendment_create(
        target=draft, delegation=mexico, actor=delegate, kind="friendly"
    )
    write(amendment, mexico, delegate, ("delete", "op.3"))
    amendment = services.amendment_request_consents(
        amendment=amendment, delegation=mexico, actor=delegate
    )
    assert [(s.delegation, s.state) for s in amendment.supports.all()] == [
        (mexico, "accepted"),
        (france, "invited"),
        (kenya, "invited"),
    ]


def test_a_friendly_amendment_reaches_the_dais_with_its_last_consent_on_record(
    draft, mexico, delegate, france, other_delegate
):
    amendment = services.amendment_create(
        target=draft, delegation=mexico, actor=delegate, kind="friendly"
    )
    write(amendment, mexico, delegate, ("delete", "op.3"))
    services.amendment_request_consents(amendment=amendment, delegation=mexico, actor=delegate)
    moment = timezone.now().replace(microsecond=0) + dt.timedelta(days=1)
    with clock.travel_to(moment):
        services.amendment_answer(
            amendment=amendment, delegation=france, actor=other_delegate, accept=True
        )
    amendment.refresh_from_db()
    assert (amendment.status, amendment.submitted_at) == (S.AWAITING_DAIS, moment)
    assert entry("amendment.submitted") == (
        other_delegate,
        {
            "amendment": "Amendment 1 to DR 1/1",
            "draft": "DR 1/1",
            "from": "awaiting_consents",
            "to": "awaiting_dais",
            "consents": 2,
        },
    )


def test_a_withdrawal_keeps_its_reason_in_one_line_or_none(draft, kenya, kenyan):
    first = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    second = unfriendly(draft, kenya, kenyan, ("delete", "op.2"))
    services.amendment_withdraw(
        amendment=first, delegation=kenya, actor=kenyan, reason=" Agreed  in the\ncorridor. "
    )
    services.amendment_withdraw(amendment=second, delegation=kenya, actor=kenyan)
    reasons = dict(Amendment.objects.values_list("number", "reason"))
    assert reasons == {1: "Agreed in the corridor.", 2: ""}
    entries = AuditEntry.objects.filter(action="amendment.withdrawn").order_by("id")
    assert [(e.actor, e.data) for e in entries] == [
        (
            kenyan,
            {
                "amendment": f"Amendment {n} to DR 1/1",
                "draft": "DR 1/1",
                "from": "proposed",
                "to": "withdrawn",
                "reason": reason,
            },
        )
        for n, reason in [(1, "Agreed in the corridor."), (2, "")]
    ]


def test_a_rejection_keeps_the_dais_reason_in_one_line_and_who_decided(
    draft, kenya, kenyan, japan, japanese, director
):
    amendment = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    assert refused(
        lambda: services.amendment_reject(amendment=amendment, actor=director, reason="No.")
    ) == ("Amendment 1 to DR 1/1 is proposed, not waiting for the dais.")
    signed_and_submitted(amendment, kenya, kenyan, japan, japanese)
    assert refused(
        lambda: services.amendment_reject(amendment=amendment, actor=director, reason=" \n ")
    ) == ("Give the proposer a reason.")
    moment = timezone.now().replace(microsecond=0) + dt.timedelta(days=1)
    with clock.travel_to(moment):
        services.amendment_reject(
            amendment=amendment, actor=director, reason="Out of  order:\nit guts the draft. "
        )
    amendment.refresh_from_db()
    assert (amendment.status, amendment.reason, amendment.decided_by, amendment.decided_at) == (
        S.REJECTED,
        "Out of order: it guts the draft.",
        director,
        moment,
    )
    assert entry("amendment.rejected") == (
        director,
        {
            "amendment": "Amendment 1 to DR 1/1",
            "draft": "DR 1/1",
            "from": "awaiting_dais",
            "to": "rejected",
            "reason": "Out of order: it guts the draft.",
        },
    )


def test_an_amendment_failed_in_the_vote_is_on_record_as_failed(
    draft, kenya, kenyan, japan, japanese, director
):
    amendment = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    signed_and_submitted(amendment, kenya, kenyan, japan, japanese)
    services.amendment_approve(amendment=amendment, actor=director)
    services.amendment_mark_failed(amendment=amendment, actor=director)
    assert entry("amendment.failed") == (
        director,
        {
            "amendment": "Amendment 1 to DR 1/1",
            "draft": "DR 1/1",
            "from": "approved",
            "to": "failed",
        },
    )


def adopt(amendment, proposer, user, signer, signer_user, director):
    signed_and_submitted(amendment, proposer, user, signer, signer_user)
    services.amendment_approve(amendment=amendment, actor=director)
    return services.amendment_apply_adopted(amendment=amendment, actor=director)


def records(action, amendment):
    entries = AuditEntry.objects.filter(action=action, target_id=str(amendment.pk)).order_by("id")
    assert all(e.committee_id == amendment.committee_id for e in entries)
    return [(e.actor, e.data) for e in entries]


def test_each_adopted_amendment_re_bases_the_others_or_sends_them_back_on_record(
    draft, kenya, kenyan, japan, japanese, director
):
    """Japan's amendment 1 changes op 1, op 2.a and op 3; its amendment 2 changes op 2.b.
    Kenya's amendment 3, adopted, changes op 1 and op 3: amendment 1 loses both changes (two
    problems in one message) and needs revision; amendment 2 follows the new text. Kenya's
    amendment 4, adopted, deletes op 2.a: amendment 1, still needing revision, loses its last
    change; amendment 2 follows again."""
    first = unfriendly(
        draft,
        japan,
        japanese,
        ("set", "op.1", "Urges States to share data"),
        ("set", "op.2.1", "on smuggling"),
        ("set", "op.3", "Decides to act"),
    )
    second = unfriendly(draft, japan, japanese, ("set", "op.2.2", "on bribery"))
    third = unfriendly(
        draft,
        kenya,
        kenyan,
        ("set", "op.1", "Invites States to share data"),
        ("set", "op.3", "Decides to wait"),
    )
    adopt(third, kenya, kenyan, japan, japanese, director)
    first.refresh_from_db()
    dropped_1 = "op 1 was changed (it is now op 1): the change to it was dropped"
    dropped_3 = "op 3 was changed (it is now op 3): the change to it was dropped"
    assert (first.status, first.reason) == (
        S.NEEDS_REVISION,
        f"Amendment 3 to DR 1/1 changed the text: {dropped_1}; {dropped_3}. Check the "
        "amendment and propose it again.",
    )
    assert records("amendment.needs_revision", first) == [
        (
            director,
            {
                "amendment": "Amendment 1 to DR 1/1",
                "draft": "DR 1/1",
                "from": "proposed",
                "to": "needs_revision",
                "problems": [dropped_1, dropped_3],
                "after": "Amendment 3 to DR 1/1",
            },
        )
    ]
    fourth = unfriendly(draft, kenya, kenyan, ("delete", "op.2.1"))
    adopt(fourth, kenya, kenyan, japan, japanese, director)
    first.refresh_from_db()
    gone = "op 2.a no longer exists: the change to it was dropped"
    assert (first.status, first.operations) == (S.NEEDS_REVISION, [])
    assert first.reason == (
        f"Amendment 4 to DR 1/1 changed the text: {gone}. Check the amendment and propose it again."
    )
    assert records("amendment.needs_revision", first)[1:] == [
        (
            director,
            {"amendment": "Amendment 1 to DR 1/1", "draft": "DR 1/1", "problems": [gone]},
        )
    ]
    draft.refresh_from_db()
    second.refresh_from_db()
    assert (second.status, second.base_revision) == (S.PROPOSED, draft.revision)
    assert records("amendment.rebased", second) == [
        (
            director,
            {
                "amendment": "Amendment 2 to DR 1/1",
                "draft": "DR 1/1",
                "revision": number,
                "after": f"Amendment {after} to DR 1/1",
            },
        )
        for number, after in [(draft.revision.number - 1, 3), (draft.revision.number, 4)]
    ]


def test_a_submission_says_what_is_missing_and_records_the_signatures(
    draft, kenya, kenyan, japan, japanese, mexico, delegate
):
    friendly = services.amendment_create(
        target=draft, delegation=mexico, actor=delegate, kind="friendly"
    )
    write(friendly, mexico, delegate, ("delete", "op.3"))
    assert refused(
        lambda: services.amendment_submit(amendment=friendly, delegation=mexico, actor=delegate)
    ) == ("A friendly amendment goes to the dais once every sponsor consents.")
    amendment = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    # Six delegations answered the roll call: 20 % of 6, rounded up, is 2.
    assert refused(
        lambda: services.amendment_submit(amendment=amendment, delegation=kenya, actor=kenyan)
    ) == (
        "Proposer and signatories: 1 of 2 needed. 20 % of the 6 delegations present must "
        "propose or sign."
    )
    signed_and_submitted(amendment, kenya, kenyan, japan, japanese)
    assert entry("amendment.submitted") == (
        kenyan,
        {
            "amendment": "Amendment 2 to DR 1/1",
            "draft": "DR 1/1",
            "from": "proposed",
            "to": "awaiting_dais",
            "supporters": 2,
            "needed": 2,
        },
    )
    assert refused(
        lambda: services.amendment_submit(amendment=amendment, delegation=kenya, actor=kenyan)
    ) == ("Amendment 2 to DR 1/1 is awaiting the dais; it cannot be submitted now.")


def test_the_dais_approval_is_on_record_with_who_decided(
    draft, kenya, kenyan, japan, japanese, mexico, delegate, france, other_delegate, director
):
    """An unfriendly amendment approved waits for the vote; a friendly one approved is
    applied: both name the member of the dais who decided, and when."""
    amendment = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    signed_and_submitted(amendment, kenya, kenyan, japan, japanese)
    friendly = services.amendment_create(
        target=draft, delegation=mexico, actor=delegate, kind="friendly"
    )
    write(friendly, mexico, delegate, ("set", "op.3", "Decides to act"))
    services.amendment_request_consents(amendment=friendly, delegation=mexico, actor=delegate)
    services.amendment_answer(
        amendment=friendly, delegation=france, actor=other_delegate, accept=True
    )
    moment = timezone.now().replace(microsecond=0) + dt.timedelta(days=1)
    with clock.travel_to(moment):
        services.amendment_approve(amendment=amendment, actor=director)
        services.amendment_approve(amendment=friendly, actor=director)
    decided = {a.number: (a.status, a.decided_by, a.decided_at) for a in Amendment.objects.all()}
    assert decided == {1: (S.APPROVED, director, moment), 2: (S.APPLIED, director, moment)}
    draft.refresh_from_db()
    assert (draft.revision.number, draft.revision.author) == (2, director)
    assert entry("amendment.approved") == (
        director,
        {
            "amendment": "Amendment 1 to DR 1/1",
            "draft": "DR 1/1",
            "from": "awaiting_dais",
            "to": "approved",
        },
    )
    assert entry("amendment.applied") == (
        director,
        {
            "amendment": "Amendment 2 to DR 1/1",
            "draft": "DR 1/1",
            "from": "awaiting_dais",
            "to": "applied",
            "revision": 2,
        },
    )


def test_only_an_approved_unfriendly_amendment_is_adopted_by_the_vote(
    draft, kenya, kenyan, japan, japanese, mexico, delegate, france, other_delegate, director
):
    amendment = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    signed_and_submitted(amendment, kenya, kenyan, japan, japanese)
    friendly = services.amendment_create(
        target=draft, delegation=mexico, actor=delegate, kind="friendly"
    )
    write(friendly, mexico, delegate, ("delete", "op.3"))
    services.amendment_request_consents(amendment=friendly, delegation=mexico, actor=delegate)
    services.amendment_answer(
        amendment=friendly, delegation=france, actor=other_delegate, accept=True
    )
    # Both wait for the dais: neither is voted on yet.
    for waiting in (amendment, friendly):
        assert refused(
            lambda waiting=waiting: services.amendment_apply_adopted(
                amendment=waiting, actor=director
            )
        ) == (
            f"{waiting.name} is awaiting the dais; only an approved unfriendly amendment is "
            "voted on."
        )
    assert operative(draft)[0] == "Encourages Member States to share data"
    assert not AuditEntry.objects.filter(action="amendment.adopted").exists()


def test_an_adopted_amendment_is_on_record_with_the_revision_it_made(
    draft, kenya, kenyan, japan, japanese, director
):
    amendment = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    adopt(amendment, kenya, kenyan, japan, japanese, director)
    draft.refresh_from_db()
    assert (draft.revision.number, draft.revision.author) == (2, director)
    assert entry("amendment.adopted") == (
        director,
        {
            "amendment": "Amendment 1 to DR 1/1",
            "draft": "DR 1/1",
            "from": "approved",
            "to": "applied",
            "revision": 2,
        },
    )


def test_an_amendment_applied_to_one_draft_leaves_the_amendments_to_another_alone(
    draft, committee, kenya, kenyan, japan, japanese, director
):
    """DR 1/2, Japan's paper signed by Kenya: Kenya's amendment to it stays as it was written
    when an amendment deleting op 1 of DR 1/1 is adopted."""
    from resolutions import services as paper_services
    from resolutions.text import parse

    paper = paper_services.paper_create(
        committee=committee,
        delegation=japan,
        actor=japanese,
        resolution=parse("1. Urges States to cooperate;\n2. Decides to remain seized.").resolution,
    )
    paper_services.supporter_invite(
        paper=paper, delegation=japan, actor=japanese, invitee=kenya, role="signatory"
    )
    paper_services.supporter_answer(paper=paper, delegation=kenya, actor=kenyan, accept=True)
    paper_services.paper_submit(paper=paper, delegation=japan, actor=japanese)
    other = paper_services.paper_approve(paper=paper, actor=director)
    assert other.code == "DR 1/2"
    elsewhere = unfriendly(other, kenya, kenyan, ("set", "op.1", "Urges States to act"))
    written = (elsewhere.base_revision_id, list(elsewhere.operations))
    adopt(
        unfriendly(draft, kenya, kenyan, ("delete", "op.1")),
        kenya,
        kenyan,
        japan,
        japanese,
        director,
    )
    elsewhere.refresh_from_db()
    assert (elsewhere.status, elsewhere.base_revision_id, elsewhere.operations) == (
        S.PROPOSED,
        *written,
    )
    assert not AuditEntry.objects.filter(
        action="amendment.rebased", target_id=str(elsewhere.pk)
    ).exists()


def test_a_delegation_answers_only_its_own_open_request_and_the_answer_is_stamped(
    draft, kenya, kenyan, japan, japanese, delegations
):
    brazil = delegations[4]
    brazilian = DelegateFactory(delegation=brazil).user
    first = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    second = unfriendly(draft, kenya, kenyan, ("delete", "op.2"))
    services.amendment_invite(amendment=second, delegation=kenya, actor=kenyan, invitee=japan)
    # Japan was asked about the second amendment, not the first.
    assert refused(
        lambda: services.amendment_answer(
            amendment=first, delegation=japan, actor=japanese, accept=True
        )
    ) == ("Japan has no open request about Amendment 1 to DR 1/1.")
    moment = timezone.now().replace(microsecond=0) + dt.timedelta(days=1)
    with clock.travel_to(moment):
        services.amendment_answer(amendment=second, delegation=japan, actor=japanese, accept=False)
    support = AmendmentSupport.objects.get(delegation=japan)
    assert (support.amendment, support.state, support.answered_at) == (second, "declined", moment)
    # Answered once: no open request is left.
    assert refused(
        lambda: services.amendment_answer(
            amendment=second, delegation=japan, actor=japanese, accept=True
        )
    ) == ("Japan has no open request about Amendment 2 to DR 1/1.")
    assert records("amendment.declined", second) == [
        (
            japanese,
            {"amendment": "Amendment 2 to DR 1/1", "draft": "DR 1/1", "delegation": "Japan"},
        )
    ]
    # Asked again, Japan stays silent; Brazil's signature is enough and the request closes.
    services.amendment_invite(amendment=second, delegation=kenya, actor=kenyan, invitee=japan)
    signed_and_submitted(second, kenya, kenyan, brazil, brazilian)
    assert refused(
        lambda: services.amendment_answer(
            amendment=second, delegation=japan, actor=japanese, accept=True
        )
    ) == ("Amendment 2 to DR 1/1 is awaiting the dais; the request is closed.")
    assert AmendmentSupport.objects.get(delegation=japan).state == "invited"


def test_every_answer_to_a_request_is_on_record_under_its_own_name(
    draft, mexico, delegate, france, other_delegate, kenya, kenyan, japan, japanese
):
    friendly = services.amendment_create(
        target=draft, delegation=mexico, actor=delegate, kind="friendly"
    )
    write(friendly, mexico, delegate, ("delete", "op.3"))
    services.amendment_request_consents(amendment=friendly, delegation=mexico, actor=delegate)
    services.amendment_answer(
        amendment=friendly, delegation=france, actor=other_delegate, accept=False
    )
    services.amendment_request_consents(amendment=friendly, delegation=mexico, actor=delegate)
    services.amendment_answer(
        amendment=friendly, delegation=france, actor=other_delegate, accept=True
    )
    signed = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    services.amendment_invite(amendment=signed, delegation=kenya, actor=kenyan, invitee=japan)
    services.amendment_answer(amendment=signed, delegation=japan, actor=japanese, accept=True)
    one, two = "Amendment 1 to DR 1/1", "Amendment 2 to DR 1/1"
    assert entry("amendment.consent_refused") == (
        other_delegate,
        {
            "amendment": one,
            "draft": "DR 1/1",
            "from": "awaiting_consents",
            "to": "proposed",
            "delegation": "France",
        },
    )
    assert entry("amendment.consented") == (
        other_delegate,
        {"amendment": one, "draft": "DR 1/1", "delegation": "France"},
    )
    assert entry("amendment.signed") == (
        japanese,
        {"amendment": two, "draft": "DR 1/1", "delegation": "Japan"},
    )
    assert not AuditEntry.objects.filter(action="amendment.declined").exists()


def test_only_a_draft_resolution_is_amended_and_never_an_amendment(draft, kenya, kenyan):
    amendment = unfriendly(draft, kenya, kenyan)
    assert refused(
        lambda: services.amendment_create(
            target=amendment, delegation=kenya, actor=kenyan, kind="unfriendly"
        )
    ) == ("Amendments to amendments are out of order: amend the draft resolution itself.")
    assert refused(
        lambda: services.amendment_create(
            target=draft.paper, delegation=kenya, actor=kenyan, kind="unfriendly"
        )
    ) == ("Only a draft resolution can be amended.")
    assert Amendment.objects.count() == 1


def test_an_amendment_is_proposed_by_a_delegation_of_the_committee_of_a_known_kind(
    draft, kenya, kenyan, other_committee
):
    from sessions.models import MemberState

    from .factories import DelegationFactory

    ghana = DelegationFactory(
        committee=other_committee, member_state=MemberState.objects.get(iso3="GHA")
    )
    ghanaian = DelegateFactory(delegation=ghana).user
    assert refused(
        lambda: services.amendment_create(
            target=draft, delegation=ghana, actor=ghanaian, kind="unfriendly"
        )
    ) == ("Only a delegation of this committee can propose an amendment.")
    assert refused(
        lambda: services.amendment_create(
            target=draft, delegation=kenya, actor=kenyan, kind="hostile"
        )
    ) == ("Choose a friendly or an unfriendly amendment.")
    assert not Amendment.objects.exists()
    amendment = services.amendment_create(
        target=draft, delegation=kenya, actor=kenyan, kind="unfriendly"
    )
    amendment.refresh_from_db()
    assert (amendment.proposer, amendment.created_by, amendment.kind) == (
        kenya,
        kenyan,
        "unfriendly",
    )
    assert entry("amendment.created") == (
        kenyan,
        {
            "amendment": "Amendment 1 to DR 1/1",
            "draft": "DR 1/1",
            "delegation": "Kenya",
            "kind": "unfriendly",
        },
    )


def test_signatures_are_asked_of_other_delegations_of_the_committee_once(
    draft, kenya, kenyan, japan, japanese, mexico, delegate, delegations, other_committee
):
    from sessions.models import MemberState

    from .factories import DelegationFactory

    brazil = delegations[4]
    friendly = services.amendment_create(
        target=draft, delegation=mexico, actor=delegate, kind="friendly"
    )
    assert refused(
        lambda: services.amendment_invite(
            amendment=friendly, delegation=mexico, actor=delegate, invitee=japan
        )
    ) == ("A friendly amendment needs the sponsors' consent, not signatures.")
    amendment = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    ghana = DelegationFactory(
        committee=other_committee, member_state=MemberState.objects.get(iso3="GHA")
    )

    def invite(invitee):
        return services.amendment_invite(
            amendment=amendment, delegation=kenya, actor=kenyan, invitee=invitee
        )

    assert refused(lambda: invite(ghana)) == ("Ghana is not a delegation of this committee.")
    assert refused(lambda: invite(kenya)) == ("Kenya proposed the amendment; it counts already.")
    invite(japan)
    invite(brazil)  # one asked already does not stop another being asked
    assert refused(lambda: invite(japan)) == ("Japan was already asked (asked).")
    services.amendment_answer(amendment=amendment, delegation=japan, actor=japanese, accept=True)
    assert refused(lambda: invite(japan)) == ("Japan was already asked (given).")
    services.amendment_signature_withdraw(amendment=amendment, delegation=japan, actor=japanese)
    again = invite(japan)  # a declined or withdrawn signature may be asked for again
    assert isinstance(again, AmendmentSupport)
    again.refresh_from_db()
    assert (again.delegation, again.state, again.answered_at) == (japan, "invited", None)
    assert AmendmentSupport.objects.filter(amendment=amendment).count() == 2
    assert records("amendment.invited", amendment) == [
        (kenyan, {"amendment": "Amendment 2 to DR 1/1", "draft": "DR 1/1", "delegation": name})
        for name in ("Japan", "Brazil", "Japan")
    ]
    brazilian = DelegateFactory(delegation=brazil).user
    services.amendment_answer(amendment=amendment, delegation=brazil, actor=brazilian, accept=True)
    services.amendment_submit(amendment=amendment, delegation=kenya, actor=kenyan)
    assert refused(lambda: invite(japan)) == (
        "Signatures are gathered before the amendment goes to the dais."
    )


def test_an_amended_text_of_exactly_the_clause_limit_is_kept_and_one_more_is_refused(
    draft, kenya, kenyan
):
    """DR 1/1 has six clauses (one preambular, three operative, two sub-clauses): a new
    clause after op 3 with 993 sub-clauses makes 1,000; with 994, 1,001."""

    def adding(subs):
        clause = {
            "text": "Requests reports",
            "children": [{"text": f"on {i}"} for i in range(subs)],
        }
        return [{"op": "add", "after": "op.3", "clause": clause}]

    amendment = unfriendly(draft, kenya, kenyan)
    services.amendment_save_operations(
        amendment=amendment, delegation=kenya, actor=kenyan, operations=adding(993)
    )
    assert refused(
        lambda: services.amendment_save_operations(
            amendment=amendment, delegation=kenya, actor=kenyan, operations=adding(994)
        )
    ) == ("The amended text would have more than 1,000 clauses; add fewer.")
    amendment.refresh_from_db()
    assert amendment.operations == adding(993)


def test_an_amended_clause_of_more_than_5000_characters_is_refused_by_name(draft, kenya, kenyan):
    # DR 1/1 has three operative clauses: a new one after op 3 is op 4 of the amended text.
    def adding(length):
        clause = {"text": "Requests " + "r" * (length - len("Requests ")), "children": []}
        return [{"op": "add", "after": "op.3", "clause": clause}]

    amendment = unfriendly(draft, kenya, kenyan)
    services.amendment_save_operations(
        amendment=amendment, delegation=kenya, actor=kenyan, operations=adding(5000)
    )
    assert refused(
        lambda: services.amendment_save_operations(
            amendment=amendment, delegation=kenya, actor=kenyan, operations=adding(5001)
        )
    ).startswith("Clause op 4 has 5,001 characters; a clause can have at most 5,000.")
    amendment.refresh_from_db()
    assert amendment.operations == adding(5000)


def test_saving_the_same_text_again_changes_nothing_and_keeps_the_signatures(
    draft, kenya, kenyan, japan, japanese
):
    amendment = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    services.amendment_invite(amendment=amendment, delegation=kenya, actor=kenyan, invitee=japan)
    services.amendment_answer(amendment=amendment, delegation=japan, actor=japanese, accept=True)
    services.amendment_save_operations(
        amendment=amendment,
        delegation=kenya,
        actor=kenyan,
        operations=list(amendment.operations),
        note="saved again",
    )
    assert amendment.supports.get().state == AmendmentSupport.State.ACCEPTED
    assert records("amendment.revised", amendment) == [
        (
            kenyan,
            {
                "amendment": "Amendment 1 to DR 1/1",
                "draft": "DR 1/1",
                "operations": 1,
                "note": "",
                "supports_reset": 0,
            },
        )
    ]
    write(amendment, kenya, kenyan, ("delete", "op.2"))
    support = amendment.supports.get()
    assert (support.state, support.answered_at) == (AmendmentSupport.State.INVITED, None)
    assert records("amendment.revised", amendment)[1:] == [
        (
            kenyan,
            {
                "amendment": "Amendment 1 to DR 1/1",
                "draft": "DR 1/1",
                "operations": 2,
                "note": "",
                "supports_reset": 1,
            },
        )
    ]


def test_revising_an_amendment_sent_back_proposes_it_again_on_record(
    draft, kenya, kenyan, japan, japanese, director
):
    """Japan's amendment 1 changes op 1 and op 3; Kenya's amendment 2, adopted, changes op 3:
    amendment 1 needs revision, keeping its change to op 1. Saved as it stands, it is proposed
    again, the reason cleared; while it waits for the dais its text cannot change."""
    first = unfriendly(
        draft, japan, japanese, ("set", "op.1", "Urges States"), ("set", "op.3", "Decides x")
    )
    adopt(
        unfriendly(draft, kenya, kenyan, ("set", "op.3", "Decides y")),
        kenya,
        kenyan,
        japan,
        japanese,
        director,
    )
    first.refresh_from_db()
    assert first.status == S.NEEDS_REVISION
    services.amendment_save_operations(
        amendment=first,
        delegation=japan,
        actor=japanese,
        operations=list(first.operations),
        note="as it stands",
    )
    first.refresh_from_db()
    assert (first.status, first.reason) == (S.PROPOSED, "")
    assert records("amendment.revised", first)[-1] == (
        japanese,
        {
            "amendment": "Amendment 1 to DR 1/1",
            "draft": "DR 1/1",
            "from": "needs_revision",
            "to": "proposed",
            "operations": 1,
            "note": "as it stands",
            "supports_reset": 0,
        },
    )
    signed_and_submitted(first, japan, japanese, kenya, kenyan)
    assert refused(lambda: write(first, japan, japanese, ("delete", "op.2"))) == (
        "Amendment 1 to DR 1/1 is awaiting the dais; its text cannot be changed now."
    )


def test_the_refusals_of_a_closed_topic_and_of_an_older_text_say_why(
    draft, kenya, kenyan, chair, director
):
    from resolutions.models import DraftResolution
    from resolutions.services import _new_revision
    from sessions import services as session_services

    amendment = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    newer = _new_revision(draft.paper, amendment.base_revision.resolution, actor=director)
    DraftResolution.objects.filter(pk=draft.pk).update(revision=newer)
    assert refused(lambda: write(amendment, kenya, kenyan, ("delete", "op.2"))) == (
        "Amendment 1 to DR 1/1 was written for an earlier text of DR 1/1; reload the page."
    )
    session_services.topic_close(topic=draft.topic, actor=chair)
    assert refused(lambda: unfriendly(draft, kenya, kenyan)) == (
        "Topic 1 is closed: amendments to its drafts are proposed and approved only while it "
        "is open."
    )


def test_operations_that_no_longer_apply_to_their_text_are_refused_with_the_reason(
    draft, kenya, kenyan
):
    """A guard behind the editor's own: operations stored for a clause the text does not have
    (written before a change to the rules, or by hand) never reach the dais."""
    amendment = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    Amendment.objects.filter(pk=amendment.pk).update(
        operations=[{"op": "delete", "key": "op.9", "old": {}}]
    )
    assert refused(
        lambda: services.amendment_submit(amendment=amendment, delegation=kenya, actor=kenyan)
    ) == ("There is no clause op 9 in the text.")


def test_an_amendment_is_heard_of_by_its_delegations_until_it_reaches_the_dais(
    draft, kenya, kenyan, japan, japanese, delegations, monkeypatch
):
    brazil = delegations[4]
    brazilian = DelegateFactory(delegation=brazil).user
    told = []
    monkeypatch.setattr(
        services,
        "notify",
        lambda committee, what, **kw: told.append((committee, what, kw)),
    )
    amendment = unfriendly(draft, kenya, kenyan, ("delete", "op.1"))
    services.amendment_invite(amendment=amendment, delegation=kenya, actor=kenyan, invitee=japan)
    services.amendment_answer(amendment=amendment, delegation=japan, actor=japanese, accept=True)
    services.amendment_invite(amendment=amendment, delegation=kenya, actor=kenyan, invitee=brazil)
    services.amendment_answer(amendment=amendment, delegation=brazil, actor=brazilian, accept=False)
    services.amendment_submit(amendment=amendment, delegation=kenya, actor=kenyan)
    heard = {"draft": draft.pk, "amendment": amendment.pk}
    assert told == [
        (draft.committee, "amendments", {**heard, "only_delegations": audience})
        for audience in [
            [kenya.pk],  # created
            [kenya.pk],  # its text written
            [kenya.pk, japan.pk],  # Japan asked
            [kenya.pk, japan.pk],  # Japan signed
            [kenya.pk, japan.pk, brazil.pk],  # Brazil asked
            [kenya.pk, japan.pk],  # Brazil declined: it hears no more
            None,  # at the dais: the whole committee
        ]
    ]


def test_asking_for_consents_is_on_record_and_a_sole_sponsor_goes_to_the_dais_at_once(
    committee, delegations, chair, director, delegate
):
    """DR 1/1 sponsored by Mexico alone (signed by Kenya): Mexico's friendly amendment needs no
    other consent, so asking for consents sends it to the dais in the same step."""
    from resolutions import services as paper_services
    from resolutions.text import parse

    from .amendment_helpers import TEXT
    from .factories import open_floor

    mexico, kenya = delegations[0], delegations[2]
    open_floor(committee, chair)
    paper = paper_services.paper_create(
        committee=committee, delegation=mexico, actor=delegate, resolution=parse(TEXT).resolution
    )
    kenyan = DelegateFactory(delegation=kenya).user
    paper_services.supporter_invite(
        paper=paper, delegation=mexico, actor=delegate, invitee=kenya, role="signatory"
    )
    paper_services.supporter_answer(paper=paper, delegation=kenya, actor=kenyan, accept=True)
    paper_services.paper_submit(paper=paper, delegation=mexico, actor=delegate)
    draft = paper_services.paper_approve(paper=paper, actor=director)
    amendment = services.amendment_create(
        target=draft, delegation=mexico, actor=delegate, kind="friendly"
    )
    write(amendment, mexico, delegate, ("delete", "op.3"))
    amendment = services.amendment_request_consents(
        amendment=amendment, delegation=mexico, actor=delegate
    )
    assert amendment.status == S.AWAITING_DAIS
    named = {"amendment": "Amendment 1 to DR 1/1", "draft": "DR 1/1"}
    assert entry("amendment.consents_requested") == (
        delegate,
        {**named, "from": "proposed", "to": "awaiting_consents", "sponsors": 1},
    )
    assert entry("amendment.submitted") == (
        delegate,
        {**named, "from": "awaiting_consents", "to": "awaiting_dais", "consents": 1},
    )

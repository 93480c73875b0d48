"""Mutation testing of ``voting.services`` (issue 8): what the tests of
``test_voting_services.py`` and ``test_voting_amendments.py`` leave unchecked in roll calls,
their verification and announcement, divisions of the question, reorders and motions from
the floor. Delegations: Brazil, France, INTERPOL (observer), Japan, Kenya, Mexico; drafts
are voting_helpers.TEXT (four operative clauses), sponsored by Mexico, signed by France."""

import datetime as dt

import pytest
from django.utils import timezone

from resolutions import amendment_services as amendments
from sessions import clock
from sessions import floor as floor_services
from sessions import services as session_services
from sessions.errors import DomainError
from sessions.models import AuditEntry, DaisRole, FloorMotion
from voting import services
from voting.models import Item, Resolution, Vote

from .amendment_helpers import signed_and_submitted, unfriendly
from .conftest import state
from .factories import DaisRoleFactory, DelegateFactory, DelegationFactory, UserFactory
from .voting_helpers import TEXT, agenda_and_roll_call, approve_draft, close_debate

pytestmark = pytest.mark.django_db


@pytest.fixture
def floor(committee, delegations, chair):
    # Japan answered "present" (so it may abstain); everyone else present and voting.
    return agenda_and_roll_call(committee, chair, statuses={"Japan": "present"})


@pytest.fixture
def procedure(floor, committee, names, chair, delegate, director):
    """DR 1/1, DR 1/2 and DR 1/3 in voting procedure."""
    drafts_on_the_open_topic(committee, names, delegate, director, 3)
    return close_debate(committee, chair)[1]


def refused(call):
    with pytest.raises(DomainError) as error:
        call()
    return str(error.value)


def drafts_on_the_open_topic(committee, names, delegate, director, count):
    return [
        approve_draft(
            committee,
            sponsor=names["Mexico"],
            signatory=names["France"],
            user=delegate,
            director=director,
        )
        for _ in range(count)
    ]


def roll_call_mark_all(committee, chair, name, statuses):
    meeting = session_services.meeting_open(committee=committee, name=name, actor=chair)
    for delegation in committee.delegations.select_related("member_state"):
        session_services.roll_call_mark(
            meeting=meeting,
            delegation=delegation,
            status=statuses.get(delegation.name, "present_voting"),
            actor=chair,
        )
    return meeting


def first_item(procedure):
    return procedure.items.order_by("position").first()


def record(vote, delegation, answer, chair, **kw):
    return services.ballot_record(
        vote=vote, delegation=delegation, answer=answer, actor=chair, **kw
    )


def roll_call_from_brazil(procedure, chair, monkeypatch):
    """The first item by roll call, called from Brazil: Brazil, France, Japan, Kenya, Mexico
    (INTERPOL, an observer, is not called on substance)."""
    monkeypatch.setattr(services._draw, "randrange", lambda n: 0)
    return services.item_vote_open(item=first_item(procedure), method="roll_call", actor=chair)


def answers(vote, names, chair, *pairs):
    for name, answer in pairs:
        record(vote, names[name], answer, chair)


def placard(procedure, chair):
    return services.item_vote_open(item=first_item(procedure), method="placard", actor=chair)


# Who may abstain: the roll call of the vote's own meeting ------------------------------------


def test_who_may_abstain_is_read_from_the_roll_call_of_the_meeting_voting(
    committee, names, chair, delegate, director, monkeypatch
):
    """DOMAIN.md: a delegation that answered "present and voting" may not abstain on a
    substantive vote *in that meeting*. On Wednesday Japan was present and voting and France
    present; on Thursday the other way round: Thursday's roll call decides."""
    agenda_and_roll_call(committee, chair, statuses={"France": "present"})
    roll_call_mark_all(committee, chair, "Thursday", {"Japan": "present"})
    drafts_on_the_open_topic(committee, names, delegate, director, 1)
    procedure = close_debate(committee, chair)[1]
    monkeypatch.setattr(services._draw, "randrange", lambda n: 1)  # France, then Japan
    vote = services.item_vote_open(item=first_item(procedure), method="roll_call", actor=chair)
    assert refused(lambda: record(vote, names["France"], "abstain", chair)) == (
        "France answered “present and voting” at the roll call, so it cannot abstain."
    )
    record(vote, names["France"], "yes", chair)
    assert record(vote, names["Japan"], "abstain", chair).answer == "abstain"


# Draft codes are the procedure's topic's --------------------------------------------------


@pytest.fixture
def second_topic(committee, names, chair, delegate, director):
    """Topic 1's only draft, DR 1/1, adopted without a vote (topic 1 closes); topic 2 taken
    up, with DR 2/1 and DR 2/2 approved on it and in voting procedure."""
    agenda_and_roll_call(committee, chair)
    drafts_on_the_open_topic(committee, names, delegate, director, 1)
    procedure = close_debate(committee, chair)[1]
    vote = services.item_vote_open(item=first_item(procedure), method="without_vote", actor=chair)
    services.vote_no_objection(vote=vote, actor=chair)
    session_services.topic_open_next(committee=committee, actor=chair)
    drafts = drafts_on_the_open_topic(committee, names, delegate, director, 2)
    assert [d.code for d in drafts] == ["DR 2/1", "DR 2/2"]
    return close_debate(committee, chair)[1]


def test_a_reorder_names_the_drafts_of_the_topic_in_voting_procedure(
    second_topic, committee, chair
):
    vote = services.motion_vote(
        committee=committee, motion="reorder", order=[2, 1], yes=5, no=0, actor=chair
    )
    assert vote.subject == "Reorder the draft resolutions: DR 2/2, DR 2/1"
    entry = AuditEntry.objects.get(action="procedure.reordered")
    assert entry.data == {"order": ["DR 2/2", "DR 2/1"]}
    assert [i.label for i in second_topic.items.order_by("position")] == [
        "DR 2/2 as a whole",
        "DR 2/1 as a whole",
    ]


def test_a_reorder_missing_a_draft_names_it_by_its_own_topic(second_topic, committee, chair):
    assert refused(
        lambda: services.motion_vote(
            committee=committee, motion="reorder", order=[2], yes=5, no=0, actor=chair
        )
    ) == ("Place every draft still to be voted on; missing: DR 2/1.")
    assert Item.objects.filter(procedure=second_topic).count() == 2


# Verifying the count ----------------------------------------------------------------------


def test_verifying_too_early_says_how_many_delegations_are_still_to_be_called(
    procedure, chair, rapporteur, names, monkeypatch
):
    vote = roll_call_from_brazil(procedure, chair, monkeypatch)
    answers(vote, names, chair, ("Brazil", "yes"), ("France", "no"))
    assert refused(lambda: services.vote_verify(vote=vote, actor=rapporteur)) == (
        "3 delegations have not been called yet."
    )
    answers(vote, names, chair, ("Japan", "abstain"))
    assert refused(lambda: services.vote_verify(vote=vote, actor=rapporteur)) == (
        "2 delegations have not been called yet."
    )
    answers(vote, names, chair, ("Kenya", "yes"))
    assert refused(lambda: services.vote_verify(vote=vote, actor=rapporteur)) == (
        "1 delegation has not been called yet."
    )


def test_verifying_with_passes_outstanding_says_how_many_must_be_called_again(
    procedure, chair, rapporteur, names, monkeypatch
):
    vote = roll_call_from_brazil(procedure, chair, monkeypatch)
    answers(
        vote,
        names,
        chair,
        ("Brazil", "pass"),
        ("France", "pass"),
        ("Japan", "pass"),
        ("Kenya", "yes"),
        ("Mexico", "yes"),
    )
    assert refused(lambda: services.vote_verify(vote=vote, actor=rapporteur)) == (
        "3 delegations passed and must be called again."
    )
    answers(vote, names, chair, ("Brazil", "no"))
    assert refused(lambda: services.vote_verify(vote=vote, actor=rapporteur)) == (
        "2 delegations passed and must be called again."
    )
    answers(vote, names, chair, ("France", "yes"))
    assert refused(lambda: services.vote_verify(vote=vote, actor=rapporteur)) == (
        "1 delegation passed and must be called again."
    )


def test_the_verified_count_is_signed_by_the_rapporteur_recorded_and_sent(
    procedure, chair, rapporteur, names, monkeypatch
):
    """DOMAIN.md: the Rapporteur verifies the count before the result is announced."""
    sent = []
    monkeypatch.setattr("voting.services.send_after_commit", lambda c, **data: sent.append(data))
    vote = roll_call_from_brazil(procedure, chair, monkeypatch)
    answers(
        vote,
        names,
        chair,
        ("Brazil", "yes"),
        ("France", "yes"),
        ("Japan", "abstain"),
        ("Kenya", "no"),
        ("Mexico", "yes"),
    )
    services.vote_verify(vote=vote, actor=rapporteur)
    vote.refresh_from_db()
    assert (vote.status, vote.verified_by, vote.sequence) == ("verified", rapporteur, 7)
    assert (sent[-1]["state"]["seq"], sent[-1]["state"]["status"]) == (7, "verified")
    entry = AuditEntry.objects.get(action="vote.verified")
    assert (entry.actor, entry.data) == (
        rapporteur,
        {"subject": "DR 1/1 as a whole", "yes": 3, "no": 1, "abstain": 1},
    )
    # Verified twice (a double click): nothing more happens.
    services.vote_verify(vote=vote, actor=chair)
    vote.refresh_from_db()
    assert (vote.verified_by, vote.sequence, len(sent)) == (rapporteur, 7, 7)
    assert AuditEntry.objects.filter(action="vote.verified").count() == 1


def test_only_a_roll_call_is_verified(procedure, chair, rapporteur):
    vote = placard(procedure, chair)
    assert refused(lambda: services.vote_verify(vote=vote, actor=rapporteur)) == (
        "This is a placard vote."
    )
    vote.refresh_from_db()
    assert (vote.status, vote.verified_by) == ("open", None)


# Announcing a roll call -------------------------------------------------------------------


def test_only_a_verified_roll_call_is_announced(procedure, chair, names, monkeypatch):
    vote = placard(procedure, chair)
    assert refused(lambda: services.vote_announce(vote=vote, actor=chair)) == (
        "This is a placard vote."
    )
    services.vote_counts(vote=vote, yes=5, no=0, actor=chair)
    vote = services.item_vote_open(
        item=services.next_item(procedure), method="roll_call", actor=chair
    )
    assert refused(lambda: services.vote_announce(vote=vote, actor=chair)) == (
        "Verify the count before announcing the result."
    )


def test_the_chair_announces_the_verified_result(procedure, chair, rapporteur, names, monkeypatch):
    vote = roll_call_from_brazil(procedure, chair, monkeypatch)
    answers(
        vote,
        names,
        chair,
        ("Brazil", "yes"),
        ("France", "no"),
        ("Japan", "yes"),
        ("Kenya", "no"),
        ("Mexico", "yes"),
    )
    services.vote_verify(vote=vote, actor=rapporteur)
    services.vote_announce(vote=vote, actor=chair)
    entry = AuditEntry.objects.get(action="vote.announced", target_id=str(vote.pk))
    assert (entry.actor, entry.data["result"], entry.data["outcome"]) == (
        chair,
        "3 in favor, 2 against, 0 abstentions",
        "adopted",
    )
    assert AuditEntry.objects.get(action="resolution.adopted").actor == chair


def test_a_permanent_members_no_counts_only_in_its_own_vote(
    procedure, committee, chair, names, monkeypatch
):
    """DOMAIN.md, the Security Council: on substance a "no" from a permanent member (France
    here) defeats the draft. France's "no" to DR 1/1 is not counted again on DR 1/2, where
    only Kenya, not a permanent member, votes against."""
    committee.body_kind = "security_council"
    committee.save()
    monkeypatch.setattr(services._draw, "randrange", lambda n: 0)
    for against in ["France", "Kenya"]:
        vote = services.item_vote_open(
            item=services.next_item(procedure), method="roll_call", actor=chair
        )
        for name in ["Brazil", "France", "Japan", "Kenya", "Mexico"]:
            record(vote, names[name], "no" if name == against else "yes", chair)
        services.vote_verify(vote=vote, actor=chair)
        services.vote_announce(vote=vote, actor=chair)
    first, second = Vote.objects.filter(motion="item").order_by("pk")
    assert (first.no, first.permanent_no) == (1, 1)
    assert (second.no, second.permanent_no) == (1, 0)


# A delegation of the vote's committee -------------------------------------------------------


def test_a_delegation_of_another_committee_is_not_found_for_a_vote(
    procedure, chair, names, other_committee
):
    vote = placard(procedure, chair)
    elsewhere = DelegationFactory(committee=other_committee, member_state=state("DEU"))
    assert refused(lambda: services.delegation_for(vote, elsewhere.pk)) == (
        "No such delegation in this committee."
    )
    assert services.delegation_for(vote, names["Kenya"].pk) == names["Kenya"]


# Reorder and division: only in this committee's voting procedure -------------------------


def other_committee_in_voting_procedure(other_committee, other_dais):
    """GA3 (five Member States of its own) in voting procedure on its DR 1/1."""
    made = {
        code: DelegationFactory(committee=other_committee, member_state=state(code))
        for code in ["DEU", "ITA", "IND", "CHN", "ARG"]
    }
    director = DaisRoleFactory(
        committee=other_committee, role=DaisRole.Role.DIRECTOR, user=UserFactory()
    ).user
    agenda_and_roll_call(other_committee, other_dais)
    approve_draft(
        other_committee,
        sponsor=made["DEU"],
        signatory=made["ITA"],
        user=DelegateFactory(delegation=made["DEU"]).user,
        director=director,
    )
    return close_debate(other_committee, other_dais)[1]


NO_PROCEDURE = "No topic is in voting procedure: close debate first."


def test_a_reorder_needs_this_committees_topic_in_voting_procedure(
    floor, committee, names, chair, delegate, director, other_committee, other_dais
):
    assert other_committee_in_voting_procedure(other_committee, other_dais) is not None
    drafts_on_the_open_topic(committee, names, delegate, director, 2)
    assert refused(
        lambda: services.motion_vote(
            committee=committee, motion="reorder", order=[2, 1], yes=5, no=0, actor=chair
        )
    ) == (NO_PROCEDURE)


def test_a_division_needs_a_voting_procedure_still_open(
    floor, committee, names, chair, delegate, director
):
    drafts_on_the_open_topic(committee, names, delegate, director, 1)
    procedure = close_debate(committee, chair)[1]
    vote = services.item_vote_open(item=first_item(procedure), method="without_vote", actor=chair)
    services.vote_no_objection(vote=vote, actor=chair)
    procedure.refresh_from_db()
    assert procedure.status == "finished"
    assert refused(lambda: division(committee, chair, 1, [[1]])) == NO_PROCEDURE
    assert refused(
        lambda: services.motion_vote(
            committee=committee, motion="reorder", order=[1], yes=5, no=0, actor=chair
        )
    ) == (NO_PROCEDURE)


# Division of the question: what is refused ---------------------------------------------------


def division(committee, chair, draft, parts):
    return services.motion_vote(
        committee=committee, motion="division", draft=draft, parts=parts, yes=5, no=0, actor=chair
    )


def test_a_division_is_recorded_and_every_screen_following_the_procedure_told(
    procedure, committee, chair, monkeypatch
):
    told = []
    monkeypatch.setattr(
        services, "notify", lambda committee, what, **kw: told.append((committee, what, kw))
    )
    division(committee, chair, 2, [[3], [1, 2]])
    entry = AuditEntry.objects.get(action="procedure.divided")
    assert (entry.actor, entry.committee, entry.target_id) == (chair, committee, str(procedure.pk))
    assert entry.data == {"draft": "DR 1/2", "parts": [[3], [1, 2]]}
    assert told == [(committee, "procedure", {"procedure": procedure.pk})]


def test_a_division_names_a_draft_in_voting_procedure(procedure, committee, chair):
    assert refused(lambda: division(committee, chair, 7, [[1]])) == (
        "There is no draft 7 in this voting procedure."
    )


def test_a_draft_already_voted_on_cannot_be_divided(procedure, committee, chair):
    vote = services.item_vote_open(item=first_item(procedure), method="without_vote", actor=chair)
    services.vote_no_objection(vote=vote, actor=chair)
    assert refused(lambda: division(committee, chair, 1, [[1]])) == (
        "DR 1/1 has already been voted on."
    )


def test_a_division_names_some_operative_clauses(procedure, committee, chair):
    assert refused(lambda: division(committee, chair, 1, [])) == (
        "Name the operative clauses to vote on separately, e.g. “3; 5, 6”."
    )


@pytest.mark.parametrize("parts", [[[2], [2]], [[1, 2], [3, 2]], [[4, 4]]])
def test_a_division_names_each_operative_clause_once(procedure, committee, chair, parts):
    assert refused(lambda: division(committee, chair, 1, parts)) == (
        "Operative clause " + str(parts[-1][-1]) + " is named twice."
    )
    assert not Vote.objects.filter(motion="division").exists()


def test_a_division_waits_for_the_amendments_to_its_own_draft_only(
    floor, committee, names, chair, delegate, director
):
    """DOMAIN.md: a draft's unfriendly amendments are voted on first; a division names the
    clauses of the text as amended. Japan's amendment to DR 1/1 holds back a division of
    DR 1/1, not of DR 1/2."""
    first, _ = drafts_on_the_open_topic(committee, names, delegate, director, 2)
    japanese = DelegateFactory(delegation=names["Japan"]).user
    kenyan = DelegateFactory(delegation=names["Kenya"]).user
    amendment = unfriendly(first, names["Japan"], japanese, ("delete", "op.4"))
    signed_and_submitted(amendment, names["Japan"], japanese, names["Kenya"], kenyan)
    amendments.amendment_approve(amendment=amendment, actor=director)
    close_debate(committee, chair)
    assert refused(lambda: division(committee, chair, 1, [[1]])) == (
        "Vote on the amendments to DR 1/1 first: a division names the operative clauses of the "
        "text as amended."
    )
    assert division(committee, chair, 2, [[1]]).adopted


# Counts by placard ------------------------------------------------------------------------


def test_counts_are_entered_only_for_a_placard_vote(procedure, chair):
    vote = services.item_vote_open(item=first_item(procedure), method="roll_call", actor=chair)
    assert refused(lambda: services.vote_counts(vote=vote, yes=5, no=0, actor=chair)) == (
        "This is a roll-call vote."
    )
    vote.refresh_from_db()
    assert (vote.status, vote.yes) == ("open", 0)


def test_the_chair_announces_a_placard_vote_as_soon_as_the_counts_are_in(procedure, chair):
    vote = placard(procedure, chair)
    services.vote_counts(vote=vote, yes=3, no=1, abstain=1, actor=chair)
    entry = AuditEntry.objects.get(action="vote.announced", target_id=str(vote.pk))
    assert (entry.actor, entry.data["result"]) == (chair, "3 in favor, 1 against, 1 abstention")
    assert AuditEntry.objects.get(action="resolution.adopted").actor == chair


# An adopted amendment: which others lapse ---------------------------------------------------


def test_an_adopted_amendment_lapses_only_those_it_sent_back_for_revision(
    floor, committee, names, chair, delegate, director
):
    """DOMAIN.md: an adopted amendment changes the text then voted on. Japan's and Brazil's
    both rewrite clause 3: once Japan's is adopted, Brazil's no longer applies and is not put
    to the vote; Kenya's, on clause 4, still is."""
    (draft,) = drafts_on_the_open_topic(committee, names, delegate, director, 1)
    users = {n: DelegateFactory(delegation=names[n]).user for n in ["Japan", "Kenya", "Brazil"]}
    for proposer, signer, step in [
        ("Japan", "Kenya", ("set", "op.3", "Invites the Secretariat to act")),
        ("Brazil", "Kenya", ("set", "op.3", "Invites the Secretariat later")),
        ("Kenya", "Japan", ("delete", "op.4")),
    ]:
        amendment = unfriendly(draft, names[proposer], users[proposer], step)
        signed_and_submitted(
            amendment, names[proposer], users[proposer], names[signer], users[signer]
        )
        amendments.amendment_approve(amendment=amendment, actor=director)
    procedure = close_debate(committee, chair)[1]
    japans, brazils, kenyas, whole = procedure.items.order_by("position")
    vote = services.item_vote_open(item=japans, method="placard", actor=chair)
    services.vote_counts(vote=vote, yes=5, no=0, actor=chair)
    statuses = [i.status for i in procedure.items.order_by("position")]
    assert statuses == ["adopted", "lapsed", "pending", "pending"]
    assert services.next_item(procedure) == kenyas
    entry = AuditEntry.objects.get(action="procedure.lapsed")
    assert (entry.actor, entry.committee, entry.target_id) == (chair, committee, str(procedure.pk))
    assert entry.data == {
        "amendments": ["Amendment 2 to DR 1/1"],
        "after": "Amendment 1 to DR 1/1",
    }


# What an adopted draft becomes ------------------------------------------------------------


def test_a_resolution_keeps_its_drafts_heading_and_preamble_and_loses_only_its_own_failed_parts(
    floor, committee, names, chair, delegate, director
):
    """DOMAIN.md: if a division passed, each separated part is voted on, then the (remaining)
    draft as a whole. DR 1/1's clause 4, voted separately, fails: CCPCJ/1/1 is DR 1/1 without
    it, under its heading and preamble; DR 1/2, not divided, keeps all four clauses."""
    headed = approve_draft(
        committee,
        sponsor=names["Mexico"],
        signatory=names["France"],
        user=delegate,
        director=director,
        text="The Commission on Crime Prevention and Criminal Justice,\n\n" + TEXT,
    )
    (plain,) = drafts_on_the_open_topic(committee, names, delegate, director, 1)
    procedure = close_debate(committee, chair)[1]
    division(committee, chair, 1, [[4]])
    for yes, no in [(1, 4), (5, 0), (5, 0)]:
        vote = services.item_vote_open(
            item=services.next_item(procedure), method="placard", actor=chair
        )
        services.vote_counts(vote=vote, yes=yes, no=no, actor=chair)
    first = Resolution.objects.get(code="CCPCJ/1/1").resolution
    draft = headed.resolution
    assert first.heading == "The Commission on Crime Prevention and Criminal Justice"
    assert (first.heading, first.preamble) == (draft.heading, draft.preamble)
    assert first.operative == draft.operative[:3]
    second = Resolution.objects.get(code="CCPCJ/1/2").resolution
    assert second.operative == plain.resolution.operative and len(second.operative) == 4


def test_an_adopted_resolution_is_stamped_and_recorded(procedure, committee, chair):
    moment = timezone.now().replace(microsecond=0) + dt.timedelta(hours=1)
    vote = services.item_vote_open(item=first_item(procedure), method="without_vote", actor=chair)
    with clock.travel_to(moment):
        services.vote_no_objection(vote=vote, actor=chair)
    resolution = Resolution.objects.get()
    assert (resolution.code, resolution.number, resolution.adopted_at) == ("CCPCJ/1/1", 1, moment)
    entry = AuditEntry.objects.get(action="resolution.adopted")
    assert (entry.actor, entry.committee, entry.target_id) == (chair, committee, str(resolution.pk))
    assert entry.data == {
        "draft": "DR 1/1",
        "code": "CCPCJ/1/1",
        "result": "Adopted without a vote",
    }


def test_the_last_decision_finishes_voting_procedure_and_closes_the_topic(
    floor, committee, names, chair, delegate, director, monkeypatch
):
    """DOMAIN.md: the next topic is taken up only after the first is closed (voting
    procedure finished). Every screen following the procedure is told."""
    drafts_on_the_open_topic(committee, names, delegate, director, 1)
    procedure = close_debate(committee, chair)[1]
    told = []
    monkeypatch.setattr(
        services, "notify", lambda committee, what, **kw: told.append((committee, what, kw))
    )
    moment = timezone.now().replace(microsecond=0) + dt.timedelta(hours=2)
    vote = services.item_vote_open(item=first_item(procedure), method="without_vote", actor=chair)
    with clock.travel_to(moment):
        services.vote_no_objection(vote=vote, actor=chair)
    procedure.refresh_from_db()
    assert (procedure.status, procedure.finished_at) == ("finished", moment)
    entry = AuditEntry.objects.get(action="procedure.finished")
    assert (entry.actor, entry.committee, entry.target_id) == (chair, committee, str(procedure.pk))
    assert entry.data == {"topic": 1}
    closed = AuditEntry.objects.get(action="topic.closed")
    assert (closed.actor, closed.data["number"], closed.data["reason"]) == (
        chair,
        1,
        "voting procedure finished",
    )
    assert told == [(committee, "procedure", {"procedure": procedure.pk})]


# Recording an answer ----------------------------------------------------------------------


def test_answers_are_recorded_only_in_a_roll_call(procedure, chair, names):
    vote = placard(procedure, chair)
    assert refused(lambda: record(vote, names["Kenya"], "yes", chair)) == (
        "This is a placard vote."
    )
    assert not vote.ballots.exists()


def test_each_refusal_to_record_an_answer_says_why(
    rights_allowed, procedure, chair, rapporteur, names, monkeypatch
):
    vote = roll_call_from_brazil(procedure, chair, monkeypatch)
    assert refused(lambda: record(vote, names["Brazil"], "maybe", chair)) == (
        "Answer yes, no, abstain or pass."
    )
    assert refused(lambda: record(vote, names["Brazil"], "pass", chair, with_rights=True)) == (
        "Only “yes” or “no” can be given with rights, where the committee allows it."
    )
    record(vote, names["Brazil"], "pass", chair)
    assert refused(lambda: record(vote, names["Brazil"], "yes", chair)) == (
        "Brazil passed: it is called again once every delegation has been called."
    )
    record(vote, names["France"], "yes", chair)
    assert refused(lambda: record(vote, names["France"], "no", chair)) == (
        "France already answered “Yes”. Undo the last entry to correct it."
    )
    answers(vote, names, chair, ("Japan", "yes"), ("Kenya", "yes"), ("Mexico", "no"))
    answers(vote, names, chair, ("Brazil", "no"))
    services.vote_verify(vote=vote, actor=rapporteur)
    assert refused(lambda: record(vote, names["Kenya"], "no", chair)) == (
        "The count has been verified; undo the last entry to change it."
    )
    assert vote.ballots.count() == 5


@pytest.fixture
def rights_allowed(committee, secretariat):
    """A committee whose rules, set before its session, allow votes with rights."""
    committee.roll_call_with_rights = True
    session_services.committee_save(
        committee=committee, changes=["roll_call_with_rights"], actor=secretariat
    )


def test_who_is_not_called_is_told_why(committee, names, chair, delegate, director):
    """Brazil is absent from the roll call: it is called in no vote. INTERPOL, an observer,
    is called on procedure, not on substance."""
    agenda_and_roll_call(committee, chair, statuses={"Brazil": "absent"})
    drafts_on_the_open_topic(committee, names, delegate, director, 1)
    procedure = close_debate(committee, chair)[1]
    vote = services.item_vote_open(item=first_item(procedure), method="roll_call", actor=chair)
    assert refused(lambda: record(vote, names["Brazil"], "yes", chair)) == (
        "Brazil is not called in this vote: it was not present at the roll call."
    )
    assert refused(lambda: record(vote, names["INTERPOL"], "yes", chair)) == (
        "INTERPOL is not called in this vote: observers do not vote on substance."
    )


def test_a_second_roll_call_records_each_answer_on_its_own_vote(
    procedure, chair, names, monkeypatch
):
    """Two roll calls in a row (DR 1/1, then DR 1/2): a click given twice, and a pass called
    again, find the delegation's answer in the vote being taken, not in the one before."""
    monkeypatch.setattr(services._draw, "randrange", lambda n: 0)
    first = services.item_vote_open(item=first_item(procedure), method="roll_call", actor=chair)
    everyone = ["Brazil", "France", "Japan", "Kenya", "Mexico"]
    answers(first, names, chair, *[(name, "yes") for name in everyone])
    services.vote_verify(vote=first, actor=chair)
    services.vote_announce(vote=first, actor=chair)
    second = services.item_vote_open(
        item=services.next_item(procedure), method="roll_call", actor=chair
    )
    answers(second, names, chair, ("Brazil", "no"), ("France", "yes"), ("Japan", "pass"))
    record(second, names["Kenya"], "yes", chair)
    again = record(second, names["Kenya"], "yes", chair)  # a double click
    assert (again.answer, again.vote, again.vote.yes, again.vote.sequence) == (
        "yes",
        second,
        2,
        5,
    )
    answers(second, names, chair, ("Mexico", "no"), ("Japan", "no"))
    japan = second.ballots.get(delegation=names["Japan"])
    assert (japan.answer, japan.passed) == ("no", True)
    assert first.ballots.get(delegation=names["Japan"]).answer == "yes"
    second.refresh_from_db()
    assert (second.yes, second.no, second.passed) == (2, 3, 0)


def test_nobody_abstains_in_a_procedural_roll_call(floor, committee, chair, names):
    vote = services.motion_vote(
        committee=committee, motion="other", subject="Suspend", method="roll_call", actor=chair
    )
    assert refused(lambda: record(vote, names["Japan"], "abstain", chair)) == (
        "Nobody abstains on a procedural vote."
    )


def test_each_answer_is_recorded_with_who_entered_it(
    rights_allowed, procedure, chair, names, monkeypatch
):
    vote = roll_call_from_brazil(procedure, chair, monkeypatch)
    ballot = record(vote, names["Brazil"], "pass", chair)
    assert (ballot.vote, ballot.vote.passed, ballot.recorded_by, ballot.step) == (vote, 1, chair, 2)
    answers(vote, names, chair, ("France", "yes"), ("Japan", "abstain"), ("Kenya", "no"))
    record(vote, names["Mexico"], "yes", chair, with_rights=True)
    again = record(vote, names["Brazil"], "no", chair)
    assert (again.vote, again.vote.passed, again.step, again.first_step) == (vote, 0, 7, 2)
    entries = AuditEntry.objects.filter(action="vote.ballot").order_by("pk")
    assert {e.actor for e in entries} == {chair}
    assert [e.data for e in entries] == [
        {"subject": "DR 1/1 as a whole", "delegation": name, "answer": answer, "again": again}
        for name, answer, again in [
            ("Brazil", "pass", False),
            ("France", "yes", False),
            ("Japan", "abstain", False),
            ("Kenya", "no", False),
            ("Mexico", "yes with rights", False),
            ("Brazil", "no", True),
        ]
    ]


def test_every_abstention_is_counted(committee, names, chair, delegate, director):
    agenda_and_roll_call(committee, chair, statuses={"Japan": "present", "Kenya": "present"})
    drafts_on_the_open_topic(committee, names, delegate, director, 1)
    procedure = close_debate(committee, chair)[1]
    vote = services.item_vote_open(item=first_item(procedure), method="roll_call", actor=chair)
    answers = {"Brazil": "yes", "France": "no", "Japan": "abstain", "Kenya": "abstain"}
    by_pk = {d.pk: d for d in names.values()}
    for pk in vote.call_order:  # in the order of call, from whoever was drawn
        record(vote, by_pk[pk], answers.get(by_pk[pk].name, "yes"), chair)
    vote.refresh_from_db()
    assert (vote.yes, vote.no, vote.abstain) == (2, 1, 2)
    services.vote_verify(vote=vote, actor=chair)
    vote = services.vote_announce(vote=vote, actor=chair)
    assert vote.result == "2 in favor, 1 against, 2 abstentions"


# Numbers as the chair or a delegate writes them -------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["2, 1", "2 1", "2;1", "2-1", " 2 ,1 ", "DR 1/2, DR 1/1", "dr 1/2 dr 1/1", "E/CN.15/1/2, 1"],
)
def test_a_list_of_draft_numbers_may_be_written_with_codes_or_separators(text):
    assert services.parse_numbers(text) == [2, 1]


@pytest.mark.parametrize("text", [None, "", " , ", "DR"])
def test_an_empty_list_of_numbers_asks_for_one(text):
    assert refused(lambda: services.parse_numbers(text)) == (
        "Enter the numbers, for example “2, 1”."
    )
    assert refused(lambda: services.parse_numbers(text, what="draft numbers")) == (
        "Enter the draft numbers, for example “2, 1”."
    )


def test_a_list_of_numbers_with_a_word_in_it_is_refused():
    assert refused(lambda: services.parse_numbers("2, one")) == (
        "“2, one” is not a list of numbers; write it like “2, 1”."
    )


@pytest.mark.parametrize(
    "text,parts",
    [("3; 5, 6", [[3], [5, 6]]), ("3 ; 1 2", [[3], [1, 2]]), ("1, 2;; 4;", [[1, 2], [4]])],
)
def test_the_parts_of_a_division_are_separated_by_semicolons(text, parts):
    assert services.parse_parts(text) == parts


@pytest.mark.parametrize("text", [None, "", " ; ;"])
def test_a_division_with_no_part_asks_for_the_clauses(text):
    assert refused(lambda: services.parse_parts(text)) == (
        "Name the operative clauses to vote on separately, e.g. “3; 5, 6”."
    )


def test_a_part_of_a_division_that_is_not_numbers_is_refused_as_clause_numbers():
    assert refused(lambda: services.parse_parts("3; five")) == (
        "“ five” is not a list of operative clause numbers; write it like “2, 1”."
    )
    assert refused(lambda: services.parse_parts("3; DR")) == (
        "Enter the operative clause numbers, for example “2, 1”."
    )


# Motions from the floor -----------------------------------------------------------------------


def floor_motion(committee, chair, names, kind, **kw):
    return floor_services.motion_raise(
        committee=committee, kind=kind, delegation=names["Brazil"], actor=chair, **kw
    )


def decided(motion, vote):
    """The motion as the floor recorded it, and the floor's audit entry of its vote."""
    motion.refresh_from_db()
    entry = AuditEntry.objects.get(action="motion.decided", target_id=str(motion.pk))
    assert motion.vote_id == vote.pk
    return (motion.status, motion.result), (entry.actor, entry.data["outcome"])


def test_closure_moved_from_the_floor_is_voted_on_and_opens_voting_procedure(
    floor, committee, names, chair, delegate, director
):
    drafts_on_the_open_topic(committee, names, delegate, director, 2)
    motion = floor_motion(committee, chair, names, "closure")
    vote = services.floor_motion_vote(motion=motion, yes=5, no=1, actor=chair)
    assert (vote.motion, vote.subject, vote.yes, vote.no) == (
        "closure",
        "Closure of debate on topic 1",
        5,
        1,
    )
    assert (vote.adopted, vote.opened_by) == (True, chair)
    assert decided(motion, vote) == (("adopted", "5 in favor, 1 against"), (chair, "adopted"))
    procedure = committee.procedures.get(status="open")
    assert [i.label for i in procedure.items.order_by("position")] == [
        "DR 1/1 as a whole",
        "DR 1/2 as a whole",
    ]


def test_reorder_moved_from_the_floor_reorders_the_drafts(procedure, committee, names, chair):
    motion = floor_motion(committee, chair, names, "reorder", order="3, 1, 2")
    vote = services.floor_motion_vote(motion=motion, yes=4, no=2, actor=chair)
    assert (vote.motion, vote.details, vote.adopted) == ("reorder", {"order": [3, 1, 2]}, True)
    assert decided(motion, vote) == (("adopted", "4 in favor, 2 against"), (chair, "adopted"))
    assert [i.draft.code for i in procedure.items.order_by("position")] == [
        "DR 1/3",
        "DR 1/1",
        "DR 1/2",
    ]


def test_division_moved_from_the_floor_divides_the_question(procedure, committee, names, chair):
    motion = floor_motion(committee, chair, names, "division", draft=2, parts="3; 1, 2")
    vote = services.floor_motion_vote(motion=motion, yes=6, no=0, actor=chair)
    assert (vote.motion, vote.details) == ("division", {"draft": 2, "parts": [[3], [1, 2]]})
    assert vote.subject == (
        "Division of the question on DR 1/2: operative clauses 3; 1, 2 voted separately"
    )
    assert decided(motion, vote) == (("adopted", "6 in favor, 0 against"), (chair, "adopted"))
    assert [i.label for i in procedure.items.order_by("position")] == [
        "DR 1/1 as a whole",
        "DR 1/2, operative clause 3",
        "DR 1/2, operative clauses 1, 2",
        "DR 1/2 as a whole",
        "DR 1/3 as a whole",
    ]


def test_another_motion_from_the_floor_is_voted_on_with_its_own_wording(
    floor, committee, names, chair
):
    motion = floor_motion(committee, chair, names, "suspend", minutes=5)
    vote = services.floor_motion_vote(motion=motion, yes=2, no=4, actor=chair)
    assert (vote.motion, vote.subject, vote.adopted) == (
        "other",
        "Suspend the meeting for 5 minutes",
        False,
    )
    assert decided(motion, vote) == (("failed", "2 in favor, 4 against"), (chair, "failed"))
    assert FloorMotion.objects.get().status == "failed"


# Counts by placard: each refusal's words -------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "name"),
    [
        ({"yes": -1, "no": 1}, "in favor"),
        ({"yes": 1, "no": -1}, "against"),
        ({"yes": 1, "no": 1, "abstain": -1}, "abstaining"),
        ({"yes": 1.5, "no": 1}, "in favor"),
    ],
)
def test_each_count_must_be_a_whole_number_and_says_which(procedure, chair, counts, name):
    vote = placard(procedure, chair)
    assert refused(lambda: services.vote_counts(vote=vote, actor=chair, **counts)) == (
        f"Enter the number {name} as a whole number, 0 or more."
    )


def test_more_votes_than_delegations_entitled_on_substance_are_refused(procedure, chair):
    """Five delegations vote on substance (INTERPOL, an observer, does not): 3 + 2 + 1 is six."""
    vote = placard(procedure, chair)
    assert (
        refused(lambda: services.vote_counts(vote=vote, yes=3, no=2, abstain=1, actor=chair))
        == "6 votes, but only 5 delegations present at the roll call may vote on substance."
    )


def test_more_votes_than_delegations_present_on_procedure_are_refused(floor, committee, chair):
    """On procedure everyone present votes, the observer too: six delegations, not seven."""
    assert (
        refused(
            lambda: services.motion_vote(
                committee=committee, motion="other", subject="Suspend", yes=6, no=1, actor=chair
            )
        )
        == "7 votes, but only 6 delegations present at the roll call may vote."
    )


def test_every_delegation_entitled_may_be_counted(procedure, chair):
    """Five entitled on substance, one of them (Japan) present: 2 + 2 + 1 fills every seat."""
    vote = services.vote_counts(vote=placard(procedure, chair), yes=2, no=2, abstain=1, actor=chair)
    assert (vote.yes, vote.no, vote.abstain, vote.status) == (2, 2, 1, "announced")


def test_more_abstentions_than_delegations_present_are_refused_with_the_reason(procedure, chair):
    vote = placard(procedure, chair)
    assert refused(
        lambda: services.vote_counts(vote=vote, yes=1, no=1, abstain=2, actor=chair)
    ) == (
        "2 abstentions, but only 1 delegations answered “present” at the roll call; those "
        "present and voting cannot abstain."
    )


def test_permanent_members_are_the_security_councils_only(procedure, chair):
    vote = placard(procedure, chair)
    assert (
        refused(lambda: services.vote_counts(vote=vote, yes=3, no=1, permanent_no=1, actor=chair))
        == "Only the Security Council has permanent members."
    )


def test_a_security_council_placard_vote_counts_no_more_permanent_noes_than_noes(
    procedure, committee, chair
):
    """DOMAIN.md: a permanent member's "no" defeats a draft on substance; it is one of the
    votes against, so there are never more of them than votes against."""
    committee.body_kind = "security_council"
    committee.save()
    vote = placard(procedure, chair)
    assert (
        refused(lambda: services.vote_counts(vote=vote, yes=3, no=1, permanent_no=2, actor=chair))
        == "More permanent members against than votes against."
    )
    vote = services.vote_counts(vote=vote, yes=3, no=1, permanent_no=1, actor=chair)
    assert (vote.no, vote.permanent_no, vote.adopted) == (1, 1, False)


# What each decision records -----------------------------------------------------------------


def test_the_chairs_decisions_on_amendments_are_recorded_as_the_chairs(
    floor, committee, names, chair, delegate, director
):
    """Japan's amendment (clause 3) adopted, Kenya's (deleting clause 4) voted down: each
    amendment's own record says who decided it."""
    (draft,) = drafts_on_the_open_topic(committee, names, delegate, director, 1)
    users = {n: DelegateFactory(delegation=names[n]).user for n in ["Japan", "Kenya"]}
    made = []
    for proposer, signer, step in [
        ("Japan", "Kenya", ("set", "op.3", "Invites the Secretariat to act")),
        ("Kenya", "Japan", ("delete", "op.4")),
    ]:
        amendment = unfriendly(draft, names[proposer], users[proposer], step)
        signed_and_submitted(
            amendment, names[proposer], users[proposer], names[signer], users[signer]
        )
        amendments.amendment_approve(amendment=amendment, actor=director)
        made.append(amendment)
    procedure = close_debate(committee, chair)[1]
    for yes, no in [(4, 1), (1, 4)]:
        vote = services.item_vote_open(
            item=services.next_item(procedure), method="placard", actor=chair
        )
        services.vote_counts(vote=vote, yes=yes, no=no, actor=chair)
    adopted = AuditEntry.objects.get(action="amendment.adopted")
    failed = AuditEntry.objects.get(action="amendment.failed")
    assert (adopted.actor, adopted.target_id) == (chair, str(made[0].pk))
    assert (failed.actor, failed.target_id) == (chair, str(made[1].pk))


def test_a_draft_failed_because_every_part_was_voted_down_is_recorded(procedure, committee, chair):
    """DOMAIN.md: if every operative part is voted down the draft fails; the record says which
    draft and why, as the chair's decision."""
    services.motion_vote(
        committee=committee,
        motion="division",
        draft=1,
        parts=[[1, 2], [3, 4]],
        yes=5,
        no=0,
        actor=chair,
    )
    for _ in range(2):
        vote = services.item_vote_open(
            item=services.next_item(procedure), method="placard", actor=chair
        )
        services.vote_counts(vote=vote, yes=1, no=4, actor=chair)
    draft = procedure.items.get(kind="draft", draft__number=1).draft
    entry = AuditEntry.objects.get(action="draft.failed")
    assert (entry.actor, entry.committee, entry.target_id) == (chair, committee, str(draft.pk))
    assert entry.data == {"code": "DR 1/1", "reason": "Every operative part was voted down"}


def test_a_failed_vote_is_announced_at_its_moment_and_recorded_as_failed(procedure, chair):
    """A general body: 1 in favor to 4 against is no majority of those present and voting."""
    vote = placard(procedure, chair)
    moment = timezone.now().replace(microsecond=0) + dt.timedelta(hours=3)
    with clock.travel_to(moment):
        services.vote_counts(vote=vote, yes=1, no=4, actor=chair)
    vote.refresh_from_db()
    assert (vote.status, vote.adopted, vote.announced_at) == ("announced", False, moment)
    entry = AuditEntry.objects.get(action="vote.announced", target_id=str(vote.pk))
    assert entry.actor == chair
    assert {k: entry.data[k] for k in ("adopted", "result", "outcome")} == {
        "adopted": False,
        "result": "1 in favor, 4 against, 0 abstentions",
        "outcome": "failed",
    }


def test_an_agenda_adopted_by_vote_is_recorded_as_the_chairs(committee, delegations, chair):
    for title in ["Crime", "Trafficking"]:
        session_services.topic_propose(committee=committee, title=title, actor=chair)
    roll_call_mark_all(committee, chair, "Sunday", {})
    services.motion_vote(
        committee=committee, motion="agenda", order=[2, 1], yes=6, actor=chair, no=0
    )
    entry = AuditEntry.objects.get(action="agenda.adopted")
    assert entry.actor == chair
    assert committee.topics.get(status="open").title == "Trafficking"


# Putting an item to the vote -----------------------------------------------------------------


def test_no_item_is_put_to_the_vote_once_voting_procedure_is_finished(
    floor, committee, names, chair, delegate, director
):
    drafts_on_the_open_topic(committee, names, delegate, director, 1)
    procedure = close_debate(committee, chair)[1]
    item = first_item(procedure)
    vote = services.item_vote_open(item=item, method="without_vote", actor=chair)
    services.vote_no_objection(vote=vote, actor=chair)
    assert (
        refused(lambda: services.item_vote_open(item=item, method="placard", actor=chair))
        == "Voting procedure on this topic is finished."
    )


def test_an_item_already_decided_is_not_put_to_the_vote_again(procedure, chair):
    item = first_item(procedure)
    vote = services.item_vote_open(item=item, method="without_vote", actor=chair)
    services.vote_no_objection(vote=vote, actor=chair)
    assert (
        refused(lambda: services.item_vote_open(item=item, method="placard", actor=chair))
        == "DR 1/1 as a whole is adopted."
    )


def test_an_item_is_put_to_the_vote_only_in_a_way_of_voting_the_rules_know(procedure, chair):
    item = first_item(procedure)
    assert (
        refused(lambda: services.item_vote_open(item=item, method="show_of_hands", actor=chair))
        == "Choose how to vote: without a vote, by placard or by roll call."
    )
    item.refresh_from_db()
    assert item.status == Item.Status.PENDING


def test_the_chair_who_puts_an_item_to_the_vote_is_recorded(procedure, committee, chair):
    vote = placard(procedure, chair)
    vote.refresh_from_db()
    assert (vote.opened_by, vote.kind, vote.motion, vote.subject) == (
        chair,
        "substantive",
        "item",
        "DR 1/1 as a whole",
    )
    entry = AuditEntry.objects.get(action="vote.opened", target_id=str(vote.pk))
    assert (entry.actor, entry.committee) == (chair, committee)
    assert first_item(procedure).status == Item.Status.VOTING


# Opening voting procedure ------------------------------------------------------------------


def test_voting_procedure_opens_only_on_the_open_topic_with_drafts_and_only_once(
    floor, committee, names, chair, delegate, director
):
    """Topic 1 is open (topic 2 waits for it); voting procedure needs a draft on it, and a
    topic goes into voting procedure once."""
    one, two = committee.topics.order_by("agenda_position")
    assert refused(lambda: services.procedure_open(topic=two, actor=chair)) == (
        "Topic 2 is not open."
    )
    assert refused(lambda: services.procedure_open(topic=one, actor=chair)) == (
        "Topic 1 has no draft resolution to vote on."
    )
    drafts_on_the_open_topic(committee, names, delegate, director, 1)
    services.procedure_open(topic=one, actor=chair)
    assert refused(lambda: services.procedure_open(topic=one, actor=chair)) == (
        "Topic 1 is already in voting procedure."
    )
    assert committee.procedures.count() == 1


def test_voting_procedure_is_recorded_and_every_screen_following_it_told(
    floor, committee, names, chair, delegate, director, monkeypatch
):
    """The drafts are voted on in the order of their codes, from the first place on."""
    drafts_on_the_open_topic(committee, names, delegate, director, 2)
    told = []
    monkeypatch.setattr(
        services, "notify", lambda committee, what, **kw: told.append((committee, what, kw))
    )
    procedure = close_debate(committee, chair)[1]
    assert [(i.position, i.label) for i in procedure.items.order_by("position")] == [
        (1, "DR 1/1 as a whole"),
        (2, "DR 1/2 as a whole"),
    ]
    entry = AuditEntry.objects.get(action="procedure.opened")
    assert (entry.actor, entry.committee, entry.target_id) == (chair, committee, str(procedure.pk))
    assert entry.data == {"topic": 1, "drafts": ["DR 1/1", "DR 1/2"], "amendments": []}
    assert told == [(committee, "procedure", {"procedure": procedure.pk})]


# Opening a vote ------------------------------------------------------------------------------


def test_a_vote_needs_a_simple_or_a_two_thirds_majority(procedure, chair):
    item = first_item(procedure)
    assert (
        refused(
            lambda: services.item_vote_open(
                item=item, method="placard", majority="unanimity", actor=chair
            )
        )
        == "Choose a simple or a two-thirds majority."
    )
    assert not Vote.objects.filter(motion="item").exists()


def test_an_opened_vote_records_how_it_is_taken_and_who_may_vote(procedure, chair):
    """On substance five delegations vote (INTERPOL is an observer); Japan, present, may
    abstain."""
    vote = services.item_vote_open(
        item=first_item(procedure), method="placard", majority="two_thirds", actor=chair
    )
    entry = AuditEntry.objects.get(action="vote.opened", target_id=str(vote.pk))
    assert entry.data == {
        "subject": "DR 1/1 as a whole",
        "method": "placard vote",
        "majority": "two_thirds",
        "entitled": 5,
    }
    vote.refresh_from_db()
    assert (vote.entitled, vote.may_abstain, vote.majority) == (5, 1, "two_thirds")


def test_on_procedure_nobody_may_abstain_whatever_the_roll_call(floor, committee, chair):
    """Japan answered "present", yet on a procedural vote everyone votes, nobody abstains."""
    vote = services.motion_vote(
        committee=committee,
        motion="other",
        subject="Suspend the meeting",
        method="roll_call",
        actor=chair,
    )
    vote.refresh_from_db()
    assert (vote.entitled, vote.may_abstain) == (6, 0)


# Procedural motions: what is refused -----------------------------------------------------------


def test_a_procedural_vote_is_taken_by_placard_or_by_roll_call(floor, committee, chair):
    assert (
        refused(
            lambda: services.motion_vote(
                committee=committee,
                motion="other",
                subject="Suspend",
                method="without_vote",
                actor=chair,
            )
        )
        == "A procedural vote is taken by placard or by roll call."
    )
    assert not Vote.objects.exists()


def test_the_agenda_is_adopted_once_and_needs_an_order(committee, delegations, chair):
    for title in ["Crime", "Trafficking"]:
        session_services.topic_propose(committee=committee, title=title, actor=chair)
    roll_call_mark_all(committee, chair, "Sunday", {})
    assert (
        refused(
            lambda: services.motion_vote(
                committee=committee, motion="agenda", order=[], yes=6, no=0, actor=chair
            )
        )
        == "Enter the proposed order, for example “1, 2”."
    )
    services.motion_vote(
        committee=committee, motion="agenda", order=[1, 2], yes=6, no=0, actor=chair
    )
    assert (
        refused(
            lambda: services.motion_vote(
                committee=committee, motion="agenda", order=[2, 1], yes=6, no=0, actor=chair
            )
        )
        == "The agenda has already been adopted."
    )


def test_closure_needs_an_open_topic(committee, delegations, chair):
    """Before the agenda is adopted no topic is open: there is no debate to close."""
    roll_call_mark_all(committee, chair, "Sunday", {})
    assert (
        refused(
            lambda: services.motion_vote(
                committee=committee, motion="closure", yes=6, no=0, actor=chair
            )
        )
        == "No topic is open, so there is no debate to close."
    )


def test_closure_is_refused_on_a_topic_already_in_voting_procedure(procedure, committee, chair):
    before = Vote.objects.count()
    assert (
        refused(
            lambda: services.motion_vote(
                committee=committee, motion="closure", yes=6, no=0, actor=chair
            )
        )
        == "Topic 1 is already in voting procedure."
    )
    assert Vote.objects.count() == before


def test_closure_without_drafts_says_which_topic_has_none(floor, committee, chair):
    assert (
        refused(
            lambda: services.motion_vote(
                committee=committee, motion="closure", yes=6, no=0, actor=chair
            )
        )
        == "Topic 1 has no draft resolution to vote on yet."
    )


@pytest.mark.parametrize("subject", ["", "   ", None])
def test_another_motion_must_say_what_it_is(floor, committee, chair, subject):
    kwargs = {} if subject is None else {"subject": subject}
    assert (
        refused(
            lambda: services.motion_vote(
                committee=committee, motion="other", yes=6, no=0, actor=chair, **kwargs
            )
        )
        == "Say what the motion is, e.g. “Suspend the meeting for 15 minutes”."
    )


def test_another_motions_wording_is_kept_to_its_first_300_characters(floor, committee, chair):
    wording = "Suspend the meeting " + "x" * 400
    vote = services.motion_vote(
        committee=committee, motion="other", subject=wording, yes=6, no=0, actor=chair
    )
    vote.refresh_from_db()
    assert vote.subject == wording[:300]


def test_a_motion_the_rules_do_not_know_is_refused(floor, committee, chair):
    assert (
        refused(
            lambda: services.motion_vote(
                committee=committee, motion="adjourn", yes=6, no=0, actor=chair
            )
        )
        == "Choose a motion."
    )


def test_a_division_of_one_clause_names_it_in_the_singular(procedure, committee, chair):
    vote = services.motion_vote(
        committee=committee, motion="division", draft=1, parts=[[3]], yes=5, no=0, actor=chair
    )
    assert vote.subject == "Division of the question on DR 1/1: operative clause 3 voted separately"


# Who may vote: the latest roll call --------------------------------------------------------


def test_no_vote_before_the_roll_call(committee, delegations, chair):
    for title in ["Crime", "Trafficking"]:
        session_services.topic_propose(committee=committee, title=title, actor=chair)
    assert (
        refused(
            lambda: services.motion_vote(
                committee=committee, motion="agenda", order=[1, 2], yes=6, no=0, actor=chair
            )
        )
        == "Call the roll first: a vote counts the delegations present."
    )


def test_no_quorum_says_how_many_members_are_present_and_needed(committee, delegations, chair):
    """DOMAIN.md: a vote needs a majority of the members: three of the five Member States
    (INTERPOL, an observer, is no member). Only Kenya and Japan answered."""
    roll_call_mark_all(
        committee,
        chair,
        "Late",
        {"Brazil": "absent", "France": "absent", "Mexico": "absent", "INTERPOL": "absent"},
    )
    for title in ["Crime", "Trafficking"]:
        session_services.topic_propose(committee=committee, title=title, actor=chair)
    assert (
        refused(
            lambda: services.motion_vote(
                committee=committee, motion="agenda", order=[1, 2], yes=2, no=0, actor=chair
            )
        )
        == "No quorum to vote: 2 members present at Late's roll call, 3 needed."
    )


# A topic reopened: only its drafts not yet decided ---------------------------------------------


def test_a_reopened_topic_votes_only_on_drafts_not_decided_before(
    floor, committee, names, chair, delegate, director
):
    """DR 1/1 was adopted in the first voting procedure on topic 1; the topic reopened, DR 1/2
    is approved, and the second voting procedure takes DR 1/2 alone."""
    drafts_on_the_open_topic(committee, names, delegate, director, 1)
    first = close_debate(committee, chair)[1]
    vote = services.item_vote_open(item=first_item(first), method="without_vote", actor=chair)
    services.vote_no_objection(vote=vote, actor=chair)
    topic = committee.topics.get(agenda_position=1)
    session_services.topic_reopen(topic=topic, actor=chair)
    assert (
        refused(
            lambda: services.motion_vote(
                committee=committee, motion="closure", yes=6, no=0, actor=chair
            )
        )
        == "Topic 1 has no draft resolution to vote on yet."
    )
    drafts_on_the_open_topic(committee, names, delegate, director, 1)
    second = close_debate(committee, chair)[1]
    assert [i.label for i in second.items.order_by("position")] == ["DR 1/2 as a whole"]


def test_a_roll_call_on_closure_is_refused_on_a_topic_already_in_voting_procedure(
    procedure, committee, chair
):
    """Refused before any vote opens, not only when a closure adopted would open voting
    procedure a second time."""
    before = Vote.objects.count()
    assert (
        refused(
            lambda: services.motion_vote(
                committee=committee, motion="closure", method="roll_call", actor=chair
            )
        )
        == "Topic 1 is already in voting procedure."
    )
    assert Vote.objects.count() == before


# Only the delegation being called answers -------------------------------------------------


def test_a_delegation_answering_out_of_turn_is_told_who_is_being_called(
    procedure, chair, names, monkeypatch
):
    """Called from Brazil: Brazil, France, Japan, Kenya, Mexico. France's answer entered
    before Brazil's is refused and names Brazil; once Brazil answered, France's is taken."""
    vote = roll_call_from_brazil(procedure, chair, monkeypatch)
    assert refused(lambda: record(vote, names["France"], "yes", chair)) == (
        "Brazil is being called, not France: answer for Brazil first."
    )
    record(vote, names["Brazil"], "yes", chair)
    assert refused(lambda: record(vote, names["Kenya"], "no", chair)) == (
        "France is being called, not Kenya: answer for France first."
    )
    assert record(vote, names["France"], "yes", chair).answer == "yes"
    assert vote.ballots.count() == 2


def test_those_who_passed_are_called_again_in_the_order_of_call(
    procedure, chair, names, monkeypatch
):
    """DOMAIN.md: those who passed are called again at the end. Brazil and Japan passed;
    Brazil, first in the order of call, is called again before Japan."""
    vote = roll_call_from_brazil(procedure, chair, monkeypatch)
    answers(
        vote,
        names,
        chair,
        ("Brazil", "pass"),
        ("France", "yes"),
        ("Japan", "pass"),
        ("Kenya", "no"),
        ("Mexico", "yes"),
    )
    assert refused(lambda: record(vote, names["Japan"], "yes", chair)) == (
        "Brazil is being called, not Japan: answer for Brazil first."
    )
    record(vote, names["Brazil"], "no", chair)
    assert record(vote, names["Japan"], "yes", chair).passed is True
    vote.refresh_from_db()
    assert (vote.yes, vote.no, vote.passed) == (3, 2, 0)


def test_once_everyone_has_answered_a_changed_answer_is_refused_as_already_given(
    procedure, chair, names, monkeypatch
):
    """Every delegation answered and nobody passed: France's answer changed from yes to no
    is refused (undo the last entry to correct it), not mistaken for a delegation's turn."""
    vote = roll_call_from_brazil(procedure, chair, monkeypatch)
    everyone = ["Brazil", "France", "Japan", "Kenya", "Mexico"]
    answers(vote, names, chair, *[(name, "yes") for name in everyone])
    assert refused(lambda: record(vote, names["France"], "no", chair)) == (
        "France already answered “Yes”. Undo the last entry to correct it."
    )
    vote.refresh_from_db()
    assert (vote.yes, vote.no) == (5, 0)


def test_a_vote_on_an_amendment_records_which_amendment_and_what_it_does(
    floor, committee, names, chair, delegate, director
):
    """The vote's record (read-only in the admin) names the amendment put to the vote and
    lists its changes, as the projector shows them."""
    (draft,) = drafts_on_the_open_topic(committee, names, delegate, director, 1)
    japanese, kenyan = (DelegateFactory(delegation=names[n]).user for n in ["Japan", "Kenya"])
    amendment = unfriendly(draft, names["Japan"], japanese, ("delete", "op.4"))
    signed_and_submitted(amendment, names["Japan"], japanese, names["Kenya"], kenyan)
    amendments.amendment_approve(amendment=amendment, actor=director)
    procedure = close_debate(committee, chair)[1]
    vote = services.item_vote_open(item=first_item(procedure), method="placard", actor=chair)
    assert Vote.objects.get(pk=vote.pk).details == {
        "amendment": amendment.pk,
        "changes": ["Delete op 4"],
    }


def test_a_vote_on_an_item_is_recorded_on_the_topic_in_voting_procedure(
    second_topic, committee, chair
):
    """The vote's record (read-only in the admin) names its topic: DR 2/1 is voted on under
    topic 2, not under topic 1 decided before."""
    vote = services.item_vote_open(item=first_item(second_topic), method="placard", actor=chair)
    topic = Vote.objects.select_related("topic").get(pk=vote.pk).topic
    assert (topic.number, topic.title) == (2, "Trafficking")


def test_closure_is_not_held_up_by_another_committees_voting_procedure(
    floor, committee, names, chair, delegate, director, other_committee, other_dais
):
    """GA3 is in voting procedure on its own topic 1; CCPCJ's topic 1 may still close debate."""
    assert other_committee_in_voting_procedure(other_committee, other_dais) is not None
    drafts_on_the_open_topic(committee, names, delegate, director, 1)
    vote = services.motion_vote(committee=committee, motion="closure", yes=5, no=0, actor=chair)
    assert vote.adopted is True
    assert committee.procedures.filter(status="open").count() == 1


def test_a_reorder_vote_is_recorded_on_the_topic_in_voting_procedure(
    second_topic, committee, chair
):
    vote = services.motion_vote(
        committee=committee, motion="reorder", order=[2, 1], yes=5, no=0, actor=chair
    )
    assert Vote.objects.select_related("topic").get(pk=vote.pk).topic.number == 2


def test_a_procedural_roll_call_sends_the_order_of_call_when_it_opens(
    floor, committee, chair, monkeypatch
):
    """DOMAIN.md: the roll is called in English alphabetical order from a delegation drawn by
    lot; every screen following shows that order, nobody answered yet, from the first message."""
    sent = []
    monkeypatch.setattr("voting.services.send_after_commit", lambda c, **data: sent.append(data))
    monkeypatch.setattr(services._draw, "randrange", lambda n: 2)
    services.motion_vote(
        committee=committee, motion="other", subject="Suspend", method="roll_call", actor=chair
    )
    (opened,) = sent
    # Present: Brazil, France, INTERPOL (an observer: on procedure it votes too), Japan, Kenya,
    # Mexico; the third in alphabetical order drawn.
    assert [(row["name"], row["answer"]) for row in opened["state"]["order"]] == [
        ("INTERPOL", ""),
        ("Japan", ""),
        ("Kenya", ""),
        ("Mexico", ""),
        ("Brazil", ""),
        ("France", ""),
    ]

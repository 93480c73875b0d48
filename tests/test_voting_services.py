"""Voting services: procedural motions, voting procedure, each way of taking a vote, results
and their effects. Delegations: Brazil, France, INTERPOL (observer), Japan, Kenya, Mexico."""

import datetime as dt

import pytest

from sessions import clock
from sessions import services as session_services
from sessions.errors import DomainError
from sessions.models import AuditEntry, Topic
from voting import services
from voting.models import Ballot, Item, Resolution, Vote
from voting.selectors import vote_state

from .voting_helpers import agenda_and_roll_call, approve_draft, close_debate

pytestmark = pytest.mark.django_db


@pytest.fixture
def floor(committee, delegations, chair):
    # Japan answered "present" (so it may abstain); everyone else present and voting.
    return agenda_and_roll_call(committee, chair, statuses={"Japan": "present"})


@pytest.fixture
def drafts(floor, committee, names, delegate, director):
    return [
        approve_draft(
            committee,
            sponsor=names["Mexico"],
            signatory=names["France"],
            user=delegate,
            director=director,
        )
        for _ in range(3)
    ]


@pytest.fixture
def procedure(drafts, committee, chair):
    return close_debate(committee, chair)[1]


def first_item(procedure):
    return procedure.items.order_by("position").first()


def roll_call(procedure, chair, start=0, monkeypatch=None):
    if monkeypatch is not None:
        monkeypatch.setattr(services._draw, "randrange", lambda n: start)
    return services.item_vote_open(item=first_item(procedure), method="roll_call", actor=chair)


# Procedural votes ----------------------------------------------------------------------------


def test_agenda_is_adopted_by_a_procedural_vote(committee, delegations, chair):
    from sessions import services as session_services

    for title in ["Crime", "Trafficking"]:
        session_services.topic_propose(committee=committee, title=title, actor=chair)
    meeting = session_services.meeting_open(committee=committee, name="Sunday", actor=chair)
    for d in delegations:
        session_services.roll_call_mark(
            meeting=meeting, delegation=d, status="present", actor=chair
        )
    failed = services.motion_vote(
        committee=committee, motion="agenda", order=[2, 1], yes=2, no=4, actor=chair
    )
    assert failed.adopted is False and failed.result == "2 in favor, 4 against"
    committee.refresh_from_db()
    assert committee.agenda_adopted_at is None
    vote = services.motion_vote(
        committee=committee, motion="agenda", order=[1, 2], yes=6, no=0, actor=chair
    )
    assert vote.adopted and vote.subject == "Adoption of the agenda: 1, 2"
    assert committee.topics.get(status=Topic.Status.OPEN).proposed_number == 1
    assert AuditEntry.objects.filter(action="agenda.adopted").count() == 1
    assert AuditEntry.objects.filter(action="vote.announced").count() == 2


def test_procedural_votes_count_observers_but_allow_no_abstention(floor, committee, chair):
    # Six present (INTERPOL too): observers vote on procedure.
    vote = services.motion_vote(
        committee=committee,
        motion="other",
        subject="Suspend for 15 minutes",
        yes=6,
        no=0,
        actor=chair,
    )
    assert vote.adopted and vote.entitled == 6
    with pytest.raises(DomainError, match="only 6 delegations"):
        services.motion_vote(
            committee=committee, motion="other", subject="Suspend", yes=6, no=1, actor=chair
        )


def test_closure_needs_two_thirds_and_opens_voting_procedure_in_code_order(
    drafts, committee, chair
):
    vote, procedure = close_debate(committee, chair, yes=3, no=2)  # 3 of 5 < two thirds
    assert vote.adopted is False and procedure is None
    assert "two thirds" in vote.reason
    vote, procedure = close_debate(committee, chair, yes=4, no=2)
    assert vote.adopted and vote.majority == "two_thirds"
    assert [i.label for i in procedure.items.order_by("position")] == [
        "DR 1/1 as a whole",
        "DR 1/2 as a whole",
        "DR 1/3 as a whole",
    ]
    with pytest.raises(DomainError, match="already in voting procedure"):
        close_debate(committee, chair)


def test_closure_without_drafts_is_refused(floor, committee, chair):
    with pytest.raises(DomainError, match="no draft resolution"):
        close_debate(committee, chair)
    assert not Vote.objects.exists()


def test_reorder_motion(procedure, committee, chair):
    services.motion_vote(
        committee=committee, motion="reorder", order=[3, 1, 2], yes=5, no=0, actor=chair
    )
    assert [i.draft.code for i in procedure.items.order_by("position")] == [
        "DR 1/3",
        "DR 1/1",
        "DR 1/2",
    ]
    with pytest.raises(DomainError, match="missing: DR 1/2"):
        services.motion_vote(
            committee=committee, motion="reorder", order=[1, 3], yes=5, no=0, actor=chair
        )
    with pytest.raises(DomainError, match="Draft 7"):
        services.motion_vote(
            committee=committee, motion="reorder", order=[7], yes=5, no=0, actor=chair
        )


def test_division_of_the_question_puts_parts_before_their_draft(procedure, committee, chair):
    services.motion_vote(
        committee=committee,
        motion="division",
        draft=2,
        parts=[[3], [1, 2]],
        yes=5,
        no=0,
        actor=chair,
    )
    assert [i.label for i in procedure.items.order_by("position")] == [
        "DR 1/1 as a whole",
        "DR 1/2, operative clause 3",
        "DR 1/2, operative clauses 1, 2",
        "DR 1/2 as a whole",
        "DR 1/3 as a whole",
    ]
    with pytest.raises(DomainError, match="already been divided"):
        services.motion_vote(
            committee=committee, motion="division", draft=2, parts=[[4]], yes=5, no=0, actor=chair
        )
    with pytest.raises(DomainError, match="operative clauses 1 to 4, not 9"):
        services.motion_vote(
            committee=committee, motion="division", draft=3, parts=[[9]], yes=5, no=0, actor=chair
        )


# Without a vote, placard -----------------------------------------------------------------


def test_adopted_without_a_vote_becomes_resolution_ccpcj_1_1(procedure, committee, chair):
    vote = services.item_vote_open(item=first_item(procedure), method="without_vote", actor=chair)
    services.vote_no_objection(vote=vote, actor=chair)
    vote.refresh_from_db()
    assert vote.result == "Adopted without a vote" and vote.adopted
    resolution = Resolution.objects.get()
    assert resolution.code == "CCPCJ/1/1" and resolution.vote == vote
    assert resolution.resolution.operative[0].text.startswith("Encourages")
    assert first_item(procedure).status == Item.Status.ADOPTED
    assert AuditEntry.objects.filter(action="resolution.adopted", data__code="CCPCJ/1/1").exists()


def test_an_objection_means_a_recorded_vote(procedure, committee, chair):
    vote = services.item_vote_open(item=first_item(procedure), method="without_vote", actor=chair)
    services.vote_objection(vote=vote, method="placard", actor=chair)
    with pytest.raises(DomainError, match="placard vote"):
        services.vote_no_objection(vote=vote, actor=chair)
    vote = services.vote_counts(vote=vote, yes=3, no=1, abstain=1, actor=chair)
    assert vote.objection and vote.result == "3 in favor, 1 against, 1 abstention"


def test_placard_counts_are_checked_against_the_roll_call(procedure, committee, chair):
    vote = services.item_vote_open(item=first_item(procedure), method="placard", actor=chair)
    assert (vote.entitled, vote.may_abstain) == (5, 1)  # INTERPOL does not vote on substance
    with pytest.raises(DomainError, match="only 5 delegations"):
        services.vote_counts(vote=vote, yes=4, no=2, actor=chair)
    with pytest.raises(DomainError, match="present and voting cannot abstain"):
        services.vote_counts(vote=vote, yes=2, no=1, abstain=2, actor=chair)
    with pytest.raises(DomainError, match="whole number"):
        services.vote_counts(vote=vote, yes=-1, no=1, actor=chair)
    with pytest.raises(DomainError, match="permanent members"):
        services.vote_counts(vote=vote, yes=2, no=1, permanent_no=1, actor=chair)
    vote = services.vote_counts(vote=vote, yes=2, no=2, abstain=1, actor=chair)
    assert vote.adopted is False and "tie" in vote.reason
    assert first_item(procedure).status == Item.Status.FAILED
    assert not Resolution.objects.exists()
    with pytest.raises(DomainError, match="is over"):
        services.vote_counts(vote=vote, yes=3, no=1, actor=chair)


def test_items_are_taken_in_order_one_vote_at_a_time(procedure, committee, chair):
    items = list(procedure.items.order_by("position"))
    with pytest.raises(DomainError, match="Vote on DR 1/1 as a whole first"):
        services.item_vote_open(item=items[1], method="placard", actor=chair)
    services.item_vote_open(item=items[0], method="placard", actor=chair)
    with pytest.raises(DomainError, match="Finish the vote"):
        services.motion_vote(
            committee=committee, motion="other", subject="Suspend", yes=5, no=0, actor=chair
        )


def test_no_vote_without_quorum(drafts, committee, chair, names):
    from sessions import services as session_services

    meeting = session_services.meeting_open(committee=committee, name="Late", actor=chair)
    for name, delegation in names.items():  # a complete roll call: only Kenya is here
        session_services.roll_call_mark(
            meeting=meeting,
            delegation=delegation,
            status="present" if name == "Kenya" else "absent",
            actor=chair,
        )
    with pytest.raises(DomainError, match="No quorum to vote"):
        close_debate(committee, chair)


# Effects ------------------------------------------------------------------------------------


def test_failed_parts_are_removed_and_the_topic_closes_when_every_item_is_decided(
    procedure, committee, chair
):
    services.motion_vote(
        committee=committee, motion="division", draft=1, parts=[[2], [4]], yes=5, no=0, actor=chair
    )
    results = [(3, 1, 1), (1, 3, 1), (4, 0, 1), (3, 2, 0), (0, 5, 0)]
    for yes, no, abstain in results[:4]:
        item = services.next_item(procedure)
        vote = services.item_vote_open(item=item, method="placard", actor=chair)
        services.vote_counts(vote=vote, yes=yes, no=no, abstain=abstain, actor=chair)
    # Part "2" adopted, part "4" failed, DR 1/1 adopted without its clause 4; DR 1/2 adopted.
    first = Resolution.objects.get(code="CCPCJ/1/1")
    assert [c.text.split()[0] for c in first.resolution.operative] == [
        "Encourages",
        "Requests",
        "Invites",
    ]
    assert Resolution.objects.get(code="CCPCJ/1/2").draft.code == "DR 1/2"
    topic = procedure.topic
    topic.refresh_from_db()
    assert topic.status == Topic.Status.OPEN
    vote = services.item_vote_open(
        item=services.next_item(procedure), method="placard", actor=chair
    )
    services.vote_counts(vote=vote, yes=0, no=5, actor=chair)
    topic.refresh_from_db()
    procedure.refresh_from_db()
    assert topic.status == Topic.Status.CLOSED and procedure.status == "finished"
    assert Item.objects.get(draft__code="DR 1/3").status == Item.Status.FAILED
    assert AuditEntry.objects.filter(action="topic.closed").exists()


def test_every_operative_part_voted_down_fails_the_draft(procedure, committee, chair):
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
    whole = procedure.items.get(kind="draft", draft__code="DR 1/1")
    assert whole.status == Item.Status.FAILED
    assert whole.result == "Every operative part was voted down"
    assert services.next_item(procedure).draft.code == "DR 1/2"


# Roll call ----------------------------------------------------------------------------------


def test_roll_call_order_is_alphabetical_from_the_delegation_drawn(
    procedure, chair, names, monkeypatch
):
    vote = roll_call(procedure, chair, start=3, monkeypatch=monkeypatch)
    order = [names_by_pk(names)[pk] for pk in vote.call_order]
    assert order == ["Kenya", "Mexico", "Brazil", "France", "Japan"]  # INTERPOL is not called
    # The names are kept with the order, as called: the live messages read no delegation.
    vote.refresh_from_db()
    assert vote.call_names == ["Kenya", "Mexico", "Brazil", "France", "Japan"]
    assert vote.drawn == names["Kenya"]
    opened = AuditEntry.objects.get(action="vote.opened", data__method="roll-call vote")
    assert opened.data["drawn"] == "Kenya"
    assert vote_state(vote)["calling"]["name"] == "Kenya"


def names_by_pk(names):
    return {d.pk: n for n, d in names.items()}


def record(vote, delegation, answer, chair, **kw):
    return services.ballot_record(
        vote=vote, delegation=delegation, answer=answer, actor=chair, **kw
    )


def test_roll_call_passes_are_called_again_and_must_answer_yes_or_no(
    procedure, chair, rapporteur, names, monkeypatch
):
    vote = roll_call(procedure, chair, start=0, monkeypatch=monkeypatch)
    record(vote, names["Brazil"], "pass", chair)
    with pytest.raises(DomainError, match="called again once every delegation"):
        record(vote, names["Brazil"], "yes", chair)
    record(vote, names["France"], "yes", chair)
    record(vote, names["Japan"], "abstain", chair)
    record(vote, names["Kenya"], "no", chair)
    record(vote, names["Mexico"], "yes", chair)
    state = vote_state(Vote.objects.get(pk=vote.pk))
    assert state["calling"] == {"delegation": names["Brazil"].pk, "name": "Brazil", "again": True}
    with pytest.raises(DomainError, match="passed and must be called again"):
        services.vote_verify(vote=vote, actor=rapporteur)
    with pytest.raises(DomainError, match="must answer yes or no"):
        record(vote, names["Brazil"], "abstain", chair)
    record(vote, names["Brazil"], "no", chair)
    services.vote_verify(vote=vote, actor=rapporteur)
    vote = services.vote_announce(vote=vote, actor=chair)
    assert vote.result == "2 in favor, 2 against, 1 abstention" and vote.adopted is False
    brazil = Ballot.objects.get(delegation=names["Brazil"])
    assert brazil.passed and brazil.answer == "no"


def test_present_and_voting_cannot_abstain(procedure, chair, names, monkeypatch):
    vote = roll_call(procedure, chair, start=1, monkeypatch=monkeypatch)  # France, then Japan
    with pytest.raises(DomainError, match="present and voting.*cannot abstain"):
        record(vote, names["France"], "abstain", chair)
    record(vote, names["France"], "yes", chair)
    record(vote, names["Japan"], "abstain", chair)  # Japan answered "present"


def test_observers_are_not_called_on_substance(procedure, chair, names):
    vote = roll_call(procedure, chair)
    with pytest.raises(DomainError, match="observers do not vote on substance"):
        record(vote, names["INTERPOL"], "yes", chair)


def test_recording_twice_counts_once_and_a_different_answer_needs_undo(
    procedure, chair, names, monkeypatch
):
    vote = roll_call(procedure, chair, start=3, monkeypatch=monkeypatch)  # Kenya first
    record(vote, names["Kenya"], "yes", chair)
    record(vote, names["Kenya"], "yes", chair)
    vote.refresh_from_db()
    assert (vote.yes, Ballot.objects.count(), vote.sequence) == (1, 1, 2)
    assert AuditEntry.objects.filter(action="vote.ballot").count() == 1
    with pytest.raises(DomainError, match="already answered “Yes”. Undo"):
        record(vote, names["Kenya"], "no", chair)


def test_an_answer_is_stored_as_the_models_read_it(procedure, chair, names, monkeypatch):
    """The answer's reads and writes are written out (``_lock_with_answers``,
    ``_write_answer``): what they store is read back here through the models."""
    moment = dt.datetime(2025, 4, 15, 10, 30, tzinfo=dt.UTC)
    vote = roll_call(procedure, chair, start=0, monkeypatch=monkeypatch)  # Brazil first
    with clock.travel_to(moment):
        record(vote, names["Brazil"], "pass", chair)
        france = record(vote, names["France"], "yes", chair)
        japan = record(vote, names["Japan"], "abstain", chair)
    assert france.pk == Ballot.objects.get(delegation=names["France"]).pk
    stored = Ballot.objects.get(pk=japan.pk)
    assert (stored.vote_id, stored.delegation, stored.answer) == (
        vote.pk,
        names["Japan"],
        "abstain",
    )
    assert (stored.with_rights, stored.passed, stored.step, stored.first_step) == (
        False,
        False,
        4,  # opening the vote was its first step
        4,
    )
    assert (stored.recorded_by, stored.recorded_at) == (chair, moment)
    vote.refresh_from_db()
    assert (vote.yes, vote.no, vote.abstain, vote.passed, vote.sequence) == (1, 0, 1, 1, 4)
    entry = AuditEntry.objects.filter(action="vote.ballot").order_by("id").last()
    assert (entry.actor, entry.committee, entry.created_at) == (chair, vote.committee, moment)
    assert (entry.target_type, entry.target_id, entry.target_repr) == (
        "voting.vote",
        str(vote.pk),
        "DR 1/1 as a whole",
    )
    assert entry.data == {
        "subject": "DR 1/1 as a whole",
        "delegation": "Japan",
        "answer": "abstain",
        "again": False,
    }


def test_the_answers_read_with_the_vote_are_those_stored(procedure, chair, names, monkeypatch):
    """A pass called again and an answer with rights are told apart from first answers, and
    the chair's screen gets the same state as a screen that reads it afresh."""
    vote = roll_call(procedure, chair, start=0, monkeypatch=monkeypatch)  # Brazil first
    vote.committee.roll_call_with_rights = True
    record(vote, names["Brazil"], "pass", chair)
    record(vote, names["France"], "no", chair, with_rights=True)
    for name in ["Japan", "Kenya", "Mexico"]:
        record(vote, names[name], "yes", chair)
    record(vote, names["Brazil"], "yes", chair)
    locked, answers = services._lock_with_answers(vote)
    assert locked.pk == vote.pk
    assert {pk: tuple(row) for pk, row in answers.items()} == {
        names["Brazil"].pk: ("yes", False, True),
        names["France"].pk: ("no", True, False),
        names["Japan"].pk: ("yes", False, False),
        names["Kenya"].pk: ("yes", False, False),
        names["Mexico"].pk: ("yes", False, False),
    }
    assert all(type(value) is bool for _, *flags in answers.values() for value in flags)
    state = vote_state(locked, order=True, answers=answers)
    assert state == vote_state(locked, order=True)


def test_undo_takes_back_the_last_entry_and_a_second_call_goes_back_to_pass(
    procedure, chair, names, monkeypatch
):
    vote = roll_call(procedure, chair, start=0, monkeypatch=monkeypatch)
    record(vote, names["Brazil"], "pass", chair)
    for name in ["France", "Japan", "Kenya", "Mexico"]:
        record(vote, names[name], "yes", chair)
    record(vote, names["Brazil"], "yes", chair)
    services.ballot_undo(vote=vote, actor=chair)  # Brazil's second answer
    assert Ballot.objects.get(delegation=names["Brazil"]).answer == "pass"
    services.ballot_undo(vote=vote, actor=chair)  # Mexico
    assert not Ballot.objects.filter(delegation=names["Mexico"]).exists()
    vote.refresh_from_db()
    assert (vote.yes, vote.passed) == (3, 1)
    assert AuditEntry.objects.filter(action="vote.undone").count() == 2
    with pytest.raises(DomainError, match="not been called"):
        services.vote_verify(vote=vote, actor=chair)


def test_announce_needs_verification_and_adoption_freezes_the_text(
    procedure, chair, names, monkeypatch
):
    vote = roll_call(procedure, chair, start=0, monkeypatch=monkeypatch)  # Brazil first
    for name, answer in [
        ("Brazil", "yes"),
        ("France", "yes"),
        ("Japan", "abstain"),
        ("Kenya", "no"),
        ("Mexico", "yes"),
    ]:
        record(vote, names[name], answer, chair)
    with pytest.raises(DomainError, match="Verify the count"):
        services.vote_announce(vote=vote, actor=chair)
    services.vote_verify(vote=vote, actor=chair)
    with pytest.raises(DomainError, match="verified"):
        record(vote, names["Kenya"], "yes", chair)
    vote = services.vote_announce(vote=vote, actor=chair)
    assert vote.result == "3 in favor, 1 against, 1 abstention"
    assert Resolution.objects.get().code == "CCPCJ/1/1"


def test_with_rights_only_where_the_committee_allows_it(procedure, committee, chair, names):
    vote = roll_call(procedure, chair)
    with pytest.raises(DomainError, match="with rights"):
        record(vote, names["Kenya"], "yes", chair, with_rights=True)


@pytest.fixture
def rights_allowed(committee, secretariat):
    """A committee whose rules, set before its session, allow votes with rights."""
    committee.roll_call_with_rights = True
    session_services.committee_save(
        committee=committee, changes=["roll_call_with_rights"], actor=secretariat
    )


def test_with_rights_where_the_committee_allows_it(
    rights_allowed, procedure, chair, names, monkeypatch
):
    vote = roll_call(procedure, chair, start=3, monkeypatch=monkeypatch)  # Kenya first
    ballot = record(vote, names["Kenya"], "yes", chair, with_rights=True)
    assert ballot.display == "Yes with rights"
    with pytest.raises(DomainError, match="with rights"):
        record(vote, names["Japan"], "abstain", chair, with_rights=True)


def test_security_council_veto_counted_from_the_ballots(
    procedure, committee, chair, names, monkeypatch
):
    committee.body_kind = "security_council"
    committee.save()
    vote = roll_call(procedure, chair, start=0, monkeypatch=monkeypatch)  # Brazil first
    for name in ["Brazil", "France", "Japan", "Kenya", "Mexico"]:
        record(vote, names[name], "no" if name == "France" else "yes", chair)
    services.vote_verify(vote=vote, actor=chair)
    vote = services.vote_announce(vote=vote, actor=chair)
    assert vote.permanent_no == 1 and vote.adopted is False


def test_every_change_is_numbered_and_sent_with_its_state(
    procedure, chair, names, django_capture_on_commit_callbacks, monkeypatch
):
    sent = []
    monkeypatch.setattr("voting.services.send_after_commit", lambda c, **data: sent.append(data))
    vote = roll_call(procedure, chair, start=3, monkeypatch=monkeypatch)  # Kenya first
    record(vote, names["Kenya"], "no", chair)
    services.ballot_undo(vote=vote, actor=chair)
    assert [m["state"]["seq"] for m in sent] == [1, 2, 3]
    assert sent[0]["state"]["order"][0]["answer"] == ""
    assert sent[1]["ballot"]["name"] == "Kenya" and sent[1]["state"]["no"] == 1
    assert sent[2]["ballot"]["answer"] == "" and sent[2]["state"]["no"] == 0


# An objection, and a reorder: what the record keeps --------------------------------------------


def test_an_objection_followed_by_a_roll_call_calls_from_the_delegation_drawn(
    procedure, chair, names, monkeypatch
):
    """DOMAIN.md: any objection means a recorded vote follows; a roll call is called in
    alphabetical order from a delegation drawn at random (INTERPOL, an observer, is not)."""
    monkeypatch.setattr(services._draw, "randrange", lambda n: 1)
    vote = services.item_vote_open(item=first_item(procedure), method="without_vote", actor=chair)
    services.vote_objection(vote=vote, method="roll_call", actor=chair)
    vote.refresh_from_db()
    assert (vote.objection, vote.method, vote.drawn) == (True, "roll_call", names["France"])
    assert vote.call_names == ["France", "Japan", "Kenya", "Mexico", "Brazil"]
    assert [names_by_pk(names)[pk] for pk in vote.call_order] == vote.call_names
    entry = AuditEntry.objects.get(action="vote.objection")
    assert (entry.actor, entry.data) == (
        chair,
        {"subject": vote.subject, "method": "roll-call vote", "drawn": "France"},
    )


def test_an_objection_followed_by_a_placard_vote_is_recorded(procedure, chair):
    vote = services.item_vote_open(item=first_item(procedure), method="without_vote", actor=chair)
    services.vote_objection(vote=vote, method="placard", actor=chair)
    entry = AuditEntry.objects.get(action="vote.objection")
    assert (entry.actor, entry.data) == (
        chair,
        {"subject": vote.subject, "method": "placard vote"},
    )


def test_an_objection_followed_by_a_roll_call_sends_every_screen_the_order_of_call(
    procedure, chair, names, monkeypatch
):
    """DOMAIN.md: after an objection the roll call is called in alphabetical order from the
    delegation drawn (France here). Every screen is told at once, with the next number: the
    roll-call vote, France drawn and being called, and the five delegations in their order,
    none answered yet (INTERPOL, an observer, is not called on substance)."""
    sent = []
    monkeypatch.setattr("voting.services.send_after_commit", lambda c, **data: sent.append(data))
    monkeypatch.setattr(services._draw, "randrange", lambda n: 1)
    vote = services.item_vote_open(item=first_item(procedure), method="without_vote", actor=chair)
    services.vote_objection(vote=vote, method="roll_call", actor=chair)
    assert len(sent) == 2
    state = sent[-1]["state"]
    assert (state["seq"], state["method"], state["drawn"]) == (2, "roll_call", "France")
    assert state["calling"] == {"delegation": names["France"].pk, "name": "France", "again": False}
    assert [(row["name"], row["answer"]) for row in state["order"]] == [
        ("France", ""),
        ("Japan", ""),
        ("Kenya", ""),
        ("Mexico", ""),
        ("Brazil", ""),
    ]


def test_after_an_objection_only_a_recorded_vote_may_follow(procedure, chair):
    vote = services.item_vote_open(item=first_item(procedure), method="without_vote", actor=chair)
    with pytest.raises(DomainError) as refused:
        services.vote_objection(vote=vote, method="without_vote", actor=chair)
    assert str(refused.value) == "After an objection, take a placard or a roll-call vote."


def test_an_objection_is_only_taken_on_a_vote_without_a_vote(procedure, chair):
    vote = services.item_vote_open(item=first_item(procedure), method="placard", actor=chair)
    with pytest.raises(DomainError) as refused:
        services.vote_objection(vote=vote, method="roll_call", actor=chair)
    assert str(refused.value) == "This is a placard vote."


def test_a_reorder_is_recorded_with_the_new_order_of_codes(procedure, committee, chair):
    services.motion_vote(
        committee=committee, motion="reorder", order=[2, 3, 1], yes=5, no=0, actor=chair
    )
    entry = AuditEntry.objects.get(action="procedure.reordered")
    assert (entry.actor, entry.committee, entry.target_id) == (
        chair,
        committee,
        str(procedure.pk),
    )
    assert entry.data == {"order": ["DR 1/2", "DR 1/3", "DR 1/1"]}


@pytest.mark.parametrize(
    "order,message",
    [
        ([], "Enter the new order of the drafts, for example “2, 1, 3”."),
        ([1, 1, 2, 3], "Each draft can appear only once in the new order."),
        ([3, 1], "Place every draft still to be voted on; missing: DR 1/2."),
        ([2], "Place every draft still to be voted on; missing: DR 1/1, DR 1/3."),
        (
            [4, 1, 2, 3],
            "Draft 4 is not waiting for its vote; only drafts not yet voted on can be reordered.",
        ),
    ],
)
def test_a_reorder_that_does_not_place_every_draft_once_is_refused_with_the_reason(
    procedure, committee, chair, order, message
):
    with pytest.raises(DomainError) as refused:
        services.motion_vote(
            committee=committee, motion="reorder", order=order, yes=5, no=0, actor=chair
        )
    assert str(refused.value) == message
    assert not AuditEntry.objects.filter(action="procedure.reordered").exists()


def test_a_reorder_tells_every_screen_following_the_procedure(
    procedure, committee, chair, monkeypatch
):
    """The procedure page of every member shows the new order: the reorder sends one signal
    about this procedure to the whole committee."""
    told = []
    monkeypatch.setattr(
        services, "notify", lambda committee, what, **kw: told.append((committee, what, kw))
    )
    services.motion_vote(
        committee=committee, motion="reorder", order=[3, 1, 2], yes=5, no=0, actor=chair
    )
    assert told == [(committee, "procedure", {"procedure": procedure.pk})]


def test_a_draft_whose_divided_part_was_voted_can_no_longer_be_reordered(
    procedure, committee, chair
):
    """DOMAIN.md: a motion to reorder changes the order of the drafts not yet voted on. Once a
    separated part of DR 1/1 is voted on, DR 1/1 is being voted on: its remaining part and the
    draft as a whole stay where they are; DR 1/2 and DR 1/3 may still be reordered."""
    services.motion_vote(
        committee=committee, motion="division", draft=1, parts=[[2], [4]], yes=5, no=0, actor=chair
    )
    vote = services.item_vote_open(
        item=services.next_item(procedure), method="placard", actor=chair
    )
    services.vote_counts(vote=vote, yes=3, no=1, abstain=1, actor=chair)
    with pytest.raises(DomainError) as refused:
        services.motion_vote(
            committee=committee, motion="reorder", order=[2, 3, 1], yes=5, no=0, actor=chair
        )
    assert str(refused.value) == (
        "Draft 1 is not waiting for its vote; only drafts not yet voted on can be reordered."
    )
    services.motion_vote(
        committee=committee, motion="reorder", order=[3, 2], yes=5, no=0, actor=chair
    )
    assert [i.label for i in procedure.items.order_by("position")] == [
        "DR 1/1, operative clause 2",
        "DR 1/1, operative clause 4",
        "DR 1/1 as a whole",
        "DR 1/3 as a whole",
        "DR 1/2 as a whole",
    ]


def test_undoing_a_pass_and_an_abstention_takes_them_off_their_counts_and_records_it(
    procedure, chair, names, monkeypatch
):
    """Roll call from Brazil: Brazil passes, France answers yes, Japan (present, not present
    and voting) abstains. Undoing Japan then France then Brazil leaves nothing counted."""
    vote = roll_call(procedure, chair, start=0, monkeypatch=monkeypatch)
    record(vote, names["Brazil"], "pass", chair)
    record(vote, names["France"], "yes", chair)
    record(vote, names["Japan"], "abstain", chair)
    undone = services.ballot_undo(vote=vote, actor=chair)
    assert undone.undone == {"delegation": names["Japan"].pk, "answer": "", "display": ""}
    services.ballot_undo(vote=vote, actor=chair)
    services.ballot_undo(vote=vote, actor=chair)
    vote.refresh_from_db()
    assert (vote.yes, vote.no, vote.abstain, vote.passed) == (0, 0, 0, 0)
    assert not vote.ballots.exists()
    entries = AuditEntry.objects.filter(action="vote.undone").order_by("pk")
    assert [(e.actor, e.data["delegation"], e.data["answer"]) for e in entries] == [
        (chair, "Japan", "abstain"),
        (chair, "France", "yes"),
        (chair, "Brazil", "pass"),
    ]
    with pytest.raises(DomainError) as refused:
        services.ballot_undo(vote=vote, actor=chair)
    assert str(refused.value) == "Nothing to undo: no answer has been recorded."


def test_undoing_an_answer_given_when_called_again_goes_back_to_one_pass(
    procedure, chair, names, monkeypatch
):
    vote = roll_call(procedure, chair, start=0, monkeypatch=monkeypatch)
    record(vote, names["Brazil"], "pass", chair)
    for name in ["France", "Japan", "Kenya", "Mexico"]:
        record(vote, names[name], "no", chair)
    record(vote, names["Brazil"], "yes", chair)
    services.ballot_undo(vote=vote, actor=chair)
    brazil = Ballot.objects.get(delegation=names["Brazil"])
    assert (brazil.answer, brazil.passed, brazil.with_rights) == ("pass", False, False)
    vote.refresh_from_db()
    assert (vote.yes, vote.no, vote.passed) == (0, 4, 1)


def test_undo_is_only_for_a_roll_call(procedure, chair):
    vote = services.item_vote_open(item=first_item(procedure), method="placard", actor=chair)
    with pytest.raises(DomainError) as refused:
        services.ballot_undo(vote=vote, actor=chair)
    assert str(refused.value) == "This is a placard vote."


def test_adopting_without_a_vote_says_no_delegation_objected(procedure, chair):
    vote = services.item_vote_open(item=first_item(procedure), method="without_vote", actor=chair)
    services.vote_no_objection(vote=vote, actor=chair)
    vote.refresh_from_db()
    assert vote.reason == "Adopted: no delegation objected."


def test_adopted_without_a_vote_is_recorded_as_the_chairs_announcement(procedure, chair):
    vote = services.item_vote_open(item=first_item(procedure), method="without_vote", actor=chair)
    services.vote_no_objection(vote=vote, actor=chair)
    entry = AuditEntry.objects.get(action="vote.announced", target_id=str(vote.pk))
    assert entry.actor == chair
    assert entry.data == {
        "subject": "DR 1/1 as a whole",
        "adopted": True,
        "result": "Adopted without a vote",
        "outcome": "adopted",
    }


def test_undoing_a_second_call_puts_the_pass_back_among_those_outstanding(
    procedure, chair, names, monkeypatch, django_capture_on_commit_callbacks
):
    """DOMAIN.md: delegations that passed are called again at the end. Two passed; one was
    called again and answered; undoing that answer leaves both waiting to be called again."""
    sent = []
    monkeypatch.setattr("voting.services.send_after_commit", lambda c, **data: sent.append(data))
    vote = roll_call(procedure, chair, start=0, monkeypatch=monkeypatch)
    record(vote, names["Brazil"], "pass", chair)
    record(vote, names["France"], "pass", chair)
    for name in ["Japan", "Kenya", "Mexico"]:
        record(vote, names[name], "yes", chair)
    record(vote, names["Brazil"], "no", chair)
    vote.refresh_from_db()
    assert (vote.no, vote.passed) == (1, 1)
    services.ballot_undo(vote=vote, actor=chair)
    vote.refresh_from_db()
    assert (vote.yes, vote.no, vote.passed) == (3, 0, 2)
    # Every screen is told Brazil is back to "pass", waiting to be called again.
    assert sent[-1]["ballot"] == {
        "delegation": names["Brazil"].pk,
        "name": "Brazil",
        "answer": "pass",
        "display": "Pass",
        "passed": False,
    }
    assert sent[-1]["state"]["calling"] == {
        "delegation": names["Brazil"].pk,
        "name": "Brazil",
        "again": True,
    }

"""Unfriendly amendments in voting procedure (DOMAIN.md, "Voting procedure": for each draft,
its unfriendly amendments first, in order of submission; an adopted amendment changes the
text then voted on), procedural votes by roll call, and "no one enters or leaves".

DR 1/1 (amendment_helpers.TEXT) is sponsored by Mexico and France, signed by Kenya; every
delegation answered "present and voting" (Brazil, France, INTERPOL (observer), Japan, Kenya,
Mexico)."""

import pytest

from resolutions import amendment_services as amendments
from resolutions import services as paper_services
from resolutions.models import Amendment
from resolutions.text import parse
from sessions import services as session_services
from sessions.errors import DomainError
from sessions.models import AuditEntry
from voting import services
from voting.models import Resolution
from voting.selectors import vote_state

from .amendment_helpers import make_draft, write
from .factories import DelegateFactory

pytestmark = pytest.mark.django_db
S = Amendment.Status
NO_ONE = "is in voting procedure: no one enters or leaves"


@pytest.fixture
def draft(committee, delegations, chair, director, delegate, other_delegate):
    return make_draft(
        committee,
        delegations,
        chair=chair,
        director=director,
        mexican=delegate,
        french=other_delegate,
    )


@pytest.fixture
def users(names):
    return {
        name: names[name].delegates.first().user
        if names[name].delegates.exists()
        else DelegateFactory(delegation=names[name]).user
        for name in ("Japan", "Kenya", "Brazil")
    }


def proposed(draft, names, users, proposer, *steps):
    """An unfriendly amendment by ``proposer``, signed by another delegation, submitted."""
    signer = "Kenya" if proposer != "Kenya" else "Japan"
    amendment = amendments.amendment_create(
        target=draft, delegation=names[proposer], actor=users[proposer], kind="unfriendly"
    )
    write(amendment, names[proposer], users[proposer], *steps)
    amendments.amendment_invite(
        amendment=amendment,
        delegation=names[proposer],
        actor=users[proposer],
        invitee=names[signer],
    )
    amendments.amendment_answer(
        amendment=amendment, delegation=names[signer], actor=users[signer], accept=True
    )
    return amendments.amendment_submit(
        amendment=amendment, delegation=names[proposer], actor=users[proposer]
    )


def approved(draft, names, users, director, proposer, *steps):
    amendment = proposed(draft, names, users, proposer, *steps)
    return amendments.amendment_approve(amendment=amendment, actor=director)


def close_debate(committee, chair):
    services.motion_vote(committee=committee, motion="closure", yes=6, no=0, actor=chair)
    return committee.procedures.get(status="open")


def items(procedure):
    return list(procedure.items.select_related("amendment", "draft").order_by("position"))


def operative(draft):
    draft.refresh_from_db()
    return [c.text for c in draft.revision.resolution.operative]


def decide(item, chair, *, adopted):
    vote = services.item_vote_open(item=item, method="placard", actor=chair)
    yes, no = (5, 0) if adopted else (1, 4)
    return services.vote_counts(vote=vote, yes=yes, no=no, actor=chair)


# The list voting procedure takes ---------------------------------------------------------


def test_approved_unfriendly_amendments_come_before_their_draft_in_order_of_submission(
    committee, draft, names, users, director, chair
):
    # Japan's is proposed first (Amendment 1) but submitted after Brazil's (Amendment 2).
    japans = amendments.amendment_create(
        target=draft, delegation=names["Japan"], actor=users["Japan"], kind="unfriendly"
    )
    brazils = approved(draft, names, users, director, "Brazil", ("set", "op.1", "Urges States"))
    write(japans, names["Japan"], users["Japan"], ("set", "op.3", "Decides to act"))
    amendments.amendment_invite(
        amendment=japans, delegation=names["Japan"], actor=users["Japan"], invitee=names["Kenya"]
    )
    amendments.amendment_answer(
        amendment=japans, delegation=names["Kenya"], actor=users["Kenya"], accept=True
    )
    amendments.amendment_submit(amendment=japans, delegation=names["Japan"], actor=users["Japan"])
    amendments.amendment_approve(amendment=japans, actor=director)
    # Kenya's is still waiting for the dais when debate is closed: not put to the vote.
    kenyas = proposed(draft, names, users, "Kenya", ("set", "op.2.1", "on smuggling"))

    procedure = close_debate(committee, chair)

    listed = [(i.kind, i.amendment_id, i.label) for i in items(procedure)]
    assert listed == [
        ("amendment", brazils.pk, "Amendment 2 to DR 1/1"),
        ("amendment", japans.pk, "Amendment 1 to DR 1/1"),
        ("draft", None, "DR 1/1 as a whole"),
    ]
    opened = AuditEntry.objects.get(action="procedure.opened")
    assert opened.data["amendments"] == ["Amendment 2 to DR 1/1", "Amendment 1 to DR 1/1"]
    assert opened.data["not_voted"] == ["Amendment 3 to DR 1/1 (awaiting the dais)"]
    kenyas.refresh_from_db()
    assert kenyas.status == S.AWAITING_DAIS


def test_items_are_taken_in_order_the_draft_waits_for_its_amendments(
    committee, draft, names, users, director, chair
):
    approved(draft, names, users, director, "Japan", ("set", "op.1", "Urges States"))
    amendment_item, draft_item = items(close_debate(committee, chair))
    with pytest.raises(DomainError, match="Vote on Amendment 1 to DR 1/1 first"):
        services.item_vote_open(item=draft_item, method="placard", actor=chair)


# Effects ---------------------------------------------------------------------------------


def test_adopted_amendment_goes_into_the_text_the_draft_is_then_voted_on(
    committee, draft, names, users, director, chair
):
    amendment = approved(draft, names, users, director, "Japan", ("set", "op.1", "Urges States"))
    before = draft.revision
    amendment_item, draft_item = items(close_debate(committee, chair))

    vote = services.item_vote_open(item=amendment_item, method="without_vote", actor=chair)
    assert vote.subject == "Amendment 1 to DR 1/1"
    services.vote_no_objection(vote=vote, actor=chair)

    amendment.refresh_from_db()
    amendment_item.refresh_from_db()
    assert amendment.status == S.APPLIED
    assert (amendment_item.status, amendment_item.result) == ("adopted", "Adopted without a vote")
    draft.refresh_from_db()
    assert draft.revision != before and amendment.applied_revision == draft.revision
    assert operative(draft)[0] == "Urges States"
    assert AuditEntry.objects.filter(action="amendment.adopted", target_id=amendment.pk).exists()
    # The amendment is decided, not yet the draft: the topic is still in voting procedure.
    assert committee.procedures.get().status == "open"

    decide(draft_item, chair, adopted=True)
    resolution = Resolution.objects.get(draft=draft)
    assert resolution.code == "CCPCJ/1/1"
    assert resolution.resolution.operative[0].text == "Urges States"
    assert committee.procedures.get().status == "finished"


def test_failed_amendment_is_marked_failed_and_leaves_the_text(
    committee, draft, names, users, director, chair
):
    amendment = approved(draft, names, users, director, "Japan", ("delete", "op.3"))
    text = operative(draft)
    amendment_item, draft_item = items(close_debate(committee, chair))

    vote = decide(amendment_item, chair, adopted=False)

    assert vote.result == "1 in favor, 4 against, 0 abstentions" and vote.adopted is False
    amendment.refresh_from_db()
    amendment_item.refresh_from_db()
    assert (amendment.status, amendment_item.status) == (S.FAILED, "failed")
    assert operative(draft) == text
    decide(draft_item, chair, adopted=True)
    assert len(Resolution.objects.get(draft=draft).resolution.operative) == 3


def test_amendment_by_roll_call_is_applied_when_the_result_is_announced(
    committee, draft, names, users, director, chair
):
    amendment = approved(draft, names, users, director, "Japan", ("delete", "op.3"))
    amendment_item, _ = items(close_debate(committee, chair))
    vote = services.item_vote_open(item=amendment_item, method="roll_call", actor=chair)
    # Observers do not vote on substance: five Member States are called.
    assert len(vote.call_order) == 5
    for pk in vote.call_order:
        delegation = services.delegation_for(vote, pk)
        services.ballot_record(vote=vote, delegation=delegation, answer="yes", actor=chair)
    services.vote_verify(vote=vote, actor=chair)
    amendment.refresh_from_db()
    assert amendment.status == S.APPROVED  # nothing happens before the announcement
    services.vote_announce(vote=vote, actor=chair)
    amendment.refresh_from_db()
    assert amendment.status == S.APPLIED
    assert len(operative(draft)) == 2 and "Decides to remain seized" not in operative(draft)


def test_an_amendment_an_adopted_one_sent_back_for_revision_is_not_put_to_the_vote(
    committee, draft, names, users, director, chair
):
    # Both change op 3: once Japan's is adopted, Brazil's no longer applies to the text.
    approved(draft, names, users, director, "Japan", ("set", "op.3", "Decides to act"))
    brazils = approved(draft, names, users, director, "Brazil", ("set", "op.3", "Decides later"))
    first, second, draft_item = items(close_debate(committee, chair))

    decide(first, chair, adopted=True)

    second.refresh_from_db()
    brazils.refresh_from_db()
    assert brazils.status == S.NEEDS_REVISION
    assert second.status == "lapsed"
    assert second.result == (
        "Not put to the vote: it needs revision after Amendment 1 to DR 1/1 was adopted"
    )
    lapsed = AuditEntry.objects.get(action="procedure.lapsed")
    assert lapsed.data["amendments"] == ["Amendment 2 to DR 1/1"]
    assert services.next_item(first.procedure).pk == draft_item.pk
    with pytest.raises(DomainError, match="Amendment 2 to DR 1/1 is not put to the vote"):
        services.item_vote_open(item=second, method="placard", actor=chair)
    decide(draft_item, chair, adopted=True)
    assert Resolution.objects.get(draft=draft).resolution.operative[2].text == "Decides to act"


def test_the_vote_carries_what_the_amendment_does(committee, draft, names, users, director, chair):
    approved(
        draft, names, users, director, "Japan", ("set", "op.1", "Urges States"), ("delete", "op.3")
    )
    amendment_item, _ = items(close_debate(committee, chair))
    vote = services.item_vote_open(item=amendment_item, method="placard", actor=chair)
    assert vote_state(vote)["changes"] == [
        "Change op 1 to read: “Urges States”",
        "Delete op 3",
    ]


# Procedural votes by roll call -----------------------------------------------------------


def test_procedural_vote_by_roll_call_calls_everyone_and_takes_effect_when_announced(
    committee, draft, names, chair
):
    vote = services.motion_vote(
        committee=committee, motion="closure", method="roll_call", actor=chair
    )
    assert vote.is_open and vote.kind == "procedural"
    # Everyone present votes on procedure, the observer too.
    assert set(vote.call_order) == {d.pk for d in names.values()}
    assert not committee.procedures.exists()
    with pytest.raises(DomainError, match="Nobody abstains on a procedural vote"):
        services.ballot_record(vote=vote, delegation=names["Japan"], answer="abstain", actor=chair)
    with pytest.raises(DomainError, match="is being called, not"):  # in the order of call
        services.ballot_record(
            vote=vote,
            delegation=services.delegation_for(vote, vote.call_order[1]),
            answer="yes",
            actor=chair,
        )
    for pk in vote.call_order:
        delegation = services.delegation_for(vote, pk)
        answer = "no" if delegation.name == "Kenya" else "yes"
        services.ballot_record(vote=vote, delegation=delegation, answer=answer, actor=chair)
    services.vote_verify(vote=vote, actor=chair)
    vote = services.vote_announce(vote=vote, actor=chair)
    assert (vote.adopted, vote.result) == (True, "5 in favor, 1 against")
    assert committee.procedures.get().status == "open"


def test_procedural_vote_by_placard_needs_its_counts(committee, draft, chair):
    with pytest.raises(DomainError, match="Enter the number in favor"):
        services.motion_vote(committee=committee, motion="closure", actor=chair)


# No one enters or leaves -----------------------------------------------------------------


@pytest.fixture
def in_procedure(committee, draft, chair):
    return close_debate(committee, chair)


def test_no_new_meeting_or_roll_call_during_voting_procedure(in_procedure, committee, chair, names):
    meeting = committee.meetings.get()
    with pytest.raises(DomainError, match=f"Topic 1 {NO_ONE}.*a new meeting"):
        session_services.meeting_open(committee=committee, name="Wednesday", actor=chair)
    with pytest.raises(DomainError, match=f"{NO_ONE}.*the roll call"):
        session_services.roll_call_mark(
            meeting=meeting, delegation=names["Japan"], status="absent", actor=chair
        )
    with pytest.raises(DomainError, match=f"{NO_ONE}.*removing a meeting"):
        session_services.meeting_remove(meeting=meeting, actor=chair)
    assert meeting.roll_call.get(delegation=names["Japan"]).status == "present_voting"


def test_no_delegation_enters_leaves_or_becomes_an_observer(
    in_procedure, committee, chair, names, member_states
):
    from sessions.models import MemberState

    with pytest.raises(DomainError, match=f"{NO_ONE}.*a new delegation"):
        session_services.delegation_add(
            committee=committee, member_state=MemberState.objects.get(iso3="DEU"), actor=chair
        )
    with pytest.raises(DomainError, match=f"{NO_ONE}.*Japan leaving"):
        session_services.delegation_withdraw(delegation=names["Japan"], actor=chair)
    with pytest.raises(DomainError, match=f"{NO_ONE}.*changing Japan between member"):
        session_services.delegation_set_observer(
            delegation=names["Japan"], is_observer=True, actor=chair
        )
    assert committee.delegations.count() == 6


def test_no_draft_or_amendment_is_approved_or_withdrawn_during_voting_procedure(
    committee, draft, names, users, director, chair, delegate
):
    waiting = approved(draft, names, users, director, "Japan", ("set", "op.1", "Urges States"))
    late = proposed(draft, names, users, "Brazil", ("delete", "op.3"))
    paper = paper_services.paper_create(
        committee=committee,
        delegation=names["Mexico"],
        actor=delegate,
        resolution=parse("1. Encourages cooperation.").resolution,
    )
    paper_services.supporter_invite(
        paper=paper,
        delegation=names["Mexico"],
        actor=delegate,
        invitee=names["Kenya"],
        role="signatory",
    )
    paper_services.supporter_answer(
        paper=paper, delegation=names["Kenya"], actor=users["Kenya"], accept=True
    )
    paper_services.paper_submit(paper=paper, delegation=names["Mexico"], actor=delegate)
    close_debate(committee, chair)

    with pytest.raises(DomainError, match=f"{NO_ONE}.*approving Working paper"):
        paper_services.paper_approve(paper=paper, actor=director)
    with pytest.raises(DomainError, match=f"{NO_ONE}.*approving Amendment 2 to DR 1/1"):
        amendments.amendment_approve(amendment=late, actor=director)
    with pytest.raises(DomainError, match=f"{NO_ONE}.*withdrawing Amendment 1 to DR 1/1"):
        amendments.amendment_withdraw(
            amendment=waiting, delegation=names["Japan"], actor=users["Japan"]
        )
    waiting.refresh_from_db()
    late.refresh_from_db()
    assert (waiting.status, late.status) == (S.APPROVED, S.AWAITING_DAIS)
    assert committee.drafts.count() == 1


def test_once_voting_procedure_is_over_the_room_opens_again(in_procedure, committee, chair):
    decide(items(in_procedure)[0], chair, adopted=True)
    meeting = session_services.meeting_open(committee=committee, name="Afternoon", actor=chair)
    assert meeting.number == 2


def test_an_amendment_no_longer_approved_is_not_put_to_the_vote(
    committee, draft, names, users, director, chair
):
    amendment = approved(draft, names, users, director, "Japan", ("delete", "op.3"))
    amendment_item, _ = items(close_debate(committee, chair))
    # Whatever moved it (the services refuse to), the vote checks the amendment itself.
    Amendment.objects.filter(pk=amendment.pk).update(status=S.WITHDRAWN)
    with pytest.raises(DomainError, match="only an amendment approved for the vote"):
        services.item_vote_open(item=amendment_item, method="placard", actor=chair)


# Pages -----------------------------------------------------------------------------------


def url(name, **kw):
    from django.urls import reverse

    return reverse(f"voting:{name}", kwargs={"committee": "ccpcj", **kw})


@pytest.mark.parametrize("extra", [0, 2])
def test_procedure_page_lists_the_amendments_with_what_they_do(
    client, committee, draft, names, users, director, chair, django_assert_num_queries, extra
):
    approved(draft, names, users, director, "Japan", ("set", "op.1", "Urges States"))
    for _ in range(extra):
        approved(draft, names, users, director, "Brazil", ("delete", "op.3"))
    proposed(draft, names, users, "Kenya", ("set", "op.2", "Requests a study:"))
    procedure = close_debate(committee, chair)
    client.force_login(chair)
    with django_assert_num_queries(9):  # the same with more amendments
        response = client.get(url("procedure", pk=procedure.pk))
    content = response.content.decode()
    assert "Amendment 1 to DR 1/1" in content and "Proposed by Japan" in content
    assert "Change op 1 to read: “Urges States”" in content
    assert 'id="not-voted"' in content
    assert f"Amendment {2 + extra} to DR 1/1</a> (Kenya): awaiting the dais" in content


def test_vote_page_shows_the_amendments_diff_to_chair_and_delegates(
    client, committee, draft, names, users, director, chair, delegate
):
    approved(draft, names, users, director, "Japan", ("set", "op.1", "Urges States"))
    item = items(close_debate(committee, chair))[0]
    services.item_vote_open(item=item, method="placard", actor=chair)
    for who in (chair, delegate):
        client.force_login(who)
        content = client.get(url("current")).content.decode()
        assert "What the amendment does" in content
        assert "Change op 1 to read: “Urges States”" in content
        assert "Proposed by Japan" in content and "amendment-diff" in content
        assert "Urges States" in content.split("amendment-diff", 1)[1]
    projector = client.get(url("projector")).content.decode()
    assert "Change op 1 to read: “Urges States”" in projector


def test_procedural_roll_call_from_the_motion_form(client, committee, draft, chair):
    client.force_login(chair)
    response = client.post(url("motion"), {"motion": "closure", "method": "roll_call"})
    from voting.models import Vote

    vote = Vote.objects.get(motion="closure")
    assert response.status_code == 302 and response["Location"] == url("vote", pk=vote.pk)
    content = client.get(response["Location"]).content.decode()
    assert 'value="yes"' in content and 'value="abstain"' not in content
    assert "A procedural vote: everyone votes, nobody abstains" in content
    response = client.post(url("motion"), {"motion": "other", "subject": "Suspend", "yes": "3"})
    assert response.status_code == 400
    assert "Enter the count (0 or more) for a placard vote." in response.content.decode()
    assert 'value="Suspend"' in response.content.decode()


def test_the_question_is_divided_only_once_its_amendments_are_decided(
    committee, draft, names, users, director, chair
):
    approved(draft, names, users, director, "Japan", ("delete", "op.1"))
    amendment_item, _ = items(close_debate(committee, chair))
    with pytest.raises(DomainError, match="Vote on the amendments to DR 1/1 first"):
        services.motion_vote(
            committee=committee, motion="division", draft=1, parts=[[3]], yes=5, no=0, actor=chair
        )
    decide(amendment_item, chair, adopted=True)  # op 1 deleted: op 3 is now op 2
    services.motion_vote(
        committee=committee, motion="division", draft=1, parts=[[2]], yes=5, no=0, actor=chair
    )
    labels = [i.label for i in items(amendment_item.procedure)]
    assert labels == ["Amendment 1 to DR 1/1", "DR 1/1, operative clause 2", "DR 1/1 as a whole"]

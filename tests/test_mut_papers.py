"""Working papers from creation to approval as a draft resolution, pinned where mutation
testing (issue 8) found the tests silent: who may write, invite, answer, submit and approve,
what each refusal says, what is stored and what the record says (DOMAIN.md, "Working papers
and draft resolutions")."""

import datetime as dt

import pytest

from resolutions import services
from resolutions.models import DraftResolution, Supporter, WorkingPaper
from resolutions.text import Clause, Resolution, parse
from sessions import clock
from sessions import services as session_services
from sessions.errors import DomainError
from sessions.models import AuditEntry

from .factories import DelegationFactory, delegate_of, open_floor
from .voting_helpers import close_debate

pytestmark = pytest.mark.django_db
S = WorkingPaper.Status

TEXT = """Recalling resolution 55/25,
1. Encourages Member States to share data;
2. Requests a report."""


@pytest.fixture
def floor(committee, delegations, chair):
    """Topics 1 and 2 adopted, topic 1 open, all six delegations present."""
    open_floor(committee, chair)
    return committee


def create(committee, delegation, actor=None, **kw):
    kw.setdefault("resolution", parse(TEXT).resolution)
    return services.paper_create(
        committee=committee, delegation=delegation, actor=actor or delegate_of(delegation), **kw
    )


def invite(paper, invitee, role=Supporter.Role.SIGNATORY, by=None):
    by = by or paper.supporters.get(position=0, role=Supporter.Role.SPONSOR).delegation
    return services.supporter_invite(
        paper=paper, delegation=by, actor=delegate_of(by), invitee=invitee, role=role
    )


def answer(paper, delegation, accept=True):
    return services.supporter_answer(
        paper=paper, delegation=delegation, actor=delegate_of(delegation), accept=accept
    )


def sign(paper, delegation, role=Supporter.Role.SIGNATORY):
    invite(paper, delegation, role)
    return answer(paper, delegation)


def submit(paper, delegation):
    return services.paper_submit(paper=paper, delegation=delegation, actor=delegate_of(delegation))


def refusal(call):
    with pytest.raises(DomainError) as refused:
        call()
    return str(refused.value)


def entry(action):
    """The one audit entry written for ``action``: (actor, data)."""
    (found,) = AuditEntry.objects.filter(action=action)
    return found.actor, found.data


@pytest.fixture
def signals(monkeypatch):
    """The live signals the paper services send: (what, keyword arguments), each checked to
    go to the paper's committee."""
    sent = []

    def notify(committee, what, **kw):
        assert committee.acronym == "CCPCJ"
        sent.append((what, kw))

    monkeypatch.setattr(services, "notify", notify)
    return sent


# Writing a paper ----------------------------------------------------------------------------


def test_only_a_delegation_of_the_committee_writes_a_working_paper_there(
    floor, other_committee, delegate
):
    """A delegation drafts a working paper in its own committee; one from another committee
    (even acting through its own delegate) and no delegation at all are refused."""
    outsider = DelegationFactory(committee=other_committee)
    message = "Only a delegation of this committee can write a working paper."
    assert refusal(lambda: create(floor, outsider)) == message
    assert refusal(lambda: create(floor, None, actor=delegate)) == message
    assert not WorkingPaper.objects.exists()


def test_a_delegate_writes_papers_for_their_own_delegation_only(floor, mexico, other_delegate):
    """Delegations act from their own accounts: France's delegate cannot start Mexico's paper."""
    assert refusal(lambda: create(floor, mexico, actor=other_delegate)) == (
        "You do not represent Mexico: only its delegates can act for it."
    )
    assert not WorkingPaper.objects.exists()


def test_no_open_topic_refusal_says_papers_are_written_on_the_open_topic(
    committee, delegations, delegate
):
    assert refusal(lambda: create(committee, delegations[0], actor=delegate)) == (
        "No topic is open: working papers are written on the open topic."
    )


def test_a_paper_is_written_on_the_topic_open_now_in_its_own_committee(
    floor, mexico, chair, other_committee, other_dais
):
    """CCPCJ's open topic is not GA3's; once CCPCJ's topic 1 is closed and topic 2 opened,
    new papers are on topic 2 and numbered from 1 there."""
    for title in ("Cybercrime", "Corruption"):
        session_services.topic_propose(committee=other_committee, title=title, actor=other_dais)
    session_services.agenda_adopt(committee=other_committee, order=[2, 1], actor=other_dais)
    ga3_paper = create(other_committee, DelegationFactory(committee=other_committee))
    assert (ga3_paper.topic.committee, ga3_paper.topic.title) == (other_committee, "Corruption")
    first = create(floor, mexico)
    assert (first.topic.committee, first.topic.number, first.name) == (
        floor,
        1,
        "Working paper 1.1",
    )
    session_services.topic_close(topic=first.topic, actor=chair)
    session_services.topic_open_next(committee=floor, actor=chair)
    later = create(floor, mexico)
    assert (later.topic.committee, later.topic.number, later.number, later.name) == (
        floor,
        2,
        1,
        "Working paper 2.1",
    )


def test_a_paper_title_is_kept_on_one_line_and_at_most_200_characters(floor, mexico):
    spaced = create(floor, mexico, title="  Data   sharing\n on  trafficking ")
    assert spaced.title == "Data sharing on trafficking"
    long = create(floor, mexico, title="Word " * 60)
    long.refresh_from_db()
    assert long.title == ("Word " * 60)[:200]


def test_the_main_sponsor_is_recorded_as_having_accepted_when_the_paper_is_created(floor, mexico):
    paper = create(floor, mexico)
    main = paper.supporters.get()
    assert (main.role, main.state, main.position) == ("sponsor", "accepted", 0)
    assert main.answered_at is not None
    assert paper.title == ""


def test_a_paper_keeps_the_delegate_who_started_it(floor, mexico, delegate):
    """The dais sees who wrote a paper (the admin's "created by"), stored with the paper."""
    paper = create(floor, mexico, actor=delegate)
    paper.refresh_from_db()
    assert paper.created_by == delegate


def test_a_paper_started_without_text_gets_the_committee_heading_as_its_first_draft(
    floor, mexico, delegate
):
    """A resolution opens with the committee's full name (DOMAIN.md, "Resolution text")."""
    paper = create(floor, mexico, actor=delegate, resolution=None)
    first = paper.revisions.get()
    assert (first.number, first.author, first.note) == (1, delegate, "first draft")
    text = first.resolution
    assert text.heading == "The Commission on Crime Prevention and Criminal Justice"
    assert (text.preamble, text.operative) == ([], [])


def test_the_first_draft_heading_keeps_the_committee_name_whole(floor, mexico):
    floor.refresh_from_db()
    floor.full_name = "Open-ended Working Group on Annex X"
    floor.save()
    paper = create(floor, mexico, resolution=None)
    assert paper.revisions.get().resolution.heading == "The Open-ended Working Group on Annex X"


def test_creating_a_paper_is_recorded_and_told_to_its_sponsor_only(
    floor, mexico, delegate, signals
):
    paper = create(floor, mexico, actor=delegate)
    assert entry("paper.created") == (
        delegate,
        {"paper": "Working paper 1.1", "delegation": "Mexico", "topic": 1, "revision": 1},
    )
    ((what, kw),) = signals
    assert (what, kw["paper"], list(kw["only_delegations"])) == ("papers", paper.pk, [mexico.pk])
    assert "delegation" not in kw
    found = AuditEntry.objects.get(action="paper.created")
    assert (found.committee, found.target_type, found.target_id, found.target_repr) == (
        floor,
        "resolutions.workingpaper",
        str(paper.pk),
        "Working paper 1.1",
    )


# Inviting sponsors and signatories -----------------------------------------------------------


@pytest.fixture
def paper(floor, mexico, delegate):
    return create(floor, mexico, actor=delegate)


def test_only_the_sponsors_delegates_invite_supporters(paper, mexico, france, kenya, delegate):
    french = delegate_of(france)
    assert refusal(
        lambda: services.supporter_invite(
            paper=paper, delegation=mexico, actor=french, invitee=kenya, role="signatory"
        )
    ) == ("You do not represent Mexico: only its delegates can act for it.")
    assert refusal(
        lambda: services.supporter_invite(
            paper=paper, delegation=france, actor=french, invitee=kenya, role="signatory"
        )
    ) == ("Only the sponsors of Working paper 1.1 can do this.")
    assert not paper.supporters.filter(delegation=kenya).exists()


def test_supporters_are_invited_before_submission_only(paper, mexico, france, kenya):
    sign(paper, france)
    submit(paper, mexico)
    assert refusal(lambda: invite(paper, kenya)) == (
        "Sponsors and signatures are gathered before the paper is submitted."
    )


def test_a_delegation_of_another_committee_cannot_be_invited(paper, other_committee):
    stranger = DelegationFactory(committee=other_committee)
    assert refusal(lambda: invite(paper, stranger)) == (
        f"{stranger} is not a delegation of this committee."
    )


def test_a_delegation_is_invited_as_a_sponsor_or_a_signatory_only(paper, france):
    assert refusal(lambda: invite(paper, france, role="observer")) == (
        "Invite a delegation as a sponsor or as a signatory."
    )
    assert not paper.supporters.filter(delegation=france).exists()


def test_a_pending_invitation_is_not_sent_twice_and_the_refusal_says_what_it_is(paper, france):
    invite(paper, france)
    assert refusal(lambda: invite(paper, france, role="sponsor")) == (
        "France is already signatory (invited)."
    )


def test_a_signature_on_another_paper_does_not_stop_an_invitation(floor, paper, mexico, france):
    other = create(floor, mexico)
    sign(other, france)
    supporter = invite(paper, france)
    assert (supporter.paper, supporter.state) == (paper, Supporter.State.INVITED)


def test_co_sponsors_follow_the_main_sponsor_in_order_and_signatories_have_no_place(
    paper, france, kenya, japan
):
    """The main sponsor is 0; each co-sponsor invited takes the next place; signing is not
    sponsoring, so signatories stand outside that order."""
    assert invite(paper, france, "sponsor").position == 1
    assert invite(paper, japan, "signatory").position == 0
    assert invite(paper, kenya, "sponsor").position == 2
    stored = dict(paper.supporters.values_list("delegation_id", "position"))
    assert (stored[france.pk], stored[kenya.pk], stored[japan.pk]) == (1, 2, 0)


def test_a_delegation_that_declined_can_be_invited_again_in_another_role(paper, france):
    invite(paper, france)
    declined = answer(paper, france, accept=False)
    assert declined.answered_at is not None
    again = invite(paper, france, "sponsor")
    assert again.pk == declined.pk
    again.refresh_from_db()
    assert (again.role, again.state, again.position, again.answered_at) == (
        Supporter.Role.SPONSOR,
        Supporter.State.INVITED,
        1,
        None,
    )


def test_an_invitation_is_recorded_and_told_to_the_invitee(
    paper, mexico, france, delegate, signals
):
    signals.clear()
    invite(paper, france)
    assert entry("paper.supporter_invited") == (
        delegate,
        {"paper": "Working paper 1.1", "delegation": "France", "role": "signatory"},
    )
    ((what, kw),) = signals
    assert (what, kw["paper"], kw["delegation"]) == ("papers", paper.pk, france.pk)
    assert set(kw["only_delegations"]) == {mexico.pk, france.pk}


# Answering an invitation ---------------------------------------------------------------------


def test_only_the_invited_delegations_delegates_answer(paper, france, kenya):
    invite(paper, france)
    assert refusal(
        lambda: services.supporter_answer(
            paper=paper, delegation=france, actor=delegate_of(kenya), accept=True
        )
    ) == ("You do not represent France: only its delegates can act for it.")
    assert paper.supporters.get(delegation=france).state == Supporter.State.INVITED


def test_an_answer_concerns_this_papers_invitation_only(floor, paper, mexico, france):
    """France signed another paper first; its invitation to this one is still open."""
    other = create(floor, mexico)
    assert other.number == 2 and other.pk > paper.pk
    sign(paper, france)
    invite(other, france)
    accepted = answer(other, france)
    assert (accepted.paper, accepted.state) == (other, Supporter.State.ACCEPTED)


def test_an_invitation_cannot_be_answered_once_the_paper_is_submitted(paper, mexico, france, kenya):
    invite(paper, kenya)
    sign(paper, france)
    submit(paper, mexico)
    assert refusal(lambda: answer(paper, kenya)) == (
        "Working paper 1.1 is submitted; signatures can no longer change."
    )
    assert paper.supporters.get(delegation=kenya).state == Supporter.State.INVITED


def test_each_answer_is_recorded_with_its_meaning_and_told_to_the_delegation(
    paper, mexico, france, kenya, japan, signals
):
    """Accepting an invitation to sign is signing, to sponsor is co-sponsoring; a refusal is
    declining. Each is stamped with the time it was given."""
    invite(paper, france)
    invite(paper, kenya, "sponsor")
    invite(paper, japan)
    signals.clear()
    answered = [answer(paper, france), answer(paper, kenya), answer(paper, japan, accept=False)]
    assert [(s.state, s.answered_at is not None) for s in answered] == [
        ("accepted", True),
        ("accepted", True),
        ("declined", True),
    ]
    assert entry("paper.signed") == (
        delegate_of(france),
        {"paper": "Working paper 1.1", "delegation": "France", "role": "signatory"},
    )
    assert entry("paper.cosponsored") == (
        delegate_of(kenya),
        {"paper": "Working paper 1.1", "delegation": "Kenya", "role": "sponsor"},
    )
    assert entry("paper.declined") == (
        delegate_of(japan),
        {"paper": "Working paper 1.1", "delegation": "Japan", "role": "signatory"},
    )
    assert [kw["delegation"] for _, kw in signals] == [france.pk, kenya.pk, japan.pk]
    # Japan declined: it no longer reads the draft, but its screens still hear of it.
    assert set(signals[-1][1]["only_delegations"]) == {mexico.pk, france.pk, kenya.pk, japan.pk}


# Submitting ----------------------------------------------------------------------------------


def test_a_delegate_submits_for_their_own_delegation_only(paper, mexico, france):
    sign(paper, france)
    assert refusal(
        lambda: services.paper_submit(paper=paper, delegation=mexico, actor=delegate_of(france))
    ) == ("You do not represent Mexico: only its delegates can act for it.")
    paper.refresh_from_db()
    assert paper.status == S.DRAFTING


def test_a_submitted_paper_cannot_be_submitted_again(paper, mexico, france):
    sign(paper, france)
    submit(paper, mexico)
    assert refusal(lambda: submit(paper, mexico)) == (
        "Working paper 1.1 is submitted; it cannot be submitted now."
    )
    assert paper.rounds.count() == 1


def test_a_text_without_operative_clauses_is_refused_with_the_reason(paper, mexico, france):
    sign(paper, france)
    services.paper_save_text(
        paper=paper,
        delegation=mexico,
        actor=delegate_of(mexico),
        resolution=Resolution(preamble=[Clause("Recalling resolution 55/25")]),
    )
    assert refusal(lambda: submit(paper, mexico)) == (
        "A working paper needs at least one operative clause."
    )


def test_submission_names_the_first_error_and_lets_warnings_through(paper, mexico, france):
    """Errors stop a submission (the first is named); warnings such as an unknown opening
    phrase are for the sponsors to weigh and do not."""
    sign(paper, france)
    deep = Clause("Decides:", [Clause("a:", [Clause("b:", [Clause("c:", [Clause("d")])])])])
    services.paper_save_text(
        paper=paper,
        delegation=mexico,
        actor=delegate_of(mexico),
        resolution=Resolution(operative=[Clause(""), deep]),
    )
    message = refusal(lambda: submit(paper, mexico))
    assert message == "Fix the text first: op 1: empty clause."
    services.paper_save_text(
        paper=paper,
        delegation=mexico,
        actor=delegate_of(mexico),
        resolution=parse("1. Wibbles the data;\n2. Requests a report.").resolution,
    )
    assert submit(paper, mexico).status == S.SUBMITTED


def test_a_submission_opens_a_round_and_is_recorded(paper, mexico, france, kenya, delegate):
    sign(paper, france)
    sign(paper, kenya, "sponsor")
    submit(paper, mexico)
    round_ = paper.rounds.get()
    assert (round_.number, round_.revision.number, round_.submitted_by) == (1, 1, delegate)
    assert round_.submitted_at is not None
    # Six present: 20 % of 6 rounded up is 2; Mexico, France and Kenya have it.
    assert entry("paper.submitted") == (
        delegate,
        {
            "paper": "Working paper 1.1",
            "from": "drafting",
            "to": "submitted",
            "round": 1,
            "revision": 1,
            "supporters": 3,
            "needed": 2,
        },
    )


def test_a_submitted_paper_is_public_so_its_moves_are_told_to_the_whole_committee(
    paper, mexico, france, signals
):
    sign(paper, france)
    signals.clear()
    submit(paper, mexico)
    ((what, kw),) = signals
    assert (what, kw["paper"], kw["only_delegations"]) == ("papers", paper.pk, None)


def test_a_move_is_stamped_with_the_time_it_was_made(paper, mexico, france, director):
    sign(paper, france)
    moment = dt.datetime(2025, 4, 14, 10, 30, tzinfo=dt.UTC)
    with clock.travel_to(moment):
        submit(paper, mexico)
    paper.refresh_from_db()
    assert paper.status_changed_at == moment
    with clock.travel_to(moment + dt.timedelta(hours=2)):
        services.paper_approve(paper=paper, actor=director)
    paper.refresh_from_db()
    assert paper.status_changed_at == moment + dt.timedelta(hours=2)


def test_a_paper_moves_only_along_its_transitions(paper, director):
    """Every move goes through one place that checks it: a paper still being drafted has not
    been reviewed, so it cannot be approved; the refusal names both statuses as users read
    them, and nothing changes or is recorded."""
    assert refusal(
        lambda: services._move(paper, S.APPROVED, actor=director, action="paper.approved")
    ) == ("Working paper 1.1 is drafting; it cannot be approved as draft resolution now.")
    paper.refresh_from_db()
    assert paper.status == S.DRAFTING
    assert not AuditEntry.objects.filter(action="paper.approved").exists()


def test_a_resubmission_opens_the_next_round_on_the_revised_text(
    paper, mexico, france, delegate, director
):
    sign(paper, france)
    submit(paper, mexico)
    services.paper_return(paper=paper, actor=director, general_comment="Say who reports.")
    services.paper_save_text(
        paper=paper,
        delegation=mexico,
        actor=delegate,
        resolution=parse(TEXT.replace("a report", "a report by the Secretariat")).resolution,
    )
    submit(paper, mexico)
    assert [(r.number, r.revision.number) for r in paper.rounds.order_by("number")] == [
        (1, 1),
        (2, 2),
    ]
    assert entry("paper.resubmitted")[1] == {
        "paper": "Working paper 1.1",
        "from": "returned",
        "to": "resubmitted",
        "round": 2,
        "revision": 2,
        "supporters": 2,
        "needed": 2,
    }


# Approval as a draft resolution --------------------------------------------------------------


@pytest.fixture
def submitted(paper, mexico, france):
    sign(paper, france)
    return submit(paper, mexico)


def test_approval_answers_the_round_and_is_recorded(submitted, director):
    draft = services.paper_approve(paper=submitted, actor=director)
    draft.refresh_from_db()
    assert (draft.code, draft.number, draft.approved_by) == ("DR 1/1", 1, director)
    assert draft.approved_at is not None and draft.revision.number == 1
    round_ = submitted.rounds.get()
    assert (round_.outcome, round_.answered_by) == ("approved", director)
    assert round_.answered_at is not None and round_.general_comment == ""
    assert entry("paper.approved") == (
        director,
        {
            "paper": "Working paper 1.1",
            "from": "submitted",
            "to": "approved",
            "code": "DR 1/1",
            "round": 1,
            "revision": 1,
        },
    )


def test_no_paper_is_approved_while_its_topic_is_in_voting_procedure(
    floor, submitted, mexico, france, director, chair
):
    """Voting procedure: no one enters or leaves, and the drafts voted on are those
    approved before closure of debate."""
    services.paper_approve(paper=submitted, actor=director)
    late = create(floor, mexico)
    sign(late, france)
    submit(late, mexico)
    close_debate(floor, chair)
    assert refusal(lambda: services.paper_approve(paper=late, actor=director)) == (
        "Topic 1 is in voting procedure: no one enters or leaves until its last vote, so "
        "approving Working paper 1.2 as a draft resolution must wait until voting procedure "
        "ends."
    )
    late.refresh_from_db()
    assert late.status == S.SUBMITTED and DraftResolution.objects.count() == 1


def test_a_code_format_without_the_topic_that_repeats_a_code_is_refused(
    floor, mexico, france, chair, director
):
    """Draft codes are numbered per topic; a format that leaves out the topic gives topic
    2's first draft the code topic 1's first draft already has."""
    floor.refresh_from_db()
    floor.draft_code_format = "DR {number}"
    floor.save()
    first = create(floor, mexico)
    sign(first, france)
    submit(first, mexico)
    assert services.paper_approve(paper=first, actor=director).code == "DR 1"
    session_services.topic_close(topic=first.topic, actor=chair)
    session_services.topic_open_next(committee=floor, actor=chair)
    second = create(floor, mexico)
    sign(second, france)
    submit(second, mexico)
    assert refusal(lambda: services.paper_approve(paper=second, actor=director)) == (
        "The code DR 1 is already taken; try again."
    )
    second.refresh_from_db()
    assert second.status == S.SUBMITTED


def test_draft_numbers_count_per_topic(floor, mexico, france, chair, director):
    first = create(floor, mexico)
    sign(first, france)
    submit(first, mexico)
    services.paper_approve(paper=first, actor=director)
    session_services.topic_close(topic=first.topic, actor=chair)
    session_services.topic_open_next(committee=floor, actor=chair)
    second = create(floor, mexico)
    sign(second, france)
    submit(second, mexico)
    draft = services.paper_approve(paper=second, actor=director)
    assert (draft.number, draft.code) == (1, "DR 2/1")

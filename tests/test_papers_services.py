import pytest

from resolutions import services
from resolutions.models import DraftResolution, Revision, Round, Supporter, WorkingPaper
from resolutions.selectors import anchor_comments
from resolutions.text import Clause, Resolution, parse
from sessions.errors import DomainError
from sessions.models import AuditEntry, Topic

from .factories import TopicFactory, delegate_of, open_floor

pytestmark = pytest.mark.django_db
S = WorkingPaper.Status

TEXT = """Recalling resolution 55/25,
1. Encourages Member States to share data;
2. Requests a report."""


@pytest.fixture
def floor(committee, delegations, chair):
    open_floor(committee, chair)
    return committee


@pytest.fixture
def mexico(delegations):
    return delegations[0]


@pytest.fixture
def france(delegations):
    return delegations[1]


@pytest.fixture
def paper(floor, mexico, delegate):
    return services.paper_create(
        committee=floor, delegation=mexico, actor=delegate, resolution=parse(TEXT).resolution
    )


def sign(paper, delegation, by, actor, role=Supporter.Role.SIGNATORY):
    services.supporter_invite(
        paper=paper, delegation=by, actor=actor, invitee=delegation, role=role
    )
    return services.supporter_answer(
        paper=paper, delegation=delegation, actor=delegate_of(delegation), accept=True
    )


def submitted(paper, mexico, delegate, france):
    sign(paper, france, mexico, delegate)
    return services.paper_submit(paper=paper, delegation=mexico, actor=delegate)


def test_create_puts_the_paper_on_the_open_topic_with_its_main_sponsor(paper, mexico, floor):
    assert paper.topic == floor.topics.get(status=Topic.Status.OPEN)
    assert paper.status == S.DRAFTING and paper.number == 1 and paper.name == "Working paper 1.1"
    main = paper.supporters.get()
    assert (main.delegation, main.role, main.state, main.position) == (
        mexico,
        "sponsor",
        "accepted",
        0,
    )
    assert paper.revisions.get().number == 1
    assert AuditEntry.objects.filter(action="paper.created").count() == 1


def test_create_needs_an_open_topic(committee, delegations, delegate):
    with pytest.raises(DomainError, match="No topic is open"):
        services.paper_create(committee=committee, delegation=delegations[0], actor=delegate)


def test_threshold_is_a_share_of_the_delegations_present_rounded_up(
    committee, chair, delegations, delegate
):
    open_floor(committee, chair, present=5)  # 5 of 6 present: 20 % of 5 = 1
    paper = services.paper_create(committee=committee, delegation=delegations[0], actor=delegate)
    threshold = services.threshold_for(paper)
    assert (threshold.present, threshold.needed, threshold.have) == (5, 1, 1)
    committee.signatory_threshold_percent = 50
    committee.save()
    threshold = services.threshold_for(paper)
    assert threshold.needed == 3 and str(threshold) == "1 of 3 needed" and not threshold.met


def test_submit_refused_below_threshold_then_allowed(floor, paper, mexico, france, delegate):
    floor.signatory_threshold_percent = 34  # 6 present: 34 % -> 3 needed
    floor.save()
    with pytest.raises(DomainError, match="1 of 3 needed"):
        services.paper_submit(paper=paper, delegation=mexico, actor=delegate)
    sign(paper, france, mexico, delegate)
    sign(
        paper,
        floor.delegations.get(member_state__iso3="KEN"),
        mexico,
        delegate,
        role=Supporter.Role.SPONSOR,
    )
    paper = services.paper_submit(paper=paper, delegation=mexico, actor=delegate)
    assert paper.status == S.SUBMITTED
    round_ = paper.rounds.get()
    assert round_.number == 1 and round_.revision.number == 1
    entry = AuditEntry.objects.get(action="paper.submitted")
    assert entry.data["supporters"] == 3 and entry.data["needed"] == 3


def test_only_sponsors_submit_and_edit(paper, france, other_delegate):
    with pytest.raises(DomainError, match="Only the sponsors"):
        services.paper_submit(paper=paper, delegation=france, actor=other_delegate)
    with pytest.raises(DomainError, match="Only the sponsors"):
        services.paper_save_text(
            paper=paper, delegation=france, actor=other_delegate, resolution=Resolution()
        )


def test_invited_cosponsor_becomes_sponsor_and_can_edit(
    paper, mexico, france, delegate, other_delegate
):
    sign(paper, france, mexico, delegate, role=Supporter.Role.SPONSOR)
    revision = services.paper_save_text(
        paper=paper,
        delegation=france,
        actor=other_delegate,
        resolution=parse(TEXT + "\n3. Decides to act.").resolution,
    )
    assert revision.number == 2
    assert AuditEntry.objects.filter(action="paper.cosponsored").exists()


def test_signature_withdrawn_before_submission_only(
    paper, mexico, france, delegate, other_delegate
):
    sign(paper, france, mexico, delegate)
    services.signature_withdraw(paper=paper, delegation=france, actor=other_delegate)
    assert services.threshold_for(paper).have == 1
    sign(paper, france, mexico, delegate)
    services.paper_submit(paper=paper, delegation=mexico, actor=delegate)
    with pytest.raises(DomainError, match="before the paper is submitted"):
        services.signature_withdraw(paper=paper, delegation=france, actor=other_delegate)


def test_invitation_answered_once_and_only_by_the_invitee(
    paper, mexico, france, delegations, delegate, other_delegate
):
    services.supporter_invite(
        paper=paper, delegation=mexico, actor=delegate, invitee=france, role="signatory"
    )
    with pytest.raises(DomainError, match="already signatory"):
        services.supporter_invite(
            paper=paper, delegation=mexico, actor=delegate, invitee=france, role="signatory"
        )
    with pytest.raises(DomainError, match="no open invitation"):
        services.supporter_answer(
            paper=paper, delegation=delegations[2], actor=delegate_of(delegations[2]), accept=True
        )
    services.supporter_answer(paper=paper, delegation=france, actor=other_delegate, accept=False)
    with pytest.raises(DomainError, match="no open invitation"):
        services.supporter_answer(paper=paper, delegation=france, actor=other_delegate, accept=True)


def test_revisions_are_never_lost(paper, mexico, delegate):
    texts = [TEXT + f"\n3. Decides on {n}." for n in range(3)]
    for text in texts:
        services.paper_save_text(
            paper=paper, delegation=mexico, actor=delegate, resolution=parse(text).resolution
        )
    # Saving the same text again keeps no empty revision.
    services.paper_save_text(
        paper=paper, delegation=mexico, actor=delegate, resolution=parse(texts[-1]).resolution
    )
    revisions = list(paper.revisions.order_by("number"))
    assert [r.number for r in revisions] == [1, 2, 3, 4]
    assert revisions[0].text == parse(TEXT).resolution.to_dict()
    assert [r.resolution.operative[2].text for r in revisions[1:]] == [
        "Decides on 0",
        "Decides on 1",
        "Decides on 2",
    ]


def test_full_feedback_cycle_and_approval(paper, mexico, france, delegate, director):
    submitted(paper, mexico, delegate, france)
    services.comment_add(paper=paper, actor=director, clause="op 2", text="Who reports to whom?")
    with pytest.raises(DomainError, match="no clause “op 9”"):
        services.comment_add(paper=paper, actor=director, clause="op 9", text="?")
    paper = services.paper_return(paper=paper, actor=director, general_comment="Good start.")
    assert paper.status == S.RETURNED
    first = paper.rounds.get(number=1)
    assert first.outcome == Round.Outcome.RETURNED and first.general_comment == "Good start."

    with pytest.raises(DomainError, match="not waiting for the dais"):
        services.paper_approve(paper=paper, actor=director)
    services.paper_save_text(
        paper=paper,
        delegation=mexico,
        actor=delegate,
        resolution=parse(
            "Recalling resolution 55/25,\n1. Welcomes the work of UNODC;\n"
            "2. Encourages Member States to share data;\n3. Requests a report to the CCPCJ."
        ).resolution,
    )
    paper = services.paper_submit(paper=paper, delegation=mexico, actor=delegate)
    assert paper.status == S.RESUBMITTED and paper.rounds.count() == 2

    draft = services.paper_approve(paper=paper, actor=director)
    paper.refresh_from_db()
    assert paper.status == S.APPROVED and draft.code == "DR 1/1"
    assert draft.revision == paper.rounds.get(number=2).revision
    with pytest.raises(DomainError):
        services.paper_save_text(
            paper=paper, delegation=mexico, actor=delegate, resolution=Resolution()
        )
    actions = list(
        AuditEntry.objects.filter(action__startswith="paper.")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "paper.created",
        "paper.supporter_invited",
        "paper.signed",
        "paper.submitted",
        "paper.commented",
        "paper.returned",
        "paper.revised",
        "paper.resubmitted",
        "paper.approved",
    ]


def test_feedback_stays_on_its_clause_after_the_text_changes(
    paper, mexico, france, delegate, director
):
    submitted(paper, mexico, delegate, france)
    services.comment_add(paper=paper, actor=director, clause="op 2", text="Say who reports.")
    services.comment_add(paper=paper, actor=director, clause="op 1", text="Remove this one.")
    services.paper_return(paper=paper, actor=director)
    # A clause is added on top and op 1 is deleted: the comment on "Requests a report" follows.
    revision = services.paper_save_text(
        paper=paper,
        delegation=mexico,
        actor=delegate,
        resolution=parse(
            "Recalling resolution 55/25,\n1. Welcomes the work of UNODC;\n"
            "2. Notes the data gap;\n3. Requests a report to the Commission."
        ).resolution,
    )
    placed, lost = anchor_comments(paper.rounds.all(), revision)
    assert [c.text for c in placed["op 3"]] == ["Say who reports."]
    assert [c.text for c in lost] == ["Remove this one."]


@pytest.mark.parametrize("action", ["return", "approve", "not_accept", "comment"])
def test_dais_moves_refused_on_a_paper_in_drafting(paper, director, action):
    calls = {
        "return": lambda: services.paper_return(paper=paper, actor=director, general_comment="x"),
        "approve": lambda: services.paper_approve(paper=paper, actor=director),
        "not_accept": lambda: services.paper_not_accept(paper=paper, actor=director, reason="x"),
        "comment": lambda: services.comment_add(
            paper=paper, actor=director, clause="op 1", text="x"
        ),
    }
    with pytest.raises(DomainError, match="not waiting for the dais"):
        calls[action]()


def test_return_needs_some_feedback(paper, mexico, france, delegate, director):
    submitted(paper, mexico, delegate, france)
    with pytest.raises(DomainError, match="general comment or comments"):
        services.paper_return(paper=paper, actor=director)


def test_not_accepted_needs_a_reason_and_is_final(paper, mexico, france, delegate, director):
    submitted(paper, mexico, delegate, france)
    with pytest.raises(DomainError, match="reason"):
        services.paper_not_accept(paper=paper, actor=director, reason=" ")
    paper = services.paper_not_accept(paper=paper, actor=director, reason="Off topic.")
    assert paper.status == S.NOT_ACCEPTED and paper.reason == "Off topic."
    with pytest.raises(DomainError):
        services.paper_withdraw(paper=paper, delegation=mexico, actor=delegate)


def test_withdraw_by_sponsors_before_approval(paper, mexico, france, delegate, director):
    submitted(paper, mexico, delegate, france)
    paper = services.paper_withdraw(
        paper=paper, delegation=mexico, actor=delegate, reason="Merging informally."
    )
    assert paper.status == S.WITHDRAWN
    assert paper.rounds.get().outcome == Round.Outcome.WITHDRAWN
    with pytest.raises(DomainError, match="cannot be withdrawn"):
        services.paper_withdraw(paper=paper, delegation=mexico, actor=delegate)


def test_merge_makes_both_sponsor_groups_sponsor_the_merged_paper(
    floor, paper, mexico, france, delegations, delegate, other_delegate, director
):
    submitted(paper, mexico, delegate, france)
    kenya = delegations[2]
    other = services.paper_create(
        committee=floor,
        delegation=france,
        actor=other_delegate,
        resolution=parse(
            "Recalling resolution 55/25,\nNoting the data gap,\n1. Urges Member States to act."
        ).resolution,
    )
    sign(other, kenya, france, other_delegate, role=Supporter.Role.SPONSOR)
    services.paper_submit(paper=other, delegation=france, actor=other_delegate)

    into = services.paper_merge(paper=other, into=paper, actor=director)
    other.refresh_from_db()
    assert other.status == S.MERGED and other.merged_into == paper
    assert into.status == S.RETURNED
    sponsors = set(
        into.supporters.filter(role="sponsor", state="accepted").values_list(
            "delegation__member_state__iso3", flat=True
        )
    )
    assert sponsors == {"MEX", "FRA", "KEN"}
    merged = services.latest_revision(into).resolution
    assert [c.text for c in merged.preamble] == [
        "Recalling resolution 55/25",
        "Noting the data gap",
    ]
    assert [c.text for c in merged.operative] == [
        "Encourages Member States to share data",
        "Requests a report",
        "Urges Member States to act",
    ]
    assert other.rounds.get().outcome == Round.Outcome.MERGED
    assert paper.rounds.get().outcome == Round.Outcome.RETURNED


def test_merge_refuses_itself_and_other_topics(floor, paper, mexico, france, delegate, director):
    submitted(paper, mexico, delegate, france)
    with pytest.raises(DomainError, match="itself"):
        services.paper_merge(paper=paper, into=paper, actor=director)


def test_approval_codes_follow_the_topic_and_the_format(floor, mexico, france, delegate, director):
    floor.draft_code_format = "Draft {topic}-{number}"
    floor.save()
    codes = []
    for _ in range(3):
        paper = services.paper_create(
            committee=floor, delegation=mexico, actor=delegate, resolution=parse(TEXT).resolution
        )
        submitted(paper, mexico, delegate, france)
        codes.append(services.paper_approve(paper=paper, actor=director).code)
    assert codes == ["Draft 1-1", "Draft 1-2", "Draft 1-3"]
    assert DraftResolution.objects.count() == 3


def test_submit_refuses_a_text_without_operative_clauses_or_with_errors(
    paper, mexico, france, delegate
):
    sign(paper, france, mexico, delegate)
    services.paper_save_text(
        paper=paper,
        delegation=mexico,
        actor=delegate,
        resolution=Resolution(preamble=[Clause("Recalling x")]),
    )
    with pytest.raises(DomainError, match="at least one operative clause"):
        services.paper_submit(paper=paper, delegation=mexico, actor=delegate)
    services.paper_save_text(
        paper=paper,
        delegation=mexico,
        actor=delegate,
        resolution=Resolution(operative=[Clause("Urges"), Clause("")]),
    )
    with pytest.raises(DomainError, match="op 2: empty clause"):
        services.paper_submit(paper=paper, delegation=mexico, actor=delegate)
    assert Revision.objects.filter(paper=paper).count() == 3


def test_submit_and_approve_need_the_topic_open(
    floor, paper, mexico, france, delegate, director, chair
):
    from sessions import services as session_services

    sign(paper, france, mexico, delegate)
    late = services.paper_create(
        committee=floor, delegation=mexico, actor=delegate, resolution=parse(TEXT).resolution
    )
    sign(late, france, mexico, delegate)
    services.paper_submit(paper=paper, delegation=mexico, actor=delegate)
    session_services.topic_close(topic=paper.topic, actor=chair)
    with pytest.raises(DomainError, match="Topic 1 is closed"):
        services.paper_approve(paper=paper, actor=director)
    with pytest.raises(DomainError, match="Topic 1 is closed"):
        services.paper_submit(paper=late, delegation=mexico, actor=delegate)
    other = WorkingPaper.objects.get(pk=paper.pk)
    assert other.status == S.SUBMITTED and not DraftResolution.objects.exists()


def test_signature_withdraw_touches_only_this_papers_accepted_signature(
    floor, paper, mexico, france, delegate
):
    """France signed another paper and was only invited to sign this one: withdrawing from
    this one is refused and changes nothing; withdrawing an accepted signature declines it,
    stamped with the time."""
    other = services.paper_create(
        committee=floor, delegation=mexico, actor=delegate, resolution=parse(TEXT).resolution
    )
    sign(other, france, mexico, delegate)
    services.supporter_invite(
        paper=paper,
        delegation=mexico,
        actor=delegate,
        invitee=france,
        role=Supporter.Role.SIGNATORY,
    )
    french = delegate_of(france)
    with pytest.raises(DomainError, match="France has not signed Working paper 1.1"):
        services.signature_withdraw(paper=paper, delegation=france, actor=french)
    assert other.supporters.get(delegation=france).state == Supporter.State.ACCEPTED
    assert paper.supporters.get(delegation=france).state == Supporter.State.INVITED
    signed_at = other.supporters.get(delegation=france).answered_at
    services.signature_withdraw(paper=other, delegation=france, actor=french)
    withdrawn = other.supporters.get(delegation=france)
    assert withdrawn.state == Supporter.State.DECLINED
    assert withdrawn.answered_at is not None and withdrawn.answered_at >= signed_at


# The record: every change writes one audit entry naming who did it and what changed (the
# summary report is drafted from it), and tells the delegations concerned.


def entry(action):
    """The one audit entry written for ``action``: (actor, data)."""
    (found,) = AuditEntry.objects.filter(action=action)
    return found.actor, found.data


@pytest.fixture
def signals(monkeypatch):
    """The live signals the paper services send: (what, keyword arguments)."""
    sent = []
    monkeypatch.setattr(services, "notify", lambda committee, what, **kw: sent.append((what, kw)))
    return sent


def test_a_withdrawn_signature_is_recorded_and_told_to_the_delegation(
    paper, mexico, france, delegate, signals
):
    sign(paper, france, mexico, delegate)
    french = delegate_of(france)
    signals.clear()
    services.signature_withdraw(paper=paper, delegation=france, actor=french)
    assert entry("paper.signature_withdrawn") == (
        french,
        {"paper": "Working paper 1.1", "delegation": "France"},
    )
    # France may no longer read the draft once it has withdrawn, but its screens still update.
    ((what, kw),) = signals
    assert what == "papers" and kw["delegation"] == france.pk and kw["paper"] == paper.pk
    assert set(kw["only_delegations"]) == {mexico.pk, france.pk}


def test_a_signature_withdrawn_after_submission_is_refused_with_the_reason(
    paper, mexico, france, delegate
):
    submitted(paper, mexico, delegate, france)
    with pytest.raises(DomainError) as refused:
        services.signature_withdraw(paper=paper, delegation=france, actor=delegate_of(france))
    assert str(refused.value) == (
        "A signature can only be withdrawn before the paper is submitted."
    )


@pytest.fixture
def cosponsored(paper, mexico, france, delegate):
    sign(paper, france, mexico, delegate, role=Supporter.Role.SPONSOR)
    return paper


def test_a_co_sponsor_leaving_is_recorded(cosponsored, france):
    french = delegate_of(france)
    services.sponsor_leave(paper=cosponsored, delegation=france, actor=french)
    assert entry("paper.sponsor_left") == (
        french,
        {"paper": "Working paper 1.1", "delegation": "France"},
    )
    assert cosponsored.supporters.get(delegation=france).state == Supporter.State.DECLINED


def test_sponsor_leave_refusals_say_why(
    cosponsored, mexico, france, delegations, delegate, director
):
    kenya = delegations[2]
    with pytest.raises(DomainError) as refused:
        services.sponsor_leave(paper=cosponsored, delegation=kenya, actor=delegate_of(kenya))
    assert str(refused.value) == "Kenya is not a sponsor of Working paper 1.1."
    with pytest.raises(DomainError) as refused:
        services.sponsor_leave(paper=cosponsored, delegation=mexico, actor=delegate)
    assert str(refused.value) == (
        "Mexico is the main sponsor of Working paper 1.1: it can withdraw the paper, not leave it."
    )
    services.paper_submit(paper=cosponsored, delegation=mexico, actor=delegate)
    services.paper_approve(paper=cosponsored, actor=director)
    with pytest.raises(DomainError) as refused:
        services.sponsor_leave(paper=cosponsored, delegation=france, actor=delegate_of(france))
    assert str(refused.value) == (
        "Working paper 1.1 is approved as draft resolution; its sponsors no longer change."
    )


def test_a_comment_is_recorded_with_its_round_and_clause(paper, mexico, france, delegate, director):
    submitted(paper, mexico, delegate, france)
    comment = services.comment_add(
        paper=paper, actor=director, clause="op 2", text="  Who reports?  "
    )
    assert (comment.text, comment.clause, comment.author) == ("Who reports?", "op 2", director)
    assert entry("paper.commented") == (
        director,
        {"paper": "Working paper 1.1", "round": 1, "clause": "op 2"},
    )
    services.comment_delete(comment=comment, actor=director)
    assert entry("paper.comment_deleted") == (
        director,
        {"paper": "Working paper 1.1", "round": 1, "clause": "op 2"},
    )


def test_the_dais_comments_on_preambular_clauses_too(paper, mexico, france, delegate, director):
    """Feedback goes on "the whole paper or on single clauses" (DOMAIN.md), any clause."""
    submitted(paper, mexico, delegate, france)
    comment = services.comment_add(paper=paper, actor=director, clause="pre 1", text="Cite it.")
    assert comment.clause == "pre 1"


def test_an_empty_comment_is_refused_with_the_reason(paper, mexico, france, delegate, director):
    submitted(paper, mexico, delegate, france)
    with pytest.raises(DomainError) as refused:
        services.comment_add(paper=paper, actor=director, clause="op 1", text="   ")
    assert str(refused.value) == "Write the comment first."


def test_comment_delete_refusals_say_why(paper, mexico, france, delegate, director):
    submitted(paper, mexico, delegate, france)
    comment = services.comment_add(paper=paper, actor=director, clause="op 1", text="Hm")
    kept = services.comment_add(paper=paper, actor=director, clause="op 2", text="Who?")
    services.comment_delete(comment=comment, actor=director)
    with pytest.raises(DomainError) as refused:
        services.comment_delete(comment=comment, actor=director)
    assert str(refused.value) == "That comment has already been deleted."
    services.paper_return(paper=paper, actor=director)
    with pytest.raises(DomainError) as refused:
        services.comment_delete(comment=kept, actor=director)
    assert str(refused.value) == "Feedback already returned to the sponsors cannot be deleted."


def test_not_accepting_without_a_reason_is_refused_with_the_reason(
    paper, mexico, france, delegate, director
):
    submitted(paper, mexico, delegate, france)
    with pytest.raises(DomainError) as refused:
        services.paper_not_accept(paper=paper, actor=director, reason="  ")
    assert str(refused.value) == "Give the sponsors a reason."


def test_a_revision_is_recorded_with_its_number_and_note(paper, mexico, delegate):
    revised = parse(TEXT + "\n3. Decides to remain seized of the matter.").resolution
    revision = services.paper_save_text(
        paper=paper, delegation=mexico, actor=delegate, resolution=revised, note="op 3 added"
    )
    assert (revision.number, revision.author, revision.note) == (2, delegate, "op 3 added")
    assert entry("paper.revised") == (
        delegate,
        {"paper": "Working paper 1.1", "revision": 2, "note": "op 3 added"},
    )


def test_a_revision_saved_without_a_note_has_none(paper, mexico, delegate):
    revised = parse(TEXT + "\n3. Decides to remain seized of the matter.").resolution
    revision = services.paper_save_text(
        paper=paper, delegation=mexico, actor=delegate, resolution=revised
    )
    assert revision.note == ""
    assert entry("paper.revised")[1]["note"] == ""


def test_a_text_of_exactly_the_clause_limit_is_kept_and_one_more_is_refused(
    paper, mexico, delegate
):
    from resolutions.limits import MAX_CLAUSES

    def text(n):
        return Resolution(
            heading="The Commission,",
            operative=[Clause(f"Requests report {i}") for i in range(n)],
        )

    services.paper_save_text(
        paper=paper, delegation=mexico, actor=delegate, resolution=text(MAX_CLAUSES)
    )
    with pytest.raises(DomainError) as refused:
        services.paper_save_text(
            paper=paper, delegation=mexico, actor=delegate, resolution=text(MAX_CLAUSES + 1)
        )
    assert str(refused.value) == (
        "A working paper can have at most 1,000 clauses and sub-clauses; this text has 1,001."
    )


def test_a_submitted_text_cannot_be_changed_and_the_refusal_says_so(
    paper, mexico, france, delegate
):
    submitted(paper, mexico, delegate, france)
    with pytest.raises(DomainError) as refused:
        services.paper_save_text(
            paper=paper, delegation=mexico, actor=delegate, resolution=parse(TEXT).resolution
        )
    assert str(refused.value) == "Working paper 1.1 is submitted; its text cannot be changed now."


def test_a_withdrawal_closes_the_open_round_and_is_recorded(paper, mexico, france, delegate):
    submitted(paper, mexico, delegate, france)
    services.paper_withdraw(paper=paper, delegation=mexico, actor=delegate)
    round_ = paper.rounds.get()
    round_.refresh_from_db()
    assert round_.outcome == Round.Outcome.WITHDRAWN and round_.answered_at is not None
    paper.refresh_from_db()
    assert paper.reason == ""
    assert entry("paper.withdrawn") == (
        delegate,
        {"paper": "Working paper 1.1", "from": "submitted", "to": "withdrawn", "reason": ""},
    )


def test_withdraw_refusals_say_why(paper, mexico, france, delegate, director, cosponsored):
    with pytest.raises(DomainError) as refused:
        services.paper_withdraw(paper=paper, delegation=france, actor=delegate_of(france))
    assert str(refused.value) == (
        "Only the main sponsor can withdraw Working paper 1.1; a co-sponsor may leave the "
        "paper instead."
    )
    services.paper_submit(paper=paper, delegation=mexico, actor=delegate)
    services.paper_approve(paper=paper, actor=director)
    with pytest.raises(DomainError) as refused:
        services.paper_withdraw(paper=paper, delegation=mexico, actor=delegate)
    assert str(refused.value) == (
        "Working paper 1.1 is approved as draft resolution; it cannot be withdrawn."
    )


def test_not_accepting_answers_the_round_with_the_reason_and_records_it(
    paper, mexico, france, delegate, director
):
    submitted(paper, mexico, delegate, france)
    services.paper_not_accept(paper=paper, actor=director, reason=" Off topic. ")
    round_ = paper.rounds.get()
    assert (round_.outcome, round_.answered_by, round_.general_comment) == (
        Round.Outcome.NOT_ACCEPTED,
        director,
        "Off topic.",
    )
    assert round_.answered_at is not None
    assert entry("paper.not_accepted") == (
        director,
        {
            "paper": "Working paper 1.1",
            "from": "submitted",
            "to": "not_accepted",
            "reason": "Off topic.",
        },
    )


def test_a_merge_without_a_comment_tells_the_sponsors_what_to_do(
    floor, paper, mexico, france, delegate, director
):
    other = services.paper_create(
        committee=floor, delegation=france, actor=delegate_of(france), resolution=paper_text()
    )
    submitted(paper, mexico, delegate, france)
    sign(other, mexico, france, delegate_of(france))
    services.paper_submit(paper=other, delegation=france, actor=delegate_of(france))
    services.paper_merge(paper=other, into=paper, actor=director)
    assert paper.rounds.get().general_comment == (
        "Working paper 1.2 was merged into this paper: combine the texts and resubmit."
    )
    assert other.rounds.get().general_comment == "merged into Working paper 1.1"


def paper_text():
    return parse(TEXT).resolution


def test_merge_refusals_say_why(floor, paper, mexico, france, delegate, director):
    with pytest.raises(DomainError) as refused:
        services.paper_merge(paper=paper, into=paper, actor=director)
    assert str(refused.value) == "A paper cannot be merged into itself."
    other = services.paper_create(
        committee=floor, delegation=france, actor=delegate_of(france), resolution=paper_text()
    )
    with pytest.raises(DomainError) as refused:
        services.paper_merge(paper=other, into=paper, actor=director)
    assert str(refused.value) == "Working paper 1.2 is drafting; it cannot be merged now."


@pytest.mark.parametrize("japan_cosponsors_both", [False, True])
def test_a_merge_adds_the_other_papers_accepted_sponsors_after_this_papers_own(
    floor, paper, delegations, delegate, director, japan_cosponsors_both
):
    """DOMAIN.md: merging is how two blocs converge, so the sponsors of both sponsor the
    merged paper. Its own sponsors keep their places (Mexico stays the main sponsor); the
    other paper's accepted sponsors follow in their order, each once. Its signatories and
    those only invited do not become sponsors."""
    mexico, france, kenya, japan, brazil, interpol = delegations
    french = delegate_of(france)
    sign(paper, france, mexico, delegate)  # France signs 1.1, then leads 1.2
    if japan_cosponsors_both:
        sign(paper, japan, mexico, delegate, role=Supporter.Role.SPONSOR)
    services.paper_submit(paper=paper, delegation=mexico, actor=delegate)
    other = services.paper_create(
        committee=floor, delegation=france, actor=french, resolution=paper_text()
    )
    sign(other, japan, france, french, role=Supporter.Role.SPONSOR)
    sign(other, kenya, france, french, role=Supporter.Role.SPONSOR)
    sign(other, brazil, france, french)
    services.supporter_invite(
        paper=other, delegation=france, actor=french, invitee=interpol, role="sponsor"
    )
    services.paper_submit(paper=other, delegation=france, actor=french)

    services.paper_merge(paper=other, into=paper, actor=director)
    sponsors = list(
        paper.supporters.filter(role="sponsor", state="accepted")
        .order_by("position")
        .values_list("delegation__member_state__iso3", "position")
    )
    if japan_cosponsors_both:
        assert sponsors == [("MEX", 0), ("JPN", 1), ("FRA", 2), ("KEN", 3)]
    else:
        assert sponsors == [("MEX", 0), ("FRA", 1), ("JPN", 2), ("KEN", 3)]
    assert not paper.supporters.filter(delegation__in=[brazil, interpol]).exists()
    for added in paper.supporters.filter(delegation__in=[france, kenya]):
        assert added.answered_at is not None


def test_a_merge_is_recorded_on_both_papers_and_their_rounds(
    floor, paper, mexico, france, delegate, director
):
    french = delegate_of(france)
    other = services.paper_create(
        committee=floor, delegation=france, actor=french, resolution=paper_text()
    )
    submitted(paper, mexico, delegate, france)
    sign(other, mexico, france, french)
    services.paper_submit(paper=other, delegation=france, actor=french)
    services.paper_merge(paper=other, into=paper, actor=director, comment=" Combine op 1. ")

    revision = services.latest_revision(paper)
    assert (revision.number, revision.author, revision.note) == (
        2,
        director,
        "merged with Working paper 1.2",
    )
    merged_round, returned_round = other.rounds.get(), paper.rounds.get()
    assert (merged_round.outcome, merged_round.answered_by, merged_round.general_comment) == (
        Round.Outcome.MERGED,
        director,
        "merged into Working paper 1.1",
    )
    assert (
        returned_round.outcome,
        returned_round.answered_by,
        returned_round.general_comment,
    ) == (Round.Outcome.RETURNED, director, "Combine op 1.")
    assert entry("paper.merged") == (
        director,
        {
            "paper": "Working paper 1.2",
            "from": "submitted",
            "to": "merged",
            "into": "Working paper 1.1",
            "into_id": paper.pk,
        },
    )
    assert entry("paper.returned") == (
        director,
        {
            "paper": "Working paper 1.1",
            "from": "submitted",
            "to": "returned",
            "merged_with": "Working paper 1.2",
            "revision": 2,
        },
    )


def test_merge_refuses_papers_on_different_topics_with_the_reason(
    floor, paper, mexico, france, delegate, director
):
    submitted(paper, mexico, delegate, france)
    other = services.paper_create(
        committee=floor, delegation=france, actor=delegate_of(france), resolution=paper_text()
    )
    other.topic = TopicFactory(committee=floor, proposed_number=9)
    other.save(update_fields=["topic"])
    with pytest.raises(DomainError) as refused:
        services.paper_merge(paper=other, into=paper, actor=director)
    assert str(refused.value) == "Only papers on the same topic can be merged."


def test_a_return_answers_the_round_and_records_how_many_comments_went_back(
    paper, mexico, france, delegate, director
):
    submitted(paper, mexico, delegate, france)
    services.comment_add(paper=paper, actor=director, clause="op 1", text="Which data?")
    services.comment_add(paper=paper, actor=director, clause="op 2", text="To whom?")
    services.paper_return(paper=paper, actor=director)
    round_ = paper.rounds.get()
    assert (round_.outcome, round_.answered_by) == (Round.Outcome.RETURNED, director)
    assert entry("paper.returned") == (
        director,
        {
            "paper": "Working paper 1.1",
            "from": "submitted",
            "to": "returned",
            "round": 1,
            "comments": 2,
        },
    )


def test_a_return_without_any_feedback_is_refused_with_the_reason(
    paper, mexico, france, delegate, director
):
    submitted(paper, mexico, delegate, france)
    with pytest.raises(DomainError) as refused:
        services.paper_return(paper=paper, actor=director, general_comment="  ")
    assert str(refused.value) == (
        "Return the paper with a general comment or comments on its clauses."
    )

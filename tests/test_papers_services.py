import pytest

from resolutions import services
from resolutions.models import DraftResolution, Revision, Round, Supporter, WorkingPaper
from resolutions.selectors import anchor_comments
from resolutions.text import Clause, Resolution, parse
from sessions.errors import DomainError
from sessions.models import AuditEntry, Topic

from .factories import delegate_of, open_floor

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

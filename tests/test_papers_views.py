import pytest
from django.urls import reverse

from resolutions import services
from resolutions.models import Comment, DraftResolution, Revision, Supporter, WorkingPaper
from resolutions.text import parse
from sessions.models import AuditEntry

from .factories import DelegateFactory, delegate_of, open_floor

pytestmark = pytest.mark.django_db

TEXT = (
    "Recalling resolution 55/25,\n1. Encourages Member States to share data;\n2. Requests a report."
)
ROLES = ["outsider", "other_dais", "delegate", "other_delegate", "chair", "director", "secretariat"]
OK, FOUND, BAD, FORBIDDEN, MISSING = 200, 302, 400, 403, 404


@pytest.fixture
def papers(committee, delegations, chair, delegate, other_delegate):
    """A drafting paper of Mexico that France is asked to sign, and a submitted one."""
    open_floor(committee, chair)
    mexico, france, kenya = delegations[0], delegations[1], delegations[2]
    drafting = services.paper_create(
        committee=committee, delegation=mexico, actor=delegate, resolution=parse(TEXT).resolution
    )
    services.supporter_invite(
        paper=drafting,
        delegation=mexico,
        actor=delegate,
        invitee=france,
        role=Supporter.Role.SIGNATORY,
    )
    submitted = services.paper_create(
        committee=committee, delegation=mexico, actor=delegate, resolution=parse(TEXT).resolution
    )
    services.supporter_invite(
        paper=submitted,
        delegation=mexico,
        actor=delegate,
        invitee=kenya,
        role=Supporter.Role.SIGNATORY,
    )
    kenyan = DelegateFactory(delegation=kenya).user
    services.supporter_answer(paper=submitted, delegation=kenya, actor=kenyan, accept=True)
    services.paper_submit(paper=submitted, delegation=mexico, actor=delegate)
    return {"drafting": drafting, "submitted": submitted}


# view, method, paper, data, expected for ROLES
MATRIX = [
    ("papers", "get", None, {}, [MISSING, MISSING, OK, OK, OK, OK, OK]),
    (
        "paper_create",
        "post",
        None,
        {"title": "x"},
        [MISSING, MISSING, FOUND, FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    ("paper", "get", "drafting", {}, [MISSING, MISSING, OK, OK, MISSING, MISSING, MISSING]),
    ("paper", "get", "submitted", {}, [MISSING, MISSING, OK, OK, OK, OK, OK]),
    ("paper_status", "get", "submitted", {}, [MISSING, MISSING, OK, OK, OK, OK, OK]),
    ("paper_compare", "get", "submitted", {}, [MISSING, MISSING, OK, OK, OK, OK, OK]),
    (
        "paper_edit",
        "get",
        "drafting",
        {},
        [MISSING, MISSING, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    (
        "paper_edit_clause",
        "post",
        "drafting",
        {"op": "append_op", "phrase": "Urges", "rest": "x"},
        [MISSING, MISSING, FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    (
        "paper_paste",
        "post",
        "drafting",
        {"text": TEXT},
        [MISSING, MISSING, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    (
        "supporter_invite",
        "post",
        "drafting",
        {"delegation": "kenya", "role": "signatory"},
        [MISSING, MISSING, FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    (
        "supporter_answer",
        "post",
        "drafting",
        {"accept": "yes"},
        [MISSING, MISSING, FOUND, FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    (
        "signature_withdraw",
        "post",
        "drafting",
        {},
        [MISSING, MISSING, FOUND, FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    (
        "paper_submit",
        "post",
        "drafting",
        {},
        [MISSING, MISSING, FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    (
        "paper_withdraw",
        "post",
        "drafting",
        {},
        [MISSING, MISSING, FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN],
    ),
    ("queue", "get", None, {}, [MISSING, MISSING, FORBIDDEN, FORBIDDEN, OK, OK, OK]),
    ("queue_table", "get", None, {}, [MISSING, MISSING, FORBIDDEN, FORBIDDEN, OK, OK, OK]),
    ("review", "get", "submitted", {}, [MISSING, MISSING, FORBIDDEN, FORBIDDEN, OK, OK, OK]),
    (
        "comment_add",
        "post",
        "submitted",
        {"clause": "op 1", "text": "Clarify."},
        [MISSING, MISSING, FORBIDDEN, FORBIDDEN, FORBIDDEN, FOUND, FORBIDDEN],
    ),
    (
        "paper_return",
        "post",
        "submitted",
        {"general_comment": "Revise."},
        [MISSING, MISSING, FORBIDDEN, FORBIDDEN, FORBIDDEN, FOUND, FORBIDDEN],
    ),
    (
        "paper_approve",
        "post",
        "submitted",
        {},
        [MISSING, MISSING, FORBIDDEN, FORBIDDEN, FORBIDDEN, FOUND, FORBIDDEN],
    ),
    (
        "paper_not_accept",
        "post",
        "submitted",
        {"reason": "Off topic."},
        [MISSING, MISSING, FORBIDDEN, FORBIDDEN, FORBIDDEN, FOUND, FORBIDDEN],
    ),
    (
        "paper_merge",
        "post",
        "submitted",
        {},
        [MISSING, MISSING, FORBIDDEN, FORBIDDEN, FORBIDDEN, BAD, FORBIDDEN],
    ),
]


def url(name, committee, paper=None, **extra):
    kwargs = {"committee": committee.slug, **extra}
    if paper is not None:
        kwargs["pk"] = paper.pk
    return reverse(f"resolutions:{name}", kwargs=kwargs)


@pytest.mark.parametrize(
    ("name", "method", "which", "data", "expected"),
    MATRIX,
    ids=[f"{m[0]}-{m[2] or 'list'}" for m in MATRIX],
)
@pytest.mark.parametrize("role", ["anonymous", *ROLES])
def test_paper_permissions(
    client, cast, committee, delegations, papers, role, name, method, which, data, expected
):
    paper = papers[which] if which else None
    data = dict(data)
    if data.get("delegation") == "kenya":
        data["delegation"] = delegations[2].pk
    if cast[role] is not None:
        client.force_login(cast[role])
    before = set(AuditEntry.objects.values_list("pk", flat=True))
    response = getattr(client, method)(url(name, committee, paper), data)
    done = list(
        AuditEntry.objects.exclude(pk__in=before).order_by("id").values_list("action", flat=True)
    )
    if role == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert done == []
        return
    assert response.status_code == expected[ROLES.index(role)]
    if response.status_code in (FORBIDDEN, MISSING, BAD) or method == "get":
        assert done == [], "a refused or read-only request changed something"
    if response.status_code == FOUND:
        action, message = EFFECTS[name, role]
        assert done == ([action] if action else [])
        page = client.get(response["Location"]).content.decode()
        assert message in page


# What each redirecting row did: the audit action written (None: refused) and the message
# the page then shows.
EFFECTS = {
    ("paper_create", "delegate"): ("paper.created", "created. Write or paste its text."),
    ("paper_create", "other_delegate"): ("paper.created", "created. Write or paste its text."),
    ("paper_edit_clause", "delegate"): ("paper.revised", "Working paper 1.1"),
    ("supporter_invite", "delegate"): ("paper.supporter_invited", "Kenya"),
    ("supporter_answer", "delegate"): (None, "Mexico has no open invitation to Working paper 1.1."),
    ("supporter_answer", "other_delegate"): ("paper.signed", "France accepted."),
    ("signature_withdraw", "delegate"): (None, "Mexico has not signed Working paper 1.1."),
    ("signature_withdraw", "other_delegate"): (None, "France has not signed Working paper 1.1."),
    ("paper_submit", "delegate"): (None, "Sponsors and signatories: 1 of 2 needed."),
    ("paper_withdraw", "delegate"): ("paper.withdrawn", "Working paper 1.1 was withdrawn."),
    ("comment_add", "director"): ("paper.commented", "Clarify."),
    ("paper_return", "director"): ("paper.returned", "returned to its sponsors"),
    ("paper_approve", "director"): ("paper.approved", "approved as DR 1/1"),
    ("paper_not_accept", "director"): ("paper.not_accepted", "not accepted"),
}


@pytest.mark.parametrize(
    "name",
    [
        "paper_create",
        "paper_edit_clause",
        "paper_paste",
        "supporter_invite",
        "supporter_answer",
        "signature_withdraw",
        "paper_submit",
        "paper_withdraw",
        "comment_add",
        "paper_return",
        "paper_approve",
        "paper_merge",
        "paper_not_accept",
    ],
)
def test_paper_state_changes_refuse_get(client, director, committee, papers, name):
    client.force_login(director)
    paper = None if name == "paper_create" else papers["submitted"]
    assert client.get(url(name, committee, paper)).status_code == 405


def test_comment_delete_only_while_pending(client, director, committee, papers):
    paper = papers["submitted"]
    comment = services.comment_add(paper=paper, actor=director, clause="op 1", text="Hm")
    client.force_login(director)
    target = url("comment_delete", committee, paper, comment=comment.pk)
    assert client.get(target).status_code == 405
    assert client.post(target).status_code == 302
    assert not Comment.objects.exists()


def test_paste_preview_keeps_the_text_and_shows_warnings(client, delegate, committee, papers):
    client.force_login(delegate)
    pasted = "Recalling the Charter.\n1. Urges a;\n3. Decides b."
    response = client.post(url("paper_paste", committee, papers["drafting"]), {"text": pasted})
    content = response.content.decode()
    assert response.status_code == 200
    assert "preambular clause ends with a period instead of a comma" in content
    assert "operative clause after 1 was numbered 3; renumbered as 2" in content
    assert "Recalling the Charter.\n1. Urges a;\n3. Decides b.</textarea>" in content
    assert Revision.objects.filter(paper=papers["drafting"]).count() == 1


def test_paste_accept_saves_a_revision(client, delegate, committee, papers):
    client.force_login(delegate)
    response = client.post(
        url("paper_paste", committee, papers["drafting"]),
        {"text": TEXT + "\n3. Decides to act.", "accept": "1"},
    )
    assert response.status_code == 302
    revision = papers["drafting"].revisions.order_by("-number").first()
    assert revision.number == 2 and revision.note == "pasted text"
    assert len(revision.resolution.operative) == 3


def test_paste_garbage_is_a_clear_message_and_keeps_the_input(client, delegate, committee, papers):
    client.force_login(delegate)
    response = client.post(
        url("paper_paste", committee, papers["drafting"]), {"text": "lunch at noon"}
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "No resolution found" in content and "lunch at noon</textarea>" in content


def test_a_pasted_clause_over_5000_characters_is_refused_saying_which(
    client, delegate, committee, papers
):
    # A copy whose line breaks were lost reads as a few huge clauses: refused before it is
    # saved, naming the clause, and the pasted text stays in the box.
    client.force_login(delegate)
    long = "Decides that " + "the measures shall be taken " * 180 + "by all States;"
    assert len(long) > 5000
    pasted = f"Recalling the Charter,\n1. {long}\n2. Decides to act."
    for data in ({"text": pasted}, {"text": pasted, "accept": "1"}):
        response = client.post(url("paper_paste", committee, papers["drafting"]), data)
        content = response.content.decode()
        assert response.status_code == 400
        length = len(long) - 1  # its closing semicolon is not the text's
        assert f"Clause op 1 has {length:,} characters; a clause can have at most 5,000." in content
        assert "Recalling the Charter,\n1. Decides that" in content
    assert Revision.objects.filter(paper=papers["drafting"]).count() == 1


def test_the_service_refuses_a_clause_over_5000_characters(delegate, delegations, papers):
    text = parse("Recalling the Charter,\n1. Decides " + "x" * 5000 + ".").resolution
    with pytest.raises(services.DomainError) as error:
        services.paper_save_text(
            paper=papers["drafting"],
            delegation=delegations[0],
            actor=delegate,
            resolution=text,
        )
    assert "Clause op 1 has 5,008 characters" in error.value.message
    assert Revision.objects.filter(paper=papers["drafting"]).count() == 1


def test_a_paste_read_without_guessing_still_points_at_clauses_marked_for_a_convention(
    client, delegate, committee, papers
):
    client.force_login(delegate)
    response = client.post(
        url("paper_paste", committee, papers["drafting"]),
        {"text": "Recalling the Charter,\n1. Bananas are yellow;\n2. Decides to act."},
    )
    content = response.content.decode()
    assert "Read without guessing anything, but 1 clause is marked ⚠ below" in content
    response = client.post(
        url("paper_paste", committee, papers["drafting"]),
        {"text": "Recalling the Charter,\n1. Urges States to act;\n2. Decides to act."},
    )
    assert ">Read without guessing anything.</div>" in response.content.decode()


@pytest.mark.parametrize(
    ("data", "check"),
    [
        (
            {"op": "append_pre", "phrase": "Noting", "rest": "the report"},
            lambda r: r.preamble[-1].text == "Noting the report",
        ),
        (
            {"op": "add_child", "key": "op.1", "rest": "Through INTERPOL"},
            lambda r: r.operative[0].children[0].text == "Through INTERPOL",
        ),
        ({"op": "down", "key": "op.1"}, lambda r: r.operative[0].text == "Requests a report"),
        (
            {"op": "indent", "key": "op.2"},
            lambda r: (
                len(r.operative) == 1 and r.operative[0].children[0].text == "Requests a report"
            ),
        ),
        (
            {"op": "set", "key": "op.2", "phrase": "Further requests", "rest": "a second report"},
            lambda r: r.operative[1].text == "Further requests a second report",
        ),
        ({"op": "delete", "key": "pre.1"}, lambda r: r.preamble == []),
    ],
)
def test_structured_editor_operations(client, delegate, committee, papers, data, check):
    client.force_login(delegate)
    response = client.post(
        url("paper_edit_clause", committee, papers["drafting"]), data, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert 'id="editor"' in response.content.decode()
    revision = papers["drafting"].revisions.order_by("-number").first()
    assert revision.number == 2 and check(revision.resolution)


def test_structured_editor_refusal_is_explained(client, delegate, committee, papers):
    client.force_login(delegate)
    response = client.post(
        url("paper_edit_clause", committee, papers["drafting"]),
        {"op": "outdent", "key": "op.1"},
        HTTP_HX_REQUEST="true",
    )
    assert "already at the top level" in response.content.decode()
    response = client.post(
        url("paper_edit_clause", committee, papers["drafting"]),
        {"op": "append_op", "phrase": "", "rest": "  "},
        HTTP_HX_REQUEST="true",
    )
    assert "Write the clause" in response.content.decode()
    assert papers["drafting"].revisions.count() == 1


def test_threshold_shown_live_on_the_paper(client, delegate, committee, papers):
    client.force_login(delegate)
    content = client.get(url("paper", committee, papers["drafting"])).content.decode()
    assert "1 of 2 needed" in content  # 20 % of 6 present, rounded up


def test_review_shows_findings_diff_and_comments(client, director, delegate, committee, papers):
    paper = papers["submitted"]
    services.comment_add(paper=paper, actor=director, clause="op 2", text="Who reports?")
    services.paper_return(paper=paper, actor=director)
    services.paper_save_text(
        paper=paper,
        delegation=paper.supporters.get(role="sponsor", position=0).delegation,
        actor=delegate,
        resolution=parse(
            TEXT.replace("Requests a report", "Requests a report to the Commission")
        ).resolution,
    )
    services.paper_submit(
        paper=paper,
        delegation=paper.supporters.get(role="sponsor", position=0).delegation,
        actor=delegate,
    )
    client.force_login(director)
    content = client.get(url("review", committee, paper)).content.decode()
    assert "Changes since round 1" in content
    assert "<ins>to the Commission</ins>" in content
    # The delegate sees the first round's comment beside the changed clause.
    client.force_login(delegate)
    content = client.get(url("paper", committee, paper)).content.decode()
    assert 'data-clause="op 2"' in content and "Who reports?" in content


def test_approve_through_the_page_gives_the_code(client, director, committee, papers):
    client.force_login(director)
    response = client.post(url("paper_approve", committee, papers["submitted"]), follow=True)
    assert "approved as DR 1/1" in response.content.decode()
    assert DraftResolution.objects.get().code == "DR 1/1"
    assert AuditEntry.objects.filter(action="paper.approved").exists()


def test_return_without_feedback_keeps_the_form(client, director, committee, papers):
    client.force_login(director)
    response = client.post(
        url("paper_return", committee, papers["submitted"]), {"general_comment": ""}
    )
    assert response.status_code == 400
    assert "Return the paper with a general comment" in response.content.decode()
    assert papers["submitted"].rounds.get().outcome == "pending"


def test_merge_through_the_page(client, director, delegate, committee, delegations, papers):
    other = papers["drafting"]
    services.supporter_answer(
        paper=other, delegation=delegations[1], actor=delegate_of(delegations[1]), accept=True
    )
    services.paper_submit(paper=other, delegation=delegations[0], actor=delegate)
    client.force_login(director)
    response = client.post(url("paper_merge", committee, other), {"into": papers["submitted"].pk})
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.status == WorkingPaper.Status.MERGED


def test_not_accept_needs_a_reason_in_the_page(client, director, committee, papers):
    client.force_login(director)
    response = client.post(url("paper_not_accept", committee, papers["submitted"]), {"reason": ""})
    assert response.status_code == 400 and b"This field is required" in response.content


def test_timeline_tells_the_paper_story(client, director, committee, papers):
    services.paper_approve(paper=papers["submitted"], actor=director)
    client.force_login(director)
    text = client.get(reverse("committee:timeline", kwargs={"committee": committee.slug}))
    content = text.content.decode()
    # Working paper 1.1 is still with its sponsors: the dais cannot open it, so the
    # timeline does not tell its story either.
    assert "Working paper 1.1" not in content
    assert "Kenya signed Working paper 1.2" in content
    assert "Working paper 1.2 submitted to the dais (2 of 2 supporters)" in content
    assert "Working paper 1.2 approved as DR 1/1" in content


def test_menu_shows_open_invitations(client, other_delegate, delegate, committee, papers):
    client.force_login(other_delegate)  # France was asked to sign the drafting paper
    content = client.get(reverse("committee:agenda", kwargs={"committee": committee.slug}))
    assert 'title="Papers asking your delegation to sign or co-sponsor">1</span>' in (
        content.content.decode()
    )
    client.force_login(delegate)
    content = client.get(reverse("committee:agenda", kwargs={"committee": committee.slug}))
    assert "Papers asking your delegation" not in content.content.decode()


def test_comment_returns_to_its_clause(client, director, committee, papers):
    client.force_login(director)
    response = client.post(
        url("comment_add", committee, papers["submitted"]),
        {"clause": "op 2", "text": "Which report?"},
    )
    assert response["Location"].endswith("#c-op2")
    page = client.get(response["Location"]).content.decode()
    assert 'id="c-op2"' in page and "Which report?" in page


def test_dashboard_shows_the_papers_panel(client, director, committee, papers):
    services.paper_approve(paper=papers["submitted"], actor=director)
    client.force_login(director)
    content = client.get(
        reverse("committee:dashboard", kwargs={"committee": committee.slug})
    ).content.decode()
    assert 'id="papers-panel"' in content
    assert '<div class="stat" data-count="waiting">0</div>' in content
    assert "DR 1/1" in content


def test_declining_a_paper_still_with_its_sponsors_lands_on_the_papers_list(
    client, committee, delegations, chair, delegate, other_delegate
):
    from resolutions import services as paper_services
    from resolutions.models import Supporter
    from resolutions.text import parse
    from tests.factories import open_floor

    open_floor(committee, chair)
    paper = paper_services.paper_create(
        committee=committee,
        delegation=delegations[0],
        actor=delegate,
        resolution=parse("Recalling x,\n1. Urges y.").resolution,
    )
    paper_services.supporter_invite(
        paper=paper,
        delegation=delegations[0],
        actor=delegate,
        invitee=delegations[1],
        role=Supporter.Role.SIGNATORY,
    )
    client.force_login(other_delegate)
    url = reverse("resolutions:supporter_answer", kwargs={"committee": "ccpcj", "pk": paper.pk})
    response = client.post(url, {"accept": "no"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "resolutions:papers", kwargs={"committee": "ccpcj"}
    )
    assert response.status_code == 200
    assert "France declined." in response.content.decode()


def test_review_page_offers_a_merge_only_into_open_papers_of_its_topic(
    client, director, delegate, committee, delegations, papers
):
    """Merging needs another paper on the topic with the dais or returned to its sponsors: a
    paper still being drafted is no partner, nor one already approved."""
    client.force_login(director)
    submitted, other = papers["submitted"], papers["drafting"]
    review = reverse("resolutions:review", kwargs={"committee": committee.slug, "pk": submitted.pk})
    nothing = "No other open paper on this topic to merge with."
    option = f'<option value="{other.pk}">'
    page = client.get(review).content.decode()
    assert nothing in page and option not in page  # the other paper is still being drafted
    services.supporter_answer(
        paper=other, delegation=delegations[1], actor=delegate_of(delegations[1]), accept=True
    )
    services.paper_submit(paper=other, delegation=delegations[0], actor=delegate)
    page = client.get(review).content.decode()
    assert nothing not in page and option in page
    services.paper_return(paper=other, actor=director, general_comment="Shorten it.")
    assert option in client.get(review).content.decode()  # returned: still open
    services.paper_submit(paper=other, delegation=delegations[0], actor=delegate)
    services.paper_approve(paper=other, actor=director)
    page = client.get(review).content.decode()
    assert nothing in page and option not in page


def test_dashboard_timeline_follows_each_new_entry_and_what_becomes_readable(
    client, director, chair, delegate, delegations, committee, papers
):
    """The dashboard's latest entries are kept between requests, and made again as soon as
    the committee's log has a new entry: a paper submitted to the dais brings its whole
    story into view (its earlier entries were hidden while it was with its sponsors)."""
    client.force_login(director)
    dashboard = reverse("committee:dashboard", kwargs={"committee": committee.slug})
    recent = reverse("committee:recent", kwargs={"committee": committee.slug})
    for address in (dashboard, recent):
        assert "Working paper 1.1" not in client.get(address).content.decode()
    services.supporter_answer(
        paper=papers["drafting"],
        delegation=delegations[1],
        actor=delegate_of(delegations[1]),
        accept=True,
    )
    assert "Working paper 1.1" not in client.get(recent).content.decode()  # still drafting
    services.paper_submit(paper=papers["drafting"], delegation=delegations[0], actor=delegate)
    for address in (dashboard, recent):
        content = client.get(address).content.decode()
        assert "Working paper 1.1 submitted to the dais (2 of 2 supporters)" in content
        assert "France signed Working paper 1.1" in content  # written before it was readable
    client.force_login(chair)  # another reader of the same committee, the same entries
    assert "Working paper 1.1 submitted" in client.get(recent).content.decode()
    # A name changed in the admin writes nothing in the log: the entries show it all the same.
    assert "Ana López" not in client.get(recent).content.decode()
    delegate.first_name, delegate.last_name = "Ana", "López"
    delegate.save()
    for address in (dashboard, recent):
        assert "Ana López" in client.get(address).content.decode()


def test_dashboard_timeline_is_read_once_until_the_log_changes(client, director, committee, papers):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(director)
    recent = reverse("committee:recent", kwargs={"committee": committee.slug})
    client.get(recent)
    with CaptureQueriesContext(connection) as again:
        client.get(recent)
    audit = [q["sql"] for q in again.captured_queries if "committee_auditentry" in q["sql"]]
    assert len(audit) == 1 and "LIMIT 1" in audit[0]  # the newest entry only
    services.paper_return(paper=papers["submitted"], actor=director, general_comment="Shorter.")
    with CaptureQueriesContext(connection) as after:
        content = client.get(recent).content.decode()
    assert sum("committee_auditentry" in q["sql"] for q in after.captured_queries) == 2
    assert "Working paper 1.2 returned" in content


def test_review_page_names_the_accepted_supporters_as_the_paper_does(
    client, director, committee, delegations, papers
):
    """The review page reads its supporters' names in one written-out query: the same names
    in the same order as ``WorkingPaper.sponsor_names``/``signatory_names`` (the main sponsor
    first, an organization by its name, nobody invited or declined)."""
    from resolutions import selectors

    paper = papers["submitted"]  # Mexico's, Kenya signed
    Supporter.objects.create(
        paper=paper, delegation=delegations[5], role="signatory", state="accepted", position=2
    )
    Supporter.objects.create(
        paper=paper, delegation=delegations[1], role="sponsor", state="accepted", position=3
    )
    Supporter.objects.create(
        paper=paper, delegation=delegations[3], role="sponsor", state="accepted", position=1
    )
    Supporter.objects.create(paper=paper, delegation=delegations[4], role="signatory")
    names = selectors.accepted_supporter_names(paper)
    assert names.sponsors == ["Mexico", "Japan", "France"]  # by their place in the list
    assert names.signatories == ["Kenya", "INTERPOL"]
    fresh = WorkingPaper.objects.prefetch_related("supporters__delegation__member_state").get(
        pk=paper.pk
    )
    assert (names.sponsors, names.signatories) == (fresh.sponsor_names, fresh.signatory_names)
    client.force_login(director)
    page = client.get(
        reverse("resolutions:review", kwargs={"committee": committee.slug, "pk": paper.pk})
    ).content.decode()
    assert "<strong>Sponsors:</strong> Mexico, Japan, France" in page
    assert "<strong>Signatories:</strong> Kenya, INTERPOL" in page
    assert "5 of " in page  # supporters counted: the accepted ones


def test_paper_page_lists_the_sponsors_before_the_signatories(
    client, delegate, committee, delegations, papers
):
    """The main sponsor heads the list, then the other sponsors, then the signatories (an
    invited one included), as the paper's heading names them."""
    paper = papers["submitted"]  # Mexico's, Kenya signed
    Supporter.objects.create(
        paper=paper, delegation=delegations[3], role="sponsor", state="accepted", position=1
    )
    Supporter.objects.create(paper=paper, delegation=delegations[4], role="signatory")
    client.force_login(delegate)
    page = client.get(
        reverse("resolutions:paper", kwargs={"committee": committee.slug, "pk": paper.pk})
    ).content.decode()
    listed = page[page.index('id="supporters"') :]
    places = [listed.index(f'data-delegation="{name}"') for name in ("Mexico", "Japan", "Kenya")]
    assert places == sorted(places)
    assert listed.index('data-delegation="Brazil"') > places[-1]

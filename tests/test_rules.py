"""The rules in one place: permissions registered by each app, the committee's menu, the
"who may read a paper" predicate and its queryset twin, and services that refuse an actor who
does not represent the delegation they act for."""

from pathlib import Path

import pytest
from django.urls import reverse

from resolutions import amendment_services, rules, services
from resolutions.amendment_models import Amendment
from resolutions.models import Supporter, WorkingPaper
from resolutions.text import parse
from sessions import permissions
from sessions.errors import DomainError
from sessions.models import Committee, Delegation
from sessions.permissions import CommitteeAccess, committee_access

from .amendment_helpers import make_draft
from .factories import DaisRoleFactory, DelegateFactory, UserFactory, delegate_of, open_floor

pytestmark = pytest.mark.django_db

TEXT = """Recalling resolution 55/25,
1. Encourages Member States to share data;
2. Requests a report."""


# Each app declares its own permissions -------------------------------------------------------


def test_sessions_permissions_name_no_other_app():
    source = (Path(permissions.__file__)).read_text()
    for other in ("resolutions", "voting", "outcome", "papers.", "amendments.", "documentation"):
        assert other not in source, other


def test_sessions_templates_link_to_no_other_app():
    templates = Path(permissions.__file__).parent / "templates"
    for template in templates.rglob("*.html"):
        text = template.read_text()
        for other in ("'resolutions:", "'voting:", "'outcome:"):
            assert other not in text, (template.name, other)


def test_the_delegates_home_links_to_the_papers_on_the_open_topic(
    client, committee, chair, delegate
):
    open_floor(committee, chair)
    client.force_login(delegate)
    page = client.get(reverse("committee:delegate_home", kwargs={"committee": committee.slug}))
    papers = reverse("resolutions:papers", kwargs={"committee": committee.slug})
    assert f'href="{papers}">Working papers on this topic</a>' in page.content.decode()


def test_each_app_registers_its_own_permissions():
    from outcome import permissions as outcome_permissions
    from resolutions import permissions as resolution_permissions
    from voting import permissions as voting_permissions

    assert set(resolution_permissions.PERMISSIONS) == {
        "papers.view",
        "papers.write",
        "papers.view_queue",
        "papers.review",
        "amendments.view",
        "amendments.write",
        "amendments.view_queue",
        "amendments.review",
    }
    assert set(voting_permissions.PERMISSIONS) == {"voting.view", "voting.record"}
    assert set(outcome_permissions.PERMISSIONS) == {
        "outcome.preview",
        "outcome.edit_summary",
        "outcome.publish",
        "outcome.backup",
    }
    for name in [
        *resolution_permissions.PERMISSIONS,
        *voting_permissions.PERMISSIONS,
        *outcome_permissions.PERMISSIONS,
        "committee.take_roll_call",
        "floor.run",
    ]:
        assert permissions.COMMITTEE_RULES.rule_exists(name), name


def test_a_permission_declared_twice_is_refused():
    with pytest.raises(ValueError, match="declared twice"):
        permissions.register({"papers.view": permissions.is_member})


def test_an_unknown_permission_is_refused_when_the_view_is_declared():
    with pytest.raises(ValueError, match="Unknown permission"):
        permissions.committee_permission_required("papers.fly")(lambda request: None)


@pytest.mark.parametrize(
    ("roles", "expected"),
    [
        # DOMAIN.md: the Director and AD review papers; the chair and rapporteur run the
        # floor and record votes; delegates write papers; the secretariat takes the backup.
        ({"director"}, {"papers.review", "amendments.review", "outcome.publish"}),
        ({"chair"}, {"committee.take_roll_call", "floor.run", "voting.record"}),
        ({"delegate"}, {"papers.write", "amendments.write", "floor.take_part"}),
        ({"secretariat"}, {"outcome.backup", "papers.view_queue"}),
    ],
)
def test_roles_grant_their_permissions(committee, roles, expected):
    access = CommitteeAccess(committee=committee, roles=roles)
    assert all(access.has(name) for name in expected)
    refused = {"papers.review", "papers.write", "voting.record", "outcome.backup"} - expected
    assert not any(access.has(name) for name in refused)


# The menu: each app's entries, by role ------------------------------------------------------


def _menu(client, user, committee):
    client.force_login(user)
    page = client.get(reverse("committee:agenda", kwargs={"committee": committee.slug}))
    assert page.status_code == 200
    return [entry.label for entry in page.context["menu"]]


def test_the_menu_lists_each_apps_entries_for_the_dais(client, committee, chair):
    assert _menu(client, chair, committee) == [
        "Dashboard",
        "Roll call",
        "Agenda",
        "Floor",
        "Review",
        "Working papers",
        "Amendments to review",
        "Voting",
        "Documentation",
        "Timeline",
    ]


def test_the_menu_of_a_delegate(client, committee, delegate):
    labels = _menu(client, delegate, committee)
    assert labels == ["My delegation", "Agenda", "Floor", "Working papers", "Amendments", "Voting"]


def test_the_menu_badge_counts_open_invitations(client, committee, delegations, chair, delegate):
    open_floor(committee, chair)
    other = delegations[1]
    paper = services.paper_create(committee=committee, delegation=other, actor=delegate_of(other))
    services.supporter_invite(
        paper=paper,
        delegation=other,
        actor=delegate_of(other),
        invitee=delegations[0],
        role=Supporter.Role.SIGNATORY,
    )
    client.force_login(delegate)
    page = client.get(reverse("committee:agenda", kwargs={"committee": committee.slug}))
    assert 'title="Papers asking your delegation to sign or co-sponsor">1</span>' in (
        page.content.decode()
    )


# Who may read a paper: the predicate and its queryset agree ---------------------------------


@pytest.fixture
def papers(committee, delegations, chair, director):
    """Mexico's draft (France invited, Kenya declined), France's draft alone, and a paper
    submitted by Mexico (signed by France)."""
    open_floor(committee, chair)
    mexico, france, kenya = delegations[0], delegations[1], delegations[2]

    def create(delegation):
        return services.paper_create(
            committee=committee,
            delegation=delegation,
            actor=delegate_of(delegation),
            resolution=parse(TEXT).resolution,
        )

    def invite(paper, by, invitee):
        services.supporter_invite(
            paper=paper,
            delegation=by,
            actor=delegate_of(by),
            invitee=invitee,
            role=Supporter.Role.SIGNATORY,
        )

    draft = create(mexico)
    invite(draft, mexico, france)
    invite(draft, mexico, kenya)
    services.supporter_answer(paper=draft, delegation=kenya, actor=delegate_of(kenya), accept=False)
    french = create(france)
    submitted = create(mexico)
    invite(submitted, mexico, france)
    services.supporter_answer(
        paper=submitted, delegation=france, actor=delegate_of(france), accept=True
    )
    services.paper_submit(paper=submitted, delegation=mexico, actor=delegate_of(mexico))
    return {"draft": draft, "french": french, "submitted": submitted}


@pytest.fixture
def readers(committee, delegations, chair, director, secretariat, outsider):
    rapporteur = DaisRoleFactory(committee=committee, role="rapporteur").user
    both = DelegateFactory(delegation=delegations[0]).user
    DaisRoleFactory(committee=committee, role="chair", user=both)
    return {
        "chair": chair,
        "director": director,
        "rapporteur": rapporteur,
        "secretariat": secretariat,
        "mexico": delegate_of(delegations[0]),
        "france": delegate_of(delegations[1]),
        "kenya (declined)": delegate_of(delegations[2]),
        "uninvolved": delegate_of(delegations[3]),
        "outsider": outsider,
        "dais and delegate": both,
        "new account": UserFactory(),
    }


# DOMAIN.md: sponsors write the draft; the delegations asked to support it see it; the dais
# sees a paper once it was submitted; every delegation reads it once submitted.
EXPECTED = {
    "chair": {"submitted"},
    "director": {"submitted"},
    "rapporteur": {"submitted"},
    "secretariat": {"submitted"},
    "mexico": {"draft", "submitted"},
    "france": {"draft", "french", "submitted"},
    "kenya (declined)": {"submitted"},
    "uninvolved": {"submitted"},
    "outsider": set(),
    "dais and delegate": {"submitted"},
    "new account": set(),
}


def test_can_read_paper_and_readable_papers_agree(committee, papers, readers):
    everything = WorkingPaper.objects.filter(committee=committee)
    for who, user in readers.items():
        access = committee_access(user, committee)
        listed = set(rules.readable_papers(access, everything).values_list("pk", flat=True))
        for name, paper in papers.items():
            readable = rules.can_read_paper(access, paper)
            assert readable == (paper.pk in listed), (who, name)
            assert readable == (name in EXPECTED[who]), (who, name)


def test_private_audience_is_who_reads_the_draft(papers, delegations):
    assert sorted(rules.private_audience(papers["draft"])) == sorted(
        [delegations[0].pk, delegations[1].pk]
    )
    assert rules.private_audience(papers["french"]) == [delegations[1].pk]
    assert rules.private_audience(papers["submitted"]) is None


def test_sponsor_and_main_sponsor(papers, delegations):
    mexico, france = delegations[0], delegations[1]
    services.supporter_invite(
        paper=papers["french"],
        delegation=france,
        actor=delegate_of(france),
        invitee=mexico,
        role=Supporter.Role.SPONSOR,
    )
    services.supporter_answer(
        paper=papers["french"], delegation=mexico, actor=delegate_of(mexico), accept=True
    )
    assert rules.is_sponsor(mexico, papers["french"]) and rules.is_sponsor(france, papers["french"])
    assert rules.is_main_sponsor(france, papers["french"])
    assert not rules.is_main_sponsor(mexico, papers["french"])
    # France signed Mexico's submitted paper: a signatory is not a sponsor.
    assert not rules.is_sponsor(france, papers["submitted"])
    assert not rules.is_sponsor(None, papers["submitted"])
    # Invited to co-sponsor but not yet answered: not a sponsor.
    kenya = delegations[2]
    services.supporter_invite(
        paper=papers["french"],
        delegation=france,
        actor=delegate_of(france),
        invitee=kenya,
        role=Supporter.Role.SPONSOR,
    )
    assert not rules.is_sponsor(kenya, papers["french"])
    assert not rules.is_main_sponsor(kenya, papers["french"])


@pytest.mark.parametrize(
    ("role", "state", "position", "sponsoring", "main"),
    [
        ("sponsor", "accepted", 0, True, True),
        ("sponsor", "accepted", 1, True, False),
        ("sponsor", "invited", 0, False, False),
        ("sponsor", "declined", 1, False, False),
        ("signatory", "accepted", 0, False, False),
    ],
)
def test_a_supporter_row_makes_a_sponsor(role, state, position, sponsoring, main):
    supporter = Supporter(role=role, state=state, position=position)
    assert rules.is_sponsoring(supporter) is sponsoring
    assert rules.is_main_sponsoring(supporter) is main
    assert rules.is_sponsoring(None) is False and rules.is_main_sponsoring(None) is False


# Services refuse an actor who does not represent the delegation -----------------------------


def _paper_calls(paper, mexico, france):
    text = parse(TEXT + "\n3. Decides to act.").resolution
    return {
        "paper_save_text": lambda actor: services.paper_save_text(
            paper=paper, delegation=mexico, actor=actor, resolution=text
        ),
        "supporter_invite": lambda actor: services.supporter_invite(
            paper=paper, delegation=mexico, actor=actor, invitee=france, role="signatory"
        ),
        "supporter_answer": lambda actor: services.supporter_answer(
            paper=paper, delegation=france, actor=actor, accept=True
        ),
        "signature_withdraw": lambda actor: services.signature_withdraw(
            paper=paper, delegation=france, actor=actor
        ),
        "paper_submit": lambda actor: services.paper_submit(
            paper=paper, delegation=mexico, actor=actor
        ),
        "paper_withdraw": lambda actor: services.paper_withdraw(
            paper=paper, delegation=mexico, actor=actor
        ),
        "sponsor_leave": lambda actor: services.sponsor_leave(
            paper=paper, delegation=france, actor=actor
        ),
    }


PAPER_SERVICES = [
    "paper_save_text",
    "supporter_invite",
    "supporter_answer",
    "signature_withdraw",
    "paper_submit",
    "paper_withdraw",
    "sponsor_leave",
]


@pytest.mark.parametrize("name", PAPER_SERVICES)
def test_paper_services_refuse_an_actor_of_another_delegation(
    name, committee, delegations, chair, delegate
):
    open_floor(committee, chair)
    mexico, france, kenya = delegations[0], delegations[1], delegations[2]
    paper = services.paper_create(
        committee=committee, delegation=mexico, actor=delegate, resolution=parse(TEXT).resolution
    )
    services.supporter_invite(
        paper=paper, delegation=mexico, actor=delegate, invitee=france, role="sponsor"
    )
    before = (paper.revisions.count(), list(paper.supporters.values_list("state", "role")))
    kenyan = delegate_of(kenya)
    for actor in (kenyan, chair):
        with pytest.raises(DomainError, match="You do not represent"):
            _paper_calls(paper, mexico, france)[name](actor)
    paper.refresh_from_db()
    assert paper.status == WorkingPaper.Status.DRAFTING
    assert (paper.revisions.count(), list(paper.supporters.values_list("state", "role"))) == before


def test_paper_create_refuses_an_actor_of_another_delegation(committee, delegations, chair):
    open_floor(committee, chair)
    with pytest.raises(DomainError, match="You do not represent Mexico"):
        services.paper_create(
            committee=committee, delegation=delegations[0], actor=delegate_of(delegations[1])
        )
    assert not WorkingPaper.objects.exists()


@pytest.fixture
def draft(committee, delegations, chair, director):
    return make_draft(
        committee,
        delegations,
        chair=chair,
        director=director,
        mexican=delegate_of(delegations[0]),
        french=delegate_of(delegations[1]),
    )


AMENDMENT_SERVICES = [
    "amendment_create",
    "amendment_save_operations",
    "amendment_invite",
    "amendment_signature_withdraw",
    "amendment_request_consents",
    "amendment_answer",
    "amendment_submit",
    "amendment_withdraw",
]


@pytest.mark.parametrize("name", AMENDMENT_SERVICES)
def test_amendment_services_refuse_an_actor_of_another_delegation(name, draft, delegations):
    kenya, japan = delegations[2], delegations[3]
    amendment = amendment_services.amendment_create(
        target=draft, delegation=kenya, actor=delegate_of(kenya), kind="unfriendly"
    )
    calls = {
        "amendment_create": dict(target=draft, kind="unfriendly"),
        "amendment_save_operations": dict(amendment=amendment, operations=[]),
        "amendment_invite": dict(amendment=amendment, invitee=delegations[4]),
        "amendment_signature_withdraw": dict(amendment=amendment),
        "amendment_request_consents": dict(amendment=amendment),
        "amendment_answer": dict(amendment=amendment, accept=True),
        "amendment_submit": dict(amendment=amendment),
        "amendment_withdraw": dict(amendment=amendment),
    }
    with pytest.raises(DomainError, match="You do not represent Kenya"):
        getattr(amendment_services, name)(delegation=kenya, actor=delegate_of(japan), **calls[name])
    amendment.refresh_from_db()
    assert amendment.status == "proposed" and amendment.operations == []
    assert Amendment.objects.count() == 1


# The decorator: anonymous -> log-in, outsider -> 404, wrong role -> 403 ------------------------


def _view(request):
    return (request.committee, request.access)


@pytest.fixture
def roll_call_view():
    return permissions.committee_permission_required("committee.take_roll_call")(_view)


def _request(rf, user):
    request = rf.get("/c/ccpcj/roll-call/?page=2")
    request.user = user
    return request


def test_the_decorator_sends_anonymous_users_to_log_in(rf, committee, roll_call_view):
    from django.contrib.auth.models import AnonymousUser

    response = roll_call_view(_request(rf, AnonymousUser()), committee=committee.slug)
    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=/c/ccpcj/roll-call/%3Fpage%3D2"


def test_the_decorator_hides_the_committee_from_outsiders(
    rf, committee, other_dais, outsider, roll_call_view
):
    from django.http import Http404

    for user in (outsider, other_dais):
        with pytest.raises(Http404):
            roll_call_view(_request(rf, user), committee=committee.slug)
    with pytest.raises(Http404):
        roll_call_view(_request(rf, outsider), committee="no-such-committee")


def test_the_decorator_refuses_the_wrong_role(
    rf, committee, director, delegate, secretariat, roll_call_view
):
    from django.core.exceptions import PermissionDenied

    for user in (director, delegate, secretariat):
        with pytest.raises(PermissionDenied, match="does not allow this"):
            roll_call_view(_request(rf, user), committee=committee.slug)


def test_the_decorator_passes_the_right_role_with_committee_and_access(
    rf, committee, chair, roll_call_view
):
    got_committee, access = roll_call_view(_request(rf, chair), committee=committee.slug)
    assert got_committee == committee
    assert access.roles == {"chair"} and access.delegation is None
    assert roll_call_view.permission == "committee.take_roll_call"
    assert roll_call_view.__name__ == "_view"


def test_committee_access_collects_every_role(committee, delegations, chair, secretariat):
    from sessions.models import DaisRole

    DaisRole.objects.create(committee=committee, user=secretariat, role="rapporteur")
    DelegateFactory(delegation=delegations[2], user=secretariat)
    access = committee_access(secretariat, committee)
    assert access.roles == {"rapporteur", "delegate", "secretariat"}
    assert access.delegation == delegations[2]
    assert access.is_dais and bool(access)
    assert access.can["committee__take_roll_call"] and access.can["papers__write"]
    assert not access.can["papers__review"]
    delegate_only = committee_access(delegate_of(delegations[0]), committee)
    assert delegate_only.roles == {"delegate"} and not delegate_only.is_dais


def test_committee_access_of_an_outsider_is_empty(committee, outsider, other_committee, chair):
    from django.contrib.auth.models import AnonymousUser

    for user in (outsider, AnonymousUser(), chair):
        target = other_committee if user is chair else committee
        access = committee_access(user, target)
        assert access.roles == frozenset() and not access and access.menu == []
        assert access.committee == target


def test_secretariat_required(rf, secretariat, delegate):
    from django.contrib.auth.models import AnonymousUser
    from django.core.exceptions import PermissionDenied

    view = permissions.secretariat_required(lambda request: "page")
    assert view(_request(rf, secretariat)) == "page"
    assert view.permission == "secretariat"
    with pytest.raises(PermissionDenied, match="Only the secretariat"):
        view(_request(rf, delegate))
    assert view(_request(rf, AnonymousUser())).status_code == 302


def test_require_represents_says_who_may_act(delegations, delegate):
    rules.require_represents(delegate, delegations[0])
    with pytest.raises(DomainError) as refused:
        rules.require_represents(delegate, delegations[1])
    assert refused.value.message == (
        "You do not represent France: only its delegates can act for it."
    )
    with pytest.raises(DomainError) as refused:
        rules.require_represents(delegate, None)
    assert refused.value.message == (
        "You do not represent a delegation: only its delegates can act for it."
    )


def test_represents_only_the_delegates_own_delegation(delegations, delegate):
    assert permissions.represents(delegate, delegations[0])
    assert not permissions.represents(delegate, delegations[1])
    assert not permissions.represents(delegate, None)
    assert not permissions.represents(None, delegations[0])


def test_has_role_accepts_roles_and_sets_of_roles(committee):
    predicate = permissions.has_role("chair", frozenset({"director", "rapporteur"}))
    for roles, expected in [
        ({"chair"}, True),
        ({"director"}, True),
        ({"rapporteur", "delegate"}, True),
        ({"delegate"}, False),
        (set(), False),
    ]:
        assert predicate.test(CommitteeAccess(committee=committee, roles=roles)) is expected


def test_register_adds_permissions_menu_entries_nav_and_topic_links(committee):
    entry = permissions.MenuEntry(1, "test_nav", "Test", "committee:agenda", permissions.is_chair)
    link = permissions.MenuEntry(1, "", "Test link", "committee:agenda", permissions.is_chair)
    permissions.register(
        {"test.try": permissions.is_chair},
        menu=[entry],
        nav={"test_page": "test_nav"},
        topic_links=[link],
    )
    try:
        chair = CommitteeAccess(committee=committee, roles={"chair"})
        delegate = CommitteeAccess(committee=committee, roles={"delegate"})
        assert chair.has("test.try") and not delegate.has("test.try")
        assert chair.can["test__try"] is True and delegate.can["test__try"] is False
        assert chair.menu[0] is entry and entry not in delegate.menu
        assert chair.topic_links[0] is link and link not in delegate.topic_links
        assert permissions.NAV["test_page"] == "test_nav"
        assert permissions.NAV["agenda"] == "agenda"
    finally:
        permissions.COMMITTEE_RULES.remove_rule("test.try")
        permissions.MENU.remove(entry)
        permissions.TOPIC_LINKS.remove(link)
        del permissions.NAV["test_page"]


def test_committee_access_names_the_committee_and_only_its_own_delegation(
    committee, other_committee, delegations, django_assert_num_queries
):
    from .factories import DelegationFactory

    user = delegate_of(delegations[0])
    with django_assert_num_queries(2):
        access = committee_access(user, committee)
        assert access.committee == committee and access.delegation == delegations[0]
        assert str(access.delegation) == str(delegations[0])
    other = committee_access(user, other_committee)
    assert other.committee == other_committee and other.delegation is None and not other
    elsewhere = DelegateFactory(delegation=DelegationFactory(committee=other_committee)).user
    lone = committee_access(elsewhere, committee)
    assert lone.committee == committee and lone.delegation is None and not lone


def _values(instance):
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


@pytest.mark.parametrize("who", ["chair", "director", "delegate", "secretariat", "outsider"])
def test_reader_answers_as_committee_access_does_in_one_query(
    who, cast, committee, other_committee, django_assert_num_queries
):
    """Every committee page reads the committee and who the reader is in one statement: the
    same roles and delegation as ``committee_access``, the same field values as the ORM
    reads (dates, booleans and JSON converted on SQLite too), the conference and the member
    state with them."""
    user = cast[who]
    DaisRoleFactory(committee=other_committee, user=user, role="rapporteur")  # not this one
    with django_assert_num_queries(1):
        committee_obj, access = permissions.reader(user, "ccpcj")
        conference, delegation = committee_obj.conference, access.delegation
        state = delegation.member_state if delegation else None
        names = (str(conference), str(delegation), access.delegation and access.delegation.name)
    expected = committee_access(user, committee)
    assert access.roles == expected.roles
    assert _values(committee_obj) == _values(Committee.objects.get(pk=committee.pk))
    assert _values(conference) == _values(committee.conference)
    assert names[0] == str(committee.conference)
    if who == "delegate":
        assert access.roles == {"delegate"} and delegation == expected.delegation
        assert _values(delegation) == _values(Delegation.objects.get(pk=delegation.pk))
        assert state.name == "Mexico" and names[2] == "Mexico"
    else:
        assert delegation is None
    assert bool(access) == (who != "outsider")


def test_reader_of_an_observer_and_of_a_dais_member_who_is_also_a_delegate(
    committee, delegations, django_assert_num_queries
):
    observer = delegate_of(delegations[5])
    DaisRoleFactory(committee=committee, user=observer, role="rapporteur")
    DaisRoleFactory(committee=committee, user=observer, role="chair")
    with django_assert_num_queries(1):
        _, access = permissions.reader(observer, "ccpcj")
        assert access.delegation.member_state is None
        assert access.delegation.name == "INTERPOL" and access.delegation.is_observer is True
    assert access.roles == {"rapporteur", "chair", "delegate"}


def test_reader_of_no_such_committee_is_none(chair):
    assert permissions.reader(chair, "nope") is None

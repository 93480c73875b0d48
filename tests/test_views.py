import pytest
from django.urls import reverse

from sessions import services
from sessions.models import AuditEntry, RollCallEntry, Topic

pytestmark = pytest.mark.django_db

OK, REDIRECT, FORBIDDEN, MISSING = 200, 302, 403, 404
ROLES = ["anonymous", "outsider", "other_dais", "delegate", "chair", "director", "secretariat"]


def _committee_view(name, method, expected, **kwargs):
    return pytest.param(name, method, kwargs, expected, id=name)


# Expected status for: outsider, other_dais, delegate, chair, director, secretariat.
# Anonymous users always go to the login page.
VIEWS = [
    _committee_view("dashboard", "get", [MISSING, MISSING, FORBIDDEN, OK, OK, OK]),
    _committee_view("timeline", "get", [MISSING, MISSING, FORBIDDEN, OK, OK, OK]),
    _committee_view("recent", "get", [MISSING, MISSING, FORBIDDEN, OK, OK, OK]),
    _committee_view("panels", "get", [MISSING, MISSING, FORBIDDEN, OK, OK, OK]),
    _committee_view("roll_call", "get", [MISSING, MISSING, FORBIDDEN, OK, OK, OK]),
    _committee_view(
        "roll_call_meeting", "get", [MISSING, MISSING, FORBIDDEN, OK, OK, OK], number=1
    ),
    _committee_view(
        "roll_call_summary", "get", [MISSING, MISSING, FORBIDDEN, OK, OK, OK], number=1
    ),
    _committee_view(
        "meeting_create", "post", [MISSING, MISSING, FORBIDDEN, REDIRECT, FORBIDDEN, FORBIDDEN]
    ),
    _committee_view(
        "roll_call_mark",
        "post",
        [MISSING, MISSING, FORBIDDEN, REDIRECT, FORBIDDEN, FORBIDDEN],
        number=1,
        delegation="first",
    ),
    _committee_view("agenda", "get", [MISSING, MISSING, OK, OK, OK, OK]),
    _committee_view(
        "topic_propose", "post", [MISSING, MISSING, FORBIDDEN, REDIRECT, FORBIDDEN, FORBIDDEN]
    ),
    _committee_view(
        "agenda_adopt", "post", [MISSING, MISSING, FORBIDDEN, REDIRECT, FORBIDDEN, FORBIDDEN]
    ),
    _committee_view(
        "topic_open_next", "post", [MISSING, MISSING, FORBIDDEN, REDIRECT, FORBIDDEN, FORBIDDEN]
    ),
    _committee_view(
        "topic_close",
        "post",
        [MISSING, MISSING, FORBIDDEN, REDIRECT, FORBIDDEN, FORBIDDEN],
        number=1,
    ),
    _committee_view(
        "delegate_home", "get", [MISSING, MISSING, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN]
    ),
    _committee_view(
        "meeting_remove",
        "post",
        [MISSING, MISSING, FORBIDDEN, REDIRECT, FORBIDDEN, FORBIDDEN],
        number=1,
    ),
    _committee_view(
        "topic_reopen",
        "post",
        [MISSING, MISSING, FORBIDDEN, REDIRECT, FORBIDDEN, FORBIDDEN],
        number=1,
    ),
    _committee_view("roll_call_summary_latest", "get", [MISSING, MISSING, FORBIDDEN, OK, OK, OK]),
    # The live stream's catch-up: everyone in the committee follows it.
    _committee_view("live_state", "get", [MISSING, MISSING, OK, OK, OK, OK]),
]

POST_DATA = {
    "meeting_create": {"name": "Monday morning"},
    "roll_call_mark": {"status": "present"},
    "topic_propose": {"title": "A new topic"},
    "agenda_adopt": {"order": "2, 1"},
}


@pytest.fixture
def floor(committee, delegations, chair):
    """A committee with two proposed topics and a first meeting."""
    services.topic_propose(committee=committee, title="Organized crime", actor=chair)
    services.topic_propose(committee=committee, title="Trafficking", actor=chair)
    services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    return committee


def _url(name, committee, kwargs, delegations):
    kwargs = dict(kwargs)
    if kwargs.get("delegation") == "first":
        kwargs["delegation"] = delegations[0].pk
    return reverse(f"committee:{name}", kwargs={"committee": committee.slug, **kwargs})


@pytest.mark.parametrize(("name", "method", "kwargs", "expected"), VIEWS)
@pytest.mark.parametrize("role", ROLES)
def test_permissions(client, cast, floor, delegations, chair, role, name, method, kwargs, expected):
    if name in {"topic_open_next", "topic_close"}:
        services.agenda_adopt(committee=floor, order=[1, 2], actor=chair)
        if name == "topic_open_next":
            services.topic_close(topic=floor.topics.get(status=Topic.Status.OPEN), actor=chair)
    if name == "topic_reopen":
        services.agenda_adopt(committee=floor, order=[1, 2], actor=chair)
        services.topic_close(topic=floor.topics.get(status=Topic.Status.OPEN), actor=chair)
    user = cast[role]
    if user is not None:
        client.force_login(user)
    url = _url(name, floor, kwargs, delegations)
    before = AuditEntry.objects.count()
    response = getattr(client, method)(url, POST_DATA.get(name, {}))
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
        assert AuditEntry.objects.count() == before
        return
    assert response.status_code == expected[ROLES.index(role) - 1]
    done = list(AuditEntry.objects.order_by("id").values_list("action", flat=True)[before:])
    if response.status_code != REDIRECT:
        assert done == [], "a refused or read-only request changed something"
        return
    actions, message = EFFECTS[name]
    assert done == actions
    assert message in client.get(response["Location"]).content.decode()


# What each redirecting row (the chair's) did, and the message the page then shows.
EFFECTS = {
    "meeting_create": (["meeting.opened"], "Meeting 2: Monday morning opened. Call the roll."),
    "roll_call_mark": (["rollcall.marked"], "Present"),
    "topic_propose": (["topic.proposed"], "Topic 3 proposed."),
    # The agenda is adopted by a procedural vote on the voting page, never recorded directly.
    "agenda_adopt": (
        [],
        "The agenda is adopted by a procedural vote: record it on the Voting page.",
    ),
    "topic_open_next": (["topic.opened"], "Topic 2 is now open."),
    "topic_close": (["topic.closed"], "Topic 1 closed (voting procedure finished)."),
    "meeting_remove": (["meeting.removed"], "Meeting 1: Sunday evening removed."),
    "topic_reopen": (["topic.reopened"], "Topic 1 is open again."),
}


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("meeting_create", {}),
        ("roll_call_mark", {"number": 1, "delegation": "first"}),
        ("topic_propose", {}),
        ("agenda_adopt", {}),
        ("topic_open_next", {}),
        ("topic_close", {"number": 1}),
    ],
)
def test_state_changing_views_refuse_get(client, chair, floor, delegations, name, kwargs):
    client.force_login(chair)
    assert client.get(_url(name, floor, kwargs, delegations)).status_code == 405


@pytest.mark.parametrize(
    ("role", "expected"),
    [("secretariat", 200), ("chair", 403), ("delegate", 403), ("outsider", 403)],
)
def test_conference_overview_is_for_the_secretariat(client, cast, floor, role, expected):
    client.force_login(cast[role])
    response = client.get(reverse("conference_overview"))
    assert response.status_code == expected
    if expected == 200:
        assert floor.acronym.encode() in response.content


def test_conference_overview_anonymous_goes_to_login(client):
    response = client.get(reverse("conference_overview"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_unknown_committee_is_404_even_for_the_secretariat(client, secretariat):
    client.force_login(secretariat)
    assert client.get("/c/nope/").status_code == 404


@pytest.mark.parametrize(
    ("role", "landing"),
    [
        ("secretariat", "/conference/"),
        ("chair", "/c/ccpcj/"),
        ("director", "/c/ccpcj/"),
        ("delegate", "/c/ccpcj/delegate/"),
    ],
)
def test_login_lands_each_person_on_their_page(client, cast, role, landing):
    cast[role].set_password("pw")
    cast[role].save()
    response = client.post(
        reverse("login"), {"username": cast[role].username, "password": "pw"}, follow=True
    )
    assert response.redirect_chain[-1][0] == landing
    assert response.status_code == 200


def test_person_without_role_sees_an_explanation(client, outsider):
    client.force_login(outsider)
    response = client.get("/")
    assert response.status_code == 200
    assert b"no role in any committee" in response.content


def test_logout_is_a_post(client, chair):
    client.force_login(chair)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get("/c/ccpcj/").status_code == 302


# Behaviour of the pages -------------------------------------------------------------------


def test_roll_call_mark_with_htmx_returns_row_and_updated_counts(client, chair, floor, delegations):
    client.force_login(chair)
    url = _url("roll_call_mark", floor, {"number": 1, "delegation": "first"}, delegations)
    response = client.post(url, {"status": "present_voting"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    body = response.content.decode()
    assert f'id="d{delegations[0].pk}"' in body
    assert 'data-status="present_voting"' in body
    assert 'id="roll-call-summary"' in body and 'hx-swap-oob="true"' in body
    assert RollCallEntry.objects.get().status == "present_voting"


def test_roll_call_mark_with_a_bad_answer_shows_a_message(client, chair, floor, delegations):
    client.force_login(chair)
    url = _url("roll_call_mark", floor, {"number": 1, "delegation": "first"}, delegations)
    response = client.post(url, {"status": "sleeping"}, follow=True)
    assert response.status_code == 200
    assert "Answer present, present and voting, or absent." in response.content.decode()
    assert not RollCallEntry.objects.exists()


def test_roll_call_mark_for_another_committees_delegation_is_404(
    client, chair, floor, other_committee
):
    from .factories import DelegationFactory

    stranger = DelegationFactory(committee=other_committee)
    client.force_login(chair)
    url = reverse(
        "committee:roll_call_mark",
        kwargs={"committee": floor.slug, "number": 1, "delegation": stranger.pk},
    )
    assert client.post(url, {"status": "present"}).status_code == 404


def test_meeting_form_error_keeps_input_and_explains(client, chair, floor):
    client.force_login(chair)
    response = client.post(
        reverse("committee:meeting_create", kwargs={"committee": floor.slug}),
        {"name": "", "starts_at": "not a date"},
    )
    assert response.status_code == 400
    assert b"This field is required" in response.content
    assert b"Enter a valid date/time" in response.content


def test_the_agenda_page_sends_the_chair_to_the_agenda_vote(client, chair, floor):
    client.force_login(chair)
    page = client.get(reverse("committee:agenda", kwargs={"committee": floor.slug}))
    vote = reverse("voting:index", kwargs={"committee": floor.slug})
    assert f'href="{vote}">Vote on the agenda</a>' in page.content.decode()
    response = client.post(
        reverse("committee:agenda_adopt", kwargs={"committee": floor.slug}),
        {"order": "2, 1"},
        follow=True,
    )
    assert b"adopted by a procedural vote" in response.content
    assert not floor.topics.filter(status="open").exists()
    assert not AuditEntry.objects.filter(action="agenda.adopted").exists()


def test_delegate_home_shows_delegation_and_open_topic(client, delegate, floor, chair):
    services.agenda_adopt(committee=floor, order=[1, 2], actor=chair)
    client.force_login(delegate)
    content = client.get(
        reverse("committee:delegate_home", kwargs={"committee": floor.slug})
    ).content.decode()
    assert "Mexico" in content
    assert "1. Organized crime" in content


def test_delegate_home_shows_its_own_answer_to_the_roll_call(
    client, delegate, floor, chair, delegations
):
    meeting = floor.meetings.get()
    mexico = delegate.delegate.delegation
    others = [d for d in delegations if d != mexico]
    client.force_login(delegate)
    url = reverse("committee:delegate_home", kwargs={"committee": floor.slug})
    services.roll_call_mark(meeting=meeting, delegation=others[0], status="absent", actor=chair)
    assert '<span data-status="">not called yet</span>' in client.get(url).content.decode()
    services.roll_call_mark(
        meeting=meeting, delegation=mexico, status="present_voting", actor=chair
    )
    services.roll_call_mark(meeting=meeting, delegation=others[1], status="present", actor=chair)
    content = client.get(url).content.decode()
    assert '<strong data-status="present_voting">Present and voting</strong>' in content


def test_timeline_shows_readable_entries(client, chair, floor):
    client.force_login(chair)
    content = client.get(reverse("committee:timeline", kwargs={"committee": floor.slug}))
    text = content.content.decode()
    assert "proposed topic 1: Organized crime" in text
    assert "opened meeting 1: Sunday evening" in text


def test_a_background_htmx_request_leaves_the_message_to_the_page_it_was_meant_for(
    client, committee, chair
):
    """A live refresh of part of a page (htmx, selecting a part of the whole page) that
    reaches the server between an action and the page it redirects to must not use up the
    action's message (CI once saw a signature's "accepted" lost that way)."""
    client.force_login(chair)
    agenda = reverse("committee:agenda", kwargs={"committee": committee.slug})
    client.post(
        reverse("committee:topic_propose", kwargs={"committee": committee.slug}),
        {"title": "Trafficking in persons"},
    )
    background = client.get(agenda, HTTP_HX_REQUEST="true")
    assert "Trafficking in persons" in background.content.decode()
    assert 'class="alert alert-success' not in background.content.decode()
    page = client.get(agenda).content.decode()
    assert 'class="alert alert-success' in page

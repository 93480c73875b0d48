"""The floor's pages: who may see and do what (delegates only for their own delegation),
refusals that change nothing, timers after a reload, the delegate's phone page."""

import datetime as dt

import pytest
from django.urls import reverse

from sessions import clock, floor
from sessions.models import DaisRole, FloorMotion, Speech

from .factories import DaisRoleFactory, UserFactory
from .voting_helpers import agenda_and_roll_call

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_floor(committee, delegations, chair, names):
    """Topic 1 open, Kenya waiting, a motion moved by Brazil pending."""
    agenda_and_roll_call(committee, chair)
    speech = floor.speaker_add(committee=committee, delegation=names["Kenya"], actor=chair)
    motion = floor.motion_raise(
        committee=committee, kind="suspend", minutes=5, delegation=names["Brazil"], actor=chair
    )
    return {"speech": speech, "motion": motion}


def url(name, committee="ccpcj", **kw):
    return reverse(f"committee:{name}", kwargs={"committee": committee, **kw})


def snapshot():
    return (
        sorted(Speech.objects.values_list("delegation_id", "status")),
        sorted(FloorMotion.objects.values_list("kind", "status")),
    )


GET_VIEWS = ["floor", "floor_panel", "floor_state", "floor_projector"]


@pytest.mark.parametrize(
    "who,expected",
    [
        ("anonymous", 302),
        ("outsider", 404),
        ("other_dais", 404),
        ("delegate", 200),
        ("director", 200),
        ("secretariat", 200),
        ("chair", 200),
    ],
)
def test_floor_pages_are_for_committee_members(client, cast, live_floor, who, expected):
    if cast[who]:
        client.force_login(cast[who])
    for name in GET_VIEWS:
        response = client.get(url(name))
        assert response.status_code == expected, name
        if expected == 302:
            assert response["Location"].startswith("/accounts/login/")


def _run_posts(live_floor):
    return [
        (url("speaker_next"), {}),
        (url("speech_end"), {"yield_to": "dais"}),
        (url("floor_motion_vote", pk=live_floor["motion"].pk), {"yes": 6, "no": 0}),
        (url("suspension_end"), {}),
    ]


def _take_part_posts(live_floor, names):
    return [
        (url("speaker_add"), {"delegation": names["Brazil"].pk}),
        (url("speaker_withdraw", pk=live_floor["speech"].pk), {}),
        (url("motion_raise"), {"kind": "suspend", "minutes": 9, "delegation": names["Brazil"].pk}),
        (url("floor_motion_withdraw", pk=live_floor["motion"].pk), {}),
    ]


@pytest.mark.parametrize(
    "who,run,take_part",
    [
        ("anonymous", 302, 302),
        ("outsider", 404, 404),
        ("other_dais", 404, 404),
        ("director", 403, 403),
        ("secretariat", 403, 403),
        # Alice is Mexico's delegate: she may not act for Brazil or Kenya.
        ("delegate", 403, 403),
    ],
)
def test_refused_actions_change_nothing(client, cast, live_floor, names, who, run, take_part):
    if cast[who]:
        client.force_login(cast[who])
    before = snapshot()
    for page, data in _run_posts(live_floor):
        assert client.post(page, data).status_code == run, page
    for page, data in _take_part_posts(live_floor, names):
        assert client.post(page, data).status_code == take_part, page
    assert snapshot() == before


def test_post_views_refuse_get(client, chair, live_floor, names):
    client.force_login(chair)
    for page, _ in _run_posts(live_floor) + _take_part_posts(live_floor, names):
        assert client.get(page).status_code == 405


def test_delegate_joins_and_leaves_for_their_own_delegation(client, delegate, live_floor, names):
    client.force_login(delegate)
    response = client.post(url("speaker_add"), follow=True)
    assert "Mexico is on the speakers list" in response.content.decode()
    speech = Speech.objects.get(delegation=names["Mexico"], status="waiting")
    # Naming another delegation is refused, even with the delegate's own in the session.
    assert client.post(url("speaker_add"), {"delegation": names["Japan"].pk}).status_code == 403
    assert client.post(url("speaker_withdraw", pk=speech.pk)).status_code == 302
    speech.refresh_from_db()
    assert speech.status == "withdrawn"
    assert not Speech.objects.filter(delegation=names["Japan"]).exists()


def test_delegate_raises_a_motion_for_their_delegation_and_withdraws_it(
    client, delegate, other_delegate, live_floor, names
):
    client.force_login(delegate)
    response = client.post(url("motion_raise"), {"kind": "suspend", "minutes": "20"}, follow=True)
    assert "Motion raised: Suspend the meeting for 20 minutes" in response.content.decode()
    motion = FloorMotion.objects.get(minutes=20)
    assert motion.delegation == names["Mexico"] and motion.raised_by == delegate
    # France's delegate may not withdraw Mexico's motion.
    client.force_login(other_delegate)
    assert client.post(url("floor_motion_withdraw", pk=motion.pk)).status_code == 403
    client.force_login(delegate)
    client.post(url("floor_motion_withdraw", pk=motion.pk))
    motion.refresh_from_db()
    assert motion.status == "withdrawn"


def test_bad_motion_input_is_a_message(client, delegate, live_floor):
    client.force_login(delegate)
    response = client.post(url("motion_raise"), {"kind": "suspend", "minutes": "x"}, follow=True)
    assert "The motion was not raised" in response.content.decode()
    response = client.post(url("motion_raise"), {"kind": "suspend"}, follow=True)
    assert "for how long" in response.content.decode()
    assert FloorMotion.objects.count() == 1


def test_rapporteur_runs_the_floor(client, committee, live_floor):
    rapporteur = DaisRoleFactory(
        committee=committee, role=DaisRole.Role.RAPPORTEUR, user=UserFactory(username="riley")
    ).user
    client.force_login(rapporteur)
    client.post(url("speaker_next"))
    assert Speech.objects.get(status="speaking").delegation.name == "Kenya"


def test_chair_puts_a_motion_to_the_vote_from_the_page(client, chair, live_floor):
    client.force_login(chair)
    response = client.post(
        url("floor_motion_vote", pk=live_floor["motion"].pk), {"yes": 5, "no": 1}, follow=True
    )
    assert "Suspend the meeting for 5 minutes: adopted (5 in favor, 1 against)" in (
        response.content.decode()
    )
    assert client.get(url("floor_state")).json()["state"]["suspension"]["minutes"] == 5
    timeline = client.get(url("timeline")).content.decode()
    assert "motion adopted: Suspend the meeting for 5 minutes (5 in favor, 1 against)" in timeline


def test_a_reload_shows_the_timer_from_its_stored_start(client, chair, live_floor, delegate):
    start = clock.now() - dt.timedelta(seconds=30)
    with clock.travel_to(start):
        floor.speaker_next(
            committee=live_floor["speech"].speakers_list.topic.committee, actor=chair
        )
    client.force_login(delegate)
    for _ in range(2):  # the same on every load
        page = client.get(url("floor")).content.decode()
        assert 'id="speech-timer"' in page
        assert ">1:00<" in page or ">0:59<" in page
        state = client.get(url("floor_state")).json()["state"]
        ends = state["current"]["ends"]
        assert ends == int((start + dt.timedelta(seconds=90)).timestamp() * 1000)


def test_other_committees_objects_are_not_found(client, other_dais, live_floor):
    client.force_login(other_dais)
    response = client.post(url("speaker_withdraw", committee="ga3", pk=live_floor["speech"].pk))
    assert response.status_code == 404


def test_floor_page_query_count_does_not_grow(
    client, delegate, live_floor, committee, chair, names, django_assert_max_num_queries
):
    client.force_login(delegate)
    with django_assert_max_num_queries(20) as small:
        client.get(url("floor"))
    for d in names.values():
        if d.name != "Kenya":
            floor.speaker_add(committee=committee, delegation=d, actor=chair)
    with django_assert_max_num_queries(len(small)):
        client.get(url("floor"))

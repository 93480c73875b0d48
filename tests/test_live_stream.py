"""The committee's live stream: numbered messages that carry the state, the catch-up
snapshot, and the merging of a backlog (sessions.live)."""

import json

import pytest
from django.db import connection, transaction
from django.urls import reverse

from sessions import live, services
from sessions.models import Committee, MemberState

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(monkeypatch):
    """What the services publish, in order: (groups, message)."""
    sent = []
    monkeypatch.setattr("sessions.hub.anyone_listening", lambda: True)
    monkeypatch.setattr(
        "sessions.hub.publish", lambda groups, text: sent.append((groups, json.loads(text)))
    )
    return sent


def test_numbered_messages_follow_each_other_across_kinds(
    committee, delegations, chair, published, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
        services.roll_call_mark(
            meeting=meeting, delegation=delegations[0], status="present", actor=chair
        )
        services.topic_propose(committee=committee, title="Cybercrime", actor=chair)
    numbers = [(m["what"], m["seq"], m["prev"]) for _, m in published]
    assert numbers == [("roll_call", 1, 0), ("roll_call", 2, 1), ("agenda", 3, 2)]
    assert all(groups == [f"committee.{committee.pk}"] for groups, _ in published)
    committee.refresh_from_db()
    assert committee.live_seq == 3


def test_a_roll_call_message_carries_the_answer_read_after_the_commit(
    committee, delegations, chair, published, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.roll_call_mark(
            meeting=meeting, delegation=delegations[0], status="present", actor=chair
        )
    # A correction commits before the first answer's message is numbered: the message
    # carries the answer as it stands, never the superseded one.
    with django_capture_on_commit_callbacks(execute=True):
        services.roll_call_mark(
            meeting=meeting, delegation=delegations[0], status="absent", actor=chair
        )
    for callback in callbacks:
        callback()
    late = published[-1][1]
    assert late["answers"] == {str(delegations[0].pk): "absent"}
    assert late["status"] == "absent"


def test_the_agenda_message_carries_the_open_topic(
    committee, delegations, chair, published, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.topic_propose(committee=committee, title="Cybercrime", actor=chair)
        services.topic_propose(committee=committee, title="Trafficking", actor=chair)
        services.agenda_adopt(committee=committee, order=[2, 1], actor=chair)  # opens 1
    message = published[-1][1]
    assert message["open_topic"] == {"number": 1, "title": "Trafficking"}
    assert "Trafficking" in message["html"]["open_topic"]


def test_private_events_are_not_numbered(
    committee, delegations, chair, delegate, published, django_capture_on_commit_callbacks
):
    from resolutions import services as paper_services
    from resolutions.text import parse
    from tests.factories import open_floor

    open_floor(committee, chair)
    before = Committee.objects.get(pk=committee.pk).live_seq
    published.clear()
    with django_capture_on_commit_callbacks(execute=True):
        paper = paper_services.paper_create(
            committee=committee,
            delegation=delegations[0],
            actor=delegate,
            resolution=parse("Recalling x,\n1. Urges y.").resolution,
        )
    assert published == [
        (
            [f"committee.{committee.pk}.delegation.{delegations[0].pk}"],
            {"what": "papers", "paper": paper.pk},
        )
    ]
    assert Committee.objects.get(pk=committee.pk).live_seq == before


def test_saving_a_committee_loaded_earlier_keeps_the_stream_number(committee, chair):
    stale = Committee.objects.get(pk=committee.pk)
    Committee.objects.filter(pk=committee.pk).update(live_seq=41)
    stale.full_name = "Commission on Crime Prevention and Criminal Justice"
    services.committee_save(committee=stale, changes=["full_name"], actor=chair)
    assert Committee.objects.get(pk=committee.pk).live_seq == 41


def test_the_snapshot_carries_the_number_and_every_part(client, committee, delegations, chair):
    meeting = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    services.roll_call_mark(
        meeting=meeting, delegation=delegations[1], status="absent", actor=chair
    )
    Committee.objects.filter(pk=committee.pk).update(live_seq=7)
    client.force_login(chair)
    response = client.get(reverse("committee:live_state", kwargs={"committee": committee.slug}))
    assert response["Cache-Control"] == "no-store"
    data = response.json()
    assert data["seq"] == 7
    assert set(data["parts"]) == {"roll_call", "agenda"}
    roll_call = data["parts"]["roll_call"]
    assert roll_call["full"] is True
    assert roll_call["answers"] == {str(delegations[1].pk): "absent"}
    assert roll_call["meeting"] == roll_call["latest"] == 1


def test_the_snapshot_costs_the_same_at_any_size(client, committee, delegations, chair):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import DelegationFactory

    meeting = services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    client.force_login(chair)
    url = reverse("committee:live_state", kwargs={"committee": committee.slug})
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    taken = committee.delegations.values("member_state")
    for state in MemberState.objects.exclude(pk__in=taken).order_by("name")[:40]:
        delegation = DelegationFactory(committee=committee, member_state=state)
        services.roll_call_mark(
            meeting=meeting, delegation=delegation, status="present", actor=chair
        )
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)


def _message(seq, prev, what="roll_call", meeting=1, **extra):
    return json.dumps({"what": what, "seq": seq, "prev": prev, "meeting": meeting, **extra})


def test_a_backlog_of_answers_is_merged_into_one_message():
    group = "committee.1"
    batch = [
        (group, _message(5, 4, answers={"1": "present"}, html={"s": "old"})),
        (group, _message(6, 5, answers={"2": "absent"}, html={"s": "mid"})),
        (group, _message(7, 6, answers={"1": "absent"}, html={"s": "new"})),
    ]
    (merged,) = live.coalesce(batch)
    assert merged[0] == group
    message = json.loads(merged[1])
    assert (message["seq"], message["prev"]) == (7, 4)
    assert message["answers"] == {"1": "absent", "2": "absent"}
    assert message["html"] == {"s": "new"}


def test_what_cannot_be_merged_stays_as_it_was():
    group, other = "committee.1", "committee.2"
    batch = [
        (group, _message(5, 4, answers={"1": "present"})),
        (group, _message(6, 5, what="agenda")),  # another kind between two answers
        (group, _message(7, 6, answers={"2": "present"})),
        (group, _message(8, 7, answers={}, change="opened", meeting=2)),  # a new meeting
        (other, _message(3, 2, answers={"9": "present"})),  # another committee
        (group, '{"what":"papers","paper":3}'),  # a signal without a number
    ]
    assert live.coalesce(batch) == batch


def test_with_no_one_listening_the_stream_is_numbered_without_building_the_message(
    committee, chair, monkeypatch, settings, django_capture_on_commit_callbacks
):
    settings.LIVE_REDIS_URL = None  # no Redis, and no socket open in this process
    built = []
    monkeypatch.setitem(live.PARTS, "roll_call", lambda committee, keys: built.append(keys))
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
    assert Committee.objects.get(pk=committee.pk).live_seq == 1
    assert built == []


@pytest.mark.parametrize(
    "second",
    [
        pytest.param(_message(7, 6, answers={"2": "present"}), id="a message missing between"),
        pytest.param(_message(6, 5, answers={}, change="opened"), id="a meeting opened"),
        pytest.param(_message(6, 5, answers={"2": "present"}, meeting=2), id="another meeting"),
        pytest.param(_message(6, 5, what="agenda"), id="another kind"),
    ],
)
def test_two_messages_are_merged_only_when_the_second_continues_the_first(second):
    batch = [("committee.1", _message(5, 4, answers={"1": "present"})), ("committee.1", second)]
    assert live.coalesce(batch) == batch


def test_a_declined_invitation_reaches_the_declining_delegation_and_names_it(
    committee,
    delegations,
    chair,
    delegate,
    other_delegate,
    published,
    django_capture_on_commit_callbacks,
):
    """France declines Mexico's paper, still with its sponsors: France may no longer read it,
    but its screens hear of it (to drop the request from their menu count)."""
    from resolutions import services as paper_services
    from resolutions.models import Supporter
    from resolutions.text import parse
    from tests.factories import open_floor

    open_floor(committee, chair)
    mexico, france = delegations[0], delegations[1]
    paper = paper_services.paper_create(
        committee=committee,
        delegation=mexico,
        actor=delegate,
        resolution=parse("Recalling x,\n1. Urges y.").resolution,
    )
    paper_services.supporter_invite(
        paper=paper,
        delegation=mexico,
        actor=delegate,
        invitee=france,
        role=Supporter.Role.SIGNATORY,
    )
    published.clear()
    with django_capture_on_commit_callbacks(execute=True):
        paper_services.supporter_answer(
            paper=paper, delegation=france, actor=other_delegate, accept=False
        )
    ((groups, message),) = published
    assert f"committee.{committee.pk}.delegation.{france.pk}" in groups
    assert message == {"what": "papers", "paper": paper.pk, "delegation": france.pk}


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="synchronous_commit is PostgreSQL's setting"
)
@pytest.mark.parametrize("listening", [True, False])
def test_only_the_numbers_transaction_commits_without_waiting_for_the_disk(
    committee, chair, monkeypatch, listening
):
    """The change is committed durably; the number that announces it is taken in a transaction
    of its own that does not wait for the disk (sessions.live._next_seq)."""

    def setting():
        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            return cursor.fetchone()[0]

    seen = []
    number = live._next_seq

    def next_seq(committee_id):
        seq = number(committee_id)
        seen.append(("numbered", setting()))
        return seq

    monkeypatch.setattr(live, "_next_seq", next_seq)
    monkeypatch.setattr("sessions.hub.anyone_listening", lambda: listening)
    monkeypatch.setattr("sessions.hub.publish", lambda groups, text: None)
    with transaction.atomic():
        services.topic_propose(committee=committee, title="Cybercrime", actor=chair)
        seen.append(("change", setting()))
    seen.append(("after", setting()))
    assert seen == [("change", "on"), ("numbered", "off"), ("after", "on")]
    assert Committee.objects.get(pk=committee.pk).live_seq == 1

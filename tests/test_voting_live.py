"""A vote's live messages through Channels: each carries the vote's state and a sequence number,
in order, to every member's socket; nobody outside the committee receives them."""

import pytest
import pytest_asyncio
from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.db import connections

from sessions.routing import websocket_urlpatterns
from tests.live_helpers import follow
from voting import services

from .voting_helpers import agenda_and_roll_call, approve_draft, close_debate

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.asyncio]
application = URLRouter(websocket_urlpatterns)


@pytest_asyncio.fixture(autouse=True)
async def _close_worker_connections():
    yield
    await sync_to_async(connections.close_all, thread_sensitive=True)()


def communicator(user, slug="ccpcj"):
    comm = WebsocketCommunicator(application, f"/ws/committees/{slug}/")
    comm.scope["user"] = user
    return comm


@database_sync_to_async
def _setup(committee, chair, delegate, director):
    names = {d.name: d for d in committee.delegations.select_related("member_state")}
    agenda_and_roll_call(committee, chair, statuses={"Japan": "present"})
    approve_draft(
        committee,
        sponsor=names["Mexico"],
        signatory=names["France"],
        user=delegate,
        director=director,
    )
    procedure = close_debate(committee, chair)[1]
    return names, procedure.items.get()


async def test_delegates_follow_a_roll_call_from_the_messages_alone(
    committee, delegations, chair, director, delegate, other_delegate, other_dais, monkeypatch
):
    monkeypatch.setattr(services._draw, "randrange", lambda n: 2)  # Japan, Kenya, Mexico, …
    names, item = await _setup(committee, chair, delegate, director)
    watchers = [communicator(delegate), communicator(other_delegate)]
    for comm in watchers:
        await follow(comm)
    outsider = communicator(other_dais)
    assert not (await outsider.connect())[0]

    vote = await database_sync_to_async(services.item_vote_open)(
        item=item, method="roll_call", actor=chair
    )
    record = database_sync_to_async(services.ballot_record)
    answers = [("Japan", "abstain"), ("Kenya", "yes"), ("Mexico", "no")]
    for name, answer in answers:
        await record(vote=vote, delegation=names[name], answer=answer, actor=chair)
    await database_sync_to_async(services.ballot_undo)(vote=vote, actor=chair)

    for comm in watchers:
        opened = await comm.receive_json_from(timeout=2)
        assert opened["what"] == "vote" and opened["state"]["seq"] == 1
        called = sorted(row["name"] for row in opened["state"]["order"])
        assert called == ["Brazil", "France", "Japan", "Kenya", "Mexico"]
        seqs, last = [], None
        for _ in range(4):
            message = await comm.receive_json_from(timeout=2)
            seqs.append(message["state"]["seq"])
            last = message
        assert seqs == [2, 3, 4, 5]  # in order, nothing lost
        # The last message: Mexico's "no" undone, with the tally that follows from it.
        assert last["ballot"] == {"delegation": names["Mexico"].pk, "answer": "", "display": ""}
        state = last["state"]
        assert (state["yes"], state["no"], state["abstain"], state["answered"]) == (1, 0, 1, 2)
        assert "order" not in state  # one answer costs one small message
        assert await comm.receive_nothing(timeout=0.1)
        await comm.disconnect()


async def test_an_idempotent_double_click_sends_nothing(
    committee, delegations, chair, director, delegate, monkeypatch
):
    monkeypatch.setattr(services._draw, "randrange", lambda n: 3)  # Kenya first
    names, item = await _setup(committee, chair, delegate, director)
    vote = await database_sync_to_async(services.item_vote_open)(
        item=item, method="roll_call", actor=chair
    )
    comm = communicator(delegate)
    await follow(comm)
    record = database_sync_to_async(services.ballot_record)
    await record(vote=vote, delegation=names["Kenya"], answer="yes", actor=chair)
    await record(vote=vote, delegation=names["Kenya"], answer="yes", actor=chair)
    message = await comm.receive_json_from(timeout=2)
    assert message["state"]["seq"] == 2 and message["ballot"]["name"] == "Kenya"
    assert await comm.receive_nothing(timeout=0.2)
    await comm.disconnect()

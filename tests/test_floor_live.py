"""The floor's live messages through Channels: each carries the floor's whole state and a
sequence number, to every member's socket; nobody outside the committee receives them."""

import pytest
import pytest_asyncio
from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.db import connections

from sessions import floor
from sessions.routing import websocket_urlpatterns
from tests.live_helpers import follow

from .voting_helpers import agenda_and_roll_call

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


async def test_every_screen_follows_the_floor_from_the_messages(
    committee, delegations, chair, delegate, other_delegate, other_dais
):
    names = {d.name: d for d in delegations}
    await database_sync_to_async(agenda_and_roll_call)(committee, chair)
    watchers = [communicator(delegate), communicator(other_delegate), communicator(chair)]
    for comm in watchers:
        await follow(comm)
    outsider = communicator(other_dais)
    assert not (await outsider.connect())[0]

    run = database_sync_to_async
    await run(floor.speaker_add)(committee=committee, delegation=names["Mexico"], actor=chair)
    await run(floor.speaker_add)(committee=committee, delegation=names["France"], actor=chair)
    await run(floor.speaker_next)(committee=committee, actor=chair)
    await run(floor.speech_end)(committee=committee, actor=chair)
    motion = await run(floor.motion_raise)(
        committee=committee, kind="suspend", minutes=20, delegation=names["Kenya"], actor=chair
    )
    await run(floor.motion_put_to_vote)(motion=motion, yes=5, no=1, actor=chair)

    for comm in watchers:
        floors = []
        for _ in range(7):  # five floor changes, the vote's message, the decision
            message = await comm.receive_json_from(timeout=2)
            if message["what"] == "floor":
                floors.append(message["state"])
            else:
                assert message["what"] == "vote"
                assert message["state"]["subject"] == "Suspend the meeting for 20 minutes"
        assert [s["seq"] for s in floors] == [1, 2, 3, 4, 5, 6]  # in order, nothing lost
        assert [w["name"] for w in floors[1]["waiting"]] == ["Mexico", "France"]
        speaking = floors[2]["current"]
        assert speaking["name"] == "Mexico" and speaking["duration"] == 90
        assert speaking["ends"] - speaking["started"] == 90_000
        assert floors[3]["current"] is None and floors[3]["history"][0]["name"] == "Mexico"
        assert floors[4]["motions"][0]["subject"] == "Suspend the meeting for 20 minutes"
        last = floors[5]
        assert last["motions"] == [] and last["suspension"]["minutes"] == 20
        assert last["suspension"]["ends"] - last["suspension"]["started"] == 20 * 60_000
        assert last["last_motion"]["adopted"] is True
        assert await comm.receive_nothing(timeout=0.1)
        await comm.disconnect()

"""The committee websocket: members follow it, others are refused, services signal it."""

import pytest
import pytest_asyncio
from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.db import connections

from sessions import services
from sessions.routing import websocket_urlpatterns
from tests.live_helpers import follow, signal

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.asyncio]

application = URLRouter(websocket_urlpatterns)


@pytest_asyncio.fixture(autouse=True)
async def _close_worker_connections():
    """The consumer's database work runs in asgiref's worker thread; close its connection so
    the test database can be dropped at the end."""
    yield
    await sync_to_async(connections.close_all, thread_sensitive=True)()


def communicator(user, slug):
    comm = WebsocketCommunicator(application, f"/ws/committees/{slug}/")
    comm.scope["user"] = user
    return comm


async def test_a_roll_call_answer_arrives_numbered_with_the_new_state(
    committee, delegations, chair, director
):
    meeting = await database_sync_to_async(services.meeting_open)(
        committee=committee, name="Sunday evening", actor=chair
    )
    comm = communicator(director, committee.slug)
    hello = await follow(comm)
    assert hello == {"what": "hello", "seq": 1}  # the meeting's opening was message 1
    await database_sync_to_async(services.roll_call_mark)(
        meeting=meeting, delegation=delegations[0], status="present", actor=chair
    )
    message = await comm.receive_json_from(timeout=2)
    assert signal(message) == {
        "what": "roll_call",
        "meeting": 1,
        "delegation": delegations[0].pk,
        "status": "present",
    }
    assert (message["seq"], message["prev"]) == (2, 1)
    assert message["answers"] == {str(delegations[0].pk): "present"}
    assert message["latest"] == 1 and message["meeting_name"] == "Sunday evening"
    # The summary card as the pages render it: 1 of the 6 delegations answered.
    assert "1 of 6 answered" in " ".join(message["html"]["roll_call_summary"].split())
    await comm.disconnect()


async def test_outsider_and_anonymous_are_refused(committee, outsider, other_dais):
    from django.contrib.auth.models import AnonymousUser

    for user in [outsider, other_dais, AnonymousUser()]:
        comm = communicator(user, committee.slug)
        connected, code = await comm.connect()
        assert not connected and code == 4403


async def test_unknown_committee_is_refused(chair):
    comm = communicator(chair, "nope")
    connected, _ = await comm.connect()
    assert not connected

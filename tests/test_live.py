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


async def test_member_receives_roll_call_signal(committee, delegations, chair, director):
    meeting = await database_sync_to_async(services.meeting_open)(
        committee=committee, name="Sunday evening", actor=chair
    )
    comm = communicator(director, committee.slug)
    connected, _ = await comm.connect()
    assert connected
    await database_sync_to_async(services.roll_call_mark)(
        meeting=meeting, delegation=delegations[0], status="present", actor=chair
    )
    message = await comm.receive_json_from(timeout=2)
    assert message == {
        "what": "roll_call",
        "meeting": 1,
        "delegation": delegations[0].pk,
        "status": "present",
    }
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

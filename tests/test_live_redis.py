"""Live updates across server processes through Redis (sessions.hub); run when REDIS_URL is
set (CI's PostgreSQL run)."""

import asyncio
import json
import os

import pytest
import pytest_asyncio
import redis
from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.db import connections
from django.test import Client

from sessions import services
from sessions.routing import websocket_urlpatterns
from tests.live_helpers import follow

pytestmark = [
    pytest.mark.skipif(not settings.LIVE_REDIS_URL, reason="needs REDIS_URL"),
    pytest.mark.django_db(transaction=True),
]

# How long the idle sockets wait (two minutes in CI; shorter when trying things locally).
IDLE_SECONDS = float(os.environ.get("LIVE_IDLE_SECONDS", "120"))


@pytest_asyncio.fixture(autouse=True)
async def _close_worker_connections():
    yield
    await sync_to_async(connections.close_all, thread_sensitive=True)()


@pytest.mark.asyncio
async def test_the_hub_resubscribes_after_losing_redis_and_pages_catch_up(
    committee, delegations, chair
):
    comm = WebsocketCommunicator(URLRouter(websocket_urlpatterns), "/ws/committees/ccpcj/")
    comm.scope["user"] = chair
    await follow(comm)
    # Redis drops the process's subscription (a restart, a network blip).
    killed = redis.Redis.from_url(settings.LIVE_REDIS_URL).client_kill_filter(_type="pubsub")
    assert killed >= 1
    # The hub subscribes again and tells its sockets to fetch the state once...
    assert json.loads(await comm.receive_from(timeout=10)) == {"what": "resync"}
    # ...and what happens next reaches them again.
    await database_sync_to_async(services.meeting_open)(
        committee=committee, name="Sunday evening", actor=chair
    )
    message = json.loads(await comm.receive_from(timeout=5))
    assert (message["what"], message["change"]) == ("roll_call", "opened")
    await comm.disconnect()


@pytest.mark.browser  # needs the live server, like the browser tests
def test_a_hundred_idle_sockets_stay_open_and_all_hear_the_next_change(
    asgi_server, committee, delegations, chair, director
):
    import websockets

    client = Client()
    client.force_login(director)
    cookie = f"sessionid={client.session.session_key}"
    url = asgi_server.url.replace("http://", "ws://") + "/ws/committees/ccpcj/"

    def open_meeting():
        try:
            services.meeting_open(committee=committee, name="Sunday evening", actor=chair)
        finally:
            connections.close_all()

    async def scenario():
        sockets = [
            await websockets.connect(
                url, origin=asgi_server.url, additional_headers={"Cookie": cookie}
            )
            for _ in range(100)
        ]
        hellos = [json.loads(await s.recv()) for s in sockets]
        assert {h["what"] for h in hellos} == {"hello"}
        await asyncio.sleep(IDLE_SECONDS)
        assert all(s.state.name == "OPEN" for s in sockets)
        await asyncio.to_thread(open_meeting)
        heard = [json.loads(await asyncio.wait_for(s.recv(), 10)) for s in sockets]
        assert {(m["what"], m["change"]) for m in heard} == {("roll_call", "opened")}
        for s in sockets:
            await s.close()

    asyncio.run(scenario())

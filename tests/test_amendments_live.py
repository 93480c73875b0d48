"""Amendment events on the committee socket: private while the amendment is with its
delegations, to the whole committee once it reaches the dais."""

import pytest
import pytest_asyncio
from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.db import connections

from resolutions import amendment_services as services
from sessions.routing import websocket_urlpatterns
from tests.live_helpers import follow, signal

from .amendment_helpers import make_draft, write
from .factories import DelegateFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.asyncio]

application = URLRouter(websocket_urlpatterns)


@pytest_asyncio.fixture(autouse=True)
async def _close_worker_connections():
    yield
    await sync_to_async(connections.close_all, thread_sensitive=True)()


def communicator(user):
    comm = WebsocketCommunicator(application, "/ws/committees/ccpcj/")
    comm.scope["user"] = user
    return comm


async def test_an_amendment_is_heard_of_by_its_delegations_then_by_everyone(
    committee, delegations, chair, director, delegate, other_delegate
):
    draft = await database_sync_to_async(make_draft)(
        committee,
        delegations,
        chair=chair,
        director=director,
        mexican=delegate,
        french=other_delegate,
    )
    kenya, japan = delegations[2], delegations[3]

    def users():
        return (
            kenya.delegates.first().user,
            DelegateFactory(delegation=japan, user=UserFactory(username="japan")).user,
        )

    kenyan, japanese = await database_sync_to_async(users)()
    cast = {"kenya": kenyan, "japan": japanese, "mexico": delegate, "director": director}
    sockets = {name: communicator(user) for name, user in cast.items()}
    for comm in sockets.values():
        await follow(comm)

    def propose():
        amendment = services.amendment_create(
            target=draft, delegation=kenya, actor=kenyan, kind="unfriendly"
        )
        amendment = write(amendment, kenya, kenyan, ("delete", "op.1"))
        services.amendment_invite(
            amendment=amendment, delegation=kenya, actor=kenyan, invitee=japan
        )
        return amendment

    amendment = await database_sync_to_async(propose)()
    message = {"what": "amendments", "draft": draft.pk, "amendment": amendment.pk}
    for _ in range(3):  # created, revised, invited
        assert signal(await sockets["kenya"].receive_json_from(timeout=2)) == message
    assert signal(await sockets["japan"].receive_json_from(timeout=2)) == message  # once invited
    assert await sockets["mexico"].receive_nothing(timeout=0.5)
    assert await sockets["director"].receive_nothing(timeout=0.2)

    def submit():
        services.amendment_answer(
            amendment=amendment, delegation=japan, actor=japanese, accept=True
        )
        services.amendment_submit(amendment=amendment, delegation=kenya, actor=kenyan)

    await database_sync_to_async(submit)()
    assert signal(await sockets["director"].receive_json_from(timeout=2)) == message
    assert signal(await sockets["mexico"].receive_json_from(timeout=2)) == message
    for comm in sockets.values():
        await comm.disconnect()

"""The committee socket keeps private things private: closed on log-out, private events only
to those who may read them, stray frames ignored, the page's own origin only."""

import pytest
import pytest_asyncio
from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.sessions.backends.db import SessionStore
from django.db import connections
from django.test import Client

from ccpcj.origins import SameOriginValidator
from resolutions import services as paper_services
from resolutions.models import Supporter
from resolutions.text import parse
from sessions.routing import websocket_urlpatterns
from tests.live_helpers import follow, signal

from .factories import DelegateFactory, UserFactory, open_floor

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.asyncio]

application = URLRouter(websocket_urlpatterns)


@pytest_asyncio.fixture(autouse=True)
async def _close_worker_connections():
    yield
    await sync_to_async(connections.close_all, thread_sensitive=True)()


def communicator(user, slug="ccpcj", session=None):
    comm = WebsocketCommunicator(application, f"/ws/committees/{slug}/")
    comm.scope["user"] = user
    if session is not None:
        comm.scope["session"] = session
    return comm


async def test_logging_out_closes_the_socket(committee, chair):
    def log_in():
        client = Client()
        client.force_login(chair)
        return client, client.session.session_key

    client, key = await sync_to_async(log_in)()
    comm = communicator(chair, session=SessionStore(session_key=key))
    await follow(comm)
    await sync_to_async(client.post)("/accounts/logout/")
    closed = await comm.receive_output(timeout=2)
    assert closed == {"type": "websocket.close", "code": 4401}


async def test_another_session_logging_out_leaves_this_socket_open(committee, chair):
    def two_log_ins():
        first, second = Client(), Client()
        first.force_login(chair)
        second.force_login(chair)
        return first, second.session.session_key

    first, second_key = await sync_to_async(two_log_ins)()
    comm = communicator(chair, session=SessionStore(session_key=second_key))
    await follow(comm)
    await sync_to_async(first.post)("/accounts/logout/")
    assert await comm.receive_nothing(timeout=0.5)
    await comm.disconnect()


@pytest.fixture
def cast_with_kenya(committee, delegations, chair, director, delegate, other_delegate):
    kenya = DelegateFactory(delegation=delegations[2], user=UserFactory(username="kenya")).user
    return {"mexico": delegate, "france": other_delegate, "kenya": kenya, "director": director}


async def test_a_private_paper_is_heard_of_only_by_its_delegations(
    committee, delegations, chair, cast_with_kenya
):
    await database_sync_to_async(open_floor)(committee, chair)
    sockets = {name: communicator(user) for name, user in cast_with_kenya.items()}
    for comm in sockets.values():
        await follow(comm)

    def draft():
        paper = paper_services.paper_create(
            committee=committee,
            delegation=delegations[0],
            actor=cast_with_kenya["mexico"],
            resolution=parse("Recalling x,\n1. Urges y.").resolution,
        )
        paper_services.supporter_invite(
            paper=paper,
            delegation=delegations[0],
            actor=cast_with_kenya["mexico"],
            invitee=delegations[1],
            role=Supporter.Role.SIGNATORY,
        )
        return paper

    paper = await database_sync_to_async(draft)()
    # Mexico (sponsor) hears of the creation and the invitation; France (invited) of the
    # invitation; Kenya and the dais hear nothing while the paper is with its sponsors.
    assert signal(await sockets["mexico"].receive_json_from(timeout=2)) == {
        "what": "papers",
        "paper": paper.pk,
    }
    assert signal(await sockets["france"].receive_json_from(timeout=2)) == {
        "what": "papers",
        "paper": paper.pk,
        "delegation": delegations[1].pk,  # the invitation concerns France
    }
    assert await sockets["kenya"].receive_nothing(timeout=0.5)
    assert await sockets["director"].receive_nothing(timeout=0.2)

    def submit():
        paper_services.supporter_answer(
            paper=paper, delegation=delegations[1], actor=cast_with_kenya["france"], accept=True
        )
        paper_services.paper_submit(
            paper=paper, delegation=delegations[0], actor=cast_with_kenya["mexico"]
        )

    await database_sync_to_async(submit)()
    # Once submitted, the whole committee may read it and hears of it.
    assert signal(await sockets["kenya"].receive_json_from(timeout=2)) == {
        "what": "papers",
        "paper": paper.pk,
    }
    assert signal(await sockets["director"].receive_json_from(timeout=2)) == {
        "what": "papers",
        "paper": paper.pk,
    }
    for comm in sockets.values():
        await comm.disconnect()


async def test_a_malformed_frame_is_ignored_and_the_socket_stays(committee, delegations, chair):
    from sessions import services

    comm = communicator(chair)
    await follow(comm)
    await comm.send_to(text_data="this is not JSON {")
    await comm.send_to(bytes_data=b"\x00\xff")
    assert await comm.receive_nothing(timeout=0.3)
    meeting = await database_sync_to_async(services.meeting_open)(
        committee=committee, name="Sunday evening", actor=chair
    )
    assert meeting.number == 1
    assert signal(await comm.receive_json_from(timeout=2)) == {
        "what": "roll_call",
        "meeting": 1,
        "change": "opened",
    }
    await comm.disconnect()


def scope(origin, host="127.0.0.1:8000"):
    headers = [(b"host", host.encode())]
    if origin is not None:
        headers.append((b"origin", origin.encode()))
    return {"type": "websocket", "headers": headers}


@pytest.mark.parametrize(
    "origin, allowed",
    [
        ("http://127.0.0.1:8000", True),
        ("http://127.0.0.1:9999", False),  # another port of an allowed host
        ("http://evil.example:8000", False),
        ("null", False),
        (None, False),
    ],
)
async def test_the_origin_must_be_the_page_s_own(origin, allowed):
    assert SameOriginValidator.allowed(scope(origin)) is allowed


async def test_a_trusted_origin_is_allowed(settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://mun.example.org"]
    assert SameOriginValidator.allowed(scope("https://mun.example.org", host="internal:8000"))


async def test_the_application_refuses_a_socket_from_another_port(committee, settings):
    from ccpcj.asgi import application as site

    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    foreign = WebsocketCommunicator(
        site,
        "/ws/committees/ccpcj/",
        headers=[(b"host", b"127.0.0.1:8000"), (b"origin", b"http://127.0.0.1:9999")],
    )
    connected, code = await foreign.connect()
    assert not connected and code != 4403  # refused before the consumer looked at the user
    own = WebsocketCommunicator(
        site,
        "/ws/committees/ccpcj/",
        headers=[(b"host", b"127.0.0.1:8000"), (b"origin", b"http://127.0.0.1:8000")],
    )
    connected, code = await own.connect()
    assert not connected and code == 4403  # reached the consumer: anonymous, so refused there

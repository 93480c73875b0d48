from http.cookies import SimpleCookie
from importlib import import_module
from types import SimpleNamespace

from channels.db import DatabaseSyncToAsync
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings

from . import hub
from .live import SESSION_ENDED, committee_group, delegation_group, dumps, session_group
from .models import Committee
from .permissions import committee_access


def _session_key(scope):
    for name, value in scope.get("headers", ()):
        if name == b"cookie":
            cookie = SimpleCookie()
            cookie.load(value.decode("latin-1"))
            morsel = cookie.get(settings.SESSION_COOKIE_NAME)
            return morsel.value if morsel else None
    return None


def _follow(user, session_key, slug):
    """Who is connecting and what they may follow, in one trip to the database thread:
    ``(committee id, groups, the stream's number)``, or ``(None, None, None)`` when refused.
    ``user`` is None when it comes from the session cookie (the server), or given (tests)."""
    if user is None:
        from django.contrib.auth import get_user

        if not session_key:
            return None, None, None
        store = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
        user = get_user(SimpleNamespace(session=store))
    if not user.is_authenticated:
        return None, None, None
    committee = Committee.objects.filter(slug=slug).first()
    if committee is None:
        return None, None, None
    access = committee_access(user, committee)
    if not access.has("committee.follow_live"):
        return None, None, None
    groups = [committee_group(committee.pk)]
    if access.delegation is not None:
        groups.append(delegation_group(committee.pk, access.delegation.pk))
    if session_key:
        groups.append(session_group(session_key))
    return committee.pk, groups, committee.live_seq


# Off the thread that runs the views: a room reconnecting at once does not queue the
# chair's requests behind its log-in checks.
_follow_async = DatabaseSyncToAsync(_follow, thread_sensitive=False)


class CommitteeConsumer(AsyncWebsocketConsumer):
    """Writes the committee's live messages (``sessions.live``) to a page; members only.

    Each socket joins the committee's group, its delegation's group (for events about papers
    that only their supporters may read) and its log-in session's group, so logging out
    closes it. Messages reach it through its process's hub (``sessions.hub``), not through a
    channel of its own. Once it follows, it is told the stream's current number (``hello``),
    so a page that missed something while it connected catches up once. The client sends
    nothing: any frame it sends is ignored."""

    # No channel per socket: the hub writes to the sockets it holds.
    channel_layer_alias = "no-channel-layer"

    async def connect(self):
        slug = self.scope["url_route"]["kwargs"]["committee"]
        user = self.scope.get("user")  # given by tests; the server reads the cookie
        session = self.scope.get("session")
        session_key = session.session_key if session is not None else _session_key(self.scope)
        committee_id, groups, seq = await _follow_async(user, session_key, slug)
        if groups is None:
            await self.close(code=4403)
            return
        await self.accept()
        self.hub = hub.hub_for_running_loop()
        self.groups_joined = groups
        await self.hub.join(self, groups)
        # A message numbered after the read above but before joining reached the hub, not
        # this socket: the hub remembers the last number it saw for the committee.
        seq = max(seq, self.hub.last_seq.get(groups[0], 0))
        await self.send(text_data=dumps({"what": "hello", "seq": seq}))

    async def disconnect(self, code):
        groups = getattr(self, "groups_joined", None)
        if groups is not None:
            self.groups_joined = None
            self.hub.leave(self, groups)

    async def receive(self, text_data=None, bytes_data=None):
        """Nothing is expected from the page; a stray or malformed frame is ignored."""
        return

    async def send_live(self, text):
        if text == SESSION_ENDED:
            # The user logged out: stop following (4401 tells the page not to reconnect).
            await self.close(code=4401)
            return
        await self.base_send({"type": "websocket.send", "text": text})

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from . import hub
from .live import SESSION_ENDED, committee_group, delegation_group, dumps, session_group
from .models import Committee
from .permissions import committee_access


@database_sync_to_async
def _groups_for(user, slug):
    """The groups this user may follow in the committee, or None when none."""
    committee = Committee.objects.filter(slug=slug).first()
    if committee is None:
        return None, None
    access = committee_access(user, committee)
    if not access.has("committee.follow_live"):
        return None, None
    groups = [committee_group(committee.pk)]
    if access.delegation is not None:
        groups.append(delegation_group(committee.pk, access.delegation.pk))
    return committee.pk, groups


@database_sync_to_async
def _current_seq(committee_id):
    return Committee.objects.filter(pk=committee_id).values_list("live_seq", flat=True).first()


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
        user = self.scope.get("user")
        slug = self.scope["url_route"]["kwargs"]["committee"]
        committee_id, groups = (None, None)
        if user and user.is_authenticated:
            committee_id, groups = await _groups_for(user, slug)
        if groups is None:
            await self.close(code=4403)
            return
        session = self.scope.get("session")
        if session is not None and session.session_key:
            groups.append(session_group(session.session_key))
        await self.accept()
        self.hub = hub.hub_for_running_loop()
        self.groups_joined = groups
        await self.hub.join(self, groups)
        seq = await _current_seq(committee_id)
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

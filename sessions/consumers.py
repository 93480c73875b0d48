from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from .live import committee_group, delegation_group, session_group
from .models import Committee
from .permissions import committee_access


@database_sync_to_async
def _groups_for(user, slug):
    """The groups this user may follow in the committee, or None when none."""
    committee = Committee.objects.filter(slug=slug).first()
    if committee is None:
        return None
    access = committee_access(user, committee)
    if not access.has("committee.follow_live"):
        return None
    groups = [committee_group(committee.pk)]
    if access.delegation is not None:
        groups.append(delegation_group(committee.pk, access.delegation.pk))
    return groups


class CommitteeConsumer(AsyncJsonWebsocketConsumer):
    """Pushes ``{"what": ...}`` to pages following a committee; members only.

    Each socket joins the committee's group, its delegation's group (for events about papers
    that only their supporters may read) and its log-in session's group, so logging out
    closes it. The client sends nothing: any frame it sends is ignored."""

    async def connect(self):
        user = self.scope.get("user")
        slug = self.scope["url_route"]["kwargs"]["committee"]
        groups = await _groups_for(user, slug) if user and user.is_authenticated else None
        if groups is None:
            await self.close(code=4403)
            return
        session = self.scope.get("session")
        if session is not None and session.session_key:
            groups.append(session_group(session.session_key))
        self.groups_joined = groups
        for group in groups:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        for group in getattr(self, "groups_joined", []):
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None, **kwargs):
        """Nothing is expected from the page; a stray or malformed frame is ignored."""
        return

    async def committee_changed(self, event):
        await self.send_json({k: v for k, v in event.items() if k != "type"})

    async def session_ended(self, event):
        """The user logged out: stop following (4401 tells the page not to reconnect)."""
        await self.close(code=4401)

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from .live import committee_group
from .models import Committee
from .permissions import committee_access


@database_sync_to_async
def _can_follow(user, slug):
    committee = Committee.objects.filter(slug=slug).first()
    if committee is None:
        return None
    access = committee_access(user, committee)
    return committee.pk if access.has("committee.follow_live") else None


class CommitteeConsumer(AsyncJsonWebsocketConsumer):
    """Pushes ``{"what": ...}`` to pages following a committee; members only."""

    async def connect(self):
        user = self.scope.get("user")
        slug = self.scope["url_route"]["kwargs"]["committee"]
        committee_id = await _can_follow(user, slug) if user and user.is_authenticated else None
        if committee_id is None:
            await self.close(code=4403)
            return
        self.group = committee_group(committee_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        if getattr(self, "group", None):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def committee_changed(self, event):
        await self.send_json({k: v for k, v in event.items() if k != "type"})

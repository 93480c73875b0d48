"""The websocket's origin check: exactly the page's own origin (scheme, host and port), or
one of CSRF_TRUSTED_ORIGINS. Channels' AllowedHostsOriginValidator accepts any port of an
allowed host, so a page served elsewhere on the same host could open the committee's socket
with the user's cookies."""

from urllib.parse import urlsplit

from channels.security.websocket import WebsocketDenier
from django.conf import settings


class SameOriginValidator:
    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket" and not self.allowed(scope):
            denier = WebsocketDenier()
            return await denier(scope, receive, send)
        return await self.application(scope, receive, send)

    @staticmethod
    def allowed(scope):
        headers = dict(scope.get("headers", []))
        origin = headers.get(b"origin", b"").decode("latin-1").strip()
        host = headers.get(b"host", b"").decode("latin-1").strip().lower()
        if not origin or not host:
            return False
        if origin in settings.CSRF_TRUSTED_ORIGINS:
            return True
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return False
        return parts.netloc.lower() == host

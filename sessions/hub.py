"""Each server process's fan-out of live messages to its own websockets.

A message is published once, already serialised, to a *group* (a committee, a delegation in
it, a log-in session). With ``REDIS_URL`` set it goes through Redis pub/sub: every server
process holds one subscription (``live:*``) and writes each message to the sockets it holds
itself. Without Redis (development, tests) publishing hands the message straight to the event
loop that holds the sockets.

Why not Channels' layer: it gives each socket its own channel, its own Redis read and a
thread hop per message, which costs about half a millisecond of CPU per socket and message;
here a message costs one Redis delivery per process and one socket write per viewer.

When the dispatcher falls behind (a chair recording at full speed), consecutive sequenced
messages of a kind that carries its whole state are merged into one: the newest state,
the changes of all of them, the sequence number of the last and the ``prev`` of the first,
so a screen applies it as the run it replaces (``sessions.live.COALESCE``).
"""

import asyncio
import contextlib
import json
import logging
import threading
from collections import defaultdict

from django.conf import settings

logger = logging.getLogger(__name__)

CHANNEL_PREFIX = "live:"
_hubs = {}
_hubs_lock = threading.Lock()
_publisher = None
_publisher_lock = threading.Lock()


def redis_url():
    return getattr(settings, "LIVE_REDIS_URL", None)


def _redis_options():
    # No socket timeout on the subscription: it waits for messages for as long as the
    # committee is quiet. redis-py 8's default of 5 s would cut idle subscriptions.
    return {"socket_timeout": None, "socket_connect_timeout": 5, "socket_keepalive": True}


def _sync_publisher():
    global _publisher
    with _publisher_lock:
        if _publisher is None:
            import redis

            _publisher = redis.Redis.from_url(
                redis_url(), socket_timeout=5, socket_connect_timeout=5, health_check_interval=30
            )
        return _publisher


def publish(groups, text):
    """Send ``text`` to every socket in ``groups`` (from any thread, sync code)."""
    if redis_url():
        client = _sync_publisher()
        if len(groups) == 1:
            client.publish(CHANNEL_PREFIX + groups[0], text)
        else:
            pipe = client.pipeline(transaction=False)
            for group in groups:
                pipe.publish(CHANNEL_PREFIX + group, text)
            pipe.execute()
        return
    with _hubs_lock:
        hubs = list(_hubs.values())
    for hub in hubs:
        hub.deliver_threadsafe(groups, text)


def anyone_listening():
    """False when no socket of this deployment can hear a message: no Redis, and no socket
    open in this process (a management command, the demo's loading)."""
    return bool(redis_url()) or bool(_hubs)


def ping():
    """For the health check: raises when the live transport cannot be reached."""
    if redis_url():
        _sync_publisher().ping()


def hub_for_running_loop():
    loop = asyncio.get_running_loop()
    with _hubs_lock:
        hub = _hubs.get(loop)
        if hub is None:
            hub = _hubs[loop] = LoopHub(loop)
        return hub


class LoopHub:
    """The sockets held by one event loop (one per server process), by group."""

    def __init__(self, loop):
        self.loop = loop
        self.groups = defaultdict(set)
        self.last_seq = {}  # committee group -> the last number seen in its stream
        self.sockets = 0
        self.queue = asyncio.Queue()
        self.ready = asyncio.Event()
        self.tasks = []

    # Sockets joining and leaving ---------------------------------------------------------

    async def join(self, socket, groups):
        for group in groups:
            self.groups[group].add(socket)
        self.sockets += 1
        if not self.tasks:
            self.tasks.append(self.loop.create_task(self._dispatch()))
            if redis_url():
                self.tasks.append(self.loop.create_task(self._listen()))
            else:
                self.ready.set()
        # With Redis, a socket is not told it follows until the subscription is in place.
        await self.ready.wait()

    def leave(self, socket, groups):
        for group in groups:
            members = self.groups.get(group)
            if members is not None:
                members.discard(socket)
                if not members:
                    del self.groups[group]
        self.sockets -= 1
        if self.sockets <= 0:
            self.sockets = 0
            for task in self.tasks:
                task.cancel()
            self.tasks = []
            self.ready = asyncio.Event()
            with _hubs_lock:
                if _hubs.get(self.loop) is self:
                    del _hubs[self.loop]

    # Messages in -------------------------------------------------------------------------

    def deliver_threadsafe(self, groups, text):
        try:
            self.loop.call_soon_threadsafe(self._enqueue, groups, text)
        except RuntimeError:  # the loop has closed (a finished test's loop)
            with _hubs_lock:
                if _hubs.get(self.loop) is self:
                    del _hubs[self.loop]

    def _enqueue(self, groups, text):
        for group in groups:
            self._take(group, text)

    def _take(self, group, text):
        if text.startswith('{"seq":'):
            seq = int(text[7 : text.index(",")])
            if seq > self.last_seq.get(group, 0):
                self.last_seq[group] = seq
        if group in self.groups:
            self.queue.put_nowait((group, text))

    async def _listen(self):
        """One Redis subscription for the whole process; reconnects by itself. After a
        reconnection every socket is told to catch up, since messages may have been missed."""
        import redis.asyncio as aioredis

        delay = 0.5
        first = True
        while True:
            client = aioredis.Redis.from_url(redis_url(), **_redis_options())
            pubsub = client.pubsub(ignore_subscribe_messages=True)
            try:
                await pubsub.psubscribe(CHANNEL_PREFIX + "*")
                self.ready.set()
                if not first:
                    self._resync_everyone()
                first = False
                delay = 0.5
                while True:
                    message = await pubsub.get_message(timeout=None)
                    if message is None:
                        continue
                    group = message["channel"].decode()[len(CHANNEL_PREFIX) :]
                    data = message["data"]
                    self._take(group, data.decode() if isinstance(data, bytes) else data)
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.warning("Live subscription lost; reconnecting", exc_info=True)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10)
            finally:
                try:
                    await pubsub.aclose()
                    await client.aclose()
                except Exception:
                    pass

    def _resync_everyone(self):
        text = json.dumps({"what": "resync"})
        for group in list(self.groups):
            if group.count(".") == 1 and group.startswith("committee."):
                self.queue.put_nowait((group, text))

    # Messages out ------------------------------------------------------------------------

    async def _dispatch(self):
        from .live import coalesce

        while True:
            batch = [await self.queue.get()]
            while not self.queue.empty():
                batch.append(self.queue.get_nowait())
            if len(batch) > 1:
                batch = coalesce(batch)
            for group, text in batch:
                for socket in list(self.groups.get(group, ())):
                    # A socket that closed meanwhile leaves by itself (its consumer's disconnect).
                    with contextlib.suppress(Exception):
                        await socket.send_live(text)

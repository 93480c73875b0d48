"""A vote's live messages, sent without holding the chair's request.

``send_after_commit(committee, payload)`` queues the message once the transaction commits; one
sender thread per process, with its own event loop, hands the messages to the channel layer in
the order they were queued. The chair's request returns as soon as its transaction commits,
however many screens follow. Messages carry the vote's state and sequence number, so a screen
that misses one notices the gap and fetches the state once.

With the in-memory channel layer (development, tests) the layer lives in the server's own
event loop, so messages go through ``sessions.live.notify`` as every other signal does.
"""

import asyncio
import logging
import queue
import threading

from channels.layers import InMemoryChannelLayer, get_channel_layer
from django.db import transaction

from sessions.live import committee_group, notify

logger = logging.getLogger(__name__)
_queue = queue.SimpleQueue()
_started = threading.Lock()
_thread = None


def _run():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    layer = get_channel_layer()
    while True:
        group, payload = _queue.get()
        try:
            loop.run_until_complete(layer.group_send(group, payload))
        except Exception:
            logger.warning("Could not send a vote's update to %s", group, exc_info=True)


def _ensure_sender():
    global _thread
    with _started:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_run, name="vote-sender", daemon=True)
            _thread.start()


def send_after_commit(committee, **data):
    layer = get_channel_layer()
    if layer is None or isinstance(layer, InMemoryChannelLayer):
        notify(committee, "vote", **data)
        return
    payload = {"type": "committee.changed", "what": "vote", **data}
    group = committee_group(committee.pk)

    def queue_it():
        _ensure_sender()
        _queue.put((group, payload))

    transaction.on_commit(queue_it)

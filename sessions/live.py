"""Tell every open page of a committee that something changed.

The socket only signals; pages fetch their state from the database. Services call
``notify`` inside their transaction; the message goes out once it commits. A failed
signal (the channel layer is down, say) is logged and never undoes or breaks the change:
pages still show the truth on their next load.
"""

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

logger = logging.getLogger(__name__)


def committee_group(committee_id):
    return f"committee.{committee_id}"


def notify(committee, what, **data):
    payload = {"type": "committee.changed", "what": what, **data}
    committee_id = committee.pk

    def send():
        try:
            layer = get_channel_layer()
            if layer is not None:
                async_to_sync(layer.group_send)(committee_group(committee_id), payload)
        except Exception:
            logger.warning("Could not signal %s to committee %s", what, committee_id, exc_info=True)

    transaction.on_commit(send)

"""Tell every open page of a committee that something changed.

The socket only signals; pages fetch their state from the database. Services call
``notify`` inside their transaction; the message goes out once it commits.
"""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction


def committee_group(committee_id):
    return f"committee.{committee_id}"


def notify(committee, what, **data):
    payload = {"type": "committee.changed", "what": what, **data}
    committee_id = committee.pk

    def send():
        layer = get_channel_layer()
        if layer is not None:
            async_to_sync(layer.group_send)(committee_group(committee_id), payload)

    transaction.on_commit(send)

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


def delegation_group(committee_id, delegation_id):
    return f"committee.{committee_id}.delegation.{delegation_id}"


def session_group(session_key):
    return f"session.{session_key}"


def notify(committee, what, *, only_delegations=None, **data):
    """Signal ``what`` changed. ``only_delegations`` (ids) keeps a private event (a paper
    still with its sponsors) to the pages of those delegations."""
    payload = {"type": "committee.changed", "what": what, **data}
    committee_id = committee.pk
    if only_delegations is None:
        groups = [committee_group(committee_id)]
    else:
        groups = [delegation_group(committee_id, d) for d in sorted(set(only_delegations))]

    def send():
        try:
            layer = get_channel_layer()
            if layer is not None:
                for group in groups:
                    async_to_sync(layer.group_send)(group, payload)
        except Exception:
            logger.warning("Could not signal %s to committee %s", what, committee_id, exc_info=True)

    transaction.on_commit(send)


def end_session(session_key):
    """Close the sockets opened under a log-in session (called when it logs out)."""
    if not session_key:
        return
    try:
        layer = get_channel_layer()
        if layer is not None:
            async_to_sync(layer.group_send)(session_group(session_key), {"type": "session.ended"})
    except Exception:
        logger.warning("Could not close the sockets of a session", exc_info=True)

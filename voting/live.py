"""A vote's live messages.

``send_after_commit(committee, **data)`` publishes the vote's new state in the committee's
live stream once the transaction commits (``sessions.live``): the message carries the tally,
the answer just recorded and the vote's own sequence number, so a screen that misses one
notices the gap and fetches the vote's state once. Publishing is one message to Redis (or to
the process's own sockets); each server process writes it to its sockets, so the chair's
request does not wait for the fan-out.
"""

from sessions.live import notify


def send_after_commit(committee, **data):
    notify(committee, "vote", **data)
